//! Cross-site forms: refused with 403 and no cookie, while the store's own pages and
//! header-less callers go through.

use reqwest::StatusCode;

use super::{EVIL, PASSWORD, Pairs, refusal};
use crate::helpers::client::{SESSION_COOKIE, set_cookies};
use crate::helpers::{ProductBuilder, session_token, spawn_app};

#[tokio::test]
async fn cross_site_sign_in_sign_out_and_bag_changes_are_refused_and_set_no_cookie() {
    let app = spawn_app().await;
    let piece = ProductBuilder::new("Silk Scarf", "180.00")
        .stock(3)
        .insert(&app.db)
        .await;
    let variant = piece.id.to_string();
    assert_eq!(
        app.register("Ada", "ada@example.com", PASSWORD)
            .await
            .status(),
        200
    );
    let session = session_token(&app.sign_in("ada@example.com", PASSWORD).await);

    let credentials = [("email", "ada@example.com"), ("password", PASSWORD)];
    let add = [("variant_id", variant.as_str()), ("quantity", "1")];
    let attacks: [(&str, Pairs, Pairs); 5] = [
        ("/api/auth/sign_in", &credentials, &[("origin", EVIL)]),
        ("/api/auth/sign_in", &credentials, &[("origin", "null")]),
        ("/api/cart/add", &add, &[("sec-fetch-site", "cross-site")]),
        (
            "/api/cart/add",
            &add,
            &[("referer", "https://evil.example/shop")],
        ),
        (
            "/api/cart/add",
            &add,
            &[("origin", EVIL), ("sec-fetch-site", "cross-site")],
        ),
    ];
    for (path, form, headers) in attacks {
        let response = app.post_from(path, form, headers).await;
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "{path} {headers:?}"
        );
        assert!(
            set_cookies(&response).is_empty(),
            "{path}: a cookie was set"
        );
        let body = refusal(response).await;
        assert_eq!(body["refusal"], "CrossSite", "{body}");
        assert!(
            body["message"].as_str().unwrap().contains("another site"),
            "{body}"
        );
    }
    assert_eq!(app.guests().await, 0, "a refused cart/add created a guest");

    // Signing the shopper out from another site does nothing.
    let cookie = format!("{SESSION_COOKIE}={session}");
    let response = app
        .post_from(
            "/api/auth/sign_out",
            &[],
            &[("origin", EVIL), ("cookie", &cookie)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.me(Some(&session)).await["email"], "ada@example.com");

    // The refusal speaks the shopper's language.
    let french = app
        .post_from(
            "/api/auth/sign_in",
            &credentials,
            &[("origin", EVIL), ("cookie", "lv_lang=fr")],
        )
        .await;
    let body = refusal(french).await;
    assert!(
        body["message"].as_str().unwrap().contains("autre site"),
        "{body}"
    );

    // The store's own pages (and callers that send no browser headers) still work.
    for headers in [
        vec![("origin", app.address.as_str())],
        vec![("sec-fetch-site", "same-origin")],
        vec![],
    ] {
        let response = app
            .post_from("/api/auth/sign_in", &credentials, &headers)
            .await;
        assert_eq!(response.status(), 200, "{headers:?}");
        assert!(!set_cookies(&response).is_empty(), "{headers:?}");
    }
    let referer = format!("{}/products", app.address);
    let response = app
        .post_from("/api/cart/add", &add, &[("referer", referer.as_str())])
        .await;
    assert_eq!(response.status(), 200);

    // Server functions take only forms and JSON.
    let response = app
        .client
        .post(format!("{}/api/cart/add", app.address))
        .header("content-type", "text/plain")
        .header("origin", app.address.as_str())
        .body(format!("variant_id={variant}&quantity=1"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(refusal(response).await["refusal"], "UnsupportedContent");

    // The webhook is authenticated by its signature, not its origin.
    let response = app
        .client
        .post(format!("{}/webhooks/stripe", app.address))
        .header("origin", EVIL)
        .header("stripe-signature", "t=1,v1=00")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}
