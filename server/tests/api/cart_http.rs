//! The bag and checkout server functions over HTTP, as the browser calls them: the guest
//! bag on its session cookie, changes, promo codes with their exact reasons, the merge at
//! sign-in with its report, totals that ignore whatever the client sends, and a declined
//! card that releases the held stock.

use std::time::Duration;

use chrono::Utc;
use entities::sea_orm_active_enums::{OrderStatus, UserRole};
use entities::{orders, product_variants, sessions, users};
use sea_orm::prelude::*;
use sea_orm::{QueryFilter, Set};
use serde_json::Value;

use crate::helpers::builders::{CouponBuilder, delivery};
use crate::helpers::client::session_cookie;
use crate::helpers::{Jar, ProductBuilder, TestApp, spawn_app};

const PASSWORD: &str = "velvet evenings in florence";

impl TestApp {
    /// An active product with one variant priced `price` with `stock` units.
    async fn piece(&self, name: &str, price: &str, stock: i32) -> product_variants::Model {
        ProductBuilder::new(name, price)
            .stock(stock)
            .insert(&self.db)
            .await
    }

    async fn variant(&self, id: Uuid) -> product_variants::Model {
        product_variants::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .unwrap()
            .unwrap()
    }
}

fn lines(cart: &Value) -> Vec<(String, i64)> {
    cart["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| {
            (
                line["variant_id"].as_str().unwrap().to_string(),
                line["quantity"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_guest_bag_lives_on_an_httponly_session_cookie_and_follows_every_change() {
    let app = spawn_app().await;
    let sweater = app.piece("Cashmere Sweater", "420.00", 5).await;
    let variant = sweater.id.to_string();
    let mut jar = Jar::default();

    // Reading an empty bag creates nothing.
    let (status, empty) = app.call(&mut jar, "cart/view", &[]).await;
    assert_eq!(status, 200, "{empty}");
    assert_eq!(empty["item_count"], 0);
    assert!(jar.get("lv_session").is_none());

    // The first add gives the guest a session cookie: HttpOnly, SameSite=Lax.
    let response = app
        .client
        .post(format!("{}/api/cart/add", app.address))
        .header("accept", "application/json")
        .form(&[("variant_id", variant.as_str()), ("quantity", "2")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let cookie = session_cookie(&response).expect("the guest gets a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    jar.absorb(&response);
    let added: Value = response.json().await.unwrap();
    assert_eq!(lines(&added), vec![(variant.clone(), 2)]);
    assert_eq!(added["subtotal"]["amount"], "840.00");
    assert_eq!(added["subtotal"]["currency"], "USD");

    // The bag is found again with the cookie, and only with it.
    let (_, again) = app.call(&mut jar, "cart/view", &[]).await;
    assert_eq!(lines(&again), vec![(variant.clone(), 2)]);
    let (_, stranger) = app.call(&mut Jar::default(), "cart/view", &[]).await;
    assert_eq!(stranger["item_count"], 0);

    // The bag page is rendered on the server with plain forms (it works without JS).
    let page = app
        .get_with_cookie("/cart", &jar.header())
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Cashmere Sweater"), "{page}");
    assert!(page.contains("action=\"/api/cart/set_quantity\""), "{page}");
    assert!(page.contains("action=\"/api/cart/remove\""), "{page}");
    assert!(page.contains("$840.00"), "{page}");

    // Quantity changes are capped by stock with a clear reason.
    let item = again["lines"][0]["item_id"].as_str().unwrap().to_string();
    let (status, refused) = app
        .call(
            &mut jar,
            "cart/set_quantity",
            &[("item_id", &item), ("quantity", "6")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        refused
            .to_string()
            .contains("Only 5 of Cashmere Sweater available"),
        "{refused}"
    );
    let (status, three) = app
        .call(
            &mut jar,
            "cart/set_quantity",
            &[("item_id", &item), ("quantity", "3")],
        )
        .await;
    assert_eq!(status, 200, "{three}");
    assert_eq!(three["item_count"], 3);
    assert_eq!(three["subtotal"]["amount"], "1260.00");

    // Another shopper cannot touch this line.
    let (status, _) = app
        .call(
            &mut Jar::default(),
            "cart/remove",
            &[("item_id", item.as_str())],
        )
        .await;
    assert_eq!(status, 404);

    let (status, removed) = app
        .call(&mut jar, "cart/remove", &[("item_id", &item)])
        .await;
    assert_eq!(status, 200);
    assert_eq!(removed["item_count"], 0);

    // Bad input is refused, not a 500.
    let (status, _) = app
        .call(
            &mut jar,
            "cart/add",
            &[("variant_id", "nope"), ("quantity", "1")],
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .call(
            &mut jar,
            "cart/add",
            &[("variant_id", &variant), ("quantity", "0")],
        )
        .await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn a_promo_code_that_does_not_apply_comes_back_with_its_exact_reason() {
    let app = spawn_app().await;
    let scarf = app.piece("Silk Scarf", "120.00", 10).await;
    for (code, edit) in [
        ("GONE24", Some(-400)),
        ("TAKE20", None::<i64>),
        ("BIGSPEND", None),
    ] {
        CouponBuilder::new(code, "percentage", "20")
            .valid_since_days_ago(500)
            .edit(|coupon| {
                if let Some(days) = edit {
                    coupon.valid_until =
                        Set(Some((Utc::now() + chrono::Duration::days(days)).into()));
                }
                if code == "BIGSPEND" {
                    coupon.minimum_amount = Set(Some(Decimal::new(500, 0)));
                }
            })
            .insert(&app.db)
            .await;
    }
    let mut jar = Jar::default();
    app.call(
        &mut jar,
        "cart/add",
        &[("variant_id", &scarf.id.to_string()), ("quantity", "1")],
    )
    .await;

    let reason = |body: &Value| {
        body["Rejected"]["message"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    let (_, unknown) = app
        .call(&mut jar, "cart/apply_coupon", &[("code", "nosuch")])
        .await;
    assert_eq!(
        reason(&unknown),
        "We do not recognise the code NOSUCH. Check the spelling and try again."
    );
    let (_, expired) = app
        .call(&mut jar, "cart/apply_coupon", &[("code", "GONE24")])
        .await;
    assert!(
        reason(&expired).starts_with("The code GONE24 expired on "),
        "{expired}"
    );
    let (_, short) = app
        .call(&mut jar, "cart/apply_coupon", &[("code", "BIGSPEND")])
        .await;
    let short = reason(&short);
    assert!(
        short.starts_with("The code BIGSPEND needs a subtotal of 500")
            && short.ends_with("USD; add 380.00 USD more to use it."),
        "{short}"
    );
    // A rejected code is not kept on the bag.
    let (_, bag) = app.call(&mut jar, "cart/view", &[]).await;
    assert!(bag["coupon_code"].is_null(), "{bag}");

    let (status, applied) = app
        .call(&mut jar, "cart/apply_coupon", &[("code", " take20 ")])
        .await;
    assert_eq!(status, 200);
    assert_eq!(applied["Applied"]["code"], "TAKE20");
    assert_eq!(applied["Applied"]["discount"]["amount"], "24.00");
    let (_, quote) = app
        .call(
            &mut jar,
            "checkout/quote",
            &[("country", "US"), ("shipping_method", "")],
        )
        .await;
    assert_eq!(quote["coupon_code"], "TAKE20");
    assert_eq!(quote["totals"]["discount"]["amount"], "24.00");
}

#[tokio::test]
async fn signing_in_merges_the_guest_bag_and_reports_what_changed() {
    let app = spawn_app().await;
    let coat = app.piece("Camel Coat", "900.00", 3).await;
    let belt = app.piece("Leather Belt", "150.00", 4).await;

    // An account whose bag already holds two coats.
    let email = format!("merge-{}@example.test", Uuid::new_v4().simple());
    let mut account = Jar::default();
    let (status, _) = app
        .call(
            &mut account,
            "auth/register",
            &[("name", "Ada"), ("email", &email), ("password", PASSWORD)],
        )
        .await;
    assert!(status.is_success() || status.is_redirection(), "{status}");
    app.call(
        &mut account,
        "cart/add",
        &[("variant_id", &coat.id.to_string()), ("quantity", "2")],
    )
    .await;

    // A guest bag with two coats and a belt.
    let mut guest = Jar::default();
    app.call(
        &mut guest,
        "cart/add",
        &[("variant_id", &coat.id.to_string()), ("quantity", "2")],
    )
    .await;
    app.call(
        &mut guest,
        "cart/add",
        &[("variant_id", &belt.id.to_string()), ("quantity", "1")],
    )
    .await;
    let guest_session = guest.get("lv_session").unwrap().to_string();
    let guest_sessions = sessions::Entity::find()
        .find_also_related(users::Entity)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|(_, user)| user.as_ref().is_some_and(|u| u.role == UserRole::Guest))
        .count();
    assert_eq!(guest_sessions, 1);

    // Signing in from the guest's browser.
    let (status, _) = app
        .call(
            &mut guest,
            "auth/sign_in",
            &[("email", &email), ("password", PASSWORD)],
        )
        .await;
    assert!(status.is_success() || status.is_redirection(), "{status}");
    assert_ne!(guest.get("lv_session").unwrap(), guest_session);
    assert!(
        guest.get("lv_bag_notice").is_some(),
        "a merge report is left"
    );

    let (_, merged) = app.call(&mut guest, "cart/view", &[]).await;
    let mut got = lines(&merged);
    got.sort();
    let mut want = vec![(coat.id.to_string(), 3), (belt.id.to_string(), 1)];
    want.sort();
    assert_eq!(got, want, "coats capped at the 3 in stock, belt added");
    let notices: Vec<&str> = merged["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notices.iter().any(|n| n.contains("Camel Coat")
            && n.contains("you had 4 across both bags, but only 3 can be kept")),
        "{notices:?}"
    );
    assert!(
        notices
            .iter()
            .any(|n| n.contains("Leather Belt") && n.contains("1 added")),
        "{notices:?}"
    );
    // The report is shown once, and the guest session is gone.
    assert!(guest.get("lv_bag_notice").is_none());
    let (_, again) = app.call(&mut guest, "cart/view", &[]).await;
    assert_eq!(again["notices"].as_array().unwrap().len(), 0);
    let left = sessions::Entity::find()
        .find_also_related(users::Entity)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|(_, user)| user.as_ref().is_some_and(|u| u.role == UserRole::Guest))
        .count();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn totals_sent_by_the_client_are_ignored_and_a_declined_card_releases_the_stock() {
    let app = spawn_app().await;
    let bag = app.piece("Evening Bag", "250.00", 2).await;
    let mut jar = Jar::default();
    app.call(
        &mut jar,
        "cart/add",
        &[("variant_id", &bag.id.to_string()), ("quantity", "1")],
    )
    .await;
    let (_, quote) = app
        .call(
            &mut jar,
            "checkout/quote",
            &[("country", "US"), ("shipping_method", "standard")],
        )
        .await;
    let expected = quote["totals"]["total"]["amount"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(quote["totals"]["subtotal"]["amount"], "250.00");
    assert_eq!(quote["totals"]["shipping"]["amount"], "15.00");

    // Field-level refusals for a bad address.
    let (_, refused) = app
        .call(
            &mut jar,
            "checkout/place_order",
            &delivery("not-an-email", &[]),
        )
        .await;
    assert_eq!(refused["Refused"][0]["field"], "email", "{refused}");
    let mut no_city = delivery("grace@example.test", &[]);
    no_city.retain(|(key, _)| *key != "details[city]");
    no_city.push(("details[city]", ""));
    let (_, refused) = app.call(&mut jar, "checkout/place_order", &no_city).await;
    assert_eq!(refused["Refused"][0]["field"], "city", "{refused}");

    // Amounts smuggled into the form change nothing.
    let (status, placed) = app
        .call(
            &mut jar,
            "checkout/place_order",
            &delivery(
                "grace@example.test",
                &[
                    ("total", "1.00"),
                    ("details[total]", "1.00"),
                    ("subtotal", "0.01"),
                ],
            ),
        )
        .await;
    assert_eq!(status, 200, "{placed}");
    let number = placed["Placed"]["order_number"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(placed["Placed"]["total"]["amount"], expected.as_str());
    let order = orders::Entity::find()
        .filter(orders::Column::OrderNumber.eq(number.as_str()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(format!("{:.2}", order.total), expected);
    assert_eq!(app.variant(bag.id).await.inventory_reserved, 1);

    // The guest sees their own order; nobody else does.
    let (status, summary) = app
        .call(&mut jar, "checkout/order", &[("order_number", &number)])
        .await;
    assert_eq!(status, 200);
    assert_eq!(summary["totals"]["total"]["amount"], expected.as_str());
    let (status, _) = app
        .call(
            &mut Jar::default(),
            "checkout/order",
            &[("order_number", &number)],
        )
        .await;
    assert_eq!(status, 404);

    // A declined card: a clear message, and the held unit goes back on sale.
    let (status, declined) = app
        .call(
            &mut jar,
            "payments/confirm",
            &[("order_number", &number), ("card", "Declined")],
        )
        .await;
    assert_eq!(status, 200, "{declined}");
    assert_eq!(
        declined["Declined"]["refusal"]["CardDeclined"]["reason"], "Generic",
        "{declined}"
    );
    let mut released = false;
    for _ in 0..50 {
        let order = orders::Entity::find_by_id(order.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        if order.status == OrderStatus::PaymentFailed
            && app.variant(bag.id).await.inventory_reserved == 0
        {
            released = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(released, "the declined order released its stock");
    assert_eq!(app.variant(bag.id).await.inventory_quantity, 2);
}
