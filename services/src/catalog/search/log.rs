//! The analytics trail of searches: one `search_logs` row per search, and the first
//! result the shopper opened from it.

use sea_orm::prelude::Uuid;
use sea_orm::{ConnectionTrait, DbErr, Statement, TransactionSession, TransactionTrait};

use super::SearchQuery;

/// Writes the search's `search_logs` row and returns its id. The row is analytics, so its
/// commit does not wait for the WAL flush (`synchronous_commit = off` for this transaction
/// only): a crash may lose the last fraction of a second of logs, never corrupt them, and
/// no search waits on a disk flush.
pub(super) async fn log_search(
    db: &(impl ConnectionTrait + TransactionTrait),
    query: &SearchQuery,
    text: &str,
    total: u64,
    response_time_ms: i32,
    method: &str,
) -> Result<Uuid, DbErr> {
    let id = Uuid::new_v4();
    let filters = query
        .filters
        .to_json()
        .filter(|_| !query.filters.is_empty());
    let txn = db.begin().await?;
    txn.execute_unprepared("SET LOCAL synchronous_commit = off")
        .await?;
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "INSERT INTO search_logs (id, user_id, session_id, query, filters, results_count, \
         response_time_ms, search_method) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        [
            id.into(),
            query.user_id.into(),
            query.session_id.into(),
            text.to_string().into(),
            filters.into(),
            (total.min(i32::MAX as u64) as i32).into(),
            response_time_ms.into(),
            method.to_string().into(),
        ],
    ))
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Records that the shopper opened `product_id` from the results of search `log_id`, at
/// `position` (1-based) when known. Only the first click of a search is kept; returns
/// whether this one was recorded (false for an unknown log or product, or a second click).
pub async fn record_search_click(
    db: &impl ConnectionTrait,
    log_id: Uuid,
    product_id: Uuid,
    position: Option<i32>,
) -> Result<bool, DbErr> {
    let result = db
        .execute_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "UPDATE search_logs SET clicked_product_id = $2, clicked_position = $3 \
             WHERE id = $1 AND clicked_product_id IS NULL \
             AND EXISTS (SELECT 1 FROM products WHERE id = $2)",
            [
                log_id.into(),
                product_id.into(),
                position.filter(|position| *position > 0).into(),
            ],
        ))
        .await?;
    Ok(result.rows_affected() == 1)
}
