//! Accounts and sessions: registration, sign-in and sign-out, session cookies, rate
//! limits and the audit trail. Plain Rust over SeaORM; server functions and routes call
//! it, tests call it directly.

pub mod accounts;
pub mod audit;
pub mod guests;
pub mod rate_limit;
pub mod recovery;
pub mod roles;
pub mod sessions;
pub mod social;
pub mod tokens;

use std::net::IpAddr;

use domain::Refusal;
use domain::email::EmailError;
use domain::password::PasswordError;

/// Who is asking, as far as the transport can tell.
#[derive(Clone, Debug, Default)]
pub struct RequestContext {
    pub ip: Option<IpAddr>,
    pub user_agent: Option<String>,
}

impl RequestContext {
    /// The network limits are counted per: the address itself for IPv4, its /64 for
    /// IPv6 (one subscriber gets a whole /64, so single addresses are free to rotate).
    pub fn ip_network(&self) -> Option<sea_orm::prelude::IpNetwork> {
        use sea_orm::prelude::IpNetwork;
        match self.ip? {
            IpAddr::V4(ip) => Some(IpNetwork::from(IpAddr::V4(ip))),
            IpAddr::V6(ip) => {
                let bits = u128::from(ip) & !((1u128 << 64) - 1);
                IpNetwork::new(IpAddr::V6(bits.into()), 64).ok()
            }
        }
    }
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
    #[error("{}", name_message(.0))]
    InvalidName(Refusal),
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

/// Log text for a refused name.
fn name_message(reason: &Refusal) -> &'static str {
    match reason {
        Refusal::NameMissing => "Tell us your name.",
        Refusal::TooLong { .. } => "Use at most 100 characters.",
        _ => "Use letters, spaces and punctuation only.",
    }
}

impl AuthError {
    /// The typed reason the shopper is shown; `Internal` for our own failures.
    pub fn refusal(&self) -> Refusal {
        match self {
            AuthError::InvalidEmail(error) => Refusal::Email(*error),
            AuthError::InvalidPassword(error) => Refusal::Password(*error),
            AuthError::InvalidName(reason) => reason.clone(),
            AuthError::EmailTaken => Refusal::EmailTaken,
            AuthError::WrongCredentials => Refusal::WrongCredentials,
            AuthError::RateLimited { retry_after_secs } => Refusal::RateLimited {
                seconds: *retry_after_secs,
            },
            AuthError::Link(error) => error.refusal(),
            AuthError::UnverifiedProviderEmail => Refusal::UnverifiedProviderEmail,
            AuthError::Mail(_) => Refusal::MailUnavailable,
            AuthError::Internal(_) | AuthError::Hashing(_) => Refusal::Internal,
        }
    }
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
