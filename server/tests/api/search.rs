//! Storefront search against the seeded demo catalog: typo tolerance, brand search,
//! highlighting, suggestions, visibility, the search log and click tracking, bad input,
//! and the /search page over HTTP (which works without JavaScript: a GET form).

use std::collections::HashSet;

use entities::sea_orm_active_enums::ProductStatus;
use entities::{brands, products, search_logs};
use sea_orm::prelude::Uuid;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, Set,
};
use services::catalog::listing::Lang;
use services::catalog::search::{
    self, SearchError, SearchFilters, SearchQuery, SearchResults, Segment, SuggestionKind,
};

use services::analytics::Analytics;

use crate::helpers::{TestApp, eventually, spawn_app, spawn_seeded_app};

/// A test app with the demo catalog and a fresh search lexicon.
async fn seeded_app() -> TestApp {
    let app = spawn_seeded_app().await;
    search::refresh_lexicon(&app.db).await.unwrap();
    app
}

fn query(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.to_string(),
        limit: 48,
        ..SearchQuery::default()
    }
}

async fn run(db: &DatabaseConnection, text: &str) -> SearchResults {
    search::search(db, &Analytics::default(), &query(text))
        .await
        .unwrap_or_else(|error| panic!("search {text:?} failed: {error}"))
}

/// [`run`], with the search's log row written.
async fn logged_run(db: &DatabaseConnection, analytics: &Analytics, text: &str) -> SearchResults {
    let results = search::search(db, analytics, &query(text)).await.unwrap();
    analytics.flush(db).await.unwrap();
    results
}

/// Every result of a query, through all its pages.
async fn all_results(db: &DatabaseConnection, base: SearchQuery) -> Vec<Uuid> {
    let mut ids = Vec::new();
    let mut query = base;
    loop {
        let page = search::search(db, &Analytics::default(), &query)
            .await
            .unwrap();
        ids.extend(page.products.iter().map(|hit| hit.card.id));
        match page.next_cursor {
            Some(cursor) => query.offset = cursor.parse().unwrap(),
            None => return ids,
        }
    }
}

async fn visible_products(db: &DatabaseConnection) -> Vec<products::Model> {
    let now = chrono::Utc::now().fixed_offset();
    products::Entity::find()
        .filter(products::Column::Status.is_in([ProductStatus::Active, ProductStatus::OutOfStock]))
        .filter(products::Column::DeletedAt.is_null())
        .filter(products::Column::PublishedAt.lte(now))
        .all(db)
        .await
        .unwrap()
}

fn matched_text(segments: &[Segment]) -> Vec<String> {
    segments
        .iter()
        .filter(|segment| segment.matched)
        .map(|segment| segment.text.to_lowercase())
        .collect()
}

fn mentions(product: &products::Model, word: &str) -> bool {
    let text = format!(
        "{} {} {}",
        product.name,
        product.description.clone().unwrap_or_default(),
        product.style_tags.join(" ")
    )
    .to_lowercase();
    text.contains(word)
}

#[tokio::test]
async fn cached_term_plans_answer_as_live_ones_do_until_the_lexicon_ages_out() {
    let app = seeded_app().await;
    let db = &app.db;
    let terms = search::TermCache::default();
    let analytics = Analytics::default();
    let cached = |text: &'static str| {
        let terms = terms.clone();
        let analytics = analytics.clone();
        async move {
            search::search_cached(db, &analytics, Some(&terms), &query(text))
                .await
                .unwrap()
        }
    };
    let ids = |results: &SearchResults| -> Vec<Uuid> {
        results.products.iter().map(|hit| hit.card.id).collect()
    };
    for text in [
        "chronograf cashmer",
        "Chronograph",
        "cashmere scarf",
        "cashmer",
    ] {
        let live = run(db, text).await;
        let through_cache = cached(text).await;
        assert_eq!(through_cache.corrections, live.corrections, "{text}");
        assert_eq!(through_cache.showing_results_for, live.showing_results_for);
        assert_eq!(ids(&through_cache), ids(&live), "{text}");
    }
    // Each checked term was planned once: chronograf, cashmer, chronograph, cashmere, scarf.
    assert_eq!(terms.len(), 5);

    // "chronograf" becomes a catalog word: a live search takes it as typed, while the
    // cached plan still corrects it (for at most the lexicon's own age bound).
    let piece = visible_products(db).await.remove(0);
    let mut renamed = piece.into_active_model();
    renamed.name = Set("Chronograf Atelier Wrap".into());
    renamed.update(db).await.unwrap();
    search::refresh_lexicon(db).await.unwrap();
    assert!(run(db, "chronograf").await.corrections.is_empty());
    assert_eq!(
        cached("chronograf").await.showing_results_for.as_deref(),
        Some("chronograph")
    );
    // A fresh cache (a restarted server) plans it live again.
    let fresh = search::TermCache::default();
    let replanned = search::search_cached(db, &analytics, Some(&fresh), &query("chronograf"))
        .await
        .unwrap();
    assert!(replanned.corrections.is_empty());
}

#[tokio::test]
async fn misspelt_terms_find_cashmere_and_chronographs_with_highlights() {
    let app = seeded_app().await;
    let db = &app.db;
    let visible = visible_products(db).await;

    // "cashmer": every visible piece mentioning cashmere, and nothing else.
    let expected: HashSet<Uuid> = visible
        .iter()
        .filter(|product| mentions(product, "cashmere"))
        .map(|product| product.id)
        .collect();
    assert!(expected.len() >= 3, "the demo catalog has cashmere pieces");
    let found = all_results(db, query("cashmer")).await;
    let found_set: HashSet<Uuid> = found.iter().copied().collect();
    assert_eq!(found.len(), found_set.len(), "no duplicates across pages");
    assert_eq!(found_set, expected);
    let first = run(db, "cashmer").await;
    assert_eq!(first.total, expected.len() as u64);
    // Pieces named after cashmere rank first, and their names are highlighted.
    let top = &first.products[0];
    assert!(top.card.name.to_lowercase().contains("cashmere"), "{top:?}");
    assert_eq!(matched_text(&top.name), ["cashmere"]);
    assert_eq!(
        top.name.iter().map(|s| s.text.as_str()).collect::<String>(),
        top.card.name,
        "segments spell the whole name"
    );

    // "chronograf" is corrected to "chronograph".
    let results = run(db, "chronograf").await;
    assert_eq!(
        results.corrections,
        [search::Correction {
            from: "chronograf".into(),
            to: "chronograph".into()
        }]
    );
    assert_eq!(results.showing_results_for.as_deref(), Some("chronograph"));
    let chronographs = visible
        .iter()
        .filter(|product| mentions(product, "chronograph"))
        .count();
    assert!(chronographs > 0);
    assert_eq!(results.total, chronographs as u64);
    for hit in &results.products {
        let all_matches = [
            matched_text(&hit.name),
            hit.snippet.as_deref().map(matched_text).unwrap_or_default(),
        ]
        .concat();
        assert!(
            all_matches.iter().any(|m| m.starts_with("chronograph")),
            "{hit:?}"
        );
    }
    // Correctly spelt terms are not "corrected"; several terms narrow the search.
    let exact = run(db, "Chronograph").await;
    assert!(exact.corrections.is_empty() && exact.showing_results_for.is_none());
    assert_eq!(exact.total, results.total);
    let narrower = run(db, "cashmere scarf").await;
    assert!(narrower.total < first.total);
    assert!(narrower.products.iter().all(|hit| {
        let product = visible.iter().find(|p| p.id == hit.card.id).unwrap();
        mentions(product, "cashmere") && mentions(product, "scarf")
    }));
    // Nonsense finds nothing, and says so with a zero count.
    let nothing = run(db, "qwzxv").await;
    assert_eq!(nothing.total, 0);
    assert!(nothing.products.is_empty());
}

#[tokio::test]
async fn brands_filters_translations_and_visibility() {
    let app = seeded_app().await;
    let db = &app.db;
    let halden = brands::Entity::find()
        .filter(brands::Column::Slug.eq("halden-horology"))
        .one(db)
        .await
        .unwrap()
        .expect("the demo catalog has Halden Horology");
    let visible = visible_products(db).await;
    let of_brand: HashSet<Uuid> = visible
        .iter()
        .filter(|p| p.brand_id == Some(halden.id))
        .map(|p| p.id)
        .collect();

    // The brand's name finds its pieces; the brand is highlighted on each card.
    let found: HashSet<Uuid> = all_results(db, query("halden")).await.into_iter().collect();
    assert_eq!(found, of_brand);
    let results = run(db, "Halden").await;
    assert!(
        results
            .products
            .iter()
            .all(|hit| matched_text(&hit.brand) == ["halden"])
    );
    // Brand and product words combine ("halden chronograph").
    let combined = run(db, "halden chronograph").await;
    assert!(combined.total > 0 && combined.total < results.total);

    // Filters narrow the results: brand, price and stock.
    let filtered = search::search(
        db,
        &Analytics::default(),
        &SearchQuery {
            filters: SearchFilters {
                brand: Some("brae-and-loch".into()),
                ..SearchFilters::default()
            },
            ..query("cashmere")
        },
    )
    .await
    .unwrap();
    let all_cashmere = run(db, "cashmere").await;
    assert!(filtered.total > 0 && filtered.total <= all_cashmere.total);
    let other_brand = search::search(
        db,
        &Analytics::default(),
        &SearchQuery {
            filters: SearchFilters {
                brand: Some("halden-horology".into()),
                ..SearchFilters::default()
            },
            ..query("cashmere")
        },
    )
    .await
    .unwrap();
    assert_eq!(other_brand.total, 0, "no cashmere watches");
    assert!(
        filtered
            .products
            .iter()
            .all(|hit| hit.card.brand_name.as_deref() == Some("Brae & Loch"))
    );
    let cheap = search::search(
        db,
        &Analytics::default(),
        &SearchQuery {
            filters: SearchFilters {
                max_price: Some("500".parse().unwrap()),
                in_stock: true,
                ..SearchFilters::default()
            },
            ..query("cashmere")
        },
    )
    .await
    .unwrap();
    assert!(cheap.total < all_cashmere.total);
    assert!(
        cheap
            .products
            .iter()
            .all(|hit| hit.card.in_stock && hit.card.price <= "500".parse().unwrap())
    );

    // In French, the approved translations are searched and shown.
    let french = search::search(
        db,
        &Analytics::default(),
        &SearchQuery {
            lang: Some(Lang::Fr),
            ..query("chronographe")
        },
    )
    .await
    .unwrap();
    assert!(french.total > 0);
    assert!(
        french
            .products
            .iter()
            .any(|hit| hit.card.name.to_lowercase().contains("chronographe")),
        "{:?}",
        french.products.first()
    );

    // Drafts, archived, soft-deleted and unpublished pieces are never found.
    let cashmere: Vec<products::Model> = visible
        .iter()
        .filter(|product| product.name.to_lowercase().contains("cashmere"))
        .take(4)
        .cloned()
        .collect();
    assert_eq!(cashmere.len(), 4);
    let now = chrono::Utc::now().fixed_offset();
    for (index, product) in cashmere.iter().enumerate() {
        let mut active = product.clone().into_active_model();
        match index {
            0 => active.status = Set(ProductStatus::Draft),
            1 => active.status = Set(ProductStatus::Archived),
            2 => active.deleted_at = Set(Some(now)),
            _ => active.published_at = Set(Some(now + chrono::Duration::days(30))),
        }
        active.update(db).await.unwrap();
    }
    search::refresh_lexicon(db).await.unwrap();
    let hidden: HashSet<Uuid> = cashmere.iter().map(|p| p.id).collect();
    let after: HashSet<Uuid> = all_results(db, query("cashmere"))
        .await
        .into_iter()
        .collect();
    assert!(after.is_disjoint(&hidden));
    assert_eq!(after.len() as u64 + 4, all_cashmere.total);
    for product in &cashmere {
        let by_name = all_results(db, query(&product.name)).await;
        assert!(!by_name.contains(&product.id), "{} was found", product.name);
        let suggestions = search::suggest(db, &product.name, None, 10).await.unwrap();
        assert!(
            suggestions
                .iter()
                .all(|s| s.href != format!("/products/{}", product.slug))
        );
    }
}

#[tokio::test]
async fn suggestions_complete_prefixes_from_products_brands_and_categories() {
    let app = seeded_app().await;
    let db = &app.db;

    let chrono = search::suggest(db, "chron", None, 8).await.unwrap();
    assert!(!chrono.is_empty() && chrono.len() <= 8);
    let product = chrono
        .iter()
        .find(|s| s.kind == SuggestionKind::Product)
        .expect("a product suggestion");
    assert!(product.label.contains("Chronograph"), "{product:?}");
    assert!(product.href.starts_with("/products/"));
    assert_eq!(matched_text(&product.segments), ["chronograph"]);

    let brand = search::suggest(db, "Hald", None, 8).await.unwrap();
    assert_eq!(brand[0].kind, SuggestionKind::Brand);
    assert_eq!(brand[0].label, "Halden Horology");
    assert_eq!(brand[0].href, "/brands/halden-horology");
    assert_eq!(matched_text(&brand[0].segments), ["halden"]);

    let category = search::suggest(db, "watc", None, 8).await.unwrap();
    assert!(
        category
            .iter()
            .any(|s| s.kind == SuggestionKind::Category && s.label == "Watches"),
        "{category:?}"
    );
    // Starts-with matches come before matches inside a name.
    let tiers: Vec<bool> = category
        .iter()
        .map(|s| s.label.to_lowercase().starts_with("watc"))
        .collect();
    assert!(tiers.windows(2).all(|w| w[0] >= w[1]), "{category:?}");

    // A small typo still suggests; too short or wildcard-only input suggests nothing.
    let typo = search::suggest(db, "chronograf", None, 8).await.unwrap();
    assert!(typo.iter().any(|s| s.label.contains("Chronograph")));
    assert!(search::suggest(db, "c", None, 8).await.unwrap().is_empty());
    // Two letters suggest designers and categories only (too short to narrow products).
    let short = search::suggest(db, "ha", None, 8).await.unwrap();
    assert!(
        short.iter().any(|s| s.label == "Halden Horology"),
        "{short:?}"
    );
    assert!(short.iter().all(|s| s.kind != SuggestionKind::Product));
    assert!(search::suggest(db, "  ", None, 8).await.unwrap().is_empty());
    assert!(search::suggest(db, "%_", None, 8).await.unwrap().is_empty());

    // French names when the shopper reads French.
    let french = search::suggest(db, "chronographe", Some(Lang::Fr), 8)
        .await
        .unwrap();
    assert!(
        french.iter().any(|s| s.kind == SuggestionKind::Product
            && s.label.to_lowercase().contains("chronographe")),
        "{french:?}"
    );

    // Served by the server function endpoint too.
    let response = app
        .client
        .post(format!("{}/api/search/suggest", app.address))
        .form(&[("prefix", "hald")])
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    assert!(response.text().await.unwrap().contains("Halden Horology"));
}

#[tokio::test]
async fn every_search_is_logged_and_clicks_are_recorded() {
    let app = seeded_app().await;
    let db = &app.db;
    let analytics = Analytics::default();

    let results = search::search(
        db,
        &analytics,
        &SearchQuery {
            filters: SearchFilters {
                in_stock: true,
                ..SearchFilters::default()
            },
            ..query("  Cashmer  ")
        },
    )
    .await
    .unwrap();
    // The log row is queued with the search and written when the queue is flushed.
    assert!(analytics.is_pending(results.log_id));
    assert_eq!(search_logs::Entity::find().count(db).await.unwrap(), 0);
    analytics.flush(db).await.unwrap();
    let log = search_logs::Entity::find_by_id(results.log_id)
        .one(db)
        .await
        .unwrap()
        .expect("the search is logged");
    assert_eq!(log.query, "Cashmer");
    assert_eq!(log.results_count, Some(results.total as i32));
    assert!(log.response_time_ms.is_some_and(|ms| ms >= 0));
    assert_eq!(log.search_method.as_deref(), Some("fulltext"));
    assert_eq!(log.filters, Some(serde_json::json!({"in_stock": true})));
    assert_eq!(log.clicked_product_id, None);
    let corrected = logged_run(db, &analytics, "chronograf").await;
    let corrected_log = search_logs::Entity::find_by_id(corrected.log_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        corrected_log.search_method.as_deref(),
        Some("fulltext+typo")
    );
    assert_eq!(corrected_log.filters, None);
    let empty = logged_run(db, &analytics, "qwzxv").await;
    assert_eq!(
        search_logs::Entity::find_by_id(empty.log_id)
            .one(db)
            .await
            .unwrap()
            .unwrap()
            .results_count,
        Some(0)
    );
    assert_eq!(search_logs::Entity::find().count(db).await.unwrap(), 3);

    // A click: the first one counts, unknown products and logs are ignored.
    let clicked = &results.products[1];
    assert_eq!(clicked.position, 2);
    assert!(
        !search::record_search_click(db, results.log_id, Uuid::new_v4(), Some(1))
            .await
            .unwrap()
    );
    assert!(
        search::record_search_click(db, results.log_id, clicked.card.id, Some(2))
            .await
            .unwrap()
    );
    assert!(
        !search::record_search_click(db, results.log_id, results.products[0].card.id, Some(1))
            .await
            .unwrap()
    );
    assert!(
        !search::record_search_click(db, Uuid::new_v4(), clicked.card.id, None)
            .await
            .unwrap()
    );
    let log = search_logs::Entity::find_by_id(results.log_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(log.clicked_product_id, Some(clicked.card.id));
    assert_eq!(log.clicked_position, Some(2));

    // Over HTTP: the results page logs the search, links carry the log id, and opening a
    // result records the click (server-rendered, so without JavaScript too).
    let page = app.get("/search?q=chronograf").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("<mark>"), "matches are marked");
    assert!(
        html.contains("chronograph"),
        "showing results for the correction"
    );
    // The server writes its queue within a second.
    let logged = eventually(|| async {
        search_logs::Entity::find()
            .filter(search_logs::Column::Query.eq("chronograf"))
            .filter(search_logs::Column::Id.ne(corrected.log_id))
            .one(db)
            .await
            .unwrap()
    })
    .await
    .expect("the page's search is logged");
    let marker = format!("?sl={}&amp;sp=1", logged.id);
    let at = html.find(&marker).expect("result links carry the log id");
    let href_start = html[..at].rfind("href=\"").unwrap() + "href=\"".len();
    let slug = html[href_start..at]
        .trim_start_matches("/products/")
        .to_string();
    let product = app
        .get(&format!("/products/{slug}?sl={}&sp=1", logged.id))
        .await;
    assert_eq!(product.status(), 200);
    let log = search_logs::Entity::find_by_id(logged.id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let opened = products::Entity::find()
        .filter(products::Column::Slug.eq(slug))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(log.clicked_product_id, Some(opened.id));
    assert_eq!(log.clicked_position, Some(1));
    // A forged log id on a product link is harmless.
    let forged = app
        .get(&format!("/products/{}?sl=not-a-uuid&sp=x", opened.slug))
        .await;
    assert_eq!(forged.status(), 200);
}

#[tokio::test]
async fn bad_input_gets_clear_messages_and_is_not_logged() {
    let app = spawn_app().await;
    let db = &app.db;
    let error = |result: Result<SearchResults, SearchError>| result.unwrap_err();

    let empty = error(search::search(db, &Analytics::default(), &query("   ")).await);
    assert!(matches!(empty, SearchError::Empty));
    assert_eq!(empty.to_string(), "Please type what you are looking for.");
    let long = error(search::search(db, &Analytics::default(), &query(&"silk ".repeat(50))).await);
    assert!(matches!(long, SearchError::TooLong));
    assert!(long.to_string().contains("at most 200 characters"));
    let symbols = error(search::search(db, &Analytics::default(), &query("%%% ***")).await);
    assert!(matches!(symbols, SearchError::NoWords));
    let pairs = |items: &[(&str, &str)]| -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let filter =
        SearchQuery::from_pairs(&pairs(&[("q", "silk"), ("max_price", "lots")]), 24).unwrap_err();
    assert_eq!(
        filter.to_string(),
        "We could not apply these filters: max_price must be a number."
    );
    assert!(SearchQuery::from_pairs(&pairs(&[("q", "silk"), ("cursor", "abc")]), 24).is_err());
    let analytics = Analytics::default();
    assert!(
        search::search(db, &analytics, &query("silk")).await.is_ok(),
        "empty catalog, no error"
    );
    analytics.flush(db).await.unwrap();
    assert_eq!(search_logs::Entity::find().count(db).await.unwrap(), 1);

    // The page shows the messages (no 500), and with no query at all just the form.
    for (path, message) in [
        ("/search?q=", "Please type what you are looking for."),
        ("/search?q=%20%20", "Please type what you are looking for."),
        (
            "/search?q=silk&max_price=lots",
            "max_price must be a number",
        ),
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.contains(message), "{path}: {message}");
    }
    let long_query = format!("/search?q={}", "a".repeat(300));
    let html = app.get(&long_query).await.text().await.unwrap();
    assert!(html.contains("at most 200 characters"));
    let blank = app.get("/search").await;
    assert_eq!(blank.status(), 200);
    let html = blank.text().await.unwrap();
    assert!(
        html.contains("role=\"combobox\""),
        "the search box is a combobox"
    );
    assert!(
        html.contains("method=\"get\""),
        "the form works without JavaScript"
    );
    // A good search after them is logged, and it is the only one since: the server's queue
    // is written in order, so the refused searches above were never queued.
    assert_eq!(app.get("/search?q=silk").await.status(), 200);
    let count = eventually(|| async {
        let count = search_logs::Entity::find().count(db).await.unwrap();
        (count > 1).then_some(count)
    })
    .await;
    assert_eq!(count, Some(2));
}
