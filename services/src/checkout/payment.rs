//! An order moved forward as its payment settles: paid (stock sold, points earned, bags
//! emptied), failed (stock released) or processing; never backwards.

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::sea_query::LockType;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseTransaction, QueryFilter, QuerySelect, Statement,
};

use super::loyalty::award_points;
use super::{CheckoutError, history};
use crate::inventory::{self, InventoryError};
use crate::notifications::{self, copy::Event};
use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};
use entities::{order_items, orders};

/// The order row, locked for the rest of the transaction.
async fn lock_order(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<orders::Model, CheckoutError> {
    orders::Entity::find_by_id(order_id)
        .lock(LockType::NoKeyUpdate)
        .one(txn)
        .await?
        .ok_or(CheckoutError::OrderNotFound)
}

fn status_label(status: &OrderStatus) -> &'static str {
    match status {
        OrderStatus::Cancelled => "cancelled",
        OrderStatus::Refunded => "refunded",
        OrderStatus::Returned => "returned",
        _ => "closed",
    }
}

/// Moves the order to `status` / `payment` and records it in the status history.
async fn set_status(
    txn: &DatabaseTransaction,
    order_id: Uuid,
    (status, payment): (OrderStatus, PaymentStatus),
    note: &str,
) -> Result<(), DbErr> {
    orders::ActiveModel {
        id: Set(order_id),
        status: Set(status),
        payment_status: Set(payment),
        updated_at: Set(Utc::now().into()),
        ..Default::default()
    }
    .update(txn)
    .await?;
    history(txn, order_id, status, note, None).await
}

/// What [`mark_paid`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaidOrder {
    pub order_id: Uuid,
    pub order_number: String,
    /// False when the order had already been marked paid (nothing changed).
    pub newly_paid: bool,
    pub points_awarded: i32,
}

/// Payment succeeded: the order becomes `CONFIRMED` / payment `COMPLETED`, its held stock
/// is sold, loyalty points are earned, and the bought pieces leave the buyer's bags.
/// Idempotent. An order whose payment had failed (stock released) is re-reserved first,
/// which can fail with [`CheckoutError::SoldOut`]; a cancelled, refunded or returned
/// order gives [`CheckoutError::OrderClosed`] (the caller refunds the payment).
pub async fn mark_paid(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<PaidOrder, CheckoutError> {
    let order = lock_order(txn, order_id).await?;
    let paid = |newly_paid, points_awarded| PaidOrder {
        order_id,
        order_number: order.order_number.clone(),
        newly_paid,
        points_awarded,
    };
    match order.status {
        OrderStatus::Confirmed
        | OrderStatus::Processing
        | OrderStatus::Shipped
        | OrderStatus::Delivered => {
            return Ok(paid(false, 0));
        }
        OrderStatus::Cancelled | OrderStatus::Refunded | OrderStatus::Returned => {
            return Err(CheckoutError::OrderClosed {
                status: status_label(&order.status).to_string(),
            });
        }
        OrderStatus::Pending | OrderStatus::PaymentProcessing | OrderStatus::PaymentFailed => {}
    }
    let items = order_items::Entity::find()
        .filter(order_items::Column::OrderId.eq(order_id))
        .all(txn)
        .await?;
    if order.status == OrderStatus::PaymentFailed {
        let lines: Vec<(Uuid, i32)> = items
            .iter()
            .map(|item| (item.variant_id, item.quantity))
            .collect();
        inventory::reserve(txn, order_id, &lines)
            .await
            .map_err(|error| match error {
                InventoryError::SoldOut { sku, available } => CheckoutError::SoldOut {
                    name: items
                        .iter()
                        .find(|item| item.sku == sku)
                        .map_or_else(|| sku.clone(), |item| item.product_name.clone()),
                    sku,
                    available,
                },
                other => other.into(),
            })?;
    }
    inventory::commit_reservation(txn, order_id).await?;
    set_status(
        txn,
        order_id,
        (OrderStatus::Confirmed, PaymentStatus::Completed),
        "Payment received.",
    )
    .await?;
    // In the app only: the confirmation email is sent on its own, with the receipt.
    let event = Event::OrderConfirmed {
        number: &order.order_number,
    };
    notifications::order_update(txn, &order, event, false).await?;
    for item in &items {
        txn.execute_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "UPDATE products SET purchase_count = purchase_count + $2 WHERE id = $1",
            [item.product_id.into(), item.quantity.into()],
        ))
        .await?;
    }
    // The bought pieces leave the buyer's bags (their own, or their guest session's).
    let variants: Vec<Uuid> = items.iter().map(|item| item.variant_id).collect();
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "DELETE FROM cart_items WHERE variant_id = ANY($2) AND personalization IS NULL AND cart_id IN ( \
           SELECT id FROM carts WHERE user_id = $1 \
           OR session_id IN (SELECT id FROM sessions WHERE user_id = $1))",
        [order.user_id.into(), variants.into()],
    ))
    .await?;
    let points = award_points(txn, &order).await?;
    Ok(paid(true, points))
}

/// Payment failed: the order becomes `PAYMENT_FAILED` / payment `FAILED` and its held
/// stock goes back on sale. Returns whether anything changed: an order already failed,
/// paid or closed is left as it is (never moved backwards). The shopper may retry; a
/// later [`mark_paid`] re-reserves.
pub async fn mark_payment_failed(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<bool, CheckoutError> {
    let order = lock_order(txn, order_id).await?;
    if !matches!(
        order.status,
        OrderStatus::Pending | OrderStatus::PaymentProcessing
    ) {
        return Ok(false);
    }
    inventory::release_reservation(txn, order_id).await?;
    set_status(
        txn,
        order_id,
        (OrderStatus::PaymentFailed, PaymentStatus::Failed),
        "Payment failed; stock released.",
    )
    .await?;
    Ok(true)
}

/// The payment is under way (e.g. a PaymentIntent was confirmed and awaits the bank):
/// `PENDING` -> `PAYMENT_PROCESSING`. Returns whether anything changed.
pub async fn mark_payment_processing(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<bool, CheckoutError> {
    let order = lock_order(txn, order_id).await?;
    if order.status != OrderStatus::Pending {
        return Ok(false);
    }
    set_status(
        txn,
        order_id,
        (OrderStatus::PaymentProcessing, PaymentStatus::Processing),
        "Payment processing.",
    )
    .await?;
    Ok(true)
}
