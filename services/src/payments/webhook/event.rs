//! The parts of a Stripe event we read: its id, type and time, and the few fields of its
//! object (a PaymentIntent or a Charge); and which event types we act on.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub(super) struct Event {
    pub(super) id: String,
    #[serde(rename = "type")]
    pub(super) kind: String,
    pub(super) created: i64,
    pub(super) data: EventData,
}

#[derive(Debug, Deserialize)]
pub(super) struct EventData {
    pub(super) object: serde_json::Value,
}

/// The fields we read from the event's object (a PaymentIntent or a Charge).
#[derive(Debug, Default, Deserialize)]
pub(super) struct EventObject {
    pub(super) id: String,
    #[serde(default)]
    pub(super) amount: i64,
    #[serde(default)]
    pub(super) amount_received: i64,
    #[serde(default)]
    pub(super) amount_refunded: i64,
    #[serde(default)]
    pub(super) currency: Option<String>,
    #[serde(default)]
    pub(super) metadata: std::collections::HashMap<String, String>,
    /// On a Charge: its PaymentIntent.
    #[serde(default)]
    pub(super) payment_intent: Option<String>,
    #[serde(default)]
    pub(super) last_payment_error: Option<LastPaymentError>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct LastPaymentError {
    code: Option<String>,
    decline_code: Option<String>,
    message: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Action {
    Succeeded,
    Failed,
    Processing,
    Refunded,
    Record,
}

impl Action {
    pub(super) fn of(kind: &str) -> Option<Self> {
        Some(match kind {
            "payment_intent.succeeded" => Action::Succeeded,
            "payment_intent.payment_failed" => Action::Failed,
            "payment_intent.processing" => Action::Processing,
            "charge.refunded" => Action::Refunded,
            "payment_intent.created"
            | "payment_intent.canceled"
            | "payment_intent.requires_action"
            | "payment_intent.amount_capturable_updated" => Action::Record,
            _ => return None,
        })
    }
}

pub(super) fn failure_reason(object: &EventObject) -> Option<String> {
    let error = object.last_payment_error.as_ref()?;
    let mut reason = error
        .message
        .clone()
        .unwrap_or_else(|| "payment failed".to_string());
    if let Some(code) = error.decline_code.as_ref().or(error.code.as_ref()) {
        reason.push_str(&format!(" ({code})"));
    }
    Some(reason)
}
