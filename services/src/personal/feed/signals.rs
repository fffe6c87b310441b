//! What a shopper did lately, as taste signals: the pieces they viewed, saved and bought
//! (the latest [`PER_KIND`] of each, within [`WINDOW_DAYS`]), each with its embedding, its
//! name (for the row's reason) and its age.

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement};

use crate::personal::taste::{Behaviour, Signal};

/// Most recent acts of each kind read.
pub const PER_KIND: i64 = 30;
/// Acts older than this are not read.
pub const WINDOW_DAYS: i64 = 180;

/// A piece a shopper acted on.
#[derive(Clone, Debug)]
pub struct Act {
    pub product_id: Uuid,
    pub name: String,
    pub signal: Signal,
}

const ACTS_SQL: &str = "
SELECT a.product_id, a.kind, extract(epoch FROM now() - a.at) / 86400.0 AS age_days,
       p.name, p.product_embedding
FROM (
    (SELECT product_id, 'viewed' AS kind, max(created_at) AS at FROM product_views
     WHERE user_id = $1 AND created_at > now() - make_interval(days => $3)
     GROUP BY product_id ORDER BY at DESC LIMIT $2)
    UNION ALL
    (SELECT wi.product_id, 'wishlisted', max(wi.added_at) FROM wishlist_items wi
     JOIN wishlists w ON w.id = wi.wishlist_id
     WHERE w.user_id = $1 AND wi.added_at > now() - make_interval(days => $3)
     GROUP BY wi.product_id ORDER BY 3 DESC LIMIT $2)
    UNION ALL
    (SELECT oi.product_id, 'bought', max(o.created_at) FROM order_items oi
     JOIN orders o ON o.id = oi.order_id
     WHERE o.user_id = $1 AND o.created_at > now() - make_interval(days => $3)
       AND o.status IN ('CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED')
     GROUP BY oi.product_id ORDER BY 3 DESC LIMIT $2)
) a
JOIN products p ON p.id = a.product_id
WHERE p.product_embedding IS NOT NULL";

/// The shopper's recent acts, strongest kinds and newest first within a kind.
pub async fn recent_acts(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Act>, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            ACTS_SQL,
            [user_id.into(), PER_KIND.into(), (WINDOW_DAYS as i32).into()],
        ))
        .await?;
    rows.iter()
        .map(|row| {
            let behaviour = match row.try_get::<String>("", "kind")?.as_str() {
                "bought" => Behaviour::Bought,
                "wishlisted" => Behaviour::Wishlisted,
                _ => Behaviour::Viewed,
            };
            let age: Decimal = row.try_get("", "age_days")?;
            Ok(Act {
                product_id: row.try_get("", "product_id")?,
                name: row.try_get("", "name")?,
                signal: Signal {
                    vector: row.try_get::<PgVector>("", "product_embedding")?.to_vec(),
                    behaviour,
                    age_days: age.to_string().parse().unwrap_or(0.0),
                },
            })
        })
        .collect()
}
