//! Placing an order, and moving it forward when payment settles.
//!
//! [`place_order`] runs in one transaction: it re-prices the bag from the database
//! (nothing the client says about money is read), creates the `orders` row with a
//! human-friendly `order_number` (`LV-2026-7KQ3ZD`), `order_items` with a snapshot of
//! each product and variant, the `coupon_uses` row, the stock reservation
//! ([`crate::inventory::reserve`]) and the first `order_status_history` row. The order
//! starts `PENDING` with payment `PENDING`; the payments side then calls [`mark_paid`] or
//! [`mark_payment_failed`] inside its own transaction.
//!
//! Statuses only ever move forward: a late "failed" after "paid" changes nothing, and a
//! cancelled order cannot be paid (the caller refunds).
//!
//! The schema has no address columns on `orders`: the delivery address is kept as a
//! JSON snapshot in `orders.notes` (`{"shipping_address": {...}}`), read back with
//! [`shipping_address_of`]; `customer_phone` takes the address's phone.
//!
//! Guests check out through their session: the order belongs to the session's `GUEST`
//! user, and coupons with per-shopper rules ask them to sign in.
//!
//! The parts: `place` (the order from the bag), `address` (the delivery address snapshot),
//! `payment` (paid, failed, processing) and `loyalty` (points earned on a paid order). The
//! errors and the status history live here.

mod address;
mod loyalty;
mod payment;
mod pending;
mod place;

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, DatabaseTransaction};

use crate::addresses::{AddressField, FieldIssues};
use crate::inventory::InventoryError;
use crate::pricing::PricingError;
use domain::Refusal;
use domain::email::EmailError;
use entities::order_status_history;
use entities::sea_orm_active_enums::OrderStatus;

pub use address::{ShippingAddress, shipping_address_of};
pub use loyalty::{LOYALTY_KEY, REVERSED, balance_of as points_balance, reverse_points};
pub use payment::{PaidOrder, mark_paid, mark_payment_failed, mark_payment_processing};
pub use pending::{MAX_PER_BUYER, MAX_PER_EMAIL, MAX_PER_NETWORK, ORDER_PLACED};
pub use place::{PlaceOrder, PlacedOrder, ShippingAddressInput, place_order};

/// A checkout form field an error belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckoutField {
    Email,
    Address(AddressField),
    ShippingMethod,
    Coupon,
}

#[derive(Debug, thiserror::Error)]
pub enum CheckoutError {
    #[error("Your bag is empty.")]
    EmptyCart,
    #[error("{0}")]
    InvalidEmail(#[from] EmailError),
    #[error("Please correct the highlighted fields of the delivery address.")]
    InvalidAddress(FieldIssues),
    #[error(
        "We could not find that address in your address book. Choose another or enter a new one."
    )]
    AddressNotFound,
    #[error("{0}")]
    Pricing(#[from] PricingError),
    #[error("{}", sold_out_message(name, *available))]
    SoldOut {
        name: String,
        sku: String,
        available: i32,
    },
    #[error("Your session has expired. Please refresh the page and try again.")]
    SessionExpired,
    #[error("We could not find that order.")]
    OrderNotFound,
    #[error("This order was {status} and can no longer be paid.")]
    OrderClosed { status: String },
    #[error("{0}")]
    Inventory(InventoryError),
    #[error(
        "You already have {max} orders awaiting payment. Pay for one, or wait for them to lapse."
    )]
    TooManyPending { max: u32 },
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] DbErr),
}

impl CheckoutError {
    /// The typed reason for the whole form (address issues carry their own).
    pub fn refusal(&self) -> Refusal {
        match self {
            CheckoutError::EmptyCart => Refusal::EmptyBag,
            CheckoutError::InvalidEmail(error) => Refusal::Email(*error),
            CheckoutError::InvalidAddress(_) => Refusal::Internal,
            CheckoutError::AddressNotFound => Refusal::AddressNotInBook,
            CheckoutError::Pricing(error) => error.refusal(),
            CheckoutError::SoldOut {
                name, available, ..
            } if *available <= 0 => Refusal::JustSoldOut { name: name.clone() },
            CheckoutError::SoldOut {
                name, available, ..
            } => Refusal::OnlyLeft {
                name: name.clone(),
                available: *available,
            },
            CheckoutError::SessionExpired => Refusal::SessionExpired,
            CheckoutError::OrderNotFound => Refusal::OrderNotFound,
            CheckoutError::OrderClosed { status } => Refusal::OrderClosed {
                status: status.clone(),
            },
            CheckoutError::Inventory(error) => error.refusal(),
            CheckoutError::TooManyPending { max } => Refusal::TooManyPendingOrders { max: *max },
            CheckoutError::Internal(_) => Refusal::Internal,
        }
    }
}

fn sold_out_message(name: &str, available: i32) -> String {
    if available <= 0 {
        format!("Sorry, {name} has just sold out. Remove it from your bag to continue.")
    } else {
        format!("Sorry, only {available} of {name} left. Lower the quantity to continue.")
    }
}

impl CheckoutError {
    /// The form field the message belongs next to, if any.
    pub fn field(&self) -> Option<CheckoutField> {
        match self {
            CheckoutError::InvalidEmail(_) => Some(CheckoutField::Email),
            CheckoutError::InvalidAddress(issues) => issues
                .first()
                .map(|(field, _)| CheckoutField::Address(*field)),
            CheckoutError::AddressNotFound => Some(CheckoutField::Address(AddressField::Line1)),
            CheckoutError::Pricing(PricingError::Coupon(_)) => Some(CheckoutField::Coupon),
            CheckoutError::Pricing(
                PricingError::UnknownShippingMethod { .. }
                | PricingError::ShippingMethodUnavailable { .. },
            ) => Some(CheckoutField::ShippingMethod),
            CheckoutError::Pricing(PricingError::UnsupportedCountry { .. }) => {
                Some(CheckoutField::Address(AddressField::CountryCode))
            }
            _ => None,
        }
    }
}

impl From<InventoryError> for CheckoutError {
    fn from(error: InventoryError) -> Self {
        match error {
            InventoryError::Internal(db) => CheckoutError::Internal(db),
            other => CheckoutError::Inventory(other),
        }
    }
}

impl From<crate::addresses::AddressError> for CheckoutError {
    fn from(error: crate::addresses::AddressError) -> Self {
        use crate::addresses::AddressError;
        match error {
            AddressError::Invalid(issues) => CheckoutError::InvalidAddress(issues),
            AddressError::Internal(db) => CheckoutError::Internal(db),
            AddressError::NotFound | AddressError::TooMany => CheckoutError::AddressNotFound,
        }
    }
}

/// Writes one step of the order's status history.
pub(crate) async fn history(
    txn: &DatabaseTransaction,
    order_id: Uuid,
    status: OrderStatus,
    notes: &str,
    created_by: Option<Uuid>,
) -> Result<(), DbErr> {
    order_status_history::ActiveModel {
        id: Set(Uuid::new_v4()),
        order_id: Set(order_id),
        status: Set(status),
        notes: Set(Some(notes.to_string())),
        created_by: Set(created_by),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}
