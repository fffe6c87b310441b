//! The authorization code flow: [`OAuthProviders::begin`] builds the provider URL with a
//! PKCE challenge and a CSRF state; [`OAuthProviders::complete`] checks the callback,
//! exchanges the code and reads the user. Provider errors are logged, never shown.

use chrono::{DateTime, Utc};
use oauth2::basic::BasicErrorResponse;
use oauth2::{
    AccessToken, AuthorizationCode, CsrfToken, PkceCodeChallenge, PkceCodeVerifier,
    RequestTokenError, Scope, TokenResponse,
};
use serde_json::Value;

use super::providers::UserInfoStyle;
use super::userinfo::identity_from_user;
use super::{OAuthError, OAuthIdentity, OAuthProviders, PendingLogin, Url};

/// How much of a provider's error body goes to the logs.
const LOGGED_BODY_LIMIT: usize = 512;

impl OAuthProviders {
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

#[cfg(test)]
mod tests {
    use chrono::TimeDelta;

    use super::*;
    use crate::oauth::test_support::*;

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
    fn oauth_s256_matches_rfc_7636_appendix_b() {
        let verifier = PkceCodeVerifier::new("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into());
        // Kept next to the fake provider's own S256, which checks the same vector.
        assert_eq!(
            PkceCodeChallenge::from_code_verifier_sha256(&verifier).as_str(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
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
}
