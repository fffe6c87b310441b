//! The fake's objects, kept as the JSON Stripe would return, and Stripe's error shape.

use std::collections::HashMap;

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::{Delivery, FakeEvent};

#[derive(Default)]
pub(super) struct State {
    pub intents: HashMap<String, Value>,
    pub refunds: HashMap<String, Value>,
    /// PaymentIntent id -> amount refunded so far.
    pub refunded: HashMap<String, i64>,
    /// Idempotency-Key -> (request fingerprint, response).
    pub idempotency: HashMap<String, (String, Reply)>,
    pub events: Vec<FakeEvent>,
    pub deliveries: Vec<Delivery>,
}

/// A response: status and JSON body.
#[derive(Clone, Debug)]
pub(super) struct Reply {
    pub status: StatusCode,
    pub body: Value,
}

impl Reply {
    pub fn ok(body: Value) -> Self {
        Self {
            status: StatusCode::OK,
            body,
        }
    }
}

pub(super) fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs() as i64)
        .unwrap_or_default()
}

pub(super) fn random_token(len: usize) -> String {
    rand::Rng::sample_iter(rand::rng(), &rand::distr::Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}

/// `pi_3Q...`-style ids.
pub(super) fn new_id(prefix: &str) -> String {
    format!("{prefix}_{}", random_token(24))
}

/// Stripe's error body: `{"error": {"type": ..., "code": ..., "message": ..., ...}}`.
pub(super) fn error(status: StatusCode, kind: &str, code: Option<&str>, message: &str) -> Reply {
    let mut error = json!({ "type": kind, "message": message });
    if let Some(code) = code {
        error["code"] = json!(code);
        error["doc_url"] = json!(format!(
            "https://stripe.com/docs/error-codes/{}",
            code.replace('_', "-")
        ));
    }
    Reply {
        status,
        body: json!({ "error": error }),
    }
}

pub(super) fn invalid_request(code: Option<&str>, message: &str, param: Option<&str>) -> Reply {
    let mut reply = error(
        StatusCode::BAD_REQUEST,
        "invalid_request_error",
        code,
        message,
    );
    if let Some(param) = param {
        reply.body["error"]["param"] = json!(param);
    }
    reply
}

pub(super) fn missing_param(param: &str) -> Reply {
    invalid_request(
        Some("parameter_missing"),
        &format!("Missing required param: {param}."),
        Some(param),
    )
}

pub(super) fn no_such(kind: &str, id: &str, param: &str) -> Reply {
    let mut reply = invalid_request(
        Some("resource_missing"),
        &format!("No such {kind}: '{id}'"),
        Some(param),
    );
    reply.status = StatusCode::NOT_FOUND;
    reply
}

/// A PaymentIntent as Stripe serialises it (the fields async-stripe requires, and the
/// optional ones as `null`).
pub(super) fn payment_intent(
    id: &str,
    amount: i64,
    currency: &str,
    metadata: HashMap<String, String>,
    description: Option<String>,
    receipt_email: Option<String>,
) -> Value {
    json!({
        "id": id,
        "object": "payment_intent",
        "amount": amount,
        "amount_capturable": 0,
        "amount_details": { "tip": {} },
        "amount_received": 0,
        "application": null,
        "application_fee_amount": null,
        "automatic_payment_methods": null,
        "canceled_at": null,
        "cancellation_reason": null,
        "capture_method": "automatic",
        "client_secret": format!("{id}_secret_{}", random_token(24)),
        "confirmation_method": "automatic",
        "created": now_unix(),
        "currency": currency,
        "customer": null,
        "description": description,
        "last_payment_error": null,
        "latest_charge": null,
        "livemode": false,
        "metadata": metadata,
        "next_action": null,
        "on_behalf_of": null,
        "payment_method": null,
        "payment_method_configuration_details": null,
        "payment_method_options": {},
        "payment_method_types": ["card"],
        "processing": null,
        "receipt_email": receipt_email,
        "review": null,
        "setup_future_usage": null,
        "shipping": null,
        "source": null,
        "statement_descriptor": null,
        "statement_descriptor_suffix": null,
        "status": "requires_payment_method",
        "transfer_data": null,
        "transfer_group": null,
    })
}

/// The Charge behind a succeeded intent, as `charge.*` events carry it.
pub(super) fn charge(intent: &Value, refunded: i64) -> Value {
    let amount = intent["amount"].as_i64().unwrap_or_default();
    json!({
        "id": intent["latest_charge"],
        "object": "charge",
        "amount": amount,
        "amount_captured": amount,
        "amount_refunded": refunded,
        "captured": true,
        "created": intent["created"],
        "currency": intent["currency"],
        "livemode": false,
        "metadata": intent["metadata"],
        "paid": true,
        "payment_intent": intent["id"],
        "payment_method": intent["payment_method"],
        "refunded": refunded >= amount,
        "status": "succeeded",
    })
}

/// What a test payment method does when confirmed.
pub(super) enum CardResult {
    Succeeds,
    Declined {
        decline_code: &'static str,
        message: &'static str,
    },
}

pub(super) fn test_card(payment_method: &str) -> Option<CardResult> {
    Some(match payment_method {
        "pm_card_visa" | "pm_card_mastercard" | "pm_card_amex" => CardResult::Succeeds,
        "pm_card_chargeDeclined" | "pm_card_visa_chargeDeclined" => CardResult::Declined {
            decline_code: "generic_decline",
            message: "Your card was declined.",
        },
        "pm_card_chargeDeclinedInsufficientFunds"
        | "pm_card_visa_chargeDeclinedInsufficientFunds" => CardResult::Declined {
            decline_code: "insufficient_funds",
            message: "Your card has insufficient funds.",
        },
        _ => return None,
    })
}

/// Stripe's 402 for a declined card, with the updated intent inside.
pub(super) fn card_declined(
    intent: &Value,
    decline_code: &str,
    message: &str,
    charge_id: &str,
) -> Reply {
    let mut reply = error(
        StatusCode::PAYMENT_REQUIRED,
        "card_error",
        Some("card_declined"),
        message,
    );
    reply.body["error"]["decline_code"] = json!(decline_code);
    reply.body["error"]["charge"] = json!(charge_id);
    reply.body["error"]["payment_intent"] = intent.clone();
    reply
}

/// A refund object.
pub(super) fn refund(
    id: &str,
    intent: &Value,
    amount: i64,
    metadata: HashMap<String, String>,
) -> Value {
    json!({
        "id": id,
        "object": "refund",
        "amount": amount,
        "balance_transaction": null,
        "charge": intent["latest_charge"],
        "created": now_unix(),
        "currency": intent["currency"],
        "destination_details": null,
        "metadata": metadata,
        "payment_intent": intent["id"],
        "reason": null,
        "receipt_number": null,
        "source_transfer_reversal": null,
        "status": "succeeded",
        "transfer_reversal": null,
    })
}
