//! One order in full for its owner: the lines with their pictures and whether the piece
//! is still in the catalogue, the delivery, and a timeline merged from the status
//! history, the payment ledger (charge, refunds) and the return requests, oldest first,
//! with what each line may still send back.

use chrono::{DateTime, Utc};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder, Statement};

use std::collections::HashMap;

use super::returns::{self, Returnability, Window};
use super::{OrderError, OwnedOrder, items_of};
use crate::checkout::shipping_address_of;
use crate::payments::{TYPE_PAYMENT_INTENT, TYPE_REFUND};
use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};
use entities::{order_items, order_status_history, payment_transactions};

/// A line with what the page shows beside it.
#[derive(Clone, Debug)]
pub struct OrderLine {
    pub item: order_items::Model,
    /// The product's slug while it is still on sale.
    pub product_slug: Option<String>,
    pub image: Option<(String, Option<String>)>,
}

/// What a timeline step records.
#[derive(Clone, Debug, PartialEq)]
pub enum TimelineKind {
    Status(OrderStatus),
    Paid(Decimal),
    Refunded(Decimal),
    ReturnRequested { pieces: i32, refund: Decimal },
}

#[derive(Clone, Debug)]
pub struct TimelineEntry {
    pub at: DateTime<Utc>,
    pub kind: TimelineKind,
}

#[derive(Clone, Debug)]
pub struct OrderDetail {
    pub owned: OwnedOrder,
    pub lines: Vec<OrderLine>,
    pub timeline: Vec<TimelineEntry>,
    pub refunded: Decimal,
    pub window: Window,
    pub window_days: i64,
    /// What each line (by order item id) may still send back.
    pub returns: HashMap<Uuid, Returnability>,
}

/// `user_id`'s order `order_number` in full; someone else's is [`OrderError::NotFound`].
pub async fn detail(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    order_number: &str,
) -> Result<OrderDetail, OrderError> {
    let order = super::find_owned(db, user_id, order_number)
        .await?
        .ok_or(OrderError::NotFound)?;
    let items = items_of(db, order.id).await?;
    let lines = lines_of(db, &items).await?;
    let (mut timeline, refunded) = timeline_of(db, order.id).await?;
    for request in returns::requests_of(db, order.id).await? {
        timeline.push(TimelineEntry {
            at: request.at,
            kind: TimelineKind::ReturnRequested {
                pieces: request.lines.iter().map(|line| line.quantity).sum(),
                refund: request.refund,
            },
        });
    }
    timeline.sort_by_key(|entry| entry.at);
    let policy = returns::policy(db).await?;
    let now = Utc::now();
    let returns = returns::returnability(db, &order, &items, &policy, now).await?;
    Ok(OrderDetail {
        window: returns::window(&order, &policy, now),
        window_days: policy.window_days,
        returns,
        owned: OwnedOrder {
            shipping_address: shipping_address_of(&order),
            order,
            items,
        },
        lines,
        timeline,
        refunded,
    })
}

/// Each item with its product's slug (when still on sale) and first picture.
async fn lines_of(
    db: &impl ConnectionTrait,
    items: &[order_items::Model],
) -> Result<Vec<OrderLine>, DbErr> {
    let ids: Vec<Uuid> = items.iter().map(|item| item.product_id).collect();
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            concat!(
                "SELECT p.id, CASE WHEN ",
                crate::catalog::storefront_visible!(),
                " THEN p.slug END AS slug, m.url, m.alt_text \
                 FROM products p \
                 LEFT JOIN LATERAL (SELECT pm.url, pm.alt_text FROM product_media pm \
                   WHERE pm.product_id = p.id \
                   ORDER BY pm.is_primary DESC, pm.display_order, pm.id LIMIT 1) m ON TRUE \
                 WHERE p.id = ANY($1)"
            ),
            [ids.into()],
        ))
        .await?;
    let mut found = std::collections::HashMap::new();
    for row in rows {
        let id: Uuid = row.try_get("", "id")?;
        let slug: Option<String> = row.try_get("", "slug")?;
        let url: Option<String> = row.try_get("", "url")?;
        let alt: Option<String> = row.try_get("", "alt_text")?;
        found.insert(id, (slug, url.map(|url| (url, alt))));
    }
    Ok(items
        .iter()
        .map(|item| {
            let (product_slug, image) = found.get(&item.product_id).cloned().unwrap_or_default();
            OrderLine {
                item: item.clone(),
                product_slug,
                image,
            }
        })
        .collect())
}

/// The status history and the money movements, oldest first, and the refunded total.
async fn timeline_of(
    db: &impl ConnectionTrait,
    order_id: Uuid,
) -> Result<(Vec<TimelineEntry>, Decimal), DbErr> {
    let history = order_status_history::Entity::find()
        .filter(order_status_history::Column::OrderId.eq(order_id))
        .order_by_asc(order_status_history::Column::CreatedAt)
        .all(db)
        .await?;
    let ledger = payment_transactions::Entity::find()
        .filter(payment_transactions::Column::OrderId.eq(order_id))
        .filter(payment_transactions::Column::Type.is_in([TYPE_PAYMENT_INTENT, TYPE_REFUND]))
        .all(db)
        .await?;
    // A row that repeats the status before it is a note on that step (a return request,
    // say), not a step of its own.
    let mut timeline: Vec<TimelineEntry> = Vec::new();
    let mut previous = None;
    for row in history {
        if previous != Some(row.status) {
            timeline.push(TimelineEntry {
                at: row.created_at.into(),
                kind: TimelineKind::Status(row.status),
            });
        }
        previous = Some(row.status);
    }
    let mut refunded = Decimal::ZERO;
    for row in ledger {
        let at: DateTime<Utc> = row.processed_at.unwrap_or(row.created_at).into();
        if row.r#type == TYPE_REFUND {
            refunded += row.amount;
            timeline.push(TimelineEntry {
                at,
                kind: TimelineKind::Refunded(row.amount),
            });
        } else if matches!(
            row.status,
            PaymentStatus::Completed | PaymentStatus::Refunded | PaymentStatus::PartiallyRefunded
        ) {
            timeline.push(TimelineEntry {
                at,
                kind: TimelineKind::Paid(row.amount),
            });
        }
    }
    // Stable: a payment and the confirmation it caused keep the order they were written in.
    timeline.sort_by_key(|entry| entry.at);
    Ok((timeline, refunded))
}
