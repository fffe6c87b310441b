//! The product detail service against the seeded demo catalog: what a shopper sees on a
//! product page, what stays hidden, reviews, "you may also like" and view counting.

use std::collections::HashSet;

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, TransactionTrait, Value};
use services::catalog::product::{
    ANONYMOUS_AUTHOR, SIMILAR_PRODUCTS_SQL, approved_reviews, product_detail, similar_products,
};

use services::analytics::{Analytics, Flushed, ProductView};

use crate::helpers::spawn_seeded_app;

const VISIBLE: &str = "p.status IN ('ACTIVE', 'OUT_OF_STOCK') AND p.deleted_at IS NULL \
     AND p.published_at IS NOT NULL AND p.published_at <= now()";

async fn rows(
    db: &DatabaseConnection,
    sql: &str,
    values: impl IntoIterator<Item = Value>,
) -> Vec<sea_orm::QueryResult> {
    db.query_all_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        sql,
        values,
    ))
    .await
    .unwrap_or_else(|error| panic!("{sql}: {error}"))
}

async fn execute(db: &DatabaseConnection, sql: &str, values: impl IntoIterator<Item = Value>) {
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        sql,
        values,
    ))
    .await
    .unwrap_or_else(|error| panic!("{sql}: {error}"));
}

/// The first column of the first row.
async fn scalar<T: sea_orm::TryGetable>(
    db: &DatabaseConnection,
    sql: &str,
    values: impl IntoIterator<Item = Value>,
) -> T {
    let row = rows(db, sql, values)
        .await
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{sql} returns a row"));
    row.try_get_by_index(0).unwrap()
}

async fn product_id(db: &DatabaseConnection, slug: &str) -> Uuid {
    scalar(db, "SELECT id FROM products WHERE slug = $1", [slug.into()]).await
}

/// A visible product of a leaf category.
async fn visible_slug_in(db: &DatabaseConnection, category: &str) -> String {
    scalar(
        db,
        &format!(
            "SELECT p.slug FROM products p JOIN categories c ON c.id = p.category_id
             WHERE c.slug = $1 AND {VISIBLE} ORDER BY p.slug LIMIT 1"
        ),
        [category.into()],
    )
    .await
}

#[tokio::test]
async fn a_product_page_has_its_gallery_spin_variants_stock_and_review_summary() {
    let app = spawn_seeded_app().await;
    let db = &app.db;

    // A bag, which has a 360° sequence. Make the third still the primary and scramble the
    // frames' display order, so only the right rules give the right order.
    let slug = visible_slug_in(db, "accessories-bags").await;
    let id = product_id(db, &slug).await;
    execute(
        db,
        "UPDATE product_media SET is_primary = (url LIKE '%-3.svg')
         WHERE product_id = $1 AND NOT is_360_image",
        [id.into()],
    )
    .await;
    execute(
        db,
        "UPDATE product_media SET display_order = 100 - sequence_index
         WHERE product_id = $1 AND is_360_image",
        [id.into()],
    )
    .await;

    let detail = product_detail(db, &slug, None)
        .await
        .unwrap()
        .expect("a visible product has a page");
    let base: (String, String, Decimal, String) = {
        let row = &rows(
            db,
            "SELECT name, sku, price, currency FROM products WHERE id = $1",
            [id.into()],
        )
        .await[0];
        (
            row.try_get("", "name").unwrap(),
            row.try_get("", "sku").unwrap(),
            row.try_get("", "price").unwrap(),
            row.try_get("", "currency").unwrap(),
        )
    };
    assert_eq!(detail.id, id);
    assert_eq!(detail.slug, slug);
    assert_eq!(
        (
            detail.name.clone(),
            detail.sku.clone(),
            detail.price,
            detail.currency.clone()
        ),
        base
    );
    assert!(detail.description.is_some() && detail.story.is_some());
    assert!(detail.meta_title.as_deref().unwrap().contains(&detail.name));
    assert!(detail.materials.as_ref().unwrap()["primary"].is_string());
    assert!(!detail.style_tags.is_empty());
    assert!(detail.carbon_footprint.is_some());
    assert_eq!(detail.language, None);

    let brand = detail.brand.as_ref().expect("the brand block");
    assert!(!brand.name.is_empty() && !brand.slug.is_empty());
    assert!(brand.story.is_some() && brand.sustainability_score.is_some());
    let crumbs: Vec<&str> = detail
        .breadcrumb
        .iter()
        .map(|crumb| crumb.slug.as_str())
        .collect();
    assert_eq!(crumbs, ["accessories", "accessories-bags"]);

    let gallery: Vec<String> = detail
        .gallery
        .iter()
        .map(|image| image.url.clone())
        .collect();
    assert_eq!(
        gallery,
        [3, 1, 2].map(|n| format!("/images/products/{slug}-{n}.svg")),
        "primary first, then by display order"
    );
    assert!(
        detail
            .gallery
            .iter()
            .all(|image| image.width == Some(800) && image.height == Some(1000))
    );
    assert!(detail.gallery.iter().all(|image| image.alt.is_some()));
    let spin: Vec<String> = detail.spin.iter().map(|frame| frame.url.clone()).collect();
    let expected: Vec<String> = (1..=8)
        .map(|n| format!("/images/products/{slug}-360-{n:02}.svg"))
        .collect();
    assert_eq!(
        spin, expected,
        "frames by sequence index, apart from stills"
    );

    // Availability is stock minus reservations; "only N left" at the threshold (3).
    let variant = detail.variants.first().expect("a variant");
    assert_eq!(variant.price, detail.price, "no own price: the product's");
    let check = async |quantity: i32, reserved: i32, available: i32, low: bool| {
        execute(
            db,
            "UPDATE product_variants SET inventory_quantity = $2, inventory_reserved = $3,
               is_available = true, low_stock_threshold = 3
             WHERE id = $1",
            [variant.id.into(), quantity.into(), reserved.into()],
        )
        .await;
        let detail = product_detail(db, &slug, None).await.unwrap().unwrap();
        let seen = detail
            .variants
            .iter()
            .find(|seen| seen.id == variant.id)
            .unwrap();
        assert_eq!(
            (seen.available, seen.low_stock),
            (available, low),
            "{quantity} in stock, {reserved} reserved"
        );
    };
    check(10, 4, 6, false).await;
    check(10, 7, 3, true).await;
    check(10, 9, 1, true).await;
    check(10, 10, 0, false).await;
    check(2, 5, 0, false).await;
    // Not for sale: nothing available whatever the stock.
    execute(
        db,
        "UPDATE product_variants SET inventory_reserved = 0, is_available = false WHERE id = $1",
        [variant.id.into()],
    )
    .await;
    let detail = product_detail(db, &slug, None).await.unwrap().unwrap();
    assert_eq!(detail.variants[0].available, 0);
    // A variant's own price wins.
    execute(
        db,
        "UPDATE product_variants SET price = 1234.50 WHERE id = $1",
        [variant.id.into()],
    )
    .await;
    let detail = product_detail(db, &slug, None).await.unwrap().unwrap();
    assert_eq!(
        detail
            .variants
            .iter()
            .find(|seen| seen.id == variant.id)
            .unwrap()
            .price,
        Decimal::new(123450, 2)
    );

    // The review summary counts approved reviews only. Pick a product with reviews of
    // every status, and compare with SQL.
    let reviewed: String = scalar(
        db,
        &format!(
            "SELECT p.slug FROM products p JOIN reviews r ON r.product_id = p.id
             WHERE {VISIBLE} GROUP BY p.slug
             HAVING count(*) FILTER (WHERE r.status = 'APPROVED') >= 1
                AND count(*) FILTER (WHERE r.status <> 'APPROVED') >= 1
             ORDER BY p.slug LIMIT 1"
        ),
        [],
    )
    .await;
    let reviewed_id = product_id(db, &reviewed).await;
    let expected = &rows(
        db,
        "SELECT round(avg(rating)::numeric, 1) AS average, count(*) AS n FROM reviews
         WHERE product_id = $1 AND status = 'APPROVED'",
        [reviewed_id.into()],
    )
    .await[0];
    let summary = product_detail(db, &reviewed, None)
        .await
        .unwrap()
        .unwrap()
        .reviews;
    assert_eq!(
        summary.average,
        expected.try_get::<Option<Decimal>>("", "average").unwrap()
    );
    assert_eq!(summary.count, expected.try_get::<i64>("", "n").unwrap());
    assert_eq!(summary.histogram.iter().sum::<i64>(), summary.count);
    let all: i64 = scalar(
        db,
        "SELECT count(*) FROM reviews WHERE product_id = $1",
        [reviewed_id.into()],
    )
    .await;
    assert!(all > summary.count, "other statuses exist and are left out");

    // No reviews at all: no average.
    let unreviewed: String = scalar(
        db,
        &format!(
            "SELECT p.slug FROM products p WHERE {VISIBLE}
               AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.product_id = p.id)
             ORDER BY p.slug LIMIT 1"
        ),
        [],
    )
    .await;
    let summary = product_detail(db, &unreviewed, None)
        .await
        .unwrap()
        .unwrap()
        .reviews;
    assert_eq!((summary.average, summary.count), (None, 0));
}

#[tokio::test]
async fn hidden_products_have_no_page_and_translations_fall_back_field_by_field() {
    let app = spawn_seeded_app().await;
    let db = &app.db;

    for (what, condition) in [
        ("draft", "status = 'DRAFT'"),
        ("archived", "status = 'ARCHIVED'"),
        ("soft-deleted", "deleted_at IS NOT NULL"),
    ] {
        let slugs: Vec<String> = rows(
            db,
            &format!("SELECT slug FROM products WHERE {condition}"),
            [],
        )
        .await
        .iter()
        .map(|row| row.try_get("", "slug").unwrap())
        .collect();
        assert!(!slugs.is_empty(), "the catalog has {what} products");
        for slug in slugs {
            assert_eq!(
                product_detail(db, &slug, None).await.unwrap(),
                None,
                "{what}: {slug}"
            );
        }
    }
    assert_eq!(
        product_detail(db, "no-such-piece", None).await.unwrap(),
        None
    );
    assert_eq!(product_detail(db, "' OR 1=1 --", None).await.unwrap(), None);

    // Discontinued, or published only tomorrow: hidden too.
    let scarf = visible_slug_in(db, "accessories-scarves").await;
    assert!(product_detail(db, &scarf, None).await.unwrap().is_some());
    execute(
        db,
        "UPDATE products SET status = 'DISCONTINUED' WHERE slug = $1",
        [scarf.clone().into()],
    )
    .await;
    assert_eq!(product_detail(db, &scarf, None).await.unwrap(), None);
    execute(
        db,
        "UPDATE products SET status = 'ACTIVE', published_at = now() + interval '1 day'
         WHERE slug = $1",
        [scarf.clone().into()],
    )
    .await;
    assert_eq!(product_detail(db, &scarf, None).await.unwrap(), None);

    // French: the approved translation, with the base text where it has none.
    let slug = visible_slug_in(db, "women-knitwear").await;
    let id = product_id(db, &slug).await;
    let english = product_detail(db, &slug, None).await.unwrap().unwrap();
    let french_row = &rows(
        db,
        "SELECT name, description, meta_title, story, meta_description
         FROM product_translations
         WHERE product_id = $1 AND language_code = 'fr' AND status = 'APPROVED'",
        [id.into()],
    )
    .await[0];
    let french = product_detail(db, &slug, Some("fr"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(french.language.as_deref(), Some("fr"));
    assert_eq!(
        french.name,
        french_row.try_get::<String>("", "name").unwrap()
    );
    assert_ne!(french.name, english.name);
    assert_eq!(
        french.description,
        french_row
            .try_get::<Option<String>>("", "description")
            .unwrap()
    );
    assert_eq!(
        french.meta_title,
        french_row
            .try_get::<Option<String>>("", "meta_title")
            .unwrap()
    );
    assert_eq!(
        french_row.try_get::<Option<String>>("", "story").unwrap(),
        None
    );
    assert_eq!(french.story, english.story, "no French story: the base one");
    assert_eq!(french.meta_description, english.meta_description);
    assert_eq!(french.price, english.price);
    assert_eq!(french.variants, english.variants);
    // English and unsupported languages get the base text.
    for lang in [Some("en"), Some("de")] {
        let detail = product_detail(db, &slug, lang).await.unwrap().unwrap();
        assert_eq!(detail, english, "{lang:?}");
    }

    // Italian still awaiting review: the shopper reads English.
    let pending: String = scalar(
        db,
        &format!(
            "SELECT p.slug FROM products p JOIN product_translations t ON t.product_id = p.id
             WHERE t.language_code = 'it' AND t.status = 'PENDING' AND {VISIBLE}
             ORDER BY p.slug LIMIT 1"
        ),
        [],
    )
    .await;
    let base = product_detail(db, &pending, None).await.unwrap().unwrap();
    let italian = product_detail(db, &pending, Some("it"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(italian.language, None);
    assert_eq!(italian.name, base.name);
    assert_eq!(italian.description, base.description);
    // ...while its French translation is approved and used.
    let french = product_detail(db, &pending, Some("fr"))
        .await
        .unwrap()
        .unwrap();
    assert_ne!(french.name, base.name);
    // A rejected translation is ignored as well.
    execute(
        db,
        "UPDATE product_translations SET status = 'REJECTED'
         WHERE product_id = $1 AND language_code = 'fr'",
        [id.into()],
    )
    .await;
    let rejected = product_detail(db, &slug, Some("fr"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(rejected, english);
}

#[tokio::test]
async fn reviews_are_approved_only_most_helpful_first() {
    let app = spawn_seeded_app().await;
    let db = &app.db;

    // The product with the most approved reviews that also has hidden ones.
    let id: Uuid = scalar(
        db,
        "SELECT product_id FROM reviews GROUP BY product_id
         HAVING count(*) FILTER (WHERE status <> 'APPROVED') >= 1
         ORDER BY count(*) FILTER (WHERE status = 'APPROVED') DESC, product_id LIMIT 1",
        [],
    )
    .await;
    let approved: HashSet<Uuid> = rows(
        db,
        "SELECT id FROM reviews WHERE product_id = $1 AND status = 'APPROVED'",
        [id.into()],
    )
    .await
    .iter()
    .map(|row| row.try_get("", "id").unwrap())
    .collect();
    assert!(approved.len() >= 2, "enough approved reviews to sort");
    // Make the helpfulness order unambiguous and different from insertion order.
    execute(
        db,
        "UPDATE reviews SET helpful_count = 100 - (SELECT count(*) FROM reviews o
             WHERE o.product_id = reviews.product_id AND o.id < reviews.id)
         WHERE product_id = $1",
        [id.into()],
    )
    .await;

    let reviews = approved_reviews(db, id, Default::default(), 50, 0)
        .await
        .unwrap();
    let ids: HashSet<Uuid> = reviews.iter().map(|review| review.id).collect();
    assert_eq!(ids, approved, "approved only, all of them");
    assert!(
        reviews
            .windows(2)
            .all(|pair| pair[0].helpful_count > pair[1].helpful_count),
        "{:?}",
        reviews
            .iter()
            .map(|review| review.helpful_count)
            .collect::<Vec<_>>()
    );
    for review in &reviews {
        assert!((1..=5).contains(&review.rating));
        assert!(review.title.is_some() && review.content.is_some());
        // "Inès M.": a first name and an initial, never the full surname.
        let (first, initial) = review.author.split_once(' ').expect("two parts");
        assert!(!first.is_empty());
        assert!(
            initial.ends_with('.') && initial.chars().count() == 2,
            "{}",
            review.author
        );
    }

    // Pages join up without gaps or repeats.
    let first = approved_reviews(db, id, Default::default(), 1, 0)
        .await
        .unwrap();
    let rest = approved_reviews(db, id, Default::default(), 50, 1)
        .await
        .unwrap();
    let paged: Vec<Uuid> = first.iter().chain(&rest).map(|review| review.id).collect();
    assert_eq!(
        paged,
        reviews.iter().map(|review| review.id).collect::<Vec<_>>()
    );

    // Equal helpfulness: the newest first.
    execute(
        db,
        "UPDATE reviews SET helpful_count = 5,
           created_at = now() - (SELECT count(*) FROM reviews o
             WHERE o.product_id = reviews.product_id AND o.id < reviews.id) * interval '1 day'
         WHERE product_id = $1",
        [id.into()],
    )
    .await;
    let reviews = approved_reviews(db, id, Default::default(), 50, 0)
        .await
        .unwrap();
    assert!(
        reviews
            .windows(2)
            .all(|pair| pair[0].created_at >= pair[1].created_at)
    );

    // An author without a name.
    execute(
        db,
        "UPDATE users SET name = NULL WHERE id = (SELECT user_id FROM reviews WHERE id = $1)",
        [reviews[0].id.into()],
    )
    .await;
    let reviews = approved_reviews(db, id, Default::default(), 50, 0)
        .await
        .unwrap();
    assert_eq!(reviews[0].author, ANONYMOUS_AUTHOR);

    // Once hidden, a review leaves the list.
    execute(
        db,
        "UPDATE reviews SET status = 'REJECTED' WHERE id = $1",
        [reviews[0].id.into()],
    )
    .await;
    let after = approved_reviews(db, id, Default::default(), 50, 0)
        .await
        .unwrap();
    assert_eq!(after.len(), reviews.len() - 1);
    assert!(after.iter().all(|review| review.id != reviews[0].id));
}

#[tokio::test]
async fn similar_products_are_visible_neighbours_and_views_are_counted() {
    let app = spawn_seeded_app().await;
    let db = &app.db;

    let scarf = "sand-silk-printed-square-scarf";
    let id = product_id(db, scarf).await;
    // Hide the scarf's nearest neighbour: it must drop out of the list.
    let nearest: Uuid = scalar(
        db,
        "SELECT id FROM products WHERE id <> $1
         ORDER BY product_embedding <=> (SELECT product_embedding FROM products WHERE id = $1)
         LIMIT 1",
        [id.into()],
    )
    .await;
    execute(
        db,
        "UPDATE products SET status = 'DRAFT' WHERE id = $1",
        [nearest.into()],
    )
    .await;

    let similar = similar_products(db, id, 5).await.unwrap();
    assert_eq!(similar.len(), 5);
    let ids: Vec<Uuid> = similar.iter().map(|product| product.id).collect();
    assert!(!ids.contains(&id), "not the scarf itself");
    assert!(!ids.contains(&nearest), "not a hidden product");
    let mut scarves = 0;
    for product in &similar {
        // Every suggestion has a page of its own.
        let detail = product_detail(db, &product.slug, None)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{} is visible", product.slug));
        assert_eq!(product.name, detail.name);
        assert_eq!(product.price, detail.price);
        assert_eq!(product.currency, detail.currency);
        assert_eq!(
            product.brand_name.as_deref(),
            detail.brand.as_ref().map(|brand| brand.name.as_str())
        );
        assert_eq!(
            product.image_url.as_deref(),
            detail.gallery.first().map(|image| image.url.as_str())
        );
        if detail.breadcrumb.last().unwrap().slug == "accessories-scarves" {
            scarves += 1;
        }
    }
    assert!(scarves >= 3, "mostly scarves: {similar:?}");
    assert_eq!(similar_products(db, id, 2).await.unwrap().len(), 2);

    // The HNSW index can serve the statement: on 240 rows scanning and sorting is cheaper,
    // so both are discouraged to see whether the index can provide the order.
    // Statistics as autovacuum would soon have them after the seeding.
    db.execute_unprepared("ANALYZE products").await.unwrap();
    let txn = db.begin().await.unwrap();
    txn.execute_unprepared("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off")
        .await
        .unwrap();
    let plan: Vec<String> = txn
        .query_all_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            format!("EXPLAIN {SIMILAR_PRODUCTS_SQL}"),
            [id.into(), 5_i64.into()],
        ))
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.try_get::<String>("", "QUERY PLAN").unwrap())
        .collect();
    txn.rollback().await.unwrap();
    let plan = plan.join("\n");
    assert!(plan.contains("idx_product_embedding"), "{plan}");

    // Without an embedding there is nothing to compare with.
    execute(
        db,
        "UPDATE products SET product_embedding = NULL WHERE id = $1",
        [id.into()],
    )
    .await;
    assert!(similar_products(db, id, 5).await.unwrap().is_empty());

    // Each view adds one row and exactly one to the counter.
    let user: Uuid = scalar(
        db,
        "SELECT id FROM users WHERE email = 'ada@luxeverse.test'",
        [],
    )
    .await;
    let count = async || -> (i32, i64) {
        let row = &rows(
            db,
            "SELECT view_count, (SELECT count(*) FROM product_views WHERE product_id = $1) AS views
             FROM products WHERE id = $1",
            [id.into()],
        )
        .await[0];
        (
            row.try_get("", "view_count").unwrap(),
            row.try_get("", "views").unwrap(),
        )
    };
    let (before, views_before) = count().await;
    let referrer = format!("https://example.com/{}", "a".repeat(100));
    let analytics = Analytics::default();
    analytics.view(ProductView::new(id, Some(user), None, Some(&referrer)));
    analytics.view(ProductView::new(id, None, None, None));
    // Queued views are not written until the queue is flushed, then all in one go.
    assert_eq!(count().await, (before, views_before));
    assert_eq!(
        analytics.flush(db).await.unwrap(),
        Flushed {
            views: 2,
            searches: 0
        }
    );
    assert_eq!(count().await, (before + 2, views_before + 2));
    assert_eq!(analytics.flush(db).await.unwrap(), Flushed::default());

    let recorded = rows(
        db,
        "SELECT user_id, source FROM product_views WHERE product_id = $1
         ORDER BY (user_id IS NULL), created_at",
        [id.into()],
    )
    .await;
    assert_eq!(
        recorded[0].try_get::<Option<Uuid>>("", "user_id").unwrap(),
        Some(user)
    );
    let source: String = recorded[0].try_get("", "source").unwrap();
    assert_eq!(source, referrer.chars().take(50).collect::<String>());
    assert_eq!(
        recorded[1].try_get::<Option<String>>("", "source").unwrap(),
        None
    );

    // A view of a product that no longer exists, or by a user since deleted, does not
    // fail the batch: the first is skipped, the second written without its user.
    analytics.view(ProductView::new(Uuid::new_v4(), None, None, None));
    analytics.view(ProductView::new(id, Some(Uuid::new_v4()), None, None));
    analytics.flush(db).await.unwrap();
    assert_eq!(count().await, (before + 3, views_before + 3));
    let orphans: i64 = scalar(
        db,
        "SELECT count(*) FROM product_views WHERE product_id = $1 AND user_id IS NULL",
        [id.into()],
    )
    .await;
    assert_eq!(orphans, 2);
    assert_eq!(count().await, (before + 3, views_before + 3));
}

#[tokio::test]
async fn two_servers_flushing_views_of_the_same_pieces_at_once_count_every_view() {
    let app = spawn_seeded_app().await;
    let db = &app.db;
    let ids: Vec<Uuid> = rows(
        db,
        "SELECT id FROM products WHERE status = 'ACTIVE' ORDER BY id LIMIT 20",
        [],
    )
    .await
    .iter()
    .map(|row| row.try_get("", "id").unwrap())
    .collect();
    let total = async || -> i64 {
        scalar(
            db,
            "SELECT sum(view_count)::bigint FROM products WHERE id = ANY($1)",
            [ids.clone().into()],
        )
        .await
    };
    let before = total().await;

    // Two queues (two server instances), each holding views of the same twenty pieces in
    // opposite orders, flushed at the same moment over and over: no deadlock, no lost count.
    let (first, second) = (Analytics::default(), Analytics::default());
    for round in 0..10 {
        for id in &ids {
            first.view(ProductView::new(*id, None, None, None));
        }
        for id in ids.iter().rev() {
            second.view(ProductView::new(*id, None, None, None));
        }
        let (a, b) = tokio::join!(first.flush(db), second.flush(db));
        assert_eq!(a.unwrap().views, ids.len(), "round {round}");
        assert_eq!(b.unwrap().views, ids.len(), "round {round}");
    }
    assert_eq!(total().await, before + 2 * 10 * ids.len() as i64);
    let written: i64 = scalar(
        db,
        "SELECT count(*) FROM product_views WHERE product_id = ANY($1)",
        [ids.clone().into()],
    )
    .await;
    assert!(written >= 2 * 10 * ids.len() as i64);
}
