//! The password policy for new passwords. Length over complexity rules (NIST 800-63B):
//! at least 10 characters, at most 128, not a well-known password, not the email.

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize,
)]
pub enum PasswordError {
    #[error("Choose a password.")]
    Empty,
    #[error("Use at least 10 characters.")]
    TooShort,
    #[error("Use at most 128 characters.")]
    TooLong,
    #[error("That password is too easy to guess; try a short phrase instead.")]
    TooCommon,
    #[error("Your password must not contain your email address.")]
    ContainsEmail,
}

/// A password that meets the policy. Never logged, never serialised.
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

const MIN_LEN: usize = 10;
const MAX_LEN: usize = 128;

/// Passwords that length alone would let through.
const COMMON: [&str; 12] = [
    "password123",
    "1234567890",
    "0123456789",
    "qwertyuiop",
    "password1!",
    "iloveyou12",
    "letmein123",
    "welcome123",
    "abcdefghij",
    "aaaaaaaaaa",
    "luxeverse1",
    "passw0rd12",
];

impl NewPassword {
    /// Checks `input` against the policy; `email_local_part` is the part of the shopper's
    /// email before the `@`, if known.
    pub fn parse(input: &str, email_local_part: Option<&str>) -> Result<Self, PasswordError> {
        if input.is_empty() {
            return Err(PasswordError::Empty);
        }
        let length = input.chars().count();
        if length < MIN_LEN {
            return Err(PasswordError::TooShort);
        }
        if length > MAX_LEN {
            return Err(PasswordError::TooLong);
        }
        let lowered = input.to_lowercase();
        let distinct = lowered
            .chars()
            .collect::<std::collections::HashSet<_>>()
            .len();
        if COMMON.contains(&lowered.as_str()) || distinct < 4 {
            return Err(PasswordError::TooCommon);
        }
        if let Some(local) = email_local_part
            && local.chars().count() >= 3
            && lowered.contains(&local.to_lowercase())
        {
            return Err(PasswordError::ContainsEmail);
        }
        Ok(NewPassword(input.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_phrase_is_accepted() {
        assert!(NewPassword::parse("velvet evenings in florence", Some("ada")).is_ok());
    }

    #[test]
    fn each_rule_gives_its_own_message() {
        assert_eq!(
            NewPassword::parse("", None).unwrap_err(),
            PasswordError::Empty
        );
        assert_eq!(
            NewPassword::parse("short", None).unwrap_err(),
            PasswordError::TooShort
        );
        assert_eq!(
            NewPassword::parse(&"x1".repeat(65), None).unwrap_err(),
            PasswordError::TooLong
        );
        assert_eq!(
            NewPassword::parse("Password123", None).unwrap_err(),
            PasswordError::TooCommon
        );
        assert_eq!(
            NewPassword::parse("abababababab", None).unwrap_err(),
            PasswordError::TooCommon
        );
        assert_eq!(
            NewPassword::parse("my-name-is-ada.lovelace", Some("ada.lovelace")).unwrap_err(),
            PasswordError::ContainsEmail
        );
    }

    #[test]
    fn the_password_never_shows_in_debug_output() {
        let password = NewPassword::parse("velvet evenings", None).unwrap();
        assert_eq!(format!("{password:?}"), "NewPassword(***)");
    }
}
