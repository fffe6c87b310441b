//! `/auth/oauth/{provider}/start` and `/auth/oauth/{provider}/callback`: the browser leg
//! of OAuth2 sign-in (authorization code + PKCE + state). The pending login travels in
//! a short-lived, signed, HttpOnly cookie scoped to these paths.

use app::api::context::Caller;
use app::api::cookies;
use app::i18n::Locale;
use app::state::AppState;
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use entities::sea_orm_active_enums::UserRole;
use serde::Deserialize;
use services::auth::sessions;
use services::auth::social::{self, SocialOutcome};
use services::auth::{AuthError, RequestContext};
use services::cart;
use services::oauth::{OAuthError, PendingLogin};

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

/// Sends the browser to the provider.
pub async fn start(State(state): State<AppState>, Path(provider): Path<String>) -> Response {
    match state.services.oauth.begin(&provider) {
        Ok((url, pending)) => match serde_json::to_string(&pending) {
            Ok(json) => redirect(
                url.as_str(),
                &[cookies::oauth_pending_cookie(
                    &state.services.signer.seal(&json),
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
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
) -> Response {
    let services = &state.services;
    let clear = cookies::oauth_pending_cookie("", 0, state.secure_cookies);
    let fail = |code: &str| {
        redirect(
            &format!("/login?oauth_error={code}"),
            std::slice::from_ref(&clear),
        )
    };
    if params.error.is_some() {
        return fail("cancelled");
    }
    let pending: Option<PendingLogin> = cookies::oauth_pending(&headers)
        .and_then(|sealed| services.signer.unseal(sealed))
        .and_then(|json| serde_json::from_str(&json).ok());
    let (Some(pending), Some(code), Some(returned_state)) = (pending, params.code, params.state)
    else {
        return fail("state");
    };
    if pending.provider != provider {
        return fail("state");
    }
    let identity = match services
        .oauth
        .complete(pending, &returned_state, &code)
        .await
    {
        Ok(identity) => identity,
        Err(OAuthError::StateMismatch) => return fail("state"),
        Err(error) => {
            tracing::warn!(%error, provider, "OAuth sign-in failed");
            return fail("failed");
        }
    };
    let context = RequestContext {
        ip: caller.ip,
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned),
    };
    // The caller middleware resolved the browser's session. A guest session (a bag, no
    // account) is not an account to link the provider to: its bag is merged into the
    // account once signed in, as after a password sign-in.
    let Caller {
        token: browser_token,
        session: signed_in,
        ..
    } = caller;
    let (current, guest_session) = match signed_in {
        Some((session, user)) if user.role == UserRole::Guest => {
            (None, Some((session.id, user.id)))
        }
        Some((_, user)) => (Some(user), None),
        None => (None, None),
    };
    match social::sign_in_with(&services.db, &identity, current, &context).await {
        Ok(SocialOutcome::SignedIn { token, user }) => {
            if let (Some((session_id, guest_id)), Some(guest_token)) =
                (guest_session, &browser_token)
            {
                let adopted =
                    services::personal::style::adopt_guest_profile(&services.db, guest_id, user.id);
                if let Err(error) = adopted.await {
                    tracing::warn!(%error, "guest style profile not moved at social sign-in");
                }
                match cart::merge_guest_cart(&services.db, session_id, user.id).await {
                    Ok(_) => {
                        if let Err(error) = sessions::end(&services.db, guest_token).await {
                            tracing::warn!(%error, "guest session not ended after merging its bag");
                        }
                    }
                    Err(error) => tracing::warn!(%error, "guest bag not merged at social sign-in"),
                }
            }
            let mut set = vec![
                clear.clone(),
                cookies::session(&token, state.secure_cookies),
            ];
            // The account's language becomes the storefront's, as after a password sign-in.
            set.extend(
                Locale::parse(&user.preferred_language)
                    .map(|locale| cookies::locale(locale, state.secure_cookies)),
            );
            redirect("/account", &set)
        }
        Ok(SocialOutcome::LinkRequired) => fail("link_required"),
        Err(AuthError::UnverifiedProviderEmail) => fail("unverified_email"),
        Err(error) => {
            tracing::error!(%error, provider, "OAuth sign-in could not be completed");
            fail("failed")
        }
    }
}
