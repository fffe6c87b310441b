//! The analytics trail of searches: one `search_logs` row per search (queued, then written
//! in batches by `crate::analytics`), and the first result the shopper opened from it.

use sea_orm::prelude::Uuid;
use sea_orm::{ConnectionTrait, DbErr, Statement};

use super::SearchQuery;
use crate::analytics::{BATCH, SearchLog, placeholder_rows};

/// The search's `search_logs` row, for the analytics queue to write.
pub(super) fn search_log(
    query: &SearchQuery,
    text: &str,
    total: u64,
    response_time_ms: i32,
    method: &str,
) -> SearchLog {
    SearchLog {
        id: Uuid::new_v4(),
        user_id: query.user_id,
        session_id: query.session_id,
        query: text.to_string(),
        filters: query
            .filters
            .to_json()
            .filter(|_| !query.filters.is_empty()),
        results_count: total.min(i32::MAX as u64) as i32,
        response_time_ms,
        method: method.to_string(),
    }
}

/// Writes a batch of `search_logs` rows (in chunks of [`BATCH`]); a user or session since
/// deleted is written as none, a row already written is left alone.
pub async fn write_search_logs(db: &impl ConnectionTrait, logs: &[SearchLog]) -> Result<(), DbErr> {
    const CASTS: [&str; 8] = [
        "uuid", "uuid", "uuid", "text", "jsonb", "int", "int", "text",
    ];
    for chunk in logs.chunks(BATCH) {
        let mut values = Vec::with_capacity(chunk.len() * CASTS.len());
        for log in chunk {
            values.extend([
                log.id.into(),
                log.user_id.into(),
                log.session_id.into(),
                log.query.clone().into(),
                log.filters.clone().into(),
                log.results_count.into(),
                log.response_time_ms.into(),
                log.method.clone().into(),
            ]);
        }
        db.execute_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            format!(
                "INSERT INTO search_logs (id, user_id, session_id, query, filters, results_count, \
                 response_time_ms, search_method) \
                 SELECT v.id, u.id, s.id, v.query, v.filters, v.results_count, v.response_time_ms, \
                 v.method FROM (VALUES {}) \
                 AS v (id, user_id, session_id, query, filters, results_count, response_time_ms, method) \
                 LEFT JOIN users u ON u.id = v.user_id LEFT JOIN sessions s ON s.id = v.session_id \
                 ON CONFLICT (id) DO NOTHING",
                placeholder_rows(&CASTS, chunk.len())
            ),
            values,
        ))
        .await?;
    }
    Ok(())
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
