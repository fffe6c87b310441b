//! The account's orders over HTTP and through the services: the list (newest first, by
//! keyset, filtered), one order with its timeline, cancelling (stock, coupon, points and
//! money all given back; a shipment racing it), buying again, and every function
//! answering 404 for someone else's order.

use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};
use entities::{coupon_uses, coupons};
use sea_orm::QueryFilter;
use sea_orm::prelude::*;
use serde_json::Value;
use services::cart::{self, CartOwner};
use services::orders::{self as order_service, OrderError};
use services::payments;

use crate::helpers::builders::CouponBuilder;
use crate::helpers::shop::{
    call, order, order_row, paid_order, payments_of, place, points, shopper, stock,
};
use crate::helpers::{ProductBuilder, spawn_app};

fn numbers(page: &Value) -> Vec<String> {
    page["orders"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|order| order["order_number"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_order_list_pages_newest_first_and_filters_by_status() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let mut placed = Vec::new();
    for day in 0..12 {
        let status = if day % 4 == 0 {
            OrderStatus::Shipped
        } else {
            OrderStatus::Delivered
        };
        placed.push(order_row(&app, ada.id, status, day).await);
    }

    let (status, first) = call(&app, "/api/orders/list", &[], &token).await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(numbers(&first), placed[..10]);
    let next = first["next"].as_str().expect("a second page").to_string();
    let (_, second) = call(&app, "/api/orders/list", &[("after", &next)], &token).await;
    assert_eq!(numbers(&second), placed[10..]);
    assert!(second["next"].is_null());

    // An order placed meanwhile does not shift the second page.
    order_row(&app, ada.id, OrderStatus::Confirmed, 0).await;
    let (_, again) = call(&app, "/api/orders/list", &[("after", &next)], &token).await;
    assert_eq!(numbers(&again), placed[10..]);

    let (_, shipped) = call(&app, "/api/orders/list", &[("status", "shipped")], &token).await;
    assert_eq!(
        numbers(&shipped),
        [placed[0].clone(), placed[4].clone(), placed[8].clone()]
    );
    let (_, none) = call(&app, "/api/orders/list", &[("status", "cancelled")], &token).await;
    assert!(numbers(&none).is_empty());
    assert_eq!(none["any_orders"], true);

    for bad in [[("status", "lost")], [("after", "yesterday")]] {
        let (status, refused) = call(&app, "/api/orders/list", &bad, &token).await;
        assert_eq!(status, 400, "{bad:?}: {refused}");
    }
    let signed_out = app.post_form("/api/orders/list", &[], None).await;
    assert_eq!(signed_out.status().as_u16(), 401);

    // The page itself renders the list on the server.
    let page = app
        .get_with_cookie("/account/orders", &format!("lv_session={token}"))
        .await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains(&placed[0]) && html.contains(&placed[8]),
        "{html}"
    );
    // The order placed meanwhile is the newest, so the ninth of the first batch is on
    // the second page.
    assert!(!html.contains(&placed[9]), "ten per page");
}

#[tokio::test]
async fn someone_elses_order_is_not_found_by_every_function() {
    let app = spawn_app().await;
    let (ada, _) = shopper(&app).await;
    let (_, grace) = shopper(&app).await;
    let piece = ProductBuilder::new("Silk Scarf", "120.00")
        .stock(3)
        .insert(&app.db)
        .await;
    let adas = paid_order(&app, &ada, &piece, 1, None).await;
    let number = adas.order_number.as_str();
    for path in [
        "/api/orders/detail",
        "/api/orders/cancel",
        "/api/orders/buy_again",
    ] {
        let (status, body) = call(&app, path, &[("order_number", number)], &grace).await;
        assert_eq!(status, 404, "{path}: {body}");
    }
    let page = app
        .get_with_cookie(
            &format!("/account/orders/{number}"),
            &format!("lv_session={grace}"),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Silk Scarf"));
    // Nothing changed: still confirmed, still sold, nothing in Grace's bag.
    assert_eq!(order(&app, adas.id).await.status, OrderStatus::Confirmed);
    assert_eq!(stock(&app, piece.id).await, (2, 0));
}

#[tokio::test]
async fn cancelling_a_paid_order_gives_back_stock_coupon_points_and_every_cent() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let piece = ProductBuilder::new("Cashmere Coat", "1450.00")
        .stock(4)
        .insert(&app.db)
        .await;
    let coupon = CouponBuilder::new("ATELIER10", "percentage", "10")
        .insert(&app.db)
        .await;
    let paid = paid_order(&app, &ada, &piece, 2, Some("ATELIER10")).await;
    assert_eq!(stock(&app, piece.id).await, (2, 0));
    assert!(points(&app, ada.id).await > 0);
    let coupon_row = || async {
        coupons::Entity::find_by_id(coupon.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
    };
    assert_eq!(coupon_row().await.usage_count, 1);

    let number = paid.order_number.as_str();
    let (status, detail) = call(
        &app,
        "/api/orders/detail",
        &[("order_number", number)],
        &token,
    )
    .await;
    assert_eq!(status, 200, "{detail}");
    assert_eq!(detail["cancellable"], true);
    assert_eq!(detail["lines"][0]["quantity"], 2);
    assert_eq!(detail["lines"][0]["unit_price"]["amount"], "1450.00");

    let (status, cancelled) = call(
        &app,
        "/api/orders/cancel",
        &[("order_number", number)],
        &token,
    )
    .await;
    assert_eq!(status, 200, "{cancelled}");
    // Exactly what was paid (the discounted total with delivery and tax) comes back.
    assert_eq!(
        cancelled["refunded"]["amount"].as_str().unwrap(),
        format!("{:.2}", paid.total)
    );
    let after = order(&app, paid.id).await;
    assert_eq!(
        (after.status, after.payment_status),
        (OrderStatus::Cancelled, PaymentStatus::Refunded)
    );
    assert!(after.cancelled_at.is_some());
    assert_eq!(stock(&app, piece.id).await, (4, 0), "back on the shelf");
    assert_eq!(coupon_row().await.usage_count, 0);
    let uses = coupon_uses::Entity::find()
        .filter(coupon_uses::Column::OrderId.eq(paid.id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(uses, 0);
    assert_eq!(points(&app, ada.id).await, 0, "the points are taken back");
    assert_eq!(
        payments::refunded_total(&app.db, paid.id).await.unwrap(),
        paid.total
    );

    // The timeline tells it, and the order can no longer be cancelled.
    let (_, detail) = call(
        &app,
        "/api/orders/detail",
        &[("order_number", number)],
        &token,
    )
    .await;
    let events: Vec<String> = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["event"].to_string())
        .collect();
    let position = |what: &str| events.iter().position(|e| e.contains(what));
    assert!(position("Paid") < position("Refunded"), "{events:?}");
    assert!(position("Confirmed") < position("Cancelled"), "{events:?}");
    assert_eq!(detail["cancellable"], false);
    let (status, again) = call(
        &app,
        "/api/orders/cancel",
        &[("order_number", number)],
        &token,
    )
    .await;
    assert_eq!(status, 409, "{again}");
    assert!(
        again["message"]
            .as_str()
            .unwrap()
            .contains("already been cancelled")
    );
    assert_eq!(stock(&app, piece.id).await, (4, 0), "no second restock");
}

#[tokio::test]
async fn an_unpaid_order_is_cancelled_without_a_refund_and_its_hold_released() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let piece = ProductBuilder::new("Linen Shirt", "210.00")
        .stock(2)
        .insert(&app.db)
        .await;
    let owner = CartOwner::User(ada.id);
    cart::add_item(&app.db, owner, piece.id, 1, None)
        .await
        .unwrap();
    let placed = place(&app, &ada, None).await;
    assert_eq!(stock(&app, piece.id).await, (2, 1));
    let (status, cancelled) = call(
        &app,
        "/api/orders/cancel",
        &[("order_number", &placed.order_number)],
        &token,
    )
    .await;
    assert_eq!(status, 200, "{cancelled}");
    assert_eq!(cancelled["refunded"]["amount"], "0.00");
    assert_eq!(stock(&app, piece.id).await, (2, 0));
    assert_eq!(
        order(&app, placed.order_id).await.status,
        OrderStatus::Cancelled
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_cancel_racing_a_shipment_has_one_winner_and_consistent_stock_and_money() {
    let app = spawn_app().await;
    let (ada, _) = shopper(&app).await;
    let piece = ProductBuilder::new("Evening Bag", "890.00")
        .stock(20)
        .insert(&app.db)
        .await;
    let payments = payments_of(&app);
    let (mut cancels, mut shipments) = (0, 0);
    for _ in 0..6 {
        let paid = paid_order(&app, &ada, &piece, 1, None).await;
        let before = stock(&app, piece.id).await.0;
        let (cancelled, shipped) = tokio::join!(
            order_service::cancel(&app.db, &payments, ada.id, &paid.order_number),
            order_service::mark_shipped(&app.db, paid.id, "DHL Express", "JD0146000012", None),
        );
        let after = order(&app, paid.id).await;
        let refunded = payments::refunded_total(&app.db, paid.id).await.unwrap();
        match (cancelled, shipped) {
            (Ok(done), Err(OrderError::MovedOn { .. })) => {
                cancels += 1;
                assert_eq!(done.refunded, paid.total);
                assert_eq!(after.status, OrderStatus::Cancelled);
                assert_eq!(refunded, paid.total);
                assert_eq!(stock(&app, piece.id).await.0, before + 1);
                assert!(after.tracking_number.is_none());
            }
            (Err(OrderError::MovedOn { .. }), Ok(_)) => {
                shipments += 1;
                assert_eq!(after.status, OrderStatus::Shipped);
                assert_eq!(refunded, Decimal::ZERO);
                assert_eq!(stock(&app, piece.id).await.0, before);
                assert_eq!(after.payment_status, PaymentStatus::Completed);
            }
            other => panic!("exactly one must win: {other:?}"),
        }
    }
    assert_eq!(cancels + shipments, 6);
}

#[tokio::test]
async fn a_shipped_order_shows_its_tracking_and_refuses_to_be_cancelled() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let piece = ProductBuilder::new("Leather Loafers", "640.00")
        .stock(5)
        .insert(&app.db)
        .await;
    let paid = paid_order(&app, &ada, &piece, 1, None).await;
    order_service::mark_shipped(&app.db, paid.id, "DHL Express", "JD0146000099", None)
        .await
        .unwrap();
    let number = paid.order_number.as_str();
    let (status, refused) = call(
        &app,
        "/api/orders/cancel",
        &[("order_number", number)],
        &token,
    )
    .await;
    assert_eq!(status, 409, "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("already shipped")
    );
    let (_, detail) = call(
        &app,
        "/api/orders/detail",
        &[("order_number", number)],
        &token,
    )
    .await;
    assert_eq!(detail["tracking_number"], "JD0146000099");
    assert_eq!(detail["cancellable"], false);
    let shipped_step = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["event"]["State"] == "Shipped")
        .expect("a shipped step");
    assert_eq!(shipped_step["detail"], "DHL Express · JD0146000099");
    assert_eq!(order(&app, paid.id).await.status, OrderStatus::Shipped);
    assert_eq!(stock(&app, piece.id).await, (4, 0));

    // The page shows it in French, dates included.
    let html = app
        .client
        .get(format!("{}/account/orders/{number}", app.address))
        .header("cookie", format!("lv_session={token}; lv_lang=fr"))
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Remise au transporteur"), "French timeline");
    assert!(html.contains("JD0146000099"));
}

#[tokio::test]
async fn buy_again_puts_what_is_left_in_the_bag_and_says_what_is_not() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let scarf = ProductBuilder::new("Silk Scarf", "120.00")
        .stock(5)
        .insert(&app.db)
        .await;
    let ring = ProductBuilder::new("Gold Ring", "980.00")
        .stock(1)
        .insert(&app.db)
        .await;
    let owner = CartOwner::User(ada.id);
    cart::add_item(&app.db, owner, scarf.id, 2, None)
        .await
        .unwrap();
    let paid = paid_order(&app, &ada, &ring, 1, None).await;
    // The ring sold out with this order; the scarf line was bought with it too.
    assert_eq!(stock(&app, ring.id).await, (0, 0));
    let (status, report) = call(
        &app,
        "/api/orders/buy_again",
        &[("order_number", &paid.order_number)],
        &token,
    )
    .await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["added"], serde_json::json!(["Silk Scarf"]));
    let skipped = report["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0][0], "Gold Ring");
    let bag = cart::view(&app.db, owner).await.unwrap();
    assert_eq!(bag.lines.len(), 1);
    assert_eq!(bag.lines[0].quantity, 2);
}
