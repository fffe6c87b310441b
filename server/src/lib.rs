//! The LuxeVerse server: configuration, database bootstrap and the HTTP application.
//! `main.rs` is a thin wrapper so integration tests can start the same app in-process.

pub mod config;
pub mod database;
pub mod embedded_pg;
pub mod jobs;
pub mod middleware;
pub mod routes;
pub mod seed;
pub mod startup;
pub mod stripe_fake;
pub mod telemetry;
