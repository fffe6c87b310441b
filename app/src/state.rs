//! Server-side application state, handed to axum handlers and server functions.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use services::Services;

/// Everything a request may need on the server: the Leptos options, the services handle
/// and how cookies are marked. Cheap to clone: each field is a handle.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub services: Services,
    /// Mark cookies `Secure` (the site is served over https).
    pub secure_cookies: bool,
    /// Reverse proxies whose `X-Forwarded-For` is believed (`TRUSTED_PROXIES`); empty
    /// by default, when the connection's own address is the client's.
    pub trusted_proxies: std::sync::Arc<[sea_orm::prelude::IpNetwork]>,
}
