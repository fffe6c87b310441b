//! The visible catalogue's filterable attributes, read in one statement and counted in
//! memory: a listing's total, price range, in-stock count and facet counts.
//!
//! On 10,000 products the same counts were five SQL aggregates (three of them hash joins
//! of every variant sorted for `count(DISTINCT …)`), ~60 ms a listing whose filters the
//! cache had not seen. The index holds per product only what the filters read (category
//! and its parent, brand, collections, price, the flags, and the distinct sizes, colours
//! and materials of its variants), with every name stored once. [`super::ListingCache`]
//! keeps one for its time to live; without a cache each listing reads its own.

use std::collections::HashMap;

use sea_orm::prelude::Decimal;
use sea_orm::{ConnectionTrait, DbErr, Statement};

use super::facets::{FacetCount, Facets};
use super::sql::{IN_STOCK, VISIBLE};
use super::{Aggregates, ListingQuery};

/// Filter dimensions, so a facet can leave its own out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dim {
    Category,
    Brand,
    Price,
    Size,
    Color,
    Material,
    InStock,
}

/// Names stored once; products refer to them by position.
#[derive(Debug, Default)]
struct Names {
    positions: HashMap<String, u32>,
    /// (value in the query string, label)
    names: Vec<(String, String)>,
}

impl Names {
    fn intern(&mut self, value: String, label: String) -> u32 {
        if let Some(position) = self.positions.get(&value) {
            return *position;
        }
        let position = self.names.len() as u32;
        self.positions.insert(value.clone(), position);
        self.names.push((value, label));
        position
    }

    /// The position of `value`, if any product has it.
    fn find(&self, value: &str) -> Option<u32> {
        self.positions.get(value).copied()
    }

    /// Any of `values`' positions (values no product has match nothing).
    fn find_all(&self, values: &[String]) -> Vec<u32> {
        values.iter().filter_map(|value| self.find(value)).collect()
    }

    /// Counts by position into facet values, those counted at least once.
    fn facet(&self, counts: &[u64]) -> Vec<FacetCount> {
        counts
            .iter()
            .enumerate()
            .filter(|(_, count)| **count > 0)
            .map(|(position, count)| FacetCount {
                value: self.names[position].0.clone(),
                label: self.names[position].1.clone(),
                count: *count,
            })
            .collect()
    }
}

/// One visible product, as the filters see it.
#[derive(Debug)]
struct Entry {
    price: Decimal,
    category: Option<u32>,
    /// The category's parent (a category filter matches its children too).
    parent: Option<u32>,
    brand: Option<u32>,
    collections: Vec<u32>,
    sizes: Vec<u32>,
    colors: Vec<u32>,
    materials: Vec<u32>,
    in_stock: bool,
    sustainable: bool,
    exclusive: bool,
    limited: bool,
}

#[derive(Debug, Default)]
pub(super) struct FacetIndex {
    products: Vec<Entry>,
    /// Categories by slug (labels: names); parents share it.
    categories: Names,
    brands: Names,
    collections: Names,
    sizes: Names,
    colors: Names,
    materials: Names,
}

/// A query's filters resolved against the index's names.
struct Filter<'a> {
    query: &'a ListingQuery,
    /// `None`: no such filter; `Some(None)`: a slug no visible product has.
    category: Option<Option<u32>>,
    brand: Option<Option<u32>>,
    collection: Option<Option<u32>>,
    sizes: Vec<u32>,
    colors: Vec<u32>,
    materials: Vec<u32>,
}

fn any_of(values: &[u32], wanted: &[u32]) -> bool {
    values.iter().any(|value| wanted.contains(value))
}

impl Filter<'_> {
    fn price_ok(&self, entry: &Entry) -> bool {
        self.query.min_price.is_none_or(|min| entry.price >= min)
            && self.query.max_price.is_none_or(|max| entry.price <= max)
    }

    /// Whether `entry` passes every filter but those of the `skip` dimensions.
    fn matches(&self, entry: &Entry, skip: Dim) -> bool {
        let query = self.query;
        (skip == Dim::Category
            || self.category.is_none_or(|wanted| {
                wanted.is_some() && (entry.category == wanted || entry.parent == wanted)
            }))
            && (skip == Dim::Brand
                || self
                    .brand
                    .is_none_or(|wanted| wanted.is_some() && entry.brand == wanted))
            && self.collection.is_none_or(|wanted| {
                wanted.is_some_and(|wanted| entry.collections.contains(&wanted))
            })
            && (skip == Dim::Price || self.price_ok(entry))
            && (skip == Dim::Size || query.sizes.is_empty() || any_of(&entry.sizes, &self.sizes))
            && (skip == Dim::Color
                || query.colors.is_empty()
                || any_of(&entry.colors, &self.colors))
            && (skip == Dim::Material
                || query.materials.is_empty()
                || any_of(&entry.materials, &self.materials))
            && (skip == Dim::InStock || !query.in_stock || entry.in_stock)
            && (!query.sustainable || entry.sustainable)
            && (!query.exclusive || entry.exclusive)
            && (!query.limited || entry.limited)
    }
}

impl FacetIndex {
    /// Reads the visible catalogue's attributes in one statement.
    pub(super) async fn load(db: &impl ConnectionTrait) -> Result<FacetIndex, DbErr> {
        let distinct = |column: &str| {
            format!(
                "ARRAY(SELECT DISTINCT v.{column}::text FROM product_variants v \
                 WHERE v.product_id = p.id AND v.{column} IS NOT NULL) AS {column}s"
            )
        };
        let sql = format!(
            "SELECT p.price, c.slug::text AS category_slug, c.name::text AS category_name, \
             pc.slug::text AS parent_slug, pc.name::text AS parent_name, \
             b.slug::text AS brand_slug, b.name::text AS brand_name, \
             ARRAY(SELECT co.slug::text FROM collection_products cp \
               JOIN collections co ON co.id = cp.collection_id \
               WHERE cp.product_id = p.id) AS collections, \
             {}, {}, {}, {IN_STOCK} AS in_stock, \
             'sustainable' = ANY(p.style_tags) AS sustainable, \
             p.is_exclusive, p.is_limited_edition \
             FROM products p \
             LEFT JOIN categories c ON c.id = p.category_id \
             LEFT JOIN categories pc ON pc.id = c.parent_id \
             LEFT JOIN brands b ON b.id = p.brand_id \
             WHERE {VISIBLE}",
            distinct("size"),
            distinct("color"),
            distinct("material"),
        );
        let rows = db
            .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
            .await?;
        let mut index = FacetIndex::default();
        index.products.reserve(rows.len());
        for row in rows {
            let named = |slug: Option<String>, name: Option<String>, names: &mut Names| {
                slug.map(|slug| {
                    let label = name.unwrap_or_else(|| slug.clone());
                    names.intern(slug, label)
                })
            };
            let each = |values: Vec<String>, names: &mut Names| -> Vec<u32> {
                values
                    .into_iter()
                    .map(|value| names.intern(value.clone(), value))
                    .collect()
            };
            let entry = Entry {
                price: row.try_get("", "price")?,
                category: named(
                    row.try_get("", "category_slug")?,
                    row.try_get("", "category_name")?,
                    &mut index.categories,
                ),
                parent: named(
                    row.try_get("", "parent_slug")?,
                    row.try_get("", "parent_name")?,
                    &mut index.categories,
                ),
                brand: named(
                    row.try_get("", "brand_slug")?,
                    row.try_get("", "brand_name")?,
                    &mut index.brands,
                ),
                collections: each(row.try_get("", "collections")?, &mut index.collections),
                sizes: each(row.try_get("", "sizes")?, &mut index.sizes),
                colors: each(row.try_get("", "colors")?, &mut index.colors),
                materials: each(row.try_get("", "materials")?, &mut index.materials),
                in_stock: row.try_get("", "in_stock")?,
                sustainable: row
                    .try_get::<Option<bool>>("", "sustainable")?
                    .unwrap_or(false),
                exclusive: row.try_get("", "is_exclusive")?,
                limited: row.try_get("", "is_limited_edition")?,
            };
            index.products.push(entry);
        }
        Ok(index)
    }

    fn filter<'a>(&self, query: &'a ListingQuery) -> Filter<'a> {
        Filter {
            query,
            category: query.category.as_deref().map(|s| self.categories.find(s)),
            brand: query.brand.as_deref().map(|s| self.brands.find(s)),
            collection: query
                .collection
                .as_deref()
                .map(|s| self.collections.find(s)),
            sizes: self.sizes.find_all(&query.sizes),
            colors: self.colors.find_all(&query.colors),
            materials: self.materials.find_all(&query.materials),
        }
    }

    /// The total, price range, in-stock count and facet counts for `query`'s filters.
    pub(super) fn aggregates(&self, query: &ListingQuery) -> Aggregates {
        let filter = self.filter(query);
        let mut total = 0;
        let mut in_stock = 0;
        let (mut price_min, mut price_max) = (None::<Decimal>, None::<Decimal>);
        let mut categories = vec![0; self.categories.names.len()];
        let mut brands = vec![0; self.brands.names.len()];
        let mut sizes = vec![0; self.sizes.names.len()];
        let mut colors = vec![0; self.colors.names.len()];
        let mut materials = vec![0; self.materials.names.len()];
        for entry in &self.products {
            if filter.matches(entry, Dim::Price) {
                // The price range is shown without the price filter.
                price_min = Some(price_min.map_or(entry.price, |min| min.min(entry.price)));
                price_max = Some(price_max.map_or(entry.price, |max| max.max(entry.price)));
                if filter.price_ok(entry) {
                    total += 1;
                }
            }
            if entry.in_stock && filter.matches(entry, Dim::InStock) {
                in_stock += 1;
            }
            for (dim, counts, values) in [
                (Dim::Size, &mut sizes, &entry.sizes),
                (Dim::Color, &mut colors, &entry.colors),
                (Dim::Material, &mut materials, &entry.materials),
            ] {
                if !values.is_empty() && filter.matches(entry, dim) {
                    for value in values {
                        counts[*value as usize] += 1;
                    }
                }
            }
            if let Some(category) = entry.category
                && filter.matches(entry, Dim::Category)
            {
                categories[category as usize] += 1;
            }
            if let Some(brand) = entry.brand
                && filter.matches(entry, Dim::Brand)
            {
                brands[brand as usize] += 1;
            }
        }
        let mut facets = Facets {
            categories: self.categories.facet(&categories),
            brands: self.brands.facet(&brands),
            sizes: self.sizes.facet(&sizes),
            colors: self.colors.facet(&colors),
            materials: self.materials.facet(&materials),
            price_min,
            price_max,
            in_stock,
        };
        facets.order();
        Aggregates { total, facets }
    }
}
