//! Providers from configuration: the built-in presets (Google, GitHub), generic OpenID
//! Connect providers named in `OAUTH_PROVIDERS`, and the HTTP client that talks to them.

use std::time::Duration;

use oauth2::basic::BasicClient;
use oauth2::{AuthType, AuthUrl, ClientId, ClientSecret, RedirectUrl, TokenUrl};

use super::{OAuthConfigError, OAuthError, ProviderInfo, Url};

/// Whole-request limit for calls to a provider (token exchange, userinfo).
const HTTP_TIMEOUT: Duration = Duration::from_secs(10);
const HTTP_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// GitHub's API refuses requests without a User-Agent.
const USER_AGENT: &str = concat!("LuxeVerse/", env!("CARGO_PKG_VERSION"), " (OAuth2 client)");

/// Providers with presets, in the order they are offered.
const BUILT_IN_PROVIDERS: [&str; 2] = ["google", "github"];
const DEFAULT_GENERIC_SCOPES: &str = "openid email profile";

/// How a provider authenticates us at its token endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ClientAuth {
    /// `client_secret_basic`: HTTP Basic.
    Basic,
    /// `client_secret_post`: `client_id` and `client_secret` form fields.
    Post,
}

/// The shape of the provider's user endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum UserInfoStyle {
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
pub(super) struct Provider {
    pub(super) info: ProviderInfo,
    client_id: ClientId,
    client_secret: ClientSecret,
    auth_url: AuthUrl,
    token_url: TokenUrl,
    pub(super) userinfo_url: Url,
    redirect_url: RedirectUrl,
    pub(super) scopes: Vec<String>,
    client_auth: ClientAuth,
    pub(super) userinfo: UserInfoStyle,
}

type ConfiguredClient = BasicClient<
    oauth2::EndpointSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointSet,
>;

impl Provider {
    pub(super) fn client(&self) -> ConfiguredClient {
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
    pub(super) fn github_emails_url(&self) -> Url {
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
    pub(super) http: reqwest::Client,
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

    pub(super) fn provider(&self, name: &str) -> Result<&Provider, OAuthError> {
        self.providers
            .iter()
            .find(|provider| provider.info.name == name)
            .ok_or_else(|| OAuthError::UnknownProvider(name.to_owned()))
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

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::oauth::test_support::*;

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
}
