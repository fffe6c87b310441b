//! Notifications over HTTP and through the outbox job: order steps notify the shopper
//! (and email them once, however often the job runs), the list hides expired ones and
//! someone else's answers 404, preferences decide the channels (orders always on),
//! alerts are batched into one email a day, and the unsubscribe link works when signed
//! and fails when tampered.

use chrono::{Duration, Utc};
use domain::Money;
use domain::read::notifications::Topic;
use entities::sea_orm_active_enums::NotificationType;
use entities::{notifications, users};
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, IntoActiveModel, QueryFilter, QueryOrder, Set};
use serde_json::Value;
use services::notifications::copy::Event;
use services::notifications::{NewNotification, notify};
use services::orders as order_service;

use crate::helpers::shop::{call, paid_order, shopper};
use crate::helpers::{ProductBuilder, TestApp, spawn_app};

async fn rows_of(app: &TestApp, user: Uuid) -> Vec<notifications::Model> {
    notifications::Entity::find()
        .filter(notifications::Column::UserId.eq(user))
        .order_by_asc(notifications::Column::CreatedAt)
        .all(&app.db)
        .await
        .unwrap()
}

async fn price_drop(app: &TestApp, user: Uuid, piece: &str) -> Option<notifications::Model> {
    let usd = |amount: &str| Money::new(amount.parse().unwrap(), "USD");
    notify(
        &app.db,
        NewNotification {
            user_id: user,
            topic: Topic::PriceDrop,
            event: Event::PriceDrop {
                piece,
                was: usd("500.00"),
                now: usd("400.00"),
                lowest: usd("400.00"),
            },
            order_id: None,
            product_id: None,
            action_url: Some("/products/a-piece".into()),
            email: true,
        },
    )
    .await
    .unwrap()
}

/// The subjects of the next `n` emails to `to` that the app sends on its own (the
/// address verification after registering, the order confirmation).
async fn background_mail(app: &TestApp, to: &str, n: usize) -> Vec<String> {
    let mut subjects = Vec::new();
    for _ in 0..n {
        let mail = app
            .smtp
            .wait_for_message(to, std::time::Duration::from_secs(10))
            .await;
        subjects.push(mail.header("Subject").unwrap_or_default());
    }
    subjects
}

fn titles(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["title"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn order_steps_notify_the_shopper_and_email_them_once() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let piece = ProductBuilder::new("Cashmere Coat", "1450.00")
        .insert(&app.db)
        .await;
    let paid = paid_order(&app, &ada, &piece, 1, None).await;
    order_service::mark_shipped(&app.db, paid.id, "DHL Express", "JD0146000077", None)
        .await
        .unwrap();
    order_service::mark_delivered(&app.db, paid.id, None)
        .await
        .unwrap();

    let rows = rows_of(&app, ada.id).await;
    let summary: Vec<(&str, Vec<String>)> = rows
        .iter()
        .map(|row| (row.title.as_str(), row.channels.clone()))
        .collect();
    let number = &paid.order_number;
    assert_eq!(
        summary,
        [
            (
                format!("Order {number} is confirmed").as_str(),
                vec!["in_app".to_string()]
            ),
            (
                format!("Order {number} is on its way").as_str(),
                vec!["in_app".into(), "email".into()]
            ),
            (
                format!("Order {number} was delivered").as_str(),
                vec!["in_app".into(), "email".into()]
            ),
        ]
    );
    assert!(rows[1].message.contains("DHL Express") && rows[1].message.contains("JD0146000077"));
    assert_eq!(
        rows[1].action_url.as_deref(),
        Some(format!("/account/orders/{number}").as_str())
    );

    // The welcome (verification) and confirmation emails go out on their own; the job
    // sends the two others, and running it again sends nothing more.
    let earlier = background_mail(&app, &ada.email, 2).await;
    assert!(
        earlier
            .iter()
            .any(|subject| subject.starts_with("Your LuxeVerse order")),
        "{earlier:?}"
    );
    for _ in 0..3 {
        app.send_notification_emails(Utc::now()).await;
    }
    let mails = app.smtp.take_all(&ada.email);
    assert_eq!(
        mails.len(),
        2,
        "{:?}",
        mails
            .iter()
            .map(|m| m.header("Subject"))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        mails[0].header("Subject").as_deref(),
        Some(format!("Order {number} is on its way").as_str())
    );
    assert!(mails[0].text_parts()[0].contains("JD0146000077"));
    assert!(
        mails[0].header("List-Unsubscribe").is_none(),
        "order updates cannot be stopped"
    );

    // The bell and the page read them, newest first.
    let (status, unread) = call(&app, "/api/notifications/unread", &[], &token).await;
    assert_eq!((status, unread), (200, Value::from(3)));
    let (_, page) = call(&app, "/api/notifications/list", &[], &token).await;
    assert_eq!(titles(&page)[0], format!("Order {number} was delivered"));
    assert_eq!(page["items"][0]["topic"], "Order");

    // A refund tells them too.
    let piece = ProductBuilder::new("Silk Scarf", "120.00")
        .insert(&app.db)
        .await;
    let second = paid_order(&app, &ada, &piece, 1, None).await;
    let (status, _) = call(
        &app,
        "/api/orders/cancel",
        &[("order_number", &second.order_number)],
        &token,
    )
    .await;
    assert_eq!(status, 200);
    let refunded = rows_of(&app, ada.id).await.pop().unwrap();
    assert!(
        refunded.title.contains("refunded on order"),
        "{}",
        refunded.title
    );
    assert_eq!(refunded.r#type, NotificationType::OrderUpdate);
}

#[tokio::test]
async fn the_list_pages_hides_expired_marks_read_and_keeps_to_its_owner() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let (_grace, grace_token) = shopper(&app).await;
    for n in 0..23 {
        price_drop(&app, ada.id, &format!("Piece {n:02}"))
            .await
            .unwrap();
    }
    let expired = price_drop(&app, ada.id, "Gone").await.unwrap();
    let mut gone = expired.clone().into_active_model();
    gone.expires_at = Set(Some((Utc::now() - Duration::hours(1)).into()));
    gone.update(&app.db).await.unwrap();

    let (status, first) = call(&app, "/api/notifications/list", &[], &token).await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(titles(&first).len(), 20);
    assert_eq!(first["unread"], 23, "the expired one is not counted");
    let next = first["next"].as_str().unwrap().to_string();
    let (_, second) = call(&app, "/api/notifications/list", &[("after", &next)], &token).await;
    assert_eq!(titles(&second).len(), 3);
    assert!(
        !titles(&first)
            .iter()
            .chain(&titles(&second))
            .any(|t| t.starts_with("Gone"))
    );
    let (status, _) = call(
        &app,
        "/api/notifications/list",
        &[("after", "tomorrow")],
        &token,
    )
    .await;
    assert_eq!(status, 400);

    // Someone else's notification: 404, and it stays unread.
    let id = first["items"][0]["id"].as_str().unwrap().to_string();
    let (status, _) = call(
        &app,
        "/api/notifications/read",
        &[("id", &id)],
        &grace_token,
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = call(&app, "/api/notifications/read", &[("id", "nope")], &token).await;
    assert_eq!(status, 404);
    let (_, theirs) = call(&app, "/api/notifications/list", &[], &grace_token).await;
    assert!(titles(&theirs).is_empty());
    let (status, _) = call(&app, "/api/notifications/read_all", &[], &grace_token).await;
    assert_eq!(status, 200);
    let (_, still) = call(&app, "/api/notifications/unread", &[], &token).await;
    assert_eq!(still, 23);

    let (status, _) = call(&app, "/api/notifications/read", &[("id", &id)], &token).await;
    assert_eq!(status, 200);
    let (_, after_one) = call(&app, "/api/notifications/unread", &[], &token).await;
    assert_eq!(after_one, 22);
    let (_, marked) = call(&app, "/api/notifications/read_all", &[], &token).await;
    assert_eq!(marked, 23, "the 22 shown and the expired one");
    let (_, none) = call(&app, "/api/notifications/unread", &[], &token).await;
    assert_eq!(none, 0);

    // Signed out: no bell, and the rest is refused.
    let bell = app.post_form("/api/notifications/unread", &[], None).await;
    assert_eq!(bell.status().as_u16(), 200);
    assert_eq!(bell.json::<Value>().await.unwrap(), Value::Null);
    for path in [
        "list",
        "read",
        "read_all",
        "preferences",
        "save_preferences",
    ] {
        let response = app
            .post_form(&format!("/api/notifications/{path}"), &[("id", &id)], None)
            .await;
        assert_eq!(response.status().as_u16(), 401, "{path}");
    }
}

#[tokio::test]
async fn preferences_choose_the_channels_and_order_updates_stay_on() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let (_, defaults) = call(&app, "/api/notifications/preferences", &[], &token).await;
    let drop = defaults
        .as_array()
        .unwrap()
        .iter()
        .find(|choice| choice["topic"] == "PriceDrop")
        .unwrap();
    assert_eq!(
        (drop["in_app"].clone(), drop["email"].clone()),
        (true.into(), true.into())
    );

    // Price drops in the app only; restocks nowhere; an attempt to turn orders off.
    let form = [
        ("choices[0][topic]", "price_drop"),
        ("choices[0][in_app]", "true"),
        ("choices[1][topic]", "back_in_stock"),
        ("choices[2][topic]", "order"),
    ];
    let (status, saved) = call(&app, "/api/notifications/save_preferences", &form, &token).await;
    assert_eq!((status, saved), (200, Value::from("Saved")));
    let (_, now) = call(&app, "/api/notifications/preferences", &[], &token).await;
    let find = |topic: &str| {
        now.as_array()
            .unwrap()
            .iter()
            .find(|choice| choice["topic"] == topic)
            .map(|choice| {
                (
                    choice["in_app"].as_bool().unwrap(),
                    choice["email"].as_bool().unwrap(),
                )
            })
            .unwrap()
    };
    assert_eq!(find("PriceDrop"), (true, false));
    assert_eq!(find("BackInStock"), (false, false));
    assert_eq!(find("Order"), (true, true));

    let row = price_drop(&app, ada.id, "Evening Bag").await.unwrap();
    assert_eq!(row.channels, ["in_app"]);
    let restock = notify(
        &app.db,
        NewNotification {
            user_id: ada.id,
            topic: Topic::BackInStock,
            event: Event::BackInStock {
                piece: "Evening Bag",
                size: None,
            },
            order_id: None,
            product_id: None,
            action_url: None,
            email: true,
        },
    )
    .await
    .unwrap();
    assert!(restock.is_none(), "no channel, no notification");
    // Other flags on the account are kept.
    let user = users::Entity::find_by_id(ada.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(user.feature_flags.unwrap()["notifications"].is_object());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn alerts_are_batched_into_one_email_a_day_even_with_two_job_runners() {
    let app = spawn_app().await;
    let (ada, _) = shopper(&app).await;
    background_mail(&app, &ada.email, 1).await;
    price_drop(&app, ada.id, "Silk Scarf").await.unwrap();
    price_drop(&app, ada.id, "Evening Bag").await.unwrap();

    // Two servers' jobs at the same moment: one email between them.
    let now = Utc::now();
    let (one, two) = tokio::join!(
        app.send_notification_emails(now),
        app.send_notification_emails(now)
    );
    assert_eq!(one.emails + two.emails, 1, "{one:?} {two:?}");
    let mails = app.smtp.take_all(&ada.email);
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(
        mail.header("Subject").as_deref(),
        Some("2 pieces you saved have news")
    );
    let body = &mail.text_parts()[0];
    assert!(
        body.contains("Silk Scarf") && body.contains("Evening Bag"),
        "{body}"
    );
    assert!(
        body.contains("Lowest price in the previous 30 days"),
        "{body}"
    );
    assert!(
        mail.header("List-Unsubscribe")
            .unwrap()
            .contains("/notifications/unsubscribe/one-click?token=")
    );
    assert_eq!(
        mail.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );

    // Another drop the same day waits; a day later it goes, alone.
    price_drop(&app, ada.id, "Wool Coat").await.unwrap();
    for hours in [1, 12, 23] {
        app.send_notification_emails(now + Duration::hours(hours))
            .await;
    }
    assert!(app.smtp.take_all(&ada.email).is_empty());
    app.send_notification_emails(now + Duration::hours(25))
        .await;
    let later = app.smtp.take_all(&ada.email);
    assert_eq!(later.len(), 1);
    assert_eq!(
        later[0].header("Subject").as_deref(),
        Some("A piece you saved has news")
    );
    app.send_notification_emails(now + Duration::hours(60))
        .await;
    assert!(
        app.smtp.take_all(&ada.email).is_empty(),
        "nothing is sent twice"
    );
}

#[tokio::test]
async fn the_unsubscribe_link_works_when_signed_and_fails_when_tampered() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    background_mail(&app, &ada.email, 1).await;
    price_drop(&app, ada.id, "Silk Scarf").await.unwrap();
    app.send_notification_emails(Utc::now()).await;
    let mail = app.smtp.take_all(&ada.email).pop().expect("an alert email");
    let link = mail
        .find_link(&format!("{}/notifications/unsubscribe?token=", app.address))
        .expect("a link in the body");
    let signed = link.split("token=").nth(1).unwrap().to_string();

    // The page asks first: opening it changes nothing.
    let page = app
        .get(&format!("/notifications/unsubscribe?token={signed}"))
        .await;
    assert_eq!(page.status().as_u16(), 200);
    let prefs = || async {
        let (_, now) = call(&app, "/api/notifications/preferences", &[], &token).await;
        now.as_array()
            .unwrap()
            .iter()
            .find(|choice| choice["topic"] == "PriceDrop")
            .map(|choice| choice["email"].as_bool().unwrap())
            .unwrap()
    };
    assert!(prefs().await);

    // Tampered: refused, nothing changes.
    let mut forged = signed.clone();
    let last = forged.pop().unwrap();
    forged.push(if last == 'A' { 'B' } else { 'A' });
    for bad in [forged.as_str(), "", "not.a.token"] {
        let refused = app
            .post_form("/api/notifications/unsubscribe", &[("token", bad)], None)
            .await;
        assert_eq!(refused.status().as_u16(), 422, "{bad}");
        let one_click = app
            .client
            .post(format!(
                "{}/notifications/unsubscribe/one-click?token={bad}",
                app.address
            ))
            .form(&[("List-Unsubscribe", "One-Click")])
            .send()
            .await
            .unwrap();
        assert_eq!(one_click.status().as_u16(), 400, "{bad}");
    }
    assert!(prefs().await);

    // Signed: the button, signed out, stops price-drop emails; again is harmless.
    let done = app
        .post_form(
            "/api/notifications/unsubscribe",
            &[("token", &signed)],
            None,
        )
        .await;
    assert_eq!(done.status().as_u16(), 200);
    assert_eq!(
        done.json::<Value>().await.unwrap(),
        serde_json::json!(["PriceDrop"])
    );
    assert!(!prefs().await);
    // The mail client's one-click post, from no page at all.
    let one_click = app
        .client
        .post(format!(
            "{}/notifications/unsubscribe/one-click?token={signed}",
            app.address
        ))
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(one_click.status().as_u16(), 200);
    assert!(!prefs().await);
    // Another price drop reaches the app only.
    assert_eq!(
        price_drop(&app, ada.id, "Wool Coat")
            .await
            .unwrap()
            .channels,
        ["in_app"]
    );
}
