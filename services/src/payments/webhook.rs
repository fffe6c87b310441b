//! Stripe webhook events: verified, recorded once, and applied only forwards.
//!
//! 1. The `Stripe-Signature` must match the raw body under the signing secret and be
//!    fresh ([`signature::verify`]); otherwise the event is refused and nothing is read.
//! 2. The event's PaymentIntent (or charge) leads to one of our orders, through the
//!    intent's `payment_transactions` row or, before that row exists, the intent's
//!    `metadata.order_id`. Events about anything else are ignored.
//! 3. In one transaction, with the order row locked: the event id is inserted as a
//!    `payment_transactions` row (unique `provider_transaction_id`). If it is already
//!    there, the event is a replay and nothing changes.
//! 4. The order moves only forwards: `payment_intent.succeeded` confirms a pending,
//!    processing or failed order (`mark_paid`); `payment_intent.payment_failed` fails a
//!    pending or processing one (`mark_payment_failed`); a late event about an earlier
//!    state (a failure after the success, `processing` after either) is recorded and
//!    ignored. `charge.refunded` raises the payment status to partially/fully refunded.
//! 5. When the order domain refuses a succeeded payment (the order was cancelled, or its
//!    stock sold out after a failed attempt released it), the event is recorded as
//!    refused and the outcome is [`WebhookOutcome::Refused`]: the caller refunds it
//!    ([`super::refund_refused_payment`]). A replay of such an event asks again until the
//!    order shows the refund, so a failed refund is retried with Stripe's retries.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    DatabaseConnection, DatabaseTransaction, QueryFilter, QuerySelect, TransactionTrait,
};
use serde::Deserialize;

use super::signature::{self, SignatureError};
use super::{
    PROVIDER, TYPE_PAYMENT_INTENT, apply_refunded_amount, from_minor_units, insert_once,
    order_intent,
};
use crate::checkout::{self, CheckoutError};
use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};
use entities::{orders, payment_transactions};

/// What an authentic event did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WebhookOutcome {
    /// The order (or its payment status) moved.
    Applied {
        event_id: String,
        order_id: Uuid,
        order_status: OrderStatus,
        payment_status: PaymentStatus,
    },
    /// Recorded; nothing to change (e.g. `payment_intent.created`, or already there).
    Unchanged { event_id: String, order_id: Uuid },
    /// Recorded, not applied: it would move the order backwards.
    OutOfOrder {
        event_id: String,
        order_id: Uuid,
        order_status: OrderStatus,
    },
    /// This event id was processed before: nothing changed.
    Replayed { event_id: String },
    /// Not about one of our orders, or a type we do not handle.
    Ignored { event_id: String, reason: String },
    /// The payment succeeded but the order cannot take it (closed, or sold out since):
    /// recorded; the money must go back (the route refunds it).
    Refused {
        event_id: String,
        order_id: Uuid,
        intent_id: String,
        reason: String,
    },
}

/// Why an event was refused. Signature and payload errors are the sender's fault (400);
/// database errors are ours (500, and Stripe retries).
#[derive(Debug, thiserror::Error)]
pub enum WebhookError {
    #[error(transparent)]
    Signature(#[from] SignatureError),
    #[error("the payload is not a Stripe event: {0}")]
    InvalidPayload(String),
    #[error("the event could not be applied to order {order_id}: {reason}")]
    Order { order_id: Uuid, reason: String },
    #[error(transparent)]
    Database(#[from] DbErr),
}

impl WebhookError {
    /// The request itself is at fault: answer 400, a retry cannot succeed.
    pub fn is_bad_request(&self) -> bool {
        matches!(
            self,
            WebhookError::Signature(_) | WebhookError::InvalidPayload(_)
        )
    }
}

#[derive(Debug, Deserialize)]
struct Event {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    created: i64,
    data: EventData,
}

#[derive(Debug, Deserialize)]
struct EventData {
    object: serde_json::Value,
}

/// The fields we read from the event's object (a PaymentIntent or a Charge).
#[derive(Debug, Default, Deserialize)]
struct EventObject {
    id: String,
    #[serde(default)]
    amount: i64,
    #[serde(default)]
    amount_received: i64,
    #[serde(default)]
    amount_refunded: i64,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    metadata: std::collections::HashMap<String, String>,
    /// On a Charge: its PaymentIntent.
    #[serde(default)]
    payment_intent: Option<String>,
    #[serde(default)]
    last_payment_error: Option<LastPaymentError>,
}

#[derive(Debug, Default, Deserialize)]
struct LastPaymentError {
    code: Option<String>,
    decline_code: Option<String>,
    message: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Succeeded,
    Failed,
    Processing,
    Refunded,
    Record,
}

impl Action {
    fn of(kind: &str) -> Option<Self> {
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

/// Verifies, records and applies one webhook delivery. `now` is the receiving time.
pub async fn handle_webhook(
    db: &DatabaseConnection,
    raw_body: &[u8],
    signature_header: &str,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<WebhookOutcome, WebhookError> {
    signature::verify(
        raw_body,
        signature_header,
        secret,
        now.timestamp(),
        signature::DEFAULT_TOLERANCE_SECS,
    )?;
    let event: Event = serde_json::from_slice(raw_body)
        .map_err(|error| WebhookError::InvalidPayload(error.to_string()))?;
    let Some(action) = Action::of(&event.kind) else {
        return Ok(WebhookOutcome::Ignored {
            event_id: event.id,
            reason: format!("{} is not handled", event.kind),
        });
    };
    let object: EventObject = serde_json::from_value(event.data.object.clone())
        .map_err(|error| WebhookError::InvalidPayload(format!("data.object: {error}")))?;
    let intent_id = if event.kind.starts_with("charge.") {
        object.payment_intent.clone()
    } else {
        Some(object.id.clone())
    };
    let Some(order_id) = locate_order(db, intent_id.as_deref(), &object).await? else {
        return Ok(WebhookOutcome::Ignored {
            event_id: event.id,
            reason: "no order of ours has this payment".into(),
        });
    };

    let intent_id = intent_id.as_deref();
    match process(db, &event, &object, action, order_id, intent_id, None, now).await? {
        Ok(outcome) => Ok(outcome),
        // The order domain refused the payment: the work was rolled back; record the
        // event as refused instead.
        Err(reason) => Ok(process(
            db,
            &event,
            &object,
            action,
            order_id,
            intent_id,
            Some(reason),
            now,
        )
        .await?
        .unwrap_or_else(|reason| WebhookOutcome::Ignored {
            event_id: event.id.clone(),
            reason,
        })),
    }
}

/// One transaction with the order locked: record the event, then apply it. `Ok(Err(_))`
/// when the order domain refused a payment (nothing was committed); with `refused`
/// set, the event is only recorded as refused.
#[allow(clippy::too_many_arguments)]
async fn process(
    db: &DatabaseConnection,
    event: &Event,
    object: &EventObject,
    action: Action,
    order_id: Uuid,
    intent_id: Option<&str>,
    refused: Option<String>,
    now: DateTime<Utc>,
) -> Result<Result<WebhookOutcome, String>, WebhookError> {
    let event_id = event.id.clone();
    let txn = db.begin().await?;
    let Some(order) = orders::Entity::find_by_id(order_id)
        .lock_exclusive()
        .one(&txn)
        .await?
    else {
        return Ok(Ok(WebhookOutcome::Ignored {
            event_id,
            reason: "no order of ours has this payment".into(),
        }));
    };
    let decision = match refused {
        Some(reason) => Decision::Refused(reason),
        None => {
            let already_paid = match intent_id {
                Some(intent_id) => payment_transactions::Entity::find()
                    .filter(payment_transactions::Column::ProviderTransactionId.eq(intent_id))
                    .filter(payment_transactions::Column::Status.eq(PaymentStatus::Completed))
                    .one(&txn)
                    .await?
                    .is_some(),
                None => false,
            };
            decide(action, &order, object, already_paid)
        }
    };
    let refusal = |reason: String| WebhookOutcome::Refused {
        event_id: event_id.clone(),
        order_id,
        intent_id: intent_id.unwrap_or_default().to_string(),
        reason,
    };
    if !record_event(&txn, event, &order, object, action, &decision, now).await? {
        // A replay changes nothing (dropping the transaction rolls it back), except that
        // a refused payment not yet refunded is handed back for refunding.
        let earlier = refused_reason(&txn, &event.id).await?;
        return Ok(Ok(match earlier {
            Some(reason) if order.payment_status != PaymentStatus::Refunded => refusal(reason),
            _ => WebhookOutcome::Replayed { event_id },
        }));
    }
    let outcome = match decision {
        Decision::Move => {
            let (order_status, payment_status) = match apply(&txn, action, &order, object).await? {
                Ok(statuses) => statuses,
                Err(reason) => return Ok(Err(reason)),
            };
            if let Some(intent_id) = intent_id {
                update_intent_row(&txn, intent_id, action, object, now).await?;
            }
            WebhookOutcome::Applied {
                event_id,
                order_id,
                order_status,
                payment_status,
            }
        }
        Decision::Unchanged(_) => WebhookOutcome::Unchanged { event_id, order_id },
        Decision::OutOfOrder => WebhookOutcome::OutOfOrder {
            event_id,
            order_id,
            order_status: order.status,
        },
        Decision::Refused(reason) => refusal(reason),
    };
    txn.commit().await?;
    Ok(Ok(outcome))
}

/// The refusal reason recorded for an event, if it was refused.
async fn refused_reason(
    txn: &DatabaseTransaction,
    event_id: &str,
) -> Result<Option<String>, DbErr> {
    let row = payment_transactions::Entity::find()
        .filter(payment_transactions::Column::ProviderTransactionId.eq(event_id))
        .one(txn)
        .await?;
    Ok(row
        .and_then(|row| row.provider_response)
        .and_then(|response| response["outcome"].as_str().map(str::to_string))
        .and_then(|outcome| outcome.strip_prefix("refused: ").map(str::to_string)))
}

/// The order an event is about: the intent's ledger row first, its metadata second.
async fn locate_order(
    db: &DatabaseConnection,
    intent_id: Option<&str>,
    object: &EventObject,
) -> Result<Option<Uuid>, DbErr> {
    if let Some(intent_id) = intent_id {
        let row = payment_transactions::Entity::find()
            .filter(payment_transactions::Column::ProviderTransactionId.eq(intent_id))
            .filter(payment_transactions::Column::Type.eq(TYPE_PAYMENT_INTENT))
            .one(db)
            .await?;
        if let Some(row) = row {
            return Ok(Some(row.order_id));
        }
    }
    Ok(object
        .metadata
        .get("order_id")
        .and_then(|id| Uuid::from_str(id).ok()))
}

#[derive(Debug, PartialEq, Eq)]
enum Decision {
    Move,
    Unchanged(&'static str),
    OutOfOrder,
    /// The order domain would not take the payment.
    Refused(String),
}

/// Whether the event moves the order forwards, is already reflected, or is stale.
/// `already_paid`: the intent's row already shows the payment completed.
fn decide(
    action: Action,
    order: &orders::Model,
    object: &EventObject,
    already_paid: bool,
) -> Decision {
    use OrderStatus::*;
    match action {
        Action::Record => Decision::Unchanged("informational event"),
        Action::Succeeded => match order.status {
            Pending | PaymentProcessing | PaymentFailed => {
                if amount_matches(order, object.amount_received.max(object.amount)) {
                    Decision::Move
                } else {
                    Decision::Unchanged("amount does not match the order total")
                }
            }
            Confirmed => Decision::Unchanged("already paid"),
            // Closed before this payment landed: the order domain refuses it and the
            // payment is refunded.
            Cancelled if !already_paid => Decision::Move,
            _ => Decision::OutOfOrder,
        },
        Action::Failed => match order.status {
            Pending | PaymentProcessing => Decision::Move,
            PaymentFailed => Decision::Unchanged("already failed"),
            _ => Decision::OutOfOrder,
        },
        Action::Processing => match order.status {
            Pending => Decision::Move,
            PaymentProcessing => Decision::Unchanged("already processing"),
            _ => Decision::OutOfOrder,
        },
        Action::Refunded => {
            let target = if object.amount_refunded <= 0 {
                return Decision::Unchanged("nothing refunded");
            } else if object.amount_refunded >= object.amount {
                PaymentStatus::Refunded
            } else {
                PaymentStatus::PartiallyRefunded
            };
            match (&order.payment_status, target) {
                (PaymentStatus::Completed, _)
                | (PaymentStatus::PartiallyRefunded, PaymentStatus::Refunded) => Decision::Move,
                (current, target) if *current == target => {
                    Decision::Unchanged("refund already recorded")
                }
                _ => Decision::OutOfOrder,
            }
        }
    }
}

fn amount_matches(order: &orders::Model, minor: i64) -> bool {
    super::to_minor_units(order.total).is_ok_and(|total| total == minor)
}

/// Inserts the event's ledger row; `false` when its id is already there (a replay).
async fn record_event(
    txn: &DatabaseTransaction,
    event: &Event,
    order: &orders::Model,
    object: &EventObject,
    action: Action,
    decision: &Decision,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let status = match action {
        Action::Succeeded => PaymentStatus::Completed,
        Action::Failed => PaymentStatus::Failed,
        Action::Processing => PaymentStatus::Processing,
        Action::Refunded if object.amount_refunded >= object.amount => PaymentStatus::Refunded,
        Action::Refunded => PaymentStatus::PartiallyRefunded,
        Action::Record => order.payment_status,
    };
    let amount = match action {
        Action::Refunded => from_minor_units(object.amount_refunded),
        _ if object.amount > 0 => from_minor_units(object.amount),
        _ => order.total,
    };
    let outcome = match decision {
        Decision::Move => "applied".to_string(),
        Decision::Unchanged(reason) => format!("unchanged: {reason}"),
        Decision::OutOfOrder => format!("out of order: order was {:?}", order.status),
        Decision::Refused(reason) => format!("refused: {reason}"),
    };
    let row = payment_transactions::ActiveModel {
        id: Set(Uuid::new_v4()),
        order_id: Set(order.id),
        payment_method_id: Set(None),
        r#type: Set(event.kind.chars().take(50).collect()),
        status: Set(status),
        amount: Set(amount),
        currency: Set(object
            .currency
            .as_deref()
            .map_or_else(|| order.currency.clone(), str::to_ascii_uppercase)),
        provider: Set(PROVIDER.to_string()),
        provider_transaction_id: Set(Some(event.id.clone())),
        provider_response: Set(Some(serde_json::json!({
            "event_type": event.kind,
            "event_created": event.created,
            "object_id": object.id,
            "outcome": outcome,
        }))),
        failure_reason: Set(failure_reason(object).filter(|_| action == Action::Failed)),
        processed_at: Set(Some(now.into())),
        created_at: Set(now.into()),
    };
    insert_once(txn, row).await
}

fn failure_reason(object: &EventObject) -> Option<String> {
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

/// Moves the order through the order domain; returns its order and payment status
/// afterwards, or the order domain's reason for refusing a succeeded payment.
async fn apply(
    txn: &DatabaseTransaction,
    action: Action,
    order: &orders::Model,
    object: &EventObject,
) -> Result<Result<(OrderStatus, PaymentStatus), String>, WebhookError> {
    let checked = |result: Result<(), CheckoutError>| match result {
        Ok(()) => Ok(Ok(())),
        Err(error @ (CheckoutError::SoldOut { .. } | CheckoutError::OrderClosed { .. })) => {
            Ok(Err(error.to_string()))
        }
        Err(CheckoutError::Internal(error)) => Err(WebhookError::Database(error)),
        Err(error) => Err(WebhookError::Order {
            order_id: order.id,
            reason: error.to_string(),
        }),
    };
    let moved = match action {
        Action::Succeeded => checked(checkout::mark_paid(txn, order.id).await.map(drop))?,
        Action::Failed => checked(checkout::mark_payment_failed(txn, order.id).await.map(drop))?,
        Action::Processing => checked(
            checkout::mark_payment_processing(txn, order.id)
                .await
                .map(drop),
        )?,
        Action::Refunded => {
            let paid = order_intent(txn, order.id)
                .await?
                .map_or(order.total, |row| row.amount);
            apply_refunded_amount(txn, order, paid, from_minor_units(object.amount_refunded))
                .await?;
            Ok(())
        }
        Action::Record => Ok(()),
    };
    if let Err(reason) = moved {
        return Ok(Err(reason));
    }
    let order = orders::Entity::find_by_id(order.id)
        .one(txn)
        .await?
        .ok_or_else(|| WebhookError::Order {
            order_id: order.id,
            reason: "the order disappeared".into(),
        })?;
    Ok(Ok((order.status, order.payment_status)))
}

/// Keeps the intent's own ledger row in step with the last applied event.
async fn update_intent_row(
    txn: &DatabaseTransaction,
    intent_id: &str,
    action: Action,
    object: &EventObject,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let status = match action {
        Action::Succeeded => PaymentStatus::Completed,
        Action::Failed => PaymentStatus::Failed,
        Action::Processing => PaymentStatus::Processing,
        Action::Refunded | Action::Record => return Ok(()),
    };
    payment_transactions::Entity::update_many()
        .col_expr(
            payment_transactions::Column::Status,
            payment_transactions::Column::Status.save_as(Expr::value(status)),
        )
        .col_expr(
            payment_transactions::Column::FailureReason,
            Expr::value(failure_reason(object).filter(|_| action == Action::Failed)),
        )
        .col_expr(
            payment_transactions::Column::ProcessedAt,
            Expr::value(DateTimeWithTimeZone::from(now)),
        )
        .filter(payment_transactions::Column::ProviderTransactionId.eq(intent_id))
        .filter(payment_transactions::Column::Type.eq(TYPE_PAYMENT_INTENT))
        .exec(txn)
        .await?;
    Ok(())
}
