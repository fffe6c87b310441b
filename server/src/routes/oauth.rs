//! `/auth/oauth/{provider}/start` and `/auth/oauth/{provider}/callback`: the browser leg
//! of OAuth2 sign-in (authorization code + PKCE + state). The pending login travels in
//! a short-lived, signed, HttpOnly cookie scoped to these paths.

use std::net::SocketAddr;

use app::i18n::{Locale, locale_cookie};
use app::state::AppState;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use entities::sea_orm_active_enums::UserRole;
use serde::Deserialize;
use services::auth::sessions::{self, session_cookie, token_from_cookie_header};
use services::auth::social::{self, SocialOutcome};
use services::auth::{AuthError, RequestContext};
use services::cart;
use services::oauth::{OAuthError, PendingLogin};

const PENDING_COOKIE: &str = "lv_oauth";

fn redirect(to: &str, cookies: &[String]) -> Response {
    let mut response =
        (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response();
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

fn pending_cookie(value: &str, max_age: i64, secure: bool) -> String {
    format!(
        "{PENDING_COOKIE}={value}; Path=/auth/oauth; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        if secure { "; Secure" } else { "" }
    )
}

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|header| header.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// Sends the browser to the provider.
pub async fn start(State(state): State<AppState>, Path(provider): Path<String>) -> Response {
    match state.oauth.begin(&provider) {
        Ok((url, pending)) => match serde_json::to_string(&pending) {
            Ok(json) => redirect(
                url.as_str(),
                &[pending_cookie(
                    &state.signer.seal(&json),
                    600,
                    state.secure_cookies,
                )],
            ),
            Err(error) => {
                tracing::error!(%error, "could not encode the pending login");
                redirect("/login?oauth_error=failed", &[])
            }
        },
        Err(error) => {
            tracing::info!(%error, provider, "OAuth start refused");
            redirect("/login?oauth_error=unavailable", &[])
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct CallbackParams {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// Back from the provider: check state, exchange the code, sign in or link.
pub async fn callback(
    State(state): State<AppState>,
    Path(provider): Path<String>,
    Query(params): Query<CallbackParams>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let clear = pending_cookie("", 0, state.secure_cookies);
    let fail = |code: &str| {
        redirect(
            &format!("/login?oauth_error={code}"),
            std::slice::from_ref(&clear),
        )
    };
    if params.error.is_some() {
        return fail("cancelled");
    }
    let pending: Option<PendingLogin> = cookie(&headers, PENDING_COOKIE)
        .and_then(|sealed| state.signer.unseal(sealed))
        .and_then(|json| serde_json::from_str(&json).ok());
    let (Some(pending), Some(code), Some(returned_state)) = (pending, params.code, params.state)
    else {
        return fail("state");
    };
    if pending.provider != provider {
        return fail("state");
    }
    let identity = match state.oauth.complete(pending, &returned_state, &code).await {
        Ok(identity) => identity,
        Err(OAuthError::StateMismatch) => return fail("state"),
        Err(error) => {
            tracing::warn!(%error, provider, "OAuth sign-in failed");
            return fail("failed");
        }
    };
    let context = RequestContext {
        ip: Some(peer.ip()),
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned),
    };
    let browser_token = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(token_from_cookie_header);
    let signed_in = match &browser_token {
        Some(token) => sessions::resolve(&state.db, token).await.ok().flatten(),
        None => None,
    };
    // A guest session (a bag, no account) is not an account to link the provider to: its
    // bag is merged into the account once signed in, as after a password sign-in.
    let (current, guest_session) = match signed_in {
        Some((session, user)) if user.role == UserRole::Guest => (None, Some(session.id)),
        Some((_, user)) => (Some(user), None),
        None => (None, None),
    };
    match social::sign_in_with(&state.db, &identity, current, &context).await {
        Ok(SocialOutcome::SignedIn { token, user }) => {
            if let (Some(session_id), Some(guest_token)) = (guest_session, &browser_token) {
                match cart::merge_guest_cart(&state.db, session_id, user.id).await {
                    Ok(_) => {
                        if let Err(error) = sessions::end(&state.db, guest_token).await {
                            tracing::warn!(%error, "guest session not ended after merging its bag");
                        }
                    }
                    Err(error) => tracing::warn!(%error, "guest bag not merged at social sign-in"),
                }
            }
            let mut cookies = vec![clear.clone(), session_cookie(&token, state.secure_cookies)];
            // The account's language becomes the storefront's, as after a password sign-in.
            cookies.extend(
                Locale::parse(&user.preferred_language)
                    .map(|locale| locale_cookie(locale, state.secure_cookies)),
            );
            redirect("/account", &cookies)
        }
        Ok(SocialOutcome::LinkRequired) => fail("link_required"),
        Err(AuthError::UnverifiedProviderEmail) => fail("unverified_email"),
        Err(error) => {
            tracing::error!(%error, provider, "OAuth sign-in could not be completed");
            fail("failed")
        }
    }
}
