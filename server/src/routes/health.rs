//! `GET /health`: liveness plus a database round trip, as JSON.

use std::time::Instant;

use axum::{Json, extract::State, http::StatusCode};
use serde::Serialize;
use services::Services;

#[derive(Debug, Serialize)]
pub struct Health {
    pub status: &'static str,
    pub version: &'static str,
    pub database: DatabaseHealth,
}

#[derive(Debug, Serialize)]
pub struct DatabaseHealth {
    pub status: &'static str,
    pub latency_ms: f64,
}

pub async fn health(State(services): State<Services>) -> (StatusCode, Json<Health>) {
    let db = &services.db;
    let started = Instant::now();
    let ping = db.ping().await;
    let latency_ms = (started.elapsed().as_secs_f64() * 1000.0 * 100.0).round() / 100.0;
    let (code, status, database) = match ping {
        Ok(()) => (StatusCode::OK, "ok", "up"),
        Err(error) => {
            tracing::warn!(%error, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "degraded", "down")
        }
    };
    (
        code,
        Json(Health {
            status,
            version: env!("CARGO_PKG_VERSION"),
            database: DatabaseHealth {
                status: database,
                latency_ms,
            },
        }),
    )
}
