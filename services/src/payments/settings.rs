//! How the server reaches Stripe: the keys and API base read from the environment
//! ([`StripeSettings::from_lookup`]), checked, and the client built from them
//! ([`Payments`]). Secrets never appear in `Debug` output.

use std::fmt;
use std::sync::Arc;

use super::DEFAULT_STRIPE_API_BASE;

/// How the server reaches Stripe, read by [`StripeSettings::from_lookup`].
#[derive(Clone, PartialEq, Eq)]
pub enum StripeSettings {
    /// `STRIPE_SECRET_KEY` and `STRIPE_WEBHOOK_SECRET` are set: Stripe (or whatever
    /// `STRIPE_API_BASE` points at).
    Keys(StripeKeys),
    /// Neither key is set: the server starts the local Stripe fake and uses it.
    LocalFake,
}

/// The keys and endpoint of a Stripe account.
#[derive(Clone, PartialEq, Eq)]
pub struct StripeKeys {
    /// `sk_...` / `rk_...` (`STRIPE_SECRET_KEY`).
    pub secret_key: String,
    /// `whsec_...` (`STRIPE_WEBHOOK_SECRET`): verifies `Stripe-Signature`.
    pub webhook_secret: String,
    /// API base URL with a trailing slash (`STRIPE_API_BASE`, default
    /// [`DEFAULT_STRIPE_API_BASE`]).
    pub api_base: String,
}

/// Keys never appear in logs.
impl fmt::Debug for StripeKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StripeKeys")
            .field("secret_key", &redact(&self.secret_key))
            .field("webhook_secret", &redact(&self.webhook_secret))
            .field("api_base", &self.api_base)
            .finish()
    }
}

impl fmt::Debug for StripeSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StripeSettings::Keys(keys) => f.debug_tuple("Keys").field(keys).finish(),
            StripeSettings::LocalFake => f.write_str("LocalFake"),
        }
    }
}

/// `sk_test_…` keeps its mode prefix only.
fn redact(secret: &str) -> String {
    let prefix: String = secret
        .split('_')
        .take(2)
        .collect::<Vec<_>>()
        .join("_")
        .chars()
        .take(8)
        .collect();
    format!("{prefix}…")
}

/// A Stripe configuration mistake, naming the variable to fix.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PaymentConfigError {
    #[error(
        "{missing} must be set together with {present} (set both Stripe keys, or neither to use the local Stripe fake)"
    )]
    HalfConfigured {
        present: &'static str,
        missing: &'static str,
    },
    #[error(
        "STRIPE_API_BASE is set but the Stripe keys are not (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET)"
    )]
    ApiBaseWithoutKeys,
    #[error("STRIPE_API_BASE must be an http(s) URL, not {value:?}")]
    InvalidApiBase { value: String },
    #[error("STRIPE_SECRET_KEY must be a Stripe secret key (sk_… or rk_…)")]
    InvalidSecretKey,
    #[error("STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)")]
    InvalidWebhookSecret,
    #[error("the Stripe client could not be built: {0}")]
    Client(String),
}

impl StripeSettings {
    /// Reads `STRIPE_SECRET_KEY`, `STRIPE_WEBHOOK_SECRET` and `STRIPE_API_BASE` (blank
    /// values count as unset).
    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Result<Self, PaymentConfigError> {
        let var = |name: &str| var(name).filter(|value| !value.trim().is_empty());
        let secret_key = var("STRIPE_SECRET_KEY");
        let webhook_secret = var("STRIPE_WEBHOOK_SECRET");
        let api_base = var("STRIPE_API_BASE");
        match (secret_key, webhook_secret) {
            (None, None) if api_base.is_some() => Err(PaymentConfigError::ApiBaseWithoutKeys),
            (None, None) => Ok(StripeSettings::LocalFake),
            (Some(_), None) => Err(PaymentConfigError::HalfConfigured {
                present: "STRIPE_SECRET_KEY",
                missing: "STRIPE_WEBHOOK_SECRET",
            }),
            (None, Some(_)) => Err(PaymentConfigError::HalfConfigured {
                present: "STRIPE_WEBHOOK_SECRET",
                missing: "STRIPE_SECRET_KEY",
            }),
            (Some(secret_key), Some(webhook_secret)) => {
                let keys = StripeKeys::new(
                    secret_key,
                    webhook_secret,
                    api_base.as_deref().unwrap_or(DEFAULT_STRIPE_API_BASE),
                )?;
                Ok(StripeSettings::Keys(keys))
            }
        }
    }
}

impl StripeKeys {
    /// Checks the shapes of the keys and normalises the base URL (trailing slash).
    pub fn new(
        secret_key: impl Into<String>,
        webhook_secret: impl Into<String>,
        api_base: &str,
    ) -> Result<Self, PaymentConfigError> {
        let secret_key = secret_key.into().trim().to_string();
        let webhook_secret = webhook_secret.into().trim().to_string();
        if !(secret_key.starts_with("sk_") || secret_key.starts_with("rk_")) {
            return Err(PaymentConfigError::InvalidSecretKey);
        }
        if !webhook_secret.starts_with("whsec_") {
            return Err(PaymentConfigError::InvalidWebhookSecret);
        }
        let api_base = api_base.trim();
        if !(api_base.starts_with("http://") || api_base.starts_with("https://")) {
            return Err(PaymentConfigError::InvalidApiBase {
                value: api_base.to_string(),
            });
        }
        Ok(Self {
            secret_key,
            webhook_secret,
            api_base: format!("{}/", api_base.trim_end_matches('/')),
        })
    }
}

/// The Stripe client and webhook secret the app uses; cheap to clone.
#[derive(Clone)]
pub struct Payments {
    pub(super) client: stripe::Client,
    webhook_secret: Arc<str>,
    test_mode: bool,
}

impl fmt::Debug for Payments {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Payments")
            .field("test_mode", &self.test_mode)
            .finish_non_exhaustive()
    }
}

impl Payments {
    pub fn new(keys: &StripeKeys) -> Result<Self, PaymentConfigError> {
        let client = stripe::ClientBuilder::new(keys.secret_key.clone())
            .url(keys.api_base.clone())
            .timeout(std::time::Duration::from_secs(20))
            .build()
            .map_err(|error| PaymentConfigError::Client(error.to_string()))?;
        Ok(Self {
            client,
            webhook_secret: Arc::from(keys.webhook_secret.as_str()),
            test_mode: keys.secret_key.starts_with("sk_test_")
                || keys.secret_key.starts_with("rk_test_"),
        })
    }

    /// Verifies the `Stripe-Signature` of incoming webhook events.
    pub fn webhook_secret(&self) -> &str {
        &self.webhook_secret
    }

    /// Test-mode keys (the fake's included): Stripe's test payment methods work, so the
    /// test card form may be offered.
    pub fn test_mode(&self) -> bool {
        self.test_mode
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(vars: &[(&str, &str)]) -> Result<StripeSettings, PaymentConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (String::from(*k), String::from(*v)))
            .collect();
        StripeSettings::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn no_keys_means_the_local_fake_and_half_a_configuration_is_refused() {
        assert_eq!(settings(&[]).unwrap(), StripeSettings::LocalFake);
        assert_eq!(
            settings(&[("STRIPE_SECRET_KEY", "sk_test_1")]).unwrap_err(),
            PaymentConfigError::HalfConfigured {
                present: "STRIPE_SECRET_KEY",
                missing: "STRIPE_WEBHOOK_SECRET"
            }
        );
        assert_eq!(
            settings(&[("STRIPE_API_BASE", "http://127.0.0.1:12111")]).unwrap_err(),
            PaymentConfigError::ApiBaseWithoutKeys
        );
        let StripeSettings::Keys(keys) = settings(&[
            ("STRIPE_SECRET_KEY", "sk_test_abc"),
            ("STRIPE_WEBHOOK_SECRET", "whsec_xyz"),
        ])
        .unwrap() else {
            panic!("keys expected");
        };
        assert_eq!(keys.api_base, DEFAULT_STRIPE_API_BASE);
        assert!(!format!("{keys:?}").contains("abc"));
        let StripeSettings::Keys(keys) = settings(&[
            ("STRIPE_SECRET_KEY", "sk_test_abc"),
            ("STRIPE_WEBHOOK_SECRET", "whsec_xyz"),
            ("STRIPE_API_BASE", "http://127.0.0.1:12111"),
        ])
        .unwrap() else {
            panic!("keys expected");
        };
        assert_eq!(keys.api_base, "http://127.0.0.1:12111/");
        assert_eq!(
            settings(&[
                ("STRIPE_SECRET_KEY", "pk_test_abc"),
                ("STRIPE_WEBHOOK_SECRET", "whsec_xyz"),
            ])
            .unwrap_err(),
            PaymentConfigError::InvalidSecretKey
        );
    }
}
