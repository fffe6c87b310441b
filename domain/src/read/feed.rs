//! Recommendation rows: "For you" and complete the look, each piece a small card, each
//! row with the reason it was chosen.

use serde::{Deserialize, Serialize};

use crate::Money;

/// A recommended piece, as a row of cards shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PieceCard {
    pub slug: String,
    pub name: String,
    pub brand_name: Option<String>,
    pub price: Money,
    pub image_url: Option<String>,
}

/// Why a row holds what it holds; the names are the pieces' own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Because {
    /// Close to a piece the shopper liked in the style quiz.
    Liked(String),
    Viewed(String),
    Saved(String),
    Bought(String),
    /// Close to the quiz's answers (no single piece stands out).
    YourStyle,
    /// No taste to go by: editorial picks and bestsellers.
    Bestsellers,
}

/// The "For you" row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForYou {
    pub because: Because,
    pub pieces: Vec<PieceCard>,
    /// The recorded impression (`ai_interactions` id) a click on a piece refers to.
    pub impression: Option<String>,
}
