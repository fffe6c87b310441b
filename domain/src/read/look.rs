//! Complete the look on the product page: one piece per complementary category around
//! the piece shown, each with the reason it was chosen, and what "Add the look to bag"
//! reports.

use serde::{Deserialize, Serialize};

use crate::coded_enum;
use crate::read::cart::CartDto;
use crate::read::feed::PieceCard;
use crate::read::style::ColourFamily;

coded_enum! {
    /// How a piece's colour sits with the base piece's: the reason's first half.
    pub enum Harmony {
        /// The same colour family as the base piece.
        Tonal => "tonal",
        /// A neutral, which goes with anything.
        Neutral => "neutral",
        /// A colour accent against a neutral base.
        Accent => "accent",
        /// Two colours in contrast.
        Contrast => "contrast",
        /// No colour to go by: chosen for its style alone.
        Style => "style",
        /// Pinned by the store's stylists.
        Pinned => "pinned",
    }
}

/// Why a piece is in the look, as `outfit_recommendations.ai_reasoning` keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookReason {
    pub harmony: Harmony,
    pub colour: Option<ColourFamily>,
    pub base_colour: Option<ColourFamily>,
}

/// One size of a piece that can go in the bag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookSize {
    pub variant: String,
    pub size: String,
}

/// A piece of the look.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookPiece {
    pub card: PieceCard,
    /// The leaf category's slug (`accessories-bags`).
    pub category: String,
    pub reason: LookReason,
    /// The variant "Add the look to bag" adds: the only one in stock (one size, or the
    /// shopper's size); `None` when the shopper chooses among `sizes`.
    pub variant: Option<String>,
    pub sizes: Vec<LookSize>,
}

/// The look around a piece.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Look {
    /// The stored look (`outfit_recommendations.id`) feedback names; `None` for a
    /// visitor, or a shopper who turned personalisation off.
    pub id: Option<String>,
    pub pieces: Vec<LookPiece>,
    pub liked: Option<bool>,
    pub saved: bool,
    /// Whether a shopper could keep it by signing in (a visitor's look).
    pub sign_in_to_save: bool,
}

coded_enum! {
    /// The shopper's word on a look.
    pub enum LookVerdict {
        Like => "like",
        Dislike => "dislike",
        Save => "save",
        Unsave => "unsave",
    }
}

/// What "Add the look to bag" did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookAdded {
    /// The names of the pieces added.
    pub added: Vec<String>,
    /// Why each other piece was not added, worded in the shopper's language.
    pub problems: Vec<String>,
    /// Pieces left out because no size was chosen.
    pub without_size: u32,
    pub cart: CartDto,
}
