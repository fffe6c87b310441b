//! The style quiz: what a shopper shops for, their personas, colours, designers, budget,
//! sizes and fit, then a deck of pieces to like or dislike. Saving it fills the shopper's
//! `style_profiles` row (the taste vector in `style_embedding`) and `size_profiles` row in
//! one transaction, and records the answer in `ai_interactions`.
//!
//! Where the answers live (no column of their own): what they shop for, the liked and
//! disliked pieces and when the quiz was taken in `style_profiles.style_history`; usual
//! sizes per system in `typical_sizes`; the designer anchor ("I wear 38 in Maison
//! Aurelle") in `size_profiles.brand_sizes` and the fit in `size_profiles.preferred_fit`.
//!
//! A guest's quiz is kept on the guest account of their session and moves to the account
//! they sign in to ([`adopt_guest_profile`]), unless that account has one already.
//! With `users.ai_consent` off, nothing is saved ([`StyleError::ConsentOff`]).

mod check;
mod deck;
mod stored;

use std::time::Instant;

use domain::Refusal;
use domain::read::style::{StyleAnswers, StyleQuiz};
use entities::sea_orm_active_enums::AiInteractionType;
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, TransactionTrait};

use super::record::{AiAnswer, record};
use super::taste::quiz_taste;
use crate::embedder::{EmbedError, MiniLmEmbedder};

pub use check::{Checked, MAX_CHOICES, MAX_DECK_ANSWERS, Offered, Problem, check};
pub use deck::{DECK_SIZE, deck};
pub use stored::{StyleProfile, load_profile};

/// Why the quiz was not saved.
#[derive(Debug, thiserror::Error)]
pub enum StyleError {
    #[error("personalisation is off for this shopper")]
    ConsentOff,
    #[error("the answers were refused")]
    Invalid(Vec<Problem>),
    #[error(transparent)]
    Embed(#[from] EmbedError),
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl StyleError {
    pub fn refusal(&self) -> Refusal {
        match self {
            StyleError::ConsentOff => Refusal::PersonalisationOff,
            StyleError::Invalid(problems) => problems
                .first()
                .map(|(_, refusal)| refusal.clone())
                .unwrap_or(Refusal::MalformedRequest),
            StyleError::Embed(_) | StyleError::Db(_) => Refusal::Internal,
        }
    }
}

/// Whether `user_id` lets the store personalise (`users.ai_consent`); `false` for an
/// unknown user.
pub async fn consents(db: &impl ConnectionTrait, user_id: Uuid) -> Result<bool, DbErr> {
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT ai_consent FROM users WHERE id = $1",
            [user_id.into()],
        ))
        .await?;
    row.map_or(Ok(false), |row| row.try_get("", "ai_consent"))
}

/// Turns personalisation on or off for `user_id` (`users.ai_consent`). Off, the saved
/// profile is kept but unused until it is turned on again.
pub async fn set_consent(db: &impl ConnectionTrait, user_id: Uuid, on: bool) -> Result<(), DbErr> {
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        "UPDATE users SET ai_consent = $2, updated_at = now() WHERE id = $1",
        [user_id.into(), on.into()],
    ))
    .await?;
    Ok(())
}

/// The quiz page for `user_id` (or a visitor): their saved answers, and the choices.
pub async fn quiz(db: &impl ConnectionTrait, user_id: Option<Uuid>) -> Result<StyleQuiz, DbErr> {
    let (profile, consent) = match user_id {
        Some(user_id) => (
            load_profile(db, user_id).await?,
            consents(db, user_id).await?,
        ),
        None => (None, true),
    };
    Ok(StyleQuiz {
        taken: profile.as_ref().is_some_and(|profile| profile.taken),
        answers: profile.map(|profile| profile.answers).unwrap_or_default(),
        consent,
        designers: deck::designers(db).await?,
        materials: deck::materials(db).await?,
        persona_images: deck::persona_images(db).await?,
        deck: deck(db).await?,
    })
}

/// Checks and saves the quiz of `user_id`: the profile, the size profile, the taste vector
/// and the `ai_interactions` row, in one transaction.
pub async fn save(
    db: &DatabaseConnection,
    embedder: &MiniLmEmbedder,
    user_id: Uuid,
    answers: &StyleAnswers,
) -> Result<Checked, StyleError> {
    let started = Instant::now();
    if !consents(db, user_id).await? {
        return Err(StyleError::ConsentOff);
    }
    let designers = deck::designers(db).await?;
    let designer_slugs: Vec<String> = designers.iter().map(|choice| choice.code.clone()).collect();
    let materials = deck::materials(db).await?;
    let pieces: Vec<Uuid> = deck(db)
        .await?
        .iter()
        .filter_map(|piece| piece.id.parse().ok())
        .collect();
    let offered = Offered {
        designers: &designer_slugs,
        materials: &materials,
        pieces: &pieces,
    };
    let checked = check(answers, &offered).map_err(StyleError::Invalid)?;

    let text = stored::answers_text(&checked, &designers);
    let answers_vector = match text.is_empty() {
        true => None,
        false => embedder.embed_off_workers(vec![text.clone()]).await?.pop(),
    };
    let liked = stored::embeddings(db, &checked.liked).await?;
    let disliked = stored::embeddings(db, &checked.disliked).await?;
    let taste = quiz_taste(&liked, &disliked, answers_vector.as_deref());

    let txn = db.begin().await?;
    stored::write(&txn, user_id, &checked, taste.as_deref()).await?;
    record(
        &txn,
        AiAnswer {
            kind: AiInteractionType::StyleQuiz,
            user_id: Some(user_id),
            input: serde_json::json!({
                "answers_text": text,
                "liked": checked.liked.len(),
                "disliked": checked.disliked.len(),
            }),
            output: serde_json::json!({ "taste": taste.is_some() }),
            elapsed: started.elapsed(),
            confidence: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(checked)
}

/// Moves the quiz of `guest_id` to `user_id` (sign-in or registration after a guest took
/// it) unless the account took the quiz itself: the account's blank profiles (a new
/// account starts with one) give way to the guest's. Returns whether the profile moved.
pub async fn adopt_guest_profile(
    db: &DatabaseConnection,
    guest_id: Uuid,
    user_id: Uuid,
) -> Result<bool, DbErr> {
    let txn = db.begin().await?;
    let statement = |sql: &str| {
        Statement::from_sql_and_values(
            txn.get_database_backend(),
            sql,
            [guest_id.into(), user_id.into()],
        )
    };
    let adoptable = txn
        .query_one_raw(statement(
            "SELECT 1 AS adoptable FROM style_profiles g
             WHERE g.user_id = $1 AND g.style_history ? 'taken_at'
               AND (SELECT ai_consent FROM users WHERE id = $2)
               AND NOT EXISTS (SELECT 1 FROM style_profiles a
                               WHERE a.user_id = $2 AND a.style_history ? 'taken_at')
             FOR UPDATE OF g",
        ))
        .await?
        .is_some();
    let moved = adoptable;
    if moved {
        txn.execute_raw(statement(
            "DELETE FROM style_profiles WHERE user_id = $2 AND $1::uuid IS NOT NULL",
        ))
        .await?;
        txn.execute_raw(statement(
            "UPDATE style_profiles SET user_id = $2, updated_at = now() WHERE user_id = $1",
        ))
        .await?;
    }
    if moved {
        txn.execute_raw(statement(
            "DELETE FROM size_profiles WHERE user_id = $2
               AND EXISTS (SELECT 1 FROM size_profiles WHERE user_id = $1)",
        ))
        .await?;
        txn.execute_raw(statement(
            "UPDATE size_profiles SET user_id = $2, updated_at = now() WHERE user_id = $1",
        ))
        .await?;
    }
    txn.commit().await?;
    Ok(moved)
}
