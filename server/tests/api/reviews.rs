//! Reviews over HTTP: only buyers review, and the server decides the verified purchase;
//! photos checked by content, size and dimensions, stored by hash and served cached; one
//! review per piece; editing sends it back to moderation; the product page's list in each
//! order and of one rating; helpful votes exact under concurrency; reports; and someone
//! else's review answering 404 to every call.

use entities::sea_orm_active_enums::ReviewStatus;
use entities::{audit_logs, review_interactions, reviews, users};
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::Value;
use services::reviews::{self as review_service, samples};

use crate::helpers::shop::{call, paid_order, shopper};
use crate::helpers::{ProductBuilder, TestApp, UserBuilder, spawn_app};

use crate::helpers::client::SESSION_COOKIE as SESSION;

/// A multipart review form: text fields, then `(file name, bytes)` photos.
async fn post_review(
    app: &TestApp,
    token: &str,
    fields: &[(&str, &str)],
    photos: Vec<(&str, Vec<u8>)>,
) -> (u16, Value) {
    let mut form = reqwest::multipart::Form::new();
    for (name, value) in fields {
        form = form.text(String::from(*name), String::from(*value));
    }
    for (file_name, bytes) in photos {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(file_name.to_string())
            .mime_str("image/png")
            .unwrap();
        form = form.part("photos", part);
    }
    let response = app
        .client
        .post(format!("{}/api/reviews/write", app.address))
        .header("accept", "application/json")
        .header("cookie", format!("{SESSION}={token}"))
        .multipart(form)
        .send()
        .await
        .expect("sent");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// A shopper who bought (and paid for) a new piece: their row, token and the piece's id.
async fn buyer(app: &TestApp) -> (users::Model, String, Uuid) {
    let (user, token) = shopper(app).await;
    let piece = ProductBuilder::new("Cashmere wrap", "650.00")
        .stock(5)
        .insert(&app.db)
        .await;
    paid_order(app, &user, &piece, 1, None).await;
    (user, token, piece.product_id)
}

/// The product page's reviews of `product` in an order and of a rating, as the list
/// server function answers (signed out: the list is public).
async fn listed(app: &TestApp, product: Uuid, sort: &str, rating: &str) -> Vec<Value> {
    let response = app
        .post_form(
            "/api/reviews/list",
            &[
                ("product_id", &product.to_string()),
                ("sort", sort),
                ("rating", rating),
                ("offset", "0"),
            ],
            None,
        )
        .await;
    assert_eq!(response.status(), 200);
    response.json::<Vec<Value>>().await.unwrap()
}

async fn reviews_of(app: &TestApp, product: Uuid) -> Vec<reviews::Model> {
    reviews::Entity::find()
        .filter(reviews::Column::ProductId.eq(product))
        .all(&app.db)
        .await
        .unwrap()
}

async fn approve(app: &TestApp, id: Uuid) {
    let mut row = reviews::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    row.status = Set(ReviewStatus::Approved);
    row.update(&app.db).await.unwrap();
}

fn field_errors(outcome: &Value) -> Vec<(String, String)> {
    outcome["Refused"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|error| {
                    (
                        error["field"].as_str().unwrap_or_default().to_string(),
                        error["message"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_buyer_reviews_with_a_photo_and_the_server_decides_what_is_verified() {
    let app = spawn_app().await;
    let (user, token, product) = buyer(&app).await;
    // Someone else's order line, offered as if it were the shopper's.
    let (other, _, _) = buyer(&app).await;
    let others_line: Uuid = entities::order_items::Entity::find()
        .inner_join(entities::orders::Entity)
        .filter(entities::orders::Column::UserId.eq(other.id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let (status, outcome) = post_review(
        &app,
        &token,
        &[
            ("product_id", &product.to_string()),
            ("rating", "4"),
            ("title", "Light as air"),
            ("content", "Warm without weight.\nRuns a little small."),
            ("fit", "runs_small"),
            ("is_verified_purchase", "false"),
            ("order_item_id", &others_line.to_string()),
            ("status", "APPROVED"),
        ],
        vec![("wrap.png", samples::png(1200, 1600))],
    )
    .await;
    assert_eq!(status, 200, "{outcome}");
    assert_eq!(outcome["Saved"]["state"], "Pending");
    let stored = reviews_of(&app, product).await;
    assert_eq!(stored.len(), 1);
    let review = &stored[0];
    assert_eq!(review.user_id, user.id);
    assert_eq!(review.status, ReviewStatus::Pending, "moderated first");
    assert!(review.is_verified_purchase);
    let own_line = entities::order_items::Entity::find_by_id(review.order_item_id.unwrap())
        .inner_join(entities::orders::Entity)
        .filter(entities::orders::Column::UserId.eq(user.id))
        .one(&app.db)
        .await
        .unwrap();
    assert!(own_line.is_some(), "the line is the shopper's own");
    assert_eq!(
        review.content.as_deref(),
        Some("Warm without weight.\nRuns a little small.")
    );

    // The photo is stored by content and served for a year.
    assert_eq!(review.media_urls.len(), 1);
    let url = &review.media_urls[0];
    assert!(
        url.starts_with("/media/reviews/") && url.ends_with(".png"),
        "{url}"
    );
    let served = app.get(url).await;
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "image/png");
    assert_eq!(
        served.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(
        served.bytes().await.unwrap().to_vec(),
        samples::png(1200, 1600)
    );

    // Fit feedback is kept where the size advisor can read it.
    assert_eq!(
        review_service::fit_of(&app.db, review.id).await.unwrap(),
        Some(domain::read::reviews::FitFeedback::RunsSmall)
    );
    // Not on the product page until approved.
    let shown = listed(&app, product, "", "").await;
    assert!(shown.is_empty());
    approve(&app, review.id).await;
    let shown = listed(&app, product, "", "").await;
    assert_eq!(shown[0]["photos"][0], url.as_str());
    assert_eq!(shown[0]["fit"], "RunsSmall");
    assert_eq!(shown[0]["is_verified_purchase"], true);

    // One review per piece.
    let (status, again) = post_review(
        &app,
        &token,
        &[
            ("product_id", &product.to_string()),
            ("rating", "5"),
            ("content", "Again"),
        ],
        vec![],
    )
    .await;
    assert_eq!(status, 409, "{again}");
    assert_eq!(reviews_of(&app, product).await.len(), 1);
}

#[tokio::test]
async fn someone_who_did_not_buy_the_piece_cannot_review_it() {
    let app = spawn_app().await;
    let (_, token) = shopper(&app).await;
    let piece = ProductBuilder::new("Silk scarf", "300.00")
        .stock(5)
        .insert(&app.db)
        .await;
    let (status, outcome) = post_review(
        &app,
        &token,
        &[
            ("product_id", &piece.product_id.to_string()),
            ("rating", "1"),
            ("content", "Never bought it"),
            ("is_verified_purchase", "true"),
        ],
        vec![],
    )
    .await;
    assert_eq!(status, 403, "{outcome}");
    assert!(
        outcome["message"]
            .as_str()
            .unwrap()
            .contains("clients who bought the piece")
    );
    assert!(reviews_of(&app, piece.product_id).await.is_empty());

    // Signed out: asked to sign in.
    let response = app
        .client
        .post(format!("{}/api/reviews/write", app.address))
        .header("accept", "application/json")
        .multipart(reqwest::multipart::Form::new().text("rating", "5"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn photos_that_are_not_pictures_or_too_big_are_refused_by_field() {
    let app = spawn_app().await;
    let (_, token, product) = buyer(&app).await;
    let product = product.to_string();
    let fields = [
        ("product_id", product.as_str()),
        ("rating", "5"),
        ("content", "Lovely"),
    ];
    let mut twenty_megabytes = samples::png(800, 800);
    twenty_megabytes.resize(20 * 1024 * 1024, 0);
    for (photo, expected) in [
        (
            b"%PDF-1.7 a document".to_vec(),
            "That file is not a photo: choose a JPEG, PNG or WebP picture.",
        ),
        (
            twenty_megabytes,
            "That photo is too large: up to 10 MB each.",
        ),
        (
            samples::png(20_000, 1000),
            "That photo is too big: up to 8000 pixels wide and high.",
        ),
    ] {
        let (status, outcome) =
            post_review(&app, &token, &fields, vec![("photo.png", photo)]).await;
        assert_eq!(status, 200, "{outcome}");
        assert_eq!(
            field_errors(&outcome),
            vec![("photos".to_string(), expected.to_string())]
        );
    }
    let (_, outcome) = post_review(
        &app,
        &token,
        &fields,
        vec![("a.png", samples::png(10, 10)); 4],
    )
    .await;
    assert_eq!(
        field_errors(&outcome),
        vec![("photos".to_string(), "Add at most 3 photos.".to_string())]
    );
    // Every other field is checked too, and named.
    let (_, outcome) = post_review(
        &app,
        &token,
        &[
            ("product_id", product.as_str()),
            ("rating", "0"),
            ("content", " "),
            ("fit", "snug"),
        ],
        vec![],
    )
    .await;
    let fields: Vec<String> = field_errors(&outcome).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["rating", "content", "fit"]);
    assert!(reviews_of(&app, product.parse().unwrap()).await.is_empty());
    assert_eq!(
        std::fs::read_dir(app.media_dir.path())
            .map(|entries| entries.count())
            .unwrap_or(0),
        0,
        "nothing refused was stored"
    );
}

#[tokio::test]
async fn editing_sends_the_review_back_to_moderation_and_keeps_only_its_own_photos() {
    let app = spawn_app().await;
    let (user, token, product) = buyer(&app).await;
    let product_id = product.to_string();
    let (_, outcome) = post_review(
        &app,
        &token,
        &[
            ("product_id", &product_id),
            ("rating", "3"),
            ("content", "Fine"),
            ("fit", "true_to_size"),
        ],
        vec![
            ("a.png", samples::png(100, 100)),
            ("b.png", samples::png(200, 100)),
        ],
    )
    .await;
    let id = outcome["Saved"]["id"].as_str().unwrap().to_string();
    let photos: Vec<String> = serde_json::from_value(outcome["Saved"]["photos"].clone()).unwrap();
    approve(&app, id.parse().unwrap()).await;

    let (status, outcome) = post_review(
        &app,
        &token,
        &[
            ("product_id", &product_id),
            ("review_id", &id),
            ("rating", "5"),
            ("content", "Better with time"),
            ("fit", "runs_large"),
            ("keep_photo", &photos[1]),
            ("keep_photo", "/media/reviews/someone-elses.png"),
        ],
        vec![("c.png", samples::png(300, 100))],
    )
    .await;
    assert_eq!(status, 200, "{outcome}");
    let review = reviews::Entity::find_by_id(id.parse::<Uuid>().unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(review.status, ReviewStatus::Pending);
    assert_eq!(review.rating, 5);
    assert_eq!(review.media_urls.len(), 2);
    assert_eq!(review.media_urls[0], photos[1]);
    assert_eq!(
        review_service::fit_of(&app.db, review.id).await.unwrap(),
        Some(domain::read::reviews::FitFeedback::RunsLarge)
    );
    let fit_rows = audit_logs::Entity::find()
        .filter(audit_logs::Column::Action.eq(review_service::REVIEW_FIT))
        .filter(audit_logs::Column::EntityId.eq(review.id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(fit_rows, 2, "each change of fit is kept, the latest counts");

    // Someone else can neither edit nor delete it: 404, nothing changed.
    let (_, intruder) = shopper(&app).await;
    let (status, _) = post_review(
        &app,
        &intruder,
        &[
            ("product_id", &product_id),
            ("review_id", &id),
            ("rating", "1"),
            ("content", "Hacked"),
        ],
        vec![],
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = call(
        &app,
        "/api/reviews/delete",
        &[("review_id", &id)],
        &intruder,
    )
    .await;
    assert_eq!(status, 404);
    let still = reviews::Entity::find_by_id(review.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(still.rating, 5);
    assert_eq!(still.user_id, user.id);

    // The author deletes it.
    let (status, _) = call(&app, "/api/reviews/delete", &[("review_id", &id)], &token).await;
    assert_eq!(status, 200);
    assert!(reviews_of(&app, product).await.is_empty());
}

/// A published review of a new piece by a new customer, with `rating`.
async fn published(app: &TestApp, product: Uuid, rating: i32, days_ago: i64) -> Uuid {
    let author = UserBuilder::new().insert(&app.db).await;
    let at = chrono::Utc::now() - chrono::Duration::days(days_ago);
    reviews::ActiveModel {
        id: Set(Uuid::new_v4()),
        product_id: Set(product),
        user_id: Set(author.id),
        rating: Set(rating),
        content: Set(Some(format!("{rating} stars"))),
        status: Set(ReviewStatus::Approved),
        media_urls: Set(vec![]),
        created_at: Set(at.into()),
        updated_at: Set(at.into()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

#[tokio::test]
async fn the_list_sorts_filters_and_counts_twenty_votes_at_once_exactly() {
    let app = spawn_app().await;
    let piece = ProductBuilder::new("Loafers", "900.00")
        .insert(&app.db)
        .await;
    let product = piece.product_id;
    let low = published(&app, product, 2, 3).await;
    let high = published(&app, product, 5, 2).await;
    let newest = published(&app, product, 4, 1).await;
    let (_, token) = shopper(&app).await;
    let list = |sort: &'static str, rating: &'static str| {
        let app = &app;
        async move {
            listed(app, product, sort, rating)
                .await
                .iter()
                .map(|review| review["id"].as_str().unwrap().parse::<Uuid>().unwrap())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(list("newest", "").await, [newest, high, low]);
    assert_eq!(list("highest", "").await, [high, newest, low]);
    assert_eq!(list("lowest", "").await, [low, newest, high]);
    assert_eq!(list("newest", "5").await, [high]);
    assert_eq!(
        list("unknown", "9").await.len(),
        3,
        "unknown values: the default list"
    );

    // Twenty shoppers vote at once, one of them twice in opposite ways.
    let voters: Vec<Uuid> = futures_votes(&app, low, 20).await;
    let row = reviews::Entity::find_by_id(low)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let helpful = review_interactions::Entity::find()
        .filter(review_interactions::Column::ReviewId.eq(low))
        .filter(review_interactions::Column::IsHelpful.eq(true))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(voters.len(), 20);
    assert_eq!(row.helpful_count as u64, helpful);
    assert_eq!(row.helpful_count + row.not_helpful_count, 20);
    assert_eq!(row.helpful_count, 10);

    // Over HTTP: a vote, changed; a vote on one's own or an unpublished review is refused.
    let (status, counts) = call(
        &app,
        "/api/reviews/vote",
        &[("review_id", &high.to_string()), ("helpful", "true")],
        &token,
    )
    .await;
    assert_eq!(status, 200, "{counts}");
    assert_eq!(
        (counts["helpful"].as_i64(), counts["not_helpful"].as_i64()),
        (Some(1), Some(0))
    );
    let (_, counts) = call(
        &app,
        "/api/reviews/vote",
        &[("review_id", &high.to_string()), ("helpful", "false")],
        &token,
    )
    .await;
    assert_eq!(
        (counts["helpful"].as_i64(), counts["not_helpful"].as_i64()),
        (Some(0), Some(1))
    );
    let pending = published(&app, product, 3, 0).await;
    let mut row = reviews::Entity::find_by_id(pending)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    row.status = Set(ReviewStatus::Pending);
    row.update(&app.db).await.unwrap();
    let (status, _) = call(
        &app,
        "/api/reviews/vote",
        &[("review_id", &pending.to_string()), ("helpful", "true")],
        &token,
    )
    .await;
    assert_eq!(status, 404, "an unpublished review is not there to vote on");
    let (status, _) = call(
        &app,
        "/api/reviews/vote",
        &[("review_id", "not-an-id"), ("helpful", "true")],
        &token,
    )
    .await;
    assert_eq!(status, 404);
}

/// `count` new customers vote on `review` at once: even ones "helpful", odd ones not;
/// the first also changes their mind halfway. Returns the voters.
async fn futures_votes(app: &TestApp, review: Uuid, count: usize) -> Vec<Uuid> {
    let mut voters = Vec::new();
    for _ in 0..count {
        voters.push(UserBuilder::new().insert(&app.db).await.id);
    }
    let mut tasks = tokio::task::JoinSet::new();
    for (index, voter) in voters.iter().copied().enumerate() {
        let db = app.db.clone();
        tasks.spawn(async move {
            if index == 0 {
                review_service::vote(&db, voter, review, false)
                    .await
                    .unwrap();
            }
            review_service::vote(&db, voter, review, index % 2 == 0)
                .await
                .unwrap()
        });
    }
    while let Some(result) = tasks.join_next().await {
        result.expect("the vote task finished");
    }
    voters
}

#[tokio::test]
async fn a_report_flags_the_review_for_the_moderators_without_hiding_it() {
    let app = spawn_app().await;
    let piece = ProductBuilder::new("Tote", "1200.00").insert(&app.db).await;
    let review = published(&app, piece.product_id, 1, 1).await;
    let (_, token) = shopper(&app).await;
    let (status, body) = call(
        &app,
        "/api/reviews/report",
        &[("review_id", &review.to_string()), ("reason", "")],
        &token,
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["message"], "Choose why you are reporting this review.");
    for _ in 0..2 {
        let (status, _) = call(
            &app,
            "/api/reviews/report",
            &[("review_id", &review.to_string()), ("reason", "abusive")],
            &token,
        )
        .await;
        assert_eq!(status, 200);
    }
    let row = reviews::Entity::find_by_id(review)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.status, ReviewStatus::Flagged);
    let reports = audit_logs::Entity::find()
        .filter(audit_logs::Column::Action.eq(review_service::REVIEW_REPORTED))
        .filter(audit_logs::Column::EntityId.eq(review))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(reports, 1, "one report per shopper");
    // A negative review stays on the page while the moderators look.
    let shown = listed(&app, piece.product_id, "", "").await;
    assert_eq!(shown.len(), 1);
    // Signed out: 401.
    let response = app
        .post_form(
            "/api/reviews/report",
            &[("review_id", &review.to_string()), ("reason", "spam")],
            None,
        )
        .await;
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn the_review_page_says_whether_the_shopper_may_review() {
    let app = spawn_app().await;
    let (_, token, product) = buyer(&app).await;
    let slug: String = entities::products::Entity::find_by_id(product)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let (status, page) = call(&app, "/api/reviews/page", &[("slug", &slug)], &token).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["may_review"], true);
    assert!(page["mine"].is_null());
    let (_, stranger) = shopper(&app).await;
    let (_, page) = call(&app, "/api/reviews/page", &[("slug", &slug)], &stranger).await;
    assert_eq!(page["may_review"], false);
    let (_, page) = call(
        &app,
        "/api/reviews/page",
        &[("slug", "no-such-piece")],
        &token,
    )
    .await;
    assert!(page.is_null());
    let response = app
        .post_form("/api/reviews/page", &[("slug", &slug)], None)
        .await;
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn the_product_page_renders_the_reviews_in_the_order_its_address_asks() {
    let app = spawn_app().await;
    let piece = ProductBuilder::new("Opera gloves", "380.00")
        .insert(&app.db)
        .await;
    for (rating, days_ago) in [(2, 3), (5, 2), (4, 1)] {
        published(&app, piece.product_id, rating, days_ago).await;
    }
    let slug = entities::products::Entity::find_by_id(piece.product_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .slug;
    // The stars each review shows, in page order.
    let ratings = |html: &str| -> Vec<usize> {
        html.split("class=\"review__rating\">")
            .skip(1)
            .map(|rest| rest.split('<').next().unwrap().matches('★').count())
            .collect()
    };
    let html = app
        .get(&format!("/products/{slug}?review_sort=lowest"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(ratings(&html), [2, 4, 5]);
    assert!(
        html.contains("aria-current=\"true\">Lowest rated"),
        "the order shown is marked"
    );
    let html = app
        .get(&format!(
            "/products/{slug}?review_sort=newest&review_rating=5"
        ))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(ratings(&html), [5]);
    // The plain address shows the default order (most helpful, then newest).
    let html = app
        .get(&format!("/products/{slug}"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(ratings(&html), [4, 5, 2]);
}
