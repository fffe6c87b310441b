//! The shopper cancels an order that has not shipped.
//!
//! One transaction, holding the order's row lock from the first read to the commit (the
//! same lock payment, shipping and the expiry job take, so each sees the others' result):
//! the coupon use is given back, the stock released (held units) or put back on the shelf
//! (sold units), the payment refunded in full through Stripe ([`crate::payments::refund_in`],
//! which also takes back the points the order earned), the order marked `CANCELLED` and
//! the step written to its history. An order that moved on first (shipped, already
//! cancelled) answers [`OrderError::MovedOn`] and nothing changes; if Stripe refuses or
//! cannot be reached, the transaction rolls back and the order is as it was.

use chrono::Utc;
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, TransactionTrait};

use super::{OrderError, is_cancellable, lock_owned, state_of};
use crate::checkout::history;
use crate::inventory::{self, give_back_coupon};
use crate::payments::{self, Payments};
use entities::orders;
use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};

/// What cancelling did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cancelled {
    pub order_id: Uuid,
    pub order_number: String,
    pub currency: String,
    /// Sent back to the card (zero for an order never paid).
    pub refunded: Decimal,
}

/// Cancels `user_id`'s order `order_number`.
pub async fn cancel(
    db: &DatabaseConnection,
    payments: &Payments,
    user_id: Uuid,
    order_number: &str,
) -> Result<Cancelled, OrderError> {
    let txn = db.begin().await?;
    let order = lock_owned(&txn, user_id, order_number).await?;
    if !is_cancellable(order.status) {
        return Err(OrderError::MovedOn {
            state: state_of(order.status),
        });
    }
    let paid = matches!(
        order.payment_status,
        PaymentStatus::Completed | PaymentStatus::PartiallyRefunded
    );
    // Coupon before stock: the lock order of checkout (coupon, then variants).
    give_back_coupon(&txn, order.id).await?;
    inventory::restock_order(&txn, order.id).await?;
    let refunded = if paid {
        payments::refund_in(&txn, payments, &order, None, Utc::now())
            .await?
            .amount
    } else {
        Decimal::ZERO
    };
    let now = Utc::now();
    orders::ActiveModel {
        id: Set(order.id),
        status: Set(OrderStatus::Cancelled),
        cancelled_at: Set(Some(now.into())),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    let note = if paid {
        format!(
            "Cancelled by the customer; {refunded:.2} {} refunded.",
            order.currency.trim()
        )
    } else {
        "Cancelled by the customer before payment.".to_string()
    };
    history(&txn, order.id, OrderStatus::Cancelled, &note, Some(user_id)).await?;
    txn.commit().await?;
    tracing::info!(order = %order.order_number, %refunded, "order cancelled by the customer");
    Ok(Cancelled {
        order_id: order.id,
        order_number: order.order_number,
        currency: order.currency.trim().to_string(),
        refunded,
    })
}
