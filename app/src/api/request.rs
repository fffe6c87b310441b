//! What server functions need from the request: the app state, the caller's identity
//! and address, and a way to set cookies. Authorisation is decided here, in one place.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use http::HeaderValue;
use http::header::{COOKIE, SET_COOKIE, USER_AGENT};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use crate::state::AppState;
use entities::sea_orm_active_enums::UserRole;
use entities::users;
use services::auth::RequestContext;
use services::auth::sessions::{self, SessionToken};

pub fn state() -> Result<AppState, ServerFnError> {
    use_context::<AppState>().ok_or_else(|| ServerFnError::new("application state is missing"))
}

fn parts() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

/// The caller's IP (the TCP peer) and user agent.
pub fn request_context() -> RequestContext {
    let parts = parts();
    let ip = parts
        .as_ref()
        .and_then(|parts| parts.extensions.get::<ConnectInfo<SocketAddr>>())
        .map(|info| info.0.ip());
    let user_agent = parts
        .as_ref()
        .and_then(|parts| parts.headers.get(USER_AGENT))
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    RequestContext { ip, user_agent }
}

/// The session token the browser sent, if well formed.
pub fn session_token() -> Option<SessionToken> {
    parts()?
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(sessions::token_from_cookie_header)
}

/// The shopper's language for this request (see [`crate::i18n::locale_for_request`]).
pub fn request_locale() -> crate::i18n::Locale {
    crate::i18n::requested_locale()
}

/// Makes `language` (a stored `preferred_language`) the shopper's language from the next
/// page on; codes the storefront does not speak are ignored.
pub fn remember_locale(language: &str) {
    if let Some(locale) = crate::i18n::Locale::parse(language) {
        let secure = state().map(|state| state.secure_cookies).unwrap_or(false);
        set_cookie(&crate::i18n::locale_cookie(locale, secure));
    }
}

pub fn set_cookie(cookie: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(cookie),
    ) {
        response.append_header(SET_COOKIE, value);
    }
}

/// The signed-in user, if any.
pub async fn current_user() -> Result<Option<users::Model>, ServerFnError> {
    let Some(token) = session_token() else {
        return Ok(None);
    };
    let state = state()?;
    sessions::resolve(&state.db, &token)
        .await
        .map(|found| found.map(|(_, user)| user))
        .map_err(internal)
}

pub use crate::api::error::internal;
use crate::api::error::refuse;
use domain::Refusal;

/// A signed-in customer (or any signed-in non-guest), else 401.
pub async fn require_user() -> Result<users::Model, ServerFnError> {
    match current_user().await? {
        Some(user) if user.role != UserRole::Guest => Ok(user),
        _ => Err(refuse(&Refusal::SignInRequired)),
    }
}

/// A signed-in admin, else 401 (signed out) or 403 (signed in without the role).
pub async fn require_admin() -> Result<users::Model, ServerFnError> {
    let user = require_user().await?;
    if matches!(user.role, UserRole::Admin | UserRole::SuperAdmin) {
        Ok(user)
    } else {
        Err(refuse(&Refusal::Forbidden))
    }
}
