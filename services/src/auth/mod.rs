//! Accounts and sessions: registration, sign-in and sign-out, session cookies, rate
//! limits and the audit trail. Plain Rust over SeaORM; server functions and routes call
//! it, tests call it directly.

pub mod accounts;
pub mod audit;
pub mod rate_limit;
pub mod recovery;
pub mod roles;
pub mod sessions;
pub mod social;
pub mod tokens;

use std::net::IpAddr;

use domain::email::EmailError;
use domain::password::PasswordError;

/// Who is asking, as far as the transport can tell.
#[derive(Clone, Debug, Default)]
pub struct RequestContext {
    pub ip: Option<IpAddr>,
    pub user_agent: Option<String>,
}

/// A form field an error belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Field {
    Email,
    Password,
    Name,
}

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("{0}")]
    InvalidEmail(#[from] EmailError),
    #[error("{0}")]
    InvalidPassword(#[from] PasswordError),
    #[error("{0}")]
    InvalidName(&'static str),
    #[error("An account with this email already exists. Sign in instead, or reset your password.")]
    EmailTaken,
    #[error("That email and password do not match an account.")]
    WrongCredentials,
    #[error("Too many attempts. Try again in {retry_after_secs} seconds.")]
    RateLimited { retry_after_secs: u64 },
    #[error("{0}")]
    Link(#[from] tokens::TokenError),
    #[error(
        "That account has no verified email address. Create an account with your email instead."
    )]
    UnverifiedProviderEmail,
    #[error("We could not send the email. Please try again in a moment.")]
    Mail(#[from] crate::mail::MailError),
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] sea_orm::DbErr),
    #[error("Something went wrong on our side. Please try again.")]
    Hashing(#[from] crate::password::HashError),
}

impl AuthError {
    /// The form field the message belongs next to, if any.
    pub fn field(&self) -> Option<Field> {
        match self {
            AuthError::InvalidEmail(_) | AuthError::EmailTaken => Some(Field::Email),
            AuthError::InvalidPassword(_) | AuthError::WrongCredentials => Some(Field::Password),
            AuthError::InvalidName(_) => Some(Field::Name),
            _ => None,
        }
    }
}
