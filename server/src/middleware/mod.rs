//! Request middleware, each in its own file. From the outside in, every request meets:
//!
//! 1. `headers`: the security headers, on every response (pages add their own CSP).
//! 2. `limits`: a body-size limit, a cap on requests in flight (it protects the database
//!    pool) and a per-request timeout.
//! 3. `cross_site`: state-changing requests from other sites are refused, and server
//!    functions take only the encodings they are written for.
//! 4. `caller` (routed paths only): the session cookie resolved once.
//!
//! What they refuse is answered by [`refuse`], worded in the request's language.

mod caller;
mod cross_site;
mod headers;
mod limits;

pub use caller::resolve_caller;
pub use cross_site::{SiteOrigin, refuse_cross_site};
pub use headers::{HeaderPolicy, security_headers};
pub use limits::{Limits, limit_requests};

use app::api::ApiError;
use axum::Json;
use axum::response::{IntoResponse, Response};
use domain::Refusal;
use http::HeaderMap;

/// Answers `refusal` with its status, before any handler ran: the `ApiError` body that
/// server functions send (so the app shows it like any other refusal), whose `message`
/// is in the request's language (the `lv_lang` cookie, else `Accept-Language`).
pub(crate) fn refuse(headers: &HeaderMap, refusal: Refusal) -> Response {
    let status = app::api::error::status_of(&refusal);
    let locale = app::i18n::locale_for_request(headers);
    let body = ApiError {
        message: app::i18n::errors::refusal_text(&refusal, locale),
        refusal,
    };
    (status, Json(body)).into_response()
}
