//! The Content-Security-Policy of every page the server renders. Scripts run only from
//! this origin or with the page's nonce (Leptos puts it on the hydration scripts), so an
//! injected `<script>` or inline handler does not run; WebAssembly may compile; nothing
//! loads from another origin, and no other site may frame the store.
//!
//! The server's security-headers middleware adds the other headers and a stricter policy
//! to responses that are not pages (static files, server functions).

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

/// Sends the page policy with this render's nonce.
#[cfg(feature = "ssr")]
pub fn send_page_policy(options: &leptos::prelude::LeptosOptions) {
    use leptos::prelude::use_context;
    let (nonce, response) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    );
    let (Some(nonce), Some(response)) = (nonce.clone(), response.clone()) else {
        // The middleware then sends `default-src 'none'` and the page cannot hydrate.
        tracing::warn!(
            nonce = nonce.is_some(),
            response_options = response.is_some(),
            "a page rendered without its Content-Security-Policy"
        );
        return;
    };
    // Whether `cargo leptos watch` runs cannot change while the server does: read once.
    static WATCHED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let watched = *WATCHED.get_or_init(|| std::env::var_os("LEPTOS_WATCH").is_some());
    let live_reload_port =
        watched.then(|| options.reload_external_port.unwrap_or(options.reload_port));
    if let Ok(value) =
        http::HeaderValue::from_str(&page_policy(&nonce.to_string(), live_reload_port))
    {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
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
