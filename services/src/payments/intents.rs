//! An order's PaymentIntent: created once for the order's total (idempotently, recorded
//! as the order's `payment_intent` ledger row) and confirmed with a payment method.

use std::collections::HashMap;

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, DatabaseConnection, QueryFilter};
use stripe::{RequestStrategy, StripeRequest};
use stripe_core::payment_intent::{
    ConfirmPaymentIntent, CreatePaymentIntent, RetrievePaymentIntent,
};

use entities::payment_transactions;
use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};

use super::{
    PROVIDER, PaymentError, Payments, TYPE_PAYMENT_INTENT, find_order, idempotency_key,
    insert_once, stripe_currency, to_minor_units,
};

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
/// order itself moves only when Stripe's webhook event arrives ([`super::handle_webhook`]), so
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
