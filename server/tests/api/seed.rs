//! The demo catalog: seeded once per test database, then checked for what a shopper and
//! the recommendation queries rely on.

use entities::{prelude::*, *};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, DatabaseConnection, QueryFilter, Statement, TransactionTrait};
use server::seed::{DEMO_ACCOUNTS, seed_demo};
use services::password::verify_password;

use crate::helpers::{embedder, spawn_app};

/// The query: the five products nearest to `slug`, itself included.
async fn neighbours(db: &DatabaseConnection, slug: &str) -> Vec<(String, String)> {
    db.query_all_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        "SELECT p.name, c.slug AS category FROM products p JOIN categories c ON c.id = p.category_id
         ORDER BY p.product_embedding <=> (SELECT product_embedding FROM products WHERE slug = $1)
         LIMIT 5",
        [slug.into()],
    ))
    .await
    .unwrap()
    .into_iter()
    .map(|row| (row.try_get("", "name").unwrap(), row.try_get("", "category").unwrap()))
    .collect()
}

async fn assert_neighbours_within(db: &DatabaseConnection, slug: &str, category_prefix: &str) {
    let found = neighbours(db, slug).await;
    assert_eq!(found.len(), 5);
    let close = found
        .iter()
        .filter(|(_, category)| category.starts_with(category_prefix))
        .count();
    assert!(close >= 4, "neighbours of {slug}: {found:?}");
}

#[tokio::test]
async fn the_demo_catalog_is_seeded_once_with_embeddings_that_find_similar_pieces() {
    let app = spawn_app().await;
    let db = &app.db;
    let embedder = embedder();

    let first = seed_demo(db, &embedder, None)
        .await
        .expect("seeding succeeds");
    assert!(first.seeded);
    let count = |table: &str| {
        first
            .table_counts
            .iter()
            .find(|(name, _)| name == table)
            .map(|(_, rows)| *rows)
            .unwrap_or_else(|| panic!("{table} is counted"))
    };
    assert_eq!(count("products"), 240);
    assert_eq!(count("brands"), 12);
    assert_eq!(count("collections"), 6);
    assert_eq!(count("categories"), 25);
    assert_eq!(count("product_translations"), 480);
    assert_eq!(count("category_translations"), 50);
    assert_eq!(count("brand_translations"), 24);
    assert_eq!(count("collection_translations"), 12);
    assert!(count("product_variants") > 240);
    assert!(count("product_media") >= 3 * 240);
    assert!(count("reviews") > 100);
    assert!(count("coupons") >= 5);
    assert_eq!(first.table_counts.len(), 49, "every table is reported");
    // The planner knows the new rows at once (not when autovacuum gets to them).
    let planned: f32 = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT reltuples FROM pg_class WHERE relname = 'products'",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "reltuples")
        .unwrap();
    assert_eq!(planned, 240.0, "the seed leaves planner statistics");

    // Seeding again changes nothing.
    let second = seed_demo(db, &embedder, None)
        .await
        .expect("re-seeding is a no-op");
    assert!(!second.seeded);
    assert_eq!(second.table_counts, first.table_counts);

    // Every product has an embedding and exactly one primary image.
    let missing = Products::find()
        .filter(products::Column::ProductEmbedding.is_null())
        .count(db)
        .await
        .unwrap();
    assert_eq!(missing, 0);
    let primaries = ProductMedia::find()
        .filter(product_media::Column::IsPrimary.eq(true))
        .count(db)
        .await
        .unwrap();
    assert_eq!(primaries, 240);

    // Categories form two levels: five departments, each with children.
    let departments = Categories::find()
        .filter(categories::Column::ParentId.is_null())
        .count(db)
        .await
        .unwrap();
    assert_eq!(departments, 5);

    // The documented demo accounts sign in with their documented passwords.
    for account in DEMO_ACCOUNTS {
        let user = Users::find()
            .filter(users::Column::Email.eq(account.email))
            .one(db)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{} exists", account.email));
        assert_eq!(user.role, account.role);
        let hash = user.password_hash.expect("demo accounts have passwords");
        assert!(
            verify_password(account.password, &hash),
            "{}",
            account.email
        );
    }

    // Similar pieces, as a person would judge them.
    assert_neighbours_within(db, "sand-silk-printed-square-scarf", "accessories").await;
    assert_neighbours_within(db, "charcoal-cashmere-crew-neck-sweater", "").await;
    let knit = neighbours(db, "charcoal-cashmere-crew-neck-sweater").await;
    assert!(
        knit.iter().filter(|(_, c)| c.ends_with("knitwear")).count() >= 4,
        "{knit:?}"
    );
    assert_neighbours_within(
        db,
        "emerald-sterling-silver-chronograph",
        "jewellery-watches",
    )
    .await;
    assert_neighbours_within(db, "cognac-stoneware-vase", "home").await;

    // With sequential scans off, the HNSW index serves that query.
    let txn = db.begin().await.unwrap();
    txn.execute_unprepared("SET LOCAL enable_seqscan = off")
        .await
        .unwrap();
    let plan: Vec<String> = txn
        .query_all_raw(Statement::from_string(
            txn.get_database_backend(),
            "EXPLAIN SELECT name FROM products ORDER BY product_embedding <=>
               (SELECT product_embedding FROM products WHERE slug = 'sand-silk-printed-square-scarf')
             LIMIT 5",
        ))
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.try_get::<String>("", "QUERY PLAN").unwrap())
        .collect();
    txn.rollback().await.unwrap();
    let plan = plan.join("\n");
    assert!(plan.contains("idx_product_embedding"), "{plan}");
}
