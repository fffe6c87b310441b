//! What the advisor reads from the database: the piece (its designer, category and
//! sizes), the charts, the shopper's profiles, what they bought and how it fitted, and
//! the reviewers' fit feedback on the piece.
//!
//! How a bought piece fitted, latest word first per piece: the shopper's own feedback on
//! a suggestion (`size_recommendations.user_feedback` with `actual_size_purchased`),
//! else a return request's reason (`order.return_requested`, "too_small" or "too_large";
//! other reasons say nothing about size), else kept: delivered and not asked back.

use std::collections::{HashMap, HashSet};

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryResult, Statement};

use domain::read::size_advice::FitOutcome;
use entities::{size_profiles, style_profiles, system_settings};

use super::advice::FitVotes;
use super::chart::{Charts, SIZE_CHARTS_KEY, System};
use crate::orders::RETURN_REQUESTED;
use crate::reviews::{REVIEW_FIT, SHOWN_SQL};

/// The piece asked about.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub id: Uuid,
    pub brand: Option<String>,
    pub brand_name: Option<String>,
    pub category: String,
    /// Its variants' sizes with their variant, in the order of its system.
    pub sizes: Vec<(String, Uuid)>,
}

impl Piece {
    pub fn system(&self) -> Option<System> {
        System::of_sizes(self.sizes.iter().map(|(size, _)| size.as_str()))
    }

    pub fn variant(&self, size: &str) -> Option<Uuid> {
        self.sizes
            .iter()
            .find(|(label, _)| label == size.trim())
            .map(|(_, id)| *id)
    }
}

/// A piece the shopper bought, and how it fitted.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub product_id: Uuid,
    pub brand: Option<String>,
    pub brand_name: Option<String>,
    pub category: String,
    pub size: String,
    pub outcome: FitOutcome,
}

fn statement(db: &impl ConnectionTrait, sql: &str, values: Vec<sea_orm::Value>) -> Statement {
    Statement::from_sql_and_values(db.get_database_backend(), sql, values)
}

/// A storefront-visible piece with its sizes, or `None`.
pub async fn piece(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<Piece>, DbErr> {
    let sql = concat!(
        "SELECT p.id, b.slug AS brand, b.name AS brand_name, c.slug AS category,
                COALESCE(array_agg(v.size ORDER BY v.created_at, v.sku)
                         FILTER (WHERE v.size IS NOT NULL), '{}') AS sizes,
                COALESCE(array_agg(v.id ORDER BY v.created_at, v.sku)
                         FILTER (WHERE v.size IS NOT NULL), '{}') AS variants
         FROM products p
         JOIN categories c ON c.id = p.category_id
         LEFT JOIN brands b ON b.id = p.brand_id
         LEFT JOIN product_variants v ON v.product_id = p.id
         WHERE p.id = $1 AND ",
        crate::catalog::storefront_visible!(),
        " GROUP BY p.id, b.slug, b.name, c.slug"
    );
    let Some(row) = db
        .query_one_raw(statement(db, sql, vec![id.into()]))
        .await?
    else {
        return Ok(None);
    };
    let sizes: Vec<String> = row.try_get("", "sizes")?;
    let variants: Vec<Uuid> = row.try_get("", "variants")?;
    let mut sizes: Vec<(String, Uuid)> = sizes.into_iter().zip(variants).collect();
    if let Some(system) = System::of_sizes(sizes.iter().map(|(size, _)| size.as_str())) {
        sizes.sort_by_key(|(size, _)| system.sizes().iter().position(|s| s == size));
    }
    sizes.dedup_by(|a, b| a.0 == b.0);
    Ok(Some(Piece {
        id: row.try_get("", "id")?,
        brand: row.try_get("", "brand")?,
        brand_name: row.try_get("", "brand_name")?,
        category: row.try_get("", "category")?,
        sizes,
    }))
}

/// The designers' charts (none when the setting is missing).
pub async fn charts(db: &impl ConnectionTrait) -> Result<Charts, DbErr> {
    Ok(
        system_settings::Entity::find_by_id(SIZE_CHARTS_KEY.to_string())
            .one(db)
            .await?
            .map(|row| Charts::parse(&row.value))
            .unwrap_or_default(),
    )
}

pub async fn size_profile(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Option<size_profiles::Model>, DbErr> {
    size_profiles::Entity::find()
        .filter(size_profiles::Column::UserId.eq(user_id))
        .one(db)
        .await
}

/// The usual sizes from the style quiz (`{"apparel": "M", …}`).
pub async fn usual_sizes(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<HashMap<String, String>, DbErr> {
    let typical = style_profiles::Entity::find()
        .filter(style_profiles::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .and_then(|profile| profile.typical_sizes);
    Ok(string_map(typical.as_ref()))
}

/// A JSON object's string values.
pub fn string_map(value: Option<&Json>) -> HashMap<String, String> {
    value
        .and_then(Json::as_object)
        .map(|map| {
            map.iter()
                .filter_map(|(key, value)| Some((key.clone(), value.as_str()?.trim().to_string())))
                .filter(|(_, value)| !value.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// Designers' names by slug.
pub async fn brand_names(
    db: &impl ConnectionTrait,
    slugs: Vec<String>,
) -> Result<HashMap<String, String>, DbErr> {
    if slugs.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = db
        .query_all_raw(statement(
            db,
            "SELECT slug, name FROM brands WHERE slug = ANY($1)",
            vec![slugs.into()],
        ))
        .await?;
    rows.iter()
        .map(|row| Ok((row.try_get("", "slug")?, row.try_get("", "name")?)))
        .collect()
}

fn fact(row: &QueryResult, outcome: FitOutcome) -> Result<Fact, DbErr> {
    Ok(Fact {
        product_id: row.try_get("", "product_id")?,
        brand: row.try_get("", "brand")?,
        brand_name: row.try_get("", "brand_name")?,
        category: row.try_get("", "category")?,
        size: row.try_get("", "size")?,
        outcome,
    })
}

const PIECE_COLUMNS: &str = "p.id AS product_id, b.slug AS brand, b.name AS brand_name,
     c.slug AS category";
const PIECE_JOINS: &str = "JOIN products p ON p.id = v.product_id
     JOIN categories c ON c.id = p.category_id
     LEFT JOIN brands b ON b.id = p.brand_id";

/// How the pieces the shopper bought fitted, one fact per piece (the latest word).
pub async fn facts(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Fact>, DbErr> {
    let said = db
        .query_all_raw(statement(
            db,
            &format!(
                "SELECT DISTINCT ON (p.id) {PIECE_COLUMNS}, r.actual_size_purchased AS size,
                        r.user_feedback AS feedback
                 FROM size_recommendations r
                 JOIN size_profiles s ON s.id = r.size_profile_id
                 JOIN product_variants v ON v.id = r.variant_id
                 {PIECE_JOINS}
                 WHERE s.user_id = $1 AND r.user_feedback IS NOT NULL
                   AND r.actual_size_purchased IS NOT NULL
                 ORDER BY p.id, (r.fit_notes->>'feedback_at') DESC NULLS LAST, r.created_at DESC"
            ),
            vec![user_id.into()],
        ))
        .await?;
    let mut facts = Vec::new();
    let mut seen = HashSet::new();
    for row in &said {
        let code: String = row.try_get("", "feedback")?;
        if let Some(outcome) = FitOutcome::parse(&code) {
            let fact = fact(row, outcome)?;
            seen.insert(fact.product_id);
            facts.push(fact);
        }
    }
    // Delivered lines, newest first, with the reasons of their return requests.
    let bought = db
        .query_all_raw(statement(
            db,
            &format!(
                "SELECT {PIECE_COLUMNS}, v.size,
                        (SELECT line->>'reason'
                         FROM audit_logs a, jsonb_array_elements(a.new_values->'lines') line
                         WHERE a.action = $2 AND a.entity_type = 'order' AND a.entity_id = o.id
                           AND line->>'order_item_id' = oi.id::text
                         ORDER BY a.created_at DESC LIMIT 1) AS returned
                 FROM orders o
                 JOIN order_items oi ON oi.order_id = o.id
                 JOIN product_variants v ON v.id = oi.variant_id
                 {PIECE_JOINS}
                 WHERE o.user_id = $1 AND o.status IN ('DELIVERED', 'RETURNED')
                   AND v.size IS NOT NULL
                 ORDER BY o.delivered_at DESC NULLS LAST, oi.created_at DESC
                 LIMIT 100"
            ),
            vec![user_id.into(), RETURN_REQUESTED.into()],
        ))
        .await?;
    for row in &bought {
        let returned: Option<String> = row.try_get("", "returned")?;
        let outcome = match returned.as_deref() {
            None => FitOutcome::Kept,
            Some("too_small") => FitOutcome::TooSmall,
            Some("too_large") => FitOutcome::TooLarge,
            Some(_) => continue,
        };
        let fact = fact(row, outcome)?;
        if seen.insert(fact.product_id) {
            facts.push(fact);
        }
    }
    Ok(facts)
}

/// The latest fit feedback of each review the product page shows.
pub async fn fit_votes(db: &impl ConnectionTrait, product_id: Uuid) -> Result<FitVotes, DbErr> {
    let rows = db
        .query_all_raw(statement(
            db,
            &format!(
                "SELECT fit, count(*) AS n FROM (
                     SELECT DISTINCT ON (a.entity_id) a.new_values->>'fit' AS fit
                     FROM audit_logs a JOIN reviews r ON r.id = a.entity_id
                     WHERE a.action = $2 AND a.entity_type = 'review' AND r.product_id = $1
                       AND r.status IN {SHOWN_SQL}
                     ORDER BY a.entity_id, a.created_at DESC, a.id DESC
                 ) latest WHERE fit IS NOT NULL GROUP BY fit"
            ),
            vec![product_id.into(), REVIEW_FIT.into()],
        ))
        .await?;
    let mut votes = FitVotes::default();
    for row in rows {
        let fit: String = row.try_get("", "fit")?;
        let n = u32::try_from(row.try_get::<i64>("", "n")?).unwrap_or(u32::MAX);
        match fit.as_str() {
            "runs_small" => votes.small = n,
            "true_to_size" => votes.true_to_size = n,
            "runs_large" => votes.large = n,
            _ => {}
        }
    }
    Ok(votes)
}
