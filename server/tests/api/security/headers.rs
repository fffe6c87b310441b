//! Security headers on every response, a fresh nonce CSP on pages, and the https
//! flavour: HSTS and the `__Host-` session cookie.

use super::PASSWORD;
use crate::helpers::client::set_cookies;
use crate::helpers::{spawn_app, spawn_app_with};

/// The nonce a page policy allows scripts with.
fn policy_nonce(policy: &str) -> Option<String> {
    let rest = policy.split("'nonce-").nth(1)?;
    rest.split('\'').next().map(str::to_string)
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_pages_a_nonce_policy() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    assert_eq!(page.status(), 200);
    let headers = page.headers().clone();
    let header = |name: &str| {
        headers
            .get(name)
            .map(|value| value.to_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("{name} is missing"))
    };
    let policy = header("content-security-policy");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    let nonce = policy_nonce(&policy).expect("the policy names a nonce");
    assert!(nonce.len() >= 16, "{nonce}");
    let html = page.text().await.unwrap();
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "the hydration script carries the policy's nonce"
    );
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("referrer-policy"), "strict-origin-when-cross-origin");
    assert!(header("permissions-policy").contains("camera=()"));
    assert_eq!(header("x-frame-options"), "DENY");
    assert!(
        headers.get("strict-transport-security").is_none(),
        "no HSTS over http"
    );

    // Each render has its own nonce.
    let again = app.get("/").await;
    let second = again.headers()["content-security-policy"].to_str().unwrap();
    assert!(!second.contains(&nonce));

    // The not-found page is a page too: its scripts carry the nonce its policy names.
    let missing = app.get("/no-such-page").await;
    assert_eq!(missing.status(), 404);
    let policy = missing.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    let nonce = policy_nonce(&policy)
        .unwrap_or_else(|| panic!("the not-found page's policy names a nonce: {policy}"));
    let html = missing.text().await.unwrap();
    assert!(html.contains(&format!("nonce=\"{nonce}\"")));

    // Server functions and missing files get a policy that allows nothing.
    for response in [
        app.post_form("/api/auth/me", &[], None).await,
        app.get("/pkg/no-such-file.js").await,
    ] {
        let policy = response.headers()["content-security-policy"]
            .to_str()
            .unwrap();
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    }
}

#[tokio::test]
async fn over_https_the_session_cookie_is_host_prefixed_and_hsts_is_sent() {
    let app = spawn_app_with(
        [(
            "APP_BASE_URL".to_string(),
            "https://luxeverse.example".to_string(),
        )]
        .into(),
    )
    .await;
    let response = app.get("/").await;
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=63072000; includeSubDomains"
    );
    assert_eq!(
        app.register("Ada", "ada@example.com", PASSWORD)
            .await
            .status(),
        200
    );
    let response = app.sign_in("ada@example.com", PASSWORD).await;
    let cookie = set_cookies(&response)
        .into_iter()
        .find(|cookie| cookie.starts_with("__Host-lv_session="))
        .expect("the session cookie has the __Host- prefix");
    assert!(
        cookie.contains("; Secure") && cookie.contains("Path=/;"),
        "{cookie}"
    );
    assert!(!cookie.contains("Domain"), "{cookie}");
}
