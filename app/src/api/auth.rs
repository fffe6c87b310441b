//! Sign-in, registration, sign-out and the current user, as server functions.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::ApiError;
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
            AuthOutcome::Refused(errors) => domain::refusal::message_for(errors, Some(field)),
            AuthOutcome::SignedIn { .. } => None,
        }
    }

    pub fn form_error(&self) -> Option<String> {
        match self {
            AuthOutcome::Refused(errors) => domain::refusal::message_for(errors, None),
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

/// Where to go after signing in: only paths on this site (`domain::LocalPath`), never
/// another origin; the account otherwise.
pub fn safe_next(next: Option<&str>) -> String {
    domain::LocalPath::or(next, "/account").to_string()
}

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use crate::api::context::Ctx;
    use services::auth::{AuthError, Field};

    /// Field-level refusals become an outcome the form shows; anything else is internal.
    pub fn refused(error: AuthError) -> Result<AuthOutcome, ApiError> {
        match &error {
            AuthError::Internal(_) | AuthError::Hashing(_) => Err(error.into()),
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
    pub fn send_verification_in_background(ctx: &Ctx, user: &entities::users::Model) {
        let (services, user) = (ctx.services.clone(), user.clone());
        leptos::task::spawn(async move {
            if let Err(error) =
                services::auth::recovery::send_verification(&services.links(), &user).await
            {
                tracing::warn!(%error, user = %user.id, "verification email not sent");
            }
        });
    }

    /// Starts the new session in the browser, in the account's language, and moves on.
    pub fn signed_in(
        ctx: &Ctx,
        user: &entities::users::Model,
        token: &services::auth::sessions::SessionToken,
        next: Option<&str>,
    ) -> AuthOutcome {
        ctx.start_session(token);
        ctx.remember_locale(&user.preferred_language);
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
) -> Result<AuthOutcome, ApiError> {
    use crate::api::context::Ctx;
    use services::auth::accounts;
    let ctx = Ctx::load().await?;
    match accounts::sign_in(&ctx.services.db, &email, &password, &ctx.request).await {
        Ok((user, token)) => {
            crate::api::cart::adopt_guest_bag(&ctx, &user).await;
            Ok(server::signed_in(&ctx, &user, &token, next.as_deref()))
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
) -> Result<AuthOutcome, ApiError> {
    use crate::api::context::Ctx;
    use services::auth::accounts::{self, Registration};
    let ctx = Ctx::load().await?;
    let form = Registration {
        email,
        password,
        name,
    };
    match accounts::register(&ctx.services.db, form, &ctx.request).await {
        Ok((user, token)) => {
            server::send_verification_in_background(&ctx, &user);
            crate::api::cart::adopt_guest_bag(&ctx, &user).await;
            Ok(server::signed_in(&ctx, &user, &token, next.as_deref()))
        }
        Err(error) => server::refused(error),
    }
}

/// Confirms an email address from the emailed link: the address, or why the link fails.
#[server(endpoint = "auth/verify_email")]
pub async fn verify_email(token: String) -> Result<Result<String, domain::Refusal>, ApiError> {
    use crate::api::context::Ctx;
    use services::auth::{AuthError, recovery};
    let ctx = Ctx::load().await?;
    let services = &ctx.services;
    match recovery::verify_email(&services.db, &services.signer, &token, &ctx.request).await {
        Ok(user) => Ok(Ok(user.email)),
        Err(error @ AuthError::Link(_)) => Ok(Err(error.refusal())),
        Err(error) => Err(error.into()),
    }
}

/// Sends the verification link again to the signed-in user.
#[server(endpoint = "auth/resend_verification")]
pub async fn resend_verification() -> Result<(), ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    services::auth::recovery::allow_resend(&ctx.services.db, user, &ctx.request).await?;
    server::send_verification_in_background(&ctx, user);
    Ok(())
}

/// Emails a reset link when the address has an account; answers the same either way.
#[server(endpoint = "auth/request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<AuthOutcome, ApiError> {
    use services::auth::recovery;
    let ctx = crate::api::context::Ctx::load().await?;
    let services = &ctx.services;
    match recovery::request_reset(&services.db, &services.links(), &email, &ctx.request).await {
        Ok(()) => Ok(AuthOutcome::Refused(Vec::new())),
        Err(error) => server::refused(error),
    }
}

/// Sets a new password from a reset link and signs the shopper in.
#[server(endpoint = "auth/reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<AuthOutcome, ApiError> {
    use services::auth::recovery;
    let ctx = crate::api::context::Ctx::load().await?;
    let services = &ctx.services;
    match recovery::reset_password(
        &services.db,
        &services.signer,
        &token,
        &password,
        &ctx.request,
    )
    .await
    {
        Ok((user, session)) => Ok(server::signed_in(&ctx, &user, &session, Some("/account"))),
        Err(error) => server::refused(error),
    }
}

#[server(endpoint = "auth/sign_out")]
pub async fn sign_out() -> Result<(), ApiError> {
    use services::auth::accounts;
    let ctx = crate::api::context::Ctx::load().await?;
    if let Some(token) = ctx.session_token() {
        accounts::sign_out(&ctx.services.db, token, &ctx.request).await?;
    }
    ctx.end_session();
    leptos_axum::redirect("/");
    Ok(())
}

#[server(endpoint = "auth/me")]
pub async fn current_user() -> Result<Option<UserSummary>, ApiError> {
    use entities::sea_orm_active_enums::UserRole;
    let ctx = crate::api::context::Ctx::load().await?;
    Ok(ctx.account().map(|user| UserSummary {
        name: user.name.clone().unwrap_or_else(|| user.email.clone()),
        email: user.email.clone(),
        is_admin: matches!(user.role, UserRole::Admin | UserRole::SuperAdmin),
    }))
}

/// The social sign-in providers that are configured.
#[server(endpoint = "auth/providers")]
pub async fn sign_in_providers() -> Result<Vec<(String, String)>, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    Ok(ctx
        .services
        .oauth
        .enabled()
        .map(|provider| (provider.name.clone(), provider.label.clone()))
        .collect())
}

/// What an `oauth_error` code on the sign-in page means to the shopper.
pub fn oauth_refusal(code: &str) -> domain::Refusal {
    use domain::Refusal;
    match code {
        "cancelled" => Refusal::OAuthCancelled,
        "state" => Refusal::OAuthStateInvalid,
        "link_required" => Refusal::OAuthLinkRequired,
        "unverified_email" => Refusal::UnverifiedProviderEmail,
        "unavailable" => Refusal::OAuthUnavailable,
        _ => Refusal::OAuthFailed,
    }
}

/// Admin only: changes a user's role, audited.
#[server(endpoint = "admin/set_user_role")]
pub async fn set_user_role(email: String, role: String) -> Result<(), ApiError> {
    use services::auth::roles;
    let ctx = crate::api::context::Ctx::admin().await?;
    roles::set_role(&ctx.services.db, ctx.user()?, &email, &role, &ctx.request).await?;
    Ok(())
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
        assert_eq!(safe_next(Some("/\t/evil.example")), "/account");
        assert_eq!(safe_next(Some("/\n")), "/account");
        assert_eq!(safe_next(None), "/account");
    }
}
