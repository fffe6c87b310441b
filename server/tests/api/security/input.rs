//! Inputs sized to hurt: repeated filters, an overflowing quantity, a huge body, a slow
//! request holding the only slot.

use std::time::Duration;

use entities::cart_items;
use reqwest::StatusCode;
use sea_orm::prelude::*;
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt;

use super::{read_answer, refusal};
use crate::helpers::{ProductBuilder, session_token, spawn_app, spawn_app_with};

#[tokio::test]
async fn repeated_filter_values_are_refused_with_a_clear_400() {
    let app = spawn_app().await;
    let list = |params: Vec<(String, String)>| {
        app.client
            .post(format!("{}/api/catalog/list_products", app.address))
            .header("accept", "application/json")
            .json(&json!({ "params": params }))
            .send()
    };
    let repeated: Vec<(String, String)> = (0..3_000)
        .map(|n| ("color".to_string(), format!("Colour {n}")))
        .collect();
    let response = list(repeated).await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    let message = body["Invalid"].as_str().expect("a listing refusal");
    assert!(message.contains("at most 24 values"), "{message}");

    let same: Vec<(String, String)> = (0..3_000)
        .map(|_| ("size".to_string(), "M".to_string()))
        .collect();
    assert_eq!(list(same).await.unwrap().status(), StatusCode::BAD_REQUEST);

    let within: Vec<(String, String)> = (0..24)
        .map(|n| ("material".to_string(), format!("Material {n}")))
        .collect();
    let response = list(within).await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.json::<Value>().await.unwrap()["Page"].is_object());
}

#[tokio::test]
async fn a_quantity_that_would_overflow_is_refused_and_stores_nothing_negative() {
    let app = spawn_app().await;
    let piece = ProductBuilder::new("Wool Coat", "900.00")
        .stock(5)
        .insert(&app.db)
        .await;
    let variant = piece.id.to_string();
    let first = app
        .post_form(
            "/api/cart/add",
            &[("variant_id", &variant), ("quantity", "1")],
            None,
        )
        .await;
    assert_eq!(first.status(), 200);
    let session = session_token(&first);
    for quantity in ["2147483647", "100", "0", "-5"] {
        let response = app
            .post_form(
                "/api/cart/add",
                &[("variant_id", &variant), ("quantity", quantity)],
                Some(&session),
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{quantity}"
        );
        let body = refusal(response).await;
        assert_eq!(
            body["refusal"]["QuantityRange"]["max"], 99,
            "{quantity}: {body}"
        );
    }
    let lines = cart_items::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].quantity, 1);
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_before_it_is_read() {
    let app = spawn_app().await;
    // Announcing 3 MiB is enough: the answer comes before any of it is sent.
    let mut stream = app.connect().await;
    stream
        .write_all(
            format!(
                "POST /api/cart/add HTTP/1.1\r\nHost: {}\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\n\
                 Content-Length: 3145728\r\n\r\n",
                app.host()
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    let answer = read_answer(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("RequestTooLarge"), "{answer}");
}

#[tokio::test]
async fn a_slow_request_holds_its_slot_only_until_the_timeout() {
    let app = spawn_app_with(
        [
            ("HTTP_MAX_IN_FLIGHT", "1"),
            ("HTTP_QUEUE_WAIT_MILLIS", "200"),
            ("HTTP_REQUEST_TIMEOUT_SECONDS", "2"),
        ]
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .into(),
    )
    .await;
    // A request that promises a body and sends half of it takes the only slot.
    let mut slow = app.connect().await;
    slow.write_all(
        format!(
            "POST /api/cart/add HTTP/1.1\r\nHost: {}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: 100\r\n\r\nvariant_id=",
            app.host()
        )
        .as_bytes(),
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let turned_away = app.get("/health").await;
    assert_eq!(turned_away.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(refusal(turned_away).await["refusal"], "Busy");

    // The slow request is answered 503 at the timeout, and the slot is free again.
    let answer = read_answer(&mut slow).await;
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert_eq!(app.get("/health").await.status(), 200);
}
