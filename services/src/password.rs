//! Password hashing with argon2id (the `argon2` crate's defaults: 19 MiB, 2 passes),
//! stored as PHC strings so parameters can be raised later without breaking old hashes.
//!
//! Hashing takes tens of milliseconds of CPU, so services call [`hash`] and [`verify`]:
//! they run on Tokio's blocking threads, at most one per core at a time, so a burst of
//! sign-ins queues there and never stalls the async workers that render pages.

use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};

#[derive(Debug, thiserror::Error)]
#[error("could not hash the password: {0}")]
pub struct HashError(String);

/// Hashes a password with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| HashError(error.to_string()))
}

/// Whether `password` matches a stored PHC hash. A malformed hash never matches.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|hash| {
            Argon2::default()
                .verify_password(password.as_bytes(), &hash)
                .is_ok()
        })
        .unwrap_or(false)
}

/// At most this many hashes run at once (one per core); the rest wait their turn.
static HASHING_SLOTS: std::sync::LazyLock<tokio::sync::Semaphore> =
    std::sync::LazyLock::new(|| {
        tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
    });

/// Runs CPU-heavy `work` on a blocking thread, within the hashing slots.
async fn off_the_workers<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, HashError> {
    let _slot = HASHING_SLOTS
        .acquire()
        .await
        .map_err(|error| HashError(error.to_string()))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|error| HashError(error.to_string()))
}

/// [`hash_password`], off the async workers.
pub async fn hash(password: &str) -> Result<String, HashError> {
    let password = password.to_owned();
    off_the_workers(move || hash_password(&password)).await?
}

/// [`verify_password`], off the async workers.
pub async fn verify(password: &str, stored: &str) -> bool {
    let (password, stored) = (password.to_owned(), stored.to_owned());
    off_the_workers(move || verify_password(&password, &stored))
        .await
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_only_its_own_password() {
        let hash = hash_password("Silk-and-Cashmere-2026").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(verify_password("Silk-and-Cashmere-2026", &hash));
        assert!(!verify_password("silk-and-cashmere-2026", &hash));
    }

    #[test]
    fn the_same_password_hashes_differently_each_time() {
        assert_ne!(
            hash_password("same").unwrap(),
            hash_password("same").unwrap()
        );
    }

    #[test]
    fn malformed_hashes_never_match() {
        assert!(!verify_password("anything", "not-a-phc-string"));
        assert!(!verify_password("", ""));
    }
}
