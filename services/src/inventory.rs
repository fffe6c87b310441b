//! Stock reservations for orders, after Saleor's `allocate_stocks`: every change locks
//! the variant rows it touches (`SELECT ... FOR NO KEY UPDATE`) in one fixed order
//! (variant id ascending) inside the caller's transaction, so concurrent checkouts queue
//! on the rows instead of deadlocking, and the loser of the last unit gets a clear
//! [`InventoryError::SoldOut`]. Stock can never go negative and no unit is sold twice.
//!
//! Why `NO KEY UPDATE` rather than `UPDATE`: checkout inserts `order_items` (a foreign
//! key to the variant, which takes `FOR KEY SHARE` on it) before reserving. `FOR UPDATE`
//! conflicts with another checkout's key-share lock, so two checkouts of one piece would
//! deadlock; `FOR NO KEY UPDATE` (what PostgreSQL's own `UPDATE` of non-key columns
//! takes) still serialises every writer of the counters but lets foreign keys through.
//!
//! Counters on `product_variants`: `inventory_quantity` is on hand, `inventory_reserved`
//! is held for orders awaiting payment; `available = quantity - reserved`.
//!
//! The ledger (`inventory_transactions`) records, per order line and variant, every
//! change to what can still be sold: `quantity` is the signed change of `available` and
//! `balance_after` is `available` afterwards. Types:
//! - `reserve` (-n): an order holds n units (reserved +n);
//! - `release` (+n): payment failed or the hold expired (reserved -n);
//! - `sale` (0): payment succeeded, the held units leave the shelf (on hand -n and
//!   reserved -n, so `available` is unchanged); `reason` states both counters.
//!
//! So the ledger of a variant sums to the change of its available stock, and an order's
//! outstanding hold on a line is minus the sum of its `reserve`/`release` rows until a
//! `sale` row exists. That is what makes [`commit_reservation`] and
//! [`release_reservation`] idempotent.

use std::collections::BTreeMap;

use chrono::Utc;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    QueryFilter, Statement, TransactionTrait,
};

use entities::sea_orm_active_enums::OrderStatus;
use entities::{inventory_transactions, order_items, order_status_history, orders};

pub const KIND_RESERVE: &str = "reserve";
pub const KIND_RELEASE: &str = "release";
pub const KIND_SALE: &str = "sale";

/// Order statuses in which an order may still hold stock waiting for payment.
pub const AWAITING_PAYMENT: [OrderStatus; 3] = [
    OrderStatus::Pending,
    OrderStatus::PaymentProcessing,
    OrderStatus::PaymentFailed,
];

#[derive(Debug, thiserror::Error)]
pub enum InventoryError {
    #[error("{}", sold_out_message(sku, *available))]
    SoldOut { sku: String, available: i32 },
    #[error("That piece no longer exists.")]
    UnknownVariant { variant_id: Uuid },
    #[error("Choose a quantity of at least 1.")]
    InvalidQuantity { variant_id: Uuid, quantity: i32 },
    /// A line to reserve that is not an item of the order (a caller bug).
    #[error("That piece is not part of this order.")]
    NotInOrder { variant_id: Uuid },
    #[error("We could not find that order.")]
    OrderNotFound { order_id: Uuid },
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] DbErr),
}

impl InventoryError {
    /// The typed reason the shopper is shown.
    pub fn refusal(&self) -> domain::Refusal {
        use domain::Refusal;
        match self {
            InventoryError::SoldOut { sku, available } if *available <= 0 => {
                Refusal::JustSoldOut { name: sku.clone() }
            }
            InventoryError::SoldOut { sku, available } => Refusal::OnlyLeft {
                name: sku.clone(),
                available: *available,
            },
            InventoryError::UnknownVariant { .. } => Refusal::PieceGone,
            InventoryError::InvalidQuantity { .. } => Refusal::QuantityRange {
                max: crate::pricing::MAX_LINE_QUANTITY,
            },
            InventoryError::OrderNotFound { .. } => Refusal::OrderNotFound,
            InventoryError::NotInOrder { .. } | InventoryError::Internal(_) => Refusal::Internal,
        }
    }
}

fn sold_out_message(sku: &str, available: i32) -> String {
    if available <= 0 {
        format!("Sorry, {sku} has just sold out.")
    } else {
        format!("Sorry, only {available} of {sku} left.")
    }
}

struct LockedVariant {
    sku: String,
    quantity: i32,
    reserved: i32,
}

/// Locks the variants `ids` (ascending, the one fixed order) and returns their counters.
async fn lock_variants(
    txn: &DatabaseTransaction,
    ids: Vec<Uuid>,
) -> Result<BTreeMap<Uuid, LockedVariant>, DbErr> {
    let rows = txn
        .query_all_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "SELECT id, sku, inventory_quantity, inventory_reserved FROM product_variants \
             WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE",
            [ids.into()],
        ))
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok((
                row.try_get("", "id")?,
                LockedVariant {
                    sku: row.try_get("", "sku")?,
                    quantity: row.try_get("", "inventory_quantity")?,
                    reserved: row.try_get("", "inventory_reserved")?,
                },
            ))
        })
        .collect()
}

async fn set_counters(
    txn: &DatabaseTransaction,
    variant_id: Uuid,
    quantity: i32,
    reserved: i32,
) -> Result<(), DbErr> {
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "UPDATE product_variants SET inventory_quantity = $2, inventory_reserved = $3, updated_at = now() \
         WHERE id = $1",
        [variant_id.into(), quantity.into(), reserved.into()],
    ))
    .await?;
    Ok(())
}

async fn ledger(
    txn: &DatabaseTransaction,
    variant_id: Uuid,
    order_item_id: Uuid,
    kind: &str,
    change: i32,
    balance_after: i32,
    reason: String,
) -> Result<(), DbErr> {
    inventory_transactions::ActiveModel {
        id: Set(Uuid::new_v4()),
        variant_id: Set(variant_id),
        r#type: Set(kind.to_string()),
        quantity: Set(change),
        balance_after: Set(balance_after),
        order_item_id: Set(Some(order_item_id)),
        reason: Set(Some(reason)),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}

/// Holds `lines` (variant, quantity) for `order_id`, whose `order_items` must already
/// exist. All or nothing: on [`InventoryError::SoldOut`] nothing was written by this
/// call, and the caller rolls its transaction back.
pub async fn reserve(
    txn: &DatabaseTransaction,
    order_id: Uuid,
    lines: &[(Uuid /*variant_id*/, i32 /*quantity*/)],
) -> Result<(), InventoryError> {
    let mut wanted: BTreeMap<Uuid, i32> = BTreeMap::new();
    for &(variant_id, quantity) in lines {
        if quantity < 1 {
            return Err(InventoryError::InvalidQuantity {
                variant_id,
                quantity,
            });
        }
        *wanted.entry(variant_id).or_default() += quantity;
    }
    if wanted.is_empty() {
        return Ok(());
    }
    let items = order_items::Entity::find()
        .filter(order_items::Column::OrderId.eq(order_id))
        .all(txn)
        .await?;
    let locked = lock_variants(txn, wanted.keys().copied().collect()).await?;
    // Check every line before writing anything.
    for (variant_id, quantity) in &wanted {
        let variant = locked
            .get(variant_id)
            .ok_or(InventoryError::UnknownVariant {
                variant_id: *variant_id,
            })?;
        if !items.iter().any(|item| item.variant_id == *variant_id) {
            return Err(InventoryError::NotInOrder {
                variant_id: *variant_id,
            });
        }
        let available = variant.quantity - variant.reserved;
        if *quantity > available {
            return Err(InventoryError::SoldOut {
                sku: variant.sku.clone(),
                available: available.max(0),
            });
        }
    }
    for (variant_id, quantity) in wanted {
        let variant = &locked[&variant_id];
        let item = items
            .iter()
            .find(|item| item.variant_id == variant_id)
            .expect("checked above");
        let reserved = variant.reserved + quantity;
        set_counters(txn, variant_id, variant.quantity, reserved).await?;
        ledger(
            txn,
            variant_id,
            item.id,
            KIND_RESERVE,
            -quantity,
            variant.quantity - reserved,
            format!("held for order {order_id}"),
        )
        .await?;
    }
    Ok(())
}

/// Per order item: (item id, variant id, units still held, already sold).
async fn holds(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<Vec<(Uuid, Uuid, i32, bool)>, DbErr> {
    let rows = txn
        .query_all_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "SELECT oi.id, oi.variant_id, \
               COALESCE(-SUM(t.quantity) FILTER (WHERE t.type IN ('reserve', 'release')), 0)::int AS held, \
               COUNT(t.id) FILTER (WHERE t.type = 'sale') > 0 AS sold \
             FROM order_items oi LEFT JOIN inventory_transactions t ON t.order_item_id = oi.id \
             WHERE oi.order_id = $1 GROUP BY oi.id, oi.variant_id ORDER BY oi.variant_id, oi.id",
            [order_id.into()],
        ))
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok((
                row.try_get("", "id")?,
                row.try_get("", "variant_id")?,
                row.try_get("", "held")?,
                row.try_get("", "sold")?,
            ))
        })
        .collect()
}

/// Locks the order row: commit, release and the expiry job take turns per order.
async fn lock_order(txn: &DatabaseTransaction, order_id: Uuid) -> Result<(), InventoryError> {
    let found = txn
        .query_one_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "SELECT id FROM orders WHERE id = $1 FOR NO KEY UPDATE",
            [order_id.into()],
        ))
        .await?;
    found
        .map(|_| ())
        .ok_or(InventoryError::OrderNotFound { order_id })
}

/// Payment succeeded: the order's held units are sold (on hand and reserved both
/// lowered). Idempotent: a second call changes nothing.
pub async fn commit_reservation(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<(), InventoryError> {
    settle(txn, order_id, Settlement::Sell).await
}

/// Payment failed or the hold expired: the order's held units go back on sale.
/// Idempotent, and a no-op for an order whose stock was already sold.
pub async fn release_reservation(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<(), InventoryError> {
    settle(txn, order_id, Settlement::Release).await
}

#[derive(Clone, Copy)]
enum Settlement {
    Sell,
    Release,
}

/// Ends the order's outstanding holds one way or the other, under the order's lock and
/// the variants' locks (ascending).
async fn settle(
    txn: &DatabaseTransaction,
    order_id: Uuid,
    how: Settlement,
) -> Result<(), InventoryError> {
    lock_order(txn, order_id).await?;
    let pending: Vec<_> = holds(txn, order_id)
        .await?
        .into_iter()
        .filter(|(_, _, held, sold)| *held > 0 && !sold)
        .collect();
    if pending.is_empty() {
        return Ok(());
    }
    let mut locked = lock_variants(
        txn,
        pending.iter().map(|(_, variant, _, _)| *variant).collect(),
    )
    .await?;
    for (item_id, variant_id, held, _) in pending {
        let variant = locked
            .get_mut(&variant_id)
            .ok_or(InventoryError::UnknownVariant { variant_id })?;
        let (kind, change, quantity, reserved, reason) = match how {
            Settlement::Sell => {
                let (quantity, reserved) = (variant.quantity - held, variant.reserved - held);
                let reason = format!(
                    "sold on order {order_id}: on hand {} -> {quantity}, reserved {} -> {reserved}",
                    variant.quantity, variant.reserved
                );
                (KIND_SALE, 0, quantity, reserved, reason)
            }
            Settlement::Release => (
                KIND_RELEASE,
                held,
                variant.quantity,
                (variant.reserved - held).max(0),
                format!("released from order {order_id}"),
            ),
        };
        set_counters(txn, variant_id, quantity, reserved).await?;
        (variant.quantity, variant.reserved) = (quantity, reserved);
        ledger(
            txn,
            variant_id,
            item_id,
            kind,
            change,
            quantity - reserved,
            reason,
        )
        .await?;
    }
    Ok(())
}

/// For a background job: orders still awaiting payment (pending, processing, or failed
/// and not retried) created more than `older_than` ago have their stock released and
/// are cancelled (status history written, coupon use given back). Each order is handled
/// in its own transaction; orders another worker is handling are skipped. Returns how
/// many orders were cancelled.
pub async fn release_expired(
    db: &DatabaseConnection,
    older_than: chrono::Duration,
) -> Result<u64, InventoryError> {
    let cutoff = Utc::now() - older_than;
    let candidates: Vec<Uuid> = orders::Entity::find()
        .filter(orders::Column::Status.is_in(AWAITING_PAYMENT))
        .filter(orders::Column::CreatedAt.lt(cutoff))
        .all(db)
        .await?
        .into_iter()
        .map(|order| order.id)
        .collect();
    let mut cancelled = 0;
    for order_id in candidates {
        let txn = db.begin().await?;
        // Re-check under the lock; skip orders someone else is settling right now.
        let still_waiting = txn
            .query_one_raw(Statement::from_sql_and_values(
                txn.get_database_backend(),
                "SELECT id FROM orders WHERE id = $1 AND created_at < $2 \
                 AND status IN ('PENDING', 'PAYMENT_PROCESSING', 'PAYMENT_FAILED') \
                 FOR NO KEY UPDATE SKIP LOCKED",
                [order_id.into(), cutoff.into()],
            ))
            .await?
            .is_some();
        if !still_waiting {
            txn.rollback().await?;
            continue;
        }
        // Coupon before stock: the same lock order as checkout (coupon, then variants).
        give_back_coupon(&txn, order_id).await?;
        release_reservation(&txn, order_id).await?;
        txn.execute_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "UPDATE orders SET status = 'CANCELLED', cancelled_at = now(), updated_at = now() WHERE id = $1",
            [order_id.into()],
        ))
        .await?;
        order_status_history::ActiveModel {
            id: Set(Uuid::new_v4()),
            order_id: Set(order_id),
            status: Set(OrderStatus::Cancelled),
            notes: Set(Some(format!(
                "Payment not received within {} minutes; stock released.",
                older_than.num_minutes()
            ))),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        cancelled += 1;
    }
    Ok(cancelled)
}

/// A cancelled order no longer counts against its coupon's limits.
pub(crate) async fn give_back_coupon(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<(), DbErr> {
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "WITH gone AS (DELETE FROM coupon_uses WHERE order_id = $1 RETURNING coupon_id) \
         UPDATE coupons SET usage_count = GREATEST(usage_count - 1, 0), updated_at = now() \
         WHERE id IN (SELECT coupon_id FROM gone)",
        [order_id.into()],
    ))
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sold_out_messages_are_specific() {
        assert_eq!(
            InventoryError::SoldOut {
                sku: "LV-1".into(),
                available: 0
            }
            .to_string(),
            "Sorry, LV-1 has just sold out."
        );
        assert_eq!(
            InventoryError::SoldOut {
                sku: "LV-1".into(),
                available: 2
            }
            .to_string(),
            "Sorry, only 2 of LV-1 left."
        );
    }
}
