//! Request middleware: the caller is resolved once per request, before any page or server
//! function runs, and travels in the request's extensions (`app::api::context::Caller`).

use app::api::context::Caller;
use app::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

/// Looks the session cookie up once (no query without one) and leaves the caller in the
/// request's extensions for `Ctx::load()` and the plain routes. When the database cannot
/// answer, nothing is inserted and `Ctx::load()` tries again and reports the fault.
pub async fn resolve_caller(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    match Caller::resolve(&state.services, request.headers()).await {
        Ok(caller) => {
            request.extensions_mut().insert(caller);
        }
        Err(error) => tracing::error!(%error, "could not resolve the caller's session"),
    }
    next.run(request).await
}
