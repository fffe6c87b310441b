//! `next` after sign-in: every variant lands on a path of this site.

use super::PASSWORD;
use crate::helpers::spawn_app;

#[tokio::test]
async fn every_next_after_sign_in_lands_on_a_path_of_this_site() {
    let app = spawn_app().await;
    assert_eq!(
        app.register("Ada", "ada@example.com", PASSWORD)
            .await
            .status(),
        200
    );
    for next in [
        "/\t/evil.example",
        "/\n",
        "/\r\nSet-Cookie: x=1",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "https://evil.example/",
        "http:evil.example",
        " /account",
        "/%09/evil.example",
        "/account/orders?page=2",
    ] {
        // As a browser without JavaScript posts the form: the answer is a redirect.
        let response = app
            .client
            .post(format!("{}/api/auth/sign_in", app.address))
            .header("accept", "text/html")
            .form(&[
                ("email", "ada@example.com"),
                ("password", PASSWORD),
                ("next", next),
            ])
            .send()
            .await
            .unwrap_or_else(|error| panic!("{next:?}: the connection dropped: {error}"));
        assert!(
            response.status().is_redirection(),
            "{next:?}: {}",
            response.status()
        );
        let location = response.headers()["location"].to_str().unwrap();
        assert!(location.starts_with('/'), "{next:?} → {location}");
        assert!(!location.starts_with("//"), "{next:?} → {location}");
        assert!(
            !location.contains('\\') && !location.chars().any(char::is_whitespace),
            "{next:?} → {location}"
        );
        let expected = match next {
            "/account/orders?page=2" | "/%09/evil.example" => next,
            _ => "/account",
        };
        assert_eq!(location, expected, "{next:?}");
    }
}
