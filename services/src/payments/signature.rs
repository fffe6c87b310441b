//! Verifying Stripe's `Stripe-Signature` header: `t=<unix seconds>,v1=<hex>[,v1=...]`,
//! where each `v1` is HMAC-SHA256 of `"<t>.<raw body>"` under the endpoint's signing
//! secret. Comparison is constant time; a timestamp outside the tolerance is refused
//! so a captured event cannot be replayed later.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Stripe's own default tolerance.
pub const DEFAULT_TOLERANCE_SECS: i64 = 300;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SignatureError {
    #[error("the Stripe-Signature header is missing")]
    Missing,
    #[error("the Stripe-Signature header is malformed (expected t=...,v1=...)")]
    Malformed,
    #[error("no v1 signature matches the payload")]
    Mismatch,
    #[error("the event was signed {age_secs} s from now, outside the {tolerance_secs} s tolerance")]
    Stale { age_secs: i64, tolerance_secs: i64 },
}

/// Checks `header` against `payload`; returns the signed timestamp.
pub fn verify(
    payload: &[u8],
    header: &str,
    secret: &str,
    now_unix: i64,
    tolerance_secs: i64,
) -> Result<i64, SignatureError> {
    if header.trim().is_empty() {
        return Err(SignatureError::Missing);
    }
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        let Some((key, value)) = part.trim().split_once('=') else {
            return Err(SignatureError::Malformed);
        };
        match key {
            "t" => {
                timestamp = Some(
                    value
                        .parse::<i64>()
                        .map_err(|_| SignatureError::Malformed)?,
                )
            }
            // An undecodable v1 cannot match; other schemes (v0) are ignored, as Stripe does.
            "v1" => signatures.extend(decode_hex(value)),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(SignatureError::Malformed)?;
    if signatures.is_empty() {
        return Err(SignatureError::Mismatch);
    }
    let matches = signatures.iter().any(|signature| {
        let mut mac = <Hmac<Sha256>>::new_from_slice(secret.as_bytes())
            .expect("HMAC accepts keys of any length");
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(payload);
        mac.verify_slice(signature).is_ok()
    });
    if !matches {
        return Err(SignatureError::Mismatch);
    }
    let age_secs = now_unix - timestamp;
    if age_secs.abs() > tolerance_secs {
        return Err(SignatureError::Stale {
            age_secs,
            tolerance_secs,
        });
    }
    Ok(timestamp)
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stripe's documented construction, computed independently of `verify`.
    fn sign(payload: &[u8], secret: &str, t: i64) -> String {
        let mut mac = <Hmac<Sha256>>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(format!("{t}.").as_bytes());
        mac.update(payload);
        let hex: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        format!("t={t},v1={hex}")
    }

    #[test]
    fn accepts_a_fresh_valid_signature_among_others() {
        let header = sign(b"{}", "whsec_a", 1000);
        assert_eq!(verify(b"{}", &header, "whsec_a", 1100, 300), Ok(1000));
        let with_extra = format!("{header},v1=00ff,v0=abc");
        assert_eq!(verify(b"{}", &with_extra, "whsec_a", 1000, 300), Ok(1000));
    }

    #[test]
    fn refuses_wrong_secret_body_stale_and_garbage() {
        let header = sign(b"{}", "whsec_a", 1000);
        assert_eq!(
            verify(b"{}", &header, "whsec_b", 1000, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(b"{ }", &header, "whsec_a", 1000, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(b"{}", &header, "whsec_a", 1301, 300),
            Err(SignatureError::Stale {
                age_secs: 301,
                tolerance_secs: 300
            })
        );
        assert_eq!(
            verify(b"{}", "", "whsec_a", 1000, 300),
            Err(SignatureError::Missing)
        );
        assert_eq!(
            verify(b"{}", "nonsense", "whsec_a", 1000, 300),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify(b"{}", "v1=abcd", "whsec_a", 1000, 300),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify(b"{}", "t=1000", "whsec_a", 1000, 300),
            Err(SignatureError::Mismatch)
        );
    }
}
