//! Guests left behind. Every visitor who fills a bag without an account gets a `GUEST`
//! user and a session ([`super::sessions::start_guest`]); most never come back. A guest
//! who never ordered and has not used the store for the retention age is deleted with
//! its sessions and bag (the schema cascades them); its product views, searches and
//! audit entries are kept for the catalogue's statistics, without the link to it.
//!
//! A session is renewed each time it is used, so its last use is its expiry minus
//! [`SESSION_TTL`] (to within a day). Safe to run from several servers at once: a run
//! takes a transaction-level advisory lock and a second run at the same moment skips.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, Statement, TransactionTrait};

use super::sessions::SESSION_TTL;

/// The advisory lock key of this job ("lvguests" in ASCII).
const LOCK_KEY: i64 = 0x6c76_6775_6573_7473;

/// At most this many guests go per run, so one run never holds locks for long.
pub const BATCH: i64 = 1_000;

/// What one clean-up run removed; `None` when another server was already running it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    pub guests: u64,
}

/// Deletes up to [`BATCH`] guests with no order and no use since `now - retention`.
pub async fn remove_stale(
    db: &DatabaseConnection,
    retention: Duration,
    now: DateTime<Utc>,
) -> Result<Option<Removed>, DbErr> {
    let txn = db.begin().await?;
    let backend = txn.get_database_backend();
    let locked = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            "SELECT pg_try_advisory_xact_lock($1) AS locked",
            [LOCK_KEY.into()],
        ))
        .await?
        .map(|row| row.try_get::<bool>("", "locked"))
        .transpose()?
        .unwrap_or(false);
    if !locked {
        return Ok(None);
    }
    let cutoff = now - retention;
    // A session last used before the cutoff expires before this.
    let used_since = cutoff + SESSION_TTL;
    txn.execute_raw(Statement::from_sql_and_values(
        backend,
        "CREATE TEMPORARY TABLE stale_guests ON COMMIT DROP AS \
         SELECT u.id FROM users u \
         WHERE u.role = 'GUEST' AND u.created_at < $1 \
           AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id) \
           AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id AND s.expires_at > $2) \
         ORDER BY u.created_at LIMIT $3",
        [cutoff.into(), used_since.into(), BATCH.into()],
    ))
    .await?;
    for unlink in [
        "UPDATE product_views SET user_id = NULL WHERE user_id IN (SELECT id FROM stale_guests)",
        "UPDATE product_views SET session_id = NULL WHERE session_id IN \
         (SELECT s.id FROM sessions s JOIN stale_guests g ON s.user_id = g.id)",
        "UPDATE search_logs SET user_id = NULL WHERE user_id IN (SELECT id FROM stale_guests)",
        "UPDATE search_logs SET session_id = NULL WHERE session_id IN \
         (SELECT s.id FROM sessions s JOIN stale_guests g ON s.user_id = g.id)",
        "UPDATE audit_logs SET user_id = NULL WHERE user_id IN (SELECT id FROM stale_guests)",
    ] {
        txn.execute_unprepared(unlink).await?;
    }
    let deleted = txn
        .execute_unprepared("DELETE FROM users WHERE id IN (SELECT id FROM stale_guests)")
        .await?
        .rows_affected();
    txn.commit().await?;
    Ok(Some(Removed { guests: deleted }))
}
