//! Analytics written behind the request: product views and search logs are queued in
//! memory and written in batches (one transaction a second, or sooner when a batch fills),
//! so a product page or a search costs no database write of its own.
//!
//! Each server instance has its own queue and writes only what it queued, so two instances
//! on one database never write a row twice. A crash loses at most the last second of
//! analytics, never a half-written batch; a clean shutdown writes what is queued. The queue
//! is bounded: past [`MAX_PENDING`] rows of a kind, new ones are dropped (and counted in
//! the log) rather than grow memory without limit.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use sea_orm::prelude::*;
use sea_orm::{DatabaseConnection, TransactionSession, TransactionTrait};
use tokio::sync::Notify;

use crate::catalog::product::write_views;
use crate::catalog::search::write_search_logs;

/// Rows of one kind that fill a batch: the writer wakes at once.
pub const BATCH: usize = 500;
/// Rows of one kind held at most while the database is slow or down.
pub const MAX_PENDING: usize = 20_000;
/// How often the writer writes what is queued.
pub const FLUSH_EVERY: Duration = Duration::from_secs(1);

/// `product_views.source` is varchar(50).
const SOURCE_MAX_CHARS: usize = 50;

/// One view of a product page.
#[derive(Clone, Debug, PartialEq)]
pub struct ProductView {
    pub id: Uuid,
    pub product_id: Uuid,
    pub user_id: Option<Uuid>,
    pub session_id: Option<Uuid>,
    /// The referrer, cut to the column's 50 characters.
    pub source: Option<String>,
    /// The recommendation row the shopper came from (its `ai_interactions` impression).
    pub recommendation_id: Option<Uuid>,
}

impl ProductView {
    /// A view of `product_id`; a blank referrer is none.
    pub fn new(
        product_id: Uuid,
        user_id: Option<Uuid>,
        session_id: Option<Uuid>,
        referrer: Option<&str>,
    ) -> Self {
        ProductView {
            id: Uuid::new_v4(),
            product_id,
            user_id,
            session_id,
            source: referrer
                .map(str::trim)
                .filter(|referrer| !referrer.is_empty())
                .map(|referrer| referrer.chars().take(SOURCE_MAX_CHARS).collect()),
            recommendation_id: None,
        }
    }

    /// This view as a click on a recommendation row: `source` names the row, the
    /// impression id the answer that showed the piece.
    pub fn from_recommendation(mut self, source: &str, impression: Uuid) -> Self {
        self.source = Some(source.chars().take(SOURCE_MAX_CHARS).collect());
        self.recommendation_id = Some(impression);
        self
    }
}

/// One search, as `search_logs` keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchLog {
    pub id: Uuid,
    pub user_id: Option<Uuid>,
    pub session_id: Option<Uuid>,
    pub query: String,
    pub filters: Option<Json>,
    pub results_count: i32,
    pub response_time_ms: i32,
    pub method: String,
}

#[derive(Default)]
struct Pending {
    views: Vec<ProductView>,
    searches: Vec<SearchLog>,
    dropped: u64,
}

/// The queue of analytics rows not yet written (cheap to clone: one queue per server).
#[derive(Clone, Default)]
pub struct Analytics {
    pending: Arc<Mutex<Pending>>,
    wake: Arc<Notify>,
}

impl std::fmt::Debug for Analytics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pending = self.lock();
        f.debug_struct("Analytics")
            .field("views", &pending.views.len())
            .field("searches", &pending.searches.len())
            .finish()
    }
}

/// What one [`Analytics::flush`] wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flushed {
    pub views: usize,
    pub searches: usize,
}

impl Analytics {
    /// Queues a product view.
    pub fn view(&self, view: ProductView) {
        self.queue(|pending| &mut pending.views, view);
    }

    /// Queues a search's log row.
    pub fn search(&self, log: SearchLog) {
        self.queue(|pending| &mut pending.searches, log);
    }

    /// Adds `row` to one of the queues, waking the writer when a batch is full.
    fn queue<T>(&self, which: impl FnOnce(&mut Pending) -> &mut Vec<T>, row: T) {
        let full = {
            let mut guard = self.lock();
            let pending = &mut *guard;
            let queue = which(pending);
            if queue.len() >= MAX_PENDING {
                pending.dropped += 1;
                return;
            }
            queue.push(row);
            queue.len() >= BATCH
        };
        if full {
            self.wake.notify_one();
        }
    }

    /// Whether the search log `id` is queued and not yet written.
    pub fn is_pending(&self, id: Uuid) -> bool {
        self.lock().searches.iter().any(|log| log.id == id)
    }

    /// Writes everything queued in one transaction. On failure the rows go back to the
    /// front of the queue (within its bound) for the next attempt.
    pub async fn flush(&self, db: &impl TransactionTrait) -> Result<Flushed, DbErr> {
        let (views, searches, dropped) = {
            let mut pending = self.lock();
            (
                std::mem::take(&mut pending.views),
                std::mem::take(&mut pending.searches),
                std::mem::take(&mut pending.dropped),
            )
        };
        if dropped > 0 {
            tracing::warn!(dropped, "analytics queue was full; rows were dropped");
        }
        if views.is_empty() && searches.is_empty() {
            return Ok(Flushed::default());
        }
        match write(db, &views, &searches).await {
            Ok(()) => Ok(Flushed {
                views: views.len(),
                searches: searches.len(),
            }),
            Err(error) => {
                let mut pending = self.lock();
                requeue(&mut pending.views, views);
                requeue(&mut pending.searches, searches);
                Err(error)
            }
        }
    }

    /// Writes the queue every [`FLUSH_EVERY`], or as soon as a batch fills; runs until
    /// the task is aborted (the server writes what is left when it stops).
    pub async fn run(self, db: DatabaseConnection) {
        loop {
            tokio::select! {
                () = tokio::time::sleep(FLUSH_EVERY) => {}
                () = self.wake.notified() => {}
            }
            if let Err(error) = self.flush(&db).await {
                tracing::warn!(%error, "could not write analytics; retrying");
            }
        }
    }

    fn lock(&self) -> MutexGuard<'_, Pending> {
        self.pending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// `rows` rows of numbered placeholders, one cast per column:
/// `($1::uuid, $2::text), ($3::uuid, $4::text)` for `["uuid", "text"]` and 2 rows.
pub(crate) fn placeholder_rows(casts: &[&str], rows: usize) -> String {
    (0..rows)
        .map(|row| {
            let cells: Vec<String> = casts
                .iter()
                .enumerate()
                .map(|(column, cast)| format!("${}::{cast}", row * casts.len() + column + 1))
                .collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Puts `failed` back before what was queued since, keeping the newest within the bound.
fn requeue<T>(queue: &mut Vec<T>, mut failed: Vec<T>) {
    failed.append(queue);
    let excess = failed.len().saturating_sub(MAX_PENDING);
    failed.drain(..excess);
    *queue = failed;
}

async fn write(
    db: &impl TransactionTrait,
    views: &[ProductView],
    searches: &[SearchLog],
) -> Result<(), DbErr> {
    let txn = db.begin().await?;
    // Analytics, not a promise to anyone: the commit does not wait for the WAL flush, so a
    // crash may lose the last moment of rows, never leave them half-written.
    txn.execute_unprepared("SET LOCAL synchronous_commit = off")
        .await?;
    write_views(&txn, views).await?;
    write_search_logs(&txn, searches).await?;
    txn.commit().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referrers_are_cut_to_whole_characters_and_blank_ones_dropped() {
        let id = Uuid::new_v4();
        let long = "é".repeat(60);
        let view = ProductView::new(id, None, None, Some(&long));
        assert_eq!(view.source.unwrap().chars().count(), SOURCE_MAX_CHARS);
        assert_eq!(ProductView::new(id, None, None, Some("  ")).source, None);
        assert_eq!(
            ProductView::new(id, None, None, Some("https://a.example/")).source,
            Some("https://a.example/".into())
        );
    }

    #[test]
    fn placeholders_are_numbered_across_rows() {
        assert_eq!(
            placeholder_rows(&["uuid", "text"], 2),
            "($1::uuid, $2::text), ($3::uuid, $4::text)"
        );
        assert_eq!(placeholder_rows(&["int"], 0), "");
    }

    #[test]
    fn a_full_queue_drops_new_rows_and_counts_them() {
        let analytics = Analytics::default();
        let id = Uuid::new_v4();
        for _ in 0..MAX_PENDING + 3 {
            analytics.view(ProductView::new(id, None, None, None));
        }
        let pending = analytics.lock();
        assert_eq!(pending.views.len(), MAX_PENDING);
        assert_eq!(pending.dropped, 3);
    }

    #[test]
    fn failed_rows_go_back_first_and_the_oldest_give_way() {
        let mut queue: Vec<usize> = (MAX_PENDING..MAX_PENDING + 10).collect();
        requeue(&mut queue, (0..MAX_PENDING).collect());
        assert_eq!(queue.len(), MAX_PENDING);
        assert_eq!(queue.first(), Some(&10));
        assert_eq!(queue.last(), Some(&(MAX_PENDING + 9)));
    }
}
