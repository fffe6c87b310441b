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
//!   reserved -n, so `available` is unchanged); `reason` states both counters;
//! - `restock` (+n): a paid order was cancelled and its sold units are back (on hand +n).
//!
//! So the ledger of a variant sums to the change of its available stock, and an order's
//! outstanding hold on a line is minus the sum of its `reserve`/`release` rows until a
//! `sale` row exists. That is what makes [`commit_reservation`] and
//! [`release_reservation`] idempotent.
//!
//! The parts: `reserve` (holding stock for a new order), `settle` (selling or releasing
//! an order's holds) and `expiry` (cancelling orders whose payment never came). The row
//! locks, counters and ledger rows they share live here.

mod adjust;
mod expiry;
mod reserve;
mod settle;

use std::collections::BTreeMap;

use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseTransaction, Statement,
};

use entities::inventory_transactions;
use entities::sea_orm_active_enums::OrderStatus;

pub use adjust::{Adjusted, KIND_ADJUSTMENT, adjust};
pub use expiry::{cancel_unpaid, release_expired};
pub use reserve::reserve;
pub use settle::{commit_reservation, release_reservation, restock_order};

pub const KIND_RESERVE: &str = "reserve";
pub const KIND_RELEASE: &str = "release";
pub const KIND_SALE: &str = "sale";
pub const KIND_RESTOCK: &str = "restock";

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
    /// A stock adjustment without its reason.
    #[error("Say why the stock changes.")]
    ReasonMissing,
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
            InventoryError::ReasonMissing => Refusal::AdjustmentReasonMissing,
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

/// A cancelled order no longer counts against its coupon's limits.
pub async fn give_back_coupon(txn: &DatabaseTransaction, order_id: Uuid) -> Result<(), DbErr> {
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
