use crate::helpers::spawn_app;

#[tokio::test]
async fn health_reports_the_database_up() {
    let app = spawn_app().await;

    let response = app.get_health().await;

    assert_eq!(response.status(), 200);
    assert!(response.headers().contains_key("x-request-id"));
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"]["status"], "up");
    assert!(body["database"]["latency_ms"].as_f64().unwrap() >= 0.0);
}

#[tokio::test]
async fn health_reports_the_database_down_when_it_is_unreachable() {
    let app = spawn_app().await;
    // The server's own pool, closed: every query it tries fails at once.
    let pool = app.services.db.clone();
    app.on_server(async move { pool.close().await })
        .await
        .unwrap();

    let response = app.get_health().await;

    assert_eq!(response.status(), 503);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], "degraded");
    assert_eq!(body["database"]["status"], "down");
}
