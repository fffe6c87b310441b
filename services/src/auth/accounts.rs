//! Registering, signing in and signing out.

use chrono::Utc;
use domain::Refusal;
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, DatabaseTransaction, IntoActiveModel, QueryFilter,
    TransactionTrait,
};
use serde_json::json;

use super::audit::{self, AuditEntry};
use super::rate_limit::{self, Attempt, Key, PER_ACCOUNT, PER_IP};
use super::sessions::{self, SessionToken};
use super::{AuthError, RequestContext};
use crate::password::{self, hash_password};
use domain::email::Email;
use domain::password::NewPassword;
use entities::sea_orm_active_enums::UserRole;
use entities::{style_profiles, users, wishlists};

pub const NAME_MAX_LEN: usize = 100;

/// What the registration form sends.
#[derive(Clone, Debug)]
pub struct Registration {
    pub email: String,
    pub password: String,
    pub name: String,
}

/// A display name: trimmed, 1 to 100 characters, no control characters.
pub fn parse_name(input: &str) -> Result<String, AuthError> {
    let name = input.trim();
    if name.is_empty() {
        return Err(AuthError::InvalidName(Refusal::NameMissing));
    }
    if name.chars().count() > NAME_MAX_LEN {
        return Err(AuthError::InvalidName(Refusal::TooLong {
            max: NAME_MAX_LEN as u32,
        }));
    }
    if name.chars().any(char::is_control) {
        return Err(AuthError::InvalidName(Refusal::NameCharacters));
    }
    Ok(name.to_string())
}

/// Creates the account, its default wishlist and an empty style profile, and signs the
/// new customer in: one transaction.
pub async fn register(
    db: &DatabaseConnection,
    form: Registration,
    context: &RequestContext,
) -> Result<(users::Model, SessionToken), AuthError> {
    let email = Email::parse(&form.email)?;
    let name = parse_name(&form.name)?;
    let password = NewPassword::parse(&form.password, Some(email.local_part()))?;
    rate_limit::attempt(
        db,
        Attempt {
            action: audit::REGISTRATION_ATTEMPTED,
            entity_type: "account",
            subject: audit::email_entity_id(&email),
            actor: None,
            context,
        },
        &[(Key::Network, PER_IP)],
    )
    .await?;
    if users::Entity::find()
        .filter(users::Column::Email.eq(email.as_str()))
        .one(db)
        .await?
        .is_some()
    {
        return Err(AuthError::EmailTaken);
    }
    let password_hash = password::hash(password.expose()).await?;

    let txn = db.begin().await?;
    let user = insert_customer(
        &txn,
        NewCustomer {
            email: &email,
            name: Some(name),
            password_hash: Some(password_hash),
            email_verified: false,
            avatar_url: None,
        },
        json!({ "email": email.as_str(), "role": "CUSTOMER" }),
        context,
    )
    .await
    .map_err(|error| match error.sql_err() {
        // Lost a race with another registration of the same address.
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => AuthError::EmailTaken,
        _ => AuthError::Internal(error),
    })?;
    let token = sessions::create(&txn, user.id, context).await?;
    txn.commit().await?;
    Ok((user, token))
}

/// A customer account about to be created.
pub struct NewCustomer<'a> {
    pub email: &'a Email,
    pub name: Option<String>,
    pub password_hash: Option<String>,
    pub email_verified: bool,
    pub avatar_url: Option<String>,
}

/// Inserts a signed-in customer with what every account starts with: the default
/// wishlist and an empty style profile, and the audit record. Call inside a transaction.
pub async fn insert_customer(
    txn: &DatabaseTransaction,
    customer: NewCustomer<'_>,
    audit_values: serde_json::Value,
    context: &RequestContext,
) -> Result<users::Model, DbErr> {
    let now = Utc::now();
    let user = users::ActiveModel {
        id: Set(Uuid::new_v4()),
        email: Set(customer.email.as_str().to_owned()),
        email_verified: Set(customer.email_verified.then(|| now.into())),
        password_hash: Set(customer.password_hash),
        name: Set(customer.name),
        avatar_url: Set(customer.avatar_url),
        role: Set(UserRole::Customer),
        last_login_at: Set(Some(now.into())),
        login_count: Set(1),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    wishlists::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user.id),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    style_profiles::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user.id),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    audit::record(
        txn,
        AuditEntry {
            action: audit::REGISTERED,
            actor: Some(user.id),
            entity_type: "user",
            entity_id: user.id,
            old_values: None,
            new_values: Some(audit_values),
            context,
        },
    )
    .await?;
    Ok(user)
}

/// A precomputed hash to verify against when the email is unknown, so a missing account
/// takes as long to refuse as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password for timing").unwrap_or_default())
}

/// Checks the credentials and opens a session. Failures are audited and rate limited
/// per account and per IP.
pub async fn sign_in(
    db: &DatabaseConnection,
    email: &str,
    password: &str,
    context: &RequestContext,
) -> Result<(users::Model, SessionToken), AuthError> {
    let email = Email::parse(email)?;
    let account = audit::email_entity_id(&email);
    // Counted (and recorded as a failure) before the password is checked.
    let attempt = rate_limit::attempt(
        db,
        Attempt {
            action: audit::SIGN_IN_FAILED,
            entity_type: "account",
            subject: account,
            actor: None,
            context,
        },
        &[
            (Key::SubjectFromNetwork, PER_ACCOUNT),
            (Key::Network, PER_IP),
        ],
    )
    .await?;

    let user = users::Entity::find()
        .filter(users::Column::Email.eq(email.as_str()))
        .filter(users::Column::DeletedAt.is_null())
        .one(db)
        .await?;
    let stored = user.as_ref().and_then(|user| user.password_hash.as_deref());
    let matches = password::verify(password, stored.unwrap_or_else(|| decoy_hash())).await;
    let user = match user {
        Some(user) if matches && stored.is_some() && user.role != UserRole::Guest => user,
        _ => return Err(AuthError::WrongCredentials),
    };

    let txn = db.begin().await?;
    let login_count = user.login_count + 1;
    let mut active = user.into_active_model();
    active.last_login_at = Set(Some(Utc::now().into()));
    active.login_count = Set(login_count);
    let user = active.update(&txn).await?;
    let token = sessions::create(&txn, user.id, context).await?;
    rate_limit::forgive(&txn, attempt).await?;
    audit::record(
        &txn,
        AuditEntry {
            action: audit::SIGNED_IN,
            actor: Some(user.id),
            entity_type: "account",
            entity_id: account,
            old_values: None,
            new_values: None,
            context,
        },
    )
    .await?;
    txn.commit().await?;
    Ok((user, token))
}

/// Ends the session and records it.
pub async fn sign_out(
    db: &DatabaseConnection,
    token: &SessionToken,
    context: &RequestContext,
) -> Result<(), AuthError> {
    if let Some((session, user)) = sessions::resolve(db, token).await? {
        let txn = db.begin().await?;
        sessions::end(&txn, token).await?;
        audit::record(
            &txn,
            AuditEntry {
                action: audit::SIGNED_OUT,
                actor: Some(user.id),
                entity_type: "session",
                entity_id: session.id,
                old_values: None,
                new_values: None,
                context,
            },
        )
        .await?;
        txn.commit().await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(parse_name("  Ada Lovelace ").unwrap(), "Ada Lovelace");
        assert!(matches!(parse_name("   "), Err(AuthError::InvalidName(_))));
        assert!(matches!(
            parse_name(&"a".repeat(101)),
            Err(AuthError::InvalidName(_))
        ));
        assert!(matches!(
            parse_name("Ada\u{0}"),
            Err(AuthError::InvalidName(_))
        ));
        assert_eq!(
            parse_name("<b>Ada</b>").unwrap(),
            "<b>Ada</b>",
            "stored as text, escaped on output"
        );
    }
}
