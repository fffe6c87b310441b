//! Every AI answer leaves an `ai_interactions` row: what was asked, what was answered, how
//! long it took, how sure it was and which model gave it, for the monitoring page.

use std::time::Duration;

use entities::{ai_interactions, sea_orm_active_enums::AiInteractionType};
use sea_orm::prelude::*;
use sea_orm::{ActiveValue::Set, ConnectionTrait};

/// The model and the rules version behind every answer, as `ai_interactions` records it.
pub const MODEL_VERSION: &str = "all-MiniLM-L6-v2+rules-1";

/// One answer to record.
#[derive(Clone, Debug)]
pub struct AiAnswer {
    pub kind: AiInteractionType,
    pub user_id: Option<Uuid>,
    pub input: serde_json::Value,
    pub output: serde_json::Value,
    pub elapsed: Duration,
    /// From 0 to 1; stored with two decimals.
    pub confidence: Option<f32>,
}

/// Writes the answer's `ai_interactions` row.
pub async fn record(db: &impl ConnectionTrait, answer: AiAnswer) -> Result<(), DbErr> {
    let confidence = answer.confidence.and_then(|value| {
        Decimal::from_f32_retain(value.clamp(0.0, 1.0)).map(|value| value.round_dp(2))
    });
    ai_interactions::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(answer.user_id),
        session_id: Set(None),
        interaction_type: Set(answer.kind),
        input_data: Set(Some(answer.input)),
        output_data: Set(Some(answer.output)),
        response_time_ms: Set(Some(
            i32::try_from(answer.elapsed.as_millis()).unwrap_or(i32::MAX),
        )),
        confidence_score: Set(confidence),
        user_satisfaction: Set(None),
        model_version: Set(Some(MODEL_VERSION.to_string())),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
