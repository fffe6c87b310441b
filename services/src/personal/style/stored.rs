//! How a quiz is stored in `style_profiles` and `size_profiles`, and read back.

use std::collections::BTreeMap;

use domain::read::style::{
    Choice, ColourFamily, DeckAnswer, Department, Persona, StyleAnswers, UsualSize,
};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement};
use serde::{Deserialize, Serialize};

use super::check::Checked;

/// What `style_profiles.style_history` keeps of the quiz.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct History {
    #[serde(default)]
    departments: Vec<String>,
    #[serde(default)]
    liked: Vec<Uuid>,
    #[serde(default)]
    disliked: Vec<Uuid>,
    #[serde(default)]
    taken_at: Option<String>,
}

/// A shopper's saved profile: the answers as the quiz shows them, and what the feed needs.
#[derive(Clone, Debug, Default)]
pub struct StyleProfile {
    /// Whether the shopper took the quiz (a new account's blank profile has not).
    pub taken: bool,
    pub answers: StyleAnswers,
    pub taste: Option<Vec<f32>>,
    pub avoided_colours: Vec<String>,
    pub avoided_materials: Vec<String>,
    pub budget_min: Option<Decimal>,
    pub budget_max: Option<Decimal>,
    /// Usual size per system code (`apparel` → `M`).
    pub sizes: BTreeMap<String, String>,
    pub liked: Vec<Uuid>,
}

/// The words the taste vector reads from the answers (English, the model's language);
/// empty when the answers say nothing it can read. Avoided colours and materials are
/// filters, not words: an embedding cannot say "not".
pub fn answers_text(checked: &Checked, designers: &[Choice]) -> String {
    let mut parts = Vec::new();
    let list = |codes: Vec<&str>| codes.join(", ");
    if !checked.departments.is_empty() {
        parts.push(format!(
            "Shops for {}",
            list(checked.departments.iter().map(|d| d.code()).collect())
        ));
    }
    if !checked.personas.is_empty() {
        parts.push(format!(
            "Style: {}",
            list(checked.personas.iter().map(|p| p.words()).collect())
        ));
    }
    if !checked.loved_colours.is_empty() {
        parts.push(format!(
            "Colours: {}",
            list(checked.loved_colours.iter().map(|c| c.code()).collect())
        ));
    }
    let names: Vec<&str> = checked
        .designers
        .iter()
        .filter_map(|slug| designers.iter().find(|choice| &choice.code == slug))
        .map(|choice| choice.label.as_str())
        .collect();
    if !names.is_empty() {
        parts.push(format!("Designers: {}", list(names)));
    }
    if checked.sustainable {
        parts.push("Sustainable, responsibly made pieces".to_string());
    }
    if checked.exclusive {
        parts.push("Exclusive, limited edition pieces".to_string());
    }
    match parts.is_empty() {
        true => String::new(),
        false => format!("{}.", parts.join(". ")),
    }
}

/// The embeddings of `ids` that have one, in no particular order.
pub async fn embeddings(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<Vec<Vec<f32>>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT product_embedding FROM products
             WHERE id = ANY($1) AND product_embedding IS NOT NULL",
            [ids.to_vec().into()],
        ))
        .await?;
    rows.into_iter()
        .map(|row| Ok(row.try_get::<PgVector>("", "product_embedding")?.to_vec()))
        .collect()
}

/// Upserts the style and size profiles of `user_id` from checked answers.
pub async fn write(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    checked: &Checked,
    taste: Option<&[f32]>,
) -> Result<(), DbErr> {
    let codes =
        |values: Vec<&str>| -> Vec<String> { values.into_iter().map(String::from).collect() };
    let history = History {
        departments: codes(checked.departments.iter().map(|d| d.code()).collect()),
        liked: checked.liked.clone(),
        disliked: checked.disliked.clone(),
        taken_at: Some(chrono::Utc::now().to_rfc3339()),
    };
    let sizes: BTreeMap<&str, &String> = checked.sizes.iter().map(|(k, v)| (*k, v)).collect();
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        "INSERT INTO style_profiles (user_id, style_personas, favorite_colors, avoided_colors,
             preferred_brands, avoided_materials, typical_sizes, min_price_preference,
             max_price_preference, sweet_spot_price, style_embedding, prefers_sustainable,
             prefers_exclusive, style_history)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (user_id) DO UPDATE SET
             style_personas = excluded.style_personas, favorite_colors = excluded.favorite_colors,
             avoided_colors = excluded.avoided_colors, preferred_brands = excluded.preferred_brands,
             avoided_materials = excluded.avoided_materials, typical_sizes = excluded.typical_sizes,
             min_price_preference = excluded.min_price_preference,
             max_price_preference = excluded.max_price_preference,
             sweet_spot_price = excluded.sweet_spot_price,
             style_embedding = excluded.style_embedding,
             prefers_sustainable = excluded.prefers_sustainable,
             prefers_exclusive = excluded.prefers_exclusive,
             style_history = excluded.style_history, updated_at = now()",
        [
            user_id.into(),
            codes(checked.personas.iter().map(|p| p.code()).collect()).into(),
            codes(checked.loved_colours.iter().map(|c| c.code()).collect()).into(),
            codes(checked.avoided_colours.iter().map(|c| c.code()).collect()).into(),
            checked.designers.clone().into(),
            checked.avoided_materials.clone().into(),
            serde_json::json!(sizes).into(),
            checked.budget_min.into(),
            checked.budget_max.into(),
            checked.sweet_spot.into(),
            taste.map(|taste| PgVector::from(taste.to_vec())).into(),
            checked.sustainable.into(),
            checked.exclusive.into(),
            serde_json::json!(history).into(),
        ],
    ))
    .await?;
    let anchors = match &checked.anchor {
        Some((brand, size)) => serde_json::json!({ brand: size }),
        None => serde_json::json!({}),
    };
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        "INSERT INTO size_profiles (user_id, measurements, preferred_fit, brand_sizes)
         VALUES ($1, '{}'::jsonb, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET preferred_fit = excluded.preferred_fit,
             brand_sizes = excluded.brand_sizes, updated_at = now()",
        [user_id.into(), checked.fit.code().into(), anchors.into()],
    ))
    .await?;
    Ok(())
}

/// The saved profile of `user_id`, or `None` before the quiz.
pub async fn load_profile(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Option<StyleProfile>, DbErr> {
    let Some(row) = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT s.style_personas, s.favorite_colors, s.avoided_colors, s.preferred_brands,
                    s.avoided_materials, s.typical_sizes, s.min_price_preference,
                    s.max_price_preference, s.sweet_spot_price, s.style_embedding,
                    s.prefers_sustainable, s.prefers_exclusive, s.style_history,
                    z.preferred_fit, z.brand_sizes
             FROM style_profiles s LEFT JOIN size_profiles z ON z.user_id = s.user_id
             WHERE s.user_id = $1",
            [user_id.into()],
        ))
        .await?
    else {
        return Ok(None);
    };
    let history: History = row
        .try_get::<Option<serde_json::Value>>("", "style_history")?
        .and_then(|value| serde_json::from_value(value).ok())
        .unwrap_or_default();
    let sizes: BTreeMap<String, String> = row
        .try_get::<Option<serde_json::Value>>("", "typical_sizes")?
        .and_then(|value| serde_json::from_value(value).ok())
        .unwrap_or_default();
    let anchor: BTreeMap<String, String> = row
        .try_get::<Option<serde_json::Value>>("", "brand_sizes")?
        .and_then(|value| serde_json::from_value(value).ok())
        .unwrap_or_default();
    let (anchor_brand, anchor_size) = anchor.into_iter().next().unwrap_or_default();
    let amount = |column: &str| -> Result<Option<Decimal>, DbErr> { row.try_get("", column) };
    let text = |amount: Option<Decimal>| {
        amount
            .map(|a| a.normalize().to_string())
            .unwrap_or_default()
    };
    let (budget_min, budget_max) = (
        amount("min_price_preference")?,
        amount("max_price_preference")?,
    );
    let avoided_colours: Vec<String> = row.try_get("", "avoided_colors")?;
    let avoided_materials: Vec<String> = row.try_get("", "avoided_materials")?;
    let verdicts = |ids: &[Uuid], verdict: &str| -> Vec<DeckAnswer> {
        ids.iter()
            .map(|id| DeckAnswer {
                product: id.to_string(),
                verdict: verdict.to_string(),
            })
            .collect()
    };
    let answers = StyleAnswers {
        departments: only_known(history.departments.clone(), Department::parse),
        personas: only_known(row.try_get("", "style_personas")?, Persona::parse),
        loved_colours: only_known(row.try_get("", "favorite_colors")?, ColourFamily::parse),
        avoided_colours: only_known(avoided_colours.clone(), ColourFamily::parse),
        designers: row.try_get("", "preferred_brands")?,
        avoided_materials: avoided_materials.clone(),
        budget_min: text(budget_min),
        budget_max: text(budget_max),
        sweet_spot: text(amount("sweet_spot_price")?),
        sustainable: row.try_get("", "prefers_sustainable")?,
        exclusive: row.try_get("", "prefers_exclusive")?,
        sizes: sizes
            .iter()
            .map(|(system, size)| UsualSize {
                system: system.clone(),
                size: size.clone(),
            })
            .collect(),
        anchor_brand,
        anchor_size,
        fit: row
            .try_get::<Option<String>>("", "preferred_fit")?
            .unwrap_or_default(),
        deck: [
            verdicts(&history.liked, "like"),
            verdicts(&history.disliked, "dislike"),
        ]
        .concat(),
    };
    Ok(Some(StyleProfile {
        taken: history.taken_at.is_some(),
        answers,
        taste: row
            .try_get::<Option<PgVector>>("", "style_embedding")?
            .map(|vector| vector.to_vec()),
        avoided_colours,
        avoided_materials,
        budget_min,
        budget_max,
        sizes,
        liked: history.liked,
    }))
}

/// The stored codes a parser still knows (a code retired since is dropped).
fn only_known<T>(codes: Vec<String>, parse: impl Fn(&str) -> Option<T>) -> Vec<String> {
    codes
        .into_iter()
        .filter(|code| parse(code).is_some())
        .collect()
}
