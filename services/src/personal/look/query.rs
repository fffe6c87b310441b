//! The look's one read: for each complementary category, its pieces nearest in style to
//! the base piece (cosine distance of the embeddings, read per category from the HNSW
//! index in distance order, so the cost follows the look's size), under the rules:
//! visible, in stock (in the shopper's size where they gave one), not the base piece or
//! its category, not owned, not in the bag. Pinned looks go through the same statement
//! with the admin's pieces in place of the categories, so a sold-out pin never shows.

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use crate::cart::CartOwner;
use crate::catalog::storefront_visible;
use crate::personal::feed::begin_nearest_read;

/// The piece a look is built around.
#[derive(Clone, Debug)]
pub struct Base {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub category: String,
    pub colour: Option<String>,
    /// Whether the piece has its embedding yet (its look is searched by it).
    pub embedded: bool,
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
    /// These pieces of these categories (a [`super::shortlist`]), nearest first,
    /// `per_category` of each.
    Shortlist {
        slugs: Vec<String>,
        pieces: Vec<Uuid>,
        per_category: i64,
    },
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
        "SELECT p.id, p.slug, p.name, c.slug AS category, p.color_analysis->>'family' AS colour,
                p.product_embedding IS NOT NULL AS embedded
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
            embedded: row.try_get("", "embedded")?,
        })
    })
    .transpose()
}

/// A variant that can be sold now in a size the shopper wears (`$4`: blocked sizes).
const IN_STOCK: &str = "v.product_id = p.id AND v.is_available
    AND v.inventory_quantity > v.inventory_reserved
    AND (v.size IS NULL OR NOT (v.size = ANY($4)))";

/// What a piece `p` must pass to be offered (`$1` the base piece, `$3` the user whose
/// orders and `$7`/`$8` the session or user whose bag leave pieces out, `$4` the blocked
/// sizes): visible, not the base piece, not owned, not in the bag, in stock.
const OFFERABLE: &str = concat!(
    storefront_visible!(),
    " AND p.id <> $1
      AND NOT EXISTS (SELECT 1 FROM order_items oi JOIN orders o ON o.id = oi.order_id
                      WHERE o.user_id = $3 AND oi.product_id = p.id
                        AND o.status NOT IN ('CANCELLED', 'REFUNDED', 'PAYMENT_FAILED'))
      AND NOT EXISTS (SELECT 1 FROM cart_items ci JOIN carts c2 ON c2.id = ci.cart_id
                      WHERE (c2.user_id = $8 OR c2.session_id = $7) AND ci.product_id = p.id)
      AND EXISTS (SELECT 1 FROM product_variants v WHERE "
);

/// The nearest offerable pieces of each category of `$5` (never the base's own, `$2`),
/// `$6` of each. Each category reads the HNSW index in distance order and stops when it
/// has its pieces, so the cost follows the look's size, not the categories'.
const NEAREST_PER_CATEGORY: &str = "
    SELECT n.id, cat.slug AS category, n.distance,
           row_number() OVER (PARTITION BY cat.slug ORDER BY n.distance, n.id) AS rank
    FROM unnest($5::text[]) AS cat(slug)
    JOIN categories c ON c.slug = cat.slug AND c.slug <> $2
    CROSS JOIN (SELECT product_embedding FROM products WHERE id = $1) b
    CROSS JOIN LATERAL (
      SELECT p.id, (p.product_embedding <=> b.product_embedding)::float8 AS distance
      FROM products p
      WHERE p.category_id = c.id AND p.product_embedding IS NOT NULL AND {offerable}
      ORDER BY p.product_embedding <=> b.product_embedding LIMIT $6) n";

/// Every offerable piece of `$5`'s categories (never the base's own, `$2`), ranked in
/// each by `{order}`: for pinned pieces (a handful), and for a base piece without an
/// embedding yet (nothing to search the index with).
const RANKED_IN_FULL: &str = "
    SELECT p.id, c.slug AS category,
           coalesce((p.product_embedding <=> b.product_embedding)::float8, 1.0) AS distance,
           row_number() OVER (PARTITION BY c.slug ORDER BY {order}) AS rank
    FROM products p JOIN categories c ON c.id = p.category_id
    CROSS JOIN (SELECT product_embedding FROM products WHERE id = $1) b
    WHERE c.slug <> $2 AND {chosen} AND {offerable}";

/// The candidates for a look around `base`, grouped by category, nearest first.
pub async fn candidates(
    db: &DatabaseConnection,
    base: &Base,
    among: &Among,
    filter: &Filter,
) -> Result<Vec<Candidate>, DbErr> {
    let offerable = format!("{OFFERABLE}{IN_STOCK})");
    let nearest_first = "p.product_embedding <=> b.product_embedding, p.id";
    let mut pieces: Vec<Uuid> = Vec::new();
    let (ranked, list, per_category) = match among {
        Among::Categories {
            slugs,
            per_category,
        } if base.embedded => (
            NEAREST_PER_CATEGORY.replace("{offerable}", &offerable),
            slugs.clone(),
            *per_category,
        ),
        Among::Categories {
            slugs,
            per_category,
        } => (
            RANKED_IN_FULL
                .replace("{chosen}", "c.slug = ANY($5)")
                .replace("{order}", "p.id")
                .replace("{offerable}", &offerable),
            slugs.clone(),
            *per_category,
        ),
        Among::Pinned(slugs) => (
            RANKED_IN_FULL
                .replace("{chosen}", "p.slug = ANY($5)")
                .replace("{order}", "array_position($5, p.slug::text), p.id")
                .replace("{offerable}", &offerable),
            slugs.clone(),
            1,
        ),
        Among::Shortlist {
            slugs,
            pieces: shortlist,
            per_category,
        } => {
            pieces = shortlist.clone();
            (
                RANKED_IN_FULL
                    .replace("{chosen}", "p.id = ANY($9) AND c.slug = ANY($5)")
                    .replace("{order}", nearest_first)
                    .replace("{offerable}", &offerable),
                slugs.clone(),
                *per_category,
            )
        }
    };
    let (user_id, session_id) = match filter.owner {
        Some(CartOwner::User(id)) => (Some(id), None),
        Some(CartOwner::Session(id)) => (None, Some(id)),
        None => (None, None),
    };
    let sql = format!(
        "WITH ranked AS ({ranked})
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
    );
    let statement = Statement::from_sql_and_values(
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
            pieces.into(),
        ],
    );
    // Iterative index scans, so a category whose nearest pieces are sold out or owned
    // still fills up (the scan goes on past them), for this statement only.
    let txn = begin_nearest_read(db, 0).await?;
    let rows = txn.query_all_raw(statement).await?;
    txn.commit().await?;
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
