//! `ApiError`: how every refusal leaves a server function. It carries the typed
//! `domain::Refusal` (pages word it in the shopper's language with `i18n::errors`) and,
//! for plain forms, API callers and logs, its wording in the request's language. On the
//! server, making one sets the HTTP status that matches the refusal: this file is the one
//! mapping from service errors to statuses.

use domain::Refusal;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub refusal: Refusal,
    /// The refusal in the request's language (English when it never reached the server).
    pub message: String,
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    /// Transport failures: the request did not arrive, or its answer could not be read.
    /// On the server, a request whose arguments do not parse (a field missing or not a
    /// number) is the caller's mistake: 400, never a 500.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        if matches!(value, ServerFnErrorErr::Args(_)) {
            #[cfg(feature = "ssr")]
            return ApiError::new(Refusal::MalformedRequest);
        }
        ApiError {
            refusal: match value {
                ServerFnErrorErr::Request(_)
                | ServerFnErrorErr::Response(_)
                | ServerFnErrorErr::Deserialization(_) => Refusal::Unreachable,
                _ => Refusal::Internal,
            },
            message: value.to_string(),
        }
    }
}

impl ApiError {
    /// The refusal in `locale`'s words (what pages show).
    pub fn text(&self, locale: domain::Locale) -> String {
        crate::i18n::errors::refusal_text(&self.refusal, locale)
    }
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use domain::{FieldError, Refusal};
    use http::StatusCode;
    use leptos::prelude::*;
    use leptos_axum::ResponseOptions;

    use super::ApiError;
    use crate::i18n::errors::refusal_text;

    /// The HTTP status a refusal answers with.
    pub fn status_of(refusal: &Refusal) -> StatusCode {
        use Refusal as R;
        match refusal {
            R::SignInRequired | R::SessionExpired => StatusCode::UNAUTHORIZED,
            R::Forbidden
            | R::TestCardsOnly
            | R::SuperAdminOnly
            | R::CrossSite
            | R::ReviewNotPurchased => StatusCode::FORBIDDEN,
            R::UnsupportedContent => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            R::RequestTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            R::Busy => StatusCode::SERVICE_UNAVAILABLE,
            R::FilterInvalid { .. } | R::TooManyValues { .. } | R::MalformedRequest => {
                StatusCode::BAD_REQUEST
            }
            R::Internal | R::Unreachable => StatusCode::INTERNAL_SERVER_ERROR,
            R::RateLimited { .. } | R::TooManyPendingOrders { .. } => StatusCode::TOO_MANY_REQUESTS,
            R::AddressNotFound
            | R::OrderNotFound
            | R::NotificationNotFound
            | R::SizeAdviceNotFound
            | R::LookNotFound
            | R::WishlistNotFound
            | R::ReviewNotFound
            | R::NotInBag
            | R::PieceGone
            | R::UnknownUser => StatusCode::NOT_FOUND,
            R::CheckoutUnavailable | R::MailUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            R::OrderClosed { .. }
            | R::OrderMovedOn { .. }
            | R::NoPaymentYet
            | R::CardDeclined { .. }
            | R::PaymentRefused
            | R::CurrencyNotChargeable { .. }
            | R::NotRefundable
            | R::RefundTooLarge { .. }
            | R::ReviewExists
            | R::PersonalisationOff => StatusCode::CONFLICT,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

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

    impl ApiError {
        /// Refuses with the refusal's own status.
        pub fn new(refusal: Refusal) -> Self {
            let status = status_of(&refusal);
            Self::with_status(status, refusal)
        }

        /// Refuses with `status` (where the same refusal means something else here).
        pub fn with_status(status: StatusCode, refusal: Refusal) -> Self {
            if let Some(response) = use_context::<ResponseOptions>() {
                response.set_status(status);
            }
            ApiError {
                message: word(&refusal),
                refusal,
            }
        }

        /// Logs a fault on our side and answers 500 with a message safe to show.
        pub fn internal(error: impl std::fmt::Display) -> Self {
            tracing::error!(%error, "server function failed");
            Self::new(Refusal::Internal)
        }
    }

    /// A service error that knows its refusal; `Internal` ones are logged with their
    /// details before the shopper sees the generic message.
    pub trait Refuses: std::fmt::Display {
        fn refusal_code(&self) -> Refusal;
    }

    impl<E: Refuses> From<E> for ApiError {
        fn from(error: E) -> Self {
            let refusal = error.refusal_code();
            if status_of(&refusal).is_server_error() {
                tracing::error!(%error, "server function failed");
            }
            ApiError::new(refusal)
        }
    }

    macro_rules! refuses {
        ($($error:ty),* $(,)?) => {$(
            impl Refuses for $error {
                fn refusal_code(&self) -> Refusal {
                    self.refusal()
                }
            }
        )*};
    }

    refuses!(
        services::auth::AuthError,
        services::auth::roles::RoleError,
        services::auth::tokens::TokenError,
        services::addresses::AddressError,
        services::profile::ProfileError,
        services::cart::CartError,
        services::pricing::PricingError,
        services::checkout::CheckoutError,
        services::payments::PaymentError,
        services::orders::OrderError,
        services::notifications::NotificationError,
        services::wishlists::WishlistError,
        services::inventory::InventoryError,
        services::reviews::ReviewError,
        services::personal::style::StyleError,
        services::personal::size::SizeError,
        services::personal::look::LookError,
    );

    /// Database faults are always ours.
    impl Refuses for sea_orm::DbErr {
        fn refusal_code(&self) -> Refusal {
            Refusal::Internal
        }
    }
}
