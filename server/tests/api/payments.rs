//! Payments end to end: the app's real async-stripe client against the local Stripe fake
//! (speaking Stripe's wire protocol), and the fake's signed events arriving at the app's
//! real `POST /webhooks/stripe` over HTTP.

use std::str::FromStr;
use std::time::Duration;

use entities::sea_orm_active_enums::{OrderStatus, PaymentStatus};
use entities::{order_status_history, orders, payment_transactions, users};
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, QueryFilter, QueryOrder, Set};
use serde_json::{Value, json};
use server::stripe_fake::signature_header;
use services::payments::{self, IntentSummary, PaymentError, Payments, TestCard};

use crate::helpers::{TestApp, UserBuilder, session_token, spawn_app};

const WAIT: Duration = Duration::from_secs(10);

impl TestApp {
    /// The payments client exactly as the app configures it (the same keys and base).
    fn payments(&self) -> Payments {
        Payments::new(&self.stripe.keys().expect("the fake's keys are valid"))
            .expect("the client builds")
    }

    /// A pending order of `total` USD for a new shopper (rows written directly: the
    /// payment side only needs the order).
    async fn pending_order(&self, total: &str) -> orders::Model {
        let user = UserBuilder::new()
            .email(&format!("payer-{}@example.test", Uuid::new_v4().simple()))
            .insert(&self.db)
            .await;
        self.pending_order_of(&user, total).await
    }

    async fn pending_order_of(&self, user: &users::Model, total: &str) -> orders::Model {
        let email = user.email.clone();
        let total = Decimal::from_str(total).unwrap();
        let number: String = Uuid::new_v4().simple().to_string()[..8].to_uppercase();
        orders::ActiveModel {
            id: Set(Uuid::new_v4()),
            order_number: Set(format!("LV-T-{number}")),
            user_id: Set(user.id),
            status: Set(OrderStatus::Pending),
            payment_status: Set(PaymentStatus::Pending),
            customer_email: Set(email),
            currency: Set("USD".into()),
            subtotal: Set(total),
            tax_amount: Set(Decimal::ZERO),
            shipping_amount: Set(Decimal::ZERO),
            discount_amount: Set(Decimal::ZERO),
            total: Set(total),
            tags: Set(vec![]),
            ..Default::default()
        }
        .insert(&self.db)
        .await
        .expect("order is inserted")
    }

    /// The loyalty points `order` earned, and what is left of them after reversals.
    async fn order_points(&self, order_id: Uuid) -> (i32, i32) {
        let rows = entities::loyalty_points::Entity::find()
            .filter(entities::loyalty_points::Column::OrderId.eq(order_id))
            .all(&self.db)
            .await
            .unwrap();
        let earned = rows
            .iter()
            .filter(|row| row.points > 0)
            .map(|row| row.points)
            .sum();
        (earned, rows.iter().map(|row| row.points).sum())
    }

    async fn order(&self, id: Uuid) -> orders::Model {
        orders::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .unwrap()
            .expect("the order exists")
    }

    async fn history(&self, order_id: Uuid) -> Vec<OrderStatus> {
        order_status_history::Entity::find()
            .filter(order_status_history::Column::OrderId.eq(order_id))
            .order_by_asc(order_status_history::Column::CreatedAt)
            .all(&self.db)
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.status)
            .collect()
    }

    async fn ledger(&self, order_id: Uuid) -> Vec<payment_transactions::Model> {
        payment_transactions::Entity::find()
            .filter(payment_transactions::Column::OrderId.eq(order_id))
            .order_by_asc(payment_transactions::Column::CreatedAt)
            .all(&self.db)
            .await
            .unwrap()
    }

    async fn post_webhook(&self, payload: &str, signature: Option<&str>) -> reqwest::Response {
        let mut request = self
            .client
            .post(format!("{}/webhooks/stripe", self.address))
            .header("Content-Type", "application/json")
            .body(payload.to_string());
        if let Some(signature) = signature {
            request = request.header("Stripe-Signature", signature);
        }
        request.send().await.expect("request is sent")
    }

    /// Waits until the fake has delivered `count` events, all answered 200.
    async fn delivered(&self, count: usize) {
        let deliveries = self.stripe.wait_for_deliveries(count, WAIT).await;
        assert!(
            deliveries.len() >= count,
            "expected {count} deliveries, got {deliveries:?}"
        );
        for delivery in &deliveries {
            assert_eq!(delivery.status, Some(200), "{delivery:?}");
        }
    }

    /// A pending order with its PaymentIntent, and the client that made it.
    async fn order_with_intent(&self, total: &str) -> (orders::Model, Payments, IntentSummary) {
        let order = self.pending_order(total).await;
        let payments = self.payments();
        let intent = payments::create_payment_intent(&self.db, &payments, order.id)
            .await
            .expect("intent is created");
        (order, payments, intent)
    }

    /// The order's ledger rows of one `type`.
    async fn rows_of_type(&self, order_id: Uuid, kind: &str) -> Vec<payment_transactions::Model> {
        let mut rows = self.ledger(order_id).await;
        rows.retain(|row| row.r#type == kind);
        rows
    }

    /// A paid order: intent created, Visa confirmed, both events delivered.
    async fn paid_order(&self, total: &str) -> (orders::Model, String) {
        let (order, payments, intent) = self.order_with_intent(total).await;
        payments::confirm_payment(
            &self.db,
            &payments,
            order.id,
            TestCard::Visa.payment_method(),
        )
        .await
        .expect("Visa is accepted");
        // Events are recorded before the fake answers; wait until all are delivered.
        self.delivered(self.stripe.events().len()).await;
        let order = self.order(order.id).await;
        assert_eq!(order.status, OrderStatus::Confirmed);
        (order, intent.id)
    }
}

fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// A Stripe event about a PaymentIntent, as Stripe would send it.
fn intent_event(event_id: &str, kind: &str, intent: Value, created: i64) -> String {
    json!({
        "id": event_id,
        "object": "event",
        "api_version": "2025-01-27.acacia",
        "created": created,
        "data": { "object": intent },
        "livemode": false,
        "pending_webhooks": 1,
        "request": { "id": null, "idempotency_key": null },
        "type": kind,
    })
    .to_string()
}

fn succeeded_intent(id: &str, order: &orders::Model, amount: i64) -> Value {
    json!({
        "id": id,
        "object": "payment_intent",
        "amount": amount,
        "amount_received": amount,
        "currency": "usd",
        "metadata": { "order_id": order.id.to_string(), "order_number": order.order_number },
        "status": "succeeded",
    })
}

#[tokio::test]
async fn a_confirmed_card_payment_moves_the_order_through_the_signed_webhook() {
    let app = spawn_app().await;
    let (order, payments, intent) = app.order_with_intent("149.90").await;
    assert!(intent.id.starts_with("pi_"), "{intent:?}");
    assert_eq!(intent.amount_minor, 14_990);
    assert_eq!(intent.currency, "usd");
    assert_eq!(intent.status, "requires_payment_method");
    assert!(intent.client_secret.is_some());
    let stored = app
        .stripe
        .payment_intent(&intent.id)
        .expect("the fake has it");
    assert_eq!(stored["metadata"]["order_id"], json!(order.id.to_string()));

    let confirmed = payments::confirm_payment(
        &app.db,
        &payments,
        order.id,
        TestCard::Visa.payment_method(),
    )
    .await
    .expect("Visa is accepted");
    assert_eq!(confirmed.status, "succeeded");

    app.delivered(2).await;
    let types: Vec<String> = app
        .stripe
        .events()
        .into_iter()
        .map(|event| event.kind)
        .collect();
    assert_eq!(
        types,
        ["payment_intent.created", "payment_intent.succeeded"]
    );
    let order = app.order(order.id).await;
    assert_eq!(order.status, OrderStatus::Confirmed);
    assert_eq!(order.payment_status, PaymentStatus::Completed);
    assert_eq!(app.history(order.id).await, [OrderStatus::Confirmed]);

    let ledger = app.ledger(order.id).await;
    let intent_row = ledger
        .iter()
        .find(|row| row.r#type == "payment_intent")
        .expect("the intent row");
    assert_eq!(
        intent_row.provider_transaction_id.as_deref(),
        Some(intent.id.as_str())
    );
    assert_eq!(intent_row.status, PaymentStatus::Completed);
    assert_eq!(intent_row.amount, Decimal::from_str("149.90").unwrap());
    assert!(intent_row.processed_at.is_some());
    let event_rows: Vec<_> = ledger
        .iter()
        .filter(|row| {
            row.provider_transaction_id
                .as_deref()
                .is_some_and(|id| id.starts_with("evt_"))
        })
        .map(|row| row.r#type.as_str())
        .collect();
    assert_eq!(
        event_rows,
        ["payment_intent.created", "payment_intent.succeeded"]
    );

    // The shopper is emailed the confirmation with the order and its total.
    let mail = app
        .smtp
        .wait_for_message(&order.customer_email, std::time::Duration::from_secs(10))
        .await;
    assert_eq!(
        mail.header("subject").as_deref(),
        Some(format!("Your LuxeVerse order {}", order.order_number).as_str())
    );
    let body = mail.text_parts().join("\n");
    assert!(body.contains("Total     $149.90"), "{body}");
    assert!(body.contains(&format!("/checkout/confirmation/{}", order.order_number)));
}

#[tokio::test]
async fn payment_intent_creation_is_idempotent() {
    let app = spawn_app().await;
    let order = app.pending_order("80.00").await;
    let payments = app.payments();

    let (first, second) = tokio::join!(
        payments::create_payment_intent(&app.db, &payments, order.id),
        payments::create_payment_intent(&app.db, &payments, order.id),
    );
    let (first, second) = (first.unwrap(), second.unwrap());
    let third = payments::create_payment_intent(&app.db, &payments, order.id)
        .await
        .unwrap();
    assert_eq!(first.id, second.id);
    assert_eq!(first.id, third.id);
    assert_eq!(app.stripe.payment_intent_count(), 1);
    let intent_rows = app.rows_of_type(order.id, "payment_intent").await.len();
    assert_eq!(intent_rows, 1);

    // The fake holds Stripe's rules for the key itself: the same key and parameters
    // replay the first response; other parameters under that key are refused.
    let key = payments::payment_intent_idempotency_key(order.id);
    let post = |amount: &'static str| {
        app.client
            .post(format!("{}v1/payment_intents", app.stripe.api_base()))
            .bearer_auth(app.stripe.secret_key())
            .header("Idempotency-Key", key.clone())
            .form(&[("amount", amount), ("currency", "usd")])
            .send()
    };
    let other = post("1").await.unwrap();
    assert_eq!(other.status(), 400);
    let body: Value = other.json().await.unwrap();
    assert_eq!(body["error"]["type"], "idempotency_error");
    let anonymous = app
        .client
        .post(format!("{}v1/payment_intents", app.stripe.api_base()))
        .form(&[("amount", "100"), ("currency", "usd")])
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    assert_eq!(app.stripe.payment_intent_count(), 1);
}

#[tokio::test]
async fn a_declined_card_gives_a_clear_error_and_fails_the_order() {
    let app = spawn_app().await;
    let (order, payments, _) = app.order_with_intent("60.00").await;

    let error = payments::confirm_payment(
        &app.db,
        &payments,
        order.id,
        TestCard::Declined.payment_method(),
    )
    .await
    .expect_err("the card is declined");
    match &error {
        PaymentError::CardDeclined {
            message,
            decline_code,
        } => {
            assert_eq!(message, "Your card was declined.");
            assert_eq!(decline_code.as_deref(), Some("generic_decline"));
        }
        other => panic!("expected a declined card, got {other:?}"),
    }
    assert_eq!(
        error.to_string(),
        "your card was declined: Your card was declined."
    );

    app.delivered(2).await;
    let order = app.order(order.id).await;
    assert_eq!(order.status, OrderStatus::PaymentFailed);
    assert_eq!(order.payment_status, PaymentStatus::Failed);
    assert_eq!(app.history(order.id).await, [OrderStatus::PaymentFailed]);
    let intent_row = app.rows_of_type(order.id, "payment_intent").await.remove(0);
    assert_eq!(intent_row.status, PaymentStatus::Failed);
    assert_eq!(
        intent_row.failure_reason.as_deref(),
        Some("Your card was declined. (generic_decline)")
    );

    // Another card after the decline: the payment goes through and the order is paid.
    let retried = payments::confirm_payment(
        &app.db,
        &payments,
        order.id,
        TestCard::Visa.payment_method(),
    )
    .await
    .expect("the second card is accepted");
    assert_eq!(retried.status, "succeeded");
    app.delivered(3).await;
    let order = app.order(order.id).await;
    assert_eq!(order.status, OrderStatus::Confirmed);
    assert_eq!(
        app.history(order.id).await,
        [OrderStatus::PaymentFailed, OrderStatus::Confirmed]
    );

    // Insufficient funds names its own reason.
    let (other, payments, _) = app.order_with_intent("61.00").await;
    let error = payments::confirm_payment(
        &app.db,
        &payments,
        other.id,
        TestCard::InsufficientFunds.payment_method(),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&error, PaymentError::CardDeclined { decline_code: Some(code), .. } if code == "insufficient_funds"),
        "{error:?}"
    );
    // An unknown payment method is Stripe's resource_missing, not a decline.
    let error = payments::confirm_payment(&app.db, &payments, other.id, "pm_card_nonsense")
        .await
        .unwrap_err();
    assert!(
        matches!(&error, PaymentError::Rejected { code: Some(code), .. } if code == "resource_missing"),
        "{error:?}"
    );
}

#[tokio::test]
async fn forged_stale_and_malformed_events_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let (order, _, intent) = app.order_with_intent("25.00").await;
    app.delivered(1).await;
    let rows_before = app.ledger(order.id).await.len();

    let payload = intent_event(
        "evt_forged_1",
        "payment_intent.succeeded",
        succeeded_intent(&intent.id, &order, 2_500),
        unix_now(),
    );
    let secret = app.stripe.webhook_secret();
    let cases = [
        ("no signature", None),
        (
            "another secret",
            Some(signature_header(
                "whsec_someone_else",
                unix_now(),
                payload.as_bytes(),
            )),
        ),
        (
            "another body",
            Some(signature_header(
                secret,
                unix_now(),
                b"{\"id\":\"evt_other\"}",
            )),
        ),
        (
            "ten minutes old",
            Some(signature_header(
                secret,
                unix_now() - 600,
                payload.as_bytes(),
            )),
        ),
        ("garbage", Some("t=abc,v1=zz".to_string())),
    ];
    for (case, signature) in cases {
        let response = app.post_webhook(&payload, signature.as_deref()).await;
        assert_eq!(response.status(), 400, "{case}");
        let body: Value = response.json().await.unwrap();
        assert!(
            body["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{case}: {body}"
        );
    }
    let unchanged = app.order(order.id).await;
    assert_eq!(unchanged.status, OrderStatus::Pending);
    assert_eq!(unchanged.payment_status, PaymentStatus::Pending);
    assert!(app.history(order.id).await.is_empty());
    assert_eq!(app.ledger(order.id).await.len(), rows_before);

    // A correctly signed body that is not an event is refused too.
    let response = app
        .post_webhook("not json", Some(&app.stripe.sign_now("not json")))
        .await;
    assert_eq!(response.status(), 400);

    // The same event, properly signed, is applied.
    let response = app
        .post_webhook(&payload, Some(&app.stripe.sign_now(&payload)))
        .await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["result"], "applied");
    assert_eq!(app.order(order.id).await.status, OrderStatus::Confirmed);
}

#[tokio::test]
async fn a_replayed_event_is_acknowledged_and_changes_nothing() {
    let app = spawn_app().await;
    let (order, _) = app.paid_order("40.00").await;
    let history = app.history(order.id).await;
    let ledger = app.ledger(order.id).await.len();
    let succeeded = app
        .stripe
        .events()
        .into_iter()
        .find(|event| event.kind == "payment_intent.succeeded")
        .expect("the fake sent it");

    for _ in 0..2 {
        let response = app
            .post_webhook(
                &succeeded.payload,
                Some(&app.stripe.sign_now(&succeeded.payload)),
            )
            .await;
        assert_eq!(response.status(), 200);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["result"], "replayed");
        assert_eq!(body["event"], json!(succeeded.id));
    }
    let after = app.order(order.id).await;
    assert_eq!(after.status, OrderStatus::Confirmed);
    assert_eq!(after.updated_at, order.updated_at);
    assert_eq!(app.history(order.id).await, history);
    assert_eq!(app.ledger(order.id).await.len(), ledger);
}

#[tokio::test]
async fn an_out_of_order_event_never_moves_an_order_backwards() {
    let app = spawn_app().await;
    let (order, intent_id) = app.paid_order("75.00").await;
    let history = app.history(order.id).await;

    // A failure from an earlier attempt, delivered after the success.
    let mut failed = succeeded_intent(&intent_id, &order, 7_500);
    failed["status"] = json!("requires_payment_method");
    failed["amount_received"] = json!(0);
    failed["last_payment_error"] = json!({
        "type": "card_error", "code": "card_declined", "decline_code": "generic_decline",
        "message": "Your card was declined."
    });
    let late_failure = intent_event(
        "evt_late_failure",
        "payment_intent.payment_failed",
        failed,
        unix_now() - 30,
    );
    let mut processing = succeeded_intent(&intent_id, &order, 7_500);
    processing["status"] = json!("processing");
    let late_processing = intent_event(
        "evt_late_processing",
        "payment_intent.processing",
        processing,
        unix_now() - 40,
    );
    for payload in [&late_failure, &late_processing] {
        let response = app
            .post_webhook(payload, Some(&app.stripe.sign_now(payload)))
            .await;
        assert_eq!(response.status(), 200);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["result"], "out_of_order", "{payload}");
    }
    let after = app.order(order.id).await;
    assert_eq!(after.status, OrderStatus::Confirmed);
    assert_eq!(after.payment_status, PaymentStatus::Completed);
    assert_eq!(app.history(order.id).await, history);
    // Recorded (so a replay is recognised), marked as not applied.
    let late = app
        .ledger(order.id)
        .await
        .into_iter()
        .find(|row| row.provider_transaction_id.as_deref() == Some("evt_late_failure"))
        .expect("the late event is recorded");
    let outcome = late.provider_response.unwrap()["outcome"].clone();
    assert!(
        outcome.as_str().unwrap().starts_with("out of order"),
        "{outcome}"
    );
    let intent_row = app.rows_of_type(order.id, "payment_intent").await.remove(0);
    assert_eq!(intent_row.status, PaymentStatus::Completed);

    // An event about a payment that is not ours is acknowledged and ignored.
    let stranger = intent_event(
        "evt_stranger",
        "payment_intent.succeeded",
        json!({"id": "pi_not_ours", "amount": 100, "currency": "usd", "metadata": {}}),
        unix_now(),
    );
    let response = app
        .post_webhook(&stranger, Some(&app.stripe.sign_now(&stranger)))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.json::<Value>().await.unwrap()["result"], "ignored");
}

#[tokio::test]
async fn refunds_update_the_payment_status() {
    let app = spawn_app().await;
    let payments = app.payments();
    let unpaid = app.pending_order("10.00").await;
    let error = payments::refund_payment(&app.db, &payments, unpaid.id, None, chrono::Utc::now())
        .await
        .unwrap_err();
    assert!(
        matches!(error, PaymentError::NotRefundable { .. }),
        "{error:?}"
    );

    let (order, _) = app.paid_order("50.00").await;
    let deliveries = app.stripe.deliveries().len();
    let error = payments::refund_payment(
        &app.db,
        &payments,
        order.id,
        Some(Decimal::from_str("50.01").unwrap()),
        chrono::Utc::now(),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(error, PaymentError::RefundTooLarge { .. }),
        "{error:?}"
    );

    let partial = payments::refund_payment(
        &app.db,
        &payments,
        order.id,
        Some(Decimal::from_str("12.50").unwrap()),
        chrono::Utc::now(),
    )
    .await
    .expect("a partial refund");
    assert!(partial.id.starts_with("re_"));
    assert_eq!(partial.refunded_total, Decimal::from_str("12.50").unwrap());
    assert_eq!(partial.payment_status, PaymentStatus::PartiallyRefunded);
    assert_eq!(
        app.order(order.id).await.payment_status,
        PaymentStatus::PartiallyRefunded
    );
    // The points the order earned go back with the money: a quarter of 50 points.
    assert_eq!(app.order_points(order.id).await, (50, 38));

    let rest = payments::refund_payment(&app.db, &payments, order.id, None, chrono::Utc::now())
        .await
        .expect("the rest");
    assert_eq!(rest.amount, Decimal::from_str("37.50").unwrap());
    assert_eq!(rest.payment_status, PaymentStatus::Refunded);

    // Stripe's charge.refunded events arrive and agree.
    app.delivered(deliveries + 2).await;
    let after = app.order(order.id).await;
    assert_eq!(after.payment_status, PaymentStatus::Refunded);
    assert_eq!(after.status, OrderStatus::Confirmed);
    // All of them once refunded in full; the agreeing events take nothing more.
    assert_eq!(app.order_points(order.id).await, (50, 0));
    let refunds: Vec<Decimal> = app
        .rows_of_type(order.id, "refund")
        .await
        .into_iter()
        .map(|row| row.amount)
        .collect();
    assert_eq!(
        refunds,
        [
            Decimal::from_str("12.50").unwrap(),
            Decimal::from_str("37.50").unwrap()
        ]
    );
    let error = payments::refund_payment(&app.db, &payments, order.id, None, chrono::Utc::now())
        .await
        .unwrap_err();
    assert!(
        matches!(error, PaymentError::NotRefundable { .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_payment_for_a_cancelled_order_is_refunded_automatically() {
    let app = spawn_app().await;
    let (order, _, intent) = app.order_with_intent("99.00").await;
    // The order is cancelled while the shopper's browser still confirms the payment.
    orders::ActiveModel {
        id: Set(order.id),
        status: Set(OrderStatus::Cancelled),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
    let confirmed = app
        .client
        .post(format!(
            "{}v1/payment_intents/{}/confirm",
            app.stripe.api_base(),
            intent.id
        ))
        .bearer_auth(app.stripe.secret_key())
        .form(&[("payment_method", TestCard::Visa.payment_method())])
        .send()
        .await
        .unwrap();
    assert_eq!(confirmed.status(), 200);

    // created, succeeded (refused and refunded), then Stripe's charge.refunded.
    app.delivered(3).await;
    let kinds: Vec<String> = app
        .stripe
        .events()
        .into_iter()
        .map(|event| event.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            "payment_intent.created",
            "payment_intent.succeeded",
            "charge.refunded"
        ]
    );
    let after = app.order(order.id).await;
    assert_eq!(after.status, OrderStatus::Cancelled);
    assert_eq!(after.payment_status, PaymentStatus::Refunded);
    let ledger = app.ledger(order.id).await;
    let refund = ledger
        .iter()
        .find(|row| row.r#type == "refund")
        .expect("a refund row");
    assert_eq!(refund.amount, Decimal::from_str("99.00").unwrap());
    let succeeded = ledger
        .iter()
        .find(|row| row.r#type == "payment_intent.succeeded")
        .expect("the event is recorded");
    let outcome = succeeded.provider_response.as_ref().unwrap()["outcome"].clone();
    assert!(
        outcome.as_str().unwrap().starts_with("refused: "),
        "{outcome}"
    );

    // A replay neither refunds again nor changes the order.
    let event = app
        .stripe
        .events()
        .into_iter()
        .find(|event| event.kind == "payment_intent.succeeded")
        .unwrap();
    let response = app
        .post_webhook(&event.payload, Some(&app.stripe.sign_now(&event.payload)))
        .await;
    assert_eq!(
        response.json::<Value>().await.unwrap()["result"],
        "replayed"
    );
    let refunds = app.rows_of_type(order.id, "refund").await.len();
    assert_eq!(refunds, 1);
}

#[tokio::test]
async fn the_test_card_form_pays_the_shoppers_own_order_through_the_real_client() {
    let app = spawn_app().await;
    let email = "card-form@example.test";
    let registered = app
        .register("Ada Lovelace", email, "velvet evenings in florence")
        .await;
    assert_eq!(registered.status(), 200);
    let token = session_token(&registered);
    let user = users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let order = app.pending_order_of(&user, "120.00").await;
    let number = order.order_number.as_str();

    // Without the owner's session the order does not exist.
    let stranger = app
        .post_form(
            "/api/payments/confirm",
            &[("order_number", number), ("card", "Visa")],
            None,
        )
        .await;
    assert_eq!(stranger.status(), 404);

    let start = app
        .post_json(
            "/api/payments/start",
            &[("order_number", number)],
            Some(&token),
        )
        .await;
    assert_eq!(start["test_mode"], true);
    assert_eq!(start["amount_minor"], 12_000);
    assert_eq!(start["currency"], "usd");
    assert!(start["client_secret"].as_str().unwrap().starts_with("pi_"));

    let declined = app
        .post_json(
            "/api/payments/confirm",
            &[("order_number", number), ("card", "Declined")],
            Some(&token),
        )
        .await;
    assert_eq!(
        declined,
        json!({ "Declined": { "refusal": { "CardDeclined": { "reason": "Generic" } } } })
    );
    app.delivered(2).await;
    assert_eq!(app.order(order.id).await.status, OrderStatus::PaymentFailed);

    let paid = app
        .post_json(
            "/api/payments/confirm",
            &[("order_number", number), ("card", "Visa")],
            Some(&token),
        )
        .await;
    assert_eq!(paid, json!("Succeeded"));
    app.delivered(3).await;
    let order = app.order(order.id).await;
    assert_eq!(order.status, OrderStatus::Confirmed);
    assert_eq!(order.payment_status, PaymentStatus::Completed);

    // A paid order cannot be paid again.
    let again = app
        .post_form(
            "/api/payments/confirm",
            &[("order_number", number), ("card", "Visa")],
            Some(&token),
        )
        .await;
    assert_eq!(again.status(), 409);
}

#[tokio::test]
async fn without_stripe_keys_the_app_pays_through_its_own_local_fake() {
    let blank = [
        "STRIPE_SECRET_KEY",
        "STRIPE_WEBHOOK_SECRET",
        "STRIPE_API_BASE",
    ]
    .map(|name| (name.to_string(), String::new()));
    let app = crate::helpers::spawn_app_with(blank.into_iter().collect()).await;
    let email = "dev-default@example.test";
    let registered = app
        .register("Grace Hopper", email, "velvet evenings in florence")
        .await;
    let token = session_token(&registered);
    let user = users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let order = app.pending_order_of(&user, "35.00").await;

    let paid = app
        .post_json(
            "/api/payments/confirm",
            &[
                ("order_number", order.order_number.as_str()),
                ("card", "Visa"),
            ],
            Some(&token),
        )
        .await;
    assert_eq!(paid, json!("Succeeded"));
    // The in-process fake signs its event with its own secret and posts it back.
    let deadline = tokio::time::Instant::now() + WAIT;
    while app.order(order.id).await.status != OrderStatus::Confirmed {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the order was never paid"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The test's own fake saw nothing: the app used the one it started.
    assert_eq!(app.stripe.payment_intent_count(), 0);
}

#[tokio::test]
async fn a_payment_in_another_currency_never_pays_the_order() {
    let app = spawn_app().await;
    let (order, _, intent) = app.order_with_intent("25.00").await;
    let mut paid_in_euros = succeeded_intent(&intent.id, &order, 2_500);
    paid_in_euros["currency"] = json!("eur");
    let payload = intent_event(
        "evt_other_currency",
        "payment_intent.succeeded",
        paid_in_euros,
        unix_now(),
    );
    let response = app
        .post_webhook(&payload, Some(&app.stripe.sign_now(&payload)))
        .await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["result"], "unchanged", "{body}");
    let unchanged = app.order(order.id).await;
    assert_eq!(unchanged.status, OrderStatus::Pending);
    assert_eq!(unchanged.payment_status, PaymentStatus::Pending);
}
