//! Server functions, one module per domain. Each is thin: parse and authorise, call a
//! domain service, map its errors to what the page shows.

pub mod account;
pub mod auth;
pub mod cart;
pub mod catalog;
pub mod error;
pub mod locale;
pub mod payments;
pub mod product;
#[cfg(feature = "ssr")]
pub mod request;
pub mod search;
