//! "For you": one row of [`ROW_SIZE`] pieces ranked by closeness to the shopper's taste
//! (the quiz's taste vector moved by what they viewed, saved and bought lately), under a
//! stylist's rules (in stock in their size, within budget, no avoided colour or material,
//! nothing they own or have in the bag, no disliked piece) and diversified (maximal
//! marginal relevance, at most two pieces per designer). The row says why: the liked,
//! viewed, saved or bought piece closest to what it holds.
//!
//! Visitors, shoppers without a quiz or behaviour, and shoppers who turned
//! personalisation off get editorial picks and bestsellers. A personal row records its
//! impression in `ai_interactions` (type `RECOMMENDATION`); clicks come back as product
//! views with `source = 'for_you'` and the impression's id.

mod candidates;
mod diversify;
mod signals;

use std::sync::Arc;
use std::time::{Duration, Instant};

use domain::Money;
use domain::read::feed::{Because, ForYou, PieceCard};
use entities::sea_orm_active_enums::AiInteractionType;
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use super::record::{AiAnswer, record};
use super::style::{consents, load_profile};
use super::taste::nudge;
use crate::catalog::listing::TtlCache;
use crate::embedder::cosine;

pub use candidates::{
    MAX_SCAN_TUPLES, Piece, Rules, SPREAD, begin_nearest_read, bestsellers, nearest, nearest_on,
    with_images,
};
pub use diversify::{Candidate, MAX_PER_DESIGNER, cap_designers, diversify};
pub use signals::{Act, recent_acts};

/// Pieces in a row.
pub const ROW_SIZE: usize = 12;
/// Candidates a row is chosen from.
pub const CANDIDATES: u64 = 60;
/// At most this many candidates of one designer ([`Rules::per_designer`]): twice what a
/// row takes, so diversifying still has a choice.
pub const CANDIDATES_PER_DESIGNER: u32 = 2 * MAX_PER_DESIGNER as u32;
/// The source product views record for a click on a "For you" piece.
pub const SOURCE: &str = "for_you";

/// The row every visitor sees (editorial picks and bestsellers), kept for
/// [`EditorialRow::TTL`] so the home page does not rank the catalogue on every visit.
#[derive(Clone, Debug)]
pub struct EditorialRow(TtlCache<(), Arc<ForYou>>);

impl EditorialRow {
    pub const TTL: Duration = Duration::from_secs(60);
}

impl Default for EditorialRow {
    fn default() -> Self {
        EditorialRow(TtlCache::new(Self::TTL, 1))
    }
}

/// The row as the storefront shows it: `None` when the [`crate::flags::FOR_YOU`] flag is
/// off for this shopper (on when the flag has no row). A visitor's row comes from
/// `editorial` while it is fresh.
pub async fn shown(
    db: &DatabaseConnection,
    editorial: &EditorialRow,
    user_id: Option<Uuid>,
) -> Result<Option<ForYou>, DbErr> {
    if !crate::flags::enabled(db, crate::flags::FOR_YOU, user_id, true).await? {
        return Ok(None);
    }
    if user_id.is_some() {
        return for_you(db, user_id).await.map(Some);
    }
    if let Some(row) = editorial.0.get(&()) {
        return Ok(Some((*row).clone()));
    }
    let row = for_you(db, None).await?;
    editorial.0.put((), Arc::new(row.clone()));
    Ok(Some(row))
}

/// The "For you" row of `user_id` (a visitor when `None`).
pub async fn for_you(db: &DatabaseConnection, user_id: Option<Uuid>) -> Result<ForYou, DbErr> {
    let started = Instant::now();
    let Some(user_id) = user_id else {
        return editorial(db, &Rules::default()).await;
    };
    // Independent reads, each on a connection of its own: the row waits for the slowest,
    // not for their sum. Reading a profile changes nothing, so the consent need not come
    // first.
    let (consent, profile, acts) = tokio::try_join!(
        consents(db, user_id),
        load_profile(db, user_id),
        recent_acts(db, user_id),
    )?;
    if !consent {
        return editorial(db, &Rules::default()).await;
    }
    let profile = profile.unwrap_or_default();
    let rules = Rules {
        budget_min: profile.budget_min,
        budget_max: profile.budget_max,
        avoided_colours: profile.avoided_colours.clone(),
        avoided_materials: profile.avoided_materials.clone(),
        sizes: profile.sizes.values().cloned().collect(),
        user_id: Some(user_id),
        excluded: disliked(&profile.answers),
        excluded_designers: Vec::new(),
        per_designer: Some(CANDIDATES_PER_DESIGNER),
    };
    let signals: Vec<_> = acts.iter().map(|act| act.signal.clone()).collect();
    let Some(taste) = nudge(profile.taste.as_deref(), &signals) else {
        return editorial(db, &rules).await;
    };
    let (row, liked) =
        tokio::try_join!(choose(db, &taste, &rules), liked_pieces(db, &profile.liked))?;
    let because = reason(&row, &liked, &acts);
    let confidence = match row.is_empty() {
        true => 0.0,
        false => {
            row.iter()
                .map(|p| cosine(&taste, &p.embedding))
                .sum::<f32>()
                / row.len() as f32
        }
    };
    let impression = Uuid::new_v4();
    let answer = AiAnswer {
        kind: AiInteractionType::Recommendation,
        user_id: Some(user_id),
        input: serde_json::json!({
            "row": SOURCE,
            "impression": impression,
            "quiz": profile.taste.is_some(),
            "acts": acts.len(),
        }),
        output: serde_json::json!({
            "products": row.iter().map(|piece| piece.id).collect::<Vec<_>>(),
            "because": format!("{because:?}"),
        }),
        elapsed: started.elapsed(),
        confidence: Some(confidence),
    };
    let ((), row) = tokio::try_join!(record(db, answer), with_images(db, row))?;
    Ok(ForYou {
        because,
        pieces: row.iter().map(card).collect(),
        impression: Some(impression.to_string()),
    })
}

/// The row's pieces for `taste` under `rules`: the nearest pieces, spread and diversified;
/// further out when they were too few designers; bestsellers that pass when the rules
/// leave the catalogue short.
async fn choose(
    db: &DatabaseConnection,
    taste: &[f32],
    rules: &Rules,
) -> Result<Vec<Piece>, DbErr> {
    let read = begin_nearest_read(db, CANDIDATES).await?;
    let found = nearest_on(&read, taste, rules, CANDIDATES).await?;
    let mut row = diversify(taste, found, ROW_SIZE);
    // The row comes first in each top-up, so capping the designers keeps all of it and
    // adds only what the cap still allows.
    if row.len() < ROW_SIZE {
        // Even spread, the nearest pieces were too few designers: go further out among
        // the others.
        let further = nearest_on(&read, taste, &further_rules(rules, &row), CANDIDATES).await?;
        let further = diversify(taste, further, ROW_SIZE);
        row = cap_designers([row, further].concat(), ROW_SIZE);
    }
    read.commit().await?;
    if row.len() < ROW_SIZE {
        // Rules so strict the catalogue runs short: bestsellers that pass.
        let more = bestsellers(db, &further_rules(rules, &row), CANDIDATES).await?;
        row = cap_designers([row, more].concat(), ROW_SIZE);
    }
    Ok(row)
}

/// `rules`, leaving out the pieces of `row` and the designers it holds
/// [`MAX_PER_DESIGNER`] of.
fn further_rules(rules: &Rules, row: &[Piece]) -> Rules {
    let mut per_designer: std::collections::HashMap<&str, usize> = Default::default();
    for designer in row.iter().filter_map(|piece| piece.brand_name.as_deref()) {
        *per_designer.entry(designer).or_default() += 1;
    }
    Rules {
        excluded: [
            rules.excluded.clone(),
            row.iter().map(|piece| piece.id).collect(),
        ]
        .concat(),
        excluded_designers: per_designer
            .into_iter()
            .filter(|(_, count)| *count >= MAX_PER_DESIGNER)
            .map(|(designer, _)| designer.to_string())
            .collect(),
        ..rules.clone()
    }
}

/// Editorial picks and bestsellers that pass `rules`, designers capped.
async fn editorial(db: &impl ConnectionTrait, rules: &Rules) -> Result<ForYou, DbErr> {
    let found = bestsellers(db, rules, CANDIDATES).await?;
    let row = with_images(db, cap_designers(found, ROW_SIZE)).await?;
    Ok(ForYou {
        because: Because::Bestsellers,
        pieces: row.iter().map(card).collect(),
        impression: None,
    })
}

/// The pieces disliked in the quiz: never shown.
fn disliked(answers: &domain::read::style::StyleAnswers) -> Vec<Uuid> {
    answers
        .deck
        .iter()
        .filter(|answer| answer.verdict == "dislike")
        .filter_map(|answer| answer.product.parse().ok())
        .collect()
}

/// The quiz's liked pieces: name and embedding.
async fn liked_pieces(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<Vec<(String, Vec<f32>)>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT name, product_embedding FROM products
             WHERE id = ANY($1) AND product_embedding IS NOT NULL ORDER BY name",
            [ids.to_vec().into()],
        ))
        .await?;
    rows.iter()
        .map(|row| {
            Ok((
                row.try_get("", "name")?,
                row.try_get::<PgVector>("", "product_embedding")?.to_vec(),
            ))
        })
        .collect()
}

/// Why the row holds what it holds: the liked or acted-on piece closest to the row's
/// centre, or the quiz's answers when there is none.
fn reason(row: &[Piece], liked: &[(String, Vec<f32>)], acts: &[Act]) -> Because {
    let Some(first) = row.first() else {
        return Because::YourStyle;
    };
    let mut centre = vec![0.0f32; first.embedding.len()];
    for piece in row {
        for (sum, x) in centre.iter_mut().zip(&piece.embedding) {
            *sum += x;
        }
    }
    let liked = liked
        .iter()
        .map(|(name, vector)| (Because::Liked(name.clone()), cosine(&centre, vector)));
    let acted = acts.iter().map(|act| {
        let name = act.name.clone();
        let because = match act.signal.behaviour {
            super::taste::Behaviour::Bought => Because::Bought(name),
            super::taste::Behaviour::Wishlisted => Because::Saved(name),
            super::taste::Behaviour::Viewed => Because::Viewed(name),
        };
        (
            because,
            cosine(&centre, &act.signal.vector) * act.signal.weight().sqrt(),
        )
    });
    liked
        .chain(acted)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(Because::YourStyle, |(because, _)| because)
}

fn card(piece: &Piece) -> PieceCard {
    PieceCard {
        slug: piece.slug.clone(),
        name: piece.name.clone(),
        brand_name: piece.brand_name.clone(),
        price: Money::new(piece.price, &piece.currency),
        image_url: piece.image_url.clone(),
    }
}
