//! Refusals and failed requests in the page's language: the one place pages and
//! components turn an `ApiError` or a `Refusal` into words.

use domain::Refusal;

use crate::api::ApiError;
use crate::i18n::errors::refusal_text;
use crate::i18n::use_locale;

/// What to tell the shopper when a request failed, in the page's language: the refusal
/// the server sent, or that it could not be reached.
pub fn error_text(error: &ApiError) -> String {
    error.text(use_locale())
}

/// A refusal (a bag line's problem, a coupon's rejection) in the page's language.
pub fn refusal_words(refusal: &Refusal) -> String {
    refusal_text(refusal, use_locale())
}
