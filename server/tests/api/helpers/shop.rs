//! A shop's day in the tests: a registered shopper, a paid order through the Stripe
//! fake, order rows written directly, the stock and points they leave, and calling a
//! server function as the shopper.

use std::time::Duration;

use chrono::Utc;
use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};
use entities::{loyalty_points, orders, product_variants, users};
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, QueryFilter, Set};
use serde_json::Value;
use services::addresses::AddressForm;
use services::cart::{self, CartOwner};
use services::checkout::{PlaceOrder, PlacedOrder, ShippingAddressInput, place_order};
use services::payments::{self, Payments, TestCard};

use super::{TestApp, session_token};

pub const PASSWORD: &str = "a quiet velvet evening 42";

/// A registered shopper: their row and their session token.
pub async fn shopper(app: &TestApp) -> (users::Model, String) {
    let email = format!("{}@example.test", Uuid::new_v4().simple());
    let response = app.register("Ada Lovelace", &email, PASSWORD).await;
    assert!(response.status().is_success(), "{:?}", response.status());
    let token = session_token(&response);
    let user = users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(&app.db)
        .await
        .unwrap()
        .expect("registered");
    (user, token)
}

pub fn payments_of(app: &TestApp) -> Payments {
    Payments::new(&app.stripe.keys().expect("the fake's keys")).expect("the client builds")
}

/// The shopper's bag ordered for delivery to London, not yet paid.
pub async fn place(app: &TestApp, user: &users::Model, coupon: Option<&str>) -> PlacedOrder {
    place_order(
        &app.db,
        PlaceOrder {
            cart: CartOwner::User(user.id),
            contact_email: user.email.clone(),
            shipping_address: ShippingAddressInput::New(Box::new(AddressForm {
                first_name: "Ada".into(),
                last_name: "Lovelace".into(),
                address_line1: "12 St James's Square".into(),
                city: "London".into(),
                postal_code: "SW1Y 4JH".into(),
                country_code: "GB".into(),
                ..Default::default()
            })),
            shipping_method: None,
            coupon_code: coupon.map(str::to_string),
            context: Default::default(),
        },
    )
    .await
    .expect("the order is placed")
}

/// `quantity` of `variant` bought and paid by card through the Stripe fake, with the
/// webhook delivered: a `CONFIRMED` order.
pub async fn paid_order(
    app: &TestApp,
    user: &users::Model,
    variant: &product_variants::Model,
    quantity: i32,
    coupon: Option<&str>,
) -> orders::Model {
    let owner = CartOwner::User(user.id);
    cart::add_item(&app.db, owner, variant.id, quantity, None)
        .await
        .expect("added to the bag");
    let placed = place(app, user, coupon).await;
    let payments = payments_of(app);
    payments::create_payment_intent(&app.db, &payments, placed.order_id)
        .await
        .expect("intent");
    payments::confirm_payment(
        &app.db,
        &payments,
        placed.order_id,
        TestCard::Visa.payment_method(),
    )
    .await
    .expect("Visa is accepted");
    let count = app.stripe.events().len();
    app.stripe
        .wait_for_deliveries(count, Duration::from_secs(10))
        .await;
    let order = order(app, placed.order_id).await;
    assert_eq!(order.status, OrderStatus::Confirmed);
    order
}

pub async fn order(app: &TestApp, id: Uuid) -> orders::Model {
    orders::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .expect("the order exists")
}

pub async fn stock(app: &TestApp, variant: Uuid) -> (i32, i32) {
    let row = product_variants::Entity::find_by_id(variant)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    (row.inventory_quantity, row.inventory_reserved)
}

pub async fn points(app: &TestApp, user: Uuid) -> i32 {
    loyalty_points::Entity::find()
        .filter(loyalty_points::Column::UserId.eq(user))
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(|row| row.points)
        .sum()
}

/// An order row written directly, `days_ago` old, for list tests.
pub async fn order_row(app: &TestApp, user: Uuid, status: OrderStatus, days_ago: i64) -> String {
    let number = format!("LV-T-{}", &Uuid::new_v4().simple().to_string()[..8]).to_uppercase();
    let at = Utc::now() - chrono::Duration::days(days_ago);
    orders::ActiveModel {
        id: Set(Uuid::new_v4()),
        order_number: Set(number.clone()),
        user_id: Set(user),
        status: Set(status),
        payment_status: Set(PaymentStatus::Completed),
        customer_email: Set("ada@example.test".into()),
        currency: Set("USD".into()),
        subtotal: Set(Decimal::new(10000, 2)),
        total: Set(Decimal::new(10000, 2)),
        tags: Set(vec![]),
        created_at: Set(at.into()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    number
}

pub async fn call(app: &TestApp, path: &str, form: &[(&str, &str)], token: &str) -> (u16, Value) {
    let response = app.post_form(path, form, Some(token)).await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}
