//! Security headers on every response. Each request gets a fresh CSP nonce in its
//! extensions; a page renders its scripts with it (`app::csp::use_request_nonce`) and is
//! sent the page policy naming it. Every other response (static files, server functions,
//! JSON routes) gets a policy that allows nothing to run or frame it.

use std::sync::Arc;

use app::csp::page_policy;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderValue;
use http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use leptos::nonce::Nonce;

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
    /// The port of cargo-leptos' live-reload socket while `cargo leptos watch` runs,
    /// which pages may then connect to.
    pub live_reload_port: Option<u32>,
}

pub async fn security_headers(
    State(policy): State<Arc<HeaderPolicy>>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let html = headers
        .get(http::header::CONTENT_TYPE)
        .is_some_and(|kind| kind.as_bytes().starts_with(b"text/html"));
    let page_policy = html
        .then(|| HeaderValue::from_str(&page_policy(&nonce, policy.live_reload_port)).ok())
        .flatten();
    headers.insert(
        CONTENT_SECURITY_POLICY,
        page_policy.unwrap_or(HeaderValue::from_static(NOT_A_PAGE_POLICY)),
    );
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
