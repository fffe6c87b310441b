//! Which visible products match the planned terms and the filters, in what order, and how
//! many there are: one statement for a page of ranked cards with the total, one for the
//! count alone past the last page.

use sea_orm::{ConnectionTrait, DbErr, QueryResult};

use super::sql::{Binder, IN_STOCK, VISIBLE, count, like_escape, prefix_query, translated};
use super::{SearchFilters, SearchQuery};
use crate::catalog::listing::{Lang, ProductCard};

/// The document the GIN index `idx_products_search` is built on (migration 14).
const DOCUMENT: &str = "product_search_document(p.name, p.description, p.style_tags)";

/// `AND ...` conditions for the filters.
pub(super) fn filter_conditions(filters: &SearchFilters, binder: &mut Binder) -> String {
    let mut sql = String::new();
    if let Some(slug) = &filters.category {
        let slug = binder.bind(slug.clone());
        sql.push_str(&format!(
            " AND p.category_id IN (SELECT fc.id FROM categories fc WHERE fc.slug = {slug} \
             OR fc.parent_id IN (SELECT fp.id FROM categories fp WHERE fp.slug = {slug}))"
        ));
    }
    if let Some(slug) = &filters.brand {
        sql.push_str(&format!(
            " AND p.brand_id IN (SELECT fb.id FROM brands fb WHERE fb.slug = {})",
            binder.bind(slug.clone())
        ));
    }
    if let Some(min) = filters.min_price {
        sql.push_str(&format!(" AND p.price >= {}", binder.bind(min)));
    }
    if let Some(max) = filters.max_price {
        sql.push_str(&format!(" AND p.price <= {}", binder.bind(max)));
    }
    if filters.in_stock {
        sql.push_str(" AND ");
        sql.push_str(IN_STOCK);
    }
    if !filters.colors.is_empty() {
        sql.push_str(&format!(
            " AND p.color_analysis->>'family' = ANY({}::text[])",
            binder.bind(filters.colors.clone())
        ));
    }
    if !filters.sizes.is_empty() {
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM product_variants zv WHERE zv.product_id = p.id \
               AND zv.is_available AND zv.size = ANY({}::text[]))",
            binder.bind(filters.sizes.clone())
        ));
    }
    sql
}

/// A term as the results query matches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct MatchTerm {
    pub(super) term: String,
    pub(super) whole_word: bool,
    /// A brand name has a word starting with it.
    pub(super) brand: bool,
}

impl MatchTerm {
    /// The term for `to_tsquery('english', ..)`: exact for whole words, else a prefix.
    fn english(&self) -> String {
        if self.whole_word {
            self.term.clone()
        } else {
            prefix_query(&self.term)
        }
    }
}

/// The WHERE clause (over products `p`) for visible products matching every term and the
/// filters. Terms no brand name contains go into one AND-ed query over the document
/// (name, tags, description), which the GIN index answers in a single scan without
/// rechecking rows; for French and Italian, approved translations matching all of them
/// count too. A term naming a brand matches the brand's pieces or the document (the brand
/// lookup is an init-plan yielding ids, so the brand index can answer it).
pub(super) fn match_conditions(
    query: &SearchQuery,
    terms: &[MatchTerm],
    binder: &mut Binder,
) -> String {
    let mut sql = VISIBLE.to_string();
    let plain: Vec<&MatchTerm> = terms.iter().filter(|term| !term.brand).collect();
    if !plain.is_empty() {
        let english = plain
            .iter()
            .map(|term| term.english())
            .collect::<Vec<_>>()
            .join(" & ");
        sql.push_str(&format!(
            " AND ({DOCUMENT} @@ to_tsquery('english', {})",
            binder.bind(english)
        ));
        if let Some(lang) = translated(query.lang) {
            let simple = plain
                .iter()
                .map(|term| prefix_query(&term.term))
                .collect::<Vec<_>>()
                .join(" & ");
            sql.push_str(&format!(
                " OR p.id = ANY(ARRAY(SELECT t.product_id FROM product_translations t \
                   WHERE t.status = 'APPROVED' AND t.language_code = {} \
                   AND to_tsvector('simple', coalesce(t.name, '') || ' ' \
                     || coalesce(t.description, '')) @@ to_tsquery('simple', {})))",
                binder.bind(lang.code()),
                binder.bind(simple)
            ));
        }
        sql.push(')');
    }
    for term in terms.iter().filter(|term| term.brand) {
        let simple = binder.bind(prefix_query(&term.term));
        let english = binder.bind(term.english());
        sql.push_str(&format!(
            " AND (p.brand_id = ANY(ARRAY(SELECT b.id FROM brands b \
               WHERE to_tsvector('simple', b.name) @@ to_tsquery('simple', {simple}))) \
             OR {DOCUMENT} @@ to_tsquery('english', {english}))"
        ));
    }
    sql.push_str(&filter_conditions(&query.filters, binder));
    sql
}

/// A `LIKE` pattern finding the term (or its plural's singular) inside a name.
pub(super) fn name_pattern(term: &str) -> String {
    let stem = if term.chars().count() > 4 && term.ends_with("es") {
        &term[..term.len() - 2]
    } else if term.chars().count() > 3 && term.ends_with('s') {
        &term[..term.len() - 1]
    } else {
        term
    };
    format!("%{}%", like_escape(stem))
}

/// The rank of a match: how many terms the name contains (cheap on every match, unlike
/// ranking the whole document); callers break ties by featured and popular pieces.
pub(super) fn name_rank(terms: &[MatchTerm], binder: &mut Binder) -> String {
    if terms.is_empty() {
        return "0".to_string();
    }
    terms
        .iter()
        .map(|term| {
            format!(
                "(lower(p.name) LIKE {})::int",
                binder.bind(name_pattern(&term.term))
            )
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// One page of matching cards, best first, and the number of matches.
pub(super) async fn results_page(
    db: &impl ConnectionTrait,
    query: &SearchQuery,
    terms: &[MatchTerm],
    limit: u32,
) -> Result<(Vec<QueryResult>, u64), DbErr> {
    let mut binder = Binder::default();
    let conditions = match_conditions(query, terms, &mut binder);
    let rank = name_rank(terms, &mut binder);
    let limit = binder.bind(i64::from(limit));
    let offset = binder.bind(i64::from(query.offset));
    let ranked = format!(
        "ranked AS ( \
           SELECT p.id, {rank} AS rank, p.is_featured, p.purchase_count, \
             count(*) OVER () AS total \
           FROM products p WHERE {conditions} \
           ORDER BY rank DESC, p.is_featured DESC, p.purchase_count DESC, p.id \
           LIMIT {limit} OFFSET {offset})"
    );
    let sql = decorated(
        &ranked,
        "k.rank DESC, k.is_featured DESC, k.purchase_count DESC, p.id",
        query.lang,
        &mut binder,
    );
    let rows = db.query_all_raw(binder.statement(db, sql)).await?;
    let total = match rows.first() {
        Some(row) => count(row, "total")?,
        None if query.offset > 0 => count_matches(db, query, terms).await?,
        None => 0,
    };
    Ok((rows, total))
}

/// The statement decorating `ctes` (common table expressions, the last one `ranked`,
/// yielding `id`, `total` and the columns `order` sorts by, as `k`) into cards in the
/// query's language, with the description the snippet is cut from.
pub(super) fn decorated(
    ctes: &str,
    order: &str,
    lang: Option<Lang>,
    binder: &mut Binder,
) -> String {
    let (name, description, translation_join) = match translated(lang) {
        Some(lang) => (
            "COALESCE(t.name, p.name)",
            "COALESCE(t.description, p.description)",
            format!(
                "LEFT JOIN product_translations t ON t.product_id = p.id \
                 AND t.language_code = {} AND t.status = 'APPROVED'",
                binder.bind(lang.code())
            ),
        ),
        None => ("p.name", "p.description", String::new()),
    };
    format!(
        "WITH {ctes} \
         SELECT p.id, p.slug, {name} AS name, {description} AS description, \
           b.name AS brand_name, p.price, p.compare_at_price, p.currency, \
           m.url AS image_url, m.alt_text AS image_alt, r.avg_rating, r.review_count, \
           {IN_STOCK} AS in_stock, k.total \
         FROM ranked k JOIN products p ON p.id = k.id \
         LEFT JOIN brands b ON b.id = p.brand_id \
         LEFT JOIN LATERAL (SELECT round(avg(rv.rating), 4) AS avg_rating, \
           count(*) AS review_count FROM reviews rv \
           WHERE rv.product_id = p.id AND rv.status IN ('APPROVED', 'FLAGGED')) r ON TRUE \
         LEFT JOIN LATERAL (SELECT pm.url, pm.alt_text FROM product_media pm \
           WHERE pm.product_id = p.id \
           ORDER BY pm.is_primary DESC, pm.display_order, pm.id LIMIT 1) m ON TRUE \
         {translation_join} \
         ORDER BY {order}"
    )
}

/// The number of matches alone (for a page past the end).
async fn count_matches(
    db: &impl ConnectionTrait,
    query: &SearchQuery,
    terms: &[MatchTerm],
) -> Result<u64, DbErr> {
    let mut binder = Binder::default();
    let conditions = match_conditions(query, terms, &mut binder);
    let sql = format!("SELECT count(*) AS total FROM products p WHERE {conditions}");
    match db.query_one_raw(binder.statement(db, sql)).await? {
        Some(row) => count(&row, "total"),
        None => Ok(0),
    }
}

pub(super) fn card(row: &QueryResult) -> Result<ProductCard, DbErr> {
    Ok(ProductCard {
        id: row.try_get("", "id")?,
        slug: row.try_get("", "slug")?,
        name: row.try_get("", "name")?,
        brand_name: row.try_get("", "brand_name")?,
        price: row.try_get("", "price")?,
        compare_at_price: row.try_get("", "compare_at_price")?,
        currency: row.try_get("", "currency")?,
        image_url: row.try_get("", "image_url")?,
        image_alt: row.try_get("", "image_alt")?,
        average_rating: row.try_get("", "avg_rating")?,
        review_count: count(row, "review_count")?,
        in_stock: row.try_get("", "in_stock")?,
    })
}
