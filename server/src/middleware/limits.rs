//! Limits every route shares, so no single request (or burst of them) can take the
//! server down: a body-size limit (413), a cap on requests in flight with a short wait
//! for a free slot (503, protecting the database pool behind them), and a time limit on
//! producing the response (503). Refusals are worded in the request's language.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use domain::Refusal;
use http::HeaderMap;
use http::header::{ACCEPT_LANGUAGE, CONTENT_LENGTH, COOKIE};
use tokio::sync::Semaphore;

/// The limits of one server process (`HTTP_*` variables, see `config.rs`).
#[derive(Clone, Debug)]
pub struct Limits {
    /// The largest request body read, in bytes.
    pub body_bytes: usize,
    /// The largest body of the upload endpoints (`upload_paths`), in bytes.
    pub upload_bytes: usize,
    pub upload_paths: &'static [&'static str],
    /// How long a request may take to produce its response (not to stream its body).
    pub timeout: Duration,
    /// Slots for requests in flight.
    pub in_flight: Arc<Semaphore>,
    /// How long a request waits for a slot before it is turned away.
    pub queue_wait: Duration,
}

impl Limits {
    pub fn new(
        body_bytes: usize,
        timeout: Duration,
        in_flight: usize,
        queue_wait: Duration,
    ) -> Self {
        Limits {
            body_bytes,
            upload_bytes: body_bytes,
            upload_paths: &[],
            timeout,
            in_flight: Arc::new(Semaphore::new(in_flight)),
            queue_wait,
        }
    }

    /// Lets the endpoints at `paths` take bodies of up to `bytes`.
    pub fn with_uploads(mut self, bytes: usize, paths: &'static [&'static str]) -> Self {
        self.upload_bytes = bytes.max(self.body_bytes);
        self.upload_paths = paths;
        self
    }

    /// The largest body a request to `path` may send.
    pub fn body_limit_for(&self, path: &str) -> usize {
        if self.upload_paths.contains(&path) {
            self.upload_bytes
        } else {
            self.body_bytes
        }
    }
}

pub async fn limit_requests(
    State(limits): State<Arc<Limits>>,
    request: Request,
    next: Next,
) -> Response {
    // Only what wording a refusal needs is kept once the request moves on.
    let language = language_headers(request.headers());
    let body_bytes = limits.body_limit_for(request.uri().path());
    let declared = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|length| length.to_str().ok())
        .and_then(|length| length.parse::<u64>().ok());
    if declared.is_some_and(|length| length > body_bytes as u64) {
        return super::refuse(&language, Refusal::RequestTooLarge);
    }
    // A body without a length (chunked) is cut off at the limit while it is read.
    let request = request.map(|body| Body::new(http_body_util::Limited::new(body, body_bytes)));
    let Ok(Ok(_slot)) = tokio::time::timeout(
        limits.queue_wait,
        Arc::clone(&limits.in_flight).acquire_owned(),
    )
    .await
    else {
        tracing::warn!("every request slot is busy; request turned away");
        return super::refuse(&language, Refusal::Busy);
    };
    match tokio::time::timeout(limits.timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(timeout = ?limits.timeout, "request timed out");
            super::refuse(&language, Refusal::Busy)
        }
    }
}

/// The headers that choose a refusal's language.
fn language_headers(headers: &HeaderMap) -> HeaderMap {
    let mut kept = HeaderMap::new();
    for name in [COOKIE, ACCEPT_LANGUAGE] {
        for value in headers.get_all(&name) {
            kept.append(name.clone(), value.clone());
        }
    }
    kept
}
