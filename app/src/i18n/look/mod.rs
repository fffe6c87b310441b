//! Complete the look on the product page: the section, each piece's reason, the sizes to
//! choose, "Add the look to bag" and its report, and the shopper's word on the look.
//!
//! Read through [`look_text`] by the product page alone, so the text travels in its
//! lazily loaded chunk rather than in the first page's bundle.

use domain::read::look::LookReason;
use domain::read::style::ColourFamily;

use super::in_page_language;

mod en;
mod fr;
mod it;

pub use en::EN;
pub use fr::FR;
pub use it::IT;

pub struct LookText {
    pub title: &'static str,
    pub intro: &'static str,
    /// The one line that says why a piece is in the look.
    pub reason: fn(&LookReason) -> String,
    pub colour: fn(ColourFamily) -> &'static str,
    /// The label of a piece's size list: "Size of the Silk scarf".
    pub size_of: fn(&str) -> String,
    pub choose_size: &'static str,
    pub add_look: &'static str,
    /// "Added to your bag: A, B."
    pub added: fn(&str) -> String,
    /// "2 pieces were left out: choose their size first."
    pub without_size: fn(u32) -> String,
    pub view_bag: &'static str,
    pub feedback: &'static str,
    pub like: &'static str,
    pub dislike: &'static str,
    pub save: &'static str,
    pub unsave: &'static str,
    pub liked: &'static str,
    pub disliked: &'static str,
    pub saved: &'static str,
    pub sign_in_to_save: &'static str,
    pub sign_in: &'static str,
}

/// The look's text in the page's language.
pub fn look_text() -> &'static LookText {
    in_page_language([&EN, &FR, &IT])
}

/// The reason's colour words, `None` colours worded as "its colour".
pub(crate) fn colours(
    text: &LookText,
    reason: &LookReason,
    unknown: &'static str,
) -> (&'static str, &'static str) {
    let word = |c: Option<ColourFamily>| c.map_or(unknown, text.colour);
    (word(reason.colour), word(reason.base_colour))
}

/// Every harmony with colours, for the tests.
#[cfg(test)]
pub(crate) fn every_reason() -> Vec<LookReason> {
    domain::read::look::Harmony::ALL
        .iter()
        .map(|harmony| LookReason {
            harmony: *harmony,
            colour: Some(ColourFamily::Beige),
            base_colour: Some(ColourFamily::Red),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_words_every_reason_and_colour() {
        for other in [&FR, &IT] {
            assert_ne!(EN.title, other.title);
            assert_ne!(EN.add_look, other.add_look);
            for reason in every_reason() {
                assert_ne!((EN.reason)(&reason), (other.reason)(&reason), "{reason:?}");
            }
            for colour in ColourFamily::ALL {
                assert_ne!((EN.colour)(*colour), "");
                assert_ne!((other.colour)(*colour), "");
            }
            assert_ne!((EN.without_size)(2), (other.without_size)(2));
        }
        let accent = &every_reason()[2];
        assert_eq!(
            (EN.reason)(accent),
            "A touch of beige against the piece’s red."
        );
    }
}
