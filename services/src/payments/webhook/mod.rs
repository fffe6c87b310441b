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
//!
//! The parts: `event` (the payload's fields we read, and which types we handle),
//! `decision` (forwards, unchanged or out of order; step 4), and `apply` (the event's
//! ledger row and the order's move through the order domain). Verification, locating
//! the order and the transaction (steps 1 to 3 and 5) live here.

mod apply;
mod decision;
mod event;

use std::str::FromStr;

use chrono::{DateTime, Utc};
use sea_orm::prelude::*;
use sea_orm::{
    DatabaseConnection, DatabaseTransaction, QueryFilter, QuerySelect, TransactionTrait,
};

use super::TYPE_PAYMENT_INTENT;
use super::signature::{self, SignatureError};
use apply::{apply, record_event, update_intent_row};
use decision::{Decision, decide};
use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};
use entities::{orders, payment_transactions};
use event::{Action, Event, EventObject};

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
