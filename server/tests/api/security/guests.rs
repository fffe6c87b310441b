//! The guest clean-up: stale guests go once, shoppers who ordered stay.

use entities::users;
use sea_orm::prelude::*;

use crate::helpers::spawn_app_with;

#[tokio::test]
async fn stale_guests_are_removed_once_and_shoppers_who_ordered_are_kept() {
    use sea_orm::{ConnectionTrait, Statement};
    use services::auth::guests;
    use services::auth::sessions::start_guest;

    // The app's own clean-up job runs at start-up and holds the same lock while it works:
    // given a century's retention it removes none of these guests, and a call that finds
    // it at work (`None`) is asked again.
    let app = spawn_app_with(std::collections::HashMap::from([(
        "GUEST_RETENTION_DAYS".to_string(),
        "36500".to_string(),
    )]))
    .await;
    let context = services::auth::RequestContext::default();
    let (stale, _) = start_guest(&app.db, &context).await.unwrap();
    let (recent, _) = start_guest(&app.db, &context).await.unwrap();
    let (ordered, _) = start_guest(&app.db, &context).await.unwrap();
    // Two of them last came 40 days ago; one of those placed an order.
    for guest in [stale.id, ordered.id] {
        for backdate in [
            "UPDATE users SET created_at = now() - interval '60 days' WHERE id = $1",
            "UPDATE sessions SET expires_at = now() - interval '10 days' WHERE user_id = $1",
        ] {
            app.db
                .execute_raw(Statement::from_sql_and_values(
                    sea_orm::DbBackend::Postgres,
                    backdate,
                    [guest.into()],
                ))
                .await
                .unwrap();
        }
    }
    app.db
        .execute_raw(Statement::from_sql_and_values(
            sea_orm::DbBackend::Postgres,
            "INSERT INTO orders (id, order_number, user_id, customer_email, currency, subtotal, \
             tax_amount, shipping_amount, discount_amount, total) \
             VALUES (gen_random_uuid(), 'LV-2026-KEEPME', $1, 'kept@example.test', 'USD', 10, 0, 0, 0, 10)",
            [ordered.id.into()],
        ))
        .await
        .unwrap();

    let retention = chrono::Duration::days(30);
    let now = chrono::Utc::now();
    // Two servers at once: the work is done once.
    let mut removed = 0;
    for _ in 0..100 {
        let (first, second) = tokio::join!(
            guests::remove_stale(&app.db, retention, now),
            guests::remove_stale(&app.db, retention, now)
        );
        let runs: Vec<_> = [first.unwrap(), second.unwrap()]
            .into_iter()
            .flatten()
            .collect();
        removed += runs.iter().map(|run| run.guests).sum::<u64>();
        if !runs.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(removed, 1);
    let left: Vec<Uuid> = users::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|user| user.id)
        .collect();
    assert!(!left.contains(&stale.id));
    assert!(left.contains(&recent.id) && left.contains(&ordered.id));
    let mut again = None;
    for _ in 0..100 {
        again = guests::remove_stale(&app.db, retention, now).await.unwrap();
        if again.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(again.map(|run| run.guests), Some(0));
}
