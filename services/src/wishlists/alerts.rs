//! Alerts on saved pieces: a price drop (the piece now costs less than when it was
//! saved) and a restock (the saved size, or any size, went from none on hand to some).
//! Checked for one product right after its price or stock changes, and for every saved
//! piece by a periodic sweep, the safety net for changes made some other way.
//!
//! One alert per item and change, however often it runs: a price drop is due when no
//! price-drop notification reached the shopper for that product since the later of the
//! save and the product's last price change (`audit_logs` `product.price_changed`); a
//! restock when none reached them since the last time the stock went from zero to some
//! (`inventory_transactions`). Candidate items are locked `FOR UPDATE SKIP LOCKED`
//! while the notification is written, so two runners never alert twice. The message
//! carries the lowest price of the 30 days before the drop (the EU rule on announced
//! reductions), from the price changes recorded in that time.

use chrono::{DateTime, Utc};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, TransactionTrait};

use crate::notifications::copy::Event;
use crate::notifications::{NewNotification, notify};
use domain::Money;
use domain::read::notifications::Topic;

/// The `audit_logs.action` of a product's price change (`old_values` / `new_values`
/// hold `{"price": "…"}`).
pub const PRICE_CHANGED: &str = "product.price_changed";
/// At most this many alerts per run and kind.
const BATCH: i64 = 500;

/// What a run found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Alerted {
    pub price_drops: usize,
    pub restocks: usize,
}

/// Alerts due on `product_id`'s saved pieces (after its price or stock changed).
pub async fn check_product(
    db: &DatabaseConnection,
    product_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Alerted, DbErr> {
    run(db, Some(product_id), now).await
}

/// Alerts due on every saved piece.
pub async fn sweep(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<Alerted, DbErr> {
    run(db, None, now).await
}

async fn run(
    db: &DatabaseConnection,
    product: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Alerted, DbErr> {
    Ok(Alerted {
        price_drops: price_drops(db, product, now).await?,
        restocks: restocks(db, product).await?,
    })
}

async fn price_drops(
    db: &DatabaseConnection,
    product: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    let txn = db.begin().await?;
    let rows = txn
        .query_all_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            concat!(
                "SELECT i.id, i.product_id, w.user_id, i.price_when_added AS was, \
                   COALESCE(v.price, p.price) AS now_price, p.currency, p.name, p.slug, \
                   (SELECT min((a.old_values->>'price')::numeric) FROM audit_logs a \
                     WHERE a.entity_type = 'product' AND a.entity_id = p.id \
                       AND a.action = 'product.price_changed' \
                       AND a.created_at > $3::timestamptz - interval '30 days') AS lowest \
                 FROM wishlist_items i \
                 JOIN wishlists w ON w.id = i.wishlist_id \
                 JOIN products p ON p.id = i.product_id \
                 LEFT JOIN product_variants v ON v.id = i.variant_id \
                 WHERE i.notify_price_drop AND i.price_when_added IS NOT NULL \
                   AND COALESCE(v.price, p.price) < i.price_when_added \
                   AND ($1::uuid IS NULL OR i.product_id = $1) AND ",
                crate::catalog::storefront_visible!(),
                " AND NOT EXISTS (SELECT 1 FROM notifications n \
                     WHERE n.user_id = w.user_id AND n.product_id = i.product_id \
                       AND n.type = 'PRICE_DROP' \
                       AND n.created_at >= GREATEST(i.added_at, COALESCE( \
                         (SELECT max(a.created_at) FROM audit_logs a \
                           WHERE a.entity_type = 'product' AND a.entity_id = i.product_id \
                             AND a.action = 'product.price_changed'), i.added_at))) \
                 ORDER BY i.id LIMIT $2 \
                 FOR UPDATE OF i SKIP LOCKED"
            ),
            [product.into(), BATCH.into(), now.into()],
        ))
        .await?;
    let mut sent = 0;
    for row in rows {
        let currency: String = row.try_get("", "currency")?;
        let currency = currency.trim();
        let was: Decimal = row.try_get("", "was")?;
        let now_price: Decimal = row.try_get("", "now_price")?;
        let lowest: Option<Decimal> = row.try_get("", "lowest")?;
        let name: String = row.try_get("", "name")?;
        let slug: String = row.try_get("", "slug")?;
        let written = notify(
            &txn,
            NewNotification {
                user_id: row.try_get("", "user_id")?,
                topic: Topic::PriceDrop,
                event: Event::PriceDrop {
                    piece: &name,
                    was: Money::new(was, currency),
                    now: Money::new(now_price, currency),
                    lowest: Money::new(lowest.unwrap_or(was).min(was), currency),
                },
                order_id: None,
                product_id: Some(row.try_get("", "product_id")?),
                action_url: Some(format!("/products/{slug}")),
                email: true,
            },
        )
        .await?;
        sent += usize::from(written.is_some());
    }
    txn.commit().await?;
    Ok(sent)
}

async fn restocks(db: &DatabaseConnection, product: Option<Uuid>) -> Result<usize, DbErr> {
    let txn = db.begin().await?;
    let rows = txn
        .query_all_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            concat!(
                "SELECT i.id, i.product_id, w.user_id, p.name, p.slug, sv.size \
                 FROM wishlist_items i \
                 JOIN wishlists w ON w.id = i.wishlist_id \
                 JOIN products p ON p.id = i.product_id \
                 LEFT JOIN product_variants sv ON sv.id = i.variant_id \
                 JOIN LATERAL (SELECT max(t.created_at) AS at FROM inventory_transactions t \
                   JOIN product_variants tv ON tv.id = t.variant_id \
                   WHERE tv.product_id = i.product_id \
                     AND (i.variant_id IS NULL OR t.variant_id = i.variant_id) \
                     AND t.balance_after - t.quantity <= 0 AND t.balance_after > 0 \
                     AND t.created_at >= i.added_at) r ON r.at IS NOT NULL \
                 WHERE i.notify_back_in_stock AND ($1::uuid IS NULL OR i.product_id = $1) AND ",
                crate::catalog::storefront_visible!(),
                " AND EXISTS (SELECT 1 FROM product_variants av \
                     WHERE av.product_id = i.product_id \
                       AND (i.variant_id IS NULL OR av.id = i.variant_id) \
                       AND av.is_available AND av.inventory_quantity - av.inventory_reserved > 0) \
                   AND NOT EXISTS (SELECT 1 FROM notifications n \
                     WHERE n.user_id = w.user_id AND n.product_id = i.product_id \
                       AND n.type = 'BACK_IN_STOCK' AND n.created_at >= r.at) \
                 ORDER BY i.id LIMIT $2 \
                 FOR UPDATE OF i SKIP LOCKED"
            ),
            [product.into(), BATCH.into()],
        ))
        .await?;
    let mut sent = 0;
    for row in rows {
        let name: String = row.try_get("", "name")?;
        let slug: String = row.try_get("", "slug")?;
        let size: Option<String> = row.try_get("", "size")?;
        let written = notify(
            &txn,
            NewNotification {
                user_id: row.try_get("", "user_id")?,
                topic: Topic::BackInStock,
                event: Event::BackInStock {
                    piece: &name,
                    size: size.as_deref(),
                },
                order_id: None,
                product_id: Some(row.try_get("", "product_id")?),
                action_url: Some(format!("/products/{slug}")),
                email: true,
            },
        )
        .await?;
        sent += usize::from(written.is_some());
    }
    txn.commit().await?;
    Ok(sent)
}
