//! Sign-in guesses under concurrency: the limit's worth of real checks, and the owner
//! is never locked out from elsewhere.

use sea_orm::QueryFilter;
use sea_orm::prelude::*;
use serde_json::Value;

use super::PASSWORD;
use crate::helpers::spawn_app_with;

#[tokio::test]
async fn parallel_wrong_sign_ins_get_the_limits_worth_of_checks_and_the_owner_still_gets_in() {
    use entities::audit_logs;
    use services::auth::audit::SIGN_IN_FAILED;
    use services::auth::rate_limit::PER_ACCOUNT;

    let app =
        spawn_app_with([("TRUSTED_PROXIES".to_string(), "127.0.0.1".to_string())].into()).await;
    assert_eq!(
        app.register("Ada", "ada@example.com", PASSWORD)
            .await
            .status(),
        200
    );
    let sign_in_from = |address: String, password: &'static str| {
        let (client, url) = (
            app.client.clone(),
            format!("{}/api/auth/sign_in", app.address),
        );
        async move {
            let response = client
                .post(url)
                .header("accept", "application/json")
                .header("x-forwarded-for", address)
                .form(&[("email", "ada@example.com"), ("password", password)])
                .send()
                .await
                .unwrap();
            response.json::<Value>().await.unwrap()
        }
    };
    let mut parallel = tokio::task::JoinSet::new();
    for _ in 0..50 {
        parallel.spawn(sign_in_from(
            "203.0.113.9".into(),
            "not the password at all",
        ));
    }
    let guesses = parallel.join_all().await;
    let mut wrong = 0;
    let mut limited = 0;
    for body in guesses {
        let refusal = &body["Refused"][0]["refusal"];
        if *refusal == "WrongCredentials" {
            wrong += 1;
        } else if refusal["RateLimited"].is_object() {
            limited += 1;
        } else {
            panic!("unexpected answer {body}");
        }
    }
    assert!(wrong <= PER_ACCOUNT.max, "{wrong} passwords were checked");
    assert_eq!(wrong + limited, 50);
    let recorded = audit_logs::Entity::find()
        .filter(audit_logs::Column::Action.eq(SIGN_IN_FAILED))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(recorded, wrong, "one recorded attempt per real check");

    // The owner, elsewhere, is not locked out.
    let body = sign_in_from("198.51.100.7".into(), PASSWORD).await;
    assert!(
        body["SignedIn"].is_object(),
        "the owner is locked out: {body}"
    );

    // Addresses of one IPv6 /64 are one network.
    for n in 1..=PER_ACCOUNT.max {
        let body = sign_in_from(format!("2001:db8::{n}"), "wrong").await;
        assert_eq!(
            body["Refused"][0]["refusal"], "WrongCredentials",
            "{n}: {body}"
        );
    }
    let body = sign_in_from("2001:db8::ffff".into(), "wrong").await;
    assert!(
        body["Refused"][0]["refusal"]["RateLimited"].is_object(),
        "{body}"
    );
}
