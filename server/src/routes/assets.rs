//! Static files, with the caching each kind can afford:
//!
//! - `/pkg` (the WASM bundle, its JS glue and the stylesheet): served from the files the
//!   release build precompressed (`name.br`, `name.gz`, chosen by `Accept-Encoding`),
//!   `Vary: Accept-Encoding`. With hashed names (`LEPTOS_HASH_FILES=true`, the release
//!   build) a name never changes content, so browsers keep them for a year without
//!   asking (`immutable`); unhashed (development) they revalidate on every use.
//! - `/fonts` and `/images` (under `public/`, not renamed when they change): a week,
//!   then revalidated by `Last-Modified`.
//! - `/media` (uploaded pictures, named by their content's hash): a year, `immutable`.
//! - Anything else (favicon, robots.txt, unknown paths and their 404 page) goes to the
//!   Leptos fallback.
//!
//! Only successful answers (and 304s) carry a caching policy: a missing file must not be
//! remembered.

use std::path::Path;

use axum::Router;
use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::Response;
use http::HeaderValue;
use http::header::{CACHE_CONTROL, VARY};
use tower_http::services::ServeDir;

/// A year: a content-hashed name is never reused for other bytes.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Unhashed bundle files (development builds): always revalidated.
pub const REVALIDATE: &str = "no-cache";
/// Fonts and images: a week, then revalidated.
pub const WEEK: &str = "public, max-age=604800";

/// The static routes under `site_root`. `hashed_bundle`: the bundle's names carry their
/// content hash (`LeptosOptions::hash_files`).
pub fn routes<S>(site_root: &Path, pkg_dir: &str, hashed_bundle: bool) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let bundle_policy = if hashed_bundle { IMMUTABLE } else { REVALIDATE };
    let bundle = Router::new()
        .fallback_service(
            ServeDir::new(site_root.join(pkg_dir))
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(middleware::from_fn(move |request, next| {
            cache_for(bundle_policy, true, request, next)
        }));
    let mut router = Router::new().nest(&format!("/{pkg_dir}"), bundle);
    for dir in ["fonts", "images"] {
        let files = Router::new()
            .fallback_service(ServeDir::new(site_root.join(dir)))
            .layer(middleware::from_fn(|request, next| {
                cache_for(WEEK, false, request, next)
            }));
        router = router.nest(&format!("/{dir}"), files);
    }
    router
}

/// Uploaded pictures (`services::media`, served at `/media`): named by the hash of their
/// bytes, so cached for a year like the bundle.
pub fn media<S>(store_root: &Path) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let files = Router::new()
        .fallback_service(ServeDir::new(store_root))
        .layer(middleware::from_fn(|request, next| {
            cache_for(IMMUTABLE, false, request, next)
        }));
    Router::new().nest(services::media::URL_PREFIX, files)
}

/// Sets `policy` on a successful or not-modified answer; `varies`: the answer depends
/// on `Accept-Encoding` (precompressed variants).
async fn cache_for(policy: &'static str, varies: bool, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let status = response.status();
    if status.is_success() || status == http::StatusCode::NOT_MODIFIED {
        let headers = response.headers_mut();
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(policy));
        if varies {
            headers.append(VARY, HeaderValue::from_static("accept-encoding"));
        }
    }
    response
}
