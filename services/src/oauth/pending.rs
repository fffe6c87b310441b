//! A sign-in in flight: what the caller keeps between the start of a sign-in and its
//! callback, and the checks made on it before any network call.

use std::fmt;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use super::PENDING_LOGIN_TTL;

/// A sign-in in flight, between [`super::OAuthProviders::begin`] and
/// [`super::OAuthProviders::complete`].
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::test_support::*;

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
}
