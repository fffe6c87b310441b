//! `server seed --products N`: the demo catalog plus generated pieces, seeded once, and a
//! database seeded at one size refuses another.

use entities::{prelude::*, *};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement};
use server::seed::{SeedError, seed_demo, seed_scaled};

use crate::helpers::{embedder, spawn_app};

#[tokio::test]
async fn a_scaled_catalog_is_seeded_once_and_refuses_another_size() {
    let app = spawn_app().await;
    let db = &app.db;
    let embedder = embedder();

    assert!(matches!(
        seed_scaled(db, &embedder, None, 100).await,
        Err(SeedError::Size { requested: 100, .. })
    ));

    let report = seed_scaled(db, &embedder, None, 300)
        .await
        .expect("seeding succeeds");
    assert!(report.seeded);
    assert_eq!(report.products, 300);
    // Generated pieces that differ only by line share an embedding text.
    assert!(report.embedded_texts < 300, "{}", report.embedded_texts);
    assert_eq!(Products::find().count(db).await.unwrap(), 300);
    let missing = Products::find()
        .filter(products::Column::ProductEmbedding.is_null())
        .count(db)
        .await
        .unwrap();
    assert_eq!(missing, 0);
    // Every image of a generated piece is a demo product's art file.
    let foreign = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT count(*) AS n FROM product_media m JOIN products p ON p.id = m.product_id
             WHERE split_part(p.sku, '-', 3)::int > 240
               AND m.url NOT IN (SELECT dm.url FROM product_media dm
                                 JOIN products dp ON dp.id = dm.product_id
                                 WHERE split_part(dp.sku, '-', 3)::int <= 240)",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    assert_eq!(foreign, 0);

    let again = seed_scaled(db, &embedder, None, 300)
        .await
        .expect("the same size again is a no-op");
    assert!(!again.seeded);
    assert_eq!(again.table_counts, report.table_counts);

    let error = seed_demo(db, &embedder, None).await.unwrap_err();
    assert!(
        matches!(
            error,
            SeedError::OtherSize {
                seeded: 300,
                requested: 240
            }
        ),
        "{error}"
    );
    assert_eq!(Products::find().count(db).await.unwrap(), 300);
}
