//! "You may also like": the visible products nearest to one product by embedding.

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement};

use super::clamp_i64;

/// "You may also like" as one statement: `$1` is the product's id, `$2` the limit. The
/// storefront visibility rule is the shared [`crate::catalog::storefront_visible`]
/// fragment; ordering by `<=>` against the product's own embedding lets the HNSW index
/// (`idx_product_embedding`) serve it. Public so tests and benchmarks can `EXPLAIN` it.
pub const SIMILAR_PRODUCTS_SQL: &str = concat!(
    "\
SELECT n.id, n.slug, n.name, b.name AS brand_name, n.price, n.currency,
       (SELECT m.url FROM product_media m
        WHERE m.product_id = n.id AND m.is_primary
        ORDER BY m.display_order LIMIT 1) AS image_url
FROM (
    SELECT p.id, p.slug, p.name, p.brand_id, p.price, p.currency,
           p.product_embedding <=> (SELECT product_embedding FROM products WHERE id = $1)
             AS distance
    FROM products p
    WHERE p.id <> $1 AND ",
    crate::catalog::storefront_visible!(),
    "
      AND (SELECT product_embedding FROM products WHERE id = $1) IS NOT NULL
    ORDER BY p.product_embedding <=> (SELECT product_embedding FROM products WHERE id = $1)
    LIMIT $2
) n
LEFT JOIN brands b ON b.id = n.brand_id
ORDER BY n.distance"
);

#[derive(Clone, Debug, PartialEq)]
pub struct SimilarProduct {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub brand_name: Option<String>,
    pub price: Decimal,
    pub currency: String,
    pub image_url: Option<String>,
}

/// "You may also like": the visible products nearest to this one by embedding (cosine),
/// in one statement the HNSW index can serve. Empty when the product has no embedding.
pub async fn similar_products(
    db: &impl ConnectionTrait,
    product_id: Uuid,
    limit: u64,
) -> Result<Vec<SimilarProduct>, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            SIMILAR_PRODUCTS_SQL,
            [product_id.into(), clamp_i64(limit).into()],
        ))
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok(SimilarProduct {
                id: row.try_get("", "id")?,
                slug: row.try_get("", "slug")?,
                name: row.try_get("", "name")?,
                brand_name: row.try_get("", "brand_name")?,
                price: row.try_get("", "price")?,
                currency: row.try_get("", "currency")?,
                image_url: row.try_get("", "image_url")?,
            })
        })
        .collect()
}
