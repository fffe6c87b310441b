//! "Was this helpful?" and "Report": what shoppers say about a published review.
//!
//! A vote is one `review_interactions` row per shopper and review (changing it replaces
//! it). The review's counts move by what the vote changed, read and written under the
//! review's row lock, so however many votes arrive at once, every vote counts once. (The
//! demo catalogue's counts have no rows behind them; a recount would erase them.)

use chrono::Utc;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    PaginatorTrait, QueryFilter, Statement, TransactionTrait,
};
use serde_json::json;

use super::{ReviewError, SHOWN_SQL};
use domain::read::reviews::{ReportReason, VoteCounts};
use entities::audit_logs;

/// The `audit_logs.action` of a report.
pub const REVIEW_REPORTED: &str = "review.reported";

/// Locks a review the product page shows; returns its author.
async fn lock_shown(txn: &DatabaseTransaction, review_id: Uuid) -> Result<Uuid, ReviewError> {
    let row = txn
        .query_one_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            format!(
                "SELECT user_id FROM reviews WHERE id = $1 AND status IN {SHOWN_SQL} FOR UPDATE"
            ),
            [review_id.into()],
        ))
        .await?
        .ok_or(ReviewError::NotFound)?;
    Ok(row.try_get("", "user_id")?)
}

/// Records `user_id`'s vote on a published review (replacing an earlier one) and returns
/// the counts as stored.
pub async fn vote(
    db: &DatabaseConnection,
    user_id: Uuid,
    review_id: Uuid,
    helpful: bool,
) -> Result<VoteCounts, ReviewError> {
    let txn = db.begin().await?;
    if lock_shown(&txn, review_id).await? == user_id {
        return Err(ReviewError::OwnReview);
    }
    let backend = txn.get_database_backend();
    let before = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            "SELECT is_helpful FROM review_interactions WHERE user_id = $1 AND review_id = $2",
            [user_id.into(), review_id.into()],
        ))
        .await?
        .map(|row| row.try_get::<bool>("", "is_helpful"))
        .transpose()?;
    txn.execute_raw(Statement::from_sql_and_values(
        backend,
        "INSERT INTO review_interactions (user_id, review_id, is_helpful) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, review_id)
         DO UPDATE SET is_helpful = EXCLUDED.is_helpful, created_at = now()",
        [user_id.into(), review_id.into(), helpful.into()],
    ))
    .await?;
    let (helpful_delta, not_helpful_delta) = delta(before, helpful);
    let counts = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            "UPDATE reviews SET helpful_count = helpful_count + $2,
                                not_helpful_count = not_helpful_count + $3
             WHERE id = $1
             RETURNING helpful_count, not_helpful_count",
            [
                review_id.into(),
                helpful_delta.into(),
                not_helpful_delta.into(),
            ],
        ))
        .await?
        .ok_or(ReviewError::NotFound)?;
    let counts = VoteCounts {
        helpful: counts.try_get("", "helpful_count")?,
        not_helpful: counts.try_get("", "not_helpful_count")?,
        mine: helpful,
    };
    txn.commit().await?;
    Ok(counts)
}

/// How the counts move when a vote goes from `before` to `helpful`.
fn delta(before: Option<bool>, helpful: bool) -> (i32, i32) {
    match (before, helpful) {
        (Some(before), now) if before == now => (0, 0),
        (Some(_), true) => (1, -1),
        (Some(_), false) => (-1, 1),
        (None, true) => (1, 0),
        (None, false) => (0, 1),
    }
}

/// Reports a published review to the moderators: it becomes `FLAGGED` (still shown, and
/// first in their queue) and the report is kept with its reason. A second report by the
/// same shopper changes nothing.
pub async fn report(
    db: &DatabaseConnection,
    user_id: Uuid,
    review_id: Uuid,
    reason: ReportReason,
) -> Result<(), ReviewError> {
    let txn = db.begin().await?;
    lock_shown(&txn, review_id).await?;
    let already = audit_logs::Entity::find()
        .filter(audit_logs::Column::Action.eq(REVIEW_REPORTED))
        .filter(audit_logs::Column::EntityType.eq("review"))
        .filter(audit_logs::Column::EntityId.eq(review_id))
        .filter(audit_logs::Column::UserId.eq(user_id))
        .count(&txn)
        .await?;
    if already == 0 {
        audit_logs::ActiveModel {
            id: Set(Uuid::new_v4()),
            user_id: Set(Some(user_id)),
            action: Set(REVIEW_REPORTED.into()),
            entity_type: Set("review".into()),
            entity_id: Set(review_id),
            new_values: Set(Some(json!({ "reason": reason.code() }))),
            created_at: Set(Utc::now().into()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        txn.execute_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "UPDATE reviews SET status = 'FLAGGED', updated_at = now() WHERE id = $1",
            [review_id.into()],
        ))
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::delta;

    #[test]
    fn a_vote_moves_the_counts_by_what_changed() {
        assert_eq!(delta(None, true), (1, 0));
        assert_eq!(delta(None, false), (0, 1));
        assert_eq!(delta(Some(true), true), (0, 0));
        assert_eq!(delta(Some(true), false), (-1, 1));
        assert_eq!(delta(Some(false), true), (1, -1));
    }
}
