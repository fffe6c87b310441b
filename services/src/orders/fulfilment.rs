//! The back office's steps after payment: handed to the carrier, then delivered. Each
//! takes the order's row lock, so a shipment and a customer's cancellation take turns
//! and the second is told the order moved on. The shopper is told of each step.

use chrono::Utc;
use sea_orm::prelude::*;
use sea_orm::sea_query::LockType;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, DatabaseConnection, DatabaseTransaction, QuerySelect,
    TransactionTrait,
};

use super::{OrderError, state_of};
use crate::checkout::history;
use crate::notifications::{self, copy::Event};
use entities::orders;
use entities::sea_orm_active_enums::OrderStatus;

/// The carrier's name and the tracking number are both at most this long.
const TRACKING_MAX: usize = 100;

/// A paid order (confirmed or being prepared) goes out with `carrier` and `tracking`.
/// `actor` is the staff member (recorded in the history).
pub async fn mark_shipped(
    db: &DatabaseConnection,
    order_id: Uuid,
    carrier: &str,
    tracking: &str,
    actor: Option<Uuid>,
) -> Result<orders::Model, OrderError> {
    let (carrier, tracking) = (carrier.trim(), tracking.trim());
    if carrier.is_empty()
        || tracking.is_empty()
        || carrier.chars().count() > TRACKING_MAX
        || tracking.chars().count() > TRACKING_MAX
        || carrier
            .chars()
            .chain(tracking.chars())
            .any(char::is_control)
    {
        return Err(OrderError::TrackingMissing);
    }
    let txn = db.begin().await?;
    let order = lock(&txn, order_id).await?;
    if !matches!(
        order.status,
        OrderStatus::Confirmed | OrderStatus::Processing
    ) {
        return Err(OrderError::MovedOn {
            state: state_of(order.status),
        });
    }
    let now = Utc::now();
    let shipped = orders::ActiveModel {
        id: Set(order.id),
        status: Set(OrderStatus::Shipped),
        shipping_carrier: Set(Some(carrier.to_string())),
        tracking_number: Set(Some(tracking.to_string())),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    let note = format!("Shipped with {carrier}, tracking {tracking}.");
    history(&txn, order.id, OrderStatus::Shipped, &note, actor).await?;
    let event = Event::OrderShipped {
        number: &order.order_number,
        carrier,
        tracking,
    };
    notifications::order_update(&txn, &order, event, true).await?;
    txn.commit().await?;
    Ok(shipped)
}

/// A shipped order arrived.
pub async fn mark_delivered(
    db: &DatabaseConnection,
    order_id: Uuid,
    actor: Option<Uuid>,
) -> Result<orders::Model, OrderError> {
    let txn = db.begin().await?;
    let order = lock(&txn, order_id).await?;
    if order.status != OrderStatus::Shipped {
        return Err(OrderError::MovedOn {
            state: state_of(order.status),
        });
    }
    let now = Utc::now();
    let delivered = orders::ActiveModel {
        id: Set(order.id),
        status: Set(OrderStatus::Delivered),
        delivered_at: Set(Some(now.into())),
        updated_at: Set(now.into()),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    history(&txn, order.id, OrderStatus::Delivered, "Delivered.", actor).await?;
    let event = Event::OrderDelivered {
        number: &order.order_number,
    };
    notifications::order_update(&txn, &order, event, true).await?;
    txn.commit().await?;
    Ok(delivered)
}

async fn lock(txn: &DatabaseTransaction, order_id: Uuid) -> Result<orders::Model, OrderError> {
    orders::Entity::find_by_id(order_id)
        .lock(LockType::NoKeyUpdate)
        .one(txn)
        .await?
        .ok_or(OrderError::NotFound)
}
