//! Facet counts: for each filter dimension, the values and how many products match with
//! each, counting every filter but the dimension's own.

use sea_orm::prelude::Decimal;
use sea_orm::{ConnectionTrait, DbErr};

use super::ListingQuery;
use super::sql::{Binder, Dim, conditions, count, statement};

/// A facet value and how many products match with it (and all the other filters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    /// What goes into the query string (a slug for categories and brands).
    pub value: String,
    pub label: String,
    pub count: u64,
}

/// Counts per filter value. Each dimension is counted with every filter applied except
/// its own.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facets {
    /// Leaf categories (products hang off leaves), by name.
    pub categories: Vec<FacetCount>,
    pub brands: Vec<FacetCount>,
    pub sizes: Vec<FacetCount>,
    pub colors: Vec<FacetCount>,
    pub materials: Vec<FacetCount>,
    pub price_min: Option<Decimal>,
    pub price_max: Option<Decimal>,
    /// Products that would match with `in_stock` set.
    pub in_stock: u64,
}

/// Category, brand, size, colour and material counts, in one statement.
pub(super) async fn facets(
    db: &impl ConnectionTrait,
    query: &ListingQuery,
) -> Result<Facets, DbErr> {
    let mut binder = Binder::default();
    let mut parts = Vec::new();
    let filter = conditions(query, &[Dim::Category], &mut binder);
    parts.push(format!(
        "SELECT 'category'::text AS dim, c.slug::text AS value, c.name::text AS label, \
         count(*) AS n FROM products p JOIN categories c ON c.id = p.category_id \
         WHERE {filter} GROUP BY c.slug, c.name"
    ));
    let filter = conditions(query, &[Dim::Brand], &mut binder);
    parts.push(format!(
        "SELECT 'brand'::text, b.slug::text, b.name::text, count(*) \
         FROM products p JOIN brands b ON b.id = p.brand_id \
         WHERE {filter} GROUP BY b.slug, b.name"
    ));
    for (dim, column) in [
        (Dim::Size, "size"),
        (Dim::Color, "color"),
        (Dim::Material, "material"),
    ] {
        let filter = conditions(query, &[dim], &mut binder);
        parts.push(format!(
            "SELECT '{column}'::text, v.{column}::text, v.{column}::text, \
             count(DISTINCT p.id) FROM products p \
             JOIN product_variants v ON v.product_id = p.id \
             WHERE {filter} AND v.{column} IS NOT NULL GROUP BY v.{column}"
        ));
    }
    let sql = parts
        .into_iter()
        .map(|part| format!("({part})"))
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let rows = db.query_all_raw(statement(db, sql, binder)).await?;
    let mut facets = Facets::default();
    for row in &rows {
        let dim: String = row.try_get("", "dim")?;
        let entry = FacetCount {
            value: row.try_get("", "value")?,
            label: row.try_get("", "label")?,
            count: count(row, "n")?,
        };
        match dim.as_str() {
            "category" => facets.categories.push(entry),
            "brand" => facets.brands.push(entry),
            "size" => facets.sizes.push(entry),
            "color" => facets.colors.push(entry),
            _ => facets.materials.push(entry),
        }
    }
    for list in [
        &mut facets.categories,
        &mut facets.brands,
        &mut facets.colors,
        &mut facets.materials,
    ] {
        list.sort_by(|a, b| a.label.cmp(&b.label).then_with(|| a.value.cmp(&b.value)));
    }
    facets
        .sizes
        .sort_by_cached_key(|facet| size_rank(&facet.value));
    Ok(facets)
}

/// Letter sizes in their natural order, then numeric sizes by number, then the rest.
fn size_rank(size: &str) -> (u8, u64, String) {
    const LETTERS: [&str; 8] = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL"];
    if let Some(index) = LETTERS.iter().position(|letter| *letter == size) {
        return (0, index as u64, String::new());
    }
    if let Ok(number) = size.parse::<u64>() {
        return (1, number, String::new());
    }
    (2, 0, size.to_string())
}
