//! Sign-in, registration, sign-out and the current user, as server functions.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use domain::FieldError;

/// What a sign-in or registration attempt came to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuthOutcome {
    SignedIn { name: String },
    Refused(Vec<FieldError>),
}

impl AuthOutcome {
    pub fn error_for(&self, field: &str) -> Option<String> {
        match self {
            AuthOutcome::Refused(errors) => errors
                .iter()
                .find(|error| error.field.as_deref() == Some(field))
                .map(|error| error.message.clone()),
            AuthOutcome::SignedIn { .. } => None,
        }
    }

    pub fn form_error(&self) -> Option<String> {
        match self {
            AuthOutcome::Refused(errors) => errors
                .iter()
                .find(|error| error.field.is_none())
                .map(|error| error.message.clone()),
            AuthOutcome::SignedIn { .. } => None,
        }
    }
}

/// The signed-in user as pages see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub name: String,
    pub email: String,
    pub is_admin: bool,
}

/// Where to go after signing in: only paths on this site, never another origin.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => {
            path.to_string()
        }
        _ => "/account".to_string(),
    }
}

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use crate::api::request::{internal, set_cookie, state};
    use services::auth::{AuthError, Field};

    pub fn secure_cookies() -> bool {
        state().map(|state| state.secure_cookies).unwrap_or(false)
    }

    /// Field-level refusals become an outcome the form shows; anything else is internal.
    pub fn refused(error: AuthError) -> Result<AuthOutcome, ServerFnError> {
        match &error {
            AuthError::Internal(_) | AuthError::Hashing(_) => Err(internal(&error)),
            _ => Ok(AuthOutcome::Refused(vec![crate::api::error::field_error(
                error.field().map(|field| match field {
                    Field::Email => "email",
                    Field::Password => "password",
                    Field::Name => "name",
                }),
                error.refusal(),
            )])),
        }
    }

    /// Sends the verification email without holding up the response; failures are logged.
    pub fn send_verification_in_background(
        state: &crate::state::AppState,
        user: &entities::users::Model,
    ) {
        let (mailer, signer, base_url, user) = (
            state.mailer.clone(),
            state.signer.clone(),
            state.base_url.clone(),
            user.clone(),
        );
        leptos::task::spawn(async move {
            let links = services::auth::recovery::Links {
                mailer: &mailer,
                signer: &signer,
                base_url: &base_url,
            };
            if let Err(error) = services::auth::recovery::send_verification(&links, &user).await {
                tracing::warn!(%error, user = %user.id, "verification email not sent");
            }
        });
    }

    pub fn signed_in(
        user: &entities::users::Model,
        token: &services::auth::sessions::SessionToken,
        next: Option<&str>,
    ) -> AuthOutcome {
        set_cookie(&services::auth::sessions::session_cookie(
            token,
            secure_cookies(),
        ));
        crate::api::request::remember_locale(&user.preferred_language);
        leptos_axum::redirect(&safe_next(next));
        AuthOutcome::SignedIn {
            name: user.name.clone().unwrap_or_else(|| user.email.clone()),
        }
    }
}

#[server(endpoint = "auth/sign_in")]
pub async fn sign_in(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<AuthOutcome, ServerFnError> {
    use crate::api::request::{request_context, state};
    use services::auth::accounts;
    let state = state()?;
    match accounts::sign_in(&state.db, &email, &password, &request_context()).await {
        Ok((user, token)) => {
            crate::api::cart::adopt_guest_bag(&user).await;
            Ok(server::signed_in(&user, &token, next.as_deref()))
        }
        Err(error) => server::refused(error),
    }
}

#[server(endpoint = "auth/register")]
pub async fn register(
    name: String,
    email: String,
    password: String,
    next: Option<String>,
) -> Result<AuthOutcome, ServerFnError> {
    use crate::api::request::{request_context, state};
    use services::auth::accounts::{self, Registration};
    let state = state()?;
    let form = Registration {
        email,
        password,
        name,
    };
    match accounts::register(&state.db, form, &request_context()).await {
        Ok((user, token)) => {
            server::send_verification_in_background(&state, &user);
            crate::api::cart::adopt_guest_bag(&user).await;
            Ok(server::signed_in(&user, &token, next.as_deref()))
        }
        Err(error) => server::refused(error),
    }
}

/// Confirms an email address from the emailed link.
#[server(endpoint = "auth/verify_email")]
pub async fn verify_email(token: String) -> Result<Result<String, String>, ServerFnError> {
    use crate::api::request::{internal, request_context, state};
    use services::auth::{AuthError, recovery};
    let state = state()?;
    match recovery::verify_email(&state.db, &state.signer, &token, &request_context()).await {
        Ok(user) => Ok(Ok(user.email)),
        Err(error @ AuthError::Link(_)) => Ok(Err(error.to_string())),
        Err(error) => Err(internal(error)),
    }
}

/// Sends the verification link again to the signed-in user.
#[server(endpoint = "auth/resend_verification")]
pub async fn resend_verification() -> Result<(), ServerFnError> {
    use crate::api::request::{require_user, state};
    let user = require_user().await?;
    let state = state()?;
    server::send_verification_in_background(&state, &user);
    Ok(())
}

/// Emails a reset link when the address has an account; answers the same either way.
#[server(endpoint = "auth/request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<AuthOutcome, ServerFnError> {
    use crate::api::request::{request_context, state};
    use services::auth::recovery::{self, Links};
    let state = state()?;
    let links = Links {
        mailer: &state.mailer,
        signer: &state.signer,
        base_url: &state.base_url,
    };
    match recovery::request_reset(&state.db, &links, &email, &request_context()).await {
        Ok(()) => Ok(AuthOutcome::Refused(Vec::new())),
        Err(error) => server::refused(error),
    }
}

/// Sets a new password from a reset link and signs the shopper in.
#[server(endpoint = "auth/reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<AuthOutcome, ServerFnError> {
    use crate::api::request::{request_context, state};
    use services::auth::recovery;
    let state = state()?;
    match recovery::reset_password(
        &state.db,
        &state.signer,
        &token,
        &password,
        &request_context(),
    )
    .await
    {
        Ok((user, session)) => Ok(server::signed_in(&user, &session, Some("/account"))),
        Err(error) => server::refused(error),
    }
}

#[server(endpoint = "auth/sign_out")]
pub async fn sign_out() -> Result<(), ServerFnError> {
    use crate::api::request::{internal, request_context, session_token, set_cookie, state};
    use services::auth::{accounts, sessions};
    if let Some(token) = session_token() {
        let state = state()?;
        accounts::sign_out(&state.db, &token, &request_context())
            .await
            .map_err(internal)?;
    }
    set_cookie(&sessions::clearing_cookie(server::secure_cookies()));
    leptos_axum::redirect("/");
    Ok(())
}

#[server(endpoint = "auth/me")]
pub async fn current_user() -> Result<Option<UserSummary>, ServerFnError> {
    use entities::sea_orm_active_enums::UserRole;
    Ok(crate::api::request::current_user().await?.and_then(|user| {
        (user.role != UserRole::Guest).then(|| UserSummary {
            name: user.name.clone().unwrap_or_else(|| user.email.clone()),
            email: user.email,
            is_admin: matches!(user.role, UserRole::Admin | UserRole::SuperAdmin),
        })
    }))
}

/// The social sign-in providers that are configured.
#[server(endpoint = "auth/providers")]
pub async fn sign_in_providers() -> Result<Vec<(String, String)>, ServerFnError> {
    let state = crate::api::request::state()?;
    Ok(state
        .oauth
        .enabled()
        .map(|provider| (provider.name.clone(), provider.label.clone()))
        .collect())
}

/// What an `oauth_error` code on the sign-in page means to the shopper.
pub fn oauth_error_message(code: &str) -> &'static str {
    match code {
        "cancelled" => "Sign-in with that provider was cancelled.",
        "state" => "That sign-in link expired or did not come from this browser. Please try again.",
        "link_required" => {
            "An account with that email already exists. Sign in with your password, then connect the provider from your settings."
        }
        "unverified_email" => {
            "That account has no verified email address. Create an account with your email instead."
        }
        "unavailable" => "That sign-in provider is not available.",
        _ => "We could not sign you in with that provider. Please try again.",
    }
}

/// Admin only: changes a user's role, audited.
#[server(endpoint = "admin/set_user_role")]
pub async fn set_user_role(email: String, role: String) -> Result<(), ServerFnError> {
    use crate::api::request::{internal, request_context, require_admin, state};
    use services::auth::roles;
    let admin = require_admin().await?;
    let state = state()?;
    roles::set_role(&state.db, &admin, &email, &role, &request_context())
        .await
        .map_err(|error| match error {
            roles::RoleError::Internal(error) => internal(error),
            refusal => ServerFnError::new(refusal.to_string()),
        })
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(safe_next(Some("/account/orders")), "/account/orders");
        assert_eq!(safe_next(Some("https://evil.example")), "/account");
        assert_eq!(safe_next(Some("//evil.example")), "/account");
        assert_eq!(safe_next(Some("/\\evil.example")), "/account");
        assert_eq!(safe_next(None), "/account");
    }
}
