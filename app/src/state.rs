//! Server-side application state, handed to axum handlers and server functions.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;

use services::auth::tokens::TokenSigner;
use services::mail::Mailer;
use services::oauth::OAuthProviders;
use services::payments::Payments;

/// Everything a request may need on the server. Cheap to clone: each field is a handle.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    /// Mark cookies `Secure` (the site is served over https).
    pub secure_cookies: bool,
    /// Public base URL for links in emails, no trailing slash.
    pub base_url: String,
    pub mailer: Mailer,
    /// Signs verification and reset links and the OAuth sign-in cookie.
    pub signer: TokenSigner,
    /// Social sign-in providers configured by environment.
    pub oauth: OAuthProviders,
    /// Listing pages and facet counts, cached for a few seconds (see `ListingCache`).
    pub listing_cache: services::catalog::listing::ListingCache,
    /// Product pages' reads, cached for a few seconds (see `ProductPageCache`).
    pub product_cache: services::catalog::product::ProductPageCache,
    /// Stripe (or the local fake): PaymentIntents, refunds, the webhook secret.
    pub payments: Payments,
}
