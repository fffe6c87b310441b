//! A local Stripe-compatible API for development and tests: the real async-stripe client
//! talks to it exactly as it talks to `api.stripe.com`.
//!
//! It speaks Stripe's wire protocol for the endpoints the app calls:
//! - `POST /v1/payment_intents` (form-encoded `amount` in minor units, `currency`,
//!   `metadata[...]`, `description`, `receipt_email`, `payment_method`, `confirm`),
//! - `GET /v1/payment_intents/{id}`,
//! - `POST /v1/payment_intents/{id}/confirm` with a test payment method:
//!   `pm_card_visa` / `pm_card_mastercard` succeed, `pm_card_chargeDeclined` and
//!   `pm_card_chargeDeclinedInsufficientFunds` fail with Stripe's 402 `card_error`
//!   (`code: card_declined`, `decline_code`), anything else is `resource_missing`,
//! - `POST /v1/refunds` (`payment_intent`, optional `amount`).
//!
//! Every request needs `Authorization: Bearer <secret key>`. `Idempotency-Key` is
//! honoured on POSTs: the same key with the same parameters replays the first response
//! (`Idempotent-Replayed: true`), with other parameters it is an `idempotency_error`.
//! Each state change creates an event (`payment_intent.created`, `.succeeded`,
//! `.payment_failed`, `charge.refunded`) that is POSTed, in order, to the webhook URL
//! with a `Stripe-Signature: t=...,v1=<HMAC-SHA256 of "t.payload">` header, retried a few
//! times on failure. Tests read the events and deliveries back.

mod api;
mod objects;
mod webhooks;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use services::payments::{PaymentConfigError, Payments, StripeKeys, StripeSettings};
use tokio::sync::{Notify, mpsc};

pub use webhooks::signature_header;

/// One event the fake created, with the exact JSON it delivers.
#[derive(Clone, Debug)]
pub struct FakeEvent {
    pub id: String,
    pub kind: String,
    pub payload: String,
}

/// One delivery of an event to the webhook URL (after its retries).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivery {
    pub event_id: String,
    pub event_type: String,
    /// The last HTTP status the webhook answered; `None` if it could not be reached.
    pub status: Option<u16>,
    pub attempts: u32,
}

/// A running fake; it stops with the runtime that started it.
#[derive(Clone)]
pub struct StripeFake {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

impl std::fmt::Debug for StripeFake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StripeFake")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

struct Shared {
    secret_key: String,
    webhook_secret: String,
    webhook_url: Mutex<Option<String>>,
    state: Mutex<objects::State>,
    outbox: mpsc::UnboundedSender<FakeEvent>,
    delivered: Notify,
}

impl Shared {
    fn state(&self) -> std::sync::MutexGuard<'_, objects::State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl StripeFake {
    /// Starts on a random port of 127.0.0.1 with freshly generated test keys.
    pub async fn start() -> std::io::Result<Self> {
        let secret_key = format!("sk_test_fake_{}", objects::random_token(24));
        let webhook_secret = format!("whsec_fake_{}", objects::random_token(32));
        Self::start_with(secret_key, webhook_secret).await
    }

    /// Starts on a random port of 127.0.0.1 with these keys.
    pub async fn start_with(
        secret_key: impl Into<String>,
        webhook_secret: impl Into<String>,
    ) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let (outbox, inbox) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            secret_key: secret_key.into(),
            webhook_secret: webhook_secret.into(),
            webhook_url: Mutex::new(None),
            state: Mutex::new(objects::State::default()),
            outbox,
            delivered: Notify::new(),
        });
        tokio::spawn(webhooks::deliver_in_order(shared.clone(), inbox));
        let router = api::router(shared.clone());
        tokio::spawn(async move {
            if let Err(error) = axum::serve(listener, router).await {
                tracing::error!(%error, "the Stripe fake stopped");
            }
        });
        tracing::info!(%addr, "local Stripe fake is listening");
        Ok(Self { addr, shared })
    }

    /// `http://127.0.0.1:<port>/`: the `STRIPE_API_BASE` that reaches this fake.
    pub fn api_base(&self) -> String {
        format!("http://{}/", self.addr)
    }

    pub fn secret_key(&self) -> &str {
        &self.shared.secret_key
    }

    pub fn webhook_secret(&self) -> &str {
        &self.shared.webhook_secret
    }

    /// The keys that point the app's client at this fake.
    pub fn keys(&self) -> Result<StripeKeys, PaymentConfigError> {
        StripeKeys::new(self.secret_key(), self.webhook_secret(), &self.api_base())
    }

    /// Where events go (`<app>/webhooks/stripe`); without one they are only recorded.
    pub fn set_webhook_url(&self, url: impl Into<String>) {
        *self
            .shared
            .webhook_url
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(url.into());
    }

    /// Every event created so far, oldest first.
    pub fn events(&self) -> Vec<FakeEvent> {
        self.shared.state().events.clone()
    }

    /// Every finished delivery so far, in delivery order.
    pub fn deliveries(&self) -> Vec<Delivery> {
        self.shared.state().deliveries.clone()
    }

    /// Waits until at least `count` deliveries finished (or `timeout` passed).
    pub async fn wait_for_deliveries(&self, count: usize, timeout: Duration) -> Vec<Delivery> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.shared.delivered.notified();
            let deliveries = self.deliveries();
            if deliveries.len() >= count {
                return deliveries;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return self.deliveries();
            }
        }
    }

    /// How many PaymentIntents exist.
    pub fn payment_intent_count(&self) -> usize {
        self.shared.state().intents.len()
    }

    /// The current JSON of a PaymentIntent.
    pub fn payment_intent(&self, id: &str) -> Option<serde_json::Value> {
        self.shared.state().intents.get(id).cloned()
    }

    /// A `Stripe-Signature` header for `payload`, signed now with this fake's secret.
    pub fn sign_now(&self, payload: &str) -> String {
        signature_header(
            &self.shared.webhook_secret,
            objects::now_unix(),
            payload.as_bytes(),
        )
    }
}

/// Why the payments client could not be set up at start-up.
#[derive(Debug, thiserror::Error)]
pub enum PaymentsSetupError {
    #[error(transparent)]
    Config(#[from] PaymentConfigError),
    #[error("the local Stripe fake could not start: {0}")]
    Fake(#[from] std::io::Error),
}

/// The app's payments client: Stripe when keys are configured; otherwise a local fake
/// started now (in-process, 127.0.0.1) that sends its events to `local_webhook_url`.
pub async fn payments_or_local_fake(
    settings: &StripeSettings,
    local_webhook_url: &str,
) -> Result<Payments, PaymentsSetupError> {
    match settings {
        StripeSettings::Keys(keys) => Ok(Payments::new(keys)?),
        StripeSettings::LocalFake => {
            let fake = StripeFake::start().await?;
            fake.set_webhook_url(local_webhook_url);
            tracing::warn!(
                api_base = %fake.api_base(),
                "STRIPE_SECRET_KEY is not set: payments use the local Stripe fake (test cards only)"
            );
            Ok(Payments::new(&fake.keys()?)?)
        }
    }
}
