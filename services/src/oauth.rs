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

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use oauth2::basic::{BasicClient, BasicErrorResponse};
use oauth2::{
    AccessToken, AuthType, AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RequestTokenError, Scope, TokenResponse,
    TokenUrl,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use subtle::ConstantTimeEq;

pub use oauth2::url::Url;

/// How long a started sign-in may take before [`OAuthProviders::complete`] refuses it.
pub const PENDING_LOGIN_TTL: TimeDelta = TimeDelta::minutes(10);

/// Whole-request limit for calls to a provider (token exchange, userinfo).
const HTTP_TIMEOUT: Duration = Duration::from_secs(10);
const HTTP_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// GitHub's API refuses requests without a User-Agent.
const USER_AGENT: &str = concat!("LuxeVerse/", env!("CARGO_PKG_VERSION"), " (OAuth2 client)");
/// How much of a provider's error body goes to the logs.
const LOGGED_BODY_LIMIT: usize = 512;

/// Providers with presets, in the order they are offered.
const BUILT_IN_PROVIDERS: [&str; 2] = ["google", "github"];
const DEFAULT_GENERIC_SCOPES: &str = "openid email profile";

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

/// A sign-in in flight, between [`OAuthProviders::begin`] and [`OAuthProviders::complete`].
/// The caller keeps it server-side or in a short-lived, signed and encrypted cookie: the
/// verifier is a secret, and `state` binds the callback to this browser.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingLogin {
    pub provider: String,
    pub state: String,
    pub pkce_verifier: String,
    /// Serialised as Unix seconds (compact in a cookie).
    #[serde(with = "unix_seconds")]
    pub created_at: DateTime<Utc>,
}

/// `DateTime<Utc>` as whole Unix seconds, without chrono's `serde` feature.
mod unix_seconds {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(at.timestamp())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DateTime<Utc>, D::Error> {
        let seconds = i64::deserialize(deserializer)?;
        DateTime::from_timestamp(seconds, 0)
            .ok_or_else(|| D::Error::custom("timestamp out of range"))
    }
}

impl PendingLogin {
    /// Whether `state` (from the callback's query) is this login's, compared in constant time.
    pub fn state_matches(&self, state: &str) -> bool {
        !self.state.is_empty() && bool::from(self.state.as_bytes().ct_eq(state.as_bytes()))
    }

    /// Older than [`PENDING_LOGIN_TTL`] at `now`, or dated in the future (more than a minute
    /// of clock skew): either way not to be trusted.
    pub fn is_expired_at(&self, now: DateTime<Utc>) -> bool {
        let age = now.signed_duration_since(self.created_at);
        age > PENDING_LOGIN_TTL || age < -TimeDelta::minutes(1)
    }
}

impl fmt::Debug for PendingLogin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingLogin")
            .field("provider", &self.provider)
            .field("state", &"[redacted]")
            .field("pkce_verifier", &"[redacted]")
            .field("created_at", &self.created_at)
            .finish()
    }
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

/// How a provider authenticates us at its token endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClientAuth {
    /// `client_secret_basic`: HTTP Basic.
    Basic,
    /// `client_secret_post`: `client_id` and `client_secret` form fields.
    Post,
}

/// The shape of the provider's user endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UserInfoStyle {
    /// OpenID Connect userinfo: `sub`, `email`, `email_verified`, `name`, `picture`.
    OpenIdConnect,
    /// GitHub's `/user` (`id`, `login`, `avatar_url`) plus `/user/emails` for the primary,
    /// verified address.
    GitHub,
}

struct Preset {
    label: &'static str,
    auth_url: &'static str,
    token_url: &'static str,
    userinfo_url: &'static str,
    scopes: &'static str,
    client_auth: ClientAuth,
    userinfo: UserInfoStyle,
}

fn preset(name: &str) -> Option<Preset> {
    match name {
        "google" => Some(Preset {
            label: "Google",
            auth_url: "https://accounts.google.com/o/oauth2/v2/auth",
            token_url: "https://oauth2.googleapis.com/token",
            userinfo_url: "https://openidconnect.googleapis.com/v1/userinfo",
            scopes: "openid email profile",
            client_auth: ClientAuth::Basic,
            userinfo: UserInfoStyle::OpenIdConnect,
        }),
        "github" => Some(Preset {
            label: "GitHub",
            auth_url: "https://github.com/login/oauth/authorize",
            token_url: "https://github.com/login/oauth/access_token",
            userinfo_url: "https://api.github.com/user",
            scopes: "read:user user:email",
            // GitHub documents the secret as a form field.
            client_auth: ClientAuth::Post,
            userinfo: UserInfoStyle::GitHub,
        }),
        _ => None,
    }
}

#[derive(Debug, Clone)]
struct Provider {
    info: ProviderInfo,
    client_id: ClientId,
    client_secret: ClientSecret,
    auth_url: AuthUrl,
    token_url: TokenUrl,
    userinfo_url: Url,
    redirect_url: RedirectUrl,
    scopes: Vec<String>,
    client_auth: ClientAuth,
    userinfo: UserInfoStyle,
}

type ConfiguredClient = BasicClient<
    oauth2::EndpointSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointSet,
>;

impl Provider {
    fn client(&self) -> ConfiguredClient {
        BasicClient::new(self.client_id.clone())
            .set_client_secret(self.client_secret.clone())
            .set_auth_uri(self.auth_url.clone())
            .set_token_uri(self.token_url.clone())
            .set_redirect_uri(self.redirect_url.clone())
            .set_auth_type(match self.client_auth {
                ClientAuth::Basic => AuthType::BasicAuth,
                ClientAuth::Post => AuthType::RequestBody,
            })
    }

    /// GitHub's addresses live next to the user: `.../user` → `.../user/emails` (also on
    /// GitHub Enterprise), so the token never goes to a host that was not configured.
    fn github_emails_url(&self) -> Url {
        let mut url = self.userinfo_url.clone();
        let path = format!("{}/emails", url.path().trim_end_matches('/'));
        url.set_path(&path);
        url
    }
}

/// The enabled providers and the HTTP client used to talk to them. Cheap to clone.
#[derive(Debug, Clone)]
pub struct OAuthProviders {
    providers: Vec<Provider>,
    http: reqwest::Client,
}

impl OAuthProviders {
    /// Reads the providers' settings through `lookup` (e.g. `|key| std::env::var(key).ok()`);
    /// `base_url` is the public URL of the app, used for the redirect URIs.
    pub fn from_lookup(
        lookup: impl Fn(&str) -> Option<String>,
        base_url: &str,
    ) -> Result<Self, OAuthConfigError> {
        let base_url = base_url.trim().trim_end_matches('/');
        match Url::parse(base_url) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => {}
            _ => return Err(OAuthConfigError::InvalidBaseUrl(base_url.to_owned())),
        }

        let mut names: Vec<(String, bool)> = BUILT_IN_PROVIDERS
            .iter()
            .map(|name| ((*name).to_owned(), false))
            .collect();
        for listed in lookup("OAUTH_PROVIDERS").unwrap_or_default().split(',') {
            let name = listed.trim().to_ascii_lowercase();
            if name.is_empty() {
                continue;
            }
            if !name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(OAuthConfigError::InvalidProviderName(name));
            }
            match names.iter_mut().find(|(known, _)| *known == name) {
                Some((_, explicitly_listed)) => *explicitly_listed = true,
                None => names.push((name, true)),
            }
        }

        let mut providers = Vec::new();
        for (name, listed) in names {
            if let Some(provider) = parse_provider(&name, listed, &lookup, base_url)? {
                providers.push(provider);
            }
        }

        let http = reqwest::Client::builder()
            // Following redirects would let a provider (or whoever controls its DNS) point
            // our authenticated requests elsewhere (SSRF); the oauth2 crate asks for this.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(HTTP_TIMEOUT)
            .connect_timeout(HTTP_CONNECT_TIMEOUT)
            .user_agent(USER_AGENT)
            .build()
            .map_err(|error| OAuthConfigError::HttpClient(error.to_string()))?;

        Ok(Self { providers, http })
    }

    /// [`Self::from_lookup`] over the process environment.
    pub fn from_env(base_url: &str) -> Result<Self, OAuthConfigError> {
        Self::from_lookup(|key| std::env::var(key).ok(), base_url)
    }

    /// The enabled providers: Google, GitHub, then those of `OAUTH_PROVIDERS` in order.
    pub fn enabled(&self) -> impl Iterator<Item = &ProviderInfo> {
        self.providers.iter().map(|provider| &provider.info)
    }

    pub fn is_enabled(&self, provider: &str) -> bool {
        self.provider(provider).is_ok()
    }

    fn provider(&self, name: &str) -> Result<&Provider, OAuthError> {
        self.providers
            .iter()
            .find(|provider| provider.info.name == name)
            .ok_or_else(|| OAuthError::UnknownProvider(name.to_owned()))
    }

    /// Starts a sign-in: the URL to send the browser to, and what to keep until the callback.
    pub fn begin(&self, provider: &str) -> Result<(Url, PendingLogin), OAuthError> {
        let provider = self.provider(provider)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state) = provider
            .client()
            .authorize_url(CsrfToken::new_random)
            .add_scopes(provider.scopes.iter().cloned().map(Scope::new))
            .set_pkce_challenge(challenge)
            .url();
        let pending = PendingLogin {
            provider: provider.info.name.clone(),
            state: state.into_secret(),
            pkce_verifier: verifier.into_secret(),
            created_at: Utc::now(),
        };
        Ok((url, pending))
    }

    /// Finishes a sign-in from the callback's `state` and `code`: checks the state and age
    /// (before any network call), exchanges the code with the PKCE verifier, then reads the
    /// user from the provider. The caller should also check that the callback's provider
    /// (in its path) is `pending.provider`.
    pub async fn complete(
        &self,
        pending: PendingLogin,
        returned_state: &str,
        code: &str,
    ) -> Result<OAuthIdentity, OAuthError> {
        self.complete_at(pending, returned_state, code, Utc::now())
            .await
    }

    async fn complete_at(
        &self,
        pending: PendingLogin,
        returned_state: &str,
        code: &str,
        now: DateTime<Utc>,
    ) -> Result<OAuthIdentity, OAuthError> {
        if !pending.state_matches(returned_state) {
            return Err(OAuthError::StateMismatch);
        }
        if pending.is_expired_at(now) {
            return Err(OAuthError::Expired);
        }
        let provider = self.provider(&pending.provider)?;
        let name = provider.info.name.as_str();

        let token = provider
            .client()
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier))
            .request_async(&self.http)
            .await
            .map_err(|error| token_error(name, error))?;
        let access_token = token.access_token();

        let user = self
            .fetch_json(name, &provider.userinfo_url, access_token)
            .await?;
        let emails = match provider.userinfo {
            UserInfoStyle::OpenIdConnect => None,
            // Without the addresses the sign-in still works, just with no verified email.
            UserInfoStyle::GitHub => self
                .fetch_json(name, &provider.github_emails_url(), access_token)
                .await
                .ok(),
        };
        identity_from_user(name, provider.userinfo, &user, emails.as_ref())
    }

    async fn fetch_json(
        &self,
        provider: &str,
        url: &Url,
        access_token: &AccessToken,
    ) -> Result<Value, OAuthError> {
        let response = self
            .http
            .get(url.clone())
            .bearer_auth(access_token.secret())
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(|error| {
                tracing::warn!(provider, %url, error = %error, "OAuth user request failed");
                OAuthError::Unavailable
            })?;
        let status = response.status();
        let body = response.bytes().await.map_err(|error| {
            tracing::warn!(provider, %url, error = %error, "OAuth user response unreadable");
            OAuthError::Unavailable
        })?;
        if !status.is_success() {
            tracing::warn!(
                provider,
                %url,
                %status,
                body = %logged_body(&body),
                "OAuth provider refused the user request"
            );
            return Err(if status.is_server_error() {
                OAuthError::Unavailable
            } else {
                OAuthError::Rejected
            });
        }
        serde_json::from_slice(&body).map_err(|error| {
            tracing::warn!(
                provider,
                %url,
                error = %error,
                body = %logged_body(&body),
                "OAuth user response is not JSON"
            );
            OAuthError::InvalidResponse
        })
    }
}

fn parse_provider(
    name: &str,
    explicitly_listed: bool,
    lookup: &impl Fn(&str) -> Option<String>,
    base_url: &str,
) -> Result<Option<Provider>, OAuthConfigError> {
    let prefix = format!("OAUTH_{}_", name.to_ascii_uppercase());
    let var = |suffix: &str| {
        let key = format!("{prefix}{suffix}");
        let value = lookup(&key)
            .map(|value| value.trim().to_owned())
            .filter(|value| !value.is_empty());
        (key, value)
    };
    let missing = |variable: String| OAuthConfigError::MissingVariable {
        provider: name.to_owned(),
        variable,
    };

    let (client_id, client_secret) = match (var("CLIENT_ID"), var("CLIENT_SECRET")) {
        ((_, Some(id)), (_, Some(secret))) => (id, secret),
        ((_, None), (_, None)) => {
            if explicitly_listed {
                tracing::warn!(
                    provider = name,
                    "OAuth provider listed in OAUTH_PROVIDERS has no client id and secret; disabled"
                );
            }
            return Ok(None);
        }
        ((_, Some(_)), (secret_key, None)) => return Err(missing(secret_key)),
        ((id_key, None), (_, Some(_))) => return Err(missing(id_key)),
    };

    let preset = preset(name);
    let url = |suffix: &str, default: Option<&'static str>| -> Result<Url, OAuthConfigError> {
        let (key, value) = var(suffix);
        let raw = value
            .or_else(|| default.map(str::to_owned))
            .ok_or_else(|| missing(key.clone()))?;
        match Url::parse(&raw) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => Ok(url),
            Ok(url) => Err(OAuthConfigError::InvalidUrl {
                variable: key,
                reason: format!("unsupported scheme `{}`", url.scheme()),
            }),
            Err(error) => Err(OAuthConfigError::InvalidUrl {
                variable: key,
                reason: error.to_string(),
            }),
        }
    };
    let auth_url = AuthUrl::from_url(url("AUTH_URL", preset.as_ref().map(|p| p.auth_url))?);
    let token_url = TokenUrl::from_url(url("TOKEN_URL", preset.as_ref().map(|p| p.token_url))?);
    let userinfo_url = url("USERINFO_URL", preset.as_ref().map(|p| p.userinfo_url))?;

    let scopes = var("SCOPES")
        .1
        .unwrap_or_else(|| {
            preset
                .as_ref()
                .map_or(DEFAULT_GENERIC_SCOPES, |p| p.scopes)
                .to_owned()
        })
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let label = var("LABEL").1.unwrap_or_else(|| match &preset {
        Some(preset) => preset.label.to_owned(),
        None => capitalised(name),
    });
    let client_auth = match var("CLIENT_AUTH") {
        (_, None) => preset.as_ref().map_or(ClientAuth::Basic, |p| p.client_auth),
        (_, Some(value)) if value.eq_ignore_ascii_case("basic") => ClientAuth::Basic,
        (_, Some(value)) if value.eq_ignore_ascii_case("post") => ClientAuth::Post,
        (variable, Some(value)) => {
            return Err(OAuthConfigError::InvalidValue {
                variable,
                value,
                expected: "`basic` or `post`",
            });
        }
    };

    let redirect = format!("{base_url}/auth/oauth/{name}/callback");
    let redirect_url = RedirectUrl::new(redirect)
        .map_err(|_| OAuthConfigError::InvalidBaseUrl(base_url.to_owned()))?;

    Ok(Some(Provider {
        info: ProviderInfo {
            name: name.to_owned(),
            label,
        },
        client_id: ClientId::new(client_id),
        client_secret: ClientSecret::new(client_secret),
        auth_url,
        token_url,
        userinfo_url,
        redirect_url,
        scopes,
        client_auth,
        userinfo: preset.map_or(UserInfoStyle::OpenIdConnect, |p| p.userinfo),
    }))
}

fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

type TokenError = RequestTokenError<oauth2::HttpClientError<reqwest::Error>, BasicErrorResponse>;

/// Maps a failed token exchange to a user-safe error; the details go to the logs.
fn token_error(provider: &str, error: TokenError) -> OAuthError {
    match error {
        RequestTokenError::ServerResponse(response) => {
            tracing::warn!(provider, error = %response, "OAuth token endpoint refused the code");
            OAuthError::Rejected
        }
        RequestTokenError::Request(error) => {
            tracing::warn!(provider, error = %error, "OAuth token request failed");
            OAuthError::Unavailable
        }
        RequestTokenError::Parse(error, body) => {
            // GitHub answers errors with 200 and `{"error": ...}`.
            if let Ok(response) = serde_json::from_slice::<BasicErrorResponse>(&body) {
                tracing::warn!(provider, error = %response, "OAuth token endpoint refused the code");
                return OAuthError::Rejected;
            }
            tracing::warn!(
                provider,
                error = %error,
                body = %logged_body(&body),
                "OAuth token response could not be parsed"
            );
            OAuthError::InvalidResponse
        }
        RequestTokenError::Other(message) => {
            tracing::warn!(provider, error = %message, "OAuth token exchange failed");
            OAuthError::InvalidResponse
        }
    }
}

fn logged_body(body: &[u8]) -> String {
    let shown = &body[..body.len().min(LOGGED_BODY_LIMIT)];
    let mut text = String::from_utf8_lossy(shown).into_owned();
    if body.len() > LOGGED_BODY_LIMIT {
        text.push_str("...");
    }
    text
}

/// Maps the provider's user JSON (OpenID Connect userinfo or GitHub's `/user`, plus
/// GitHub's `/user/emails` when given) to an identity.
fn identity_from_user(
    provider: &str,
    style: UserInfoStyle,
    user: &Value,
    github_emails: Option<&Value>,
) -> Result<OAuthIdentity, OAuthError> {
    let text = |key: &str| {
        user.get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_owned)
    };
    let subject = match (style, user.get("sub"), user.get("id")) {
        (UserInfoStyle::OpenIdConnect, Some(Value::String(sub)), _) => Some(sub.clone()),
        (_, _, Some(Value::Number(id))) => Some(id.to_string()),
        (_, _, Some(Value::String(id))) => Some(id.clone()),
        (_, Some(Value::String(sub)), _) => Some(sub.clone()),
        _ => None,
    }
    .filter(|subject| !subject.is_empty());
    let Some(subject) = subject else {
        tracing::warn!(provider, "OAuth user response has no `sub` or `id`");
        return Err(OAuthError::InvalidResponse);
    };

    let (email, email_verified) = match style {
        UserInfoStyle::OpenIdConnect => {
            let verified = ["email_verified", "verified_email"]
                .iter()
                .find_map(|key| user.get(*key))
                .is_some_and(is_true);
            (text("email"), verified)
        }
        UserInfoStyle::GitHub => match github_emails.and_then(primary_verified_github_email) {
            Some(email) => (Some(email), true),
            // The public profile address, which GitHub does not vouch for.
            None => (text("email"), false),
        },
    };

    Ok(OAuthIdentity {
        provider: provider.to_owned(),
        subject,
        email,
        email_verified,
        name: text("name")
            .or_else(|| text("preferred_username"))
            .or_else(|| text("login")),
        avatar_url: text("picture").or_else(|| text("avatar_url")),
    })
}

/// `true`, or the string `"true"` that some providers send.
fn is_true(value: &Value) -> bool {
    match value {
        Value::Bool(value) => *value,
        Value::String(value) => value.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

/// From `[{"email", "primary", "verified", ...}]`: the primary address if it is verified.
fn primary_verified_github_email(emails: &Value) -> Option<String> {
    emails
        .as_array()?
        .iter()
        .find(|entry| entry.get("primary").is_some_and(is_true))
        .filter(|entry| entry.get("verified").is_some_and(is_true))
        .and_then(|entry| entry.get("email")?.as_str())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use serde_json::json;

    use super::*;

    const BASE: &str = "https://shop.example";

    fn providers(vars: &[(&str, &str)]) -> Result<OAuthProviders, OAuthConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect();
        OAuthProviders::from_lookup(|key| vars.get(key).cloned(), BASE)
    }

    fn acme() -> Vec<(&'static str, &'static str)> {
        vec![
            ("OAUTH_PROVIDERS", "acme"),
            ("OAUTH_ACME_CLIENT_ID", "acme-id"),
            ("OAUTH_ACME_CLIENT_SECRET", "acme-secret"),
            ("OAUTH_ACME_AUTH_URL", "https://id.acme.test/authorize"),
            ("OAUTH_ACME_TOKEN_URL", "https://id.acme.test/token"),
            ("OAUTH_ACME_USERINFO_URL", "https://id.acme.test/userinfo"),
        ]
    }

    fn without(
        vars: &[(&'static str, &'static str)],
        key: &str,
    ) -> Vec<(&'static str, &'static str)> {
        vars.iter().copied().filter(|(k, _)| *k != key).collect()
    }

    fn query(url: &Url) -> HashMap<String, String> {
        url.query_pairs().into_owned().collect()
    }

    fn names(providers: &OAuthProviders) -> Vec<&str> {
        providers.enabled().map(|info| info.name.as_str()).collect()
    }

    #[test]
    fn oauth_nothing_configured_enables_nothing() {
        let providers = providers(&[]).unwrap();
        assert!(names(&providers).is_empty());
        assert_eq!(
            providers.begin("google").unwrap_err(),
            OAuthError::UnknownProvider("google".into())
        );
    }

    #[test]
    fn oauth_presets_fill_urls_scopes_and_labels() {
        let providers = providers(&[
            ("OAUTH_GITHUB_CLIENT_ID", "gh-id"),
            ("OAUTH_GITHUB_CLIENT_SECRET", "gh-secret"),
            ("OAUTH_GOOGLE_CLIENT_ID", "g-id"),
            ("OAUTH_GOOGLE_CLIENT_SECRET", "g-secret"),
        ])
        .unwrap();
        let labels: Vec<_> = providers
            .enabled()
            .map(|info| info.label.as_str())
            .collect();
        assert_eq!(names(&providers), ["google", "github"]);
        assert_eq!(labels, ["Google", "GitHub"]);

        let (url, _) = providers.begin("google").unwrap();
        assert!(
            url.as_str()
                .starts_with("https://accounts.google.com/o/oauth2/v2/auth?"),
            "{url}"
        );
        let params = query(&url);
        assert_eq!(params["scope"], "openid email profile");
        assert_eq!(params["client_id"], "g-id");

        let (url, _) = providers.begin("github").unwrap();
        assert!(
            url.as_str()
                .starts_with("https://github.com/login/oauth/authorize?"),
            "{url}"
        );
        assert_eq!(query(&url)["scope"], "read:user user:email");
        let github = providers.provider("github").unwrap();
        assert_eq!(
            github.token_url.as_str(),
            "https://github.com/login/oauth/access_token"
        );
        assert_eq!(github.userinfo_url.as_str(), "https://api.github.com/user");
        assert_eq!(
            github.github_emails_url().as_str(),
            "https://api.github.com/user/emails"
        );
        assert_eq!(github.client_auth, ClientAuth::Post);
        let google = providers.provider("google").unwrap();
        assert_eq!(
            google.token_url.as_str(),
            "https://oauth2.googleapis.com/token"
        );
        assert_eq!(
            google.userinfo_url.as_str(),
            "https://openidconnect.googleapis.com/v1/userinfo"
        );
    }

    #[test]
    fn oauth_overrides_replace_preset_values() {
        let providers = providers(&[
            ("OAUTH_GOOGLE_CLIENT_ID", "g-id"),
            ("OAUTH_GOOGLE_CLIENT_SECRET", "g-secret"),
            ("OAUTH_GOOGLE_AUTH_URL", "http://127.0.0.1:9/authorize"),
            ("OAUTH_GOOGLE_SCOPES", "  openid   email "),
            ("OAUTH_GOOGLE_LABEL", "Google Workspace"),
            ("OAUTH_GOOGLE_CLIENT_AUTH", "post"),
        ])
        .unwrap();
        assert_eq!(
            providers.enabled().next().unwrap().label,
            "Google Workspace"
        );
        let (url, _) = providers.begin("google").unwrap();
        assert!(
            url.as_str().starts_with("http://127.0.0.1:9/authorize?"),
            "{url}"
        );
        assert_eq!(query(&url)["scope"], "openid email");
        assert_eq!(
            providers.provider("google").unwrap().client_auth,
            ClientAuth::Post
        );
    }

    #[test]
    fn oauth_a_provider_needs_both_client_id_and_secret() {
        let error = providers(&[("OAUTH_GITHUB_CLIENT_ID", "gh-id")]).unwrap_err();
        assert_eq!(
            error,
            OAuthConfigError::MissingVariable {
                provider: "github".into(),
                variable: "OAUTH_GITHUB_CLIENT_SECRET".into()
            }
        );
        let error = providers(&[("OAUTH_GOOGLE_CLIENT_SECRET", "g-secret")]).unwrap_err();
        assert!(
            error.to_string().contains("OAUTH_GOOGLE_CLIENT_ID"),
            "{error}"
        );
        // Blank counts as unset.
        let providers = providers(&[
            ("OAUTH_GOOGLE_CLIENT_ID", " "),
            ("OAUTH_GOOGLE_CLIENT_SECRET", ""),
        ])
        .unwrap();
        assert!(names(&providers).is_empty());
    }

    #[test]
    fn oauth_generic_providers_need_all_three_urls() {
        let enabled = providers(&acme()).unwrap();
        assert_eq!(names(&enabled), ["acme"]);
        assert_eq!(enabled.enabled().next().unwrap().label, "Acme");

        for key in [
            "OAUTH_ACME_AUTH_URL",
            "OAUTH_ACME_TOKEN_URL",
            "OAUTH_ACME_USERINFO_URL",
        ] {
            let error = providers(&without(&acme(), key)).unwrap_err();
            assert_eq!(
                error,
                OAuthConfigError::MissingVariable {
                    provider: "acme".into(),
                    variable: key.into()
                }
            );
            assert!(error.to_string().contains(key), "{error}");
        }
    }

    #[test]
    fn oauth_bad_values_name_their_variable() {
        let mut vars = without(&acme(), "OAUTH_ACME_TOKEN_URL");
        vars.push(("OAUTH_ACME_TOKEN_URL", "not a url"));
        let error = providers(&vars).unwrap_err();
        assert!(
            matches!(&error, OAuthConfigError::InvalidUrl { variable, .. } if variable == "OAUTH_ACME_TOKEN_URL"),
            "{error:?}"
        );

        let mut vars = acme();
        vars.push(("OAUTH_ACME_CLIENT_AUTH", "jwt"));
        let error = providers(&vars).unwrap_err();
        assert!(
            error.to_string().contains("OAUTH_ACME_CLIENT_AUTH"),
            "{error}"
        );

        let error = providers(&[("OAUTH_PROVIDERS", "acme, bad-name")]).unwrap_err();
        assert_eq!(
            error,
            OAuthConfigError::InvalidProviderName("bad-name".into())
        );

        let error = OAuthProviders::from_lookup(|_| None, "shop.example").unwrap_err();
        assert_eq!(
            error,
            OAuthConfigError::InvalidBaseUrl("shop.example".into())
        );
    }

    #[test]
    fn oauth_listed_providers_without_credentials_stay_disabled() {
        let providers = providers(&[("OAUTH_PROVIDERS", "acme, ,github,acme")]).unwrap();
        assert!(names(&providers).is_empty());
    }

    #[test]
    fn oauth_begin_asks_for_a_code_with_pkce_s256_and_state() {
        let providers = providers(&acme()).unwrap();
        let (url, pending) = providers.begin("acme").unwrap();
        let params = query(&url);

        assert!(url.as_str().starts_with("https://id.acme.test/authorize?"));
        assert_eq!(params["response_type"], "code");
        assert_eq!(params["client_id"], "acme-id");
        assert_eq!(
            params["redirect_uri"],
            "https://shop.example/auth/oauth/acme/callback"
        );
        assert_eq!(params["scope"], "openid email profile");
        assert_eq!(params["code_challenge_method"], "S256");
        let expected_challenge = PkceCodeChallenge::from_code_verifier_sha256(
            &PkceCodeVerifier::new(pending.pkce_verifier.clone()),
        );
        assert_eq!(params["code_challenge"], expected_challenge.as_str());
        assert_eq!(params["state"], pending.state);
        assert!(!params.contains_key("client_secret"));

        assert_eq!(pending.provider, "acme");
        assert!(pending.state.len() >= 16);
        assert!((Utc::now() - pending.created_at).num_seconds() < 5);

        let (_, other) = providers.begin("acme").unwrap();
        assert_ne!(other.state, pending.state);
        assert_ne!(other.pkce_verifier, pending.pkce_verifier);
    }

    #[test]
    fn oauth_the_redirect_uri_ignores_a_trailing_slash() {
        let vars: HashMap<_, _> = acme().into_iter().collect();
        let providers = OAuthProviders::from_lookup(
            |key| vars.get(key).map(|value| (*value).to_owned()),
            "http://127.0.0.1:3000/",
        )
        .unwrap();
        let (url, _) = providers.begin("acme").unwrap();
        assert_eq!(
            query(&url)["redirect_uri"],
            "http://127.0.0.1:3000/auth/oauth/acme/callback"
        );
    }

    #[test]
    fn oauth_s256_matches_rfc_7636_appendix_b() {
        let verifier = PkceCodeVerifier::new("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into());
        // Kept next to the fake provider's own S256, which checks the same vector.
        assert_eq!(
            PkceCodeChallenge::from_code_verifier_sha256(&verifier).as_str(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn oauth_state_matches_only_the_same_state() {
        let pending = PendingLogin {
            provider: "acme".into(),
            state: "s3cr3t-state".into(),
            pkce_verifier: "v".into(),
            created_at: Utc::now(),
        };
        assert!(pending.state_matches("s3cr3t-state"));
        assert!(!pending.state_matches("s3cr3t-statf"));
        assert!(!pending.state_matches("s3cr3t"));
        assert!(!pending.state_matches(""));
        let blank = PendingLogin {
            state: String::new(),
            ..pending
        };
        assert!(!blank.state_matches(""));
    }

    #[test]
    fn oauth_pending_logins_round_trip_through_serde_and_hide_secrets_in_debug() {
        let providers = providers(&acme()).unwrap();
        let (_, pending) = providers.begin("acme").unwrap();
        let json = serde_json::to_string(&pending).unwrap();
        let back: PendingLogin = serde_json::from_str(&json).unwrap();
        assert_eq!(back.provider, pending.provider);
        assert_eq!(back.state, pending.state);
        assert_eq!(back.pkce_verifier, pending.pkce_verifier);
        assert_eq!(back.created_at.timestamp(), pending.created_at.timestamp());
        assert!(back.state_matches(&pending.state));
        let debug = format!("{pending:?}");
        assert!(!debug.contains(&pending.state), "{debug}");
        assert!(!debug.contains(&pending.pkce_verifier), "{debug}");
    }

    #[test]
    fn oauth_pending_logins_expire_after_ten_minutes() {
        let now = Utc::now();
        let at = |minutes_ago: i64| PendingLogin {
            provider: "acme".into(),
            state: "state".into(),
            pkce_verifier: "verifier".into(),
            created_at: now - TimeDelta::minutes(minutes_ago),
        };
        assert!(!at(0).is_expired_at(now));
        assert!(!at(9).is_expired_at(now));
        assert!(at(11).is_expired_at(now));
        assert!(at(-5).is_expired_at(now), "dated in the future");
    }

    /// Polls a future once with no runtime: local refusals resolve at once, while anything
    /// that reached the network would need tokio (and stay pending or panic).
    fn poll_once<F: std::future::Future>(future: F) -> std::task::Poll<F::Output> {
        let mut context = std::task::Context::from_waker(std::task::Waker::noop());
        std::pin::pin!(future).poll(&mut context)
    }

    #[test]
    fn oauth_complete_refuses_a_wrong_state_or_stale_login_before_any_network_call() {
        let providers = providers(&acme()).unwrap();
        let (_, pending) = providers.begin("acme").unwrap();

        let forged = providers.complete(pending.clone(), "forged", "code");
        assert_eq!(
            poll_once(forged),
            std::task::Poll::Ready(Err(OAuthError::StateMismatch))
        );
        let empty = providers.complete(pending.clone(), "", "code");
        assert_eq!(
            poll_once(empty),
            std::task::Poll::Ready(Err(OAuthError::StateMismatch))
        );

        let state = pending.state.clone();
        let later = pending.created_at + TimeDelta::minutes(11);
        let stale = providers.complete_at(pending.clone(), &state, "code", later);
        assert_eq!(
            poll_once(stale),
            std::task::Poll::Ready(Err(OAuthError::Expired))
        );

        let unknown = PendingLogin {
            provider: "nope".into(),
            ..pending
        };
        let state = unknown.state.clone();
        assert_eq!(
            poll_once(providers.complete(unknown, &state, "code")),
            std::task::Poll::Ready(Err(OAuthError::UnknownProvider("nope".into())))
        );
    }

    #[test]
    fn oauth_maps_openid_connect_userinfo() {
        let user = json!({
            "sub": "1099",
            "email": "ada@example.com",
            "email_verified": true,
            "name": "Ada Lovelace",
            "picture": "https://cdn.example/ada.png",
            "id": 7
        });
        let identity =
            identity_from_user("google", UserInfoStyle::OpenIdConnect, &user, None).unwrap();
        assert_eq!(
            identity,
            OAuthIdentity {
                provider: "google".into(),
                subject: "1099".into(),
                email: Some("ada@example.com".into()),
                email_verified: true,
                name: Some("Ada Lovelace".into()),
                avatar_url: Some("https://cdn.example/ada.png".into()),
            }
        );

        // Some providers send the flag as a string, or not at all.
        let user = json!({"sub": "x", "email": "x@example.com", "email_verified": "true"});
        let identity = identity_from_user("acme", UserInfoStyle::OpenIdConnect, &user, None);
        assert!(identity.unwrap().email_verified);
        let user = json!({"sub": "x", "email": "x@example.com", "preferred_username": "xy"});
        let identity =
            identity_from_user("acme", UserInfoStyle::OpenIdConnect, &user, None).unwrap();
        assert!(!identity.email_verified);
        assert_eq!(identity.name.as_deref(), Some("xy"));
        assert_eq!(identity.avatar_url, None);
    }

    #[test]
    fn oauth_maps_github_users_with_their_primary_verified_email() {
        let user = json!({
            "id": 583231,
            "login": "octocat",
            "name": null,
            "email": "public@example.com",
            "avatar_url": "https://avatars.githubusercontent.com/u/583231"
        });
        let emails = json!([
            {"email": "old@example.com", "primary": false, "verified": true},
            {"email": "octo@example.com", "primary": true, "verified": true, "visibility": null}
        ]);
        let identity =
            identity_from_user("github", UserInfoStyle::GitHub, &user, Some(&emails)).unwrap();
        assert_eq!(
            identity,
            OAuthIdentity {
                provider: "github".into(),
                subject: "583231".into(),
                email: Some("octo@example.com".into()),
                email_verified: true,
                name: Some("octocat".into()),
                avatar_url: Some("https://avatars.githubusercontent.com/u/583231".into()),
            }
        );

        let unverified = json!([{"email": "octo@example.com", "primary": true, "verified": false}]);
        for emails in [Some(&unverified), None] {
            let identity =
                identity_from_user("github", UserInfoStyle::GitHub, &user, emails).unwrap();
            assert_eq!(identity.email.as_deref(), Some("public@example.com"));
            assert!(!identity.email_verified);
        }
    }

    #[test]
    fn oauth_a_user_without_an_id_is_an_invalid_response() {
        let user = json!({"email": "x@example.com", "email_verified": true});
        for style in [UserInfoStyle::OpenIdConnect, UserInfoStyle::GitHub] {
            assert_eq!(
                identity_from_user("acme", style, &user, None),
                Err(OAuthError::InvalidResponse)
            );
        }
        let user = json!({"sub": ""});
        assert_eq!(
            identity_from_user("acme", UserInfoStyle::OpenIdConnect, &user, None),
            Err(OAuthError::InvalidResponse)
        );
    }
}
