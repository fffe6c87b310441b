//! Structured logging with `tracing`. `RUST_LOG` filters; `LOG_FORMAT=json` switches to
//! one JSON object per line for log shippers.

use tracing_subscriber::{EnvFilter, fmt};

pub const DEFAULT_LOG_FILTER: &str = "info,sqlx=warn,sea_orm=warn,tower_http=info";

/// Installs the global subscriber. Safe to call more than once (later calls are no-ops),
/// so tests can call it from every test.
pub fn init(default_filter: &str, writer: fn() -> Box<dyn std::io::Write>) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let json = std::env::var("LOG_FORMAT").is_ok_and(|format| format.eq_ignore_ascii_case("json"));
    let builder = fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_target(true);
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
