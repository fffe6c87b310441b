//! Sessions: a random 256-bit token lives only in the shopper's browser (the cookie is
//! `app::api::cookies`' business, never this crate's); the
//! database keeps its SHA-256, so a leaked table cannot be replayed. Expiry slides: a
//! session used within its lifetime is extended, at most once an hour.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{Duration, Utc};
use rand::RngCore;
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, ConnectionTrait, IntoActiveModel, QueryFilter};
use sha2::{Digest, Sha256};

use super::RequestContext;
use entities::{sessions, users};

/// How long an unused session lives.
pub const SESSION_TTL: Duration = Duration::days(30);
/// A session is extended once this much of its lifetime has passed since the last extension.
const RENEW_AFTER: Duration = Duration::hours(1);

/// The secret a browser holds. Never stored, never logged.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl std::fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken(***)")
    }
}

impl SessionToken {
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        SessionToken(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// Accepts a cookie value only if it has the shape of a token we issued.
    pub fn from_cookie(value: &str) -> Option<Self> {
        let decoded = URL_SAFE_NO_PAD.decode(value).ok()?;
        (decoded.len() == 32).then(|| SessionToken(value.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What the database stores: hex SHA-256 of the token.
    pub fn hash(&self) -> String {
        let digest = Sha256::digest(self.0.as_bytes());
        digest.iter().map(|byte| format!("{byte:02x}")).collect()
    }
}

/// Opens a session for `user_id`.
pub async fn create(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    context: &RequestContext,
) -> Result<SessionToken, DbErr> {
    let token = SessionToken::generate();
    sessions::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user_id),
        session_token: Set(token.hash()),
        ip_address: Set(context.ip.map(sea_orm::prelude::IpNetwork::from)),
        user_agent: Set(context
            .user_agent
            .as_ref()
            .map(|agent| truncate(agent, 500))),
        expires_at: Set((Utc::now() + SESSION_TTL).into()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

fn truncate(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// The signed-in user behind a token, if the session exists and has not expired.
/// Extends the session when it has been in use for a while (sliding expiry).
pub async fn resolve(
    db: &impl ConnectionTrait,
    token: &SessionToken,
) -> Result<Option<(sessions::Model, users::Model)>, DbErr> {
    let Some((session, Some(user))) = sessions::Entity::find()
        .filter(sessions::Column::SessionToken.eq(token.hash()))
        .find_also_related(users::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let now = Utc::now();
    if session.expires_at <= now || user.deleted_at.is_some() {
        return Ok(None);
    }
    let session = if session.expires_at < now + SESSION_TTL - RENEW_AFTER {
        let mut active = session.into_active_model();
        active.expires_at = Set((now + SESSION_TTL).into());
        active.update(db).await?
    } else {
        session
    };
    Ok(Some((session, user)))
}

/// Opens a session for a visitor who has not signed in, so what they do (a cart) can
/// follow them into an account later. `sessions.user_id` is required by the model, so
/// the visitor gets a `GUEST` user with a placeholder address that cannot receive mail
/// and cannot sign in (no password). Called lazily, when a guest first needs state, not
/// on every page view.
pub async fn start_guest(
    db: &impl ConnectionTrait,
    context: &RequestContext,
) -> Result<(users::Model, SessionToken), DbErr> {
    let id = Uuid::new_v4();
    let guest = users::ActiveModel {
        id: Set(id),
        email: Set(format!("guest-{}@guests.luxeverse.invalid", id.simple())),
        role: Set(entities::sea_orm_active_enums::UserRole::Guest),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let token = create(db, guest.id, context).await?;
    Ok((guest, token))
}

/// Ends the session behind `token` (signing out). Unknown tokens are ignored.
pub async fn end(db: &impl ConnectionTrait, token: &SessionToken) -> Result<(), DbErr> {
    sessions::Entity::delete_many()
        .filter(sessions::Column::SessionToken.eq(token.hash()))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_256_bits_and_distinct() {
        let (a, b) = (SessionToken::generate(), SessionToken::generate());
        assert_ne!(a, b);
        assert_eq!(URL_SAFE_NO_PAD.decode(a.as_str()).unwrap().len(), 32);
    }

    #[test]
    fn only_the_hash_is_stored_and_it_is_stable() {
        let token = SessionToken::generate();
        assert_eq!(token.hash(), token.hash());
        assert_eq!(token.hash().len(), 64);
        assert!(!token.hash().contains(token.as_str()));
    }

    #[test]
    fn only_tokens_of_the_issued_shape_are_accepted() {
        let token = SessionToken::generate();
        assert_eq!(SessionToken::from_cookie(token.as_str()), Some(token));
        assert_eq!(SessionToken::from_cookie("short"), None);
        assert_eq!(SessionToken::from_cookie("' OR 1=1 --"), None);
        assert_eq!(SessionToken::from_cookie(""), None);
    }

    #[test]
    fn tokens_never_show_in_debug_output() {
        assert_eq!(
            format!("{:?}", SessionToken::generate()),
            "SessionToken(***)"
        );
    }
}
