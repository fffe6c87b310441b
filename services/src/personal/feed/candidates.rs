//! The pieces a row is chosen from: for a taste, the visible pieces nearest to it that pass
//! a stylist's rules, in one statement the HNSW index serves; without one, editorial picks
//! and bestsellers.
//!
//! A filter applied after an approximate nearest-neighbour scan can leave a page short:
//! HNSW hands back `ef_search` (40) candidates, and if 2% of the catalogue passes the
//! rules, one of them does. [`nearest`] therefore runs with pgvector's iterative index
//! scans on (`hnsw.iterative_scan = relaxed_order`, set for its transaction only), so the
//! scan goes on until the page is full or [`MAX_SCAN_TUPLES`] were visited; the candidates
//! are re-ranked afterwards, which is what relaxed order asks.

use sea_orm::prelude::*;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, Statement, TransactionTrait,
};

use super::diversify::Candidate;
use crate::catalog::storefront_visible;

/// Most index entries an iterative scan visits before it gives up on filling the page.
pub const MAX_SCAN_TUPLES: u32 = 20_000;

/// The stylist's rules for one shopper.
#[derive(Clone, Debug, Default)]
pub struct Rules {
    pub budget_min: Option<Decimal>,
    pub budget_max: Option<Decimal>,
    /// Colour families to leave out (`color_analysis.family`).
    pub avoided_colours: Vec<String>,
    /// Primary materials to leave out.
    pub avoided_materials: Vec<String>,
    /// The shopper's usual sizes: a piece sized in a system the shopper gave a size for
    /// must have that size in stock.
    pub sizes: Vec<String>,
    /// Whose orders and bag to leave out.
    pub user_id: Option<Uuid>,
    /// Pieces never to show (disliked in the quiz, or already in the row).
    pub excluded: Vec<Uuid>,
    /// Designers never to show (those the row already holds as many of as it may).
    pub excluded_designers: Vec<String>,
    /// At most this many pieces of one designer in a nearest read, taken from the nearest
    /// [`SPREAD`] times the page's size: the nearest pieces often crowd a few designers,
    /// and a row takes two of each, so a page of them would leave the row short.
    pub per_designer: Option<u32>,
}

/// How much further than its page a nearest read with [`Rules::per_designer`] looks.
pub const SPREAD: u64 = 2;

/// A piece that may go in a row.
#[derive(Clone, Debug)]
pub struct Piece {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub brand_name: Option<String>,
    pub price: Decimal,
    pub currency: String,
    pub image_url: Option<String>,
    pub embedding: Vec<f32>,
}

impl Candidate for Piece {
    fn designer(&self) -> Option<&str> {
        self.brand_name.as_deref()
    }
    fn vector(&self) -> &[f32] {
        &self.embedding
    }
}

/// Every size label of the catalogue's sizing systems.
fn known_sizes() -> Vec<String> {
    domain::read::style::SizeSystem::ALL
        .iter()
        .flat_map(|system| system.sizes().iter().map(|size| String::from(*size)))
        .collect()
}

/// The rules as SQL over `p` (a product), parameters from `$2`: in stock (in the
/// shopper's size where they gave one), within budget, no avoided colour or material,
/// not owned, not in the bag, not excluded.
const RULES_SQL: &str = "
      AND ($2::numeric IS NULL OR p.price >= $2) AND ($3::numeric IS NULL OR p.price <= $3)
      AND NOT (coalesce(p.color_analysis->>'family', '') = ANY($4))
      AND NOT (coalesce(p.materials->>'primary', '') = ANY($5))
      AND NOT (p.id = ANY($6))
      AND NOT (coalesce(b.name, '') = ANY($11))
      AND NOT EXISTS (SELECT 1 FROM order_items oi JOIN orders o ON o.id = oi.order_id
                      WHERE o.user_id = $7 AND oi.product_id = p.id
                        AND o.status NOT IN ('CANCELLED', 'REFUNDED', 'PAYMENT_FAILED'))
      AND NOT EXISTS (SELECT 1 FROM cart_items ci JOIN carts c ON c.id = ci.cart_id
                      WHERE c.user_id = $7 AND ci.product_id = p.id)
      AND EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id
                    AND v.is_available AND v.inventory_quantity > v.inventory_reserved
                    AND (v.size IS NULL OR v.size = ANY($8) OR NOT (v.size = ANY($9))))";

/// A candidate's card without its picture: a read returns several times the pieces a row
/// shows, so the pictures are read for the row alone ([`with_images`]).
const CARD_COLUMNS: &str =
    "p.id, p.slug, p.name, b.name AS brand_name, p.price, p.currency, p.product_embedding";
const CARD_FROM: &str = " FROM products p LEFT JOIN brands b ON b.id = p.brand_id WHERE ";

fn parameters(first: sea_orm::Value, rules: &Rules, limit: u64) -> Vec<sea_orm::Value> {
    vec![
        first,
        rules.budget_min.into(),
        rules.budget_max.into(),
        rules.avoided_colours.clone().into(),
        rules.avoided_materials.clone().into(),
        rules.excluded.clone().into(),
        rules.user_id.into(),
        rules.sizes.clone().into(),
        known_sizes().into(),
        i64::try_from(limit).unwrap_or(i64::MAX).into(),
        rules.excluded_designers.clone().into(),
    ]
}

/// Up to `limit` pieces passing `rules`, nearest to `taste` first (approximately: the
/// caller re-ranks), at most [`Rules::per_designer`] of a designer among the nearest
/// [`SPREAD`] times `limit`. Runs on `db` as it is; [`nearest`] sets the scan up first.
pub async fn nearest_on(
    db: &impl ConnectionTrait,
    taste: &[f32],
    rules: &Rules,
    limit: u64,
) -> Result<Vec<Piece>, DbErr> {
    // The inner read is the index's (distance order, stops at $12); the cap and the page
    // are taken from what it found, so only the page's rows and vectors leave the server.
    let sql = format!(
        "SELECT id, slug, name, brand_name, price, currency, product_embedding FROM (
           SELECT near.*, row_number() OVER (
                    PARTITION BY coalesce(near.brand_name, near.id::text)
                    ORDER BY near.distance) AS nth
           FROM (SELECT {CARD_COLUMNS}, p.product_embedding <=> $1 AS distance{CARD_FROM}
                   {} AND p.product_embedding IS NOT NULL{RULES_SQL}
                 ORDER BY p.product_embedding <=> $1 LIMIT $12) near
         ) spread
         WHERE $13::bigint IS NULL OR nth <= $13
         ORDER BY distance LIMIT $10",
        storefront_visible!()
    );
    let taste = PgVector::from(taste.to_vec());
    let looked_through = match rules.per_designer {
        Some(_) => limit.saturating_mul(SPREAD),
        None => limit,
    };
    let mut values = parameters(taste.into(), rules, limit);
    values.push(i64::try_from(looked_through).unwrap_or(i64::MAX).into());
    values.push(rules.per_designer.map(i64::from).into());
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            values,
        ))
        .await?;
    rows.iter().map(piece).collect()
}

/// A transaction of its own for a nearest-neighbour read: pgvector's iterative index
/// scans on (relaxed order: callers re-rank), so a read whose filters drop most of the
/// nearest pieces still fills up (at most [`MAX_SCAN_TUPLES`] visited), a candidate list
/// of `depth` (40 to 1,000), and the generic plan (the statement's shape, not the vector,
/// decides it, and planning afresh for each vector cost more than running it). The feed
/// and complete the look read through it.
pub async fn begin_nearest_read(
    db: &DatabaseConnection,
    depth: u64,
) -> Result<DatabaseTransaction, DbErr> {
    let txn = db.begin().await?;
    txn.execute_unprepared(&format!(
        "SET LOCAL hnsw.iterative_scan = relaxed_order; \
         SET LOCAL hnsw.max_scan_tuples = {MAX_SCAN_TUPLES}; \
         SET LOCAL plan_cache_mode = force_generic_plan; \
         SET LOCAL hnsw.ef_search = {}",
        depth.clamp(40, 1000)
    ))
    .await?;
    Ok(txn)
}

/// [`nearest_on`] in a [`begin_nearest_read`] transaction, so a page comes back full
/// however few pieces pass the rules.
pub async fn nearest(
    db: &DatabaseConnection,
    taste: &[f32],
    rules: &Rules,
    limit: u64,
) -> Result<Vec<Piece>, DbErr> {
    let txn = begin_nearest_read(db, limit).await?;
    let pieces = nearest_on(&txn, taste, rules, limit).await?;
    txn.commit().await?;
    Ok(pieces)
}

/// Up to `limit` pieces passing `rules` for a shopper without a taste: editorial picks
/// (featured, newest first) then bestsellers. Each half reads in the order of its own
/// storefront index and stops at `limit`, so the rules are checked on the pieces shown
/// and a few more, not on the whole catalogue.
pub async fn bestsellers(
    db: &impl ConnectionTrait,
    rules: &Rules,
    limit: u64,
) -> Result<Vec<Piece>, DbErr> {
    let mut found = in_order(db, rules, limit, Shelf::Featured).await?;
    if let Some(short) = limit
        .checked_sub(found.len() as u64)
        .filter(|short| *short > 0)
    {
        let more = Rules {
            excluded: [
                rules.excluded.clone(),
                found.iter().map(|piece| piece.id).collect(),
            ]
            .concat(),
            ..rules.clone()
        };
        found.extend(in_order(db, &more, short, Shelf::BestSelling).await?);
    }
    Ok(found)
}

/// The two shelves [`bestsellers`] reads, each in its index's order.
#[derive(Clone, Copy)]
enum Shelf {
    Featured,
    BestSelling,
}

async fn in_order(
    db: &impl ConnectionTrait,
    rules: &Rules,
    limit: u64,
    shelf: Shelf,
) -> Result<Vec<Piece>, DbErr> {
    let (only, order) = match shelf {
        Shelf::Featured => (
            " AND p.is_featured",
            "p.is_featured DESC, p.featured_at DESC NULLS LAST, p.published_at DESC, p.id",
        ),
        Shelf::BestSelling => ("", "p.purchase_count DESC, p.id"),
    };
    let sql = format!(
        "SELECT {CARD_COLUMNS}{CARD_FROM}{} AND $1::int IS NULL{only}{RULES_SQL}
         ORDER BY {order} LIMIT $10",
        storefront_visible!()
    );
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            parameters(Option::<i32>::None.into(), rules, limit),
        ))
        .await?;
    rows.iter().map(piece).collect()
}

/// `pieces` with their primary pictures, in one read.
pub async fn with_images(
    db: &impl ConnectionTrait,
    mut pieces: Vec<Piece>,
) -> Result<Vec<Piece>, DbErr> {
    let ids: Vec<Uuid> = pieces.iter().map(|piece| piece.id).collect();
    if ids.is_empty() {
        return Ok(pieces);
    }
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT DISTINCT ON (m.product_id) m.product_id, m.url FROM product_media m
             WHERE m.product_id = ANY($1) AND m.is_primary
             ORDER BY m.product_id, m.display_order",
            [ids.into()],
        ))
        .await?;
    let mut urls = std::collections::HashMap::with_capacity(rows.len());
    for row in &rows {
        urls.insert(
            row.try_get::<Uuid>("", "product_id")?,
            row.try_get::<String>("", "url")?,
        );
    }
    for piece in &mut pieces {
        piece.image_url = urls.remove(&piece.id);
    }
    Ok(pieces)
}

fn piece(row: &sea_orm::QueryResult) -> Result<Piece, DbErr> {
    Ok(Piece {
        id: row.try_get("", "id")?,
        slug: row.try_get("", "slug")?,
        name: row.try_get("", "name")?,
        brand_name: row.try_get("", "brand_name")?,
        price: row.try_get("", "price")?,
        currency: row.try_get("", "currency")?,
        image_url: None,
        embedding: row
            .try_get::<Option<PgVector>>("", "product_embedding")?
            .map(|vector| vector.to_vec())
            .unwrap_or_default(),
    })
}
