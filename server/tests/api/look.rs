//! Complete the look over the demo catalogue: never the base piece's category, never a
//! sold-out piece (pinned looks included), one piece per complementary category, in the
//! shopper's size; a shopper's look kept once a day with its reasons and its
//! `ai_interactions` row, their word on it owner-scoped; a visitor's look not kept; "Add
//! the look to bag" adding what it can in one go and reporting the rest.

use domain::read::look::{Harmony, Look};
use entities::sea_orm_active_enums::AiInteractionType;
use entities::{ai_interactions, outfit_recommendations};
use sea_orm::QueryFilter;
use sea_orm::prelude::*;
use serde_json::Value;
use services::personal::look::{self, Asker, complements};

use crate::helpers::shop::{call, shopper};
use crate::helpers::{TestApp, spawn_seeded_app};

/// `(id, slug, category slug)` of up to `per_category` visible pieces of every category.
async fn pieces(app: &TestApp, per_category: i64) -> Vec<(Uuid, String, String)> {
    app.rows(
        "SELECT id, slug, category FROM (
           SELECT p.id, p.slug, c.slug AS category,
                  row_number() OVER (PARTITION BY c.slug ORDER BY p.slug) AS n
           FROM products p JOIN categories c ON c.id = p.category_id
           WHERE p.deleted_at IS NULL AND p.status = 'ACTIVE') x
         WHERE n <= $1 ORDER BY category, slug",
        vec![per_category.into()],
    )
    .await
    .iter()
    .map(|r| {
        (
            r.try_get("", "id").unwrap(),
            r.try_get("", "slug").unwrap(),
            r.try_get("", "category").unwrap(),
        )
    })
    .collect()
}

/// The slug of the first visible piece of `category`.
async fn first_of(app: &TestApp, category: &str) -> String {
    pieces(app, 1)
        .await
        .into_iter()
        .find(|(_, _, c)| c == category)
        .expect("the demo catalogue has the category")
        .1
}

/// The shopper's one stored look (as a one-row list), seen `views` times.
async fn only_look(app: &TestApp, user: Uuid, views: i32) -> Vec<outfit_recommendations::Model> {
    let stored = outfit_recommendations::Entity::find()
        .filter(outfit_recommendations::Column::UserId.eq(user))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1, "one look, not a new row per view");
    assert_eq!(stored[0].view_count, views);
    stored
}

async fn sell_out(app: &TestApp, slug: &str) {
    app.rows(
        "UPDATE product_variants SET inventory_quantity = inventory_reserved
         WHERE product_id = (SELECT id FROM products WHERE slug = $1) RETURNING id",
        vec![slug.into()],
    )
    .await;
}

/// A visitor's look, through the server's shortlists: a look read again within the minute
/// reuses its shortlist, so stock and the rules are proven checked live on it.
async fn visitors_look(app: &TestApp, product: Uuid) -> Look {
    let shortlists = &app.services.look_shortlists;
    look::complete_look(&app.db, shortlists, product, Asker::default())
        .await
        .unwrap()
}

#[tokio::test]
async fn complete_the_look_never_repeats_the_base_category_or_shows_a_sold_out_piece() {
    let app = spawn_seeded_app().await;
    let all = pieces(&app, 2).await;
    assert!(all.len() >= 40, "the demo catalogue has its categories");
    for (id, slug, category) in &all {
        let look = visitors_look(&app, *id).await;
        assert!(!look.pieces.is_empty(), "a look around {slug}");
        let mut seen: Vec<&str> = Vec::new();
        for piece in &look.pieces {
            assert_ne!(&piece.category, category, "{slug} repeats its category");
            assert!(complements(category).contains(&piece.category), "{slug}");
            assert!(
                !seen.contains(&piece.category.as_str()),
                "two {}",
                piece.category
            );
            seen.push(&piece.category);
        }
        assert_eq!(look.id, None, "a visitor's look is not kept");
        assert!(look.sign_in_to_save);
    }

    // Sell out the dress look's first piece: another piece of its category takes its place.
    let (dress, _, _) = all.iter().find(|(_, _, c)| c == "women-dresses").unwrap();
    let before = visitors_look(&app, *dress).await;
    let first = before.pieces[0].clone();
    sell_out(&app, &first.card.slug).await;
    let after = visitors_look(&app, *dress).await;
    assert!(after.pieces.iter().all(|p| p.card.slug != first.card.slug));
    assert!(after.pieces.iter().any(|p| p.category == first.category));

    // A pinned look wins, but still shows no sold-out piece nor the base's category.
    let other_dress = all
        .iter()
        .find(|(id, _, c)| c == "women-dresses" && id != dress)
        .unwrap();
    let kept = before.pieces[1].card.slug.clone();
    let dress_slug = app
        .rows(
            "SELECT slug FROM products WHERE id = $1",
            vec![(*dress).into()],
        )
        .await[0]
        .try_get::<String>("", "slug")
        .unwrap();
    let pins = [first.card.slug.clone(), other_dress.1.clone(), kept.clone()];
    look::pin(&app.db, &dress_slug, &pins, None).await.unwrap();
    let pinned = visitors_look(&app, *dress).await;
    let slugs: Vec<&str> = pinned.pieces.iter().map(|p| p.card.slug.as_str()).collect();
    assert_eq!(slugs, [kept.as_str()]);
    assert_eq!(pinned.pieces[0].reason.harmony, Harmony::Pinned);
    // Unpinned, the computed look is back.
    look::pin(&app.db, &dress_slug, &[], None).await.unwrap();
    assert_eq!(
        visitors_look(&app, *dress).await.pieces.len(),
        after.pieces.len()
    );
}

#[tokio::test]
async fn a_shoppers_look_is_kept_once_a_day_and_their_word_on_it_is_theirs_alone() {
    let app = spawn_seeded_app().await;
    let (user, token) = shopper(&app).await;
    let dress = first_of(&app, "women-dresses").await;
    let form = [("slug", dress.as_str())];
    let (status, first) = call(&app, "/api/look/complete", &form, &token).await;
    assert_eq!(status, 200, "{first}");
    let id = first["id"]
        .as_str()
        .expect("a shopper's look is kept")
        .to_string();
    let (_, again) = call(&app, "/api/look/complete", &form, &token).await;
    assert_eq!(again["id"], first["id"], "the same look, not a new row");

    let stored = only_look(&app, user.id, 2).await;
    let reasoning = stored[0].ai_reasoning.clone().unwrap();
    let pieces = reasoning["pieces"].as_array().unwrap();
    assert_eq!(pieces.len(), first["pieces"].as_array().unwrap().len());
    assert!(
        pieces
            .iter()
            .all(|p| p["why"].as_str().is_some_and(|w| !w.is_empty()))
    );
    let items = app
        .rows(
            "SELECT count(*) AS n FROM outfit_recommendation_items WHERE recommendation_id = $1",
            vec![stored[0].id.into()],
        )
        .await[0]
        .try_get::<i64>("", "n")
        .unwrap();
    assert_eq!(items as usize, pieces.len());
    let answers = ai_interactions::Entity::find()
        .filter(ai_interactions::Column::UserId.eq(user.id))
        .filter(ai_interactions::Column::InteractionType.eq(AiInteractionType::OutfitBuilder))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(answers, 1);

    // Someone else's look: 404 and nothing changes.
    let (_, intruder) = shopper(&app).await;
    let like = [("look", id.as_str()), ("verdict", "like")];
    let (status, _) = call(&app, "/api/look/feedback", &like, &intruder).await;
    assert_eq!(status, 404);
    let look_row = stored[0].id;
    assert_eq!(
        outfit_recommendations::Entity::find_by_id(look_row)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .liked,
        None
    );
    // Their own: liked, then saved, and the page's next read says so.
    let (status, _) = call(&app, "/api/look/feedback", &like, &token).await;
    assert_eq!(status, 200);
    let save = [("look", id.as_str()), ("verdict", "save")];
    call(&app, "/api/look/feedback", &save, &token).await;
    let now = outfit_recommendations::Entity::find_by_id(look_row)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((now.liked, now.saved), (Some(true), true));
    let (_, read) = call(&app, "/api/look/complete", &form, &token).await;
    assert_eq!(
        (read["liked"].clone(), read["saved"].clone()),
        (Value::Bool(true), Value::Bool(true))
    );
    let bad = [("look", id.as_str()), ("verdict", "love")];
    assert_eq!(call(&app, "/api/look/feedback", &bad, &token).await.0, 400);

    // Personalisation off: the look is still shown, but nothing is kept.
    app.rows(
        "UPDATE users SET ai_consent = false WHERE id = $1 RETURNING id",
        vec![user.id.into()],
    )
    .await;
    let (_, off) = call(&app, "/api/look/complete", &form, &token).await;
    assert_eq!(off["id"], Value::Null);
    assert!(!off["pieces"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn views_at_the_same_moment_share_one_look_and_the_word_on_it() {
    let app = spawn_seeded_app().await;
    let (user, token) = shopper(&app).await;
    let dress = first_of(&app, "women-dresses").await;
    let form = [("slug", dress.as_str())];
    // A page render, a retry and a second tab asking at once: before the look was decided
    // one at a time, each wrote its own and the shopper's like went to one no longer shown.
    let view = || call(&app, "/api/look/complete", &form, &token);
    let (a, b, c, d, e, f) = tokio::join!(view(), view(), view(), view(), view(), view());
    let views = [a, b, c, d, e, f];
    let ids: std::collections::HashSet<String> = views
        .iter()
        .map(|(status, look)| {
            assert_eq!(*status, 200, "{look}");
            look["id"]
                .as_str()
                .expect("a shopper's look is kept")
                .to_string()
        })
        .collect();
    assert_eq!(ids.len(), 1, "one look for all six views: {ids:?}");
    only_look(&app, user.id, 6).await;
    let id = ids.into_iter().next().unwrap();
    let like = [("look", id.as_str()), ("verdict", "like")];
    assert_eq!(call(&app, "/api/look/feedback", &like, &token).await.0, 200);
    let (_, read) = call(&app, "/api/look/complete", &form, &token).await;
    assert_eq!(read["liked"], Value::Bool(true));
}

#[tokio::test]
async fn the_look_comes_in_the_shoppers_size_and_goes_in_the_bag_in_one_go() {
    let app = spawn_seeded_app().await;
    let (user, token) = shopper(&app).await;
    app.rows(
        "INSERT INTO style_profiles (user_id, typical_sizes) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET typical_sizes = excluded.typical_sizes RETURNING id",
        vec![user.id.into(), serde_json::json!({ "apparel": "M" }).into()],
    )
    .await;
    let knit = first_of(&app, "women-knitwear").await;
    let (_, found) = call(
        &app,
        "/api/look/complete",
        &[("slug", knit.as_str())],
        &token,
    )
    .await;
    let found: Look = serde_json::from_value(found).unwrap();
    for piece in &found.pieces {
        assert!(
            piece
                .sizes
                .iter()
                .all(|s| s.size == "M" || !["XS", "S", "L", "XL"].contains(&s.size.as_str())),
            "{} offered in another apparel size",
            piece.card.name
        );
        assert!(
            piece.variant.is_some(),
            "{}: the only size in stock goes in",
            piece.card.name
        );
    }
    // One piece sold out since the page was shown: the rest go in, that one is reported.
    let (gone, rest) = found.pieces.split_first().unwrap();
    sell_out(&app, &gone.card.slug).await;
    let mut form: Vec<(String, String)> = found
        .pieces
        .iter()
        .enumerate()
        .map(|(i, p)| (format!("variants[{i}]"), p.variant.clone().unwrap()))
        .collect();
    form.push((format!("variants[{}]", form.len()), String::new()));
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, added) = call(&app, "/api/look/add", &form, &token).await;
    assert_eq!(status, 200, "{added}");
    let names: Vec<&str> = rest.iter().map(|p| p.card.name.as_str()).collect();
    assert_eq!(added["added"], serde_json::json!(names));
    assert_eq!(added["problems"].as_array().unwrap().len(), 1);
    assert_eq!(added["without_size"], 1);
    let in_bag = app
        .rows(
            "SELECT count(*) AS n FROM cart_items ci JOIN carts c ON c.id = ci.cart_id
         WHERE c.user_id = $1 AND ci.added_from = 'complete_the_look'",
            vec![user.id.into()],
        )
        .await[0]
        .try_get::<i64>("", "n")
        .unwrap();
    assert_eq!(in_bag as usize, rest.len());
    // What is in the bag is no longer offered.
    let (_, next) = call(
        &app,
        "/api/look/complete",
        &[("slug", knit.as_str())],
        &token,
    )
    .await;
    let next: Look = serde_json::from_value(next).unwrap();
    assert!(
        next.pieces
            .iter()
            .all(|p| !names.contains(&p.card.name.as_str()))
    );
}
