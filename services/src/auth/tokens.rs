//! Signed, expiring links for email verification and password reset. A token is
//! `base64url(payload).base64url(HMAC-SHA256(secret, payload))`; the payload binds the
//! purpose, the user, the expiry and a fingerprint of what the link may change (the
//! email for verification, the current password hash for a reset, so a reset link
//! stops working once used).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use uuid::Uuid;

type HmacSha256 = Hmac<Sha256>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    ResetPassword,
}

impl Purpose {
    fn tag(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify",
            Purpose::ResetPassword => "reset",
        }
    }

    /// How long a link stays valid.
    pub fn lifetime(self) -> Duration {
        match self {
            Purpose::VerifyEmail => Duration::days(3),
            Purpose::ResetPassword => Duration::hours(1),
        }
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("This link is not valid. Please request a new one.")]
    Invalid,
    #[error("This link has expired. Please request a new one.")]
    Expired,
    #[error("This link has already been used. Please request a new one.")]
    Used,
}

impl TokenError {
    pub fn refusal(&self) -> domain::Refusal {
        match self {
            TokenError::Invalid => domain::Refusal::LinkInvalid,
            TokenError::Expired => domain::Refusal::LinkExpired,
            TokenError::Used => domain::Refusal::LinkUsed,
        }
    }
}

/// Signs and checks tokens with the server's secret (`APP_SECRET`).
#[derive(Clone)]
pub struct TokenSigner {
    key: [u8; 32],
}

impl std::fmt::Debug for TokenSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenSigner(***)")
    }
}

fn fingerprint(binding: &str) -> String {
    Sha256::digest(binding.as_bytes())
        .iter()
        .take(12)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

impl TokenSigner {
    /// Derives the signing key from the configured secret.
    pub fn new(secret: &str) -> Self {
        let mut key = [0u8; 32];
        key.copy_from_slice(&Sha256::digest(
            format!("luxeverse-links:{secret}").as_bytes(),
        ));
        TokenSigner { key }
    }

    fn mac(&self, payload: &[u8]) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(payload);
        mac
    }

    pub fn issue(&self, purpose: Purpose, user: Uuid, binding: &str, now: DateTime<Utc>) -> String {
        let expires = (now + purpose.lifetime()).timestamp();
        let payload = format!(
            "{}:{user}:{expires}:{}",
            purpose.tag(),
            fingerprint(binding)
        );
        let signature = self.mac(payload.as_bytes()).finalize().into_bytes();
        format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(payload),
            URL_SAFE_NO_PAD.encode(signature)
        )
    }

    /// Opens a genuine, unexpired token for `purpose`. The caller then checks that
    /// what the token is bound to has not changed ([`Claims::binds`]).
    pub fn open(
        &self,
        token: &str,
        purpose: Purpose,
        now: DateTime<Utc>,
    ) -> Result<Claims, TokenError> {
        let (payload, signature) = token.trim().split_once('.').ok_or(TokenError::Invalid)?;
        let payload = URL_SAFE_NO_PAD
            .decode(payload)
            .map_err(|_| TokenError::Invalid)?;
        let signature = URL_SAFE_NO_PAD
            .decode(signature)
            .map_err(|_| TokenError::Invalid)?;
        self.mac(&payload)
            .verify_slice(&signature)
            .map_err(|_| TokenError::Invalid)?;
        let payload = String::from_utf8(payload).map_err(|_| TokenError::Invalid)?;
        let mut parts = payload.split(':');
        let (Some(tag), Some(user), Some(expires), Some(print), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return Err(TokenError::Invalid);
        };
        if tag != purpose.tag() {
            return Err(TokenError::Invalid);
        }
        let user = Uuid::parse_str(user).map_err(|_| TokenError::Invalid)?;
        let expires: i64 = expires.parse().map_err(|_| TokenError::Invalid)?;
        if now.timestamp() > expires {
            return Err(TokenError::Expired);
        }
        Ok(Claims {
            user,
            fingerprint: print.to_string(),
        })
    }
}

impl TokenSigner {
    /// Signs `value` so it can travel through the browser (a cookie) unaltered.
    pub fn seal(&self, value: &str) -> String {
        let signature = self.mac(value.as_bytes()).finalize().into_bytes();
        format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(value),
            URL_SAFE_NO_PAD.encode(signature)
        )
    }

    /// The value `seal` signed, if the signature is ours.
    pub fn unseal(&self, sealed: &str) -> Option<String> {
        let (value, signature) = sealed.split_once('.')?;
        let value = URL_SAFE_NO_PAD.decode(value).ok()?;
        let signature = URL_SAFE_NO_PAD.decode(signature).ok()?;
        self.mac(&value).verify_slice(&signature).ok()?;
        String::from_utf8(value).ok()
    }
}

/// What a genuine token says.
#[derive(Debug)]
pub struct Claims {
    pub user: Uuid,
    fingerprint: String,
}

impl Claims {
    /// Whether the token was issued for this value of what it is bound to.
    pub fn binds(&self, binding: &str) -> Result<(), TokenError> {
        if fingerprint(binding) == self.fingerprint {
            Ok(())
        } else {
            Err(TokenError::Used)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer() -> TokenSigner {
        TokenSigner::new("test secret")
    }

    #[test]
    fn a_fresh_token_checks_out_for_its_purpose_only() {
        let user = Uuid::new_v4();
        let now = Utc::now();
        let token = signer().issue(Purpose::ResetPassword, user, "hash-1", now);
        let claims = signer().open(&token, Purpose::ResetPassword, now).unwrap();
        assert_eq!(claims.user, user);
        assert_eq!(claims.binds("hash-1"), Ok(()));
        assert_eq!(
            signer()
                .open(&token, Purpose::VerifyEmail, now)
                .unwrap_err(),
            TokenError::Invalid
        );
    }

    #[test]
    fn sealed_values_open_only_untampered() {
        let sealed = signer().seal("{\"provider\":\"github\"}");
        assert_eq!(
            signer().unseal(&sealed).as_deref(),
            Some("{\"provider\":\"github\"}")
        );
        assert_eq!(TokenSigner::new("other").unseal(&sealed), None);
        assert_eq!(signer().unseal(&sealed.replacen('e', "f", 1)), None);
        assert_eq!(signer().unseal("no-dot"), None);
    }

    #[test]
    fn expired_tampered_foreign_and_used_tokens_are_refused() {
        let user = Uuid::new_v4();
        let now = Utc::now();
        let token = signer().issue(Purpose::ResetPassword, user, "hash-1", now);
        let later = now + Duration::hours(2);
        assert_eq!(
            signer()
                .open(&token, Purpose::ResetPassword, later)
                .unwrap_err(),
            TokenError::Expired
        );
        let claims = signer().open(&token, Purpose::ResetPassword, now).unwrap();
        assert_eq!(claims.binds("hash-2"), Err(TokenError::Used));
        let other = TokenSigner::new("another secret");
        assert_eq!(
            other.open(&token, Purpose::ResetPassword, now).unwrap_err(),
            TokenError::Invalid
        );
        let mut tampered = token.clone();
        tampered.insert(3, 'x');
        assert_eq!(
            signer()
                .open(&tampered, Purpose::ResetPassword, now)
                .unwrap_err(),
            TokenError::Invalid
        );
        assert_eq!(
            signer()
                .open("garbage", Purpose::ResetPassword, now)
                .unwrap_err(),
            TokenError::Invalid
        );
    }
}
