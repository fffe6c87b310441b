//! The listing's SQL: the WHERE clause for a query's filters, the keyset condition after
//! a cursor, and the page statement. Every value is a bound parameter.

use chrono::{DateTime, FixedOffset};
use sea_orm::prelude::Decimal;
use sea_orm::{ConnectionTrait, DbErr, QueryResult, Statement, Value};

use super::cursor::{Cursor, KeyKind, KeyValue, SortKey};
use super::{Lang, ListingQuery, ProductCard, Sort};

/// Collects bound values and hands out their `$n` placeholders.
#[derive(Default)]
pub(super) struct Binder {
    values: Vec<Value>,
}

impl Binder {
    fn bind(&mut self, value: impl Into<Value>) -> String {
        self.values.push(value.into());
        format!("${}", self.values.len())
    }

    fn bind_list(&mut self, values: &[String]) -> String {
        values
            .iter()
            .map(|value| self.bind(value.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

pub(super) const VISIBLE: &str = crate::catalog::storefront_visible!();

pub(super) const IN_STOCK: &str = "EXISTS (SELECT 1 FROM product_variants sv WHERE sv.product_id = p.id \
     AND sv.is_available AND sv.inventory_quantity - sv.inventory_reserved > 0)";

fn variant_condition(column: &str, values: &[String], binder: &mut Binder) -> String {
    format!(
        "EXISTS (SELECT 1 FROM product_variants fv WHERE fv.product_id = p.id \
         AND fv.{column} IN ({}))",
        binder.bind_list(values)
    )
}

/// The WHERE clause (without `WHERE`) for visible products matching every filter of
/// `query`.
fn conditions(query: &ListingQuery, binder: &mut Binder) -> String {
    let mut parts = vec![VISIBLE.to_string()];
    if let Some(slug) = &query.category {
        let slug = binder.bind(slug.clone());
        parts.push(format!(
            "p.category_id IN (SELECT fc.id FROM categories fc WHERE fc.slug = {slug} \
             OR fc.parent_id IN (SELECT fp.id FROM categories fp WHERE fp.slug = {slug}))"
        ));
    }
    if let Some(slug) = &query.brand {
        parts.push(format!(
            "p.brand_id IN (SELECT fb.id FROM brands fb WHERE fb.slug = {})",
            binder.bind(slug.clone())
        ));
    }
    if let Some(slug) = &query.collection {
        parts.push(format!(
            "EXISTS (SELECT 1 FROM collection_products fcp JOIN collections fco \
             ON fco.id = fcp.collection_id WHERE fcp.product_id = p.id AND fco.slug = {})",
            binder.bind(slug.clone())
        ));
    }
    if let Some(min) = query.min_price {
        parts.push(format!("p.price >= {}", binder.bind(min)));
    }
    if let Some(max) = query.max_price {
        parts.push(format!("p.price <= {}", binder.bind(max)));
    }
    for (column, values) in [
        ("size", &query.sizes),
        ("color", &query.colors),
        ("material", &query.materials),
    ] {
        if !values.is_empty() {
            parts.push(variant_condition(column, values, binder));
        }
    }
    if query.in_stock {
        parts.push(IN_STOCK.to_string());
    }
    if query.sustainable {
        parts.push("'sustainable' = ANY(p.style_tags)".to_string());
    }
    if query.exclusive {
        parts.push("p.is_exclusive".to_string());
    }
    if query.limited {
        parts.push("p.is_limited_edition".to_string());
    }
    parts.join(" AND ")
}

/// "Comes after the cursor" for the sort's keys followed by `id ASC`.
fn keyset_condition(cursor: &Cursor, binder: &mut Binder) -> String {
    let keys = cursor.sort.keys();
    let mut alternatives = Vec::new();
    // Equalities on the keys before position i, as SQL.
    let mut equal_prefix: Vec<String> = Vec::new();
    for (key, value) in keys.iter().zip(&cursor.keys) {
        let expr = key.expr();
        let after = match value {
            // NULLS LAST: nothing but other NULLs comes after a NULL, and those are equal.
            KeyValue::Null => None,
            value => {
                let placeholder = binder.bind(value.clone().into_value());
                let op = if key.descending() { "<" } else { ">" };
                Some(if key.nullable() {
                    format!("({expr} {op} {placeholder} OR {expr} IS NULL)")
                } else {
                    format!("{expr} {op} {placeholder}")
                })
            }
        };
        if let Some(after) = after {
            let mut terms = equal_prefix.clone();
            terms.push(after);
            alternatives.push(format!("({})", terms.join(" AND ")));
        }
        equal_prefix.push(match value {
            KeyValue::Null => format!("{expr} IS NULL"),
            value => format!("{expr} = {}", binder.bind(value.clone().into_value())),
        });
    }
    let mut terms = equal_prefix;
    terms.push(format!("p.id > {}", binder.bind(cursor.id)));
    alternatives.push(format!("({})", terms.join(" AND ")));
    format!("({})", alternatives.join(" OR "))
}

pub(super) fn statement(db: &impl ConnectionTrait, sql: String, binder: Binder) -> Statement {
    Statement::from_sql_and_values(db.get_database_backend(), sql, binder.values)
}

pub(super) fn count(row: &QueryResult, column: &str) -> Result<u64, DbErr> {
    Ok(row.try_get::<i64>("", column)?.max(0) as u64)
}

fn key_value(row: &QueryResult, key: SortKey) -> Result<KeyValue, DbErr> {
    let alias = key.alias();
    Ok(match key.kind() {
        KeyKind::Bool => KeyValue::Bool(row.try_get::<bool>("", alias)?),
        KeyKind::Time => row
            .try_get::<Option<DateTime<FixedOffset>>>("", alias)?
            .map_or(KeyValue::Null, KeyValue::Time),
        KeyKind::Decimal => row
            .try_get::<Option<Decimal>>("", alias)?
            .map_or(KeyValue::Null, KeyValue::Decimal),
        KeyKind::Int => match key {
            SortKey::PurchaseCount => KeyValue::Int(row.try_get::<i32>("", alias)?.into()),
            _ => KeyValue::Int(row.try_get::<i64>("", alias)?),
        },
    })
}

pub(super) async fn page(
    db: &impl ConnectionTrait,
    query: &ListingQuery,
    limit: u32,
) -> Result<(Vec<ProductCard>, Option<String>), DbErr> {
    let mut binder = Binder::default();
    let sort = query.sort;
    let translated = matches!(query.lang, Some(Lang::Fr | Lang::It));
    let (name, translation_join) = match query.lang.filter(|_| translated) {
        Some(lang) => (
            "COALESCE(t.name, p.name)",
            format!(
                "LEFT JOIN product_translations t ON t.product_id = p.id \
                 AND t.language_code = {} AND t.status = 'APPROVED'",
                binder.bind(lang.code())
            ),
        ),
        None => ("p.name", String::new()),
    };
    let mut filter = conditions(query, &mut binder);
    if let Some(cursor) = &query.cursor {
        filter.push_str(" AND ");
        filter.push_str(&keyset_condition(cursor, &mut binder));
    }
    let mut key_columns = String::new();
    let mut order_by = Vec::new();
    for key in sort.keys() {
        key_columns.push_str(&format!(", {} AS {}", key.expr(), key.alias()));
        order_by.push(key.order_by());
    }
    order_by.push("p.id ASC".to_string());
    let fetch = binder.bind(i64::from(limit) + 1);
    // Ratings are computed in the inner query only when the sort needs them; the inner
    // query picks the page's ids, the outer one decorates those few rows.
    let ratings = "LEFT JOIN LATERAL (SELECT round(avg(rv.rating), 4) AS avg_rating, \
           count(*) AS review_count FROM reviews rv \
           WHERE rv.product_id = p.id AND rv.status IN ('APPROVED', 'FLAGGED')) r ON TRUE";
    let inner_ratings = if sort == Sort::TopRated { ratings } else { "" };
    let order_by = order_by.join(", ");
    let sql = format!(
        "SELECT p.id, p.slug, {name} AS name, b.name AS brand_name, p.price, \
         p.compare_at_price, p.currency, m.url AS image_url, m.alt_text AS image_alt, \
         r.avg_rating, r.review_count, {IN_STOCK} AS in_stock{key_columns} \
         FROM (SELECT p.id FROM products p {inner_ratings} \
           WHERE {filter} ORDER BY {order_by} LIMIT {fetch}) pg \
         JOIN products p ON p.id = pg.id \
         LEFT JOIN brands b ON b.id = p.brand_id \
         {ratings} \
         LEFT JOIN LATERAL (SELECT pm.url, pm.alt_text FROM product_media pm \
           WHERE pm.product_id = p.id \
           ORDER BY pm.is_primary DESC, pm.display_order, pm.id LIMIT 1) m ON TRUE \
         {translation_join} \
         ORDER BY {order_by}"
    );
    let rows = db.query_all_raw(statement(db, sql, binder)).await?;
    let has_more = rows.len() > limit as usize;
    let mut cards = Vec::with_capacity(rows.len().min(limit as usize));
    let mut next_cursor = None;
    for (index, row) in rows.iter().take(limit as usize).enumerate() {
        let card = ProductCard {
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
        };
        if has_more && index + 1 == limit as usize {
            let keys = sort
                .keys()
                .iter()
                .map(|key| key_value(row, *key))
                .collect::<Result<Vec<_>, DbErr>>()?;
            next_cursor = Some(
                Cursor {
                    sort,
                    keys,
                    id: card.id,
                }
                .encode(),
            );
        }
        cards.push(card);
    }
    Ok((cards, next_cursor))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::listing::Sort;
    use sea_orm::prelude::Uuid;

    #[test]
    fn keyset_condition_binds_every_value() {
        let cursor = Cursor {
            sort: Sort::Featured,
            keys: vec![
                KeyValue::Bool(false),
                KeyValue::Null,
                KeyValue::Time(DateTime::parse_from_rfc3339("2025-01-01T00:00:00Z").unwrap()),
            ],
            id: Uuid::nil(),
        };
        let mut binder = Binder::default();
        let sql = keyset_condition(&cursor, &mut binder);
        assert!(!sql.contains("2025"));
        assert!(sql.contains("p.featured_at IS NULL"));
        assert_eq!(binder.values.len(), 5);
    }
}
