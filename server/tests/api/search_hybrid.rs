//! Natural-language search against the seeded demo catalog: sentences found by meaning
//! (full text fused with the query's embedding), exact names, SKUs and designers first,
//! price, colour and size phrases as filters (and as chips on the page), and the cache of
//! query embeddings.

use entities::sea_orm_active_enums::ProductStatus;
use entities::{brands, categories, product_variants, products, search_logs};
use sea_orm::prelude::{Decimal, Uuid};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use services::analytics::Analytics;
use services::catalog::search::{
    self, PhraseFilter, QueryEmbeddings, SearchMode, SearchQuery, SearchResults, Semantic,
};

use crate::helpers::{TestApp, spawn_seeded_app};

async fn seeded_app() -> TestApp {
    let app = spawn_seeded_app().await;
    search::refresh_lexicon(&app.db).await.unwrap();
    app
}

async fn run_in(
    app: &TestApp,
    cache: &QueryEmbeddings,
    mode: SearchMode,
    text: &str,
) -> SearchResults {
    let semantic = Semantic {
        embedder: &app.services.embedder,
        cache: Some(cache),
        fusion: Default::default(),
    };
    let query = SearchQuery {
        text: text.to_string(),
        limit: 24,
        mode,
        ..SearchQuery::default()
    };
    search::search_semantic(&app.db, &Analytics::default(), None, &semantic, &query)
        .await
        .unwrap_or_else(|error| panic!("search {text:?} failed: {error}"))
}

async fn hybrid(app: &TestApp, text: &str) -> SearchResults {
    run_in(app, &QueryEmbeddings::default(), SearchMode::Hybrid, text).await
}

async fn product(db: &DatabaseConnection, id: Uuid) -> products::Model {
    products::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

/// The slugs of the product's category and of its parent.
async fn category_slugs(db: &DatabaseConnection, id: Uuid) -> Vec<String> {
    let piece = product(db, id).await;
    let category = categories::Entity::find_by_id(piece.category_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let mut slugs = vec![category.slug];
    if let Some(parent) = category.parent_id {
        let parent = categories::Entity::find_by_id(parent)
            .one(db)
            .await
            .unwrap();
        slugs.extend(parent.map(|parent| parent.slug));
    }
    slugs
}

fn names(results: &SearchResults) -> Vec<&str> {
    results
        .products
        .iter()
        .map(|hit| hit.card.name.as_str())
        .collect()
}

#[tokio::test]
async fn sentences_find_pieces_by_meaning() {
    let app = seeded_app().await;
    let db = &app.db;
    let cache = QueryEmbeddings::default();

    // Full text needs every word, so a sentence finds nothing; the hybrid finds watches.
    let text = "a gift for a man who loves watches";
    assert_eq!(
        run_in(&app, &cache, SearchMode::Lexical, text).await.total,
        0
    );
    let gift = run_in(&app, &cache, SearchMode::Hybrid, text).await;
    assert!(gift.products.len() >= 6, "{:?}", names(&gift));
    for hit in &gift.products[..6] {
        assert!(
            category_slugs(db, hit.card.id)
                .await
                .contains(&"jewellery-watches".to_string()),
            "{} is not a watch",
            hit.card.name
        );
    }
    // Something to wear for a wedding: clothes, not candles, glasses or sunglasses.
    let wedding = hybrid(&app, "something warm for a winter wedding").await;
    assert!(wedding.products.len() >= 10);
    for hit in &wedding.products[..10] {
        let slugs = category_slugs(db, hit.card.id).await;
        assert!(
            slugs.iter().any(|slug| slug == "women" || slug == "men"),
            "{} ({slugs:?}) is not clothing",
            hit.card.name
        );
    }
    // Words that mean nothing find nothing, rather than the least unrelated pieces.
    let nonsense = hybrid(&app, "qwzxv").await;
    assert_eq!((nonsense.total, nonsense.products.len()), (0, 0));
}

#[tokio::test]
async fn exact_names_skus_and_designers_rank_first() {
    let app = seeded_app().await;
    let db = &app.db;

    let name = hybrid(&app, "Charcoal Suede Bomber Jacket").await;
    assert_eq!(name.products[0].card.name, "Charcoal Suede Bomber Jacket");
    // ... followed by pieces like it, which full text alone would not find.
    assert!(name.total > 1);

    let clutch = products::Entity::find()
        .filter(products::Column::Name.eq("Bordeaux Leather Evening Clutch"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let by_sku = hybrid(&app, &clutch.sku).await;
    assert_eq!(by_sku.products[0].card.id, clutch.id);
    // A variant's SKU, typed in lower case, finds its piece.
    let variant = product_variants::Entity::find()
        .filter(product_variants::Column::ProductId.ne(clutch.id))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let by_variant = hybrid(&app, &format!("ref {}", variant.sku.to_lowercase())).await;
    assert_eq!(by_variant.products[0].card.id, variant.product_id);
    // Full text alone does not know SKUs.
    let lexical = run_in(
        &app,
        &QueryEmbeddings::default(),
        SearchMode::Lexical,
        &clutch.sku,
    )
    .await;
    assert!(lexical.products.iter().all(|hit| hit.card.id != clutch.id));

    // A designer's name: all of their pieces before anyone else's.
    let halden = brands::Entity::find()
        .filter(brands::Column::Slug.eq("halden-horology"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let pieces = products::Entity::find()
        .filter(products::Column::BrandId.eq(halden.id))
        .filter(products::Column::Status.is_in([ProductStatus::Active, ProductStatus::OutOfStock]))
        .filter(products::Column::DeletedAt.is_null())
        .filter(products::Column::PublishedAt.lte(chrono::Utc::now().fixed_offset()))
        .all(db)
        .await
        .unwrap()
        .len();
    let designer = hybrid(&app, "Halden Horology").await;
    assert!(pieces > 0 && designer.products.len() >= pieces);
    for hit in &designer.products[..pieces] {
        assert_eq!(hit.card.brand_name.as_deref(), Some("Halden Horology"));
    }
}

#[tokio::test]
async fn price_colour_and_size_phrases_become_filters() {
    let app = seeded_app().await;
    let db = &app.db;
    let analytics = Analytics::default();
    let semantic = Semantic {
        embedder: &app.services.embedder,
        cache: None,
        fusion: Default::default(),
    };
    let query = SearchQuery {
        text: "dress in black under $1000".into(),
        limit: 48,
        mode: SearchMode::Hybrid,
        ..SearchQuery::default()
    };
    let results = search::search_semantic(db, &analytics, None, &semantic, &query)
        .await
        .unwrap();
    assert_eq!(
        results
            .phrases
            .iter()
            .map(|phrase| phrase.filter.clone())
            .collect::<Vec<_>>(),
        [
            PhraseFilter::Color("black"),
            PhraseFilter::MaxPrice(Decimal::new(1000, 0))
        ]
    );
    assert_eq!(results.phrases[1].without, "dress in black");
    assert!(!results.products.is_empty());
    assert!(results.products[0].card.name.contains("Dress"));
    for hit in &results.products {
        let piece = product(db, hit.card.id).await;
        assert!(piece.price <= Decimal::new(1000, 0), "{}", piece.name);
        let family = piece
            .color_analysis
            .as_ref()
            .and_then(|c| c["family"].as_str());
        assert_eq!(family, Some("black"), "{}", piece.name);
    }
    // The log keeps the filters the words asked for.
    analytics.flush(db).await.unwrap();
    let log = search_logs::Entity::find_by_id(results.log_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        log.filters,
        Some(serde_json::json!({"max_price": "1000", "colors": ["black"]}))
    );

    // A query that is all filters lists the pieces passing them, by full text too.
    for mode in [SearchMode::Hybrid, SearchMode::Lexical] {
        let cheap = run_in(&app, &QueryEmbeddings::default(), mode, "black under $300").await;
        assert!(cheap.total > 0 && cheap.total == cheap.products.len() as u64);
        for hit in &cheap.products {
            let piece = product(db, hit.card.id).await;
            assert!(piece.price <= Decimal::new(300, 0));
            assert_eq!(piece.color_analysis.unwrap()["family"], "black");
        }
    }
    // A size: every piece has that size available.
    let sized = hybrid(&app, "blazer size XS").await;
    assert!(!sized.products.is_empty());
    for hit in &sized.products {
        let sizes = product_variants::Entity::find()
            .filter(product_variants::Column::ProductId.eq(hit.card.id))
            .filter(product_variants::Column::IsAvailable.eq(true))
            .all(db)
            .await
            .unwrap();
        assert!(
            sizes
                .iter()
                .any(|variant| variant.size.as_deref() == Some("XS"))
        );
    }
    let all_blazers = hybrid(&app, "blazer").await;
    assert!(
        sized.total < all_blazers.total,
        "the size narrows the results"
    );
}

#[tokio::test]
async fn query_embeddings_are_cached_and_answer_as_the_model_does() {
    let app = seeded_app().await;
    let cache = QueryEmbeddings::default();
    let text = "a present for someone who loves tea";
    let live = hybrid(&app, text).await;
    let first = run_in(&app, &cache, SearchMode::Hybrid, text).await;
    assert_eq!(cache.len(), 1);
    // Case does not matter to the model, so it shares the entry.
    let again = run_in(&app, &cache, SearchMode::Hybrid, &text.to_uppercase()).await;
    assert_eq!(cache.len(), 1);
    assert_eq!(names(&first), names(&live));
    assert_eq!(names(&again), names(&live));
    run_in(&app, &cache, SearchMode::Vector, "a scarf for winter").await;
    assert_eq!(cache.len(), 2);
    // Full text never embeds.
    run_in(&app, &cache, SearchMode::Lexical, "silk scarf").await;
    assert_eq!(cache.len(), 2);
}

#[tokio::test]
async fn the_page_shows_parsed_filters_as_removable_chips() {
    let app = seeded_app().await;
    let response = app
        .get("/search?q=a%20dress%20in%20black%20under%20%241000")
        .await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("aria-label=\"Filters from your search\""));
    assert!(
        html.contains("aria-label=\"Remove filter: Black\""),
        "{html}"
    );
    assert!(html.contains("aria-label=\"Remove filter: Under $1,000.00\""));
    // Each chip links to the search without its words.
    assert!(html.contains("href=\"/search?q=a%20dress%20under%20%241000\""));
    assert!(html.contains("href=\"/search?q=a%20dress%20in%20black\""));
    assert!(html.contains("Ebony Velvet Slip Dress"));

    // In French, the chips are worded in French and the price formatted for France.
    let french = app
        .client
        .get(format!(
            "{}/search?q=robe%20en%20noir%20moins%20de%20900",
            app.address
        ))
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(french.contains("Retirer le filtre : Noir"), "{french}");
    assert!(french.contains("Moins de 900,00"));
}
