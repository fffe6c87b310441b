//! The size advisor on the product page: the suggestion, its confidence and reason, the
//! usual-size question when it does not know yet, and the feedback on a piece bought.
//!
//! Read through [`size_advice_text`] by the product page alone, so the text travels in
//! its lazily loaded chunk rather than in the first page's bundle.

use domain::read::size_advice::{Confidence, FitNote, FitOutcome, SizeReason};

use super::in_page_language;

mod en;
mod fr;
mod it;

pub use en::EN;
pub use fr::FR;
pub use it::IT;

pub struct SizeAdviceText {
    pub title: &'static str,
    pub signed_out: &'static str,
    pub sign_in: &'static str,
    pub off: &'static str,
    pub unknown: &'static str,
    /// "Your usual size at Maison Aurelle", or without a designer.
    pub usual_size: fn(Option<&str>) -> String,
    pub suggest: &'static str,
    /// "We suggest M" or, with the designer's name for it, "We suggest 40 (M)".
    pub suggestion: fn(&str, Option<&str>) -> String,
    /// "High confidence: 85%".
    pub confidence: fn(Confidence, u8) -> String,
    pub reason: fn(&SizeReason) -> String,
    pub note: fn(FitNote) -> &'static str,
    pub feedback_title: &'static str,
    pub size_bought: &'static str,
    pub how_it_fits: &'static str,
    pub outcome: fn(FitOutcome) -> &'static str,
    pub send: &'static str,
}

/// The size advisor's text in the page's language.
pub fn size_advice_text() -> &'static SizeAdviceText {
    in_page_language([&EN, &FR, &IT])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_words_every_answer() {
        let reasons = [
            SizeReason::Measurements,
            SizeReason::Anchor {
                brand: "Maison Aurelle".into(),
                size: "38".into(),
            },
            SizeReason::Usual { size: "M".into() },
            SizeReason::Kept {
                brand: "Nordlys Studio".into(),
                size: "L".into(),
            },
            SizeReason::TooSmall { size: "M".into() },
            SizeReason::TooLarge { size: "M".into() },
        ];
        for other in [&FR, &IT] {
            assert_ne!(EN.unknown, other.unknown);
            for reason in &reasons {
                assert_ne!((EN.reason)(reason), (other.reason)(reason));
            }
            for outcome in FitOutcome::ALL {
                assert_ne!((EN.outcome)(*outcome), (other.outcome)(*outcome));
            }
            for note in FitNote::ALL {
                assert_ne!((EN.note)(*note), (other.note)(*note));
            }
            for level in Confidence::ALL {
                assert_ne!((EN.confidence)(*level, 80), (other.confidence)(*level, 80));
            }
        }
        assert_eq!((EN.suggestion)("S", Some("38")), "We suggest 38 (S)");
        assert_eq!(
            (EN.reason)(&reasons[1]),
            "Because you wear 38 at Maison Aurelle."
        );
    }
}
