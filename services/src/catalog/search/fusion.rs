//! Hybrid and vector search in one statement: the full-text ranking and the nearest
//! products to the query's embedding, fused by reciprocal rank, then one page of cards.
//!
//! The statement's parts (common table expressions):
//! - `lex`: the visible products matching every term and the filters, ranked as the
//!   full-text search ranks them, the first [`Fusion::depth`]; with no terms but some
//!   filters (a query that was all phrases, "black under $300"), the filtered products by
//!   featured and popular;
//! - `vec`: the visible products passing the filters nearest to the embedding (`<=>`,
//!   served by the HNSW index `idx_product_embedding`, with pgvector's iterative scan so
//!   filters still fill the list), the first [`Fusion::depth`] within
//!   [`Fusion::max_distance`];
//! - `sku`: the products whose SKU, or one of whose variants' SKU, the query names;
//! - `ranked`: the union, scored by [`Fusion`], exact matches first (a named SKU, then
//!   the exact name, then names and designers carrying every term), one page of it.
//!
//! The total is exact: the full-text matches, plus the near products that do not match
//! the text, plus named SKUs found neither way.

use sea_orm::{ConnectionTrait, DbErr, QueryResult, TransactionSession, TransactionTrait};

use super::SearchQuery;
use super::ranking::{
    MatchTerm, decorated, filter_conditions, match_conditions, name_pattern, name_rank,
};
use super::semantic::{Fusion, vector_literal};
use super::sql::{Binder, VISIBLE, count};

/// The parts of one fused search.
pub(super) struct Fused<'a> {
    pub(super) query: &'a SearchQuery,
    /// The terms matched in full text; `None` leaves the full-text side out.
    pub(super) terms: Option<&'a [MatchTerm]>,
    pub(super) embedding: Option<&'a [f32]>,
    /// SKUs named in the query (upper-cased).
    pub(super) skus: &'a [String],
    /// The query text searched (without its phrases), for the exact-name match.
    pub(super) text: &'a str,
    pub(super) fusion: Fusion,
    pub(super) limit: u32,
}

/// One page of fused results, best first, and how many there are.
pub(super) async fn fused_page<C>(
    db: &C,
    fused: &Fused<'_>,
) -> Result<(Vec<QueryResult>, u64), DbErr>
where
    C: ConnectionTrait + TransactionTrait,
{
    let Fused {
        query,
        terms,
        embedding,
        skus,
        text,
        fusion,
        limit,
    } = *fused;
    let mut binder = Binder::default();
    let depth = fusion.depth.max(query.offset + limit);
    let depth_param = binder.bind(i64::from(depth));
    let none = "SELECT NULL::uuid AS id, 0::bigint AS r, false AS strong, 0::bigint AS total \
                WHERE false";
    let lex = match terms {
        Some(terms) if !terms.is_empty() || !query.filters.is_empty() => {
            let conditions = match_conditions(query, terms, &mut binder);
            let rank = name_rank(terms, &mut binder);
            let strong = strong_match(terms, &mut binder);
            format!(
                "SELECT p.id, row_number() OVER (ORDER BY {rank} DESC, p.is_featured DESC, \
                   p.purchase_count DESC, p.id) AS r, {strong} AS strong, \
                   count(*) OVER () AS total \
                 FROM products p LEFT JOIN brands sb ON sb.id = p.brand_id \
                 WHERE {conditions} ORDER BY r LIMIT {depth_param}"
            )
        }
        _ => none.to_string(),
    };
    let vec = match embedding {
        Some(embedding) => {
            let lexical = match terms {
                Some(terms) if !terms.is_empty() => {
                    format!("({})", match_conditions(query, terms, &mut binder))
                }
                _ => "false".to_string(),
            };
            let vector = binder.bind(vector_literal(embedding));
            let filters = filter_conditions(&query.filters, &mut binder);
            let max_distance = binder.bind(fusion.max_distance);
            format!(
                "SELECT v.id, row_number() OVER (ORDER BY v.distance, v.id) AS r, v.lexical \
                 FROM (SELECT p.id, p.product_embedding <=> {vector}::vector AS distance, \
                   {lexical} AS lexical \
                   FROM products p WHERE {VISIBLE}{filters} \
                   AND p.product_embedding IS NOT NULL \
                   ORDER BY p.product_embedding <=> {vector}::vector LIMIT {depth_param}) v \
                 WHERE v.distance <= {max_distance}"
            )
        }
        None => "SELECT NULL::uuid AS id, 0::bigint AS r, false AS lexical WHERE false".into(),
    };
    let sku = if skus.is_empty() {
        "SELECT NULL::uuid AS id WHERE false".to_string()
    } else {
        let skus = binder.bind(skus.to_vec());
        format!(
            "SELECT p.id FROM products p WHERE {VISIBLE} AND (p.sku = ANY({skus}::text[]) \
               OR p.id = ANY(ARRAY(SELECT sv.product_id FROM product_variants sv \
                 WHERE sv.sku = ANY({skus}::text[]))))"
        )
    };
    let k = binder.bind(fusion.k);
    let lexical_weight = binder.bind(fusion.lexical_weight);
    let vector_weight = binder.bind(fusion.vector_weight);
    let tier = if fusion.exact_first {
        format!(
            "CASE WHEN o.sku THEN 3 WHEN lower(p.name) = {} THEN 2 WHEN o.strong THEN 1 \
             ELSE 0 END",
            binder.bind(text.to_lowercase())
        )
    } else {
        "0".to_string()
    };
    let offset = binder.bind(i64::from(query.offset));
    let page = binder.bind(i64::from(limit));
    let ctes = format!(
        "lex AS ({lex}), vec AS ({vec}), sku AS ({sku}), \
         fused AS (SELECT coalesce(l.id, v.id) AS id, \
           coalesce({lexical_weight}::float8 / ({k}::float8 + l.r), 0) \
           + coalesce({vector_weight}::float8 / ({k}::float8 + v.r), 0) AS score, \
           coalesce(l.strong, false) AS strong \
           FROM lex l FULL JOIN vec v ON v.id = l.id), \
         pool AS (SELECT coalesce(f.id, s.id) AS id, coalesce(f.score, 0) AS score, \
           coalesce(f.strong, false) AS strong, s.id IS NOT NULL AS sku \
           FROM fused f FULL JOIN sku s ON s.id = f.id), \
         ranked AS (SELECT o.id, o.score, {tier} AS tier, \
           (SELECT coalesce(max(total), 0) FROM lex) \
           + (SELECT count(*) FROM vec WHERE NOT lexical) \
           + (SELECT count(*) FROM sku WHERE id NOT IN (SELECT id FROM fused)) AS total \
           FROM pool o JOIN products p ON p.id = o.id \
           ORDER BY tier DESC, o.score DESC, o.id LIMIT {page} OFFSET {offset})"
    );
    let sql = decorated(
        &ctes,
        "k.tier DESC, k.score DESC, k.id",
        query.lang,
        &mut binder,
    );
    let statement = binder.statement(db, sql);
    let rows = if embedding.is_some() {
        // The HNSW scan keeps a candidate list of `ef_search` (40 by default), which
        // would cut the nearest products short of `depth`; the iterative scan goes on
        // past products the filters drop. Both for this statement only.
        let txn = db.begin().await?;
        txn.execute_unprepared(&format!(
            "SET LOCAL hnsw.ef_search = {}; SET LOCAL hnsw.iterative_scan = relaxed_order",
            depth.clamp(40, 1_000)
        ))
        .await?;
        let rows = txn.query_all_raw(statement).await?;
        txn.commit().await?;
        rows
    } else {
        db.query_all_raw(statement).await?
    };
    let total = match rows.first() {
        Some(row) => count(row, "total")?,
        // A page past the end: count on the first page's statement.
        None if query.offset > 0 => {
            let first = SearchQuery {
                offset: 0,
                ..query.clone()
            };
            let fused = Fused {
                query: &first,
                limit: 1,
                ..*fused
            };
            return Ok((Vec::new(), Box::pin(fused_page(db, &fused)).await?.1));
        }
        None => 0,
    };
    Ok((rows, total))
}

/// Whether the product's name or designer carries every term (as `strong`).
fn strong_match(terms: &[MatchTerm], binder: &mut Binder) -> String {
    if terms.is_empty() {
        return "false".to_string();
    }
    terms
        .iter()
        .map(|term| {
            let pattern = binder.bind(name_pattern(&term.term));
            format!("(lower(p.name) LIKE {pattern} OR lower(coalesce(sb.name, '')) LIKE {pattern})")
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}
