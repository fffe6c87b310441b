//! Email verification and password reset, by signed links sent through the mailer.

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, IntoActiveModel, QueryFilter, TransactionTrait,
};

use super::audit::{self, AuditEntry};
use super::rate_limit::{self, Attempt, Key, Limit};
use super::sessions::{self, SessionToken};
use super::tokens::{Purpose, TokenError, TokenSigner};
use super::{AuthError, RequestContext};
use crate::mail::{Mailer, OutgoingMail};
use crate::password;
use domain::email::Email;
use domain::password::NewPassword;
use entities::{sessions as session_rows, users};

pub const RESET_REQUESTED: &str = "auth.reset_requested";
pub const PASSWORD_RESET: &str = "auth.password_reset";
pub const EMAIL_VERIFIED: &str = "auth.email_verified";

/// Reset requests per address and per IP.
const RESET_PER_ACCOUNT: Limit = Limit {
    max: 3,
    window: chrono::Duration::minutes(15),
};
const RESET_PER_IP: Limit = Limit {
    max: 10,
    window: chrono::Duration::minutes(15),
};

/// Everything needed to send a link.
pub struct Links<'a> {
    pub mailer: &'a Mailer,
    pub signer: &'a TokenSigner,
    /// Public base URL, no trailing slash.
    pub base_url: &'a str,
}

fn greeting(user: &users::Model) -> String {
    user.name.clone().unwrap_or_else(|| "there".to_string())
}

/// Sending the verification link again: per account and per network.
const RESEND_PER_ACCOUNT: Limit = Limit {
    max: 3,
    window: chrono::Duration::hours(1),
};
const RESEND_PER_IP: Limit = Limit {
    max: 10,
    window: chrono::Duration::hours(1),
};

/// Counts a request to send the verification link again; refuses past the limits.
pub async fn allow_resend(
    db: &DatabaseConnection,
    user: &users::Model,
    context: &RequestContext,
) -> Result<(), AuthError> {
    rate_limit::attempt(
        db,
        Attempt {
            action: super::audit::VERIFICATION_RESENT,
            entity_type: "user",
            subject: user.id,
            actor: Some(user.id),
            context,
        },
        &[
            (Key::SubjectFromNetwork, RESEND_PER_ACCOUNT),
            (Key::Network, RESEND_PER_IP),
        ],
    )
    .await?;
    Ok(())
}

/// Sends the "confirm your email" link.
pub async fn send_verification(links: &Links<'_>, user: &users::Model) -> Result<(), AuthError> {
    let token = links
        .signer
        .issue(Purpose::VerifyEmail, user.id, &user.email, Utc::now());
    let link = format!("{}/verify-email?token={token}", links.base_url);
    links
        .mailer
        .send(OutgoingMail {
            to: user.email.clone(),
            subject: "Confirm your email for LuxeVerse".to_string(),
            text: format!(
                "Hello {},\n\nPlease confirm your email address by opening this link (valid for 3 days):\n\n{link}\n\nIf you did not create a LuxeVerse account, you can ignore this message.\n",
                greeting(user)
            ),
            html: None,
            unsubscribe: None,
        })
        .await?;
    Ok(())
}

/// Marks the email of the link's user as verified.
pub async fn verify_email(
    db: &DatabaseConnection,
    signer: &TokenSigner,
    token: &str,
    context: &RequestContext,
) -> Result<users::Model, AuthError> {
    let claims = signer.open(token, Purpose::VerifyEmail, Utc::now())?;
    let user = users::Entity::find_by_id(claims.user)
        .one(db)
        .await?
        .ok_or(TokenError::Invalid)?;
    claims.binds(&user.email)?;
    if user.email_verified.is_some() {
        return Ok(user);
    }
    let txn = db.begin().await?;
    let mut active = user.into_active_model();
    active.email_verified = Set(Some(Utc::now().into()));
    let user = active.update(&txn).await?;
    audit::record(
        &txn,
        AuditEntry {
            action: EMAIL_VERIFIED,
            actor: Some(user.id),
            entity_type: "user",
            entity_id: user.id,
            old_values: None,
            new_values: None,
            context,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

/// Sends a reset link if the address has a password account. Always answers the same
/// way, so the form cannot be used to find out who has an account.
pub async fn request_reset(
    db: &DatabaseConnection,
    links: &Links<'_>,
    email: &str,
    context: &RequestContext,
) -> Result<(), AuthError> {
    let email = Email::parse(email)?;
    let account = audit::email_entity_id(&email);
    rate_limit::attempt(
        db,
        Attempt {
            action: RESET_REQUESTED,
            entity_type: "account",
            subject: account,
            actor: None,
            context,
        },
        &[
            (Key::SubjectFromNetwork, RESET_PER_ACCOUNT),
            (Key::Network, RESET_PER_IP),
        ],
    )
    .await?;
    let user = users::Entity::find()
        .filter(users::Column::Email.eq(email.as_str()))
        .filter(users::Column::DeletedAt.is_null())
        .one(db)
        .await?;
    let Some(user) = user else { return Ok(()) };
    let Some(hash) = user.password_hash.as_deref() else {
        return Ok(());
    };
    let token = links
        .signer
        .issue(Purpose::ResetPassword, user.id, hash, Utc::now());
    let link = format!("{}/reset-password?token={token}", links.base_url);
    links
        .mailer
        .send(OutgoingMail {
            to: user.email.clone(),
            subject: "Reset your LuxeVerse password".to_string(),
            text: format!(
                "Hello {},\n\nYou asked to reset your password. Open this link within the hour to choose a new one:\n\n{link}\n\nIf you did not ask for this, ignore this message; your password stays as it is.\n",
                greeting(&user)
            ),
            html: None,
            unsubscribe: None,
        })
        .await?;
    Ok(())
}

/// Sets a new password from a reset link: every existing session ends, a new one opens.
pub async fn reset_password(
    db: &DatabaseConnection,
    signer: &TokenSigner,
    token: &str,
    new_password: &str,
    context: &RequestContext,
) -> Result<(users::Model, SessionToken), AuthError> {
    let claims = signer.open(token, Purpose::ResetPassword, Utc::now())?;
    let user = users::Entity::find_by_id(claims.user)
        .one(db)
        .await?
        .ok_or(TokenError::Invalid)?;
    claims.binds(user.password_hash.as_deref().ok_or(TokenError::Invalid)?)?;
    let email = Email::parse(&user.email)?;
    let password = NewPassword::parse(new_password, Some(email.local_part()))?;
    let hash = password::hash(password.expose()).await?;

    let txn = db.begin().await?;
    session_rows::Entity::delete_many()
        .filter(session_rows::Column::UserId.eq(user.id))
        .exec(&txn)
        .await?;
    let mut active = user.into_active_model();
    active.password_hash = Set(Some(hash));
    // Following the emailed link proves the address.
    if matches!(active.email_verified, sea_orm::ActiveValue::Unchanged(None)) {
        active.email_verified = Set(Some(Utc::now().into()));
    }
    let user = active.update(&txn).await?;
    audit::record(
        &txn,
        AuditEntry {
            action: PASSWORD_RESET,
            actor: Some(user.id),
            entity_type: "user",
            entity_id: user.id,
            old_values: None,
            new_values: None,
            context,
        },
    )
    .await?;
    let session = sessions::create(&txn, user.id, context).await?;
    txn.commit().await?;
    Ok((user, session))
}
