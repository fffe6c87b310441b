//! `POST /webhooks/stripe`: Stripe's (or the local fake's) signed events.
//!
//! The raw body is verified against `Stripe-Signature` before anything is parsed.
//! Answers: 400 for a missing/wrong/stale signature or a payload that is not an event
//! (a retry cannot help), 200 for every authentic event, applied or not (replays,
//! out-of-order and unrelated events included, so Stripe stops retrying), 500 when the
//! database failed (Stripe retries later, and the event id makes the retry safe).
//!
//! A succeeded payment the order cannot take (cancelled, or sold out since a failed
//! attempt released its stock) is refunded here; if that refund fails the answer is
//! 500, and Stripe's retry asks for the refund again.

use app::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use entities::sea_orm_active_enums::PaymentStatus;
use serde_json::json;
use services::order_mail;
use services::payments::{WebhookOutcome, handle_webhook, refund_refused_payment};

pub async fn receive(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, Json<serde_json::Value>) {
    let signature = headers
        .get("stripe-signature")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let result = handle_webhook(
        &state.services.db,
        &body,
        signature,
        state.services.payments.webhook_secret(),
        chrono::Utc::now(),
    )
    .await;
    let now = chrono::Utc::now();
    if let Ok(WebhookOutcome::Refused {
        order_id,
        intent_id,
        reason,
        ..
    }) = &result
    {
        tracing::warn!(%order_id, %reason, "payment refused by the order; refunding it");
        if let Err(error) = refund_refused_payment(
            &state.services.db,
            &state.services.payments,
            *order_id,
            intent_id,
            now,
        )
        .await
        {
            tracing::error!(%error, %order_id, "the refused payment could not be refunded");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                Json(json!({ "error": "the refund failed; retry later" })),
            );
        }
    }
    if let Ok(WebhookOutcome::Applied {
        order_id,
        payment_status: PaymentStatus::Completed,
        ..
    }) = &result
    {
        send_confirmation(&state, *order_id);
    }
    match result {
        Ok(outcome) => {
            tracing::info!(?outcome, "Stripe webhook");
            let (event_id, result) = match &outcome {
                WebhookOutcome::Applied { event_id, .. } => (event_id, "applied"),
                WebhookOutcome::Unchanged { event_id, .. } => (event_id, "unchanged"),
                WebhookOutcome::OutOfOrder { event_id, .. } => (event_id, "out_of_order"),
                WebhookOutcome::Replayed { event_id } => (event_id, "replayed"),
                WebhookOutcome::Ignored { event_id, .. } => (event_id, "ignored"),
                WebhookOutcome::Refused { event_id, .. } => (event_id, "refunded"),
            };
            (
                StatusCode::OK,
                Json(json!({ "received": true, "event": event_id, "result": result })),
            )
        }
        Err(error) if error.is_bad_request() => {
            tracing::warn!(%error, "Stripe webhook refused");
            (
                StatusCode::BAD_REQUEST,
                Json(json!({ "error": error.to_string() })),
            )
        }
        Err(error) => {
            tracing::error!(%error, "Stripe webhook failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                Json(json!({ "error": "the event could not be processed; retry later" })),
            )
        }
    }
}

/// Emails the order confirmation in the background: the payment is already recorded, so
/// a mail failure is logged and never turns the webhook into a retry.
fn send_confirmation(state: &AppState, order_id: uuid::Uuid) {
    let (db, mailer, base_url) = (
        state.services.db.clone(),
        state.services.mailer.clone(),
        state.services.base_url.clone(),
    );
    tokio::spawn(async move {
        match order_mail::confirmation(&db, order_id, &base_url).await {
            Ok(Some(mail)) => {
                if let Err(error) = mailer.send(mail).await {
                    tracing::warn!(%error, %order_id, "order confirmation not sent");
                }
            }
            Ok(None) => tracing::warn!(%order_id, "no order to confirm"),
            Err(error) => tracing::warn!(%error, %order_id, "order confirmation not composed"),
        }
    });
}
