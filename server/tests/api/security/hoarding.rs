//! Stock hoarding: one pending order per bag, and a cap on unpaid orders.

use reqwest::StatusCode;
use sea_orm::prelude::*;
use serde_json::Value;

use crate::helpers::{ProductBuilder, spawn_app};

#[tokio::test]
async fn placing_an_order_again_for_the_same_bag_replaces_the_pending_one() {
    use crate::helpers::Jar;
    use crate::helpers::builders::delivery;
    use entities::sea_orm_active_enums::OrderStatus;
    use entities::{orders, product_variants};

    let app = spawn_app().await;
    let piece = ProductBuilder::new("Evening Clutch", "650.00")
        .stock(5)
        .insert(&app.db)
        .await;
    let variant = piece.id.to_string();
    let mut jar = Jar::default();
    let add = app
        .post_form_with_jar(
            &mut jar,
            "/api/cart/add",
            &[("variant_id", &variant), ("quantity", "2")],
        )
        .await;
    assert_eq!(add.status(), 200);
    for _ in 0..3 {
        let placed = app
            .post_form_with_jar(
                &mut jar,
                "/api/checkout/place_order",
                &delivery("clutch@example.test", &[]),
            )
            .await;
        assert_eq!(placed.status(), 200);
        let body: Value = placed.json().await.unwrap();
        assert!(body["Placed"].is_object(), "{body}");
    }
    let all = orders::Entity::find().all(&app.db).await.unwrap();
    let pending: Vec<_> = all
        .iter()
        .filter(|order| order.status == OrderStatus::Pending)
        .collect();
    assert_eq!(pending.len(), 1, "{all:?}");
    assert_eq!(
        all.iter()
            .filter(|order| order.status == OrderStatus::Cancelled)
            .count(),
        2
    );
    let held = product_variants::Entity::find_by_id(piece.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(held.inventory_reserved, 2, "one hold, not three");
}

#[tokio::test]
async fn outstanding_unpaid_orders_are_capped_per_email_and_network() {
    use crate::helpers::Jar;
    use crate::helpers::builders::delivery;
    use services::checkout::{MAX_PER_EMAIL, MAX_PER_NETWORK};

    let app = spawn_app().await;
    let piece = ProductBuilder::new("Velvet Slippers", "320.00")
        .stock(500)
        .insert(&app.db)
        .await;
    let variant = piece.id.to_string();
    // Each guest is a fresh session (no cookie), as a hoarding script would be.
    let place = |email: String| {
        let variant = variant.clone();
        let app = &app;
        async move {
            let mut jar = Jar::default();
            let add = app
                .post_form_with_jar(
                    &mut jar,
                    "/api/cart/add",
                    &[("variant_id", &variant), ("quantity", "1")],
                )
                .await;
            assert_eq!(add.status(), 200);
            app.post_form_with_jar(
                &mut jar,
                "/api/checkout/place_order",
                &delivery(&email, &[]),
            )
            .await
        }
    };
    for _ in 0..MAX_PER_EMAIL {
        assert_eq!(place("same@example.test".into()).await.status(), 200);
    }
    let refused = place("same@example.test".into()).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(
        body["refusal"]["TooManyPendingOrders"]["max"], MAX_PER_EMAIL,
        "{body}"
    );
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("awaiting payment"),
        "{body}"
    );

    // Other addresses, same network: the network's cap applies.
    for n in MAX_PER_EMAIL..MAX_PER_NETWORK {
        assert_eq!(
            place(format!("shopper{n}@example.test")).await.status(),
            200,
            "{n}"
        );
    }
    let refused = place("one-more@example.test".into()).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
}
