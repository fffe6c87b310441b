//! Background jobs that run beside the HTTP server.

use std::time::Duration;

use sea_orm::DatabaseConnection;
use services::inventory;
use tokio::task::JoinHandle;

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

/// Releases the stock of orders left unpaid past the hold time, every `every`, for as long
/// as the server runs. A failed sweep is logged and retried at the next tick.
pub fn spawn_reservation_sweeper(db: DatabaseConnection, hold: ReservationHold) -> JoinHandle<()> {
    tokio::spawn(async move {
        let older_than = match chrono::Duration::from_std(hold.hold) {
            Ok(duration) => duration,
            Err(error) => {
                tracing::error!(%error, "the inventory hold time is out of range; no sweeper");
                return;
            }
        };
        let mut ticks = tokio::time::interval(hold.every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match inventory::release_expired(&db, older_than).await {
                Ok(0) => {}
                Ok(released) => {
                    tracing::info!(
                        released,
                        "released the stock of unpaid orders past their hold"
                    );
                }
                Err(error) => tracing::warn!(%error, "reservation sweep failed"),
            }
        }
    })
}
