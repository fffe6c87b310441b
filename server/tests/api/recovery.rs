//! Email verification and password reset, through real emails to a local SMTP server.

use std::time::Duration;

use entities::{prelude::*, *};
use sea_orm::QueryFilter;
use sea_orm::prelude::*;
use serde_json::Value;

use crate::helpers::{TestApp, spawn_app};

const PASSWORD: &str = "velvet evenings in florence";
const NEW_PASSWORD: &str = "linen mornings in flanders";

async fn link_in_mail(app: &TestApp, to: &str, path: &str) -> String {
    let mail = app.smtp.wait_for_message(to, Duration::from_secs(10)).await;
    mail.find_link(&format!("{}{path}?token=", app.address))
        .unwrap_or_else(|| panic!("no {path} link in {}", mail.data))
}

fn token_of(link: &str) -> String {
    link.split_once("token=")
        .map(|(_, token)| token.to_string())
        .unwrap()
}

async fn user(app: &TestApp, email: &str) -> users::Model {
    Users::find()
        .filter(users::Column::Email.eq(email))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn the_emailed_link_verifies_the_address() {
    let app = spawn_app().await;
    app.register("Ada", "ada@example.com", PASSWORD).await;
    assert!(user(&app, "ada@example.com").await.email_verified.is_none());

    let link = link_in_mail(&app, "ada@example.com", "/verify-email").await;
    let body: Value = app
        .post_json(
            "/api/auth/verify_email",
            &[("token", &token_of(&link))],
            None,
        )
        .await;

    assert_eq!(body["Ok"], "ada@example.com");
    assert!(user(&app, "ada@example.com").await.email_verified.is_some());

    // A forged token is refused with its reason, which the page words for the shopper.
    let forged: Value = app
        .post_json(
            "/api/auth/verify_email",
            &[("token", "bm90LWEtdG9rZW4.c2lnbmF0dXJl")],
            None,
        )
        .await;
    assert_eq!(forged["Err"], "LinkInvalid");
    assert_eq!(
        app::i18n::errors::refusal_text(&domain::Refusal::LinkInvalid, domain::Locale::En),
        "This link is not valid. Please request a new one."
    );
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_ends_old_sessions() {
    let app = spawn_app().await;
    app.register("Ada", "ada@example.com", PASSWORD).await;
    let _verification = app
        .smtp
        .wait_for_message("ada@example.com", Duration::from_secs(10))
        .await;
    assert_eq!(Sessions::find().count(&app.db).await.unwrap(), 1);

    let asked: Value = app
        .post_json(
            "/api/auth/request_password_reset",
            &[("email", "ADA@example.com")],
            None,
        )
        .await;
    assert_eq!(
        asked,
        serde_json::json!({ "Refused": [] }),
        "no error to show"
    );
    let token = token_of(&link_in_mail(&app, "ada@example.com", "/reset-password").await);

    let reset = app
        .post_form(
            "/api/auth/reset_password",
            &[("token", &token), ("password", NEW_PASSWORD)],
            None,
        )
        .await;
    assert_eq!(reset.status(), 200);
    let body: Value = reset.json().await.unwrap();
    assert_eq!(body["SignedIn"]["name"], "Ada");

    // The old password no longer works, the new one does; the old session is gone.
    let old: Value = app
        .sign_in("ada@example.com", PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(old["Refused"][0]["field"], "password");
    let new: Value = app
        .sign_in("ada@example.com", NEW_PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(new["SignedIn"]["name"], "Ada");
    assert_eq!(
        Sessions::find().count(&app.db).await.unwrap(),
        2,
        "the reset's session and the new sign-in"
    );

    // The link works once.
    let again: Value = app
        .post_json(
            "/api/auth/reset_password",
            &[("token", &token), ("password", "another good phrase")],
            None,
        )
        .await;
    assert_eq!(
        again["Refused"][0]["message"],
        "This link has already been used. Please request a new one."
    );
}

#[tokio::test]
async fn reset_requests_do_not_reveal_accounts_and_are_rate_limited() {
    let app = spawn_app().await;
    let unknown: Value = app
        .post_json(
            "/api/auth/request_password_reset",
            &[("email", "nobody@example.com")],
            None,
        )
        .await;
    assert_eq!(unknown, serde_json::json!({ "Refused": [] }));

    for _ in 0..2 {
        app.post_form(
            "/api/auth/request_password_reset",
            &[("email", "nobody@example.com")],
            None,
        )
        .await;
    }
    let limited: Value = app
        .post_json(
            "/api/auth/request_password_reset",
            &[("email", "nobody@example.com")],
            None,
        )
        .await;
    let message = limited["Refused"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("Too many attempts. Try again in "),
        "{message}"
    );

    let malformed: Value = app
        .post_json(
            "/api/auth/request_password_reset",
            &[("email", "not an email")],
            None,
        )
        .await;
    assert_eq!(malformed["Refused"][0]["field"], "email");
}
