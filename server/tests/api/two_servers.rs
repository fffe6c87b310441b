//! Two real server processes (the `server` binary) against one database, as behind a
//! load balancer: a shopper's session works on both, the reservation sweeper releases an
//! expired hold exactly once, and SIGTERM lets a server finish and exit cleanly.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use entities::sea_orm_active_enums::OrderStatus;
use entities::{inventory_transactions, order_status_history, orders, product_variants};
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::Value;

use crate::helpers::builders::delivery;
use crate::helpers::{Jar, ProductBuilder, TestApp, free_port, spawn_app, workspace_root};

/// A `server` process; killed when dropped.
struct ServerProcess {
    child: Child,
    address: String,
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the `server` binary on the test app's database, mail and Stripe fakes, with a
/// sweeper that looks every second; waits until it answers `/health`.
async fn start_server(app: &TestApp, secret: &str) -> ServerProcess {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_server"))
        .current_dir(workspace_root())
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("DATABASE_URL", &app.db_url)
        .env("DATABASE_MAX_CONNECTIONS", "4")
        .env("SMTP_URL", app.smtp.url())
        .env("APP_SECRET", secret)
        .env("STRIPE_SECRET_KEY", app.stripe.secret_key())
        .env("STRIPE_WEBHOOK_SECRET", app.stripe.webhook_secret())
        .env("STRIPE_API_BASE", app.stripe.api_base())
        .env("INVENTORY_SWEEP_SECONDS", "1")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the server binary starts");
    let server = ServerProcess {
        child,
        address: format!("http://127.0.0.1:{port}"),
    };
    let started = Instant::now();
    loop {
        if let Ok(response) = app
            .client
            .get(format!("{}/health", server.address))
            .send()
            .await
            && response.status() == 200
        {
            return server;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the server did not come up"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Calls a server function on `server` with the jar's cookies.
async fn call(
    app: &TestApp,
    server: &ServerProcess,
    jar: &mut Jar,
    path: &str,
    form: &[(&str, &str)],
) -> Value {
    let mut request = app
        .client
        .post(format!("{}/api/{path}", server.address))
        .header("accept", "application/json")
        .form(form);
    if !jar.is_empty() {
        request = request.header("cookie", jar.header());
    }
    let response = request.send().await.unwrap();
    jar.absorb(&response);
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert!(status.is_success(), "{path}: {status} {body}");
    body
}

#[tokio::test]
async fn two_servers_share_sessions_and_release_an_expired_hold_once() {
    let app = spawn_app().await;
    let secret = format!("shared-secret-{}", Uuid::new_v4());
    let (one, two) = (
        start_server(&app, &secret).await,
        start_server(&app, &secret).await,
    );
    let piece = ProductBuilder::new("Opera Gloves", "240.00")
        .stock(4)
        .insert(&app.db)
        .await;
    let variant = piece.id.to_string();

    // The bag filled on one server is the bag the other one checks out.
    let mut jar = Jar::default();
    call(
        &app,
        &one,
        &mut jar,
        "cart/add",
        &[("variant_id", &variant), ("quantity", "3")],
    )
    .await;
    let bag = call(&app, &two, &mut jar, "cart/view", &[]).await;
    assert_eq!(bag["item_count"], 3, "{bag}");
    let placed = call(
        &app,
        &two,
        &mut jar,
        "checkout/place_order",
        &delivery("gloves@example.test", &[]),
    )
    .await;
    let number = placed["Placed"]["order_number"]
        .as_str()
        .expect("placed")
        .to_string();
    let held = product_variants::Entity::find_by_id(piece.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(held.inventory_reserved, 3);

    // The order's hold runs out (it was placed an hour ago, as far as anyone can tell).
    let order = orders::Entity::find()
        .filter(orders::Column::OrderNumber.eq(number.as_str()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut backdated = order.clone().into_active_model();
    backdated.created_at = Set((chrono::Utc::now() - chrono::Duration::hours(1)).into());
    backdated.update(&app.db).await.unwrap();

    // Both sweepers look every second; the order is cancelled once, its stock released once.
    let started = Instant::now();
    loop {
        let now = orders::Entity::find_by_id(order.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        if now.status == OrderStatus::Cancelled {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the hold was never released"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Give both sweepers a few more rounds to do it again, if they would.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let cancellations = order_status_history::Entity::find()
        .filter(order_status_history::Column::OrderId.eq(order.id))
        .filter(order_status_history::Column::Status.eq(OrderStatus::Cancelled))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(cancellations, 1);
    let releases = inventory_transactions::Entity::find()
        .filter(inventory_transactions::Column::VariantId.eq(piece.id))
        .filter(inventory_transactions::Column::Type.eq("release"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(releases, 1);
    let released = product_variants::Entity::find_by_id(piece.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (released.inventory_quantity, released.inventory_reserved),
        (4, 0)
    );

    // SIGTERM: the server stops and exits cleanly; the other one carries on.
    let mut one = one;
    let pid = i32::try_from(one.child.id()).unwrap();
    // SAFETY: sending a signal to a child process we started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = one.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "SIGTERM did not stop the server"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(status.success(), "{status:?}");
    let view = call(&app, &two, &mut jar, "cart/view", &[]).await;
    assert_eq!(view["item_count"], 3, "{view}");
}
