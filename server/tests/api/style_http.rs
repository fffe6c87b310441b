//! The style quiz and "For you" over HTTP, as the browser's plain form sends them: a
//! visitor's quiz kept on a guest session and carried into the account at registration,
//! field-level refusals in the shopper's language, consent, the row and its clicks.

use reqwest::StatusCode;
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::Value;
use services::personal::style;

use crate::helpers::{Jar, TestApp, eventually, spawn_seeded_app};

const PASSWORD: &str = "velvet evenings in florence";

/// The message a refused save gives for `field`.
fn refusal_for<'a>(outcome: &'a Value, field: &str) -> Option<&'a str> {
    outcome["Refused"]
        .as_array()?
        .iter()
        .find(|error| error["field"] == field)
        .and_then(|error| error["message"].as_str())
}

async fn scalar(
    app: &TestApp,
    sql: &str,
    values: Vec<sea_orm::Value>,
) -> Option<sea_orm::QueryResult> {
    app.db
        .query_one_raw(Statement::from_sql_and_values(
            app.db.get_database_backend(),
            sql,
            values,
        ))
        .await
        .unwrap()
}

#[tokio::test]
async fn a_visitors_quiz_follows_them_into_their_new_account() {
    let app = spawn_seeded_app().await;
    let deck = style::deck(&app.db).await.unwrap();
    let (liked, passed) = (deck[0].id.as_str(), deck[3].id.as_str());
    let mut jar = Jar::default();
    // As the form sends it: only the ticked boxes, each named by its code.
    let (status, outcome) = app
        .call(
            &mut jar,
            "style/save",
            &[
                ("answers[personas][classic]", "true"),
                ("answers[personas][bohemian]", "true"),
                ("answers[avoided_colours][black]", "true"),
                ("answers[budget_max]", "$1,500"),
                ("answers[sustainable]", "true"),
                ("answers[sizes][0][system]", "apparel"),
                ("answers[sizes][0][size]", "M"),
                ("answers[sizes][1][system]", "tailoring"),
                ("answers[sizes][1][size]", ""),
                ("answers[anchor_brand]", "maison-aurelle"),
                ("answers[anchor_size]", "38"),
                ("answers[fit]", "relaxed"),
                ("answers[deck][0][product]", liked),
                ("answers[deck][0][verdict]", "like"),
                ("answers[deck][1][product]", deck[1].id.as_str()),
                ("answers[deck][3][product]", passed),
                ("answers[deck][3][verdict]", "dislike"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{outcome}");
    assert_eq!(outcome, Value::String("Saved".into()));
    assert!(
        jar.get("lv_session").is_some(),
        "the visitor became a guest"
    );

    // The guest's answers come back on the quiz page's read.
    let (_, quiz) = app.call(&mut jar, "style/quiz", &[]).await;
    assert_eq!(quiz["taken"], true);
    assert_eq!(
        quiz["answers"]["personas"],
        serde_json::json!(["classic", "bohemian"])
    );
    assert_eq!(quiz["answers"]["budget_max"], "1500");
    assert_eq!(quiz["answers"]["fit"], "relaxed");

    // Registering in the same browser carries the profile into the account.
    let email = format!("{}@example.test", Uuid::new_v4().simple());
    let (status, _) = app
        .call(
            &mut jar,
            "auth/register",
            &[
                ("name", "Ada Lovelace"),
                ("email", email.as_str()),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let row = scalar(
        &app,
        "SELECT s.style_personas, s.avoided_colors, s.prefers_sustainable, z.brand_sizes
         FROM users u JOIN style_profiles s ON s.user_id = u.id
         JOIN size_profiles z ON z.user_id = u.id WHERE u.email = $1",
        vec![email.into()],
    )
    .await
    .expect("the account has the guest's profile");
    let personas: Vec<String> = row.try_get("", "style_personas").unwrap();
    assert_eq!(personas, vec!["classic", "bohemian"]);
    assert!(row.try_get::<bool>("", "prefers_sustainable").unwrap());
    let anchors: serde_json::Value = row.try_get("", "brand_sizes").unwrap();
    assert_eq!(anchors, serde_json::json!({ "maison-aurelle": "38" }));
}

#[tokio::test]
async fn bad_answers_are_refused_by_field_in_the_shoppers_language() {
    let app = spawn_seeded_app().await;
    let mut jar = Jar::default();
    jar.set("lv_lang", "fr");
    let (status, outcome) = app
        .call(
            &mut jar,
            "style/save",
            &[
                ("answers[personas][gothic]", "true"),
                ("answers[budget_min]", "beaucoup"),
                ("answers[budget_max]", "100"),
                ("answers[sweet_spot]", "900"),
                ("answers[sizes][0][system]", "apparel"),
                ("answers[sizes][0][size]", "XXXL"),
                ("answers[anchor_size]", "38"),
                ("answers[deck][0][product]", &Uuid::new_v4().to_string()),
                ("answers[deck][0][verdict]", "like"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{outcome}");
    assert_eq!(
        refusal_for(&outcome, "personas"),
        Some("Choisissez parmi les options proposées.")
    );
    assert_eq!(
        refusal_for(&outcome, "budget_min"),
        Some("Indiquez un montant en dollars, par exemple 500.")
    );
    assert!(refusal_for(&outcome, "sweet_spot").is_some());
    assert_eq!(
        refusal_for(&outcome, "size_apparel"),
        Some("Choisissez une taille dans la liste.")
    );
    assert!(refusal_for(&outcome, "anchor_brand").is_some());
    assert!(
        refusal_for(&outcome, "deck").is_some(),
        "a piece the deck never showed"
    );
    let profiles = scalar(
        &app,
        "SELECT count(*) AS n FROM style_profiles s JOIN users u ON u.id = s.user_id
         WHERE u.role = 'GUEST'",
        vec![],
    )
    .await
    .unwrap();
    assert_eq!(
        profiles.try_get::<i64>("", "n").unwrap(),
        0,
        "nothing was saved"
    );
}

#[tokio::test]
async fn with_consent_off_the_quiz_is_refused_and_the_row_is_a_visitors() {
    let app = spawn_seeded_app().await;
    let mut jar = Jar::default();
    let email = format!("{}@example.test", Uuid::new_v4().simple());
    app.call(
        &mut jar,
        "auth/register",
        &[
            ("name", "Ada Lovelace"),
            ("email", email.as_str()),
            ("password", PASSWORD),
        ],
    )
    .await;
    app.db
        .execute_raw(Statement::from_sql_and_values(
            app.db.get_database_backend(),
            "UPDATE users SET ai_consent = false WHERE email = $1",
            [email.into()],
        ))
        .await
        .unwrap();
    let (status, refused) = app
        .call(
            &mut jar,
            "style/save",
            &[("answers[personas][classic]", "true")],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    assert!(
        refused.to_string().contains("PersonalisationOff"),
        "{refused}"
    );
    let (_, quiz) = app.call(&mut jar, "style/quiz", &[]).await;
    assert_eq!(quiz["consent"], false);
    let (_, row) = app.call(&mut jar, "style/for_you", &[]).await;
    assert_eq!(row["because"], "Bestsellers");
    assert_eq!(row["impression"], Value::Null);
}

#[tokio::test]
async fn the_row_says_why_and_its_clicks_are_recorded() {
    let app = spawn_seeded_app().await;
    let mut jar = Jar::default();
    let (status, visitor) = app.call(&mut jar, "style/for_you", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(visitor["because"], "Bestsellers");
    assert_eq!(visitor["pieces"].as_array().unwrap().len(), 12);

    let email = format!("{}@example.test", Uuid::new_v4().simple());
    app.call(
        &mut jar,
        "auth/register",
        &[
            ("name", "Ada Lovelace"),
            ("email", email.as_str()),
            ("password", PASSWORD),
        ],
    )
    .await;
    let deck = style::deck(&app.db).await.unwrap();
    let watch = deck
        .iter()
        .find(|piece| piece.name.contains("Watch"))
        .unwrap_or(&deck[0]);
    let (_, saved) = app
        .call(
            &mut jar,
            "style/save",
            &[
                ("answers[deck][0][product]", &watch.id),
                ("answers[deck][0][verdict]", "like"),
            ],
        )
        .await;
    assert_eq!(saved, Value::String("Saved".into()));
    let (_, row) = app.call(&mut jar, "style/for_you", &[]).await;
    assert_eq!(row["because"]["Liked"], watch.name.as_str(), "{row}");
    let impression = row["impression"].as_str().unwrap().to_string();
    let slug = row["pieces"][0]["slug"].as_str().unwrap().to_string();

    // The home page shows the row, and following a piece's link records the click.
    let home = app
        .get_with_cookie("/", &jar.header())
        .await
        .text()
        .await
        .unwrap();
    assert!(home.contains("For you"), "the home page shows the row");
    let page = app
        .get_with_cookie(&format!("/products/{slug}?rec={impression}"), &jar.header())
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let impression: Uuid = impression.parse().unwrap();
    let click = eventually(|| async {
        scalar(
            &app,
            "SELECT source FROM product_views WHERE recommendation_id = $1",
            vec![impression.into()],
        )
        .await
    })
    .await
    .expect("the click is recorded");
    assert_eq!(click.try_get::<String>("", "source").unwrap(), "for_you");
    let shown = scalar(
        &app,
        "SELECT count(*) AS n FROM ai_interactions WHERE interaction_type = 'RECOMMENDATION'
           AND input_data->>'impression' = $1",
        vec![impression.to_string().into()],
    )
    .await
    .unwrap();
    assert_eq!(
        shown.try_get::<i64>("", "n").unwrap(),
        1,
        "the impression is recorded once"
    );
}
