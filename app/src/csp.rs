//! The Content-Security-Policy of every page the server renders. Scripts run only from
//! this origin or with the page's nonce (Leptos puts it on the hydration scripts), so an
//! injected `<script>` or inline handler does not run; WebAssembly may compile; nothing
//! loads from another origin, and no other site may frame the store.
//!
//! The server's security-headers middleware mints the nonce, sends this policy with every
//! page, and a stricter one with responses that are not pages (static files, server
//! functions).

/// The policy for a page whose scripts carry `nonce`. `live_reload_port`: the port of
/// cargo-leptos' live-reload socket while `cargo leptos watch` runs.
pub fn page_policy(nonce: &str, live_reload_port: Option<u32>) -> String {
    let live_reload = live_reload_port
        .map(|port| format!(" ws://*:{port} wss://*:{port}"))
        .unwrap_or_default();
    format!(
        "default-src 'self'; \
         script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; \
         img-src 'self' data: blob:; \
         font-src 'self'; \
         connect-src 'self'{live_reload}; \
         object-src 'none'; \
         base-uri 'none'; \
         form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// Uses the nonce the server's security-headers middleware minted for this request (and
/// names in the page's policy header) for this render's scripts. The header never depends
/// on the render: the middleware sends it with every page from the same value.
#[cfg(feature = "ssr")]
pub fn use_request_nonce() {
    use leptos::nonce::Nonce;
    use leptos::prelude::{provide_context, use_context};
    let minted = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Nonce>().cloned());
    match minted {
        Some(nonce) => provide_context(nonce),
        // Rendered outside the middleware (it mints one for every request): the page's
        // scripts would not match its policy and it could not hydrate.
        None => tracing::warn!("a page rendered without the nonce of its policy"),
    }
}

#[cfg(test)]
mod tests {
    use super::page_policy;

    #[test]
    fn scripts_need_the_nonce_and_nothing_may_frame_the_page() {
        let policy = page_policy("abc123", None);
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("object-src 'none'"));
        assert!(!policy.contains("ws://"));
        assert!(page_policy("n", Some(3001)).contains("connect-src 'self' ws://*:3001"));
    }
}
