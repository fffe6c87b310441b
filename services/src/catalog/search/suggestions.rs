//! Instant suggestions while the shopper types: products, brands and categories whose
//! names contain the text or a word close to it.

use sea_orm::{ConnectionTrait, DbErr};

use super::highlight::{Segment, highlight};
use super::query::terms;
use super::sql::{Binder, VISIBLE, like_escape, translated};
use super::{
    MAX_QUERY_CHARS, MAX_SUGGESTIONS, MIN_FUZZY_SUGGEST_CHARS, MIN_PRODUCT_SUGGEST_CHARS,
    MIN_SUGGEST_CHARS,
};
use crate::catalog::listing::Lang;

/// What a suggestion points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionKind {
    Product,
    Brand,
    Category,
}

impl SuggestionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SuggestionKind::Product => "product",
            SuggestionKind::Brand => "brand",
            SuggestionKind::Category => "category",
        }
    }
}

/// One instant suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    pub label: String,
    /// Where choosing it goes, e.g. `/products/ivory-silk-gown`.
    pub href: String,
    /// The label, split into matched and unmatched runs.
    pub segments: Vec<Segment>,
}

/// Instant suggestions for what the shopper has typed so far: visible products (by name in
/// `lang`, else the base name), brands with visible products, and active categories, whose
/// names contain the text or a word close to it (pg_trgm word similarity, so small typos
/// still suggest). Names starting with the text come first. Fewer than
/// [`MIN_SUGGEST_CHARS`] characters suggest nothing; products need
/// [`MIN_PRODUCT_SUGGEST_CHARS`], typo tolerance [`MIN_FUZZY_SUGGEST_CHARS`].
pub async fn suggest(
    db: &impl ConnectionTrait,
    prefix: &str,
    lang: Option<Lang>,
    limit: u32,
) -> Result<Vec<Suggestion>, DbErr> {
    let text = prefix.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.to_lowercase();
    if text.chars().count() < MIN_SUGGEST_CHARS || text.chars().count() > MAX_QUERY_CHARS {
        return Ok(Vec::new());
    }
    let limit = i64::from(limit.clamp(1, MAX_SUGGESTIONS));
    let mut binder = Binder::default();
    let contains = binder.bind(format!("%{}%", like_escape(&text)));
    let starts = binder.bind(format!("{}%", like_escape(&text)));
    let word_starts = binder.bind(format!("% {}%", like_escape(&text)));
    let chars = text.chars().count();
    let side = binder.bind((limit / 3).max(2));
    let limit_bound = binder.bind(if chars >= MIN_PRODUCT_SUGGEST_CHARS {
        limit
    } else {
        0
    });
    let tier = |column: &str| {
        format!(
            "CASE WHEN lower({column}) LIKE {starts} THEN 0 \
             WHEN lower({column}) LIKE {word_starts} THEN 1 \
             WHEN lower({column}) LIKE {contains} THEN 2 ELSE 3 END"
        )
    };
    let fuzzy = (chars >= MIN_FUZZY_SUGGEST_CHARS).then(|| binder.bind(text.clone()));
    let close = |column: &str| match &fuzzy {
        Some(raw) => format!("(lower({column}) LIKE {contains} OR {raw} <% lower({column}))"),
        None => format!("lower({column}) LIKE {contains}"),
    };
    let (name, matching_ids, translation_join) = match translated(lang) {
        Some(lang) => {
            let lang = binder.bind(lang.code());
            (
                "COALESCE(t.name, p.name)",
                format!(
                    "SELECT mp.id FROM products mp WHERE mp.deleted_at IS NULL AND {} \
                     UNION SELECT mt.product_id FROM product_translations mt \
                     WHERE mt.status = 'APPROVED' AND mt.language_code = {lang} AND {}",
                    close("mp.name"),
                    close("mt.name")
                ),
                format!(
                    "LEFT JOIN product_translations t ON t.product_id = p.id \
                     AND t.language_code = {lang} AND t.status = 'APPROVED'"
                ),
            )
        }
        None => (
            "p.name",
            format!(
                "SELECT mp.id FROM products mp WHERE mp.deleted_at IS NULL AND {}",
                close("mp.name")
            ),
            String::new(),
        ),
    };
    let product_tier = tier(name);
    let brand_tier = tier("b.name");
    let category_tier = tier("c.name");
    let brand_close = close("b.name");
    let category_close = close("c.name");
    let sql = format!(
        "(SELECT 'brand' AS kind, b.name::text AS label, b.slug::text AS slug, \
           {brand_tier} AS tier, 0 AS weight FROM brands b \
           WHERE {brand_close} \
           AND EXISTS (SELECT 1 FROM products p WHERE p.brand_id = b.id AND {VISIBLE}) \
           ORDER BY tier, label LIMIT {side}) \
         UNION ALL \
         (SELECT 'category', c.name::text, c.slug::text, {category_tier}, 0 \
           FROM categories c WHERE c.is_active AND {category_close} \
           ORDER BY 4, 2 LIMIT {side}) \
         UNION ALL \
         (SELECT 'product', ({name})::text, p.slug::text, {product_tier}, p.purchase_count \
           FROM products p {translation_join} \
           WHERE p.id IN ({matching_ids}) AND {VISIBLE} \
           ORDER BY 4, 5 DESC, 2 LIMIT {limit_bound})"
    );
    let rows = db.query_all_raw(binder.statement(db, sql)).await?;
    let terms = terms(&text);
    let mut suggestions = Vec::with_capacity(rows.len());
    for row in rows {
        let kind = match row.try_get::<String>("", "kind")?.as_str() {
            "brand" => SuggestionKind::Brand,
            "category" => SuggestionKind::Category,
            _ => SuggestionKind::Product,
        };
        let label: String = row.try_get("", "label")?;
        let slug: String = row.try_get("", "slug")?;
        let tier: i32 = row.try_get("", "tier")?;
        let href = match kind {
            SuggestionKind::Product => format!("/products/{slug}"),
            SuggestionKind::Brand => format!("/brands/{slug}"),
            SuggestionKind::Category => format!("/categories/{slug}"),
        };
        suggestions.push((
            tier,
            Suggestion {
                kind,
                segments: highlight(&label, &terms),
                label,
                href,
            },
        ));
    }
    // Brands and categories first within a tier (they lead to many pieces), then products.
    suggestions.sort_by_key(|(tier, _)| *tier);
    Ok(suggestions
        .into_iter()
        .map(|(_, suggestion)| suggestion)
        .take(limit as usize)
        .collect())
}
