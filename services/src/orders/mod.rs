//! Orders as their owner sees them. An order belongs to the user who placed it (a guest's
//! `GUEST` user for a guest checkout); anyone else's order is reported as missing, so
//! order numbers cannot be probed.
//!
//! The parts: `history` (the shopper's list, newest first, by keyset), `detail` (one
//! order with its lines and timeline), `cancel` (before it ships: stock, coupon, points
//! and money all given back in one transaction), `fulfilment` (shipped and delivered,
//! the steps the back office takes), `returns` (the policy, what each line may still send
//! back, the shopper's request) and `again` ("buy again"). The errors, the owner
//! lookups and the status vocabulary live here.

mod again;
mod cancel;
mod detail;
mod fulfilment;
mod history;
mod returns;

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder};

use crate::checkout::{ShippingAddress, shipping_address_of};
use crate::inventory::InventoryError;
use crate::payments::PaymentError;
use domain::Refusal;
use domain::read::orders::{OrderFilter, OrderState, PaymentState};
use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};
use entities::{order_items, orders};

pub use again::{BuyAgain, buy_again};
pub use cancel::{Cancelled, cancel};
pub use detail::{OrderDetail, OrderLine, TimelineEntry, TimelineKind, detail};
pub use fulfilment::{mark_delivered, mark_shipped};
pub use history::{MAX_PAGE, OrderCard, OrderList, OrderListQuery, list};
pub use returns::{
    RETURN_REQUESTED, RETURN_TAG, RETURNS_KEY, RequestedLine, ReturnPolicy, ReturnRequested,
    Returnability, StoredRequest, Window, expected_refund, policy as return_policy, request_return,
    requests_of, returnability, window as return_window,
};

#[derive(Debug, thiserror::Error)]
pub enum OrderError {
    /// No such order, or someone else's.
    #[error("We could not find that order.")]
    NotFound,
    /// The order moved on (shipped, cancelled, ...) and cannot take this step.
    #[error("This order is {state:?} and cannot be changed that way.")]
    MovedOn { state: OrderState },
    /// A page cursor that is not one we gave out.
    #[error("That page of orders does not exist.")]
    BadCursor,
    #[error("Enter the carrier and the tracking number.")]
    TrackingMissing,
    /// A return request that cannot be made: each problem with its form field
    /// (`lines[i][quantity]`, …; none for the whole request).
    #[error("This return cannot be requested: {0:?}")]
    ReturnRefused(Vec<(Option<String>, Refusal)>),
    #[error(transparent)]
    Payment(#[from] PaymentError),
    #[error(transparent)]
    Inventory(#[from] InventoryError),
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] DbErr),
}

impl OrderError {
    /// The typed reason the shopper is shown.
    pub fn refusal(&self) -> Refusal {
        match self {
            OrderError::NotFound => Refusal::OrderNotFound,
            OrderError::MovedOn { state } => Refusal::OrderMovedOn { state: *state },
            OrderError::BadCursor => Refusal::FilterInvalid {
                param: "after".into(),
            },
            OrderError::TrackingMissing => Refusal::TrackingMissing,
            OrderError::ReturnRefused(problems) => problems
                .first()
                .map(|(_, refusal)| refusal.clone())
                .unwrap_or(Refusal::ReturnNothingChosen),
            OrderError::Payment(error) => match error {
                // The refund could not be made: nothing changed, try again later.
                PaymentError::Provider(_) => Refusal::CheckoutUnavailable,
                error => error.refusal(),
            },
            OrderError::Inventory(error) => error.refusal(),
            OrderError::Internal(_) => Refusal::Internal,
        }
    }
}

/// The shopper's word for an order's status.
pub fn state_of(status: OrderStatus) -> OrderState {
    match status {
        OrderStatus::Pending => OrderState::AwaitingPayment,
        OrderStatus::PaymentProcessing => OrderState::PaymentProcessing,
        OrderStatus::PaymentFailed => OrderState::PaymentFailed,
        OrderStatus::Confirmed => OrderState::Confirmed,
        OrderStatus::Processing => OrderState::Processing,
        OrderStatus::Shipped => OrderState::Shipped,
        OrderStatus::Delivered => OrderState::Delivered,
        OrderStatus::Cancelled => OrderState::Cancelled,
        OrderStatus::Refunded => OrderState::Refunded,
        OrderStatus::Returned => OrderState::Returned,
    }
}

/// The shopper's word for an order's payment status.
pub fn payment_state_of(status: PaymentStatus) -> PaymentState {
    match status {
        PaymentStatus::Pending => PaymentState::Pending,
        PaymentStatus::Processing => PaymentState::Processing,
        PaymentStatus::Completed => PaymentState::Paid,
        PaymentStatus::Failed => PaymentState::Failed,
        PaymentStatus::Refunded => PaymentState::Refunded,
        PaymentStatus::PartiallyRefunded => PaymentState::PartiallyRefunded,
    }
}

/// The statuses a list filter shows.
pub fn statuses_of(filter: OrderFilter) -> Vec<OrderStatus> {
    ALL_STATUSES
        .into_iter()
        .filter(|status| filter.includes(state_of(*status)))
        .collect()
}

const ALL_STATUSES: [OrderStatus; 10] = [
    OrderStatus::Pending,
    OrderStatus::PaymentProcessing,
    OrderStatus::PaymentFailed,
    OrderStatus::Confirmed,
    OrderStatus::Processing,
    OrderStatus::Shipped,
    OrderStatus::Delivered,
    OrderStatus::Cancelled,
    OrderStatus::Refunded,
    OrderStatus::Returned,
];

/// Whether the shopper may still cancel an order in `status`: anything not yet shipped
/// (what the list calls "in progress").
pub fn is_cancellable(status: OrderStatus) -> bool {
    OrderFilter::Open.includes(state_of(status))
}

/// An order with its lines and delivery address.
#[derive(Clone, Debug)]
pub struct OwnedOrder {
    pub order: orders::Model,
    pub items: Vec<order_items::Model>,
    pub shipping_address: Option<ShippingAddress>,
}

/// `user_id`'s order numbered `order_number`, or `None` (also for someone else's).
pub async fn find_owned(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    order_number: &str,
) -> Result<Option<orders::Model>, DbErr> {
    orders::Entity::find()
        .filter(orders::Column::OrderNumber.eq(order_number.trim()))
        .filter(orders::Column::UserId.eq(user_id))
        .one(db)
        .await
}

/// `user_id`'s order `order_number` with its row locked for the transaction (the lock
/// payment, shipping, cancelling and returns take, so they take turns).
async fn lock_owned(
    txn: &sea_orm::DatabaseTransaction,
    user_id: Uuid,
    order_number: &str,
) -> Result<orders::Model, OrderError> {
    use sea_orm::QuerySelect;
    orders::Entity::find()
        .filter(orders::Column::OrderNumber.eq(order_number.trim()))
        .filter(orders::Column::UserId.eq(user_id))
        .lock(sea_orm::sea_query::LockType::NoKeyUpdate)
        .one(txn)
        .await?
        .ok_or(OrderError::NotFound)
}

/// The order with its lines (in the order they were placed), for its owner only.
pub async fn owned_with_items(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    order_number: &str,
) -> Result<Option<OwnedOrder>, DbErr> {
    let Some(order) = find_owned(db, user_id, order_number).await? else {
        return Ok(None);
    };
    let items = items_of(db, order.id).await?;
    Ok(Some(OwnedOrder {
        shipping_address: shipping_address_of(&order),
        order,
        items,
    }))
}

/// The order's lines, in the order they were placed.
async fn items_of(
    db: &impl ConnectionTrait,
    order_id: Uuid,
) -> Result<Vec<order_items::Model>, DbErr> {
    order_items::Entity::find()
        .filter(order_items::Column::OrderId.eq(order_id))
        .order_by_asc(order_items::Column::CreatedAt)
        .order_by_asc(order_items::Column::Id)
        .all(db)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_one_filter_at_most_and_open_ones_can_be_cancelled() {
        for status in ALL_STATUSES {
            let filters = OrderFilter::ALL
                .into_iter()
                .filter(|filter| filter.includes(state_of(status)))
                .count();
            assert_eq!(filters, 1, "{status:?}");
            let before_shipping = matches!(
                status,
                OrderStatus::Pending
                    | OrderStatus::PaymentProcessing
                    | OrderStatus::PaymentFailed
                    | OrderStatus::Confirmed
                    | OrderStatus::Processing
            );
            assert_eq!(is_cancellable(status), before_shipping, "{status:?}");
        }
        assert_eq!(
            statuses_of(OrderFilter::Returned),
            [OrderStatus::Refunded, OrderStatus::Returned]
        );
    }
}
