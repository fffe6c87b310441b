//! Payments through Stripe (async-stripe 1.0): one PaymentIntent per order, confirmation
//! with a payment method, refunds, and the signed webhook that moves the order
//! ([`webhook::handle_webhook`]).
//!
//! The same client code talks to Stripe or, when no keys are configured, to the local
//! Stripe-compatible fake the server starts (`server::stripe_fake`): only the base URL and
//! the keys differ.
//!
//! Ledger: every Stripe object we act on is one `payment_transactions` row, keyed by its
//! Stripe id in the unique `provider_transaction_id`:
//! - `type = "payment_intent"` (`pi_...`): the order's charge; its status follows the intent;
//! - `type = "refund"` (`re_...`): one per refund, with the refunded amount;
//! - `type = <event type>` (`evt_...`): each processed webhook event, so a replayed event
//!   finds its id taken and changes nothing.
//!
//! Order state never moves here directly except through the order domain's
//! `mark_paid` / `mark_payment_failed` (stock conversion and release live there).
//!
//! The parts: `settings` (keys, the Stripe client), `intents` (create and confirm an
//! order's PaymentIntent), `refunds` (refunds and the payment status they set), and the
//! public [`webhook`] (events) and [`signature`] modules. Money in minor units, the errors
//! and the ledger's insert-once live here.

mod intents;
mod refunds;
mod refusal;
mod settings;
pub mod signature;
pub mod webhook;

use sea_orm::ConnectionTrait;
use sea_orm::prelude::*;
use sea_orm::sea_query::OnConflict;
use stripe::StripeError;

use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};
use entities::{orders, payment_transactions};

pub use intents::{
    IntentSummary, confirm_payment, create_payment_intent, order_intent,
    payment_intent_idempotency_key,
};
pub(crate) use refunds::apply_refunded_amount;
pub use refunds::{
    RefundSummary, refund_in, refund_payment, refund_refused_payment, refunded_total,
};
pub use settings::{PaymentConfigError, Payments, StripeKeys, StripeSettings};
pub use webhook::{WebhookError, WebhookOutcome, handle_webhook};

/// `payment_transactions.provider` for every row written here.
pub const PROVIDER: &str = "stripe";
/// `payment_transactions.type` of an order's PaymentIntent row.
pub const TYPE_PAYMENT_INTENT: &str = "payment_intent";
/// `payment_transactions.type` of a refund row.
pub const TYPE_REFUND: &str = "refund";
/// Where the client sends requests when `STRIPE_API_BASE` is not set.
pub const DEFAULT_STRIPE_API_BASE: &str = "https://api.stripe.com/";

/// Stripe's test payment methods (the fake understands them too); shared with the
/// browser's test card form.
pub use domain::test_card::TestCard;

// ---------------------------------------------------------------------------------------
// Money in Stripe's minor units
// ---------------------------------------------------------------------------------------

/// Currencies Stripe counts in whole units or thousandths; our prices have cents.
const NON_CENT_CURRENCIES: [&str; 21] = [
    "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV",
    "XAF", "XOF", "XPF", "BHD", "JOD", "KWD", "OMR", "TND",
];

/// `12.34` -> `1234`. Refuses negative amounts and fractions of a cent.
pub fn to_minor_units(amount: Decimal) -> Result<i64, PaymentError> {
    let cents = amount * Decimal::from(100);
    if amount.is_sign_negative() || !cents.fract().is_zero() {
        return Err(PaymentError::InvalidAmount { amount });
    }
    let mut whole = cents.trunc();
    whole.rescale(0);
    i64::try_from(whole.mantissa()).map_err(|_| PaymentError::InvalidAmount { amount })
}

/// `1234` -> `12.34`.
pub fn from_minor_units(minor: i64) -> Decimal {
    Decimal::new(minor, 2)
}

/// The order's currency as Stripe's lowercase code, if it has cents.
fn stripe_currency(currency: &str) -> Result<stripe_types::Currency, PaymentError> {
    let code = currency.trim().to_ascii_uppercase();
    if NON_CENT_CURRENCIES.contains(&code.as_str()) {
        return Err(PaymentError::UnsupportedCurrency { currency: code });
    }
    code.to_ascii_lowercase()
        .parse()
        .map_err(|_| PaymentError::UnsupportedCurrency { currency: code })
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/// What can go wrong when paying or refunding, worded for the shopper or the admin.
#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    #[error("there is no order {order}")]
    OrderNotFound { order: String },
    #[error("order {order_number} cannot be paid now (it is {status:?})")]
    NotPayable {
        order_number: String,
        status: OrderStatus,
    },
    #[error("order {order_number} has no payment to confirm yet")]
    NoPaymentIntent { order_number: String },
    #[error("your card was declined: {message}")]
    CardDeclined {
        message: String,
        /// Stripe's `decline_code` (`generic_decline`, `insufficient_funds`, ...).
        decline_code: Option<String>,
    },
    #[error("the payment was refused: {message}")]
    Rejected {
        /// Stripe's error `code`, when it gave one.
        code: Option<String>,
        message: String,
    },
    #[error("{currency} cannot be charged: only currencies with cents are supported")]
    UnsupportedCurrency { currency: String },
    #[error("{amount} is not an amount that can be charged or refunded")]
    InvalidAmount { amount: Decimal },
    #[error("order {order_number} has no completed payment to refund (payment is {status:?})")]
    NotRefundable {
        order_number: String,
        status: PaymentStatus,
    },
    #[error("a refund of {requested} is more than the {refundable} still refundable")]
    RefundTooLarge {
        requested: Decimal,
        refundable: Decimal,
    },
    #[error("the payment service could not be reached: {0}")]
    Provider(String),
    #[error(transparent)]
    Database(#[from] DbErr),
}

impl From<StripeError> for PaymentError {
    fn from(error: StripeError) -> Self {
        match error {
            StripeError::Stripe(api, _status) => {
                let code = api.code.as_ref().map(|code| code.as_str().to_string());
                let message = api
                    .message
                    .clone()
                    .unwrap_or_else(|| "no reason given".to_string());
                let is_card_error = matches!(api.type_, stripe::ApiErrorsType::CardError)
                    || code.as_deref() == Some("card_declined");
                if is_card_error {
                    PaymentError::CardDeclined {
                        message,
                        decline_code: api.decline_code.clone(),
                    }
                } else {
                    PaymentError::Rejected { code, message }
                }
            }
            other => PaymentError::Provider(other.to_string()),
        }
    }
}

async fn find_order(
    db: &impl ConnectionTrait,
    order_id: Uuid,
) -> Result<orders::Model, PaymentError> {
    orders::Entity::find_by_id(order_id)
        .one(db)
        .await?
        .ok_or_else(|| PaymentError::OrderNotFound {
            order: order_id.to_string(),
        })
}

/// Inserts a ledger row unless its `provider_transaction_id` is already there; returns
/// whether it was inserted.
pub(crate) async fn insert_once(
    db: &impl ConnectionTrait,
    row: payment_transactions::ActiveModel,
) -> Result<bool, DbErr> {
    let inserted = payment_transactions::Entity::insert(row)
        .on_conflict(
            OnConflict::column(payment_transactions::Column::ProviderTransactionId)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(inserted > 0)
}

fn idempotency_key(key: String) -> Result<stripe::IdempotencyKey, PaymentError> {
    stripe::IdempotencyKey::new(key).map_err(|error| PaymentError::Provider(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn minor_units_round_trip_and_refuse_fractions_of_a_cent() {
        assert_eq!(
            to_minor_units(Decimal::from_str("12.34").unwrap()).unwrap(),
            1234
        );
        assert_eq!(
            to_minor_units(Decimal::from_str("1250").unwrap()).unwrap(),
            125_000
        );
        assert_eq!(
            to_minor_units(Decimal::from_str("0.10").unwrap()).unwrap(),
            10
        );
        assert_eq!(from_minor_units(1234), Decimal::from_str("12.34").unwrap());
        assert!(to_minor_units(Decimal::from_str("0.005").unwrap()).is_err());
        assert!(to_minor_units(Decimal::from_str("-1").unwrap()).is_err());
    }

    #[test]
    fn currencies_without_cents_are_refused() {
        assert!(stripe_currency("USD").is_ok());
        assert!(stripe_currency("eur").is_ok());
        assert!(matches!(
            stripe_currency("JPY"),
            Err(PaymentError::UnsupportedCurrency { .. })
        ));
    }
}
