//! Signing and delivering the fake's events, one at a time in creation order.

use std::sync::Arc;
use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio::sync::mpsc;

use super::{Delivery, FakeEvent, Shared, objects};

/// Attempts per event before the fake gives up on it (Stripe retries for days).
const ATTEMPTS: u32 = 3;

/// Stripe's `Stripe-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
/// "<t>.<payload>" keyed with the endpoint's signing secret>`.
pub fn signature_header(secret: &str, timestamp: i64, payload: &[u8]) -> String {
    let mut mac =
        <Hmac<Sha256>>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(payload);
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("t={timestamp},v1={hex}")
}

/// Runs for the fake's lifetime: POSTs each event to the webhook URL, in order.
pub(super) async fn deliver_in_order(
    shared: Arc<Shared>,
    mut inbox: mpsc::UnboundedReceiver<FakeEvent>,
) {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("the webhook client builds");
    while let Some(event) = inbox.recv().await {
        let url = shared
            .webhook_url
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        let mut delivery = Delivery {
            event_id: event.id.clone(),
            event_type: event.kind.clone(),
            status: None,
            attempts: 0,
        };
        if let Some(url) = url {
            while delivery.attempts < ATTEMPTS {
                if delivery.attempts > 0 {
                    tokio::time::sleep(Duration::from_millis(100 * u64::from(delivery.attempts)))
                        .await;
                }
                delivery.attempts += 1;
                let signature = signature_header(
                    &shared.webhook_secret,
                    objects::now_unix(),
                    event.payload.as_bytes(),
                );
                let result = client
                    .post(&url)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header(
                        "User-Agent",
                        "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
                    )
                    .header("Stripe-Signature", signature)
                    .body(event.payload.clone())
                    .send()
                    .await;
                match result {
                    Ok(response) => {
                        delivery.status = Some(response.status().as_u16());
                        if response.status().is_success() {
                            break;
                        }
                    }
                    Err(error) => {
                        tracing::warn!(%error, event = %event.id, "webhook delivery failed");
                        delivery.status = None;
                    }
                }
            }
        }
        shared.state().deliveries.push(delivery);
        shared.delivered.notify_waiters();
    }
}
