//! A known shopper's look, kept in `outfit_recommendations` (+ its items) with the
//! reason for every piece in `ai_reasoning`, and their word on it.
//!
//! A page view does not add a row: the shopper's look around the same piece from the
//! last day is reused while every piece of it is still one the rules allow (its
//! `view_count` goes up), so a look does not change under the shopper as stock moves
//! elsewhere and their word on it stays with it; a new look is written in one
//! transaction with its items and its `ai_interactions` row. Looks of one shopper around
//! one piece are decided one at a time (a transaction-scoped advisory lock on the pair):
//! two views at once (two tabs, a render and a retry) share one look instead of each
//! writing its own, which would leave the shopper's word on a look no longer shown.

use std::time::Duration;

use entities::sea_orm_active_enums::AiInteractionType;
use entities::{outfit_recommendation_items, outfit_recommendations};
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, TransactionTrait};

use super::Chosen;
use crate::personal::record::{AiAnswer, record};
use domain::read::look::LookVerdict;

/// How long a shopper's look is reused for the same piece.
pub const REUSE_FOR: &str = "1 day";

/// The stored look's id and the shopper's word on it so far.
pub struct Kept {
    pub id: Uuid,
    pub liked: Option<bool>,
    pub saved: bool,
    /// The stored look's pieces when they are not the ones just chosen.
    pub pieces: Option<Vec<Uuid>>,
}

fn two_places(value: f32) -> Decimal {
    Decimal::from_f32_retain(value.clamp(0.0, 9.99))
        .unwrap_or_default()
        .round_dp(2)
}

/// The shopper's recent look around `base_id` if every piece of it is still `eligible`
/// (the candidates the rules allow now), its views counted; else a new look of `chosen`
/// with its items and `ai_interactions` row.
#[allow(clippy::too_many_arguments)]
pub async fn keep(
    db: &DatabaseConnection,
    user_id: Uuid,
    base_id: Uuid,
    name: &str,
    (chosen, eligible): (&[Chosen], &[Uuid]),
    reasoning: serde_json::Value,
    (style, harmony): (f32, f32),
    elapsed: Duration,
) -> Result<Kept, DbErr> {
    let mut pieces: Vec<Uuid> = chosen.iter().map(|c| c.piece.id).collect();
    pieces.sort();
    let txn = db.begin().await?;
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "SELECT pg_advisory_xact_lock(hashtextextended('look:' || $1::text || ':' || $2::text, 0))",
        [user_id.into(), base_id.into()],
    ))
    .await?;
    let recent = txn
        .query_one_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            format!(
                "SELECT r.id, r.liked, r.saved,
                        array(SELECT i.product_id FROM outfit_recommendation_items i
                              WHERE i.recommendation_id = r.id ORDER BY i.product_id) AS pieces
                 FROM outfit_recommendations r
                 WHERE r.user_id = $1 AND r.base_product_id = $2
                   AND r.created_at > now() - interval '{REUSE_FOR}'
                 ORDER BY r.created_at DESC LIMIT 1"
            ),
            [user_id.into(), base_id.into()],
        ))
        .await?;
    if let Some(row) = recent {
        let stored: Vec<Uuid> = row.try_get("", "pieces")?;
        if !stored.is_empty() && stored.iter().all(|id| eligible.contains(id)) {
            let id: Uuid = row.try_get("", "id")?;
            txn.execute_raw(Statement::from_sql_and_values(
                txn.get_database_backend(),
                "UPDATE outfit_recommendations SET view_count = view_count + 1 WHERE id = $1",
                [id.into()],
            ))
            .await?;
            txn.commit().await?;
            return Ok(Kept {
                id,
                liked: row.try_get("", "liked")?,
                saved: row.try_get("", "saved")?,
                pieces: (stored != pieces).then_some(stored),
            });
        }
    }
    let id = Uuid::new_v4();
    outfit_recommendations::ActiveModel {
        id: Set(id),
        user_id: Set(user_id),
        name: Set(Some(name.chars().take(255).collect())),
        base_product_id: Set(base_id),
        style_score: Set(two_places(style)),
        occasion_tags: Set(Vec::new()),
        season_tags: Set(Vec::new()),
        color_harmony_score: Set(two_places(harmony)),
        liked: Set(None),
        saved: Set(false),
        purchased: Set(false),
        view_count: Set(1),
        share_count: Set(0),
        ai_reasoning: Set(Some(reasoning.clone())),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for piece in chosen {
        outfit_recommendation_items::ActiveModel {
            id: Set(Uuid::new_v4()),
            recommendation_id: Set(id),
            product_id: Set(piece.piece.id),
            item_type: Set(piece.piece.category.chars().take(50).collect()),
            is_optional: Set(false),
            alternative_rank: Set(i32::try_from(piece.piece.rank).ok()),
            match_score: Set(two_places(piece.score)),
        }
        .insert(&txn)
        .await?;
    }
    record(
        &txn,
        AiAnswer {
            kind: AiInteractionType::OutfitBuilder,
            user_id: Some(user_id),
            input: serde_json::json!({ "base": base_id }),
            output: serde_json::json!({ "look": id, "reasoning": reasoning }),
            elapsed,
            confidence: Some(style * 0.6 + harmony * 0.4),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Kept {
        id,
        liked: None,
        saved: false,
        pieces: None,
    })
}

/// Records the shopper's `verdict` on their look `look_id`; someone else's look, or
/// one that is gone, changes nothing and answers `false`.
pub async fn feedback(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    look_id: Uuid,
    verdict: LookVerdict,
) -> Result<bool, DbErr> {
    let set = match verdict {
        LookVerdict::Like => "liked = true",
        LookVerdict::Dislike => "liked = false",
        LookVerdict::Save => "saved = true",
        LookVerdict::Unsave => "saved = false",
    };
    let done = db
        .execute_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            format!(
                "UPDATE outfit_recommendations SET {set}, updated_at = now()
                 WHERE id = $1 AND user_id = $2"
            ),
            [look_id.into(), user_id.into()],
        ))
        .await?;
    Ok(done.rows_affected() == 1)
}
