//! Wishlists over HTTP: the heart saves to a default list made on first use (and keeps
//! one line when pressed twice at once), named lists, moving and updating pieces,
//! sharing by an unguessable token (dead once private), the shared page read-only and
//! `noindex`, and every function answering 404 for someone else's list or piece.

use entities::{products, wishlist_items, wishlists};
use sea_orm::QueryFilter;
use sea_orm::prelude::*;
use serde_json::Value;

use crate::helpers::shop::{call, shopper};
use crate::helpers::{ProductBuilder, TestApp, spawn_app};

async fn lists(app: &TestApp, token: &str) -> Value {
    let (status, lists) = call(app, "/api/wishlist/lists", &[], token).await;
    assert_eq!(status, 200, "{lists}");
    lists
}

async fn saves_of(app: &TestApp, product: Uuid) -> i32 {
    products::Entity::find_by_id(product)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .wishlist_count
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_heart_saves_once_to_a_default_list_and_unsaves_everywhere() {
    let app = spawn_app().await;
    let (ada, token) = shopper(&app).await;
    let scarf = ProductBuilder::new("Silk Scarf", "220.00")
        .insert(&app.db)
        .await;
    let product = scarf.product_id.to_string();

    let (_, none) = call(&app, "/api/wishlist/saved", &[], &token).await;
    assert_eq!(none, serde_json::json!([]));
    // Two presses at once: one list, one line.
    let form = [("product_id", product.as_str()), ("saved", "true")];
    let (one, two) = tokio::join!(
        call(&app, "/api/wishlist/heart", &form, &token),
        call(&app, "/api/wishlist/heart", &form, &token)
    );
    assert_eq!((one.0, two.0), (200, 200), "{one:?} {two:?}");
    let rows = wishlist_items::Entity::find()
        .filter(wishlist_items::Column::ProductId.eq(scarf.product_id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].price_when_added, Some("220.00".parse().unwrap()));
    let owned = wishlists::Entity::find()
        .filter(wishlists::Column::UserId.eq(ada.id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(owned.len(), 1);
    assert_eq!(owned[0].name, "My Wishlist");
    assert_eq!(saves_of(&app, scarf.product_id).await, 1);
    let (_, saved) = call(&app, "/api/wishlist/saved", &[], &token).await;
    assert_eq!(saved, serde_json::json!([product]));

    let (status, _) = call(
        &app,
        "/api/wishlist/heart",
        &[("product_id", &product), ("saved", "false")],
        &token,
    )
    .await;
    assert_eq!(status, 200);
    let (_, after) = call(&app, "/api/wishlist/saved", &[], &token).await;
    assert_eq!(after, serde_json::json!([]));
    assert_eq!(saves_of(&app, scarf.product_id).await, 0);

    // Signed out: the hearts know nothing and saving is refused.
    let saved = app.post_form("/api/wishlist/saved", &[], None).await;
    assert_eq!(saved.json::<Value>().await.unwrap(), Value::Null);
    let heart = app
        .post_form(
            "/api/wishlist/heart",
            &[("product_id", &product), ("saved", "true")],
            None,
        )
        .await;
    assert_eq!(heart.status().as_u16(), 401);
    // A product that is not on sale cannot be saved.
    let (status, _) = call(
        &app,
        "/api/wishlist/heart",
        &[
            ("product_id", &Uuid::new_v4().to_string()),
            ("saved", "true"),
        ],
        &token,
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn named_lists_move_pieces_and_share_by_a_token_that_dies_when_private() {
    let app = spawn_app().await;
    let (_ada, token) = shopper(&app).await;
    let coat = ProductBuilder::new("Cashmere Coat", "1450.00")
        .stock(0)
        .insert(&app.db)
        .await;
    let product = coat.product_id.to_string();
    call(
        &app,
        "/api/wishlist/heart",
        &[("product_id", &product), ("saved", "true")],
        &token,
    )
    .await;
    let (status, created) = call(
        &app,
        "/api/wishlist/create",
        &[("name", "  Evenings  ")],
        &token,
    )
    .await;
    assert_eq!((status, created), (200, Value::from("Saved")));
    let (_, nameless) = call(&app, "/api/wishlist/create", &[("name", " ")], &token).await;
    assert_eq!(nameless["Refused"][0]["field"], "name");

    let all = lists(&app, &token).await;
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert_eq!(
        (all[0]["name"].clone(), all[0]["is_default"].clone()),
        ("My Wishlist".into(), true.into())
    );
    assert_eq!(all[1]["name"], "Evenings");
    let item = all[0]["pieces"][0]["item_id"].as_str().unwrap().to_string();
    let evenings = all[1]["id"].as_str().unwrap().to_string();
    assert_eq!(all[0]["pieces"][0]["in_stock"], false);

    // Size, note and alerts; then move it.
    let (status, updated) = call(
        &app,
        "/api/wishlist/update",
        &[
            ("item", &item),
            ("variant", &coat.id.to_string()),
            ("note", "For the opera"),
            ("back_in_stock", "true"),
        ],
        &token,
    )
    .await;
    assert_eq!((status, updated), (200, Value::from("Saved")));
    let (status, _) = call(
        &app,
        "/api/wishlist/move",
        &[("item", &item), ("list", &evenings)],
        &token,
    )
    .await;
    assert_eq!(status, 200);
    let all = lists(&app, &token).await;
    assert!(all[0]["pieces"].as_array().unwrap().is_empty());
    let piece = &all[1]["pieces"][0];
    assert_eq!(piece["note"], "For the opera");
    assert_eq!(piece["variant_id"], coat.id.to_string());
    assert_eq!(
        (
            piece["notify_price_drop"].clone(),
            piece["notify_back_in_stock"].clone()
        ),
        (false.into(), true.into())
    );

    // Shared: a 43-character token, a public page anyone can open, noindex, no notes.
    let (status, path) = call(
        &app,
        "/api/wishlist/share",
        &[("id", &evenings), ("public", "true")],
        &token,
    )
    .await;
    assert_eq!(status, 200);
    let path = path.as_str().unwrap().to_string();
    let shared_token = path.strip_prefix("/wishlist/").unwrap().to_string();
    assert_eq!(shared_token.len(), 43);
    let page = app.get(&path).await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Cashmere Coat") && html.contains("Ada’s wishlist"),
        "{html}"
    );
    assert!(html.contains(r#"<meta name="robots" content="noindex">"#));
    assert!(
        !html.contains("For the opera"),
        "the owner's notes stay private"
    );
    let shared = app
        .post_form("/api/wishlist/shared", &[("token", &shared_token)], None)
        .await;
    let shared: Value = shared.json().await.unwrap();
    assert_eq!(shared["pieces"][0]["item_id"], "");

    // Private again: the old link is dead.
    call(
        &app,
        "/api/wishlist/share",
        &[("id", &evenings), ("public", "false")],
        &token,
    )
    .await;
    let gone = app
        .post_form("/api/wishlist/shared", &[("token", &shared_token)], None)
        .await;
    assert_eq!(gone.status().as_u16(), 404);
    let html = app.get(&path).await.text().await.unwrap();
    assert!(!html.contains("Cashmere Coat"));
    let guessed = app
        .post_form(
            "/api/wishlist/shared",
            &[("token", "a".repeat(43).as_str())],
            None,
        )
        .await;
    assert_eq!(guessed.status().as_u16(), 404);

    // Deleting the list takes its pieces.
    let (status, _) = call(&app, "/api/wishlist/delete", &[("id", &evenings)], &token).await;
    assert_eq!(status, 200);
    assert_eq!(lists(&app, &token).await.as_array().unwrap().len(), 1);
    assert_eq!(saves_of(&app, coat.product_id).await, 0);
}

#[tokio::test]
async fn someone_elses_list_or_piece_answers_404_and_changes_nothing() {
    let app = spawn_app().await;
    let (_ada, ada_token) = shopper(&app).await;
    let (_grace, grace_token) = shopper(&app).await;
    let bag = ProductBuilder::new("Evening Bag", "890.00")
        .insert(&app.db)
        .await;
    call(
        &app,
        "/api/wishlist/heart",
        &[
            ("product_id", &bag.product_id.to_string()),
            ("saved", "true"),
        ],
        &ada_token,
    )
    .await;
    call(
        &app,
        "/api/wishlist/create",
        &[("name", "Graces")],
        &grace_token,
    )
    .await;
    let adas = lists(&app, &ada_token).await;
    let list = adas[0]["id"].as_str().unwrap().to_string();
    let item = adas[0]["pieces"][0]["item_id"]
        .as_str()
        .unwrap()
        .to_string();
    let graces = lists(&app, &grace_token).await;
    let grace_list = graces[0]["id"].as_str().unwrap().to_string();

    let attempts: [(&str, Vec<(&str, &str)>); 7] = [
        ("rename", vec![("id", &list), ("name", "Mine now")]),
        ("delete", vec![("id", &list)]),
        ("share", vec![("id", &list), ("public", "true")]),
        ("update", vec![("item", &item), ("note", "mine")]),
        ("move", vec![("item", &item), ("list", &grace_list)]),
        ("move", vec![("item", &item), ("list", &list)]),
        ("remove", vec![("item", &item)]),
    ];
    for (function, form) in attempts {
        let (status, body) = call(
            &app,
            &format!("/api/wishlist/{function}"),
            &form,
            &grace_token,
        )
        .await;
        assert_eq!(status, 404, "{function}: {body}");
    }
    let after = lists(&app, &ada_token).await;
    assert_eq!(after, adas, "nothing changed");
    // Every field each function takes, so only the missing session is wrong.
    let everything = [
        ("id", list.as_str()),
        ("name", "Mine"),
        ("public", "true"),
        ("item", item.as_str()),
        ("list", list.as_str()),
    ];
    for function in [
        "lists", "create", "rename", "delete", "share", "update", "move", "remove",
    ] {
        let response = app
            .post_form(&format!("/api/wishlist/{function}"), &everything, None)
            .await;
        assert_eq!(response.status().as_u16(), 401, "{function}");
    }
}
