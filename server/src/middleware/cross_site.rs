//! Cross-site request refusal. A page on another site can make a shopper's browser send a
//! form to the store (sign in to the attacker's account, sign out, fill a bag), and
//! `SameSite=Lax` does not stop a cookie-less request or a top-level form post. So every
//! state-changing request (anything but GET, HEAD and OPTIONS) must come from the store's
//! own pages:
//!
//! 1. `Sec-Fetch-Site: cross-site` or `same-site` (a sibling subdomain) is refused.
//! 2. Else an `Origin` must be the store's origin (`APP_BASE_URL`) or the origin the
//!    request was addressed to (its `Host`, with the base URL's scheme: the same store
//!    opened as `localhost` and as `127.0.0.1`). `Origin: null` is refused.
//! 3. Else a `Referer` must have one of those origins.
//! 4. A request with none of the three headers is allowed. Every browser this store
//!    supports sends `Origin` on a cross-origin POST (and `Sec-Fetch-Site` on every
//!    request), so such a request is not a page on another site acting through a
//!    shopper's browser; it is a script, a test or a server calling the API directly,
//!    which could send any header it liked anyway. (This is the rule of Go's
//!    `http.CrossOriginProtection` and OWASP's origin check.)
//!
//! Exempt by design, because they are authenticated otherwise: the Stripe webhook (its
//! signature) and the OAuth callback (its signed state and PKCE).
//!
//! Server functions take only the encodings ours are written in: URL-encoded forms and
//! JSON, and multipart forms at the upload endpoints (`app::api::UPLOAD_PATHS`, the
//! review form with its photos). A cross-site page could otherwise still post
//! `text/plain` or `multipart` bodies without a CORS preflight; those answer 415.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use domain::Refusal;
use http::header::{CONTENT_TYPE, HOST, ORIGIN, REFERER};
use http::{HeaderMap, Method};

/// The store's own origin, `scheme://host[:port]`, from `APP_BASE_URL`.
#[derive(Clone, Debug)]
pub struct SiteOrigin {
    origin: String,
    scheme: &'static str,
}

impl SiteOrigin {
    pub fn from_base_url(base_url: &str) -> SiteOrigin {
        let scheme = if base_url.starts_with("https://") {
            "https"
        } else {
            "http"
        };
        SiteOrigin {
            origin: origin_of(base_url).unwrap_or(base_url).to_ascii_lowercase(),
            scheme,
        }
    }

    /// Whether `origin` is this store, as configured or as this request addressed it.
    fn is_ours(&self, origin: &str, headers: &HeaderMap) -> bool {
        let origin = origin.to_ascii_lowercase();
        if origin == self.origin {
            return true;
        }
        headers
            .get(HOST)
            .and_then(|host| host.to_str().ok())
            .is_some_and(|host| {
                origin == format!("{}://{}", self.scheme, host.to_ascii_lowercase())
            })
    }
}

/// Paths that authenticate their callers otherwise.
const EXEMPT_PREFIXES: [&str; 3] = [
    "/webhooks/stripe",
    "/auth/oauth/",
    "/notifications/unsubscribe/one-click",
];

/// Refuses state-changing requests from other sites with 403, and server-function calls
/// in another encoding with 415; see the module documentation.
pub async fn refuse_cross_site(
    State(site): State<Arc<SiteOrigin>>,
    request: Request,
    next: Next,
) -> Response {
    let method = request.method();
    let path = request.uri().path();
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
        || EXEMPT_PREFIXES
            .iter()
            .any(|prefix| path.starts_with(prefix))
    {
        return next.run(request).await;
    }
    let headers = request.headers();
    if !comes_from_the_store(&site, headers) {
        tracing::warn!(
            %path,
            origin = ?headers.get(ORIGIN),
            referer = ?headers.get(REFERER),
            "cross-site request refused"
        );
        return super::refuse(headers, Refusal::CrossSite);
    }
    if path.starts_with("/api/") && !is_server_function_encoding(path, headers) {
        return super::refuse(headers, Refusal::UnsupportedContent);
    }
    next.run(request).await
}

fn comes_from_the_store(site: &SiteOrigin, headers: &HeaderMap) -> bool {
    let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    if matches!(header("sec-fetch-site"), Some("cross-site" | "same-site")) {
        return false;
    }
    if let Some(origin) = headers.get(ORIGIN) {
        // An origin that is not text (or "null") is not ours.
        return origin
            .to_str()
            .is_ok_and(|origin| site.is_ours(origin, headers));
    }
    if let Some(referer) = headers.get(REFERER) {
        return referer
            .to_str()
            .ok()
            .and_then(origin_of)
            .is_some_and(|origin| site.is_ours(origin, headers));
    }
    true
}

/// `scheme://host[:port]` of an absolute http(s) URL.
fn origin_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    if authority_end == 0 {
        return None;
    }
    Some(&url[..url.len() - rest.len() + authority_end])
}

fn is_server_function_encoding(path: &str, headers: &HeaderMap) -> bool {
    let Some(content_type) = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "application/x-www-form-urlencoded" | "application/json" => true,
        "multipart/form-data" => app::api::UPLOAD_PATHS.contains(&path),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, value.parse().unwrap());
        }
        headers
    }

    #[test]
    fn the_origin_decides_then_the_referer_then_fetch_metadata() {
        let site = SiteOrigin::from_base_url("https://luxeverse.example");
        let ours = |pairs: &[(&'static str, &str)]| comes_from_the_store(&site, &headers(pairs));
        assert!(ours(&[("origin", "https://luxeverse.example")]));
        assert!(ours(&[("origin", "https://LuxeVerse.example")]));
        assert!(!ours(&[("origin", "https://evil.example")]));
        assert!(!ours(&[("origin", "http://luxeverse.example")]));
        assert!(!ours(&[("origin", "null")]));
        assert!(ours(&[(
            "referer",
            "https://luxeverse.example/sign-in?next=/bag"
        )]));
        assert!(!ours(&[(
            "referer",
            "https://luxeverse.example.evil.example/"
        )]));
        assert!(!ours(&[("referer", "not a url")]));
        assert!(!ours(&[
            ("origin", "https://luxeverse.example"),
            ("sec-fetch-site", "cross-site"),
        ]));
        assert!(!ours(&[("sec-fetch-site", "same-site")]));
        assert!(ours(&[("sec-fetch-site", "same-origin")]));
        // Neither header: not a browser acting for another site (see the module docs).
        assert!(ours(&[]));
        // The store as the request addressed it.
        assert!(ours(&[
            ("origin", "https://shop.example:8443"),
            ("host", "shop.example:8443"),
        ]));
    }

    #[test]
    fn origins_are_cut_from_urls() {
        assert_eq!(
            origin_of("http://127.0.0.1:3000/a?b#c"),
            Some("http://127.0.0.1:3000")
        );
        assert_eq!(origin_of("https://x.example"), Some("https://x.example"));
        assert_eq!(origin_of("https:///path"), None);
        assert_eq!(origin_of("ftp://x.example"), None);
    }

    #[test]
    fn server_functions_take_forms_and_json_only() {
        let sent = |content_type: &str| {
            is_server_function_encoding(
                "/api/cart/add",
                &headers(&[("content-type", content_type)]),
            )
        };
        assert!(sent("application/x-www-form-urlencoded"));
        assert!(sent("application/x-www-form-urlencoded; charset=UTF-8"));
        assert!(sent("application/json"));
        assert!(!sent("text/plain"));
        assert!(!sent("multipart/form-data; boundary=x"));
        assert!(!is_server_function_encoding(
            "/api/cart/add",
            &HeaderMap::new()
        ));
    }

    #[test]
    fn uploads_take_multipart_forms_too() {
        let multipart = headers(&[("content-type", "multipart/form-data; boundary=x")]);
        assert!(is_server_function_encoding(
            "/api/reviews/write",
            &multipart
        ));
        assert!(!is_server_function_encoding(
            "/api/reviews/vote",
            &multipart
        ));
    }
}
