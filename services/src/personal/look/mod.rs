//! Complete the look on the product page: a coherent outfit around the piece shown, one
//! piece per complementary category ([`categories`]), each close in style (cosine
//! distance of the embeddings) and in a colour that goes with the base piece's
//! ([`harmony`]), in stock, in the shopper's size when known, not owned, not in the bag
//! ([`query`]). Of each category's nearest pieces the one with the best blend of style
//! ([`STYLE_WEIGHT`]) and colour ([`COLOUR_WEIGHT`]) wins, with a one-line reason.
//!
//! A look the stylists pinned ([`pinned`]) wins over the computed one. A known shopper's
//! look (a signed-in shopper or a guest: both are users) who allows personalisation is
//! kept in `outfit_recommendations` ([`store`]), reused for a day, and takes their word
//! (liked, saved); a visitor's is computed but not kept. With `ai_consent` off the look
//! reads nothing of the shopper and writes nothing.

pub mod categories;
pub mod harmony;
pub mod pinned;
pub mod query;
pub mod shortlist;
mod store;

use std::time::Instant;

use domain::Money;
use domain::Refusal;
use domain::read::feed::PieceCard;
use domain::read::look::{Harmony, Look, LookPiece, LookReason, LookSize, LookVerdict};
use domain::read::style::{ColourFamily, SizeSystem};
use sea_orm::DatabaseConnection;
use sea_orm::prelude::*;

use super::style::{consents, load_profile};
use crate::cart::CartOwner;
use query::{Among, Candidate, Filter};

pub use categories::{MAX_PIECES, complements};
pub use pinned::{PINNED_LOOKS_KEY, pin, pinned};
pub use shortlist::Shortlists;

/// Nearest pieces per category the look chooses among.
pub const PER_CATEGORY: i64 = 8;
/// Weight of closeness in style in a piece's score.
pub const STYLE_WEIGHT: f32 = 0.6;
/// Weight of colour harmony in a piece's score.
pub const COLOUR_WEIGHT: f32 = 0.4;

#[derive(Debug, thiserror::Error)]
pub enum LookError {
    #[error("We could not find that piece.")]
    PieceNotFound,
    #[error("We could not find that look.")]
    LookNotFound,
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] DbErr),
}

impl LookError {
    pub fn refusal(&self) -> Refusal {
        match self {
            LookError::PieceNotFound => Refusal::PieceGone,
            LookError::LookNotFound => Refusal::LookNotFound,
            LookError::Internal(_) => Refusal::Internal,
        }
    }
}

/// Who asks: a known shopper (a user, guests included) and their bag, or a visitor.
#[derive(Clone, Copy, Debug, Default)]
pub struct Asker {
    pub user_id: Option<Uuid>,
    pub owner: Option<CartOwner>,
}

/// A piece chosen for the look.
#[derive(Clone, Debug)]
pub struct Chosen {
    pub piece: Candidate,
    /// Closeness in style, 0 to 1.
    pub style: f32,
    /// Colour harmony with the base piece, 0 to 1.
    pub harmony: f32,
    /// The blend the piece won by.
    pub score: f32,
    pub reason: LookReason,
}

/// Closeness in style from a cosine distance: 1 for the same direction, 0 at right
/// angles or beyond.
pub fn closeness(distance: f64) -> f32 {
    (1.0 - distance as f32).clamp(0.0, 1.0)
}

/// One piece per category of `order`, the best blend of style and colour harmony with
/// `base_colour` among each category's candidates; pinned pieces keep their order and
/// their reason.
pub fn pick(
    base_colour: Option<ColourFamily>,
    candidates: Vec<Candidate>,
    order: &[String],
    is_pinned: bool,
) -> Vec<Chosen> {
    let scored: Vec<Chosen> = candidates
        .into_iter()
        .map(|piece| {
            let colour = piece.colour.as_deref().and_then(ColourFamily::parse);
            let (harmony, kind) = harmony::harmony(base_colour, colour);
            let style = closeness(piece.distance);
            Chosen {
                score: STYLE_WEIGHT * style + COLOUR_WEIGHT * harmony,
                style,
                harmony,
                reason: LookReason {
                    harmony: if is_pinned { Harmony::Pinned } else { kind },
                    colour,
                    base_colour,
                },
                piece,
            }
        })
        .collect();
    let mut look = Vec::new();
    for key in order {
        let best = scored
            .iter()
            .filter(|c| match is_pinned {
                true => &c.piece.slug == key,
                false => &c.piece.category == key,
            })
            .filter(|c| {
                !look
                    .iter()
                    .any(|l: &Chosen| l.piece.category == c.piece.category)
            })
            .max_by(|a, b| {
                a.score
                    .total_cmp(&b.score)
                    .then(b.piece.rank.cmp(&a.piece.rank))
            });
        if let Some(best) = best {
            look.push(best.clone());
        }
    }
    look
}

/// The look around the piece `product_id` for `asker` (the pieces to choose from read
/// through `shortlists`).
pub async fn complete_look(
    db: &DatabaseConnection,
    shortlists: &Shortlists,
    product_id: Uuid,
    asker: Asker,
) -> Result<Look, LookError> {
    let started = Instant::now();
    let base = query::base(db, product_id)
        .await?
        .ok_or(LookError::PieceNotFound)?;
    let personal = match asker.user_id {
        Some(user_id) => consents(db, user_id).await?,
        None => false,
    };
    let filter = match (personal, asker.user_id) {
        (true, Some(user_id)) => {
            let profile = load_profile(db, user_id).await?.unwrap_or_default();
            Filter {
                user_id: Some(user_id),
                owner: asker.owner,
                blocked_sizes: blocked_sizes(profile.sizes.values()),
            }
        }
        _ => Filter::default(),
    };
    let pins = pinned(db, &base.slug).await?;
    let (found, order) = match &pins {
        Some(slugs) => {
            let among = Among::Pinned(slugs.clone());
            (
                query::candidates(db, &base, &among, &filter).await?,
                slugs.clone(),
            )
        }
        None => {
            let slugs = complements(&base.category);
            let found = match slugs.is_empty() {
                true => Vec::new(),
                false => computed_candidates(db, shortlists, &base, &slugs, &filter).await?,
            };
            (found, slugs)
        }
    };
    let base_colour = base.colour.as_deref().and_then(ColourFamily::parse);
    let eligible: Vec<Uuid> = found.iter().map(|candidate| candidate.id).collect();
    let chosen = pick(base_colour, found.clone(), &order, pins.is_some());
    let mut look = Look {
        id: None,
        pieces: chosen.iter().map(look_piece).collect(),
        liked: None,
        saved: false,
        sign_in_to_save: asker.user_id.is_none(),
    };
    if let (true, Some(user_id), false) = (personal, asker.user_id, chosen.is_empty()) {
        let mean = |f: fn(&Chosen) -> f32| chosen.iter().map(f).sum::<f32>() / chosen.len() as f32;
        let scores = (mean(|c| c.style), mean(|c| c.harmony));
        let kept = store::keep(
            db,
            user_id,
            base.id,
            &format!("Complete the look: {}", base.name),
            (&chosen, &eligible),
            reasoning(&chosen, pins.is_some()),
            scores,
            started.elapsed(),
        )
        .await?;
        if let Some(stored) = kept.pieces {
            // The shopper's look from earlier today still holds: show it, not a new one.
            let stored_only = found
                .into_iter()
                .filter(|c| stored.contains(&c.id))
                .collect();
            let chosen = pick(base_colour, stored_only, &order, pins.is_some());
            look.pieces = chosen.iter().map(look_piece).collect();
        }
        look.id = Some(kept.id.to_string());
        look.liked = kept.liked;
        look.saved = kept.saved;
    }
    Ok(look)
}

/// The candidates for a computed look: the base piece's shortlist checked for this
/// shopper and this minute's stock; the index read live when the piece has no embedding
/// yet, or when a category's whole shortlist is out for this shopper (sold out, owned or
/// in the bag) while the category may hold more.
async fn computed_candidates(
    db: &DatabaseConnection,
    shortlists: &Shortlists,
    base: &query::Base,
    slugs: &[String],
    filter: &Filter,
) -> Result<Vec<Candidate>, DbErr> {
    let live = Among::Categories {
        slugs: slugs.to_vec(),
        per_category: PER_CATEGORY,
    };
    if !base.embedded {
        return query::candidates(db, base, &live, filter).await;
    }
    let shortlist = shortlists.of(db, base, slugs).await?;
    let among = Among::Shortlist {
        slugs: slugs.to_vec(),
        pieces: shortlist.pieces.clone(),
        per_category: PER_CATEGORY,
    };
    let found = query::candidates(db, base, &among, filter).await?;
    let ran_out = slugs.iter().any(|slug| {
        shortlist.was_full(slug) && !found.iter().any(|candidate| &candidate.category == slug)
    });
    match ran_out {
        true => query::candidates(db, base, &live, filter).await,
        false => Ok(found),
    }
}

/// Records `verdict` on the look `look_id` of `user_id`; someone else's look answers
/// [`LookError::LookNotFound`] and changes nothing.
pub async fn feedback(
    db: &DatabaseConnection,
    user_id: Uuid,
    look_id: Uuid,
    verdict: LookVerdict,
) -> Result<(), LookError> {
    match store::feedback(db, user_id, look_id, verdict).await? {
        true => Ok(()),
        false => Err(LookError::LookNotFound),
    }
}

/// The sizes a shopper with these usual sizes does not wear: the other sizes of every
/// system one of them belongs to.
pub fn blocked_sizes<'a>(usual: impl Iterator<Item = &'a String>) -> Vec<String> {
    let usual: Vec<&String> = usual.collect();
    SizeSystem::ALL
        .iter()
        .filter(|system| {
            usual
                .iter()
                .any(|size| SizeSystem::of(size) == Some(**system))
        })
        .flat_map(|system| system.sizes().iter())
        .filter(|size| !usual.iter().any(|usual| usual.as_str() == **size))
        .map(|size| String::from(*size))
        .collect()
}

/// The one line, in English, `ai_reasoning` keeps for a piece.
pub fn why(reason: &LookReason) -> String {
    let name = |c: Option<ColourFamily>| c.map_or("its colour", |c| c.code());
    match reason.harmony {
        Harmony::Tonal => format!(
            "Tonal: {} like the piece, close in style.",
            name(reason.colour)
        ),
        Harmony::Neutral => format!("A neutral {} that goes with anything.", name(reason.colour)),
        Harmony::Accent => format!(
            "A touch of {} against the piece's {}.",
            name(reason.colour),
            name(reason.base_colour)
        ),
        Harmony::Contrast => format!(
            "{} in contrast with the piece's {}.",
            name(reason.colour),
            name(reason.base_colour)
        ),
        Harmony::Style => "Closest in style to the piece.".to_string(),
        Harmony::Pinned => "Chosen by our stylists.".to_string(),
    }
}

fn reasoning(chosen: &[Chosen], is_pinned: bool) -> serde_json::Value {
    serde_json::json!({
        "pinned": is_pinned,
        "weights": { "style": STYLE_WEIGHT, "colour": COLOUR_WEIGHT },
        "pieces": chosen.iter().map(|c| serde_json::json!({
            "product": c.piece.id,
            "slug": c.piece.slug,
            "category": c.piece.category,
            "style": c.style,
            "harmony": c.harmony,
            "reason": c.reason,
            "why": why(&c.reason),
        })).collect::<Vec<_>>(),
    })
}

fn look_piece(chosen: &Chosen) -> LookPiece {
    let piece = &chosen.piece;
    let mut sizes: Vec<LookSize> = piece
        .variants
        .iter()
        .map(|(id, size)| LookSize {
            variant: id.to_string(),
            size: size.clone().unwrap_or_default(),
        })
        .collect();
    let position = |size: &str| {
        SizeSystem::of(size)
            .and_then(|system| system.sizes().iter().position(|s| *s == size))
            .unwrap_or(usize::MAX)
    };
    sizes.sort_by_key(|size| position(&size.size));
    LookPiece {
        card: PieceCard {
            slug: piece.slug.clone(),
            name: piece.name.clone(),
            brand_name: piece.brand_name.clone(),
            price: Money::new(piece.price, &piece.currency),
            image_url: piece.image_url.clone(),
        },
        category: piece.category.clone(),
        reason: chosen.reason.clone(),
        variant: match sizes.as_slice() {
            [only] => Some(only.variant.clone()),
            _ => None,
        },
        sizes,
    }
}

#[cfg(test)]
mod tests;
