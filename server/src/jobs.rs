//! Background jobs that run beside the HTTP server, on a timer each. Every job is safe
//! with several servers on one database and idempotent, so a run that fails or overlaps
//! another server's does no harm:
//!
//! - the reservation sweeper locks each expired order with `FOR NO KEY UPDATE SKIP
//!   LOCKED` and re-checks it under the lock, so an order is cancelled (and its stock
//!   released) once, by whichever server gets it;
//! - the guest clean-up takes a transaction-level advisory lock; a second server
//!   skips the run;
//! - the notification outbox sends each shopper's emails under an advisory lock on
//!   that shopper and marks them sent in the same transaction
//!   ([`services::notifications::outbox`]);
//! - the wishlist alert sweep locks each saved piece it alerts on `FOR UPDATE SKIP
//!   LOCKED` and alerts once per change ([`services::wishlists::alerts`]).

use std::future::Future;
use std::time::Duration;

use services::Services;
use services::auth::guests;
use services::inventory;
use services::notifications::outbox::Outbox;
use tokio::task::JoinSet;

/// How long an order may hold stock while awaiting payment, and how often to look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReservationHold {
    /// `INVENTORY_HOLD_MINUTES`: orders still unpaid after this are cancelled and their
    /// stock released.
    pub hold: Duration,
    /// `INVENTORY_SWEEP_SECONDS`: the pause between two sweeps.
    pub every: Duration,
}

impl Default for ReservationHold {
    fn default() -> Self {
        ReservationHold {
            hold: Duration::from_secs(30 * 60),
            every: Duration::from_secs(60),
        }
    }
}

/// How long a guest who never ordered is kept after its last visit, and how often to look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GuestRetention {
    /// `GUEST_RETENTION_DAYS` (default 30).
    pub keep: Duration,
    /// `GUEST_CLEANUP_SECONDS` (default an hour).
    pub every: Duration,
}

impl Default for GuestRetention {
    fn default() -> Self {
        GuestRetention {
            keep: Duration::from_secs(30 * 24 * 3600),
            every: Duration::from_secs(3600),
        }
    }
}

/// How often notification emails go out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotificationSchedule {
    /// `NOTIFICATION_EMAIL_SECONDS` (default 30): the pause between two outbox runs.
    pub emails_every: Duration,
    /// `ALERT_SWEEP_SECONDS` (default 300): the pause between two sweeps of saved pieces
    /// for price drops and restocks (changes made through the store alert at once).
    pub alerts_every: Duration,
}

impl Default for NotificationSchedule {
    fn default() -> Self {
        NotificationSchedule {
            emails_every: Duration::from_secs(30),
            alerts_every: Duration::from_secs(300),
        }
    }
}

/// Starts every job; aborting the set stops them.
pub fn spawn_all(
    services: Services,
    hold: ReservationHold,
    guests: GuestRetention,
    notifications: NotificationSchedule,
) -> JoinSet<()> {
    let mut jobs = JoinSet::new();
    let db = services.db.clone();
    jobs.spawn(every(
        notifications.emails_every,
        "notification emails",
        move || {
            let services = services.clone();
            async move {
                let outbox = Outbox {
                    db: &services.db,
                    mailer: &services.mailer,
                    signer: &services.signer,
                    base_url: &services.base_url,
                };
                let sent = outbox.run(chrono::Utc::now()).await?;
                if sent.emails > 0 {
                    tracing::info!(emails = sent.emails, "sent notification emails");
                }
                Ok::<_, sea_orm::DbErr>(())
            }
        },
    ));
    match chrono::Duration::from_std(hold.hold) {
        Ok(older_than) => {
            let db = db.clone();
            jobs.spawn(every(hold.every, "reservation sweep", move || {
                let db = db.clone();
                async move {
                    let released = inventory::release_expired(&db, older_than).await?;
                    if released > 0 {
                        tracing::info!(
                            released,
                            "released the stock of unpaid orders past their hold"
                        );
                    }
                    Ok::<_, inventory::InventoryError>(())
                }
            }));
        }
        Err(error) => {
            tracing::error!(%error, "the inventory hold time is out of range; no sweeper")
        }
    }
    match chrono::Duration::from_std(guests.keep) {
        Ok(retention) => {
            jobs.spawn(every(guests.every, "guest clean-up", move || {
                let db = db.clone();
                async move {
                    match guests::remove_stale(&db, retention, chrono::Utc::now()).await? {
                        Some(removed) if removed.guests > 0 => {
                            tracing::info!(removed = removed.guests, "removed stale guests");
                        }
                        Some(_) => {}
                        None => tracing::debug!("another server is cleaning up guests"),
                    }
                    Ok::<_, sea_orm::DbErr>(())
                }
            }));
        }
        Err(error) => tracing::error!(%error, "the guest retention is out of range; no clean-up"),
    }
    jobs
}

/// Runs `job` every `period` for as long as the server runs; a failed run is logged and
/// the next tick tries again.
async fn every<F, Fut, E>(period: Duration, name: &'static str, job: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: std::fmt::Display,
{
    let mut ticks = tokio::time::interval(period);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if let Err(error) = job().await {
            tracing::warn!(%error, job = name, "background job failed");
        }
    }
}
