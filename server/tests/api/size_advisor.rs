//! The size advisor over HTTP: it does not know a new shopper's size, learns their usual
//! size at a designer from the product page, suggests it with a reason and a confidence
//! (rendered with the page), moves up a size after a return marked "too small" and down
//! after feedback "too large", writes `size_recommendations` and `ai_interactions`,
//! refuses bad input in the shopper's language and answers 404 for someone else's
//! suggestion; signed out, one-size and personalisation-off pieces get no advice. The
//! seeded charts map "38 at Maison Aurelle" to an S.

use chrono::Utc;
use entities::sea_orm_active_enums::{AiInteractionType, ProductStatus, ReviewStatus};
use entities::{
    ai_interactions, audit_logs, brands, categories, order_items, product_variants, products,
    reviews, size_profiles, size_recommendations,
};
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::{Value, json};
use services::orders as order_service;

use crate::helpers::shop::{call, paid_order, shopper};
use crate::helpers::{TestApp, UserBuilder, spawn_app, spawn_seeded_app};

/// A piece by a new designer named `designer`, in `sizes`, five of each in stock.
async fn piece(
    app: &TestApp,
    designer: &str,
    sizes: &[&str],
) -> (products::Model, Vec<product_variants::Model>) {
    let key = Uuid::new_v4().simple().to_string();
    let brand = brands::ActiveModel {
        id: Set(Uuid::new_v4()),
        slug: Set(format!("designer-{key}")),
        name: Set(designer.into()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let category = categories::ActiveModel {
        id: Set(Uuid::new_v4()),
        slug: Set(format!("dresses-{key}")),
        name: Set("Dresses".into()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let product = products::ActiveModel {
        id: Set(Uuid::new_v4()),
        sku: Set(format!("P-{}", &key[..12])),
        slug: Set(format!("slip-dress-{key}")),
        name: Set("Slip Dress".into()),
        category_id: Set(category.id),
        brand_id: Set(Some(brand.id)),
        price: Set(Decimal::new(89000, 2)),
        status: Set(ProductStatus::Active),
        published_at: Set(Some((Utc::now() - chrono::Duration::days(1)).into())),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let mut variants = Vec::new();
    for (index, size) in sizes.iter().enumerate() {
        variants.push(
            product_variants::ActiveModel {
                id: Set(Uuid::new_v4()),
                product_id: Set(product.id),
                sku: Set(format!("V-{}-{index}", &key[..12])),
                size: Set(Some(String::from(*size))),
                inventory_quantity: Set(5),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap(),
        );
    }
    (product, variants)
}

const APPAREL: [&str; 5] = ["XS", "S", "M", "L", "XL"];

/// The advice on `product`, asked as the product page asks: by its slug.
async fn advice(app: &TestApp, token: &str, product: Uuid) -> Value {
    let slug: String = app
        .rows(
            "SELECT slug FROM products WHERE id = $1",
            vec![product.into()],
        )
        .await[0]
        .try_get("", "slug")
        .unwrap();
    let (status, advice) = call(app, "/api/size/advice", &[("slug", &slug)], token).await;
    assert_eq!(status, 200, "{advice}");
    advice
}

/// The suggested size and the reason's kind, or panics with the answer.
fn suggested(advice: &Value) -> (String, String) {
    let suggestion = &advice["Suggested"];
    let reason = match &suggestion["reason"] {
        Value::String(kind) => kind.clone(),
        Value::Object(map) => map.keys().next().unwrap().clone(),
        other => panic!("a reason: {other}"),
    };
    (
        suggestion["size"]
            .as_str()
            .unwrap_or_else(|| panic!("a suggestion: {advice}"))
            .into(),
        reason,
    )
}

async fn answers_recorded(app: &TestApp, user: Uuid) -> Vec<ai_interactions::Model> {
    ai_interactions::Entity::find()
        .filter(ai_interactions::Column::UserId.eq(user))
        .filter(ai_interactions::Column::InteractionType.eq(AiInteractionType::SizeAdvisor))
        .all(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_usual_size_gives_a_suggestion_and_a_return_too_small_moves_it_up() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let (dress, variants) = piece(&app, "Maison Test", &APPAREL).await;

    assert_eq!(advice(&app, &token, dress.id).await, json!("Unknown"));
    let (status, saved) = call(
        &app,
        "/api/size/usual",
        &[("product_id", &dress.id.to_string()), ("size", "M")],
        &token,
    )
    .await;
    assert_eq!(status, 200, "{saved}");
    let profile = size_profiles::Entity::find()
        .filter(size_profiles::Column::UserId.eq(ada.id))
        .one(&app.db)
        .await
        .unwrap()
        .expect("a size profile");
    let brand = brands::Entity::find_by_id(dress.brand_id.unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        profile.brand_sizes,
        Some(json!({ brand.slug.clone(): "M" }))
    );

    let first = advice(&app, &token, dress.id).await;
    assert_eq!(suggested(&first), ("M".into(), "Anchor".into()), "{first}");
    assert_eq!(
        first["Suggested"]["reason"]["Anchor"],
        json!({"brand": "Maison Test", "size": "M"})
    );
    assert_eq!(first["Suggested"]["confidence"], "High");
    assert_eq!(first["Suggested"]["percent"], 85);
    // The page renders it, with its reason.
    let page = app
        .get_with_cookie(
            &format!("/products/{}", dress.slug),
            &format!("lv_session={token}"),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("We suggest M"),
        "the page shows the suggestion"
    );
    assert!(page.contains("Because you wear M at Maison Test."));

    // Bought in M, delivered, sent back as too small: next time, L.
    let medium = variants
        .iter()
        .find(|v| v.size.as_deref() == Some("M"))
        .unwrap();
    let order = paid_order(&app, &ada, medium, 1, None).await;
    order_service::mark_shipped(&app.db, order.id, "DHL Express", "JD01460001", None)
        .await
        .unwrap();
    order_service::mark_delivered(&app.db, order.id, None)
        .await
        .unwrap();
    let kept = advice(&app, &token, dress.id).await;
    assert_eq!(suggested(&kept), ("M".into(), "Anchor".into()), "{kept}");
    assert!(kept["Suggested"]["percent"].as_u64() > first["Suggested"]["percent"].as_u64());
    let item = order_items::Entity::find()
        .filter(order_items::Column::OrderId.eq(order.id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let (status, returned) = call(
        &app,
        "/api/orders/request_return",
        &[
            ("order_number", order.order_number.as_str()),
            ("lines[0][item]", &item.id.to_string()),
            ("lines[0][quantity]", "1"),
            ("lines[0][reason]", "too_small"),
            ("lines[0][condition]", "tried_on"),
        ],
        &token,
    )
    .await;
    assert_eq!((status, returned), (200, json!("Saved")));
    let after = advice(&app, &token, dress.id).await;
    assert_eq!(
        suggested(&after),
        ("L".into(), "TooSmall".into()),
        "{after}"
    );
    assert_eq!(after["Suggested"]["reason"]["TooSmall"]["size"], "M");

    // One open suggestion per shopper and piece, kept up to date; every answer recorded.
    let rows = size_recommendations::Entity::find()
        .filter(size_recommendations::Column::SizeProfileId.eq(profile.id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].recommended_size, "L");
    assert_eq!(
        rows[0].id.to_string(),
        after["Suggested"]["id"].as_str().unwrap()
    );
    let recorded = answers_recorded(&app, ada.id).await;
    assert!(recorded.len() >= 5, "{}", recorded.len());
    assert!(
        recorded
            .iter()
            .any(|row| row.output_data.as_ref().unwrap()["size"] == "L"
                && row.confidence_score.is_some())
    );
    assert!(
        recorded
            .iter()
            .any(|row| row.output_data.as_ref().unwrap()["size"].is_null())
    );
}

#[tokio::test]
async fn feedback_moves_later_advice_and_bad_or_foreign_feedback_is_refused() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let (_, other_token) = shopper(&app).await;
    let (dress, _) = piece(&app, "Maison Retour", &APPAREL).await;
    let product = dress.id.to_string();
    call(
        &app,
        "/api/size/usual",
        &[("product_id", &product), ("size", "M")],
        &token,
    )
    .await;
    let first = advice(&app, &token, dress.id).await;
    let id = first["Suggested"]["id"].as_str().unwrap().to_string();

    // Someone else's suggestion is not found, and nothing changes.
    let (status, refused) = call(
        &app,
        "/api/size/feedback",
        &[
            ("recommendation", &id),
            ("size", "M"),
            ("outcome", "too_large"),
        ],
        &other_token,
    )
    .await;
    assert_eq!(status, 404, "{refused}");
    assert_eq!(
        refused["message"],
        "We could not find that size suggestion."
    );
    let (status, _) = call(
        &app,
        "/api/size/feedback",
        &[
            ("recommendation", "not-an-id"),
            ("size", "M"),
            ("outcome", "kept"),
        ],
        &token,
    )
    .await;
    assert_eq!(status, 404);

    // Bad input is refused with words, in the shopper's language.
    let french = app
        .client
        .post(format!("{}/api/size/feedback", app.address))
        .header("accept", "application/json")
        .header("cookie", format!("lv_lang=fr; lv_session={token}"))
        .form(&[
            ("recommendation", id.as_str()),
            ("size", "M"),
            ("outcome", "tight"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(french.status(), 422);
    let body: Value = french.json().await.unwrap();
    assert_eq!(
        body["message"],
        "Choisissez dans la liste comment la pièce taille."
    );
    let (status, refused) = call(
        &app,
        "/api/size/feedback",
        &[
            ("recommendation", &id),
            ("size", "XXL"),
            ("outcome", "kept"),
        ],
        &token,
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(
        refused["message"],
        "Choose one of the sizes this piece is made in."
    );
    let (status, refused) = call(
        &app,
        "/api/size/usual",
        &[("product_id", &product), ("size", "52")],
        &token,
    )
    .await;
    assert_eq!(
        (status, refused["refusal"].clone()),
        (422, json!("SizeNotOffered"))
    );
    let untouched = size_recommendations::Entity::find_by_id(id.parse::<Uuid>().unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(untouched.user_feedback, None);

    // "I bought the M and it was too large": the next suggestion is an S, in a new row.
    let (status, done) = call(
        &app,
        "/api/size/feedback",
        &[
            ("recommendation", &id),
            ("size", "M"),
            ("outcome", "too_large"),
        ],
        &token,
    )
    .await;
    assert_eq!(status, 200, "{done}");
    let stored = size_recommendations::Entity::find_by_id(id.parse::<Uuid>().unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            stored.user_feedback.as_deref(),
            stored.actual_size_purchased.as_deref()
        ),
        (Some("too_large"), Some("M"))
    );
    let after = advice(&app, &token, dress.id).await;
    assert_eq!(
        suggested(&after),
        ("S".into(), "TooLarge".into()),
        "{after}"
    );
    assert_ne!(after["Suggested"]["id"].as_str().unwrap(), id);
    assert_eq!(answers_recorded(&app, ada.id).await.len(), 2);
}

#[tokio::test]
async fn reviewers_who_agree_it_runs_small_move_the_suggestion_up() {
    let app = spawn_app().await;
    let (_, token) = shopper(&app).await;
    let (dress, _) = piece(&app, "Maison Petite", &APPAREL).await;
    call(
        &app,
        "/api/size/usual",
        &[("product_id", &dress.id.to_string()), ("size", "M")],
        &token,
    )
    .await;
    assert_eq!(suggested(&advice(&app, &token, dress.id).await).0, "M");
    for fit in ["runs_small", "runs_small", "true_to_size"] {
        let author = UserBuilder::new().insert(&app.db).await;
        let review = reviews::ActiveModel {
            id: Set(Uuid::new_v4()),
            product_id: Set(dress.id),
            user_id: Set(author.id),
            rating: Set(4),
            status: Set(ReviewStatus::Approved),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        audit_logs::ActiveModel {
            id: Set(Uuid::new_v4()),
            user_id: Set(Some(author.id)),
            action: Set(services::reviews::REVIEW_FIT.into()),
            entity_type: Set("review".into()),
            entity_id: Set(review.id),
            new_values: Set(Some(json!({"fit": fit, "product_id": dress.id}))),
            created_at: Set(Utc::now().into()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    let after = advice(&app, &token, dress.id).await;
    assert_eq!(suggested(&after).0, "L", "{after}");
    assert_eq!(after["Suggested"]["note"], "RunsSmall");
}

#[tokio::test]
async fn signed_out_one_size_and_personalisation_off_get_no_advice() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let (dress, _) = piece(&app, "Maison Close", &APPAREL).await;
    let (scarf, _) = piece(&app, "Maison Close", &["One size"]).await;

    let signed_out = app
        .post_json("/api/size/advice", &[("slug", &dress.slug)], None)
        .await;
    assert_eq!(signed_out, json!("SignedOut"));
    assert_eq!(advice(&app, &token, scarf.id).await, json!("NotSized"));
    let (status, gone) = call(&app, "/api/size/advice", &[("slug", "nope")], &token).await;
    assert_eq!((status, gone["refusal"].clone()), (404, json!("PieceGone")));
    let (status, _) = call(
        &app,
        "/api/size/usual",
        &[("product_id", &dress.id.to_string()), ("size", "M")],
        "",
    )
    .await;
    assert_eq!(status, 401);

    let mut off = ada.clone().into_active_model();
    off.ai_consent = Set(false);
    off.update(&app.db).await.unwrap();
    assert_eq!(advice(&app, &token, dress.id).await, json!("Off"));
    let (status, refused) = call(
        &app,
        "/api/size/usual",
        &[("product_id", &dress.id.to_string()), ("size", "M")],
        &token,
    )
    .await;
    assert_eq!(
        (status, refused["refusal"].clone()),
        (409, json!("PersonalisationOff"))
    );
    assert!(answers_recorded(&app, ada.id).await.is_empty());
    assert_eq!(
        size_profiles::Entity::find()
            .filter(size_profiles::Column::UserId.eq(ada.id))
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn the_seeded_charts_read_38_at_maison_aurelle_as_an_s() {
    let app = spawn_seeded_app().await;
    let (ada, token) = shopper(&app).await;
    size_profiles::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(ada.id),
        measurements: Set(json!({})),
        measurement_unit: Set("cm".into()),
        preferred_fit: Set("regular".into()),
        brand_sizes: Set(Some(json!({"maison-aurelle": "38"}))),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let dress: Uuid = app
        .db
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DatabaseBackend::Postgres,
            "SELECT p.id FROM products p JOIN brands b ON b.id = p.brand_id
             JOIN categories c ON c.id = p.category_id
             WHERE b.slug = 'maison-aurelle' AND c.slug = 'women-dresses' LIMIT 1",
        ))
        .await
        .unwrap()
        .expect("a seeded Maison Aurelle dress")
        .try_get("", "id")
        .unwrap();
    let answer = advice(&app, &token, dress).await;
    assert_eq!(
        suggested(&answer),
        ("S".into(), "Anchor".into()),
        "{answer}"
    );
    assert_eq!(answer["Suggested"]["label"], "38");

    // A 100 cm chest is an L on the standard chart, and an XL at Maison Aurelle, which
    // cuts 3 cm small.
    let mut profile = size_profiles::Entity::find()
        .filter(size_profiles::Column::UserId.eq(ada.id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    profile.brand_sizes = Set(None);
    profile.measurements = Set(json!({"chest": 100}));
    profile.update(&app.db).await.unwrap();
    let measured = advice(&app, &token, dress).await;
    assert_eq!(
        suggested(&measured),
        ("XL".into(), "Measurements".into()),
        "{measured}"
    );
}
