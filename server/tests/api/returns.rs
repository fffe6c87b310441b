//! Returns over HTTP: the window counted from delivery (and read from
//! `system_settings`), final-sale pieces refused, per-line quantity, reason and condition
//! refused by field, requests adding up, the request landing in the order's history and
//! timeline, and someone else's order answering 404.

use chrono::Utc;
use entities::sea_orm_active_enums::OrderStatus;
use entities::{audit_logs, order_items, order_status_history, orders, products, system_settings};
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::{Value, json};
use services::orders as order_service;

use crate::helpers::shop::{call, order, paid_order, shopper};
use crate::helpers::{ProductBuilder, TestApp, spawn_app};

/// A paid order of `quantity` × a new piece, shipped and delivered `days_ago`.
async fn delivered(
    app: &TestApp,
    user: &entities::users::Model,
    name: &str,
    quantity: i32,
    days_ago: i64,
) -> orders::Model {
    let piece = ProductBuilder::new(name, "400.00")
        .stock(5)
        .insert(&app.db)
        .await;
    let paid = paid_order(app, user, &piece, quantity, None).await;
    order_service::mark_shipped(&app.db, paid.id, "DHL Express", "JD01460000", None)
        .await
        .expect("shipped");
    order_service::mark_delivered(&app.db, paid.id, None)
        .await
        .expect("delivered");
    let mut row = order(app, paid.id).await.into_active_model();
    row.delivered_at = Set(Some((Utc::now() - chrono::Duration::days(days_ago)).into()));
    row.update(&app.db).await.unwrap()
}

async fn item_of(app: &TestApp, order_id: Uuid) -> order_items::Model {
    order_items::Entity::find()
        .filter(order_items::Column::OrderId.eq(order_id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// Asks to return one line: `[item, quantity, reason, condition]`.
async fn ask(app: &TestApp, token: &str, number: &str, line: [&str; 4]) -> (u16, Value) {
    let [item, quantity, reason, condition] = line;
    call(
        app,
        "/api/orders/request_return",
        &[
            ("order_number", number),
            ("lines[0][item]", item),
            ("lines[0][quantity]", quantity),
            ("lines[0][reason]", reason),
            ("lines[0][condition]", condition),
        ],
        token,
    )
    .await
}

/// Return requests written, over all orders.
async fn requests_written(app: &TestApp) -> u64 {
    audit_logs::Entity::find()
        .filter(audit_logs::Column::Action.eq(order_service::RETURN_REQUESTED))
        .count(&app.db)
        .await
        .unwrap()
}

/// The refusals of an outcome as `(field, message)`.
fn refusals(outcome: &Value) -> Vec<(Option<String>, String)> {
    outcome["Refused"]
        .as_array()
        .unwrap_or_else(|| panic!("refused: {outcome}"))
        .iter()
        .map(|error| {
            (
                error["field"].as_str().map(str::to_string),
                error["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

async fn detail(app: &TestApp, token: &str, number: &str) -> Value {
    let (status, detail) = call(
        app,
        "/api/orders/detail",
        &[("order_number", number)],
        token,
    )
    .await;
    assert_eq!(status, 200, "{detail}");
    detail
}

#[tokio::test]
async fn a_delivered_line_is_returned_by_quantity_and_the_request_lands_in_the_history() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let order = delivered(&app, &ada, "Cashmere Wrap", 2, 3).await;
    let item = item_of(&app, order.id).await;
    let (number, id) = (order.order_number.as_str(), item.id.to_string());

    let before = detail(&app, &token, number).await;
    assert!(
        before["returns"]["Open"]["until"].is_string(),
        "{}",
        before["returns"]
    );
    assert_eq!(before["returns"]["Open"]["days"], 30);
    let line = &before["lines"][0];
    assert_eq!(
        (line["returnable"].clone(), line["final_sale"].clone()),
        (2.into(), false.into())
    );
    // The expected refund per quantity: the line's share of merchandise and tax paid.
    let paid_for_merchandise = order.subtotal - order.discount_amount + order.tax_amount;
    let one: Decimal = line["return_refunds"][0]["amount"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let two: Decimal = line["return_refunds"][1]["amount"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(two, paid_for_merchandise);
    assert_eq!(one, (paid_for_merchandise / Decimal::from(2)).round_dp(2));

    // A reason and a condition are needed, each reported on its own field.
    let (status, refused) = ask(&app, &token, number, [&id, "1", "", ""]).await;
    assert_eq!(status, 200, "{refused}");
    let fields: Vec<Option<String>> = refusals(&refused).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        [
            Some("lines[0][reason]".into()),
            Some("lines[0][condition]".into())
        ]
    );
    let (_, nothing) = ask(&app, &token, number, [&id, "0", "too_large", "unworn"]).await;
    assert_eq!(
        refusals(&nothing),
        [(None, "Choose at least one piece to return.".into())]
    );

    let (status, done) = ask(&app, &token, number, [&id, "1", "too_large", "unworn"]).await;
    assert_eq!((status, done.clone()), (200, json!("Saved")));

    // The request itself, for the back office: lines, reason, condition, refund.
    let logged = audit_logs::Entity::find()
        .filter(audit_logs::Column::EntityId.eq(order.id))
        .filter(audit_logs::Column::Action.eq("order.return_requested"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(logged.len(), 1);
    let request = logged[0].new_values.clone().unwrap();
    assert_eq!(logged[0].user_id, Some(ada.id));
    assert_eq!(request["status"], "requested");
    assert_eq!(request["lines"][0]["order_item_id"], id);
    assert_eq!(request["lines"][0]["quantity"], 1);
    assert_eq!(request["lines"][0]["reason"], "too_large");
    assert_eq!(request["lines"][0]["condition"], "unworn");
    assert_eq!(request["expected_refund"], format!("{one:.2}"));
    let after = self::order(&app, order.id).await;
    assert!(after.tags.contains(&"return-requested".to_string()));
    assert_eq!(
        after.status,
        OrderStatus::Delivered,
        "the order waits for the atelier"
    );
    let notes: Vec<String> = order_status_history::Entity::find()
        .filter(order_status_history::Column::OrderId.eq(order.id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|row| row.notes)
        .collect();
    assert!(
        notes
            .iter()
            .any(|note| note.starts_with("Return requested: 1 × Cashmere Wrap")),
        "{notes:?}"
    );

    // The timeline shows it once (not a second "Delivered"), and one unit is left.
    let now = detail(&app, &token, number).await;
    let timeline = now["timeline"].as_array().unwrap();
    let delivered_steps = timeline
        .iter()
        .filter(|entry| entry["event"]["State"] == "Delivered")
        .count();
    assert_eq!(delivered_steps, 1);
    let requested = timeline
        .iter()
        .find(|entry| entry["event"]["ReturnRequested"].is_object())
        .expect("a return step");
    assert_eq!(requested["event"]["ReturnRequested"]["pieces"], 1);
    assert_eq!(now["lines"][0]["returnable"], 1);
    assert_eq!(now["lines"][0]["return_requested"], 1);

    // Requests add up: two more than is left is refused on the quantity.
    let (_, too_many) = ask(&app, &token, number, [&id, "2", "too_large", "unworn"]).await;
    assert_eq!(
        refusals(&too_many),
        [(
            Some("lines[0][quantity]".into()),
            "You can return at most 1 of Cashmere Wrap.".into()
        )]
    );
    let (_, last) = ask(&app, &token, number, [&id, "1", "changed_mind", "tried_on"]).await;
    assert_eq!(last, json!("Saved"));
    let (_, done_already) = ask(&app, &token, number, [&id, "1", "changed_mind", "tried_on"]).await;
    assert_eq!(
        refusals(&done_already)[0].1,
        "Cashmere Wrap has already been returned in full."
    );
}

#[tokio::test]
async fn a_return_outside_the_window_or_before_delivery_or_of_a_final_sale_is_refused() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;

    let late = delivered(&app, &ada, "Linen Shirt", 1, 31).await;
    let late_item = item_of(&app, late.id).await.id.to_string();
    let (_, refused) = ask(
        &app,
        &token,
        &late.order_number,
        [&late_item, "1", "too_small", "unworn"],
    )
    .await;
    assert_eq!(
        refusals(&refused),
        [(
            None,
            "Returns are accepted within 30 days of delivery, and that time has passed.".into()
        )]
    );
    assert!(detail(&app, &token, &late.order_number).await["returns"]["Closed"].is_object());
    // The window is the store's setting: longer, and the same request goes through.
    let mut policy = system_settings::Entity::find_by_id("commerce.returns".to_string())
        .one(&app.db)
        .await
        .unwrap()
        .expect("the migration's row")
        .into_active_model();
    policy.value = Set(json!({"window_days": 60, "final_sale_tag": "final-sale"}));
    policy.update(&app.db).await.unwrap();
    let (_, accepted) = ask(
        &app,
        &token,
        &late.order_number,
        [&late_item, "1", "too_small", "unworn"],
    )
    .await;
    assert_eq!(accepted, json!("Saved"));

    // A final-sale piece never goes back.
    let sale = delivered(&app, &ada, "Sample Sale Blazer", 1, 2).await;
    let sale_item = item_of(&app, sale.id).await;
    let mut product = products::Entity::find_by_id(sale_item.product_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    product.style_tags = Set(vec!["tailored".into(), "final-sale".into()]);
    product.update(&app.db).await.unwrap();
    let shown = detail(&app, &token, &sale.order_number).await;
    assert_eq!(shown["lines"][0]["final_sale"], true);
    assert_eq!(shown["lines"][0]["returnable"], 0);
    let (_, refused) = ask(
        &app,
        &token,
        &sale.order_number,
        [&sale_item.id.to_string(), "1", "changed_mind", "unworn"],
    )
    .await;
    assert_eq!(
        refusals(&refused),
        [(
            Some("lines[0][quantity]".into()),
            "Sample Sale Blazer was a final sale and cannot be returned.".into()
        )]
    );

    // Not delivered yet: nothing to return.
    let piece = ProductBuilder::new("Evening Bag", "890.00")
        .insert(&app.db)
        .await;
    let confirmed = paid_order(&app, &ada, &piece, 1, None).await;
    let item = item_of(&app, confirmed.id).await.id.to_string();
    let (_, refused) = ask(
        &app,
        &token,
        &confirmed.order_number,
        [&item, "1", "faulty", "damaged"],
    )
    .await;
    assert_eq!(
        refusals(&refused),
        [(
            None,
            "Returns open once your order has been delivered.".into()
        )]
    );
    assert_eq!(
        detail(&app, &token, &confirmed.order_number).await["returns"],
        "NotDelivered"
    );
    assert_eq!(requests_written(&app).await, 1, "only the accepted one");
}

#[tokio::test]
async fn someone_elses_order_or_line_answers_404_and_changes_nothing() {
    let app = spawn_app().await;
    let (ada, _) = shopper(&app).await;
    let (grace, grace_token) = shopper(&app).await;
    let adas = delivered(&app, &ada, "Silk Scarf", 1, 1).await;
    let adas_item = item_of(&app, adas.id).await.id.to_string();
    let graces = delivered(&app, &grace, "Wool Coat", 1, 1).await;

    // Ada's order; Grace's own order naming Ada's line; a line id that is none at all.
    for (number, item) in [
        (&adas.order_number, adas_item.as_str()),
        (&graces.order_number, adas_item.as_str()),
        (&graces.order_number, "not-an-id"),
    ] {
        let (status, body) =
            ask(&app, &grace_token, number, [item, "1", "faulty", "damaged"]).await;
        assert_eq!(status, 404, "{body}");
    }
    let signed_out = app
        .post_form(
            "/api/orders/request_return",
            &[("order_number", &adas.order_number)],
            None,
        )
        .await;
    assert_eq!(signed_out.status().as_u16(), 401);
    assert_eq!(requests_written(&app).await, 0);
    assert!(order(&app, adas.id).await.tags.is_empty());
}
