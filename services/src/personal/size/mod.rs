//! The size advisor on the product page: which size of a piece to choose, how sure it is,
//! and why, from what the store knows about the shopper.
//!
//! It reads `size_profiles` (measurements, designer anchors in `brand_sizes`, the fit
//! preference; the style quiz writes them, and the product page's "your usual size"),
//! the usual sizes of `style_profiles.typical_sizes`, the designers' charts
//! (`system_settings` `size_charts`, [`chart`]), the pieces the shopper bought and how
//! they fitted ([`evidence::facts`]: kept, returned too small or too large, or said so
//! on a suggestion) and the reviewers' fit feedback. The reasoning is [`advice`].
//!
//! Each answer to a signed-in shopper who allows personalisation is recorded as an
//! `ai_interactions` row; a suggestion also keeps its `size_recommendations` row (one
//! open row per shopper and piece, updated in place; rows that received feedback stay as
//! they are), whose id the shopper's feedback names. Feedback updates later advice, as
//! does every delivery and return. One-size pieces get no advice.

pub mod advice;
pub mod chart;
pub mod evidence;
mod store;

use std::time::Instant;

use sea_orm::DbErr;
use sea_orm::prelude::*;
use serde_json::json;

use domain::Refusal;
use domain::read::size_advice::{Confidence, FitOutcome, SizeAdvice, SizeSuggestion};
use entities::sea_orm_active_enums::AiInteractionType;
use entities::users;

use super::record::{AiAnswer, record};
use advice::{Evidence, Preference};
use chart::{Body, Chart, Charts, System, standard};
use evidence::{Fact, Piece};

pub use store::{record_feedback, save_usual_size};

#[derive(Debug, thiserror::Error)]
pub enum SizeError {
    #[error("We could not find that piece.")]
    PieceNotFound,
    #[error("We could not find that size suggestion.")]
    AdviceNotFound,
    #[error("That size is not one of the piece's.")]
    SizeNotOffered,
    #[error("Choose how the piece fitted from the list.")]
    OutcomeUnknown,
    #[error("Personalisation is off for this shopper.")]
    Off,
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] DbErr),
}

impl SizeError {
    pub fn refusal(&self) -> Refusal {
        match self {
            SizeError::PieceNotFound => Refusal::PieceGone,
            SizeError::AdviceNotFound => Refusal::SizeAdviceNotFound,
            SizeError::SizeNotOffered => Refusal::SizeNotOffered,
            SizeError::OutcomeUnknown => Refusal::FitUnknown,
            SizeError::Off => Refusal::PersonalisationOff,
            SizeError::Internal(_) => Refusal::Internal,
        }
    }
}

/// The advice for `user` (signed in) on the piece `product_id`.
pub async fn advise(
    db: &DatabaseConnection,
    user: &users::Model,
    product_id: Uuid,
) -> Result<SizeAdvice, SizeError> {
    let started = Instant::now();
    let piece = evidence::piece(db, product_id)
        .await?
        .ok_or(SizeError::PieceNotFound)?;
    let Some(system) = piece.system() else {
        return Ok(SizeAdvice::NotSized);
    };
    if !user.ai_consent {
        return Ok(SizeAdvice::Off);
    }
    let charts = evidence::charts(db).await?;
    let chart = charts.for_piece(piece.brand.as_deref(), &piece.category, system);
    let profile = evidence::size_profile(db, user.id).await?;
    let usual = evidence::usual_sizes(db, user.id).await?;
    let facts = evidence::facts(db, user.id).await?;
    let mut anchors: Vec<(String, String)> =
        evidence::string_map(profile.as_ref().and_then(|p| p.brand_sizes.as_ref()))
            .into_iter()
            .collect();
    anchors.sort();
    let slugs = anchors.iter().map(|(brand, _)| brand.clone()).collect();
    let names = evidence::brand_names(db, slugs).await?;
    let votes = evidence::fit_votes(db, piece.id).await?;

    let mut known = Vec::new();
    if let Some(profile) = &profile {
        let body = body(&profile.measurements, &profile.measurement_unit);
        if !body.is_empty() {
            known.push(Evidence::Measurements(body));
        }
    }
    for (brand, size) in &anchors {
        if let Some((from, index)) = charts.anchor(brand, size, &piece.category, system) {
            known.push(Evidence::Anchor {
                brand: names.get(brand).cloned().unwrap_or_else(|| brand.clone()),
                size: size.clone(),
                chart: from,
                index,
                same_designer: piece.brand.as_deref() == Some(brand.as_str()),
            });
        }
    }
    for system in System::ALL {
        if let Some(size) = usual.get(system.code()) {
            let chart = standard(system);
            if let Some(index) = chart.position(size) {
                known.push(Evidence::Usual {
                    size: size.clone(),
                    chart,
                    index,
                });
            }
        }
    }
    known.extend(
        facts
            .iter()
            .filter_map(|fact| bought(&charts, &piece, fact)),
    );

    let preference = Preference::parse(
        profile
            .as_ref()
            .map(|p| p.preferred_fit.as_str())
            .unwrap_or_default(),
    );
    let kinds: Vec<&str> = known.iter().map(kind).collect();
    let input = json!({
        "product_id": piece.id,
        "system": system.code(),
        "chart": chart.brand.as_ref().map(|_| json!([chart.brand, chart.category])),
        "evidence": kinds,
        "fit": format!("{preference:?}").to_lowercase(),
        "review_fit": [votes.small, votes.true_to_size, votes.large],
    });
    let Some(found) = advice::advise(&chart, &known, preference, votes) else {
        record_answer(db, user.id, input, json!({"size": null}), started, None).await?;
        return Ok(SizeAdvice::Unknown);
    };
    let size = chart.sizes[found.index].clone();
    let variant = piece
        .variant(&size)
        .or_else(|| piece.sizes.first().map(|(_, id)| *id))
        .ok_or(SizeError::PieceNotFound)?;
    let id = store::keep_recommendation(
        db,
        user.id,
        &piece,
        variant,
        &size,
        found.confidence,
        &json!({"reason": found.reason, "note": found.note.map(|n| n.code())}),
    )
    .await?;
    let percent = (found.confidence * 100.0).round() as u8;
    let suggestion = SizeSuggestion {
        id: id.to_string(),
        label: chart.label(found.index),
        size,
        confidence: Confidence::of(found.confidence),
        percent,
        reason: found.reason,
        note: found.note,
    };
    let output = json!({
        "size": suggestion.size,
        "confidence": suggestion.confidence.code(),
        "percent": percent,
        "reason": suggestion.reason,
        "note": suggestion.note.map(|n| n.code()),
        "recommendation_id": suggestion.id,
    });
    record_answer(db, user.id, input, output, started, Some(found.confidence)).await?;
    Ok(SizeAdvice::Suggested(suggestion))
}

async fn record_answer(
    db: &DatabaseConnection,
    user_id: Uuid,
    input: Json,
    output: Json,
    started: Instant,
    confidence: Option<f32>,
) -> Result<(), DbErr> {
    record(
        db,
        AiAnswer {
            kind: AiInteractionType::SizeAdvisor,
            user_id: Some(user_id),
            input,
            output,
            elapsed: started.elapsed(),
            confidence,
        },
    )
    .await
}

/// A piece bought, as evidence: its size's position in that piece's chart.
fn bought(charts: &Charts, piece: &Piece, fact: &Fact) -> Option<Evidence> {
    let system = System::of_sizes([fact.size.as_str()])?;
    let chart = charts.for_piece(fact.brand.as_deref(), &fact.category, system);
    let index = chart.position(&fact.size)?;
    Some(Evidence::Bought {
        brand: fact
            .brand_name
            .clone()
            .or_else(|| fact.brand.clone())
            .unwrap_or_default(),
        size: fact.size.clone(),
        chart,
        index,
        outcome: fact.outcome,
        same_designer: fact.brand.is_some() && fact.brand == piece.brand,
    })
}

fn kind(evidence: &Evidence) -> &'static str {
    match evidence {
        Evidence::Measurements(_) => "measurements",
        Evidence::Anchor { .. } => "anchor",
        Evidence::Usual { .. } => "usual",
        Evidence::Bought {
            outcome: FitOutcome::Kept,
            ..
        } => "kept",
        Evidence::Bought {
            outcome: FitOutcome::TooSmall,
            ..
        } => "too_small",
        Evidence::Bought { .. } => "too_large",
    }
}

/// The numeric measurements of `size_profiles.measurements`, in cm (`unit` "in" is
/// converted); implausible values are left out.
pub fn body(measurements: &Json, unit: &str) -> Body {
    let scale = if unit.trim().eq_ignore_ascii_case("in") {
        2.54
    } else {
        1.0
    };
    measurements
        .as_object()
        .map(|map| {
            map.iter()
                .filter_map(|(name, value)| {
                    let value = value.as_f64()? as f32 * scale;
                    (value.is_finite() && value > 0.0 && value < 300.0)
                        .then(|| (name.to_lowercase(), value))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The chart of a piece, for callers that show it.
pub async fn chart_of(db: &DatabaseConnection, piece: &Piece) -> Result<Option<Chart>, DbErr> {
    let Some(system) = piece.system() else {
        return Ok(None);
    };
    Ok(Some(evidence::charts(db).await?.for_piece(
        piece.brand.as_deref(),
        &piece.category,
        system,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measurements_are_read_in_cm() {
        let body = body(&json!({"Chest": 36, "waist": "thin", "hips": 0}), "in");
        assert_eq!(body.len(), 1);
        assert!((body["chest"] - 91.44).abs() < 0.01);
        assert!(super::body(&json!({}), "cm").is_empty());
    }

    #[test]
    fn refusals_name_what_went_wrong() {
        assert_eq!(
            SizeError::AdviceNotFound.refusal(),
            Refusal::SizeAdviceNotFound
        );
        assert_eq!(SizeError::OutcomeUnknown.refusal(), Refusal::FitUnknown);
        assert_eq!(SizeError::PieceNotFound.refusal(), Refusal::PieceGone);
    }
}
