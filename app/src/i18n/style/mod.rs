//! Personalisation: the style quiz page (`StyleText`, in the quiz's lazily loaded chunk)
//! and the "For you" row on the home page and the account (`ForYouText`, small, since the
//! home page's bundle carries it).

use domain::read::feed::Because;
use domain::read::style::{ColourFamily, Department, Fit, Persona, SizeSystem, Verdict};

use super::in_page_language;

mod en;
mod fr;
mod it;

pub use en::{EN, EN_FOR_YOU};
pub use fr::{FR, FR_FOR_YOU};
pub use it::{IT, IT_FOR_YOU};

pub struct StyleText {
    pub title: &'static str,
    pub eyebrow: &'static str,
    pub intro: &'static str,
    pub retake_intro: &'static str,
    pub loading: &'static str,
    pub consent_off: &'static str,
    pub consent_settings: &'static str,
    pub shops_for: &'static str,
    pub personas: &'static str,
    pub personas_hint: &'static str,
    pub loved_colours: &'static str,
    pub avoided_colours: &'static str,
    pub designers: &'static str,
    pub avoided_materials: &'static str,
    pub budget: &'static str,
    pub budget_hint: &'static str,
    pub budget_min: &'static str,
    pub budget_max: &'static str,
    pub sweet_spot: &'static str,
    pub values: &'static str,
    pub sustainable: &'static str,
    pub exclusive: &'static str,
    pub sizes: &'static str,
    pub sizes_hint: &'static str,
    pub no_size: &'static str,
    pub anchor: &'static str,
    pub anchor_hint: &'static str,
    pub anchor_brand: &'static str,
    pub anchor_size: &'static str,
    pub choose_designer: &'static str,
    pub fit: &'static str,
    pub deck: &'static str,
    pub deck_hint: &'static str,
    /// "Piece 3 of 20".
    pub deck_position: fn(usize, usize) -> String,
    pub save: &'static str,
    pub saving: &'static str,
    pub saved: &'static str,
    pub see_for_you: &'static str,
    pub consent_heading: &'static str,
    pub consent_label: &'static str,
    pub consent_hint: &'static str,
    pub consent_save: &'static str,
    pub consent_saved: &'static str,

    pub department: fn(Department) -> &'static str,
    pub persona: fn(Persona) -> &'static str,
    pub colour: fn(ColourFamily) -> &'static str,
    pub size_system: fn(SizeSystem) -> &'static str,
    pub fit_choice: fn(Fit) -> &'static str,
    pub verdict: fn(Verdict) -> &'static str,
}

/// The "For you" row's text.
pub struct ForYouText {
    pub title: &'static str,
    pub because: fn(&Because) -> String,
    pub take_quiz: &'static str,
    pub refine: &'static str,
}

/// The quiz page's text in the page's language.
pub fn style_text() -> &'static StyleText {
    in_page_language([&EN, &FR, &IT])
}

/// The "For you" row's text in the page's language.
pub fn for_you_text() -> &'static ForYouText {
    in_page_language([&EN_FOR_YOU, &FR_FOR_YOU, &IT_FOR_YOU])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_words_every_choice() {
        for other in [&FR, &IT] {
            assert_ne!(EN.title, other.title);
            for d in Department::ALL {
                assert_ne!((EN.department)(*d), (other.department)(*d));
            }
            for p in Persona::ALL {
                assert_ne!((EN.persona)(*p), (other.persona)(*p));
            }
            for c in ColourFamily::ALL {
                assert_ne!((EN.colour)(*c), (other.colour)(*c));
            }
            for s in SizeSystem::ALL {
                assert_ne!((EN.size_system)(*s), (other.size_system)(*s));
            }
            for f in Fit::ALL {
                assert_ne!((EN.fit_choice)(*f), (other.fit_choice)(*f));
            }
            for v in Verdict::ALL {
                assert_ne!((EN.verdict)(*v), (other.verdict)(*v));
            }
        }
        for other in [&FR_FOR_YOU, &IT_FOR_YOU] {
            assert_ne!(EN_FOR_YOU.title, other.title);
            let because = Because::Liked("Silk Slip Dress".into());
            assert_ne!((EN_FOR_YOU.because)(&because), (other.because)(&because));
        }
    }
}
