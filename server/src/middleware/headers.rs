//! Security headers on every response. Pages send their own Content-Security-Policy with
//! the render's nonce (`app::csp`); every other response (static files, server
//! functions, JSON routes) gets a policy that allows nothing to run or frame it.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderValue;
use http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};

/// The policy for responses that are not pages.
const NOT_A_PAGE_POLICY: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/// Powerful features the store never uses, off for it and anything it embeds.
const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), \
                                  magnetometer=(), microphone=(), payment=(), usb=()";

/// Two years, the preload list's minimum, subdomains included.
const HSTS: &str = "max-age=63072000; includeSubDomains";

/// Which headers this deployment sends.
#[derive(Clone, Copy, Debug)]
pub struct HeaderPolicy {
    /// The site is served over https: browsers are told to use nothing else (HSTS).
    pub https: bool,
}

pub async fn security_headers(
    State(policy): State<Arc<HeaderPolicy>>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let html = headers
        .get(http::header::CONTENT_TYPE)
        .is_some_and(|kind| kind.as_bytes().starts_with(b"text/html"));
    if html && !headers.contains_key(CONTENT_SECURITY_POLICY) {
        // A page whose render did not set its nonce policy (see `app::csp`): the
        // fallback below blocks its scripts and styles. Logged to trace the cause.
        tracing::warn!(%path, "a page answered without its own Content-Security-Policy");
    }
    headers
        .entry(CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(NOT_A_PAGE_POLICY));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if policy.https {
        headers.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    response
}
