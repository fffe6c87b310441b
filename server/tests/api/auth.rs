//! Accounts over HTTP: the real server functions, as a browser's fetch would call them.

use entities::{prelude::*, *};
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::Value;
use services::password::verify_password;

use crate::helpers::client::{cookie_value, session_cookie};
use crate::helpers::{TestApp, session_token, spawn_app};

const PASSWORD: &str = "velvet evenings in florence";

async fn user_count(app: &TestApp) -> u64 {
    Users::find().count(&app.db).await.unwrap()
}

#[tokio::test]
async fn registering_creates_the_account_wishlist_profile_and_a_session() {
    let app = spawn_app().await;

    let response = app
        .register("Ada Lovelace", "  Ada@Example.COM ", PASSWORD)
        .await;

    assert_eq!(response.status(), 200);
    let set_cookie = session_cookie(&response).expect("a session cookie is set");
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(set_cookie.contains("Path=/"), "{set_cookie}");
    assert!(
        !set_cookie.contains("Secure"),
        "plain http in tests: {set_cookie}"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["SignedIn"]["name"], "Ada Lovelace");

    let user = Users::find()
        .filter(users::Column::Email.eq("ada@example.com"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("email stored normalised");
    let hash = user.password_hash.clone().unwrap();
    assert!(hash.starts_with("$argon2id$"));
    assert!(verify_password(PASSWORD, &hash));
    assert_eq!(
        Wishlists::find()
            .filter(wishlists::Column::UserId.eq(user.id))
            .count(&app.db)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        StyleProfiles::find()
            .filter(style_profiles::Column::UserId.eq(user.id))
            .count(&app.db)
            .await
            .unwrap(),
        1
    );

    // Only the token's hash is stored.
    let token = cookie_value(&set_cookie);
    let session = Sessions::find()
        .filter(sessions::Column::UserId.eq(user.id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(session.session_token, token);
    assert!(
        Sessions::find()
            .filter(sessions::Column::SessionToken.eq(token.clone()))
            .one(&app.db)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(app.me(Some(&token)).await["email"], "ada@example.com");
}

#[tokio::test]
async fn signing_in_and_out() {
    let app = spawn_app().await;
    app.register("Ada", "ada@example.com", PASSWORD).await;

    let response = app.sign_in("ADA@example.com", PASSWORD).await;
    assert_eq!(response.status(), 200);
    let token = session_token(&response);
    assert_eq!(app.me(Some(&token)).await["name"], "Ada");
    let user = Users::find()
        .filter(users::Column::Email.eq("ada@example.com"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        user.login_count, 2,
        "registration signs in once, then this sign-in"
    );
    assert!(user.last_login_at.is_some());
    let audited = AuditLogs::find()
        .filter(audit_logs::Column::Action.eq("auth.signed_in"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(audited, 1);

    let out = app.post_form("/api/auth/sign_out", &[], Some(&token)).await;
    assert_eq!(out.status(), 200);
    assert!(session_cookie(&out).unwrap().contains("Max-Age=0"));
    assert_eq!(
        app.me(Some(&token)).await,
        Value::Null,
        "the old cookie no longer works"
    );
}

#[tokio::test]
async fn a_wrong_password_is_refused_on_the_password_field_and_audited() {
    let app = spawn_app().await;
    app.register("Ada", "ada@example.com", PASSWORD).await;

    let response = app
        .sign_in("ada@example.com", "velvet evenings in venice")
        .await;

    assert_eq!(response.status(), 200);
    assert!(session_cookie(&response).is_none());
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["Refused"][0]["field"], "password");
    assert_eq!(
        body["Refused"][0]["message"],
        "That email and password do not match an account."
    );
    let failures = AuditLogs::find()
        .filter(audit_logs::Column::Action.eq("auth.sign_in_failed"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(failures, 1);
    // An unknown account gets the very same answer.
    let unknown: Value = app
        .sign_in("nobody@example.com", PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unknown, body);
}

#[tokio::test]
async fn repeated_failures_from_one_address_make_it_wait() {
    let app = spawn_app().await;
    app.register("Ada", "ada@example.com", PASSWORD).await;
    for _ in 0..5 {
        app.sign_in("ada@example.com", "not the right password")
            .await;
    }

    // Even the right password is refused now, with a clear wait.
    let body: Value = app
        .sign_in("ada@example.com", PASSWORD)
        .await
        .json()
        .await
        .unwrap();

    let message = body["Refused"][0]["message"].as_str().unwrap().to_string();
    assert!(
        message.starts_with("Too many attempts. Try again in "),
        "{message}"
    );
    let seconds: u64 = message
        .trim_start_matches("Too many attempts. Try again in ")
        .trim_end_matches(" seconds.")
        .parse()
        .unwrap();
    assert!((1..=900).contains(&seconds), "{seconds}");
}

#[tokio::test]
async fn an_expired_session_is_signed_out() {
    let app = spawn_app().await;
    let response = app.register("Ada", "ada@example.com", PASSWORD).await;
    let token = session_token(&response);
    let session = Sessions::find().one(&app.db).await.unwrap().unwrap();
    let mut expired = session.into_active_model();
    expired.expires_at = Set((chrono::Utc::now() - chrono::Duration::minutes(1)).into());
    expired.update(&app.db).await.unwrap();

    assert_eq!(app.me(Some(&token)).await, Value::Null);
}

#[tokio::test]
async fn bad_registration_input_gets_field_level_messages_and_stores_nothing() {
    let app = spawn_app().await;
    let cases: [(&str, &str, &str, &str, &str); 8] = [
        (
            "",
            "ada@example.com",
            PASSWORD,
            "name",
            "Tell us your name.",
        ),
        ("Ada", "", PASSWORD, "email", "Enter your email address."),
        (
            "Ada",
            "not-an-email",
            PASSWORD,
            "email",
            "Enter an email address like name@example.com.",
        ),
        (
            "Ada",
            "x@y.com'; DROP TABLE users;--",
            PASSWORD,
            "email",
            "Enter an email address like name@example.com.",
        ),
        (
            "Ada",
            "<script>alert(1)</script>@x.com",
            PASSWORD,
            "email",
            "Enter an email address like name@example.com.",
        ),
        (
            "Ada",
            "ada@example.com",
            "short",
            "password",
            "Use at least 10 characters.",
        ),
        (
            "Ada",
            "ada@example.com",
            &"long".repeat(40),
            "password",
            "Use at most 128 characters.",
        ),
        (
            &"N".repeat(101),
            "ada@example.com",
            PASSWORD,
            "name",
            "Use at most 100 characters.",
        ),
    ];
    for (name, email, password, field, message) in cases {
        let response = app.register(name, email, password).await;
        assert_eq!(response.status(), 200, "{field}: {message}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["Refused"][0]["field"], field, "{body}");
        assert_eq!(body["Refused"][0]["message"], message, "{body}");
    }
    assert_eq!(user_count(&app).await, 0);

    // A second account with the same address is refused on the email field.
    app.register("Ada", "ada@example.com", PASSWORD).await;
    let body: Value = app
        .register("Ada Again", "ADA@example.com", PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["Refused"][0]["field"], "email");
    assert_eq!(user_count(&app).await, 1);
}

#[tokio::test]
async fn a_customer_calling_an_admin_function_gets_403_and_nothing_changes() {
    let app = spawn_app().await;
    let response = app.register("Ada", "ada@example.com", PASSWORD).await;
    let customer = session_token(&response);
    app.register("Marco", "marco@example.com", PASSWORD).await;

    let refused = app
        .post_form(
            "/api/admin/set_user_role",
            &[("email", "ada@example.com"), ("role", "SUPER_ADMIN")],
            Some(&customer),
        )
        .await;
    assert_eq!(refused.status(), 403);
    let anonymous = app
        .post_form(
            "/api/admin/set_user_role",
            &[("email", "marco@example.com"), ("role", "VIP")],
            None,
        )
        .await;
    assert_eq!(anonymous.status(), 401);
    let roles: Vec<_> = Users::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|user| user.role)
        .collect();
    assert!(
        roles.iter().all(|role| *role == UserRole::Customer),
        "{roles:?}"
    );

    // A super admin can, and it is audited.
    let ada = Users::find()
        .filter(users::Column::Email.eq("ada@example.com"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut promoted = ada.into_active_model();
    promoted.role = Set(UserRole::SuperAdmin);
    promoted.update(&app.db).await.unwrap();
    let allowed = app
        .post_form(
            "/api/admin/set_user_role",
            &[("email", "marco@example.com"), ("role", "VIP")],
            Some(&customer),
        )
        .await;
    assert_eq!(allowed.status(), 200);
    let marco = Users::find()
        .filter(users::Column::Email.eq("marco@example.com"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(marco.role, UserRole::Vip);
    let audited = AuditLogs::find()
        .filter(audit_logs::Column::Action.eq("user.role_changed"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn a_guest_gets_a_session_that_is_not_an_account() {
    let app = spawn_app().await;

    let (guest, token) = services::auth::sessions::start_guest(&app.db, &Default::default())
        .await
        .unwrap();

    assert_eq!(guest.role, UserRole::Guest);
    assert!(guest.password_hash.is_none());
    let resolved = services::auth::sessions::resolve(&app.db, &token)
        .await
        .unwrap();
    assert_eq!(resolved.map(|(_, user)| user.id), Some(guest.id));
    // Pages treat a guest as signed out, and a guest cannot sign in with a password.
    assert_eq!(app.me(Some(token.as_str())).await, Value::Null);
    let refused: Value = app
        .sign_in(&guest.email, PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(refused["Refused"][0]["field"], "password");
}
