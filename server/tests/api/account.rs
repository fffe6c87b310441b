//! Account settings and the address book over HTTP: the real server functions, as a
//! browser's fetch would call them, and the pages as a browser would load them.

use entities::{prelude::*, *};
use reqwest::StatusCode;
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, QueryFilter, Set};
use serde_json::{Value, json};
use services::password::verify_password;

use crate::helpers::{TestApp, session_token, spawn_app};

const PASSWORD: &str = "velvet evenings in florence";
const NEW_PASSWORD: &str = "linen mornings in amalfi";

/// A registered, signed-in shopper.
struct Shopper {
    id: Uuid,
    token: String,
}

impl TestApp {
    async fn shopper(&self, name: &str, email: &str) -> Shopper {
        let response = self.register(name, email, PASSWORD).await;
        assert_eq!(response.status(), 200);
        let token = session_token(&response);
        let user = Users::find()
            .filter(users::Column::Email.eq(email))
            .one(&self.db)
            .await
            .unwrap()
            .expect("the shopper is stored");
        Shopper { id: user.id, token }
    }

    /// Calls an account server function; the status and the JSON answer.
    async fn account(
        &self,
        function: &str,
        form: &[(&str, &str)],
        token: Option<&str>,
    ) -> (StatusCode, Value) {
        let response = self
            .post_form(&format!("/api/account/{function}"), form, token)
            .await;
        let status = response.status();
        let body = response.text().await.unwrap();
        (
            status,
            serde_json::from_str(&body).unwrap_or(Value::String(body)),
        )
    }

    async fn user(&self, id: Uuid) -> users::Model {
        Users::find_by_id(id).one(&self.db).await.unwrap().unwrap()
    }

    async fn addresses_of(&self, id: Uuid) -> Vec<addresses::Model> {
        Addresses::find()
            .filter(addresses::Column::UserId.eq(id))
            .all(&self.db)
            .await
            .unwrap()
    }

    async fn add_address(&self, shopper: &Shopper, changes: &[(&str, &str)]) -> addresses::Model {
        let before: Vec<Uuid> = self
            .addresses_of(shopper.id)
            .await
            .iter()
            .map(|address| address.id)
            .collect();
        let (status, body) = self
            .account("save_address", &address_form(changes), Some(&shopper.token))
            .await;
        assert_eq!((status, &body), (StatusCode::OK, &json!("Saved")));
        self.addresses_of(shopper.id)
            .await
            .into_iter()
            .find(|address| !before.contains(&address.id))
            .expect("the address is stored")
    }

    async fn address(&self, id: Uuid) -> addresses::Model {
        Addresses::find_by_id(id)
            .one(&self.db)
            .await
            .unwrap()
            .unwrap()
    }
}

fn profile_form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    with_changes(
        vec![
            ("name", "Ada King"),
            ("phone", "+33 1 23 45 67 89"),
            ("preferred_currency", "EUR"),
            ("preferred_language", "fr"),
            ("timezone", "Europe/Paris"),
        ],
        changes,
    )
}

fn address_form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    with_changes(
        vec![
            ("id", ""),
            ("kind", "shipping"),
            ("first_name", "Ada"),
            ("last_name", "Lovelace"),
            ("company", ""),
            ("phone", "+44 20 7946 0000"),
            ("address_line1", "12 St James's Square"),
            ("address_line2", ""),
            ("city", "London"),
            ("state_province", ""),
            ("postal_code", "sw1y 4lb"),
            ("country_code", "GB"),
        ],
        changes,
    )
}

/// `base` with `changes` applied: replaced when the field exists, added otherwise.
fn with_changes<'a>(
    mut base: Vec<(&'a str, &'a str)>,
    changes: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    for (field, value) in changes {
        match base.iter_mut().find(|(name, _)| name == field) {
            Some(entry) => entry.1 = value,
            None => base.push((field, value)),
        }
    }
    base
}

/// The single field error of a refusal, as (field, message).
fn refusal(body: &Value) -> (Value, String) {
    let errors = body["Refused"].as_array().expect("a refusal");
    assert_eq!(errors.len(), 1, "{body}");
    (
        errors[0]["field"].clone(),
        errors[0]["message"].as_str().unwrap().to_string(),
    )
}

// Profile

#[tokio::test]
async fn the_profile_is_updated_and_read_back() {
    let app = spawn_app().await;
    let ada = app.shopper("Ada", "ada@example.com").await;

    let (status, body) = app
        .account("update_profile", &profile_form(&[]), Some(&ada.token))
        .await;

    assert_eq!((status, body), (StatusCode::OK, json!("Saved")));
    let user = app.user(ada.id).await;
    assert_eq!(user.name.as_deref(), Some("Ada King"));
    assert_eq!(
        user.phone.as_deref(),
        Some("+33123456789"),
        "stored without spaces"
    );
    assert_eq!(user.preferred_currency, "EUR");
    assert_eq!(user.preferred_language, "fr");
    assert_eq!(user.timezone, "Europe/Paris");

    let (status, settings) = app.account("settings", &[], Some(&ada.token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        settings,
        json!({
            "name": "Ada King",
            "email": "ada@example.com",
            "phone": "+33123456789",
            "preferred_currency": "EUR",
            "preferred_language": "fr",
            "timezone": "Europe/Paris",
            "has_password": true,
            "connected_accounts": [],
            "ai_consent": true,
        })
    );

    // Personalisation off from its settings panel (an unticked box sends nothing), then on.
    let off = app
        .post_form("/api/style/consent", &[], Some(&ada.token))
        .await;
    assert_eq!(off.status(), StatusCode::OK);
    assert!(!app.user(ada.id).await.ai_consent);
    let on = app
        .post_form("/api/style/consent", &[("on", "true")], Some(&ada.token))
        .await;
    assert_eq!(on.status(), StatusCode::OK);
    assert!(app.user(ada.id).await.ai_consent);

    // The phone is optional: an empty one clears it.
    let (_, body) = app
        .account(
            "update_profile",
            &profile_form(&[("phone", "  "), ("timezone", "UTC")]),
            Some(&ada.token),
        )
        .await;
    assert_eq!(body, json!("Saved"));
    let user = app.user(ada.id).await;
    assert_eq!(user.phone, None);
    assert_eq!(user.timezone, "UTC");
}

#[tokio::test]
async fn bad_profile_input_gets_field_level_messages_and_stores_nothing() {
    let app = spawn_app().await;
    let ada = app.shopper("Ada", "ada@example.com").await;
    let before = app.user(ada.id).await;
    let long_name = "N".repeat(101);
    let long_zone = format!("Europe/{}", "A".repeat(50));
    let cases: [(&str, &str, &str); 16] = [
        ("name", "", "Tell us your name."),
        ("name", "   ", "Tell us your name."),
        ("name", &long_name, "Use at most 100 characters."),
        (
            "name",
            "Ada\u{7}",
            "Use letters, spaces and punctuation only.",
        ),
        ("phone", "12345", "Use 7 to 20 digits."),
        (
            "phone",
            "1'; DROP TABLE users;--",
            "Use digits and spaces only, with an optional + at the start.",
        ),
        (
            "phone",
            "<script>alert(1)</script>",
            "Use digits and spaces only, with an optional + at the start.",
        ),
        (
            "preferred_currency",
            "BTC",
            "Choose US dollar, euro, pound sterling, Swiss franc or yen.",
        ),
        (
            "preferred_currency",
            "USD'; DROP TABLE users;--",
            "Choose US dollar, euro, pound sterling, Swiss franc or yen.",
        ),
        (
            "preferred_language",
            "de",
            "Choose English, French or Italian.",
        ),
        (
            "preferred_language",
            "<img src=x onerror=alert(1)>",
            "Choose English, French or Italian.",
        ),
        (
            "timezone",
            "",
            "Choose a time zone, like Europe/Paris or UTC.",
        ),
        (
            "timezone",
            "Europe/<script>alert(1)</script>",
            "Use a time zone name like Europe/Paris or UTC.",
        ),
        (
            "timezone",
            "UTC'; DROP TABLE users;--",
            "Use a time zone name like Europe/Paris or UTC.",
        ),
        (
            "timezone",
            "Mars/Olympus_Mons",
            "Use a time zone name like Europe/Paris or UTC.",
        ),
        ("timezone", &long_zone, "Use at most 50 characters."),
    ];
    for (field, value, message) in cases {
        let (status, body) = app
            .account(
                "update_profile",
                &profile_form(&[(field, value)]),
                Some(&ada.token),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{field}: {value}");
        assert_eq!(
            refusal(&body),
            (json!(field), message.to_string()),
            "{field}: {value}"
        );
    }

    // Several bad fields: a message for each, in form order.
    let (_, body) = app
        .account(
            "update_profile",
            &[
                ("name", ""),
                ("phone", "abc"),
                ("preferred_currency", "XXX"),
                ("preferred_language", "xx"),
                ("timezone", "Nowhere"),
            ],
            Some(&ada.token),
        )
        .await;
    let fields: Vec<_> = body["Refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "name",
            "phone",
            "preferred_currency",
            "preferred_language",
            "timezone"
        ]
    );

    assert_eq!(
        app.user(ada.id).await,
        before,
        "nothing was written, not even updated_at"
    );
}

#[tokio::test]
async fn names_that_look_like_code_are_stored_as_text_and_shown_escaped() {
    let app = spawn_app().await;
    let ada = app.shopper("Ada", "ada@example.com").await;

    for name in [
        "Robert'); DROP TABLE users;--",
        "<script>alert('owned')</script>",
    ] {
        let (_, body) = app
            .account(
                "update_profile",
                &profile_form(&[("name", name)]),
                Some(&ada.token),
            )
            .await;
        assert_eq!(body, json!("Saved"));
        assert_eq!(app.user(ada.id).await.name.as_deref(), Some(name));
    }
    assert_eq!(Users::find().count(&app.db).await.unwrap(), 1);

    let page = app
        .get_with_cookie("/account/settings", &format!("lv_session={}", ada.token))
        .await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(!html.contains("<script>alert('owned')</script>"));
    assert!(html.contains("&lt;script&gt;"), "the name is escaped");
}

// Password

#[tokio::test]
async fn changing_the_password_ends_every_other_session() {
    let app = spawn_app().await;
    let ada = app.shopper("Ada", "ada@example.com").await;
    let phone = session_token(&app.sign_in("ada@example.com", PASSWORD).await);
    let laptop = session_token(&app.sign_in("ada@example.com", PASSWORD).await);
    let old_hash = app.user(ada.id).await.password_hash;

    // A wrong current password changes nothing.
    let (status, body) = app
        .account(
            "change_password",
            &[
                ("current_password", "not my password at all"),
                ("new_password", NEW_PASSWORD),
            ],
            Some(&ada.token),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        refusal(&body),
        (
            json!("current_password"),
            "That is not your current password.".to_string()
        )
    );
    assert_eq!(app.user(ada.id).await.password_hash, old_hash);
    assert_ne!(app.me(Some(&phone)).await, Value::Null);
    let failures = AuditLogs::find()
        .filter(audit_logs::Column::Action.eq("auth.password_change_failed"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(failures, 1);

    let (status, body) = app
        .account(
            "change_password",
            &[
                ("current_password", PASSWORD),
                ("new_password", NEW_PASSWORD),
            ],
            Some(&ada.token),
        )
        .await;

    assert_eq!((status, body), (StatusCode::OK, json!("Saved")));
    let user = app.user(ada.id).await;
    assert!(verify_password(
        NEW_PASSWORD,
        user.password_hash.as_deref().unwrap()
    ));
    assert_eq!(
        app.me(Some(&ada.token)).await["email"],
        "ada@example.com",
        "this session still works"
    );
    assert_eq!(app.me(Some(&phone)).await, Value::Null);
    assert_eq!(app.me(Some(&laptop)).await, Value::Null);
    assert_eq!(
        Sessions::find()
            .filter(sessions::Column::UserId.eq(ada.id))
            .count(&app.db)
            .await
            .unwrap(),
        1
    );
    let audited = AuditLogs::find()
        .filter(audit_logs::Column::Action.eq("auth.password_changed"))
        .filter(audit_logs::Column::UserId.eq(ada.id))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the change is audited");
    assert_eq!(
        audited.new_values,
        Some(json!({ "other_sessions_ended": 2 }))
    );
    let audit_text = serde_json::to_string(&audited.new_values).unwrap();
    assert!(!audit_text.contains(NEW_PASSWORD));

    // The old password no longer signs in; the new one does.
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
    assert!(new.get("SignedIn").is_some(), "{new}");
}

#[tokio::test]
async fn each_password_rule_gets_its_own_message() {
    let app = spawn_app().await;
    let ada = app.shopper("Ada", "ada.lovelace@example.com").await;
    let before = app.user(ada.id).await;
    let cases = [
        (
            "",
            NEW_PASSWORD,
            "current_password",
            "Enter your current password.",
        ),
        (PASSWORD, "", "new_password", "Choose a password."),
        (
            PASSWORD,
            "short",
            "new_password",
            "Use at least 10 characters.",
        ),
        (
            PASSWORD,
            &"long".repeat(40),
            "new_password",
            "Use at most 128 characters.",
        ),
        (
            PASSWORD,
            "password123",
            "new_password",
            "That password is too easy to guess; try a short phrase instead.",
        ),
        (
            PASSWORD,
            "my name is ada.lovelace",
            "new_password",
            "Your password must not contain your email address.",
        ),
        (
            PASSWORD,
            PASSWORD,
            "new_password",
            "Choose a password different from your current one.",
        ),
    ];
    for (current, new, field, message) in cases {
        let (status, body) = app
            .account(
                "change_password",
                &[("current_password", current), ("new_password", new)],
                Some(&ada.token),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{message}");
        assert_eq!(
            refusal(&body),
            (json!(field), message.to_string()),
            "{body}"
        );
    }
    assert_eq!(app.user(ada.id).await, before);
}

#[tokio::test]
async fn guessing_the_current_password_is_rate_limited() {
    let app = spawn_app().await;
    let ada = app.shopper("Ada", "ada@example.com").await;
    for _ in 0..5 {
        app.account(
            "change_password",
            &[
                ("current_password", "a wrong guess here"),
                ("new_password", NEW_PASSWORD),
            ],
            Some(&ada.token),
        )
        .await;
    }

    let (status, body) = app
        .account(
            "change_password",
            &[
                ("current_password", PASSWORD),
                ("new_password", NEW_PASSWORD),
            ],
            Some(&ada.token),
        )
        .await;

    assert_eq!(status, StatusCode::OK);
    let (field, message) = refusal(&body);
    assert_eq!(field, Value::Null, "a message for the whole form");
    assert!(
        message.starts_with("Too many attempts. Try again in "),
        "{message}"
    );
    assert!(verify_password(
        PASSWORD,
        app.user(ada.id).await.password_hash.as_deref().unwrap()
    ));
}

// Addresses

#[tokio::test]
async fn addresses_are_added_listed_edited_and_deleted() {
    let app = spawn_app().await;
    let ada = app.shopper("Ada", "ada@example.com").await;
    let (_, empty) = app.account("addresses", &[], Some(&ada.token)).await;
    assert_eq!(empty, json!([]));

    let added = app.add_address(&ada, &[]).await;
    assert!(added.is_default, "a first address is the default");
    assert_eq!(added.r#type, "shipping");
    assert_eq!(added.postal_code, "SW1Y 4LB");
    assert_eq!(added.phone.as_deref(), Some("+442079460000"));
    assert_eq!(added.company, None);
    let id = added.id.to_string();

    let (status, listed) = app.account("addresses", &[], Some(&ada.token)).await;
    assert_eq!(status, StatusCode::OK);
    let expected = json!({
        "id": id,
        "kind": "shipping",
        "is_default": true,
        "first_name": "Ada",
        "last_name": "Lovelace",
        "company": "",
        "phone": "+442079460000",
        "address_line1": "12 St James's Square",
        "address_line2": "",
        "city": "London",
        "state_province": "",
        "postal_code": "SW1Y 4LB",
        "country_code": "GB",
    });
    assert_eq!(listed, json!([expected.clone()]));
    let (status, one) = app
        .account("address", &[("id", &id)], Some(&ada.token))
        .await;
    assert_eq!((status, one), (StatusCode::OK, expected));

    let (status, body) = app
        .account(
            "save_address",
            &address_form(&[
                ("id", &id),
                ("city", "Paris"),
                ("postal_code", "75001"),
                ("country_code", "fr"),
                ("address_line2", "Troisième étage"),
                ("make_default", "true"),
            ]),
            Some(&ada.token),
        )
        .await;
    assert_eq!((status, body), (StatusCode::OK, json!("Saved")));
    let edited = app.address(added.id).await;
    assert_eq!(edited.city, "Paris");
    assert_eq!(edited.country_code, "FR");
    assert_eq!(edited.address_line2.as_deref(), Some("Troisième étage"));
    assert!(edited.is_default);
    assert_eq!(app.addresses_of(ada.id).await.len(), 1, "edited in place");

    let (status, _) = app
        .account("delete_address", &[("id", &id)], Some(&ada.token))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(app.addresses_of(ada.id).await.is_empty());
    let (status, _) = app
        .account("address", &[("id", &id)], Some(&ada.token))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_address_input_gets_field_level_messages_and_stores_nothing() {
    let app = spawn_app().await;
    let ada = app.shopper("Ada", "ada@example.com").await;
    let (n101, n256, n21) = ("n".repeat(101), "n".repeat(256), "1".repeat(21));
    let cases: [(&str, &str, &str); 20] = [
        ("kind", "", "Choose shipping or billing."),
        (
            "kind",
            "home'; DROP TABLE addresses;--",
            "Choose shipping or billing.",
        ),
        ("first_name", "", "Enter a first name."),
        ("first_name", &n101, "Use at most 100 characters."),
        ("last_name", " ", "Enter a last name."),
        (
            "last_name",
            "Lovelace\u{0}",
            "Use letters, digits, spaces and punctuation only.",
        ),
        ("company", &n101, "Use at most 100 characters."),
        (
            "phone",
            "<script>alert(1)</script>",
            "Use digits and spaces only, with an optional + at the start.",
        ),
        ("address_line1", "", "Enter the street address."),
        ("address_line1", &n256, "Use at most 255 characters."),
        ("address_line2", &n256, "Use at most 255 characters."),
        ("city", "", "Enter a town or city."),
        ("city", &n101, "Use at most 100 characters."),
        ("state_province", &n101, "Use at most 100 characters."),
        ("postal_code", "", "Enter a postcode."),
        ("postal_code", &n21, "Use at most 20 characters."),
        (
            "postal_code",
            "<b>75001</b>",
            "Use letters, digits, spaces and hyphens only.",
        ),
        ("country_code", "", "Choose a country."),
        ("country_code", "ZZ", "Choose a country from the list."),
        (
            "country_code",
            "FR'; DROP TABLE addresses;--",
            "Choose a country from the list.",
        ),
    ];
    for (field, value, message) in cases {
        let (status, body) = app
            .account(
                "save_address",
                &address_form(&[(field, value)]),
                Some(&ada.token),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{field}: {value}");
        assert_eq!(
            refusal(&body),
            (json!(field), message.to_string()),
            "{field}: {value}"
        );
    }
    assert!(app.addresses_of(ada.id).await.is_empty());

    // An edit with bad input leaves the address as it was.
    let saved = app.add_address(&ada, &[]).await;
    let id = saved.id.to_string();
    let (_, body) = app
        .account(
            "save_address",
            &address_form(&[("id", &id), ("city", ""), ("country_code", "ZZ")]),
            Some(&ada.token),
        )
        .await;
    assert_eq!(body["Refused"].as_array().unwrap().len(), 2, "{body}");
    assert_eq!(app.address(saved.id).await, saved);
}

#[tokio::test]
async fn markup_in_an_address_is_stored_as_text_and_shown_escaped() {
    let app = spawn_app().await;
    let ada = app.shopper("Ada", "ada@example.com").await;
    let added = app
        .add_address(
            &ada,
            &[
                ("first_name", "<img src=x onerror=alert(1)>"),
                ("address_line1", "1 Main St'); DROP TABLE addresses;--"),
            ],
        )
        .await;
    assert_eq!(added.first_name, "<img src=x onerror=alert(1)>");
    assert_eq!(added.address_line1, "1 Main St'); DROP TABLE addresses;--");

    let page = app
        .get_with_cookie("/account/addresses", &format!("lv_session={}", ada.token))
        .await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(!html.contains("<img src=x"), "markup is never rendered");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[tokio::test]
async fn each_type_has_at_most_one_default() {
    let app = spawn_app().await;
    let ada = app.shopper("Ada", "ada@example.com").await;
    let home = app.add_address(&ada, &[("city", "Home")]).await;
    let office = app.add_address(&ada, &[("city", "Office")]).await;
    let billing = app
        .add_address(&ada, &[("kind", "billing"), ("city", "Bank")])
        .await;
    assert!(home.is_default);
    assert!(!office.is_default);
    assert!(
        billing.is_default,
        "the first billing address is its default"
    );

    let defaults = |addresses: Vec<addresses::Model>| {
        let mut cities: Vec<_> = addresses
            .into_iter()
            .filter(|address| address.is_default)
            .map(|address| (address.r#type, address.city))
            .collect();
        cities.sort();
        cities
    };
    let pair = |kind: &str, city: &str| (kind.to_string(), city.to_string());

    let office_id = office.id.to_string();
    let (status, _) = app
        .account(
            "set_default_address",
            &[("id", &office_id)],
            Some(&ada.token),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        defaults(app.addresses_of(ada.id).await),
        [pair("billing", "Bank"), pair("shipping", "Office")]
    );

    // Adding with "make default" takes over; adding without does not.
    let studio = app
        .add_address(&ada, &[("city", "Studio"), ("make_default", "true")])
        .await;
    app.add_address(&ada, &[("city", "Cottage")]).await;
    assert!(studio.is_default);
    assert_eq!(
        defaults(app.addresses_of(ada.id).await),
        [pair("billing", "Bank"), pair("shipping", "Studio")]
    );

    // Moving the default shipping address to billing makes it the billing default.
    let studio_id = studio.id.to_string();
    app.account(
        "save_address",
        &address_form(&[
            ("id", &studio_id),
            ("kind", "billing"),
            ("city", "Studio"),
            ("make_default", "true"),
        ]),
        Some(&ada.token),
    )
    .await;
    assert_eq!(
        defaults(app.addresses_of(ada.id).await),
        [pair("billing", "Studio")]
    );

    // Deleting a default hands it to the newest address of the same type.
    app.account("delete_address", &[("id", &studio_id)], Some(&ada.token))
        .await;
    assert_eq!(
        defaults(app.addresses_of(ada.id).await),
        [pair("billing", "Bank")]
    );

    // Many concurrent "make default" requests still leave exactly one.
    let shipping: Vec<String> = app
        .addresses_of(ada.id)
        .await
        .into_iter()
        .filter(|address| address.r#type == "shipping")
        .map(|address| address.id.to_string())
        .collect();
    let mut requests = tokio::task::JoinSet::new();
    for round in 0..12 {
        let (client, url, id, cookie) = (
            app.client.clone(),
            format!("{}/api/account/set_default_address", app.address),
            shipping[round % shipping.len()].clone(),
            format!("lv_session={}", ada.token),
        );
        requests.spawn(async move {
            client
                .post(url)
                .header("accept", "application/json")
                .header("cookie", cookie)
                .form(&[("id", id)])
                .send()
                .await
                .unwrap()
                .status()
        });
    }
    while let Some(status) = requests.join_next().await {
        assert_eq!(status.unwrap(), StatusCode::OK);
    }
    let shipping_defaults = app
        .addresses_of(ada.id)
        .await
        .into_iter()
        .filter(|address| address.r#type == "shipping" && address.is_default)
        .count();
    assert_eq!(shipping_defaults, 1);
}

#[tokio::test]
async fn a_shopper_can_never_reach_another_shoppers_address() {
    let app = spawn_app().await;
    let ada = app.shopper("Ada", "ada@example.com").await;
    let bruno = app.shopper("Bruno", "bruno@example.com").await;
    let theirs = app
        .add_address(
            &bruno,
            &[("first_name", "Bruno"), ("address_line1", "7 Via Roma")],
        )
        .await;
    app.add_address(&bruno, &[("city", "Second")]).await;
    let mine = app.add_address(&ada, &[]).await;
    let bruno_before = app.addresses_of(bruno.id).await;
    let id = theirs.id.to_string();

    let (status, listed) = app.account("addresses", &[], Some(&ada.token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["id"], mine.id.to_string());

    let attempts: [(&str, Vec<(&str, &str)>); 4] = [
        ("address", vec![("id", &id)]),
        (
            "save_address",
            address_form(&[
                ("id", &id),
                ("first_name", "Mallory"),
                ("make_default", "true"),
            ]),
        ),
        ("set_default_address", vec![("id", &id)]),
        ("delete_address", vec![("id", &id)]),
    ];
    for (function, form) in attempts {
        let (status, body) = app.account(function, &form, Some(&ada.token)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{function}: {body}");
        assert!(
            !body.to_string().contains("7 Via Roma"),
            "{function} leaks nothing"
        );
    }
    // Malformed ids are simply not found.
    let (status, _) = app
        .account("delete_address", &[("id", "' OR 1=1 --")], Some(&ada.token))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    assert_eq!(
        app.addresses_of(bruno.id).await,
        bruno_before,
        "unchanged to the last column"
    );
    assert_eq!(app.addresses_of(ada.id).await, [mine]);

    // Nor through the page's edit link.
    let page = app
        .get_with_cookie(
            &format!("/account/addresses?edit={id}"),
            &format!("lv_session={}", ada.token),
        )
        .await;
    let html = page.text().await.unwrap();
    assert!(!html.contains("7 Via Roma"));
}

// Signed out

#[tokio::test]
async fn every_account_function_refuses_a_signed_out_caller_with_401() {
    let app = spawn_app().await;
    let ada = app.shopper("Ada", "ada@example.com").await;
    let address = app.add_address(&ada, &[]).await;
    let id = address.id.to_string();
    let before = app.user(ada.id).await;
    // A well-formed token that was never issued.
    let forged = "A".repeat(43);

    let calls: [(&str, Vec<(&str, &str)>); 9] = [
        ("overview", vec![]),
        ("settings", vec![]),
        ("update_profile", profile_form(&[])),
        (
            "change_password",
            vec![
                ("current_password", PASSWORD),
                ("new_password", NEW_PASSWORD),
            ],
        ),
        ("addresses", vec![]),
        ("address", vec![("id", &id)]),
        (
            "save_address",
            address_form(&[("id", &id), ("city", "Rome")]),
        ),
        ("set_default_address", vec![("id", &id)]),
        ("delete_address", vec![("id", &id)]),
    ];
    for (function, form) in calls {
        for token in [None, Some(forged.as_str())] {
            let (status, body) = app.account(function, &form, token).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{function}: {body}");
        }
    }

    assert_eq!(app.user(ada.id).await, before);
    assert_eq!(app.addresses_of(ada.id).await, [address]);
}

// Pages

#[tokio::test]
async fn signed_out_visitors_are_sent_to_sign_in_and_back() {
    let app = spawn_app().await;
    for path in ["/account/settings", "/account/addresses"] {
        // As a browser asks: only then is the redirect a real 302.
        let response = app
            .client
            .get(format!("{}{path}", app.address))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        assert!(
            response.status().is_redirection(),
            "{path}: {}",
            response.status()
        );
        assert_eq!(
            response.headers()["location"],
            format!("/login?next={path}").as_str()
        );
    }
}

#[tokio::test]
async fn the_pages_render_for_a_signed_in_shopper() {
    let app = spawn_app().await;
    let ada = app.shopper("Ada", "ada@example.com").await;
    let cookie = format!("lv_session={}", ada.token);

    let settings = app.get_with_cookie("/account/settings", &cookie).await;
    assert_eq!(settings.status(), 200);
    let html = settings.text().await.unwrap();
    assert!(html.contains("Connected accounts"));
    assert!(html.contains("No connected accounts."), "the empty state");
    assert!(html.contains(r#"value="Ada""#), "the form starts filled in");

    OauthAccounts::insert(oauth_accounts::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(ada.id),
        provider: Set("github".into()),
        provider_account_id: Set("4242".into()),
        ..Default::default()
    })
    .exec(&app.db)
    .await
    .unwrap();
    let html = app
        .get_with_cookie("/account/settings", &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("GitHub"));
    assert!(!html.contains("No connected accounts."));
    let (_, settings) = app.account("settings", &[], Some(&ada.token)).await;
    assert_eq!(settings["connected_accounts"], json!(["GitHub"]));

    let addresses = app.get_with_cookie("/account/addresses", &cookie).await;
    assert_eq!(addresses.status(), 200);
    let html = addresses.text().await.unwrap();
    assert!(html.contains("You have no saved addresses yet."));
    app.add_address(&ada, &[]).await;
    let html = app
        .get_with_cookie("/account/addresses", &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("12 St James&#x27;s Square") || html.contains("12 St James's Square"));
    assert!(html.contains("Default shipping address"));
}

#[tokio::test]
async fn an_account_without_a_password_cannot_change_one() {
    let app = spawn_app().await;
    let ada = app.shopper("Ada", "ada@example.com").await;
    let mut user: users::ActiveModel = app.user(ada.id).await.into();
    user.password_hash = Set(None);
    user.update(&app.db).await.unwrap();

    let (_, body) = app
        .account(
            "change_password",
            &[("current_password", ""), ("new_password", NEW_PASSWORD)],
            Some(&ada.token),
        )
        .await;
    assert_eq!(
        refusal(&body),
        (
            json!("current_password"),
            "Your account signs in through a connected account, so it has no password to change."
                .to_string()
        )
    );
    assert_eq!(app.user(ada.id).await.password_hash, None);
    let (_, settings) = app.account("settings", &[], Some(&ada.token)).await;
    assert_eq!(settings["has_password"], false);
}
