//! Personalisation over the demo catalogue: the style quiz's taste vector, consent, the
//! "For you" rules and a filtered vector page that comes back full.

use domain::read::feed::Because;
use domain::read::style::{DeckAnswer, StyleAnswers, UsualSize};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement, TransactionTrait};
use services::embedder::cosine;
use services::personal::feed::{self, Rules, nearest_on};
use services::personal::style::{self, StyleError};

use crate::helpers::{TestApp, UserBuilder, spawn_seeded_app};

async fn count(app: &TestApp, sql: &str, values: Vec<sea_orm::Value>) -> i64 {
    app.rows(sql, values).await[0].try_get("", "n").unwrap()
}

async fn embedding(app: &TestApp, id: &str) -> Vec<f32> {
    let id: Uuid = id.parse().unwrap();
    app.rows(
        "SELECT product_embedding FROM products WHERE id = $1",
        vec![id.into()],
    )
    .await[0]
        .try_get::<PgVector>("", "product_embedding")
        .unwrap()
        .to_vec()
}

/// The quiz with the deck's pieces whose names contain `liked` liked and those whose
/// names contain `disliked` disliked.
async fn answers_liking(app: &TestApp, liked: &str, disliked: &str) -> StyleAnswers {
    let deck = style::deck(&app.db).await.unwrap();
    let verdict = |name: &str| {
        if name.contains(liked) {
            "like"
        } else if name.contains(disliked) {
            "dislike"
        } else {
            "skip"
        }
    };
    StyleAnswers {
        personas: vec!["classic".into()],
        deck: deck
            .iter()
            .map(|piece| DeckAnswer {
                product: piece.id.clone(),
                verdict: verdict(&piece.name).into(),
            })
            .collect(),
        ..Default::default()
    }
}

async fn taste_of(app: &TestApp, user: Uuid) -> Vec<f32> {
    style::load_profile(&app.db, user)
        .await
        .unwrap()
        .unwrap()
        .taste
        .unwrap()
}

#[tokio::test]
async fn the_taste_moves_towards_liked_and_away_from_disliked_pieces() {
    let app = spawn_seeded_app().await;
    let user = UserBuilder::new().insert(&app.db).await;
    let deck = style::deck(&app.db).await.unwrap();
    assert!(
        deck.len() >= 16,
        "the deck spans the categories: {}",
        deck.len()
    );
    let (liked, disliked) = (&deck[0], &deck[deck.len() - 1]);
    let answers = StyleAnswers {
        deck: vec![
            DeckAnswer {
                product: liked.id.clone(),
                verdict: "like".into(),
            },
            DeckAnswer {
                product: disliked.id.clone(),
                verdict: "dislike".into(),
            },
        ],
        ..Default::default()
    };
    style::save(&app.db, &app.services.embedder, user.id, &answers)
        .await
        .unwrap();
    let first = taste_of(&app, user.id).await;
    let (liked_vector, disliked_vector) = (
        embedding(&app, &liked.id).await,
        embedding(&app, &disliked.id).await,
    );
    assert!(cosine(&first, &liked_vector) > cosine(&first, &disliked_vector));

    // Re-taking it the other way round turns the taste around.
    let answers = StyleAnswers {
        deck: vec![
            DeckAnswer {
                product: liked.id.clone(),
                verdict: "dislike".into(),
            },
            DeckAnswer {
                product: disliked.id.clone(),
                verdict: "like".into(),
            },
        ],
        ..Default::default()
    };
    style::save(&app.db, &app.services.embedder, user.id, &answers)
        .await
        .unwrap();
    let second = taste_of(&app, user.id).await;
    assert!(cosine(&second, &disliked_vector) > cosine(&second, &liked_vector));
    assert!(cosine(&second, &liked_vector) < cosine(&first, &liked_vector));
    let profiles = count(
        &app,
        "SELECT count(*) AS n FROM style_profiles WHERE user_id = $1",
        vec![user.id.into()],
    )
    .await;
    assert_eq!(profiles, 1, "re-taking the quiz updates the one profile");
    let quizzes = count(
        &app,
        "SELECT count(*) AS n FROM ai_interactions WHERE user_id = $1 AND interaction_type = 'STYLE_QUIZ'",
        vec![user.id.into()],
    )
    .await;
    assert_eq!(quizzes, 2);
}

#[tokio::test]
async fn consent_off_stops_personalisation_and_its_writes() {
    let app = spawn_seeded_app().await;
    let user = UserBuilder::new().insert(&app.db).await;
    let answers = answers_liking(&app, "Watch", "Candle").await;
    style::save(&app.db, &app.services.embedder, user.id, &answers)
        .await
        .unwrap();
    let personal = feed::for_you(&app.db, Some(user.id)).await.unwrap();
    assert_ne!(personal.because, Because::Bestsellers);
    assert!(personal.impression.is_some());

    app.db
        .execute_raw(Statement::from_sql_and_values(
            app.db.get_database_backend(),
            "UPDATE users SET ai_consent = false WHERE id = $1",
            [user.id.into()],
        ))
        .await
        .unwrap();
    let writes_before = count(
        &app,
        "SELECT count(*) AS n FROM ai_interactions WHERE user_id = $1",
        vec![user.id.into()],
    )
    .await;
    let refused = style::save(&app.db, &app.services.embedder, user.id, &answers).await;
    assert!(
        matches!(refused, Err(StyleError::ConsentOff)),
        "{refused:?}"
    );
    let plain = feed::for_you(&app.db, None).await.unwrap();
    let off = feed::for_you(&app.db, Some(user.id)).await.unwrap();
    assert_eq!(off.because, Because::Bestsellers);
    assert_eq!(off.impression, None);
    assert_eq!(off.pieces, plain.pieces, "the same row as a visitor's");
    let writes_after = count(
        &app,
        "SELECT count(*) AS n FROM ai_interactions WHERE user_id = $1",
        vec![user.id.into()],
    )
    .await;
    assert_eq!(
        writes_after, writes_before,
        "no profiling writes with consent off"
    );
}

#[tokio::test]
async fn the_feed_keeps_the_stylists_rules() {
    let app = spawn_seeded_app().await;
    let user = UserBuilder::new().insert(&app.db).await;
    let mut answers = answers_liking(&app, "Dress", "Candle").await;
    answers.avoided_colours = vec!["black".into()];
    answers.budget_max = "2000".into();
    answers.sizes = vec![UsualSize {
        system: "apparel".into(),
        size: "M".into(),
    }];
    let material: String = app
        .rows(
            "SELECT DISTINCT materials->>'primary' AS m FROM products ORDER BY 1 LIMIT 1",
            vec![],
        )
        .await[0]
        .try_get("", "m")
        .unwrap();
    answers.avoided_materials = vec![material.clone()];
    style::save(&app.db, &app.services.embedder, user.id, &answers)
        .await
        .unwrap();

    let first = feed::for_you(&app.db, Some(user.id)).await.unwrap();
    assert_eq!(first.pieces.len(), feed::ROW_SIZE);
    // Every card of the row has its primary picture (read for the row alone).
    let pictures = count(
        &app,
        "SELECT count(*) AS n FROM product_media m JOIN products p ON p.id = m.product_id
         WHERE m.is_primary AND p.slug = ANY($1) AND m.url = ANY($2)",
        vec![
            first
                .pieces
                .iter()
                .map(|p| p.slug.clone())
                .collect::<Vec<_>>()
                .into(),
            first
                .pieces
                .iter()
                .filter_map(|p| p.image_url.clone())
                .collect::<Vec<_>>()
                .into(),
        ],
    )
    .await;
    assert_eq!(
        pictures,
        feed::ROW_SIZE as i64,
        "each card shows its piece's picture"
    );
    let slugs: Vec<String> = first
        .pieces
        .iter()
        .map(|piece| piece.slug.clone())
        .collect();
    let breaking = count(
        &app,
        "SELECT count(*) AS n FROM products p WHERE p.slug = ANY($1) AND (
             p.price > 2000 OR p.color_analysis->>'family' = 'black'
             OR p.materials->>'primary' = $2
             OR NOT EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id
                 AND v.inventory_quantity > v.inventory_reserved AND v.is_available
                 AND (v.size = 'M' OR v.size NOT IN ('XS', 'S', 'L', 'XL'))))",
        vec![slugs.clone().into(), material.into()],
    )
    .await;
    assert_eq!(
        breaking, 0,
        "every piece keeps budget, colours, materials and size"
    );
    let mut designers: Vec<Option<String>> =
        first.pieces.iter().map(|p| p.brand_name.clone()).collect();
    designers.sort();
    for designer in &designers {
        assert!(designers.iter().filter(|d| *d == designer).count() <= feed::MAX_PER_DESIGNER);
    }

    // Bought, in the bag, or out of stock in M: gone from the next row.
    let piece = |slug: &str| {
        let slug = slug.to_string();
        let app = &app;
        async move {
            let row = &app
                .rows(
                    "SELECT p.id, (SELECT v.id FROM product_variants v WHERE v.product_id = p.id
                                ORDER BY (v.size = 'M') DESC, v.id LIMIT 1) AS variant
                 FROM products p WHERE p.slug = $1",
                    vec![slug.into()],
                )
                .await[0];
            (
                row.try_get::<Uuid>("", "id").unwrap(),
                row.try_get::<Uuid>("", "variant").unwrap(),
            )
        }
    };
    let (bought, bought_variant) = piece(&slugs[0]).await;
    let (bagged, bagged_variant) = piece(&slugs[1]).await;
    let (sold_out, sold_out_variant) = piece(&slugs[2]).await;
    let sql = |sql: &'static str, values: Vec<sea_orm::Value>| {
        let db = app.db.clone();
        async move {
            db.execute_raw(Statement::from_sql_and_values(
                db.get_database_backend(),
                sql,
                values,
            ))
            .await
            .unwrap();
        }
    };
    let number = crate::helpers::shop::order_row(
        &app,
        user.id,
        entities::sea_orm_active_enums::OrderStatus::Delivered,
        3,
    )
    .await;
    sql(
        "INSERT INTO order_items (order_id, product_id, variant_id, product_name, sku, quantity,
                                  unit_price, total_price)
         SELECT o.id, $2, $3, 'Bought', 'SKU-BOUGHT', 1, 100, 100 FROM orders o
         WHERE o.order_number = $1",
        vec![number.into(), bought.into(), bought_variant.into()],
    )
    .await;
    sql(
        "WITH c AS (INSERT INTO carts (user_id) VALUES ($1) RETURNING id)
         INSERT INTO cart_items (cart_id, product_id, variant_id, quantity, price_at_time)
         SELECT c.id, $2, $3, 1, 100 FROM c",
        vec![user.id.into(), bagged.into(), bagged_variant.into()],
    )
    .await;
    sql(
        "UPDATE product_variants SET inventory_quantity = inventory_reserved
         WHERE product_id = $1 AND (size = 'M' OR size NOT IN ('XS', 'S', 'L', 'XL') OR size IS NULL)",
        vec![sold_out.into()],
    )
    .await;
    let _ = sold_out_variant;
    let next = feed::for_you(&app.db, Some(user.id)).await.unwrap();
    let next_slugs: Vec<&str> = next
        .pieces
        .iter()
        .map(|piece| piece.slug.as_str())
        .collect();
    for gone in &slugs[..3] {
        assert!(
            !next_slugs.contains(&gone.as_str()),
            "{gone} is still in {next_slugs:?}"
        );
    }
    assert_eq!(next.pieces.len(), feed::ROW_SIZE);
}

#[tokio::test]
async fn a_filtered_vector_page_is_full_when_two_percent_pass() {
    let app = spawn_seeded_app().await;
    // 3,000 more pieces with random embeddings, one in fifty of them in a price band no
    // demo piece is in: 2% of the catalogue passes a budget of that band.
    app.db
        .execute_unprepared(
            "INSERT INTO products (id, sku, slug, name, category_id, brand_id, price, currency,
                                   status, published_at, product_embedding, color_analysis,
                                   materials, style_tags)
             SELECT gen_random_uuid(), 'SYN-' || n, 'synthetic-' || n, 'Synthetic ' || n,
                    t.category_id, t.brand_id,
                    CASE WHEN n % 50 = 0 THEN 77777 ELSE 90 + n % 500 END, 'USD', 'ACTIVE',
                    now() - interval '1 day',
                    (SELECT array_agg(random() - 0.5)::vector(384)
                     FROM generate_series(1, 384) WHERE n > 0),
                    t.color_analysis, t.materials, t.style_tags
             FROM generate_series(1, 3000) AS n,
                  (SELECT * FROM products ORDER BY id LIMIT 1) t;
             INSERT INTO product_variants (product_id, sku, size, inventory_quantity)
             SELECT id, sku || '-V', NULL, 5 FROM products WHERE sku LIKE 'SYN-%';
             ANALYZE products; ANALYZE product_variants;",
        )
        .await
        .unwrap();
    let passing = count(
        &app,
        "SELECT count(*) AS n FROM products WHERE price BETWEEN 77000 AND 78000",
        vec![],
    )
    .await;
    let total = count(&app, "SELECT count(*) AS n FROM products", vec![]).await;
    assert!(passing * 100 <= total * 2, "{passing} of {total} pass");
    let taste: Vec<f32> = (0..384).map(|i| ((i * 7919) % 13) as f32 - 6.0).collect();
    let taste = services::personal::taste::normalised(taste).unwrap();
    let rules = Rules {
        budget_min: Some(Decimal::new(77000, 0)),
        budget_max: Some(Decimal::new(78000, 0)),
        ..Default::default()
    };
    let page = |iterative: bool| {
        let (db, taste, rules) = (app.db.clone(), taste.clone(), rules.clone());
        async move {
            let txn = db.begin().await.unwrap();
            // The HNSW path, as the planner takes it on a large catalogue: no sequential
            // scan, no sort of another index's rows, no price index.
            txn.execute_unprepared(&format!(
                "SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off;
                 SET LOCAL enable_sort = off; SET LOCAL hnsw.iterative_scan = {};",
                if iterative { "relaxed_order" } else { "off" }
            ))
            .await
            .unwrap();
            txn.execute_unprepared("DROP INDEX idx_products_price")
                .await
                .unwrap();
            let found = nearest_on(&txn, &taste, &rules, feed::ROW_SIZE as u64)
                .await
                .unwrap();
            txn.rollback().await.unwrap();
            found.len()
        }
    };
    let without = page(false).await;
    assert!(
        without < feed::ROW_SIZE,
        "without iterative scans the page runs short: {without}"
    );
    assert_eq!(page(true).await, feed::ROW_SIZE);
    // And the service itself, which sets the scan up on its own connection.
    let found = feed::nearest(&app.db, &taste, &rules, feed::ROW_SIZE as u64)
        .await
        .unwrap();
    assert_eq!(found.len(), feed::ROW_SIZE);
}

#[tokio::test]
async fn a_spread_read_holds_at_most_its_share_of_each_designer_and_stays_full() {
    let app = spawn_seeded_app().await;
    let sweater: Uuid = app
        .rows(
            "SELECT id FROM products WHERE slug = 'charcoal-cashmere-crew-neck-sweater'",
            vec![],
        )
        .await[0]
        .try_get("", "id")
        .unwrap();
    let taste = embedding(&app, &sweater.to_string()).await;
    let most_of_one = |found: &[feed::Piece]| {
        let mut per: std::collections::HashMap<Option<String>, usize> = Default::default();
        for piece in found {
            *per.entry(piece.brand_name.clone()).or_default() += 1;
        }
        per.into_values().max().unwrap_or(0)
    };
    // The nearest pieces to a cashmere sweater crowd its own maker's knitwear...
    let crowded = feed::nearest(&app.db, &taste, &Rules::default(), 12)
        .await
        .unwrap();
    assert_eq!(crowded.len(), 12);
    assert!(most_of_one(&crowded) > 2, "{crowded:?}");
    // ...a spread read holds at most its share of each designer: the nearest pieces
    // among the `SPREAD` times wider read, two of a designer at most, nearest first.
    let rules = Rules {
        per_designer: Some(2),
        ..Default::default()
    };
    let spread = feed::nearest(&app.db, &taste, &rules, 12).await.unwrap();
    assert!(most_of_one(&spread) <= 2, "{spread:?}");
    let wide = feed::nearest(&app.db, &taste, &Rules::default(), 12 * feed::SPREAD)
        .await
        .unwrap();
    let mut taken: std::collections::HashMap<Option<String>, usize> = Default::default();
    let expected: Vec<Uuid> = wide
        .iter()
        .filter(|piece| {
            let count = taken.entry(piece.brand_name.clone()).or_default();
            *count += 1;
            *count <= 2
        })
        .take(12)
        .map(|piece| piece.id)
        .collect();
    let ids: Vec<Uuid> = spread.iter().map(|piece| piece.id).collect();
    assert_eq!(ids, expected);
    let designers = |found: &[feed::Piece]| {
        let names: std::collections::HashSet<_> = found.iter().map(|p| &p.brand_name).collect();
        names.len()
    };
    assert!(designers(&spread) > designers(&crowded), "{spread:?}");
}

#[tokio::test]
async fn a_guests_quiz_moves_to_the_account_that_has_none() {
    let app = spawn_seeded_app().await;
    let guest = UserBuilder::new().insert(&app.db).await;
    let account = UserBuilder::new().insert(&app.db).await;
    let answers = answers_liking(&app, "Scarf", "Candle").await;
    style::save(&app.db, &app.services.embedder, guest.id, &answers)
        .await
        .unwrap();

    assert!(
        style::adopt_guest_profile(&app.db, guest.id, account.id)
            .await
            .unwrap()
    );
    let moved = style::load_profile(&app.db, account.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(moved.answers.personas, vec!["classic".to_string()]);
    assert!(
        style::load_profile(&app.db, guest.id)
            .await
            .unwrap()
            .is_none()
    );

    // An account with a profile of its own keeps it.
    let other_guest = UserBuilder::new().insert(&app.db).await;
    let mut other = answers_liking(&app, "Candle", "Scarf").await;
    other.personas = vec!["bohemian".into()];
    style::save(&app.db, &app.services.embedder, other_guest.id, &other)
        .await
        .unwrap();
    assert!(
        !style::adopt_guest_profile(&app.db, other_guest.id, account.id)
            .await
            .unwrap()
    );
    let kept = style::load_profile(&app.db, account.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.answers.personas, vec!["classic".to_string()]);
}
