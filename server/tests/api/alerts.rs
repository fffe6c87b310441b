//! Wishlist alerts: a price drop and a restock each give exactly one notification and
//! one email however often the sweep runs (and with two sweeps at once); a new change
//! alerts again; the price-drop message carries the lowest price of the previous 30
//! days; the stock adjustment that triggers a restock is for admins only.

use chrono::Utc;
use entities::sea_orm_active_enums::{NotificationType, UserRole};
use entities::{notifications, products, users};
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, IntoActiveModel, QueryFilter, QueryOrder, Set};
use services::catalog::prices::set_price;
use services::wishlists::alerts;

use crate::helpers::shop::{call, shopper};
use crate::helpers::{ProductBuilder, TestApp, spawn_app};

async fn alerts_of(app: &TestApp, user: Uuid, kind: NotificationType) -> Vec<notifications::Model> {
    notifications::Entity::find()
        .filter(notifications::Column::UserId.eq(user))
        .filter(notifications::Column::Type.eq(kind))
        .order_by_asc(notifications::Column::CreatedAt)
        .all(&app.db)
        .await
        .unwrap()
}

/// Sweeps `times` times, two at once each time.
async fn sweep(app: &TestApp, times: usize) {
    for _ in 0..times {
        let (one, two) = tokio::join!(
            alerts::sweep(&app.db, Utc::now()),
            alerts::sweep(&app.db, Utc::now())
        );
        one.unwrap();
        two.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_price_drop_alerts_once_per_change_with_the_lowest_price_of_30_days() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    app.smtp
        .wait_for_message(&ada.email, std::time::Duration::from_secs(10))
        .await;
    let scarf = ProductBuilder::new("Silk Scarf", "220.00")
        .insert(&app.db)
        .await;
    let product = scarf.product_id;
    call(
        &app,
        "/api/wishlist/heart",
        &[("product_id", &product.to_string()), ("saved", "true")],
        &token,
    )
    .await;

    // A rise alerts nobody; the drop below the saved price does, at once.
    set_price(&app.db, product, "260.00".parse().unwrap(), None)
        .await
        .unwrap();
    assert!(
        alerts_of(&app, ada.id, NotificationType::PriceDrop)
            .await
            .is_empty()
    );
    set_price(&app.db, product, "180.00".parse().unwrap(), None)
        .await
        .unwrap();
    sweep(&app, 3).await;
    let drops = alerts_of(&app, ada.id, NotificationType::PriceDrop).await;
    assert_eq!(drops.len(), 1, "{drops:?}");
    assert_eq!(drops[0].title, "Silk Scarf is now $180.00");
    assert_eq!(
        drops[0].message,
        "Down from $220.00 when you saved it. Lowest price in the previous 30 days: $220.00."
    );
    assert_eq!(drops[0].product_id, Some(product));
    for _ in 0..3 {
        app.send_notification_emails(Utc::now()).await;
    }
    let mails = app.smtp.take_all(&ada.email);
    assert_eq!(mails.len(), 1);
    assert!(mails[0].text_parts()[0].contains("Silk Scarf is now $180.00"));

    // A further drop is a new change: a second alert, with the lowest price since.
    set_price(&app.db, product, "150.00".parse().unwrap(), None)
        .await
        .unwrap();
    sweep(&app, 2).await;
    let drops = alerts_of(&app, ada.id, NotificationType::PriceDrop).await;
    assert_eq!(drops.len(), 2);
    assert!(
        drops[1]
            .message
            .ends_with("Lowest price in the previous 30 days: $180.00."),
        "{}",
        drops[1].message
    );
    // Its email waits for tomorrow's batch.
    app.send_notification_emails(Utc::now()).await;
    assert!(app.smtp.take_all(&ada.email).is_empty());

    // Switched off, a drop made outside the store (no recorded change) stays quiet.
    let lists = call(&app, "/api/wishlist/lists", &[], &token).await.1;
    let item = lists[0]["pieces"][0]["item_id"]
        .as_str()
        .unwrap()
        .to_string();
    call(&app, "/api/wishlist/update", &[("item", &item)], &token).await;
    let mut row = products::Entity::find_by_id(product)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    row.price = Set("120.00".parse().unwrap());
    row.update(&app.db).await.unwrap();
    sweep(&app, 1).await;
    assert_eq!(
        alerts_of(&app, ada.id, NotificationType::PriceDrop)
            .await
            .len(),
        2
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_restock_of_the_saved_size_alerts_once_and_adjusting_stock_is_for_admins() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let (grace, grace_token) = shopper(&app).await;
    let coat = ProductBuilder::new("Cashmere Coat", "1450.00")
        .stock(0)
        .insert(&app.db)
        .await;
    call(
        &app,
        "/api/wishlist/heart",
        &[
            ("product_id", &coat.product_id.to_string()),
            ("saved", "true"),
        ],
        &token,
    )
    .await;
    let lists = call(&app, "/api/wishlist/lists", &[], &token).await.1;
    let item = lists[0]["pieces"][0]["item_id"]
        .as_str()
        .unwrap()
        .to_string();
    call(
        &app,
        "/api/wishlist/update",
        &[
            ("item", &item),
            ("variant", &coat.id.to_string()),
            ("back_in_stock", "true"),
        ],
        &token,
    )
    .await;
    sweep(&app, 1).await;
    assert!(
        alerts_of(&app, ada.id, NotificationType::BackInStock)
            .await
            .is_empty(),
        "still sold out"
    );

    // Only an admin adjusts stock, with a reason.
    let variant = coat.id.to_string();
    let form = [
        ("variant_id", variant.as_str()),
        ("change", "2"),
        ("reason", "received"),
    ];
    let (status, _) = call(&app, "/api/admin/adjust_stock", &form, &grace_token).await;
    assert_eq!(status, 403);
    let mut admin = users::Entity::find_by_id(grace.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    admin.role = Set(UserRole::Admin);
    admin.update(&app.db).await.unwrap();
    let (status, refused) = call(
        &app,
        "/api/admin/adjust_stock",
        &[("variant_id", &variant), ("change", "2"), ("reason", " ")],
        &grace_token,
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    let (status, count) = call(&app, "/api/admin/adjust_stock", &form, &grace_token).await;
    assert_eq!((status, count), (200, serde_json::Value::from(2)));

    sweep(&app, 3).await;
    let restocks = alerts_of(&app, ada.id, NotificationType::BackInStock).await;
    assert_eq!(restocks.len(), 1, "{restocks:?}");
    assert_eq!(restocks[0].title, "Cashmere Coat is back");
    assert!(
        restocks[0]
            .action_url
            .as_deref()
            .unwrap()
            .starts_with("/products/")
    );
    // More stock on top is not a restock.
    call(
        &app,
        "/api/admin/adjust_stock",
        &[
            ("variant_id", &variant),
            ("change", "1"),
            ("reason", "received"),
        ],
        &grace_token,
    )
    .await;
    sweep(&app, 1).await;
    assert_eq!(
        alerts_of(&app, ada.id, NotificationType::BackInStock)
            .await
            .len(),
        1
    );
    // Sold out again, then back: a new change, a second alert.
    call(
        &app,
        "/api/admin/adjust_stock",
        &[
            ("variant_id", &variant),
            ("change", "-3"),
            ("reason", "damaged"),
        ],
        &grace_token,
    )
    .await;
    call(
        &app,
        "/api/admin/adjust_stock",
        &[
            ("variant_id", &variant),
            ("change", "1"),
            ("reason", "return restock"),
        ],
        &grace_token,
    )
    .await;
    sweep(&app, 2).await;
    assert_eq!(
        alerts_of(&app, ada.id, NotificationType::BackInStock)
            .await
            .len(),
        2
    );

    // The bell counts them.
    let (_, unread) = call(&app, "/api/notifications/unread", &[], &token).await;
    assert_eq!(unread, 2);
}
