//! Ending an order's holds: sold when payment succeeds, released when it fails or the
//! hold expires, and sold units put back on the shelf when a paid order is cancelled.
//! All read what is outstanding from the ledger, so all are idempotent.

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, DatabaseTransaction, Statement};

use super::{
    InventoryError, KIND_RELEASE, KIND_RESTOCK, KIND_SALE, ledger, lock_variants, set_counters,
};

/// What the ledger says of one order item.
struct Hold {
    item_id: Uuid,
    variant_id: Uuid,
    /// Units still held for the order (reserved, not yet sold or released).
    held: i32,
    /// Units sold on the order and not yet put back.
    sold: i32,
}

/// Per order item, ordered by variant: what is held and what was sold.
async fn holds(txn: &DatabaseTransaction, order_id: Uuid) -> Result<Vec<Hold>, DbErr> {
    let rows = txn
        .query_all_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "SELECT oi.id, oi.variant_id, \
               COALESCE(-SUM(t.quantity) FILTER (WHERE t.type IN ('reserve', 'release')), 0)::int AS held, \
               CASE WHEN COUNT(t.id) FILTER (WHERE t.type = 'sale') > 0 \
                 THEN oi.quantity - COALESCE(SUM(t.quantity) FILTER (WHERE t.type = 'restock'), 0)::int \
                 ELSE 0 END AS sold \
             FROM order_items oi LEFT JOIN inventory_transactions t ON t.order_item_id = oi.id \
             WHERE oi.order_id = $1 GROUP BY oi.id, oi.variant_id, oi.quantity \
             ORDER BY oi.variant_id, oi.id",
            [order_id.into()],
        ))
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok(Hold {
                item_id: row.try_get("", "id")?,
                variant_id: row.try_get("", "variant_id")?,
                held: row.try_get("", "held")?,
                sold: row.try_get("", "sold")?,
            })
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

/// A paid order was cancelled: the units it sold go back on the shelf (on hand +n, a
/// `restock` row each), and any units still held are released. Idempotent.
pub async fn restock_order(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<(), InventoryError> {
    settle(txn, order_id, Settlement::Release).await?;
    settle(txn, order_id, Settlement::Restock).await
}

#[derive(Clone, Copy)]
enum Settlement {
    Sell,
    Release,
    Restock,
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
        .filter(|hold| match how {
            Settlement::Sell | Settlement::Release => hold.held > 0 && hold.sold == 0,
            Settlement::Restock => hold.sold > 0,
        })
        .collect();
    if pending.is_empty() {
        return Ok(());
    }
    let mut locked =
        lock_variants(txn, pending.iter().map(|hold| hold.variant_id).collect()).await?;
    for Hold {
        item_id,
        variant_id,
        held,
        sold,
    } in pending
    {
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
            Settlement::Restock => (
                KIND_RESTOCK,
                sold,
                variant.quantity + sold,
                variant.reserved,
                format!("back on the shelf: order {order_id} cancelled"),
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
