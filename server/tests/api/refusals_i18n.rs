//! French and Italian shoppers are refused in their own language, over HTTP as the
//! browser calls the server functions: the language comes from the `lv_lang` cookie (or
//! `Accept-Language`), the refusal from the service as a typed code, the words from
//! `app::i18n::errors`.

use chrono::Utc;
use entities::coupons;
use reqwest::StatusCode;
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::Value;

use crate::helpers::builders::delivery;
use crate::helpers::client::{cookie_value, session_cookie, session_token};
use crate::helpers::{ProductBuilder, TestApp, spawn_app};

const PASSWORD: &str = "velvet evenings in florence";

/// Posts a server function form as `lang` speaks it, with an optional extra cookie; the
/// status, the body as text (a JSON answer or a refusal's message) and the session cookie
/// the answer set, if any.
async fn call(
    app: &TestApp,
    lang: &str,
    session: Option<&str>,
    path: &str,
    form: &[(&str, &str)],
) -> (StatusCode, String, Option<String>) {
    let mut cookie = format!("lv_lang={lang}");
    if let Some(session) = session {
        cookie.push_str(&format!("; lv_session={session}"));
    }
    let response = app
        .client
        .post(format!("{}/api/{path}", app.address))
        .header("accept", "application/json")
        .header("cookie", cookie)
        .form(form)
        .send()
        .await
        .expect("request is sent");
    let session = session_cookie(&response).map(|cookie| cookie_value(&cookie));
    let status = response.status();
    (status, response.text().await.unwrap(), session)
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|_| panic!("a JSON answer: {body}"))
}

#[tokio::test]
async fn a_sold_out_piece_is_refused_in_french_and_in_italian() {
    let app = spawn_app().await;
    let scarf = ProductBuilder::new("Foulard Aurore", "120.00")
        .stock(0)
        .insert(&app.db)
        .await;
    let variant = scarf.id.to_string();
    for (lang, expected) in [
        ("fr", "Désolés, Foulard Aurore est épuisé."),
        ("it", "Ci dispiace, Foulard Aurore è esaurito."),
        ("en", "Sorry, Foulard Aurore is sold out."),
    ] {
        let (status, body, _) = call(
            &app,
            lang,
            None,
            "cart/add",
            &[("variant_id", &variant), ("quantity", "1")],
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{lang}: {body}");
        assert!(body.contains(expected), "{lang}: {body}");
    }
}

#[tokio::test]
async fn a_line_that_sold_out_before_checkout_is_refused_in_each_language() {
    let app = spawn_app().await;
    let scarf = ProductBuilder::new("Foulard Aurore", "120.00")
        .stock(1)
        .insert(&app.db)
        .await;
    let variant = scarf.id.to_string();
    for (lang, expected) in [
        (
            "fr",
            "Désolés, Foulard Aurore vient d’être épuisé. Retirez-le de votre panier pour continuer.",
        ),
        (
            "it",
            "Ci dispiace, Foulard Aurore è appena andato esaurito. Rimuovilo dalla borsa per continuare.",
        ),
    ] {
        // The bag holds the last unit; then someone else buys it.
        app.set_stock(scarf.id, 1).await;
        let (status, _, session) = call(
            &app,
            lang,
            None,
            "cart/add",
            &[("variant_id", &variant), ("quantity", "1")],
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        app.set_stock(scarf.id, 0).await;
        let form = delivery("guest@example.com", &[]);
        let (status, body, _) = call(
            &app,
            lang,
            session.as_deref(),
            "checkout/place_order",
            &form,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let refused = json(&body);
        assert_eq!(
            refused["Refused"][0]["message"].as_str(),
            Some(expected),
            "{lang}: {body}"
        );
        assert_eq!(
            refused["Refused"][0]["refusal"]["JustSoldOut"]["name"],
            "Foulard Aurore"
        );
    }
}

#[tokio::test]
async fn promo_code_rejections_come_back_in_the_shoppers_language() {
    let app = spawn_app().await;
    let scarf = ProductBuilder::new("Foulard Aurore", "120.00")
        .stock(10)
        .insert(&app.db)
        .await;
    let variant = scarf.id.to_string();
    let now = Utc::now();
    for (code, edit) in [
        ("GONE24", 0),
        ("LATER", 1),
        ("SPENT", 2),
        ("ONCE", 3),
        ("BIGSPEND", 4),
        ("COATS", 5),
        ("ODD", 6),
    ] {
        let mut coupon = coupons::ActiveModel {
            id: Set(Uuid::new_v4()),
            code: Set(code.into()),
            discount_type: Set("percentage".into()),
            discount_value: Set(Decimal::new(20, 0)),
            valid_from: Set((now - chrono::Duration::days(500)).into()),
            ..Default::default()
        };
        match edit {
            0 => {
                coupon.valid_until = Set(Some(
                    "2024-09-01T00:00:00Z"
                        .parse::<DateTimeWithTimeZone>()
                        .unwrap(),
                ))
            }
            1 => {
                coupon.valid_from = Set("2099-03-15T12:00:00Z"
                    .parse::<DateTimeWithTimeZone>()
                    .unwrap())
            }
            2 => {
                coupon.usage_limit = Set(Some(1));
                coupon.usage_count = Set(1);
            }
            3 => coupon.usage_limit_per_user = Set(Some(1)),
            4 => coupon.minimum_amount = Set(Some(Decimal::new(500, 0))),
            5 => coupon.applicable_categories = Set(vec![Uuid::new_v4()]),
            _ => coupon.discount_type = Set("mystery".into()),
        }
        coupon.insert(&app.db).await.unwrap();
    }
    let cases: [(&str, &str, &str); 8] = [
        (
            "nosuch",
            "Nous ne reconnaissons pas le code NOSUCH. Vérifiez l’orthographe et réessayez.",
            "Non riconosciamo il codice NOSUCH. Controlla l’ortografia e riprova.",
        ),
        (
            "GONE24",
            "Le code GONE24 a expiré le 1 septembre 2024.",
            "Il codice GONE24 è scaduto il 1 settembre 2024.",
        ),
        (
            "LATER",
            "Le code LATER est utilisable à partir du 15 mars 2099.",
            "Il codice LATER è utilizzabile dal 15 marzo 2099.",
        ),
        (
            "SPENT",
            "Le code SPENT a été entièrement utilisé.",
            "Il codice SPENT è stato interamente utilizzato.",
        ),
        (
            "ONCE",
            "Connectez-vous pour utiliser le code ONCE.",
            "Accedi per usare il codice ONCE.",
        ),
        (
            "BIGSPEND",
            "Le code BIGSPEND demande un sous-total de 500,00\u{a0}$US ; ajoutez encore 380,00\u{a0}$US pour l’utiliser.",
            "Il codice BIGSPEND richiede un subtotale di 500,00\u{a0}USD; aggiungi ancora 380,00\u{a0}USD per usarlo.",
        ),
        (
            "COATS",
            "Le code COATS ne s’applique à aucune pièce de votre panier.",
            "Il codice COATS non si applica ad alcun pezzo nella tua borsa.",
        ),
        (
            "ODD",
            "Le code ODD ne peut pas être utilisé pour le moment.",
            "Il codice ODD non può essere usato al momento.",
        ),
    ];
    for (lang, pick) in [("fr", 0), ("it", 1)] {
        let (_, _, session) = call(
            &app,
            lang,
            None,
            "cart/add",
            &[("variant_id", &variant), ("quantity", "1")],
        )
        .await;
        for (code, fr, it) in cases {
            let expected = [fr, it][pick];
            let (status, body, _) = call(
                &app,
                lang,
                session.as_deref(),
                "cart/apply_coupon",
                &[("code", code)],
            )
            .await;
            assert_eq!(status, StatusCode::OK, "{body}");
            let rejected = json(&body);
            assert_eq!(
                rejected["Rejected"]["message"].as_str(),
                Some(expected),
                "{lang} {code}: {body}"
            );
            assert!(
                rejected["Rejected"]["refusal"]["Coupon"].is_object(),
                "{body}"
            );
        }
        let (_, body, _) = call(
            &app,
            lang,
            session.as_deref(),
            "cart/apply_coupon",
            &[("code", " ")],
        )
        .await;
        let empty = [
            "Saisissez un code promotionnel.",
            "Inserisci un codice promozionale.",
        ][pick];
        assert_eq!(json(&body)["Rejected"]["message"].as_str(), Some(empty));
    }
}

#[tokio::test]
async fn the_sign_in_wait_is_given_in_seconds_in_each_language() {
    let app = spawn_app().await;
    app.register("Ada", "ada@example.com", PASSWORD).await;
    for _ in 0..5 {
        app.sign_in("ada@example.com", "not the right password")
            .await;
    }
    for (lang, before, after) in [
        ("fr", "Trop de tentatives. Réessayez dans ", " secondes."),
        ("it", "Troppi tentativi. Riprova tra ", " secondi."),
    ] {
        let (_, body, session) = call(
            &app,
            lang,
            None,
            "auth/sign_in",
            &[("email", "ada@example.com"), ("password", PASSWORD)],
        )
        .await;
        assert!(session.is_none(), "no session while the account waits");
        let refused = json(&body);
        let message = refused["Refused"][0]["message"].as_str().unwrap();
        let seconds: u64 = message
            .strip_prefix(before)
            .and_then(|rest| rest.strip_suffix(after))
            .unwrap_or_else(|| panic!("{lang}: {message}"))
            .parse()
            .unwrap();
        assert!((1..=900).contains(&seconds), "{seconds}");
        assert_eq!(
            refused["Refused"][0]["refusal"]["RateLimited"]["seconds"],
            seconds
        );
    }
}

#[tokio::test]
async fn a_bad_address_field_is_explained_in_each_language() {
    let app = spawn_app().await;
    let response = app.register("Ada", "ada@example.com", PASSWORD).await;
    let session = session_token(&response);
    for (lang, city, postcode) in [
        (
            "fr",
            "Saisissez une ville.",
            "Utilisez uniquement des lettres, des chiffres, des espaces et des tirets.",
        ),
        (
            "it",
            "Inserisci una città.",
            "Usa solo lettere, cifre, spazi e trattini.",
        ),
    ] {
        let form = [
            ("id", ""),
            ("kind", "shipping"),
            ("first_name", "Ada"),
            ("last_name", "Lovelace"),
            ("company", ""),
            ("phone", ""),
            ("address_line1", "12 St James's Square"),
            ("address_line2", ""),
            ("city", " "),
            ("state_province", ""),
            ("postal_code", "75001;--"),
            ("country_code", "FR"),
        ];
        let (status, body, _) =
            call(&app, lang, Some(&session), "account/save_address", &form).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let refused = json(&body);
        let errors = refused["Refused"].as_array().expect("field errors");
        let message_for = |field: &str| {
            errors
                .iter()
                .find(|error| error["field"] == field)
                .and_then(|error| error["message"].as_str())
                .unwrap_or_else(|| panic!("{lang} {field}: {body}"))
        };
        assert_eq!(message_for("city"), city);
        assert_eq!(message_for("postal_code"), postcode);
    }
}

#[tokio::test]
async fn a_signed_out_account_call_answers_401_in_each_language() {
    let app = spawn_app().await;
    for (lang, expected) in [
        ("fr", "Veuillez vous connecter pour continuer."),
        ("it", "Accedi per continuare."),
        ("en", "Please sign in to continue."),
    ] {
        let (status, body, _) = call(&app, lang, None, "account/settings", &[]).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
        assert!(body.contains(expected), "{lang}: {body}");
    }
}

impl TestApp {
    async fn set_stock(&self, variant_id: Uuid, stock: i32) {
        let mut variant: entities::product_variants::ActiveModel =
            entities::product_variants::Entity::find_by_id(variant_id)
                .one(&self.db)
                .await
                .unwrap()
                .unwrap()
                .into();
        variant.inventory_quantity = Set(stock);
        variant.update(&self.db).await.unwrap();
    }
}
