//! Reviews: the product page's list (sorting, filtering by rating, the histogram,
//! helpful votes, reports) and the review page (writing, editing, deleting one's own).
//!
//! Read through [`reviews_text`] by those two pages alone, so the text travels in their
//! lazily loaded chunks rather than in the first page's bundle.

use domain::read::reviews::{FitFeedback, ReportReason, ReviewSort, ReviewState};

use super::in_page_language;

mod en;
mod fr;
mod it;

pub use en::{EN, EN_FORM};
pub use fr::{FR, FR_FORM};
pub use it::{IT, IT_FORM};

pub struct ReviewsText {
    pub histogram: &'static str,
    /// "5 stars: 12 reviews" (a bar's label, a link to that rating).
    pub histogram_row: fn(i32, i64) -> String,
    pub sort_label: &'static str,
    pub every_rating: &'static str,
    pub stars_only: fn(i32) -> String,
    pub none_with_rating: &'static str,
    pub write_review: &'static str,
    pub fit_label: &'static str,
    pub photos_of: fn(&str) -> String,
    pub was_helpful: &'static str,
    /// "Yes (3)", with the count.
    pub helpful_yes: fn(i32) -> String,
    pub helpful_no: fn(i32) -> String,
    pub vote_saved: &'static str,
    pub vote_failed: &'static str,
    pub report: &'static str,
    pub report_reason: &'static str,
    pub choose_reason: &'static str,
    pub send_report: &'static str,
    pub report_sent: &'static str,
    pub loading_reviews: &'static str,

    pub sort: fn(ReviewSort) -> &'static str,
    pub fit: fn(FitFeedback) -> &'static str,
    pub report_reasons: fn(ReportReason) -> &'static str,
}

/// The review page's own text: the form, the saved review, deleting it.
pub struct ReviewFormText {
    pub page_title: fn(&str) -> String,
    pub intro: &'static str,
    pub not_bought: &'static str,
    pub back_to_piece: &'static str,
    pub your_rating: &'static str,
    pub rating_option: fn(i32) -> String,
    pub title_label: &'static str,
    pub title_hint: &'static str,
    pub content_label: &'static str,
    pub content_hint: &'static str,
    pub fit_question: &'static str,
    pub fit_skip: &'static str,
    pub photos_label: &'static str,
    pub photos_hint: &'static str,
    pub current_photos: &'static str,
    pub keep_photo: fn(usize) -> String,
    pub submit_new: &'static str,
    pub submit_edit: &'static str,
    pub sending: &'static str,
    pub thanks: &'static str,
    pub your_review: &'static str,
    pub edit_review: &'static str,
    pub delete_review: &'static str,
    pub delete_confirm: &'static str,
    pub delete_yes: &'static str,
    pub deleted: &'static str,
    pub not_found: &'static str,

    pub state: fn(ReviewState) -> &'static str,
}

/// The product page's review text in the page's language.
pub fn reviews_text() -> &'static ReviewsText {
    in_page_language([&EN, &FR, &IT])
}

/// The review page's text in the page's language (with [`reviews_text`] for the choices
/// both pages word).
pub fn review_form_text() -> &'static ReviewFormText {
    in_page_language([&EN_FORM, &FR_FORM, &IT_FORM])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_words_every_choice() {
        for other in [&FR_FORM, &IT_FORM] {
            assert_ne!(EN_FORM.thanks, other.thanks);
            for state in [
                ReviewState::Pending,
                ReviewState::Published,
                ReviewState::Rejected,
            ] {
                assert_ne!((EN_FORM.state)(state), (other.state)(state));
            }
        }
        for other in [&FR, &IT] {
            assert_ne!(EN.write_review, other.write_review);
            assert_ne!(EN.fit_label, other.fit_label);
            for sort in ReviewSort::ALL {
                assert_ne!((EN.sort)(*sort), (other.sort)(*sort));
            }
            for fit in FitFeedback::ALL {
                assert_ne!((EN.fit)(*fit), (other.fit)(*fit));
            }
            for reason in ReportReason::ALL {
                assert_ne!(
                    (EN.report_reasons)(*reason),
                    (other.report_reasons)(*reason)
                );
            }
        }
    }
}
