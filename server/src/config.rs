//! Typed configuration, parsed once at start-up from the environment (and an optional
//! `.env`). Every variable and its default is in this file; the README lists them too.

use std::net::SocketAddr;
use std::path::PathBuf;

use leptos::prelude::LeptosOptions;
use services::mail::MailSettings;
use services::oauth::OAuthProviders;
use services::payments::StripeSettings;

pub const DEFAULT_PG_INSTALL_DIR: &str = "/var/cache/luxeverse/pgserver/pgserver/pginstall";
pub const DEFAULT_EMBEDDED_PG_DIR: &str = ".data/postgres";
pub const DEFAULT_EMBEDDED_PG_PORT: u16 = 54329;
pub const DEFAULT_DATABASE_NAME: &str = "luxeverse";
pub const DEFAULT_EMBEDDED_PG_OS_USER: &str = "postgres";
pub const DEFAULT_DATABASE_MAX_CONNECTIONS: u32 = 10;
pub const DEFAULT_MEDIA_DIR: &str = ".data/media";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{var} is invalid: {reason}")]
    Invalid { var: &'static str, reason: String },
    #[error("Leptos settings are invalid: {0}")]
    Leptos(String),
    #[error(transparent)]
    Mail(#[from] services::mail::MailConfigError),
    #[error(transparent)]
    OAuth(#[from] services::oauth::OAuthConfigError),
    #[error(transparent)]
    Stripe(#[from] services::payments::PaymentConfigError),
    #[error(
        "LEPTOS_ENV=PROD refuses development fallbacks; set {}",
        .missing.join(", ")
    )]
    ProductionFallback { missing: Vec<&'static str> },
}

#[derive(Clone, Debug)]
pub struct Settings {
    /// Leptos' own options (`LEPTOS_SITE_ADDR`, `LEPTOS_SITE_ROOT`, `LEPTOS_ENV`, ...).
    pub leptos: LeptosOptions,
    /// Public base URL used in links and emails (`APP_BASE_URL`).
    pub base_url: String,
    pub database: DatabaseSettings,
    /// all-MiniLM-L6-v2 files: config.json, tokenizer.json, model.safetensors
    /// (`EMBEDDING_MODEL_DIR`).
    pub embedding_model_dir: PathBuf,
    /// Outgoing mail (`SMTP_URL`, `MAIL_DIR`, `MAIL_TRANSPORT`, `MAIL_FROM`).
    pub mail: MailSettings,
    /// Signs links in emails (`APP_SECRET`); unset in development means a generated
    /// secret kept in `.data/app-secret`.
    pub app_secret: Option<String>,
    /// Social sign-in (`OAUTH_PROVIDERS`, `OAUTH_<NAME>_CLIENT_ID`, ...).
    pub oauth: OAuthProviders,
    /// Payments (`STRIPE_SECRET_KEY`, `STRIPE_WEBHOOK_SECRET`, `STRIPE_API_BASE`); no keys
    /// means the in-process local Stripe fake.
    pub stripe: StripeSettings,
    /// Unpaid orders' stock holds (`INVENTORY_HOLD_MINUTES`, `INVENTORY_SWEEP_SECONDS`).
    pub reservation_hold: crate::jobs::ReservationHold,
    /// Guests who never ordered (`GUEST_RETENTION_DAYS`, `GUEST_CLEANUP_SECONDS`).
    pub guest_retention: crate::jobs::GuestRetention,
    /// Notification emails and wishlist alerts (`NOTIFICATION_EMAIL_SECONDS`,
    /// `ALERT_SWEEP_SECONDS`).
    pub notification_schedule: crate::jobs::NotificationSchedule,
    /// Limits every request shares (`HTTP_*`).
    pub http: HttpSettings,
    /// Where uploaded pictures (review photos) are kept and served from (`MEDIA_DIR`).
    pub media_dir: PathBuf,
    /// Reverse proxies whose `X-Forwarded-For` is believed (`TRUSTED_PROXIES`, comma-
    /// separated addresses or CIDR networks); none by default.
    pub trusted_proxies: Vec<sea_orm::prelude::IpNetwork>,
}

/// Limits on every request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpSettings {
    /// `HTTP_BODY_LIMIT_BYTES`: the largest request body read (default 2 MiB).
    pub body_limit_bytes: usize,
    /// `HTTP_UPLOAD_LIMIT_BYTES`: the largest body of an upload (a review with its
    /// photos; default 32 MiB), so a photo over its own limit is refused by field.
    pub upload_limit_bytes: usize,
    /// `HTTP_REQUEST_TIMEOUT_SECONDS`: the time a response may take (default 30 s).
    pub request_timeout: std::time::Duration,
    /// `HTTP_MAX_IN_FLIGHT`: requests served at once (default 256); more wait.
    pub max_in_flight: usize,
    /// `HTTP_QUEUE_WAIT_MILLIS`: how long a request waits for a slot (default 10 s).
    pub queue_wait: std::time::Duration,
    /// `SHUTDOWN_GRACE_SECONDS`: how long in-flight requests may finish after SIGTERM
    /// (default 20 s).
    pub shutdown_grace: std::time::Duration,
}

impl Default for HttpSettings {
    fn default() -> Self {
        HttpSettings {
            body_limit_bytes: 2 * 1024 * 1024,
            upload_limit_bytes: 32 * 1024 * 1024,
            request_timeout: std::time::Duration::from_secs(30),
            max_in_flight: 256,
            queue_wait: std::time::Duration::from_secs(10),
            shutdown_grace: std::time::Duration::from_secs(20),
        }
    }
}

#[derive(Clone, Debug)]
pub struct DatabaseSettings {
    pub source: DatabaseSource,
    /// Connection pool size (`DATABASE_MAX_CONNECTIONS`).
    pub max_connections: u32,
}

#[derive(Clone, Debug)]
pub enum DatabaseSource {
    /// `DATABASE_URL`: used as is.
    Url(String),
    /// No `DATABASE_URL`: a local cluster the server starts or reuses.
    Embedded(EmbeddedPgSettings),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbeddedPgSettings {
    /// PostgreSQL installation with `bin/initdb`, `bin/pg_ctl` (`PG_INSTALL_DIR`).
    pub install_dir: PathBuf,
    /// Holds the cluster, its log and its password (`EMBEDDED_PG_DIR`).
    pub dir: PathBuf,
    /// TCP port on 127.0.0.1 (`EMBEDDED_PG_PORT`).
    pub port: u16,
    /// Database the app uses (`EMBEDDED_PG_DATABASE`).
    pub database: String,
    /// Account PostgreSQL runs as when the server runs as root (`EMBEDDED_PG_OS_USER`).
    pub os_user: String,
    /// Whether commits survive a crash of the machine. Always true for the store; the
    /// tests' throwaway cluster turns it off (no `fsync`), so a slow disk cannot stall them.
    pub durable: bool,
}

impl Settings {
    /// Reads `.env` (if present) and the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        let _ = dotenvy::dotenv();
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Parses settings from any variable source; tests pass a map.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let var = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let leptos = leptos::config::get_configuration(None)
            .map_err(|error| ConfigError::Leptos(error.to_string()))?
            .leptos_options;
        let mut leptos = leptos;
        if let Some(addr) = var("LEPTOS_SITE_ADDR") {
            leptos.site_addr = parse_var::<SocketAddr>("LEPTOS_SITE_ADDR", &addr)?;
        }
        if let Some(root) = var("LEPTOS_SITE_ROOT") {
            leptos.site_root = root.into();
        }
        // The bundle's names carry their content hash (cargo-leptos `hash-files`): then
        // `/pkg` is cached for a year (see `routes::assets`). A binary cargo-leptos built
        // knows how its bundle was named; the variable overrides that.
        let hashed =
            var("LEPTOS_HASH_FILES").or(option_env!("LEPTOS_HASH_FILES").map(String::from));
        if let Some(hashed) = hashed {
            leptos.hash_files = parse_var::<bool>("LEPTOS_HASH_FILES", &hashed)?;
        }
        let base_url = match var("APP_BASE_URL") {
            Some(url) => {
                if !(url.starts_with("http://") || url.starts_with("https://")) {
                    return Err(ConfigError::Invalid {
                        var: "APP_BASE_URL",
                        reason: format!("expected an http(s) URL, got `{url}`"),
                    });
                }
                url.trim_end_matches('/').to_string()
            }
            None => format!("http://{}", leptos.site_addr),
        };
        let source = match var("DATABASE_URL") {
            Some(url) => DatabaseSource::Url(url),
            None => DatabaseSource::Embedded(EmbeddedPgSettings {
                install_dir: var("PG_INSTALL_DIR")
                    .unwrap_or_else(|| DEFAULT_PG_INSTALL_DIR.into())
                    .into(),
                dir: var("EMBEDDED_PG_DIR")
                    .unwrap_or_else(|| DEFAULT_EMBEDDED_PG_DIR.into())
                    .into(),
                port: var("EMBEDDED_PG_PORT")
                    .map(|port| parse_var("EMBEDDED_PG_PORT", &port))
                    .transpose()?
                    .unwrap_or(DEFAULT_EMBEDDED_PG_PORT),
                database: var("EMBEDDED_PG_DATABASE")
                    .unwrap_or_else(|| DEFAULT_DATABASE_NAME.into()),
                os_user: var("EMBEDDED_PG_OS_USER")
                    .unwrap_or_else(|| DEFAULT_EMBEDDED_PG_OS_USER.into()),
                durable: true,
            }),
        };
        let max_connections = var("DATABASE_MAX_CONNECTIONS")
            .map(|value| parse_var("DATABASE_MAX_CONNECTIONS", &value))
            .transpose()?
            .unwrap_or(DEFAULT_DATABASE_MAX_CONNECTIONS);
        let embedding_model_dir = var("EMBEDDING_MODEL_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(services::embedder::DEFAULT_MODEL_DIR));
        let oauth = OAuthProviders::from_lookup(var, &base_url)?;
        let settings = Settings {
            leptos,
            base_url,
            database: DatabaseSettings {
                source,
                max_connections,
            },
            embedding_model_dir,
            mail: MailSettings::from_lookup(var)?,
            app_secret: var("APP_SECRET"),
            oauth,
            stripe: StripeSettings::from_lookup(var)?,
            reservation_hold: reservation_hold(var)?,
            guest_retention: guest_retention(&var)?,
            notification_schedule: notification_schedule(&var)?,
            http: http_settings(var)?,
            media_dir: var("MEDIA_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from(DEFAULT_MEDIA_DIR)),
            trusted_proxies: var("TRUSTED_PROXIES")
                .map(|list| {
                    list.split(',')
                        .map(str::trim)
                        .filter(|entry| !entry.is_empty())
                        .map(|entry| parse_var("TRUSTED_PROXIES", entry))
                        .collect::<Result<Vec<_>, _>>()
                })
                .transpose()?
                .unwrap_or_default(),
        };
        let production = settings.leptos.env == leptos::config::Env::PROD
            || var("LEPTOS_ENV").is_some_and(|env| env.trim().eq_ignore_ascii_case("prod"));
        if production {
            settings.refuse_development_fallbacks()?;
        }
        Ok(settings)
    }

    /// In production the in-process Stripe fake and the generated secret are never used:
    /// the variables they stand in for must be set.
    fn refuse_development_fallbacks(&self) -> Result<(), ConfigError> {
        let mut missing = Vec::new();
        if matches!(self.stripe, StripeSettings::LocalFake) {
            missing.extend([
                "STRIPE_SECRET_KEY (the in-process Stripe fake is for development only)",
                "STRIPE_WEBHOOK_SECRET",
            ]);
        }
        if self.app_secret.is_none() {
            missing.push("APP_SECRET (a generated secret is for development only)");
        }
        if missing.is_empty() {
            Ok(())
        } else {
            Err(ConfigError::ProductionFallback { missing })
        }
    }
}

fn reservation_hold(
    var: impl Fn(&str) -> Option<String>,
) -> Result<crate::jobs::ReservationHold, ConfigError> {
    let defaults = crate::jobs::ReservationHold::default();
    let hold = var("INVENTORY_HOLD_MINUTES")
        .map(|minutes| parse_var::<u64>("INVENTORY_HOLD_MINUTES", &minutes))
        .transpose()?
        .map_or(defaults.hold, |minutes| {
            std::time::Duration::from_secs(minutes.saturating_mul(60))
        });
    let every = var("INVENTORY_SWEEP_SECONDS")
        .map(|seconds| parse_var::<u64>("INVENTORY_SWEEP_SECONDS", &seconds))
        .transpose()?
        .map_or(defaults.every, std::time::Duration::from_secs);
    if every.is_zero() {
        return Err(ConfigError::Invalid {
            var: "INVENTORY_SWEEP_SECONDS",
            reason: "must be at least 1".into(),
        });
    }
    Ok(crate::jobs::ReservationHold { hold, every })
}

fn guest_retention(
    var: &impl Fn(&str) -> Option<String>,
) -> Result<crate::jobs::GuestRetention, ConfigError> {
    let defaults = crate::jobs::GuestRetention::default();
    let keep = var("GUEST_RETENTION_DAYS")
        .map(|days| parse_var::<u64>("GUEST_RETENTION_DAYS", &days))
        .transpose()?
        .map_or(defaults.keep, |days| {
            std::time::Duration::from_secs(days.saturating_mul(24 * 3600))
        });
    let every = var("GUEST_CLEANUP_SECONDS")
        .map(|seconds| parse_var::<u64>("GUEST_CLEANUP_SECONDS", &seconds))
        .transpose()?
        .map_or(defaults.every, std::time::Duration::from_secs);
    if every.is_zero() {
        return Err(ConfigError::Invalid {
            var: "GUEST_CLEANUP_SECONDS",
            reason: "must be at least 1".into(),
        });
    }
    Ok(crate::jobs::GuestRetention { keep, every })
}

fn notification_schedule(
    var: &impl Fn(&str) -> Option<String>,
) -> Result<crate::jobs::NotificationSchedule, ConfigError> {
    let defaults = crate::jobs::NotificationSchedule::default();
    let emails_every = var("NOTIFICATION_EMAIL_SECONDS")
        .map(|seconds| parse_var::<u64>("NOTIFICATION_EMAIL_SECONDS", &seconds))
        .transpose()?
        .map_or(defaults.emails_every, std::time::Duration::from_secs);
    if emails_every.is_zero() {
        return Err(ConfigError::Invalid {
            var: "NOTIFICATION_EMAIL_SECONDS",
            reason: "must be at least 1".into(),
        });
    }
    let alerts_every = var("ALERT_SWEEP_SECONDS")
        .map(|seconds| parse_var::<u64>("ALERT_SWEEP_SECONDS", &seconds))
        .transpose()?
        .map_or(defaults.alerts_every, std::time::Duration::from_secs);
    if alerts_every.is_zero() {
        return Err(ConfigError::Invalid {
            var: "ALERT_SWEEP_SECONDS",
            reason: "must be at least 1".into(),
        });
    }
    Ok(crate::jobs::NotificationSchedule {
        emails_every,
        alerts_every,
    })
}

fn http_settings(var: impl Fn(&str) -> Option<String>) -> Result<HttpSettings, ConfigError> {
    let defaults = HttpSettings::default();
    let number = |name: &'static str| -> Result<Option<u64>, ConfigError> {
        let value = var(name)
            .map(|value| parse_var::<u64>(name, &value))
            .transpose()?;
        if value == Some(0) && name != "HTTP_QUEUE_WAIT_MILLIS" {
            return Err(ConfigError::Invalid {
                var: name,
                reason: "must be at least 1".into(),
            });
        }
        Ok(value)
    };
    let seconds = std::time::Duration::from_secs;
    Ok(HttpSettings {
        body_limit_bytes: number("HTTP_BODY_LIMIT_BYTES")?
            .map_or(defaults.body_limit_bytes, |bytes| {
                usize::try_from(bytes).unwrap_or(usize::MAX)
            }),
        upload_limit_bytes: number("HTTP_UPLOAD_LIMIT_BYTES")?
            .map_or(defaults.upload_limit_bytes, |bytes| {
                usize::try_from(bytes).unwrap_or(usize::MAX)
            }),
        request_timeout: number("HTTP_REQUEST_TIMEOUT_SECONDS")?
            .map_or(defaults.request_timeout, seconds),
        max_in_flight: number("HTTP_MAX_IN_FLIGHT")?.map_or(defaults.max_in_flight, |slots| {
            // Tokio's semaphore holds at most usize::MAX >> 3 permits.
            usize::try_from(slots).unwrap_or(usize::MAX).min(1 << 20)
        }),
        queue_wait: number("HTTP_QUEUE_WAIT_MILLIS")?
            .map_or(defaults.queue_wait, std::time::Duration::from_millis),
        shutdown_grace: number("SHUTDOWN_GRACE_SECONDS")?.map_or(defaults.shutdown_grace, seconds),
    })
}

fn parse_var<T>(var: &'static str, value: &str) -> Result<T, ConfigError>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    value
        .trim()
        .parse()
        .map_err(|error: T::Err| ConfigError::Invalid {
            var,
            reason: format!("`{value}`: {error}"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(vars: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn production_names_every_missing_variable_and_development_needs_none() {
        let error = settings(&[("LEPTOS_ENV", "PROD")]).unwrap_err().to_string();
        assert!(error.contains("STRIPE_SECRET_KEY"), "{error}");
        assert!(error.contains("APP_SECRET"), "{error}");
        let production = settings(&[
            ("LEPTOS_ENV", "prod"),
            (
                "APP_SECRET",
                "a-production-secret-of-enough-length-0123456789",
            ),
            ("STRIPE_SECRET_KEY", "sk_test_config_unit_test"),
            ("STRIPE_WEBHOOK_SECRET", "whsec_config_unit_test"),
        ]);
        assert!(production.is_ok(), "{production:?}");
        assert!(settings(&[("LEPTOS_ENV", "DEV")]).is_ok());
    }

    #[test]
    fn defaults_to_the_embedded_cluster() {
        let settings = settings(&[]).unwrap();
        match settings.database.source {
            DatabaseSource::Embedded(embedded) => {
                assert_eq!(embedded.port, DEFAULT_EMBEDDED_PG_PORT);
                assert_eq!(embedded.database, "luxeverse");
                assert_eq!(embedded.dir, PathBuf::from(".data/postgres"));
            }
            other => panic!("expected the embedded database, got {other:?}"),
        }
        assert_eq!(settings.database.max_connections, 10);
    }

    #[test]
    fn database_url_wins_over_the_embedded_cluster() {
        let settings = settings(&[("DATABASE_URL", "postgres://u:p@db:5432/x")]).unwrap();
        assert!(
            matches!(settings.database.source, DatabaseSource::Url(url) if url == "postgres://u:p@db:5432/x")
        );
    }

    #[test]
    fn base_url_follows_the_listen_address_unless_set() {
        let derived = settings(&[("LEPTOS_SITE_ADDR", "127.0.0.1:4100")]).unwrap();
        assert_eq!(derived.base_url, "http://127.0.0.1:4100");
        let explicit = settings(&[("APP_BASE_URL", "https://luxeverse.example/")]).unwrap();
        assert_eq!(explicit.base_url, "https://luxeverse.example");
    }

    #[test]
    fn request_limits_have_defaults_and_refuse_zero() {
        assert_eq!(settings(&[]).unwrap().http, HttpSettings::default());
        let set = settings(&[
            ("HTTP_BODY_LIMIT_BYTES", "1024"),
            ("HTTP_MAX_IN_FLIGHT", "4"),
            ("HTTP_QUEUE_WAIT_MILLIS", "0"),
        ])
        .unwrap();
        assert_eq!(set.http.body_limit_bytes, 1024);
        assert_eq!(set.http.max_in_flight, 4);
        assert!(set.http.queue_wait.is_zero());
        assert!(settings(&[]).unwrap().trusted_proxies.is_empty());
        let proxies = settings(&[("TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.1")]).unwrap();
        assert_eq!(proxies.trusted_proxies.len(), 2);
        assert!(settings(&[("TRUSTED_PROXIES", "not-an-ip")]).is_err());
        let error = settings(&[("HTTP_MAX_IN_FLIGHT", "0")]).unwrap_err();
        assert!(error.to_string().contains("HTTP_MAX_IN_FLIGHT"), "{error}");
    }

    #[test]
    fn bad_values_name_the_variable() {
        let error = settings(&[("EMBEDDED_PG_PORT", "seventy")]).unwrap_err();
        assert!(error.to_string().contains("EMBEDDED_PG_PORT"), "{error}");
        let error = settings(&[("APP_BASE_URL", "luxeverse.example")]).unwrap_err();
        assert!(error.to_string().contains("APP_BASE_URL"), "{error}");
        let error = settings(&[("LEPTOS_SITE_ADDR", "nowhere")]).unwrap_err();
        assert!(error.to_string().contains("LEPTOS_SITE_ADDR"), "{error}");
    }
}
