//! Server functions, one module per area. Each is thin: `Ctx::load()`, call one service,
//! `?`. `context` (who is asking), `error` (how refusals leave) and `cookies` (the only
//! cookie code) serve them all.

pub mod account;
pub mod admin;
pub mod auth;
pub mod cart;
pub mod catalog;
pub mod checkout;
#[cfg(feature = "ssr")]
pub mod context;
pub mod cookies;
#[cfg(feature = "ssr")]
pub mod dates;
pub mod error;
pub mod locale;
pub mod look;

pub mod page_data;
pub mod payments;
pub mod product;
pub mod reviews;
pub mod search;
pub mod size_advisor;
pub mod style;

pub use error::ApiError;

/// Endpoints that take uploads: the server lets their bodies be larger.
pub const UPLOAD_PATHS: &[&str] = &[reviews::WRITE_PATH];
