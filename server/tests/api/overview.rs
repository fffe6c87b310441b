//! The account's home page over HTTP: the latest orders, the points balance, the tier,
//! and the saved pieces and unread messages counted for the caller alone.

use chrono::Utc;
use entities::sea_orm_active_enums::{MembershipTier, NotificationType, OrderStatus};
use entities::{loyalty_points, notifications, users, wishlist_items, wishlists};
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};

use crate::helpers::shop::{call, order_row, shopper};
use crate::helpers::{ProductBuilder, TestApp, spawn_app};

async fn notification(app: &TestApp, user: Uuid, read: bool, expires_in_days: Option<i64>) {
    notifications::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user),
        r#type: Set(NotificationType::OrderUpdate),
        title: Set("Your order has shipped".into()),
        message: Set("It is on its way.".into()),
        channels: Set(vec!["in_app".into()]),
        is_read: Set(read),
        expires_at: Set(
            expires_in_days.map(|days| (Utc::now() + chrono::Duration::days(days)).into())
        ),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

async fn saved_list(app: &TestApp, user: Uuid, pieces: usize) {
    let list = wishlists::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user),
        name: Set("Evenings".into()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    for n in 0..pieces {
        let piece = ProductBuilder::new(&format!("Saved piece {n}"), "90.00")
            .insert(&app.db)
            .await;
        wishlist_items::ActiveModel {
            id: Set(Uuid::new_v4()),
            wishlist_id: Set(list.id),
            product_id: Set(piece.product_id),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
}

#[tokio::test]
async fn the_overview_counts_the_callers_orders_points_saved_pieces_and_unread_messages() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let (grace, grace_token) = shopper(&app).await;
    let mut placed = Vec::new();
    for day in 0..5 {
        placed.push(order_row(&app, ada.id, OrderStatus::Delivered, day).await);
    }
    loyalty_points::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(ada.id),
        r#type: Set("earned".into()),
        points: Set(12_500),
        balance_after: Set(12_500),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    saved_list(&app, ada.id, 2).await;
    saved_list(&app, grace.id, 3).await;
    notification(&app, ada.id, false, None).await;
    notification(&app, ada.id, false, Some(3)).await;
    notification(&app, ada.id, true, None).await;
    notification(&app, ada.id, false, Some(-1)).await; // expired
    notification(&app, grace.id, false, None).await;
    let mut member = users::Entity::find_by_id(ada.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    member.membership_tier = Set(MembershipTier::Diamond);
    member.membership_expires_at = Set(Some((Utc::now() + chrono::Duration::days(20)).into()));
    member.update(&app.db).await.unwrap();

    let (status, overview) = call(&app, "/api/account/overview", &[], &token).await;
    assert_eq!(status, 200, "{overview}");
    let recent: Vec<&str> = overview["recent_orders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|order| order["order_number"].as_str().unwrap())
        .collect();
    assert_eq!(recent, placed[..3], "the three newest");
    assert_eq!(overview["points"], 12_500);
    assert_eq!(overview["tier"], "Diamond");
    assert!(overview["tier_renews"].is_string());
    assert_eq!(overview["saved_pieces"], 2);
    assert_eq!(
        overview["unread"], 2,
        "read and expired ones are not counted"
    );

    let (_, theirs) = call(&app, "/api/account/overview", &[], &grace_token).await;
    assert_eq!(theirs["recent_orders"].as_array().unwrap().len(), 0);
    assert_eq!(theirs["any_orders"], false);
    assert_eq!(
        (theirs["saved_pieces"].clone(), theirs["unread"].clone()),
        (3.into(), 1.into())
    );
    assert_eq!(theirs["tier"], "Pearl");
    assert!(theirs["tier_renews"].is_null());

    let signed_out = app.post_form("/api/account/overview", &[], None).await;
    assert_eq!(signed_out.status().as_u16(), 401);

    // The page is rendered on the server, in the shopper's language.
    let html = app
        .get_with_cookie("/account", &format!("lv_session={token}; lv_lang=fr"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(&placed[0]) && !html.contains(&placed[3]),
        "{html}"
    );
    assert!(html.contains("12\u{202f}500 points"), "{html}");
    assert!(
        html.contains("Diamant") && html.contains("2 non lues"),
        "{html}"
    );
    assert!(html.contains("href=\"/account/notifications\""));
}
