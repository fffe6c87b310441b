//! Limits every route shares, so no single request (or burst of them) can take the
//! server down: a body-size limit (413), a cap on requests in flight with a short wait
//! for a free slot (503, protecting the database pool behind them), and a time limit on
//! producing the response (503). Refusals are worded in the request's language.
//!
//! A `GET` or `HEAD` whose response has not started after a third of the time limit is
//! started once more, in the time left. Reading is safe to repeat, and a server-rendered
//! page can, rarely, stall for good: Leptos' streaming render has known races in which a
//! `<Suspense>` never hears that its data arrived (leptos-rs/leptos#4578, #4851, #4866),
//! and our test suites saw about one such render in a few thousand. The stalled render is
//! dropped; the second one answers. Anything else (a slow database, an overloaded server)
//! still ends in the 503 at the time limit.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use domain::Refusal;
use http::header::{ACCEPT_LANGUAGE, CONTENT_LENGTH, COOKIE};
use http::{HeaderMap, Method};
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
    let (parts, body) = request.into_parts();
    let repeatable = matches!(parts.method, Method::GET | Method::HEAD);
    if repeatable {
        let first_try = limits.timeout / 3;
        let again = Request::from_parts(parts.clone(), Body::empty());
        match tokio::time::timeout(
            first_try,
            next.clone().run(Request::from_parts(parts, body)),
        )
        .await
        {
            Ok(response) => return response,
            Err(_) => {
                tracing::warn!(after = ?first_try, path = %again.uri().path(), "a read stalled; starting it again");
                return within(
                    &limits,
                    limits.timeout - first_try,
                    &language,
                    next.run(again),
                )
                .await;
            }
        }
    }
    within(
        &limits,
        limits.timeout,
        &language,
        next.run(Request::from_parts(parts, body)),
    )
    .await
}

/// `response`, or the 503 when it takes longer than `time`.
async fn within(
    limits: &Limits,
    time: Duration,
    language: &HeaderMap,
    response: impl Future<Output = Response>,
) -> Response {
    match tokio::time::timeout(time, response).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(timeout = ?limits.timeout, "request timed out");
            super::refuse(language, Refusal::Busy)
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

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use axum::Router;
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    /// A route that never answers its first call and answers every later one, behind the
    /// limits with a 600 ms time limit; with the number of calls it got.
    fn stalls_once() -> (Router, Arc<AtomicUsize>) {
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&calls);
        let handler = move || {
            let calls = Arc::clone(&counted);
            async move {
                if calls.fetch_add(1, Ordering::SeqCst) == 0 {
                    std::future::pending::<()>().await;
                }
                "answered"
            }
        };
        let limits = Arc::new(Limits::new(
            1024,
            Duration::from_millis(600),
            4,
            Duration::from_millis(100),
        ));
        let router = Router::new()
            .route("/page", get(handler.clone()).post(handler))
            .layer(axum::middleware::from_fn_with_state(limits, limit_requests));
        (router, calls)
    }

    async fn status_of(router: Router, method: Method) -> u16 {
        let request = Request::builder()
            .method(method)
            .uri("/page")
            .body(Body::empty())
            .unwrap();
        router.oneshot(request).await.unwrap().status().as_u16()
    }

    #[tokio::test]
    async fn a_stalled_read_is_started_once_more_and_answers() {
        let (router, calls) = stalls_once();
        assert_eq!(status_of(router, Method::GET).await, 200);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_stalled_write_is_never_repeated_and_times_out() {
        let (router, calls) = stalls_once();
        assert_eq!(status_of(router, Method::POST).await, 503);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
