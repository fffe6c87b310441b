//! How a refusal leaves a server function: as a typed `domain::Refusal` (for pages to word
//! with `i18n::errors`) together with its wording in the request's language (for plain
//! forms, API callers and logs), with the HTTP status that matches it.

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use domain::{FieldError, Refusal};
    use http::StatusCode;
    use leptos::prelude::*;
    use leptos_axum::ResponseOptions;

    use crate::i18n::errors::refusal_text;

    /// `refusal` in the words of the request's language.
    pub fn word(refusal: &Refusal) -> String {
        refusal_text(refusal, crate::i18n::requested_locale())
    }

    /// A refusal for `field` (or the whole form), worded for the request.
    pub fn field_error(field: Option<&str>, refusal: Refusal) -> FieldError {
        FieldError {
            field: field.map(str::to_string),
            message: word(&refusal),
            refusal,
        }
    }

    /// The HTTP status a refusal answers with.
    pub fn status_of(refusal: &Refusal) -> StatusCode {
        use Refusal as R;
        match refusal {
            R::SignInRequired | R::SessionExpired => StatusCode::UNAUTHORIZED,
            R::Forbidden => StatusCode::FORBIDDEN,
            R::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            R::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            R::AddressNotFound | R::OrderNotFound | R::NotInBag | R::PieceGone => {
                StatusCode::NOT_FOUND
            }
            R::CheckoutUnavailable | R::MailUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// Refuses with `status` and the refusal worded for the request.
    pub fn refuse_with(status: StatusCode, refusal: &Refusal) -> ServerFnError {
        if let Some(response) = use_context::<ResponseOptions>() {
            response.set_status(status);
        }
        ServerFnError::new(word(refusal))
    }

    /// Refuses with the refusal's own status.
    pub fn refuse(refusal: &Refusal) -> ServerFnError {
        refuse_with(status_of(refusal), refusal)
    }

    /// Logs an internal error and answers 500 with a message safe to show.
    pub fn internal(error: impl std::fmt::Display) -> ServerFnError {
        tracing::error!(%error, "server function failed");
        refuse(&Refusal::Internal)
    }
}
