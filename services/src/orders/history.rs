//! The shopper's orders, newest first, a page at a time by keyset: the cursor is the last
//! order's `(created_at, id)`, so a page costs the same however far back it is, and an
//! order placed meanwhile never shifts the next page. `idx_orders_user`
//! (`user_id, created_at DESC`) serves it.

use chrono::{DateTime, Utc};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement};

use super::{OrderError, statuses_of};
use domain::read::orders::OrderFilter;
use entities::orders;

/// The most orders one page shows.
pub const MAX_PAGE: u64 = 50;

/// How many pieces a card shows.
const PIECES_PER_CARD: usize = 3;

/// Which page of which orders.
#[derive(Clone, Debug, Default)]
pub struct OrderListQuery {
    pub filter: Option<OrderFilter>,
    /// The `next` of the previous page.
    pub after: Option<String>,
    /// Capped at [`MAX_PAGE`]; 0 means 10.
    pub limit: u64,
}

/// One order in the list with its first pieces (name, picture).
#[derive(Clone, Debug)]
pub struct OrderCard {
    pub order: orders::Model,
    pub item_count: i32,
    pub pieces: Vec<(String, Option<String>)>,
}

#[derive(Clone, Debug, Default)]
pub struct OrderList {
    pub cards: Vec<OrderCard>,
    pub next: Option<String>,
    /// The shopper has orders at all (for the empty state of a filter).
    pub any_orders: bool,
}

/// A page of `user_id`'s orders.
pub async fn list(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    query: &OrderListQuery,
) -> Result<OrderList, OrderError> {
    let limit = match query.limit {
        0 => 10,
        n => n.min(MAX_PAGE),
    };
    let after = query.after.as_deref().map(parse_cursor).transpose()?;
    let mut sql = String::from("SELECT * FROM orders WHERE user_id = $1");
    let mut values: Vec<Value> = vec![user_id.into()];
    if let Some(filter) = query.filter {
        values.push(
            statuses_of(filter)
                .into_iter()
                .map(|status| status.to_value())
                .collect::<Vec<String>>()
                .into(),
        );
        sql.push_str(&format!(" AND status::text = ANY(${})", values.len()));
    }
    if let Some((at, id)) = after {
        values.push(at.into());
        values.push(id.into());
        sql.push_str(&format!(
            " AND (created_at, id) < (${}, ${})",
            values.len() - 1,
            values.len()
        ));
    }
    sql.push_str(&format!(
        " ORDER BY created_at DESC, id DESC LIMIT {}",
        limit + 1
    ));
    let mut rows = orders::Entity::find()
        .from_raw_sql(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            values,
        ))
        .all(db)
        .await?;
    let next = if rows.len() as u64 > limit {
        rows.truncate(limit as usize);
        rows.last()
            .map(|last| cursor_of(last.created_at.into(), last.id))
    } else {
        None
    };
    let any_orders = !rows.is_empty() || has_orders(db, user_id).await?;
    let cards = with_pieces(db, rows).await?;
    Ok(OrderList {
        cards,
        next,
        any_orders,
    })
}

async fn has_orders(db: &impl ConnectionTrait, user_id: Uuid) -> Result<bool, DbErr> {
    Ok(db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT 1 AS one FROM orders WHERE user_id = $1 LIMIT 1",
            [user_id.into()],
        ))
        .await?
        .is_some())
}

/// The orders with their item counts and first pieces, in one query for the page.
async fn with_pieces(
    db: &impl ConnectionTrait,
    orders: Vec<orders::Model>,
) -> Result<Vec<OrderCard>, DbErr> {
    let ids: Vec<Uuid> = orders.iter().map(|order| order.id).collect();
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT oi.order_id, oi.product_name, oi.quantity, \
               (SELECT pm.url FROM product_media pm WHERE pm.product_id = oi.product_id \
                ORDER BY pm.is_primary DESC, pm.display_order, pm.id LIMIT 1) AS image \
             FROM order_items oi WHERE oi.order_id = ANY($1) \
             ORDER BY oi.order_id, oi.created_at, oi.id",
            [ids.into()],
        ))
        .await?;
    let mut cards: Vec<OrderCard> = orders
        .into_iter()
        .map(|order| OrderCard {
            order,
            item_count: 0,
            pieces: Vec::new(),
        })
        .collect();
    for row in rows {
        let order_id: Uuid = row.try_get("", "order_id")?;
        let Some(card) = cards.iter_mut().find(|card| card.order.id == order_id) else {
            continue;
        };
        let quantity: i32 = row.try_get("", "quantity")?;
        card.item_count = card.item_count.saturating_add(quantity);
        if card.pieces.len() < PIECES_PER_CARD {
            card.pieces
                .push((row.try_get("", "product_name")?, row.try_get("", "image")?));
        }
    }
    Ok(cards)
}

/// `<microseconds since the epoch>.<order id>`.
fn cursor_of(at: DateTime<Utc>, id: Uuid) -> String {
    format!("{}.{}", at.timestamp_micros(), id.simple())
}

fn parse_cursor(cursor: &str) -> Result<(DateTime<Utc>, Uuid), OrderError> {
    let (micros, id) = cursor.trim().split_once('.').ok_or(OrderError::BadCursor)?;
    let at = micros
        .parse::<i64>()
        .ok()
        .and_then(DateTime::from_timestamp_micros)
        .ok_or(OrderError::BadCursor)?;
    let id = Uuid::parse_str(id).map_err(|_| OrderError::BadCursor)?;
    Ok((at, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_nonsense_is_refused() {
        let at = DateTime::from_timestamp_micros(1_796_000_000_123_456).unwrap();
        let id = Uuid::new_v4();
        assert_eq!(parse_cursor(&cursor_of(at, id)).unwrap(), (at, id));
        for bad in [
            "",
            "abc",
            "12.not-a-uuid",
            "x.0f0e0c0b0a0908070605040302010000",
        ] {
            assert!(
                matches!(parse_cursor(bad), Err(OrderError::BadCursor)),
                "{bad}"
            );
        }
    }
}
