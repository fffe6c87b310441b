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

mod refusal;
pub mod signature;
pub mod webhook;

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, QueryFilter, QuerySelect,
    TransactionTrait,
};
use stripe::{RequestStrategy, StripeError, StripeRequest};
use stripe_core::payment_intent::{
    ConfirmPaymentIntent, CreatePaymentIntent, RetrievePaymentIntent,
};
use stripe_core::refund::CreateRefund;

use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};
use entities::{orders, payment_transactions};

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
// Configuration
// ---------------------------------------------------------------------------------------

/// How the server reaches Stripe, read by [`StripeSettings::from_lookup`].
#[derive(Clone, PartialEq, Eq)]
pub enum StripeSettings {
    /// `STRIPE_SECRET_KEY` and `STRIPE_WEBHOOK_SECRET` are set: Stripe (or whatever
    /// `STRIPE_API_BASE` points at).
    Keys(StripeKeys),
    /// Neither key is set: the server starts the local Stripe fake and uses it.
    LocalFake,
}

/// The keys and endpoint of a Stripe account.
#[derive(Clone, PartialEq, Eq)]
pub struct StripeKeys {
    /// `sk_...` / `rk_...` (`STRIPE_SECRET_KEY`).
    pub secret_key: String,
    /// `whsec_...` (`STRIPE_WEBHOOK_SECRET`): verifies `Stripe-Signature`.
    pub webhook_secret: String,
    /// API base URL with a trailing slash (`STRIPE_API_BASE`, default
    /// [`DEFAULT_STRIPE_API_BASE`]).
    pub api_base: String,
}

/// Keys never appear in logs.
impl fmt::Debug for StripeKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StripeKeys")
            .field("secret_key", &redact(&self.secret_key))
            .field("webhook_secret", &redact(&self.webhook_secret))
            .field("api_base", &self.api_base)
            .finish()
    }
}

impl fmt::Debug for StripeSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StripeSettings::Keys(keys) => f.debug_tuple("Keys").field(keys).finish(),
            StripeSettings::LocalFake => f.write_str("LocalFake"),
        }
    }
}

/// `sk_test_…` keeps its mode prefix only.
fn redact(secret: &str) -> String {
    let prefix: String = secret
        .split('_')
        .take(2)
        .collect::<Vec<_>>()
        .join("_")
        .chars()
        .take(8)
        .collect();
    format!("{prefix}…")
}

/// A Stripe configuration mistake, naming the variable to fix.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PaymentConfigError {
    #[error(
        "{missing} must be set together with {present} (set both Stripe keys, or neither to use the local Stripe fake)"
    )]
    HalfConfigured {
        present: &'static str,
        missing: &'static str,
    },
    #[error(
        "STRIPE_API_BASE is set but the Stripe keys are not (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET)"
    )]
    ApiBaseWithoutKeys,
    #[error("STRIPE_API_BASE must be an http(s) URL, not {value:?}")]
    InvalidApiBase { value: String },
    #[error("STRIPE_SECRET_KEY must be a Stripe secret key (sk_… or rk_…)")]
    InvalidSecretKey,
    #[error("STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)")]
    InvalidWebhookSecret,
    #[error("the Stripe client could not be built: {0}")]
    Client(String),
}

impl StripeSettings {
    /// Reads `STRIPE_SECRET_KEY`, `STRIPE_WEBHOOK_SECRET` and `STRIPE_API_BASE` (blank
    /// values count as unset).
    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Result<Self, PaymentConfigError> {
        let var = |name: &str| var(name).filter(|value| !value.trim().is_empty());
        let secret_key = var("STRIPE_SECRET_KEY");
        let webhook_secret = var("STRIPE_WEBHOOK_SECRET");
        let api_base = var("STRIPE_API_BASE");
        match (secret_key, webhook_secret) {
            (None, None) if api_base.is_some() => Err(PaymentConfigError::ApiBaseWithoutKeys),
            (None, None) => Ok(StripeSettings::LocalFake),
            (Some(_), None) => Err(PaymentConfigError::HalfConfigured {
                present: "STRIPE_SECRET_KEY",
                missing: "STRIPE_WEBHOOK_SECRET",
            }),
            (None, Some(_)) => Err(PaymentConfigError::HalfConfigured {
                present: "STRIPE_WEBHOOK_SECRET",
                missing: "STRIPE_SECRET_KEY",
            }),
            (Some(secret_key), Some(webhook_secret)) => {
                let keys = StripeKeys::new(
                    secret_key,
                    webhook_secret,
                    api_base.as_deref().unwrap_or(DEFAULT_STRIPE_API_BASE),
                )?;
                Ok(StripeSettings::Keys(keys))
            }
        }
    }
}

impl StripeKeys {
    /// Checks the shapes of the keys and normalises the base URL (trailing slash).
    pub fn new(
        secret_key: impl Into<String>,
        webhook_secret: impl Into<String>,
        api_base: &str,
    ) -> Result<Self, PaymentConfigError> {
        let secret_key = secret_key.into().trim().to_string();
        let webhook_secret = webhook_secret.into().trim().to_string();
        if !(secret_key.starts_with("sk_") || secret_key.starts_with("rk_")) {
            return Err(PaymentConfigError::InvalidSecretKey);
        }
        if !webhook_secret.starts_with("whsec_") {
            return Err(PaymentConfigError::InvalidWebhookSecret);
        }
        let api_base = api_base.trim();
        if !(api_base.starts_with("http://") || api_base.starts_with("https://")) {
            return Err(PaymentConfigError::InvalidApiBase {
                value: api_base.to_string(),
            });
        }
        Ok(Self {
            secret_key,
            webhook_secret,
            api_base: format!("{}/", api_base.trim_end_matches('/')),
        })
    }
}

/// The Stripe client and webhook secret the app uses; cheap to clone.
#[derive(Clone)]
pub struct Payments {
    client: stripe::Client,
    webhook_secret: Arc<str>,
    test_mode: bool,
}

impl fmt::Debug for Payments {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Payments")
            .field("test_mode", &self.test_mode)
            .finish_non_exhaustive()
    }
}

impl Payments {
    pub fn new(keys: &StripeKeys) -> Result<Self, PaymentConfigError> {
        let client = stripe::ClientBuilder::new(keys.secret_key.clone())
            .url(keys.api_base.clone())
            .timeout(std::time::Duration::from_secs(20))
            .build()
            .map_err(|error| PaymentConfigError::Client(error.to_string()))?;
        Ok(Self {
            client,
            webhook_secret: Arc::from(keys.webhook_secret.as_str()),
            test_mode: keys.secret_key.starts_with("sk_test_")
                || keys.secret_key.starts_with("rk_test_"),
        })
    }

    /// Verifies the `Stripe-Signature` of incoming webhook events.
    pub fn webhook_secret(&self) -> &str {
        &self.webhook_secret
    }

    /// Test-mode keys (the fake's included): Stripe's test payment methods work, so the
    /// test card form may be offered.
    pub fn test_mode(&self) -> bool {
        self.test_mode
    }
}

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

// ---------------------------------------------------------------------------------------
// PaymentIntents
// ---------------------------------------------------------------------------------------

/// What the browser (or the confirm step) needs about an order's PaymentIntent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntentSummary {
    /// `pi_...`
    pub id: String,
    /// For Stripe.js' `confirmPayment` in the browser.
    pub client_secret: Option<String>,
    pub amount_minor: i64,
    /// Lowercase ISO code, as Stripe writes it.
    pub currency: String,
    /// Stripe's status: `requires_payment_method`, `succeeded`, ...
    pub status: String,
}

impl From<&stripe_core::PaymentIntent> for IntentSummary {
    fn from(intent: &stripe_core::PaymentIntent) -> Self {
        Self {
            id: intent.id.as_str().to_string(),
            client_secret: intent.client_secret.clone(),
            amount_minor: intent.amount,
            currency: intent.currency.to_string(),
            status: intent.status.as_str().to_string(),
        }
    }
}

/// The Idempotency-Key of an order's PaymentIntent: retries (ours, the browser's, a
/// second server) all get the same intent back from Stripe.
pub fn payment_intent_idempotency_key(order_id: Uuid) -> String {
    format!("luxeverse-order-{order_id}-payment-intent")
}

/// The order's PaymentIntent row, if one was created.
pub async fn order_intent(
    db: &impl ConnectionTrait,
    order_id: Uuid,
) -> Result<Option<payment_transactions::Model>, DbErr> {
    payment_transactions::Entity::find()
        .filter(payment_transactions::Column::OrderId.eq(order_id))
        .filter(payment_transactions::Column::Type.eq(TYPE_PAYMENT_INTENT))
        .one(db)
        .await
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

/// Creates the order's PaymentIntent for its total (or returns the one it already has).
///
/// The Stripe request carries an Idempotency-Key derived from the order id, so calling
/// this twice (concurrently, or after a lost response) never makes a second intent.
/// The intent is recorded as the order's `payment_intent` row.
pub async fn create_payment_intent(
    db: &DatabaseConnection,
    payments: &Payments,
    order_id: Uuid,
) -> Result<IntentSummary, PaymentError> {
    let order = find_order(db, order_id).await?;
    if let Some(existing) = order_intent(db, order_id).await?
        && let Some(intent_id) = existing.provider_transaction_id
    {
        let intent = RetrievePaymentIntent::new(intent_id)
            .send(&payments.client)
            .await?;
        return Ok(IntentSummary::from(&intent));
    }
    if order.status != OrderStatus::Pending {
        return Err(PaymentError::NotPayable {
            order_number: order.order_number,
            status: order.status,
        });
    }
    let amount = to_minor_units(order.total)?;
    if amount == 0 {
        return Err(PaymentError::InvalidAmount {
            amount: order.total,
        });
    }
    let currency = stripe_currency(&order.currency)?;
    let metadata = HashMap::from([
        ("order_id".to_string(), order.id.to_string()),
        ("order_number".to_string(), order.order_number.clone()),
    ]);
    let key = idempotency_key(payment_intent_idempotency_key(order.id))?;
    let intent = CreatePaymentIntent::new(amount, currency)
        .metadata(metadata)
        .description(format!("LuxeVerse order {}", order.order_number))
        .receipt_email(order.customer_email.clone())
        .customize()
        .request_strategy(RequestStrategy::Idempotent(key))
        .send(&payments.client)
        .await?;
    let summary = IntentSummary::from(&intent);
    let row = payment_transactions::ActiveModel {
        id: Set(Uuid::new_v4()),
        order_id: Set(order.id),
        payment_method_id: Set(None),
        r#type: Set(TYPE_PAYMENT_INTENT.to_string()),
        status: Set(PaymentStatus::Pending),
        amount: Set(order.total),
        currency: Set(order.currency.clone()),
        provider: Set(PROVIDER.to_string()),
        provider_transaction_id: Set(Some(summary.id.clone())),
        provider_response: Set(Some(serde_json::json!({
            "id": summary.id,
            "status": summary.status,
            "amount": summary.amount_minor,
            "currency": summary.currency,
        }))),
        failure_reason: Set(None),
        processed_at: Set(None),
        created_at: Set(chrono::Utc::now().into()),
    };
    // A concurrent call for the same order got the same intent: its row stands.
    insert_once(db, row).await?;
    Ok(summary)
}

/// Confirms the order's PaymentIntent with a payment method (`pm_...`).
///
/// A decline comes back as [`PaymentError::CardDeclined`] with Stripe's message. The
/// order itself moves only when Stripe's webhook event arrives ([`handle_webhook`]), so
/// there is one path for every outcome, whoever confirmed.
pub async fn confirm_payment(
    db: &DatabaseConnection,
    payments: &Payments,
    order_id: Uuid,
    payment_method: &str,
) -> Result<IntentSummary, PaymentError> {
    let order = find_order(db, order_id).await?;
    // After a decline the shopper may try another card (the order domain re-reserves).
    if !matches!(
        order.status,
        OrderStatus::Pending | OrderStatus::PaymentProcessing | OrderStatus::PaymentFailed
    ) {
        return Err(PaymentError::NotPayable {
            order_number: order.order_number,
            status: order.status,
        });
    }
    let intent_id = order_intent(db, order_id)
        .await?
        .and_then(|row| row.provider_transaction_id)
        .ok_or_else(|| PaymentError::NoPaymentIntent {
            order_number: order.order_number.clone(),
        })?;
    let intent = ConfirmPaymentIntent::new(intent_id)
        .payment_method(payment_method.to_string())
        .send(&payments.client)
        .await?;
    Ok(IntentSummary::from(&intent))
}

// ---------------------------------------------------------------------------------------
// Refunds
// ---------------------------------------------------------------------------------------

/// A refund Stripe accepted, and the order's payment status after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefundSummary {
    /// `re_...`
    pub id: String,
    pub amount: Decimal,
    /// Everything refunded on the order so far, this refund included.
    pub refunded_total: Decimal,
    pub payment_status: PaymentStatus,
}

/// Refunds `amount` (or everything still refundable) of a paid order.
///
/// The Idempotency-Key is derived from the order, what was refunded before and the
/// amount, so a retried request never refunds twice. The refund is recorded as a
/// `refund` row and the order's `payment_status` becomes `PARTIALLY_REFUNDED` or
/// `REFUNDED` in one transaction. The order's own status is left to the order domain
/// (cancellation, returns).
pub async fn refund_payment(
    db: &DatabaseConnection,
    payments: &Payments,
    order_id: Uuid,
    amount: Option<Decimal>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<RefundSummary, PaymentError> {
    let order = find_order(db, order_id).await?;
    if !matches!(
        order.payment_status,
        PaymentStatus::Completed | PaymentStatus::PartiallyRefunded
    ) {
        return Err(PaymentError::NotRefundable {
            order_number: order.order_number,
            status: order.payment_status,
        });
    }
    let intent = order_intent(db, order_id).await?;
    let Some(intent_id) = intent
        .as_ref()
        .and_then(|row| row.provider_transaction_id.clone())
    else {
        return Err(PaymentError::NotRefundable {
            order_number: order.order_number,
            status: order.payment_status,
        });
    };
    let paid = intent.map_or(order.total, |row| row.amount);
    let refunded = refunded_total(db, order_id).await?;
    let refundable = paid - refunded;
    let amount = amount.unwrap_or(refundable);
    if amount <= Decimal::ZERO {
        return Err(if refundable <= Decimal::ZERO {
            PaymentError::NotRefundable {
                order_number: order.order_number,
                status: order.payment_status,
            }
        } else {
            PaymentError::InvalidAmount { amount }
        });
    }
    if amount > refundable {
        return Err(PaymentError::RefundTooLarge {
            requested: amount,
            refundable,
        });
    }
    let amount_minor = to_minor_units(amount)?;
    let key = format!(
        "luxeverse-order-{}-refund-{}-{}",
        order.id,
        to_minor_units(refunded)?,
        amount_minor
    );
    let metadata = HashMap::from([("order_id".to_string(), order.id.to_string())]);
    let refund = send_refund(payments, &intent_id, Some(amount_minor), metadata, key).await?;

    let txn = db.begin().await?;
    let order = lock_order(&txn, order_id).await?;
    let amount = from_minor_units(refund.amount);
    record_refund(&txn, &order, &refund, amount, now).await?;
    let refunded_total = refunded_total(&txn, order.id).await?;
    let payment_status = apply_refunded_amount(&txn, &order, paid, refunded_total).await?;
    txn.commit().await?;
    Ok(RefundSummary {
        id: refund.id.as_str().to_string(),
        amount,
        refunded_total,
        payment_status,
    })
}

/// Returns the whole of a payment the order domain refused ([`WebhookOutcome::Refused`]:
/// the order was closed, or sold out after a failed attempt). Idempotent per intent. The
/// order keeps its status; its payment status becomes `REFUNDED`.
pub async fn refund_refused_payment(
    db: &DatabaseConnection,
    payments: &Payments,
    order_id: Uuid,
    intent_id: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<RefundSummary, PaymentError> {
    let metadata = HashMap::from([
        ("order_id".to_string(), order_id.to_string()),
        (
            "reason".to_string(),
            "order could not take the payment".to_string(),
        ),
    ]);
    let key = format!("luxeverse-{intent_id}-refund-refused");
    let refund = send_refund(payments, intent_id, None, metadata, key).await?;
    let txn = db.begin().await?;
    let order = lock_order(&txn, order_id).await?;
    let amount = from_minor_units(refund.amount);
    record_refund(&txn, &order, &refund, amount, now).await?;
    orders::Entity::update_many()
        .col_expr(
            orders::Column::PaymentStatus,
            orders::Column::PaymentStatus.save_as(Expr::value(PaymentStatus::Refunded)),
        )
        .filter(orders::Column::Id.eq(order_id))
        .exec(&txn)
        .await?;
    payment_transactions::Entity::update_many()
        .col_expr(
            payment_transactions::Column::Status,
            payment_transactions::Column::Status.save_as(Expr::value(PaymentStatus::Refunded)),
        )
        .filter(payment_transactions::Column::ProviderTransactionId.eq(intent_id))
        .exec(&txn)
        .await?;
    let refunded_total = refunded_total(&txn, order_id).await?;
    txn.commit().await?;
    tracing::warn!(order = %order.order_number, %intent_id, "refused payment refunded");
    Ok(RefundSummary {
        id: refund.id.as_str().to_string(),
        amount,
        refunded_total,
        payment_status: PaymentStatus::Refunded,
    })
}

/// Inserts a refund's ledger row (once per `re_...`).
async fn record_refund(
    txn: &DatabaseTransaction,
    order: &orders::Model,
    refund: &stripe_core::Refund,
    amount: Decimal,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), DbErr> {
    let row = payment_transactions::ActiveModel {
        id: Set(Uuid::new_v4()),
        order_id: Set(order.id),
        payment_method_id: Set(None),
        r#type: Set(TYPE_REFUND.to_string()),
        status: Set(PaymentStatus::Refunded),
        amount: Set(amount),
        currency: Set(order.currency.clone()),
        provider: Set(PROVIDER.to_string()),
        provider_transaction_id: Set(Some(refund.id.as_str().to_string())),
        provider_response: Set(Some(serde_json::json!({
            "id": refund.id.as_str(),
            "amount": refund.amount,
            "status": refund.status,
        }))),
        failure_reason: Set(None),
        processed_at: Set(Some(now.into())),
        created_at: Set(now.into()),
    };
    insert_once(txn, row).await?;
    Ok(())
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

/// Asks Stripe to refund `amount_minor` (everything left when `None`) of an intent.
async fn send_refund(
    payments: &Payments,
    intent_id: &str,
    amount_minor: Option<i64>,
    metadata: HashMap<String, String>,
    key: String,
) -> Result<stripe_core::Refund, PaymentError> {
    let mut request = CreateRefund::new()
        .payment_intent(intent_id.to_string())
        .metadata(metadata);
    if let Some(amount) = amount_minor {
        request = request.amount(amount);
    }
    Ok(request
        .customize()
        .request_strategy(RequestStrategy::Idempotent(idempotency_key(key)?))
        .send(&payments.client)
        .await?)
}

/// The order, locked for the rest of the transaction.
async fn lock_order(
    txn: &DatabaseTransaction,
    order_id: Uuid,
) -> Result<orders::Model, PaymentError> {
    orders::Entity::find_by_id(order_id)
        .lock_exclusive()
        .one(txn)
        .await?
        .ok_or_else(|| PaymentError::OrderNotFound {
            order: order_id.to_string(),
        })
}

/// Sum of the order's recorded refunds.
pub async fn refunded_total(db: &impl ConnectionTrait, order_id: Uuid) -> Result<Decimal, DbErr> {
    let rows = payment_transactions::Entity::find()
        .filter(payment_transactions::Column::OrderId.eq(order_id))
        .filter(payment_transactions::Column::Type.eq(TYPE_REFUND))
        .all(db)
        .await?;
    Ok(rows.iter().map(|row| row.amount).sum())
}

/// Sets the order's payment status from how much of `paid` is refunded, only ever
/// forwards (`COMPLETED` -> `PARTIALLY_REFUNDED` -> `REFUNDED`). Returns the status.
pub(crate) async fn apply_refunded_amount(
    txn: &impl ConnectionTrait,
    order: &orders::Model,
    paid: Decimal,
    refunded: Decimal,
) -> Result<PaymentStatus, DbErr> {
    let target = if refunded >= paid {
        PaymentStatus::Refunded
    } else if refunded > Decimal::ZERO {
        PaymentStatus::PartiallyRefunded
    } else {
        return Ok(order.payment_status);
    };
    let forwards = matches!(
        (&order.payment_status, &target),
        (PaymentStatus::Completed, _) | (PaymentStatus::PartiallyRefunded, PaymentStatus::Refunded)
    );
    if !forwards {
        return Ok(order.payment_status);
    }
    orders::Entity::update_many()
        .col_expr(
            orders::Column::PaymentStatus,
            orders::Column::PaymentStatus.save_as(Expr::value(target)),
        )
        .filter(orders::Column::Id.eq(order.id))
        .exec(txn)
        .await?;
    Ok(target)
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

    fn settings(vars: &[(&str, &str)]) -> Result<StripeSettings, PaymentConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (String::from(*k), String::from(*v)))
            .collect();
        StripeSettings::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn no_keys_means_the_local_fake_and_half_a_configuration_is_refused() {
        assert_eq!(settings(&[]).unwrap(), StripeSettings::LocalFake);
        assert_eq!(
            settings(&[("STRIPE_SECRET_KEY", "sk_test_1")]).unwrap_err(),
            PaymentConfigError::HalfConfigured {
                present: "STRIPE_SECRET_KEY",
                missing: "STRIPE_WEBHOOK_SECRET"
            }
        );
        assert_eq!(
            settings(&[("STRIPE_API_BASE", "http://127.0.0.1:12111")]).unwrap_err(),
            PaymentConfigError::ApiBaseWithoutKeys
        );
        let StripeSettings::Keys(keys) = settings(&[
            ("STRIPE_SECRET_KEY", "sk_test_abc"),
            ("STRIPE_WEBHOOK_SECRET", "whsec_xyz"),
        ])
        .unwrap() else {
            panic!("keys expected");
        };
        assert_eq!(keys.api_base, DEFAULT_STRIPE_API_BASE);
        assert!(!format!("{keys:?}").contains("abc"));
        let StripeSettings::Keys(keys) = settings(&[
            ("STRIPE_SECRET_KEY", "sk_test_abc"),
            ("STRIPE_WEBHOOK_SECRET", "whsec_xyz"),
            ("STRIPE_API_BASE", "http://127.0.0.1:12111"),
        ])
        .unwrap() else {
            panic!("keys expected");
        };
        assert_eq!(keys.api_base, "http://127.0.0.1:12111/");
        assert_eq!(
            settings(&[
                ("STRIPE_SECRET_KEY", "pk_test_abc"),
                ("STRIPE_WEBHOOK_SECRET", "whsec_xyz"),
            ])
            .unwrap_err(),
            PaymentConfigError::InvalidSecretKey
        );
    }
}
