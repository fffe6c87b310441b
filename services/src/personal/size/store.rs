//! What the advisor writes: its suggestions (`size_recommendations`), the shopper's
//! feedback on one, and the usual size given on the product page.

use chrono::Utc;
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, TransactionTrait};

use domain::read::size_advice::FitOutcome;
use entities::users;

use super::SizeError;
use super::evidence::{self, Piece};

fn statement(db: &impl ConnectionTrait, sql: &str, values: Vec<sea_orm::Value>) -> Statement {
    Statement::from_sql_and_values(db.get_database_backend(), sql, values)
}

/// Keeps the suggestion of `size` for the piece: updates the shopper's open row for it
/// (one without feedback) or adds one, under the size profile's row lock (made empty if
/// the shopper has none yet). Returns the row's id.
pub(super) async fn keep_recommendation(
    db: &DatabaseConnection,
    user_id: Uuid,
    piece: &Piece,
    variant: Uuid,
    size: &str,
    confidence: f32,
    notes: &Json,
) -> Result<Uuid, DbErr> {
    let confidence = Decimal::from_f32_retain(confidence.clamp(0.0, 1.0))
        .unwrap_or_default()
        .round_dp(2);
    let txn = db.begin().await?;
    txn.execute_raw(statement(
        &txn,
        "INSERT INTO size_profiles (user_id, measurements) VALUES ($1, '{}'::jsonb)
         ON CONFLICT (user_id) DO NOTHING",
        vec![user_id.into()],
    ))
    .await?;
    let profile: Uuid = txn
        .query_one_raw(statement(
            &txn,
            "SELECT id FROM size_profiles WHERE user_id = $1 FOR UPDATE",
            vec![user_id.into()],
        ))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("size profile".into()))?
        .try_get("", "id")?;
    let open: Option<Uuid> = txn
        .query_one_raw(statement(
            &txn,
            "SELECT r.id FROM size_recommendations r
             JOIN product_variants v ON v.id = r.variant_id
             WHERE r.size_profile_id = $1 AND v.product_id = $2 AND r.user_feedback IS NULL
             ORDER BY r.created_at DESC LIMIT 1",
            vec![profile.into(), piece.id.into()],
        ))
        .await?
        .map(|row| row.try_get("", "id"))
        .transpose()?;
    let id = match open {
        Some(id) => {
            txn.execute_raw(statement(
                &txn,
                "UPDATE size_recommendations
                 SET variant_id = $2, recommended_size = $3, confidence_score = $4,
                     fit_notes = $5
                 WHERE id = $1",
                vec![
                    id.into(),
                    variant.into(),
                    size.into(),
                    confidence.into(),
                    notes.clone().into(),
                ],
            ))
            .await?;
            id
        }
        None => {
            let id = Uuid::new_v4();
            txn.execute_raw(statement(
                &txn,
                "INSERT INTO size_recommendations
                     (id, size_profile_id, variant_id, recommended_size, confidence_score,
                      fit_notes)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                vec![
                    id.into(),
                    profile.into(),
                    variant.into(),
                    size.into(),
                    confidence.into(),
                    notes.clone().into(),
                ],
            ))
            .await?;
            id
        }
    };
    txn.commit().await?;
    Ok(id)
}

/// The shopper's word on suggestion `recommendation`: they bought the piece in `size`
/// and it fitted (`outcome`, a [`FitOutcome`] code). Someone else's suggestion is not
/// found.
pub async fn record_feedback(
    db: &DatabaseConnection,
    user_id: Uuid,
    recommendation: Uuid,
    size: &str,
    outcome: &str,
) -> Result<(), SizeError> {
    let outcome = FitOutcome::parse(outcome).ok_or(SizeError::OutcomeUnknown)?;
    let product: Uuid = db
        .query_one_raw(statement(
            db,
            "SELECT v.product_id FROM size_recommendations r
             JOIN size_profiles s ON s.id = r.size_profile_id
             JOIN product_variants v ON v.id = r.variant_id
             WHERE r.id = $1 AND s.user_id = $2",
            vec![recommendation.into(), user_id.into()],
        ))
        .await?
        .ok_or(SizeError::AdviceNotFound)?
        .try_get("", "product_id")?;
    let piece = evidence::piece(db, product)
        .await?
        .ok_or(SizeError::AdviceNotFound)?;
    let size = size.trim();
    if piece.variant(size).is_none() {
        return Err(SizeError::SizeNotOffered);
    }
    db.execute_raw(statement(
        db,
        "UPDATE size_recommendations
         SET user_feedback = $2, actual_size_purchased = $3,
             fit_notes = COALESCE(fit_notes, '{}'::jsonb) || jsonb_build_object('feedback_at', $4::text)
         WHERE id = $1",
        vec![
            recommendation.into(),
            outcome.code().into(),
            size.into(),
            Utc::now().to_rfc3339().into(),
        ],
    ))
    .await?;
    tracing::info!(%recommendation, outcome = outcome.code(), "size feedback");
    Ok(())
}

/// "My usual size in this piece's designer is `size`" (one of the piece's sizes), from
/// the product page: a designer anchor in `size_profiles.brand_sizes`, under the
/// designer's own name for it; for a piece without a designer, the usual size of its
/// system in `style_profiles.typical_sizes`. Nothing is written for a shopper who turned
/// personalisation off.
pub async fn save_usual_size(
    db: &DatabaseConnection,
    user: &users::Model,
    product_id: Uuid,
    size: &str,
) -> Result<(), SizeError> {
    let piece = evidence::piece(db, product_id)
        .await?
        .ok_or(SizeError::PieceNotFound)?;
    let size = size.trim();
    let (Some(system), Some(_)) = (piece.system(), piece.variant(size)) else {
        return Err(SizeError::SizeNotOffered);
    };
    if !user.ai_consent {
        return Err(SizeError::Off);
    }
    match &piece.brand {
        Some(brand) => {
            let chart = super::chart_of(db, &piece).await?;
            let label = chart
                .and_then(|chart| chart.label(chart.position(size)?))
                .unwrap_or_else(|| size.to_string());
            db.execute_raw(statement(
                db,
                "INSERT INTO size_profiles (user_id, measurements, brand_sizes)
                 VALUES ($1, '{}'::jsonb, jsonb_build_object($2::text, $3::text))
                 ON CONFLICT (user_id) DO UPDATE
                 SET brand_sizes = COALESCE(size_profiles.brand_sizes, '{}'::jsonb)
                                   || EXCLUDED.brand_sizes",
                vec![user.id.into(), brand.clone().into(), label.into()],
            ))
            .await?;
        }
        None => {
            db.execute_raw(statement(
                db,
                "INSERT INTO style_profiles (user_id, typical_sizes)
                 VALUES ($1, jsonb_build_object($2::text, $3::text))
                 ON CONFLICT (user_id) DO UPDATE
                 SET typical_sizes = COALESCE(style_profiles.typical_sizes, '{}'::jsonb)
                                     || EXCLUDED.typical_sizes",
                vec![user.id.into(), system.code().into(), size.into()],
            ))
            .await?;
        }
    }
    Ok(())
}
