//! The look's one read: for each complementary category, its pieces nearest in style to
//! the base piece (cosine distance of the embeddings, `row_number()` per category, so
//! the cost is bounded by the categories' sizes and needs no index), under the rules:
//! visible, in stock (in the shopper's size where they gave one), not the base piece or
//! its category, not owned, not in the bag. Pinned looks go through the same statement
//! with the admin's pieces in place of the categories, so a sold-out pin never shows.

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement};

use crate::cart::CartOwner;
use crate::catalog::storefront_visible;

/// The piece a look is built around.
#[derive(Clone, Debug)]
pub struct Base {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub category: String,
    pub colour: Option<String>,
}

/// Whose look: what to leave out for them.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Leaves out what this user owns.
    pub user_id: Option<Uuid>,
    /// Leaves out what this bag holds.
    pub owner: Option<CartOwner>,
    /// Sizes the shopper does not wear: the other sizes of each sizing system they gave
    /// a size for. A variant in one of these does not count as in stock.
    pub blocked_sizes: Vec<String>,
}

/// Where the pieces come from.
#[derive(Clone, Debug)]
pub enum Among {
    /// The nearest pieces of these categories, `per_category` of each.
    Categories {
        slugs: Vec<String>,
        per_category: i64,
    },
    /// The admin's pinned pieces, in this order (one per category).
    Pinned(Vec<String>),
}

/// A piece that may go in the look.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub brand_name: Option<String>,
    pub price: Decimal,
    pub currency: String,
    pub image_url: Option<String>,
    pub category: String,
    pub colour: Option<String>,
    /// Cosine distance to the base piece (0 to 2; 1 when either has no embedding).
    pub distance: f64,
    /// Rank in its category, nearest first, from 1.
    pub rank: i64,
    /// Variants in stock in a size the shopper wears: `(id, size)`.
    pub variants: Vec<(Uuid, Option<String>)>,
}

/// The visible piece `product_id`, with its leaf category's slug and colour family.
pub async fn base(db: &impl ConnectionTrait, product_id: Uuid) -> Result<Option<Base>, DbErr> {
    let sql = format!(
        "SELECT p.id, p.slug, p.name, c.slug AS category, p.color_analysis->>'family' AS colour
         FROM products p JOIN categories c ON c.id = p.category_id
         WHERE p.id = $1 AND {}",
        storefront_visible!()
    );
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            [product_id.into()],
        ))
        .await?;
    row.map(|row| {
        Ok(Base {
            id: row.try_get("", "id")?,
            slug: row.try_get("", "slug")?,
            name: row.try_get("", "name")?,
            category: row.try_get("", "category")?,
            colour: row.try_get("", "colour")?,
        })
    })
    .transpose()
}

/// A variant that can be sold now in a size the shopper wears (`$4`: blocked sizes).
const IN_STOCK: &str = "v.product_id = p.id AND v.is_available
    AND v.inventory_quantity > v.inventory_reserved
    AND (v.size IS NULL OR NOT (v.size = ANY($4)))";

/// The candidates for a look around `base`, grouped by category, nearest first.
pub async fn candidates(
    db: &impl ConnectionTrait,
    base: &Base,
    among: &Among,
    filter: &Filter,
) -> Result<Vec<Candidate>, DbErr> {
    let (chosen, order, list, per_category) = match among {
        Among::Categories {
            slugs,
            per_category,
        } => (
            "c.slug = ANY($5) AND p.product_embedding IS NOT NULL",
            "p.product_embedding <=> b.product_embedding, p.id",
            slugs.clone(),
            *per_category,
        ),
        Among::Pinned(slugs) => (
            "p.slug = ANY($5)",
            "array_position($5, p.slug::text), p.id",
            slugs.clone(),
            1,
        ),
    };
    let (user_id, session_id) = match filter.owner {
        Some(CartOwner::User(id)) => (Some(id), None),
        Some(CartOwner::Session(id)) => (None, Some(id)),
        None => (None, None),
    };
    let sql = format!(
        "WITH ranked AS (
           SELECT p.id, c.slug AS category,
                  coalesce((p.product_embedding <=> b.product_embedding)::float8, 1.0) AS distance,
                  row_number() OVER (PARTITION BY c.slug ORDER BY {order}) AS rank
           FROM products p JOIN categories c ON c.id = p.category_id
           CROSS JOIN (SELECT product_embedding FROM products WHERE id = $1) b
           WHERE {visible} AND p.id <> $1 AND c.slug <> $2 AND {chosen}
             AND NOT EXISTS (SELECT 1 FROM order_items oi JOIN orders o ON o.id = oi.order_id
                             WHERE o.user_id = $3 AND oi.product_id = p.id
                               AND o.status NOT IN ('CANCELLED', 'REFUNDED', 'PAYMENT_FAILED'))
             AND NOT EXISTS (SELECT 1 FROM cart_items ci JOIN carts c2 ON c2.id = ci.cart_id
                             WHERE (c2.user_id = $8 OR c2.session_id = $7)
                               AND ci.product_id = p.id)
             AND EXISTS (SELECT 1 FROM product_variants v WHERE {IN_STOCK}))
         SELECT r.category, r.distance, r.rank, p.id, p.slug, p.name, br.name AS brand_name,
                p.price, p.currency, p.color_analysis->>'family' AS colour,
                (SELECT m.url FROM product_media m WHERE m.product_id = p.id AND m.is_primary
                 ORDER BY m.display_order LIMIT 1) AS image_url,
                (SELECT coalesce(json_agg(json_build_object('id', v.id, 'size', v.size)
                                          ORDER BY v.sku), '[]'::json)
                 FROM product_variants v WHERE {IN_STOCK}) AS variants
         FROM ranked r JOIN products p ON p.id = r.id LEFT JOIN brands br ON br.id = p.brand_id
         WHERE r.rank <= $6
         ORDER BY r.category, r.rank",
        visible = storefront_visible!(),
    );
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            [
                base.id.into(),
                base.category.clone().into(),
                filter.user_id.into(),
                filter.blocked_sizes.clone().into(),
                list.into(),
                per_category.into(),
                session_id.into(),
                user_id.into(),
            ],
        ))
        .await?;
    rows.iter().map(candidate).collect()
}

fn candidate(row: &sea_orm::QueryResult) -> Result<Candidate, DbErr> {
    let variants: serde_json::Value = row.try_get("", "variants")?;
    let variants = variants
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|v| {
                    let id = v["id"].as_str()?.parse().ok()?;
                    Some((id, v["size"].as_str().map(String::from)))
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Candidate {
        id: row.try_get("", "id")?,
        slug: row.try_get("", "slug")?,
        name: row.try_get("", "name")?,
        brand_name: row.try_get("", "brand_name")?,
        price: row.try_get("", "price")?,
        currency: row.try_get("", "currency")?,
        image_url: row.try_get("", "image_url")?,
        category: row.try_get("", "category")?,
        colour: row.try_get("", "colour")?,
        distance: row.try_get("", "distance")?,
        rank: row.try_get("", "rank")?,
        variants,
    })
}
