//! Verifying Stripe's `Stripe-Signature` header: `t=<unix seconds>,v1=<hex>[,v1=...]`,
//! where each `v1` is HMAC-SHA256 of `"<t>.<raw body>"` under the endpoint's signing
//! secret. Comparison is constant time; a timestamp outside the tolerance is refused
//! so a captured event cannot be replayed later.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// Stripe's own default tolerance.
pub const DEFAULT_TOLERANCE_SECS: i64 = 300;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SignatureError {
    #[error("the Stripe-Signature header is missing")]
    Missing,
    #[error("the Stripe-Signature header is malformed (expected t=...,v1=...)")]
    Malformed,
    #[error("the Stripe-Signature header is longer than {MAX_HEADER_BYTES} bytes")]
    Oversized,
    #[error("no v1 signature matches the payload")]
    Mismatch,
    #[error("the event was signed {age_secs} s from now, outside the {tolerance_secs} s tolerance")]
    Stale { age_secs: i64, tolerance_secs: i64 },
}

/// The longest `Stripe-Signature` header read. Stripe sends one timestamp and one or two
/// `v1` entries (two while a secret is being rolled); 1 KiB leaves ample room.
pub const MAX_HEADER_BYTES: usize = 1024;

/// At most this many `v1` entries are compared; the rest of a longer header is ignored.
pub const MAX_SIGNATURES: usize = 4;

/// Checks `header` against `payload`; returns the signed timestamp.
///
/// The cost is bounded whatever the header holds: its size is capped, the timestamp is
/// checked before any hashing, the expected MAC is computed once, and only the first
/// [`MAX_SIGNATURES`] `v1` entries are compared with it (in constant time).
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
    if header.len() > MAX_HEADER_BYTES {
        return Err(SignatureError::Oversized);
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
            // Other schemes (v0) are ignored, as Stripe does.
            "v1" if signatures.len() < MAX_SIGNATURES => signatures.push(value),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(SignatureError::Malformed)?;
    let age_secs = now_unix.saturating_sub(timestamp);
    if age_secs.saturating_abs() > tolerance_secs {
        return Err(SignatureError::Stale {
            age_secs,
            tolerance_secs,
        });
    }
    if signatures.is_empty() {
        return Err(SignatureError::Mismatch);
    }
    let mut mac =
        <Hmac<Sha256>>::new_from_slice(secret.as_bytes()).expect("HMAC accepts keys of any length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(payload);
    let expected = mac.finalize().into_bytes();
    // An undecodable v1 cannot match.
    let matches = signatures
        .iter()
        .filter_map(|hex| decode_hex(hex))
        .any(|signature| bool::from(expected.as_slice().ct_eq(&signature)));
    if matches {
        Ok(timestamp)
    } else {
        Err(SignatureError::Mismatch)
    }
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

    #[test]
    fn bounds_the_work_a_header_can_ask_for() {
        let valid = sign(b"{}", "whsec_a", 1000);
        let long = format!("t=1000{}", ",v1=00".repeat(20_000));
        assert_eq!(
            verify(b"{}", &long, "whsec_a", 1000, 300),
            Err(SignatureError::Oversized)
        );
        // A stale timestamp is refused before any MAC is computed.
        assert!(matches!(
            verify(b"{}", "t=1,v1=00", "whsec_a", 1000, 300),
            Err(SignatureError::Stale { .. })
        ));
        // Only the first few v1 entries count: a valid one hidden after them is ignored.
        let hidden = format!(
            "t=1000{},{}",
            ",v1=00".repeat(MAX_SIGNATURES),
            valid.trim_start_matches("t=1000,")
        );
        assert_eq!(
            verify(b"{}", &hidden, "whsec_a", 1000, 300),
            Err(SignatureError::Mismatch)
        );
        let rolled = format!("{valid},v1=00");
        assert_eq!(verify(b"{}", &rolled, "whsec_a", 1000, 300), Ok(1000));
    }
}
