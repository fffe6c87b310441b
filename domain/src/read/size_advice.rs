//! The size advisor's answer on the product page: a size with how sure it is and why, or
//! why there is none yet; and what a shopper tells it back about a piece they bought.

use serde::{Deserialize, Serialize};

use crate::coded_enum;

/// What the advisor says about one piece for the shopper asking.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SizeAdvice {
    /// A one-size piece, or one whose sizes the advisor does not know: nothing to say.
    NotSized,
    /// Signed out: sign in for a suggestion.
    SignedOut,
    /// The shopper turned personalisation off.
    Off,
    /// Nothing to go on yet: no measurements, usual sizes, anchors or purchases.
    Unknown,
    Suggested(SizeSuggestion),
}

/// A suggested size.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SizeSuggestion {
    /// The `size_recommendations` row, for the shopper's feedback.
    pub id: String,
    /// The size as the piece's variants name it ("M", "48", "6").
    pub size: String,
    /// The designer's own name for it ("40"), when the chart has one.
    pub label: Option<String>,
    pub confidence: Confidence,
    /// 0 to 100.
    pub percent: u8,
    pub reason: SizeReason,
    /// What reviewers say about the piece's fit, when they agree.
    pub note: Option<FitNote>,
}

coded_enum! {
    /// How sure a suggestion is: high from 75%, medium from 50%.
    pub enum Confidence {
        High => "high",
        Medium => "medium",
        Low => "low",
    }
}

impl Confidence {
    /// The level of a confidence from 0 to 1.
    pub fn of(share: f32) -> Confidence {
        if share >= 0.75 {
            Confidence::High
        } else if share >= 0.5 {
            Confidence::Medium
        } else {
            Confidence::Low
        }
    }
}

/// The one line that says why: the evidence that decided the size. Sizes are as the
/// evidence named them; designers by name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SizeReason {
    /// The shopper's measurements in the piece's chart.
    Measurements,
    /// "I wear `size` in `brand`" (the style quiz or the product page).
    Anchor { brand: String, size: String },
    /// The shopper's usual size in this kind of piece.
    Usual { size: String },
    /// A piece they bought in `size` and kept.
    Kept { brand: String, size: String },
    /// A piece they sent back (or said was) too small in `size`.
    TooSmall { size: String },
    /// A piece they sent back (or said was) too large in `size`.
    TooLarge { size: String },
}

coded_enum! {
    /// What reviewers agree about the piece's fit.
    pub enum FitNote {
        RunsSmall => "runs_small",
        RunsLarge => "runs_large",
    }
}

coded_enum! {
    /// How a piece a shopper bought fitted them, as they tell the advisor.
    pub enum FitOutcome {
        Kept => "kept",
        TooSmall => "too_small",
        TooLarge => "too_large",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_levels_split_at_half_and_three_quarters() {
        assert_eq!(Confidence::of(0.9), Confidence::High);
        assert_eq!(Confidence::of(0.75), Confidence::High);
        assert_eq!(Confidence::of(0.74), Confidence::Medium);
        assert_eq!(Confidence::of(0.5), Confidence::Medium);
        assert_eq!(Confidence::of(0.49), Confidence::Low);
    }

    #[test]
    fn outcomes_travel_as_codes() {
        assert_eq!(FitOutcome::parse("too_small"), Some(FitOutcome::TooSmall));
        assert_eq!(FitOutcome::parse("tight"), None);
    }
}
