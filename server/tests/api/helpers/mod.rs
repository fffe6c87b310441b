//! The one home of what the integration tests share: starting the app on a database of its
//! own (`spawn`, cloned from the template databases of `templates`), talking to it over
//! HTTP (`client`), writing fixture rows (`builders`), and the local stand-ins for the
//! services the app talks to (`fakes`).

pub mod builders;
pub mod client;
pub mod fakes;
pub mod shop;
pub mod spawn;
mod templates;

pub use builders::{ProductBuilder, UserBuilder};
pub use client::{Jar, cookie_pair, session_token, set_cookie_header};
pub use spawn::{
    TestApp, embedder, escaped, free_port, heading, init_tracing, spawn_app, spawn_app_with,
    spawn_seeded_app, spawn_seeded_app_with, test_cluster_settings, workspace_root,
};

/// Polls `check` until it gives something, for at most 5 s (the server writes its
/// analytics queue every second).
pub async fn eventually<T, F: Future<Output = Option<T>>>(check: impl Fn() -> F) -> Option<T> {
    for _ in 0..50 {
        if let Some(found) = check().await {
            return Some(found);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    None
}
