//! The background job's half: orders whose payment never came are cancelled, their stock
//! released and their coupon use given back.

use chrono::Utc;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    QueryFilter, Statement, TransactionTrait,
};

use super::{AWAITING_PAYMENT, InventoryError, give_back_coupon, release_reservation};
use entities::sea_orm_active_enums::OrderStatus;
use entities::{order_status_history, orders};

/// Cancels an order that is still awaiting payment, in the caller's transaction (which
/// holds the order's row lock): its coupon use given back, its stock released, its status
/// and history written.
pub async fn cancel_unpaid(
    txn: &DatabaseTransaction,
    order_id: Uuid,
    note: String,
) -> Result<(), InventoryError> {
    // Coupon before stock: the same lock order as checkout (coupon, then variants).
    give_back_coupon(txn, order_id).await?;
    release_reservation(txn, order_id).await?;
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
        notes: Set(Some(note)),
        ..Default::default()
    }
    .insert(txn)
    .await?;
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
        let note = format!(
            "Payment not received within {} minutes; stock released.",
            older_than.num_minutes()
        );
        cancel_unpaid(&txn, order_id, note).await?;
        txn.commit().await?;
        cancelled += 1;
    }
    Ok(cancelled)
}
