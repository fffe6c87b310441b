//! The protocol half of social sign-in: OAuth2 authorization code flow with PKCE (S256) and
//! a CSRF `state`, through the `oauth2` crate. Account linking and sessions live elsewhere;
//! this module turns configuration into providers, starts a sign-in ([`OAuthProviders::begin`])
//! and finishes it into a provider-neutral [`OAuthIdentity`] ([`OAuthProviders::complete`]).
//!
//! Providers come from the environment. For `google`, `github` and every name in
//! `OAUTH_PROVIDERS` (comma separated), with `<NAME>` the upper-cased name:
//!
//! | variable | meaning |
//! |---|---|
//! | `OAUTH_<NAME>_CLIENT_ID`, `OAUTH_<NAME>_CLIENT_SECRET` | both set: provider enabled |
//! | `OAUTH_<NAME>_AUTH_URL`, `_TOKEN_URL`, `_USERINFO_URL` | endpoints (required unless preset) |
//! | `OAUTH_<NAME>_SCOPES` | space separated; default preset's, else `openid email profile` |
//! | `OAUTH_<NAME>_LABEL` | button text; default preset's, else the capitalised name |
//! | `OAUTH_<NAME>_CLIENT_AUTH` | `basic` (HTTP Basic, the default) or `post` (form fields) |
//!
//! The redirect URI registered at the provider must be `{APP_BASE_URL}/auth/oauth/{name}/callback`.
//!
//! The parts:
//! - `providers`: the configuration, presets and the HTTP client ([`OAuthProviders`]);
//! - `pending`: a sign-in in flight between start and callback ([`PendingLogin`]);
//! - `flow`: starting a sign-in and exchanging the code for a token;
//! - `userinfo`: the provider's user JSON mapped to an [`OAuthIdentity`].

mod flow;
mod pending;
mod providers;
mod userinfo;

use chrono::TimeDelta;
use serde::{Deserialize, Serialize};

pub use oauth2::url::Url;
pub use pending::PendingLogin;
pub use providers::OAuthProviders;

/// How long a started sign-in may take before [`OAuthProviders::complete`] refuses it.
pub const PENDING_LOGIN_TTL: TimeDelta = TimeDelta::minutes(10);

/// Configuration problems, reported once at start-up; each names the variable to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OAuthConfigError {
    #[error("OAuth provider `{provider}` needs `{variable}` to be set")]
    MissingVariable { provider: String, variable: String },
    #[error("`{variable}` is not a valid http(s) URL: {reason}")]
    InvalidUrl { variable: String, reason: String },
    #[error("`{variable}` must be one of {expected}, not `{value}`")]
    InvalidValue {
        variable: String,
        value: String,
        expected: &'static str,
    },
    #[error("`OAUTH_PROVIDERS` lists `{0}`; provider names may only use a-z, 0-9 and `_`")]
    InvalidProviderName(String),
    #[error("the application base URL `{0}` is not a valid http(s) URL")]
    InvalidBaseUrl(String),
    #[error("could not build the OAuth HTTP client: {0}")]
    HttpClient(String),
}

/// Why a sign-in could not start or finish. The messages are safe to show to the shopper;
/// details from the provider only go to the logs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OAuthError {
    /// The name is not an enabled provider (it comes from the URL: not echoed back).
    #[error("This sign-in method is not available.")]
    UnknownProvider(String),
    /// The `state` returned to the callback is not the one this browser was given.
    #[error("We could not verify this sign-in request. Please start again.")]
    StateMismatch,
    /// The sign-in was started more than [`PENDING_LOGIN_TTL`] ago.
    #[error("This sign-in request has expired. Please start again.")]
    Expired,
    /// The provider refused the authorization code, the PKCE verifier or the access token.
    #[error("The sign-in provider did not accept this sign-in. Please try again.")]
    Rejected,
    /// The provider could not be reached or did not answer in time.
    #[error("The sign-in provider could not be reached. Please try again later.")]
    Unavailable,
    /// The provider answered something we cannot use (not JSON, no user id, ...).
    #[error("The sign-in provider sent an unexpected answer. Please try again later.")]
    InvalidResponse,
}

/// What the shopper sees for one enabled provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderInfo {
    /// Lower-case identifier used in routes and configuration (`google`, `acme`).
    pub name: String,
    /// Button text (`Google`, `GitHub`).
    pub label: String,
}

/// Who the provider says signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OAuthIdentity {
    pub provider: String,
    /// The provider's stable user id (`sub` for OpenID Connect, `id` for GitHub); link
    /// accounts on (provider, subject), never on the email alone.
    pub subject: String,
    pub email: Option<String>,
    /// Only `true` when the provider vouches for the address.
    pub email_verified: bool,
    pub name: Option<String>,
    pub avatar_url: Option<String>,
}

#[cfg(test)]
mod test_support {
    //! Configurations the submodules' tests share.

    use std::collections::HashMap;

    use super::*;

    pub(super) const BASE: &str = "https://shop.example";

    pub(super) fn providers(vars: &[(&str, &str)]) -> Result<OAuthProviders, OAuthConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect();
        OAuthProviders::from_lookup(|key| vars.get(key).cloned(), BASE)
    }

    pub(super) fn acme() -> Vec<(&'static str, &'static str)> {
        vec![
            ("OAUTH_PROVIDERS", "acme"),
            ("OAUTH_ACME_CLIENT_ID", "acme-id"),
            ("OAUTH_ACME_CLIENT_SECRET", "acme-secret"),
            ("OAUTH_ACME_AUTH_URL", "https://id.acme.test/authorize"),
            ("OAUTH_ACME_TOKEN_URL", "https://id.acme.test/token"),
            ("OAUTH_ACME_USERINFO_URL", "https://id.acme.test/userinfo"),
        ]
    }

    pub(super) fn without(
        vars: &[(&'static str, &'static str)],
        key: &str,
    ) -> Vec<(&'static str, &'static str)> {
        vars.iter().copied().filter(|(k, _)| *k != key).collect()
    }

    pub(super) fn query(url: &Url) -> HashMap<String, String> {
        url.query_pairs().into_owned().collect()
    }

    pub(super) fn names(providers: &OAuthProviders) -> Vec<&str> {
        providers.enabled().map(|info| info.name.as_str()).collect()
    }
}
