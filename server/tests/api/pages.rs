use crate::helpers::spawn_app;

#[tokio::test]
async fn home_page_is_rendered_on_the_server() {
    let app = spawn_app().await;

    let response = app.get("/").await;

    assert_eq!(response.status(), 200);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    let html = response.text().await.unwrap();
    assert!(html.contains("Quiet luxury, intelligently curated"));
    assert!(html.contains("<title>Quiet luxury, intelligently curated · LuxeVerse</title>"));
    assert!(html.contains(r#"name="description""#));
    assert!(html.contains(r#"role="tablist""#));
    // The hydration script that loads the WASM bundle is in the page.
    assert!(
        html.contains("/pkg/luxeverse.js"),
        "no hydration script in {html}"
    );
    assert!(html.contains("/pkg/luxeverse.css"));
}

#[tokio::test]
async fn unknown_paths_get_the_not_found_page_with_404() {
    let app = spawn_app().await;

    let response = app.get("/no/such/page").await;

    assert_eq!(response.status(), 404);
    let html = response.text().await.unwrap();
    assert!(html.contains("This page has slipped away"));
    assert!(html.contains("<title>Page not found · LuxeVerse</title>"));
}

#[tokio::test]
async fn the_chosen_theme_is_rendered_from_its_cookie() {
    let app = spawn_app().await;

    let dark = app
        .get_with_cookie("/", "lv_theme=dark")
        .await
        .text()
        .await
        .unwrap();
    let none = app.get("/").await.text().await.unwrap();
    let bogus = app
        .get_with_cookie("/", "lv_theme=\"><script>")
        .await
        .text()
        .await
        .unwrap();

    assert!(
        dark.contains(r#"<html lang="en" data-theme="dark""#),
        "{dark}"
    );
    assert!(!none.contains("data-theme="));
    assert!(!bogus.contains("data-theme="));
    assert!(!bogus.contains("<script>\""));
}
