//! Rate limits on sign-in, registration, password resets and changes, and verification
//! emails, counted from the audit trail so they hold across server instances and
//! restarts.
//!
//! **Atomic.** [`attempt`] counts the recent attempts and records this one in a single
//! transaction, under advisory locks on the keys it counts by: fifty parallel guesses
//! are counted one after another, so at most the limit's worth get through to a real
//! password check. An attempt is recorded before the check (as a failure); the caller
//! [`forgive`]s it when it succeeds.
//!
//! **Keys.** Attempts are counted per subject (an account, an email address) *from one
//! network*, and per network, never per account alone: guesses from one address cannot
//! lock the owner out from theirs. A network is the IPv4 address, or the IPv6 /64.
//!
//! **Growing delays, not a lock.** Up to `max` attempts in the window are free; after
//! that each further attempt waits for [`BASE_DELAY`] after the previous one, doubling
//! with every attempt, up to the window.

use chrono::{DateTime, Duration, Utc};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, TransactionTrait};

use super::audit::{self, AuditEntry};
use super::{AuthError, RequestContext};

/// A limit: `max` attempts within `window` are free; later ones wait (see the module).
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub max: u64,
    pub window: Duration,
}

/// What attempts are counted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// The attempt's subject, from the client's network.
    SubjectFromNetwork,
    /// Everything from the client's network.
    Network,
}

/// Failed sign-ins (or password-change guesses) against one account from one network.
pub const PER_ACCOUNT: Limit = Limit {
    max: 5,
    window: Duration::minutes(15),
};
/// Failed sign-ins (or registration attempts) from one network.
pub const PER_IP: Limit = Limit {
    max: 20,
    window: Duration::minutes(15),
};

/// The first wait once a limit is reached; it doubles with each further attempt.
pub const BASE_DELAY: Duration = Duration::seconds(30);

/// One attempt to count and record.
pub struct Attempt<'a> {
    pub action: &'static str,
    pub entity_type: &'static str,
    /// The account or address the attempt is about.
    pub subject: Uuid,
    pub actor: Option<Uuid>,
    pub context: &'a RequestContext,
}

/// Refuses with `RateLimited` when a limit is exhausted; otherwise records the attempt
/// and returns its audit row's id. Count and record are one step (see the module).
pub async fn attempt(
    db: &DatabaseConnection,
    attempt: Attempt<'_>,
    limits: &[(Key, Limit)],
) -> Result<Uuid, AuthError> {
    let network = attempt.context.ip_network();
    let txn = db.begin().await?;
    let backend = txn.get_database_backend();
    // Locks in a fixed order, so two attempts never wait on each other's second lock.
    let mut lock_names: Vec<String> = limits
        .iter()
        .map(|(key, _)| lock_name(attempt.action, *key, attempt.subject, network))
        .collect();
    lock_names.sort();
    lock_names.dedup();
    for name in lock_names {
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
            [name.into()],
        ))
        .await?;
    }
    let now = Utc::now();
    let mut longest_wait = None;
    for (key, limit) in limits {
        if *key == Key::Network && network.is_none() {
            continue;
        }
        let row = txn
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                "SELECT count(*) AS attempts, max(created_at) AS latest FROM audit_logs \
                 WHERE action = $1 AND created_at > $2 \
                   AND ($3::uuid IS NULL OR entity_id = $3) \
                   AND (CASE WHEN $4::inet IS NULL THEN ip_address IS NULL \
                        ELSE ip_address <<= $4::inet END)",
                [
                    attempt.action.into(),
                    (now - limit.window).into(),
                    match key {
                        Key::SubjectFromNetwork => Some(attempt.subject),
                        Key::Network => None,
                    }
                    .into(),
                    network.into(),
                ],
            ))
            .await?;
        let (attempts, latest) = match row {
            Some(row) => (
                row.try_get::<i64>("", "attempts")?,
                row.try_get::<Option<DateTimeWithTimeZone>>("", "latest")?,
            ),
            None => (0, None),
        };
        let latest = latest.map(|latest| latest.with_timezone(&Utc));
        if let Some(wait) = wait(*limit, attempts.max(0) as u64, latest, now) {
            longest_wait = longest_wait.max(Some(wait));
        }
    }
    if let Some(wait) = longest_wait {
        return Err(AuthError::RateLimited {
            retry_after_secs: wait.num_seconds().max(1) as u64,
        });
    }
    let id = audit::record_returning_id(
        &txn,
        AuditEntry {
            action: attempt.action,
            actor: attempt.actor,
            entity_type: attempt.entity_type,
            entity_id: attempt.subject,
            old_values: None,
            new_values: None,
            context: attempt.context,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Forgets a recorded attempt that succeeded, so it does not count against the limit.
pub async fn forgive(db: &impl ConnectionTrait, attempt_id: Uuid) -> Result<(), DbErr> {
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        "DELETE FROM audit_logs WHERE id = $1",
        [attempt_id.into()],
    ))
    .await?;
    Ok(())
}

fn lock_name(action: &str, key: Key, subject: Uuid, network: Option<IpNetwork>) -> String {
    let network = network
        .map(|network| network.to_string())
        .unwrap_or_default();
    match key {
        Key::SubjectFromNetwork => format!("rate:{action}:{subject}:{network}"),
        Key::Network => format!("rate:{action}:*:{network}"),
    }
}

/// How long the next attempt must wait, given `attempts` in the window, the latest at
/// `latest`; `None` when it may go ahead now.
pub fn wait(
    limit: Limit,
    attempts: u64,
    latest: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<Duration> {
    if attempts < limit.max {
        return None;
    }
    let doublings = u32::try_from(attempts - limit.max)
        .unwrap_or(u32::MAX)
        .min(20);
    let delay = (BASE_DELAY * 2_i32.pow(doublings)).min(limit.window);
    let allowed_at = latest? + delay;
    (allowed_at > now).then(|| allowed_at - now)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: Limit = Limit {
        max: 5,
        window: Duration::minutes(15),
    };

    #[test]
    fn free_attempts_then_waits_that_double_up_to_the_window() {
        let now = Utc::now();
        assert_eq!(wait(LIMIT, 4, Some(now), now), None);
        assert_eq!(wait(LIMIT, 5, Some(now), now), Some(Duration::seconds(30)));
        assert_eq!(wait(LIMIT, 6, Some(now), now), Some(Duration::seconds(60)));
        assert_eq!(wait(LIMIT, 7, Some(now), now), Some(Duration::seconds(120)));
        assert_eq!(wait(LIMIT, 40, Some(now), now), Some(Duration::minutes(15)));
        // Once the wait has passed, one more attempt may go.
        let earlier = now - Duration::seconds(31);
        assert_eq!(wait(LIMIT, 5, Some(earlier), now), None);
    }
}
