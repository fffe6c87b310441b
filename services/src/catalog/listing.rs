//! Product listings: filters, facets, sorts and cursor pagination.
//!
//! [`ListingQuery::from_pairs`] parses the query string of `/products` (and the category,
//! brand and collection pages); [`list_products`] turns it into one page of product cards,
//! the total and the facet counts with three SQL statements (page, totals, facets), all
//! with bound parameters only.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, FixedOffset, SecondsFormat};
use sea_orm::prelude::{Decimal, Uuid};
use sea_orm::{ConnectionTrait, DbErr, QueryResult, Statement, Value};
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Largest page [`list_products`] returns, whatever the caller asks for.
pub const MAX_LIMIT: u32 = 100;

/// Why a listing query string was refused. Each message names the parameter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListingQueryError {
    #[error("{0} must be a number")]
    NotANumber(&'static str),
    #[error("{0} must not be negative")]
    Negative(&'static str),
    #[error("min_price must not be greater than max_price")]
    PriceRange,
    #[error("{0} must be `true` or `1` (or `false` / `0`)")]
    NotABoolean(&'static str),
    #[error("{0} must be a slug (lowercase letters, digits and dashes)")]
    NotASlug(&'static str),
    #[error("{0} is too long")]
    TooLong(&'static str),
    #[error("unknown sort `{0}`")]
    UnknownSort(String),
    #[error("unknown lang `{0}` (expected en, fr or it)")]
    UnknownLang(String),
    #[error("cursor is not valid")]
    BadCursor,
    #[error("cursor belongs to another sort")]
    CursorSortMismatch,
}

/// The orders a listing can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    #[default]
    Featured,
    Newest,
    PriceAsc,
    PriceDesc,
    BestSelling,
    TopRated,
}

impl Sort {
    pub const ALL: [Sort; 6] = [
        Sort::Featured,
        Sort::Newest,
        Sort::PriceAsc,
        Sort::PriceDesc,
        Sort::BestSelling,
        Sort::TopRated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Featured => "featured",
            Sort::Newest => "newest",
            Sort::PriceAsc => "price_asc",
            Sort::PriceDesc => "price_desc",
            Sort::BestSelling => "best_selling",
            Sort::TopRated => "top_rated",
        }
    }

    pub fn parse(text: &str) -> Result<Sort, ListingQueryError> {
        Sort::ALL
            .into_iter()
            .find(|sort| sort.as_str() == text)
            .ok_or_else(|| ListingQueryError::UnknownSort(text.to_string()))
    }

    /// The sort keys before the final `id ASC` tie-break.
    fn keys(self) -> &'static [SortKey] {
        use SortKey::*;
        match self {
            Sort::Featured => &[IsFeatured, FeaturedAt, PublishedAt],
            Sort::Newest => &[PublishedAt],
            Sort::PriceAsc => &[PriceAsc],
            Sort::PriceDesc => &[PriceDesc],
            Sort::BestSelling => &[PurchaseCount],
            Sort::TopRated => &[AvgRating, ReviewCount],
        }
    }
}

/// The storefront's languages: the same type the UI text is chosen by.
pub use domain::locale::Locale as Lang;

/// A `lang` query parameter: en, fr or it.
pub fn parse_lang(text: &str) -> Result<Lang, ListingQueryError> {
    Lang::parse(text).ok_or_else(|| ListingQueryError::UnknownLang(text.to_string()))
}

/// One sort key column: its SQL expression, direction and what a cursor stores for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortKey {
    IsFeatured,
    FeaturedAt,
    PublishedAt,
    PriceAsc,
    PriceDesc,
    PurchaseCount,
    AvgRating,
    ReviewCount,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyKind {
    Bool,
    Time,
    Decimal,
    Int,
}

impl SortKey {
    /// Column of the page query's result (and expression usable in its WHERE clause).
    fn expr(self) -> &'static str {
        match self {
            SortKey::IsFeatured => "p.is_featured",
            SortKey::FeaturedAt => "p.featured_at",
            SortKey::PublishedAt => "p.published_at",
            SortKey::PriceAsc | SortKey::PriceDesc => "p.price",
            SortKey::PurchaseCount => "p.purchase_count",
            SortKey::AvgRating => "r.avg_rating",
            SortKey::ReviewCount => "r.review_count",
        }
    }

    fn alias(self) -> &'static str {
        match self {
            SortKey::IsFeatured => "k_is_featured",
            SortKey::FeaturedAt => "k_featured_at",
            SortKey::PublishedAt => "k_published_at",
            SortKey::PriceAsc | SortKey::PriceDesc => "k_price",
            SortKey::PurchaseCount => "k_purchase_count",
            SortKey::AvgRating => "k_avg_rating",
            SortKey::ReviewCount => "k_review_count",
        }
    }

    fn descending(self) -> bool {
        !matches!(self, SortKey::PriceAsc)
    }

    /// Nullable keys sort NULLS LAST; the others are never NULL for a visible product.
    fn nullable(self) -> bool {
        matches!(self, SortKey::FeaturedAt | SortKey::AvgRating)
    }

    fn kind(self) -> KeyKind {
        match self {
            SortKey::IsFeatured => KeyKind::Bool,
            SortKey::FeaturedAt | SortKey::PublishedAt => KeyKind::Time,
            SortKey::PriceAsc | SortKey::PriceDesc | SortKey::AvgRating => KeyKind::Decimal,
            SortKey::PurchaseCount | SortKey::ReviewCount => KeyKind::Int,
        }
    }

    fn order_by(self) -> String {
        let direction = if self.descending() { "DESC" } else { "ASC" };
        let nulls = if self.nullable() { " NULLS LAST" } else { "" };
        format!("{} {direction}{nulls}", self.expr())
    }
}

/// A typed sort key value carried by a cursor.
#[derive(Debug, Clone, PartialEq)]
enum KeyValue {
    Null,
    Bool(bool),
    Time(DateTime<FixedOffset>),
    Decimal(Decimal),
    Int(i64),
}

impl KeyValue {
    fn to_json(&self) -> serde_json::Value {
        match self {
            KeyValue::Null => serde_json::Value::Null,
            KeyValue::Bool(value) => serde_json::Value::Bool(*value),
            KeyValue::Time(value) => value.to_rfc3339_opts(SecondsFormat::AutoSi, true).into(),
            KeyValue::Decimal(value) => value.to_string().into(),
            KeyValue::Int(value) => serde_json::Value::from(*value),
        }
    }

    fn from_json(kind: KeyKind, value: &serde_json::Value) -> Option<KeyValue> {
        use serde_json::Value as J;
        Some(match (kind, value) {
            (_, J::Null) => KeyValue::Null,
            (KeyKind::Bool, J::Bool(flag)) => KeyValue::Bool(*flag),
            (KeyKind::Time, J::String(text)) => {
                KeyValue::Time(DateTime::parse_from_rfc3339(text).ok()?)
            }
            (KeyKind::Decimal, J::String(text)) => KeyValue::Decimal(Decimal::from_str(text).ok()?),
            (KeyKind::Int, J::Number(number)) => KeyValue::Int(number.as_i64()?),
            _ => return None,
        })
    }

    fn into_value(self) -> Value {
        match self {
            KeyValue::Null => Value::Bool(None),
            KeyValue::Bool(value) => value.into(),
            KeyValue::Time(value) => value.into(),
            KeyValue::Decimal(value) => value.into(),
            KeyValue::Int(value) => value.into(),
        }
    }
}

/// Where the next page starts: the sort key values and id of the last card shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
    sort: Sort,
    keys: Vec<KeyValue>,
    id: Uuid,
}

impl Cursor {
    /// Opaque text: base64url (no padding) of a small JSON document.
    pub fn encode(&self) -> String {
        let document = serde_json::json!({
            "s": self.sort.as_str(),
            "k": self.keys.iter().map(KeyValue::to_json).collect::<Vec<_>>(),
            "id": self.id.to_string(),
        });
        URL_SAFE_NO_PAD.encode(document.to_string())
    }

    /// Parses a cursor made by [`Cursor::encode`] for `sort`.
    pub fn decode(text: &str, sort: Sort) -> Result<Cursor, ListingQueryError> {
        let bytes = URL_SAFE_NO_PAD
            .decode(text.trim_end_matches('='))
            .map_err(|_| ListingQueryError::BadCursor)?;
        let document: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|_| ListingQueryError::BadCursor)?;
        let cursor_sort = document
            .get("s")
            .and_then(|value| value.as_str())
            .ok_or(ListingQueryError::BadCursor)?;
        let cursor_sort = Sort::parse(cursor_sort).map_err(|_| ListingQueryError::BadCursor)?;
        let id = document
            .get("id")
            .and_then(|value| value.as_str())
            .and_then(|text| Uuid::parse_str(text).ok())
            .ok_or(ListingQueryError::BadCursor)?;
        let raw_keys = document
            .get("k")
            .and_then(|value| value.as_array())
            .ok_or(ListingQueryError::BadCursor)?;
        if cursor_sort != sort {
            return Err(ListingQueryError::CursorSortMismatch);
        }
        let kinds = sort.keys();
        if raw_keys.len() != kinds.len() {
            return Err(ListingQueryError::BadCursor);
        }
        let mut keys = Vec::with_capacity(kinds.len());
        for (key, raw) in kinds.iter().zip(raw_keys) {
            let value = KeyValue::from_json(key.kind(), raw).ok_or(ListingQueryError::BadCursor)?;
            if value == KeyValue::Null && !key.nullable() {
                return Err(ListingQueryError::BadCursor);
            }
            keys.push(value);
        }
        Ok(Cursor { sort, keys, id })
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    pub fn id(&self) -> Uuid {
        self.id
    }
}

/// A parsed listing query string. Build it with [`ListingQuery::from_pairs`] or by hand.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListingQuery {
    pub category: Option<String>,
    pub brand: Option<String>,
    pub collection: Option<String>,
    pub min_price: Option<Decimal>,
    pub max_price: Option<Decimal>,
    pub sizes: Vec<String>,
    pub colors: Vec<String>,
    pub materials: Vec<String>,
    pub in_stock: bool,
    pub sustainable: bool,
    pub exclusive: bool,
    pub limited: bool,
    pub sort: Sort,
    pub lang: Option<Lang>,
    cursor: Option<Cursor>,
}

const MAX_VALUE_LEN: usize = 100;

fn parse_slug(name: &'static str, value: &str) -> Result<String, ListingQueryError> {
    if value.len() > MAX_VALUE_LEN {
        return Err(ListingQueryError::TooLong(name));
    }
    let valid = value
        .chars()
        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
    if !valid {
        return Err(ListingQueryError::NotASlug(name));
    }
    Ok(value.to_string())
}

fn parse_price(name: &'static str, value: &str) -> Result<Decimal, ListingQueryError> {
    let value = value.trim();
    // Plain decimal notation only: no exponents, no thousands separators.
    let digits = value.strip_prefix('-').unwrap_or(value);
    if digits.is_empty() || !digits.chars().all(|ch| ch.is_ascii_digit() || ch == '.') {
        return Err(ListingQueryError::NotANumber(name));
    }
    let price = Decimal::from_str(value).map_err(|_| ListingQueryError::NotANumber(name))?;
    if price.is_sign_negative() && !price.is_zero() {
        return Err(ListingQueryError::Negative(name));
    }
    Ok(price.normalize())
}

fn parse_bool(name: &'static str, value: &str) -> Result<bool, ListingQueryError> {
    match value {
        "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(ListingQueryError::NotABoolean(name)),
    }
}

fn push_value(
    name: &'static str,
    values: &mut Vec<String>,
    value: &str,
) -> Result<(), ListingQueryError> {
    if value.len() > MAX_VALUE_LEN {
        return Err(ListingQueryError::TooLong(name));
    }
    if !values.iter().any(|existing| existing == value) {
        values.push(value.to_string());
    }
    Ok(())
}

impl ListingQuery {
    /// Parses decoded query-string pairs. Unknown keys and empty values are ignored; for a
    /// single-valued key given twice the last one wins.
    pub fn from_pairs(pairs: &[(String, String)]) -> Result<ListingQuery, ListingQueryError> {
        let mut query = ListingQuery::default();
        let mut cursor: Option<&str> = None;
        for (key, value) in pairs {
            let value = value.as_str();
            if value.is_empty() {
                continue;
            }
            match key.as_str() {
                "category" => query.category = Some(parse_slug("category", value)?),
                "brand" => query.brand = Some(parse_slug("brand", value)?),
                "collection" => query.collection = Some(parse_slug("collection", value)?),
                "min_price" => query.min_price = Some(parse_price("min_price", value)?),
                "max_price" => query.max_price = Some(parse_price("max_price", value)?),
                "size" => push_value("size", &mut query.sizes, value)?,
                "color" => push_value("color", &mut query.colors, value)?,
                "material" => push_value("material", &mut query.materials, value)?,
                "in_stock" => query.in_stock = parse_bool("in_stock", value)?,
                "sustainable" => query.sustainable = parse_bool("sustainable", value)?,
                "exclusive" => query.exclusive = parse_bool("exclusive", value)?,
                "limited" => query.limited = parse_bool("limited", value)?,
                "sort" => query.sort = Sort::parse(value)?,
                "lang" => query.lang = Some(parse_lang(value)?),
                "cursor" => cursor = Some(value),
                _ => {}
            }
        }
        if let (Some(min), Some(max)) = (query.min_price, query.max_price)
            && min > max
        {
            return Err(ListingQueryError::PriceRange);
        }
        if let Some(cursor) = cursor {
            query.cursor = Some(Cursor::decode(cursor, query.sort)?);
        }
        Ok(query)
    }

    /// The query string pairs for this query, in a stable order; defaults are left out, so
    /// `from_pairs(&q.to_pairs()) == q`.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        let mut push = |key: &str, value: String| pairs.push((key.to_string(), value));
        for (key, value) in [
            ("category", &self.category),
            ("brand", &self.brand),
            ("collection", &self.collection),
        ] {
            if let Some(value) = value {
                push(key, value.clone());
            }
        }
        if let Some(price) = self.min_price {
            push("min_price", price.to_string());
        }
        if let Some(price) = self.max_price {
            push("max_price", price.to_string());
        }
        for (key, values) in [
            ("size", &self.sizes),
            ("color", &self.colors),
            ("material", &self.materials),
        ] {
            for value in values {
                push(key, value.clone());
            }
        }
        for (key, flag) in [
            ("in_stock", self.in_stock),
            ("sustainable", self.sustainable),
            ("exclusive", self.exclusive),
            ("limited", self.limited),
        ] {
            if flag {
                push(key, "true".to_string());
            }
        }
        if self.sort != Sort::default() {
            push("sort", self.sort.as_str().to_string());
        }
        if let Some(lang) = self.lang {
            push("lang", lang.code().to_string());
        }
        if let Some(cursor) = &self.cursor {
            push("cursor", cursor.encode());
        }
        pairs
    }

    pub fn cursor(&self) -> Option<&Cursor> {
        self.cursor.as_ref()
    }

    /// The same query starting after `cursor` (parsed for this query's sort), or from the
    /// first page with `None`.
    pub fn with_cursor(&self, cursor: Option<&str>) -> Result<ListingQuery, ListingQueryError> {
        let mut query = self.clone();
        query.cursor = cursor
            .map(|text| Cursor::decode(text, self.sort))
            .transpose()?;
        Ok(query)
    }
}

/// One product as a listing shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductCard {
    pub id: Uuid,
    pub slug: String,
    /// In the query's language when an approved translation has one, else the base name.
    pub name: String,
    pub brand_name: Option<String>,
    pub price: Decimal,
    pub compare_at_price: Option<Decimal>,
    pub currency: String,
    pub image_url: Option<String>,
    pub image_alt: Option<String>,
    /// Mean of the approved reviews' ratings, rounded to 4 decimals; `None` without reviews.
    pub average_rating: Option<Decimal>,
    pub review_count: u64,
    pub in_stock: bool,
}

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

#[derive(Debug, Clone, PartialEq)]
pub struct ListingPage {
    pub products: Vec<ProductCard>,
    pub next_cursor: Option<String>,
    pub total: u64,
    pub facets: Facets,
}

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

/// Collects bound values and hands out their `$n` placeholders.
#[derive(Default)]
struct Binder {
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

const VISIBLE: &str = super::storefront_visible!();

const IN_STOCK: &str = "EXISTS (SELECT 1 FROM product_variants sv WHERE sv.product_id = p.id \
     AND sv.is_available AND sv.inventory_quantity - sv.inventory_reserved > 0)";

fn variant_condition(column: &str, values: &[String], binder: &mut Binder) -> String {
    format!(
        "EXISTS (SELECT 1 FROM product_variants fv WHERE fv.product_id = p.id \
         AND fv.{column} IN ({}))",
        binder.bind_list(values)
    )
}

/// The price condition alone (`TRUE` without price filters).
fn price_condition(query: &ListingQuery, binder: &mut Binder) -> String {
    let mut parts = Vec::new();
    if let Some(min) = query.min_price {
        parts.push(format!("p.price >= {}", binder.bind(min)));
    }
    if let Some(max) = query.max_price {
        parts.push(format!("p.price <= {}", binder.bind(max)));
    }
    if parts.is_empty() {
        "TRUE".to_string()
    } else {
        parts.join(" AND ")
    }
}

/// The WHERE clause (without `WHERE`) for visible products matching every filter of
/// `query` except those of the `skip` dimensions.
fn conditions(query: &ListingQuery, skip: &[Dim], binder: &mut Binder) -> String {
    let mut parts = vec![VISIBLE.to_string()];
    let keep = |dim: Dim| !skip.contains(&dim);
    if let Some(slug) = query.category.as_ref().filter(|_| keep(Dim::Category)) {
        let slug = binder.bind(slug.clone());
        parts.push(format!(
            "p.category_id IN (SELECT fc.id FROM categories fc WHERE fc.slug = {slug} \
             OR fc.parent_id IN (SELECT fp.id FROM categories fp WHERE fp.slug = {slug}))"
        ));
    }
    if let Some(slug) = query.brand.as_ref().filter(|_| keep(Dim::Brand)) {
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
    if keep(Dim::Price) && (query.min_price.is_some() || query.max_price.is_some()) {
        parts.push(price_condition(query, binder));
    }
    for (dim, column, values) in [
        (Dim::Size, "size", &query.sizes),
        (Dim::Color, "color", &query.colors),
        (Dim::Material, "material", &query.materials),
    ] {
        if keep(dim) && !values.is_empty() {
            parts.push(variant_condition(column, values, binder));
        }
    }
    if query.in_stock && keep(Dim::InStock) {
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

fn statement(db: &impl ConnectionTrait, sql: String, binder: Binder) -> Statement {
    Statement::from_sql_and_values(db.get_database_backend(), sql, binder.values)
}

fn count(row: &QueryResult, column: &str) -> Result<u64, DbErr> {
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

/// One page of the listing for `query`, with the total and the facets. `limit` is clamped
/// to `1..=MAX_LIMIT`.
pub async fn list_products(
    db: &impl ConnectionTrait,
    query: &ListingQuery,
    limit: u32,
) -> Result<ListingPage, DbErr> {
    list_products_cached(db, None, query, limit).await
}

/// [`list_products`] through `cache` (see [`ListingCache`]): the whole page when the cache
/// holds it for the same query, else the page read live with the total and facet counts
/// from the cache when it holds them for the same filters.
pub async fn list_products_cached(
    db: &impl ConnectionTrait,
    cache: Option<&ListingCache>,
    query: &ListingQuery,
    limit: u32,
) -> Result<ListingPage, DbErr> {
    let limit = limit.clamp(1, MAX_LIMIT);
    let page_key = cache.map(|_| ListingCache::page_key(query, limit));
    if let Some(hit) = cache
        .zip(page_key.as_ref())
        .and_then(|(cache, key)| cache.pages.get(key))
    {
        return Ok((*hit).clone());
    }
    let (products, next_cursor) = page(db, query, limit).await?;
    let key = cache.map(|_| ListingCache::key(query));
    let cached = cache
        .zip(key.as_ref())
        .and_then(|(cache, key)| cache.get(key));
    let aggregates = match cached {
        Some(aggregates) => aggregates,
        None => {
            let (total, price_min, price_max, in_stock) = totals(db, query).await?;
            let mut facets = facets(db, query).await?;
            facets.price_min = price_min;
            facets.price_max = price_max;
            facets.in_stock = in_stock;
            let aggregates = Arc::new(Aggregates { total, facets });
            if let (Some(cache), Some(key)) = (cache, key) {
                cache.put(key, Arc::clone(&aggregates));
            }
            aggregates
        }
    };
    let listing = ListingPage {
        products,
        next_cursor,
        total: aggregates.total,
        facets: aggregates.facets.clone(),
    };
    if let (Some(cache), Some(key)) = (cache, page_key) {
        cache.pages.put(key, Arc::new(listing.clone()));
    }
    Ok(listing)
}

/// What a listing's filters alone decide: the total and the facet counts.
#[derive(Debug)]
struct Aggregates {
    total: u64,
    facets: Facets,
}

/// A bounded, short-lived, in-process map with one refresher per expired key. A fresh
/// entry (younger than the time to live) is returned as is. When an entry expires, the
/// first reader gets `None` and becomes its refresher (it reads live and `put`s); readers
/// arriving while that refresh is in flight get the previous value instead of all hitting
/// the database at once (no stampede when a hot key expires). A refresher that never comes
/// back (an error) hands over after another time to live, so a value is never served more
/// than twice the time to live after it was stored. When `capacity` keys are held, a new
/// key first drops the expired entries, then everything (keys come from shopper input, so
/// the key space is open). Cheap to clone: clones share the entries.
pub struct TtlCache<K, V> {
    entries: Arc<Mutex<HashMap<K, Entry<V>>>>,
    ttl: Duration,
    capacity: usize,
}

impl<K, V> Clone for TtlCache<K, V> {
    fn clone(&self) -> Self {
        TtlCache {
            entries: Arc::clone(&self.entries),
            ttl: self.ttl,
            capacity: self.capacity,
        }
    }
}

impl<K, V> std::fmt::Debug for TtlCache<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TtlCache")
            .field("ttl", &self.ttl)
            .field("capacity", &self.capacity)
            .finish_non_exhaustive()
    }
}

/// A stored value, when it was stored, and since when a reader has been refreshing it.
struct Entry<V> {
    stored: Instant,
    value: V,
    refreshing_since: Option<Instant>,
}

impl<K: std::hash::Hash + Eq, V: Clone> TtlCache<K, V> {
    pub fn new(ttl: Duration, capacity: usize) -> TtlCache<K, V> {
        TtlCache {
            entries: Arc::new(Mutex::new(HashMap::new())),
            ttl,
            capacity: capacity.max(1),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, Entry<V>>> {
        // Entries are replaced whole, so a panic elsewhere cannot leave one half-written.
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The value, or `None` when the caller should read it live and [`TtlCache::put`] it.
    pub fn get(&self, key: &K) -> Option<V> {
        let mut entries = self.lock();
        let entry = entries.get_mut(key)?;
        if entry.stored.elapsed() < self.ttl {
            return Some(entry.value.clone());
        }
        match entry.refreshing_since {
            Some(since) if since.elapsed() < self.ttl => Some(entry.value.clone()),
            _ => {
                entry.refreshing_since = Some(Instant::now());
                None
            }
        }
    }

    pub fn put(&self, key: K, value: V) {
        let mut entries = self.lock();
        if entries.len() >= self.capacity && !entries.contains_key(&key) {
            let ttl = self.ttl;
            entries.retain(|_, entry| entry.stored.elapsed() < ttl);
            if entries.len() >= self.capacity {
                entries.clear();
            }
        }
        entries.insert(
            key,
            Entry {
                stored: Instant::now(),
                value,
                refreshing_since: None,
            },
        );
    }

    /// Keys held (expired ones included until evicted).
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The in-process listing cache: whole pages keyed by the full query (filters, sort,
/// language, cursor and page size), and totals with facet counts keyed by the filters
/// alone (category, brand, collection, price range, sizes, colours, materials and the
/// flags; the sort, language and cursor do not change them), so another sort or the next
/// page of the same filters reuses the counts.
///
/// The facet query aggregates every visible product and its variants, the expensive half
/// of a listing on a large catalog (about 100 ms on 10,000 products); the page query is
/// cheap with the listing indexes but still costs its planning and a round trip. Staleness
/// is bounded by the time to live ([`ListingCache::DEFAULT_TTL`]), plus the time one
/// refresh takes (at most another time to live, see [`TtlCache`]): for that long after a
/// product, price or stock change, a listing may show the previous cards, badges and
/// counts (the product page, cart and checkout read their own figures). Each half holds at
/// most [`ListingCache::DEFAULT_CAPACITY`] keys. One per server (in `AppState`); callers
/// without one (tests, scripts) always read live.
#[derive(Clone, Debug)]
pub struct ListingCache {
    aggregates: TtlCache<FilterKey, Arc<Aggregates>>,
    pages: TtlCache<PageKey, Arc<ListingPage>>,
}

/// A listing's filters as sorted query-string pairs.
type FilterKey = Vec<(String, String)>;
/// A listing's whole query as sorted pairs, and its page size.
type PageKey = (Vec<(String, String)>, u32);

impl Default for ListingCache {
    fn default() -> Self {
        ListingCache::new(ListingCache::DEFAULT_TTL, ListingCache::DEFAULT_CAPACITY)
    }
}

impl ListingCache {
    pub const DEFAULT_TTL: Duration = Duration::from_secs(10);
    pub const DEFAULT_CAPACITY: usize = 1024;

    pub fn new(ttl: Duration, capacity: usize) -> ListingCache {
        ListingCache {
            aggregates: TtlCache::new(ttl, capacity),
            pages: TtlCache::new(ttl, capacity),
        }
    }

    fn page_key(query: &ListingQuery, limit: u32) -> PageKey {
        let mut pairs = query.to_pairs();
        pairs.sort();
        (pairs, limit)
    }

    fn key(query: &ListingQuery) -> FilterKey {
        let filters = ListingQuery {
            sort: Sort::default(),
            lang: None,
            cursor: None,
            ..query.clone()
        };
        let mut pairs = filters.to_pairs();
        pairs.sort();
        pairs
    }

    fn get(&self, key: &FilterKey) -> Option<Arc<Aggregates>> {
        self.aggregates.get(key)
    }

    fn put(&self, key: FilterKey, aggregates: Arc<Aggregates>) {
        self.aggregates.put(key, aggregates);
    }
}

async fn page(
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
    let mut filter = conditions(query, &[], &mut binder);
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
           WHERE rv.product_id = p.id AND rv.status = 'APPROVED') r ON TRUE";
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

/// Total, price range (without the price filter) and in-stock count (without the in_stock
/// filter), in one statement.
async fn totals(
    db: &impl ConnectionTrait,
    query: &ListingQuery,
) -> Result<(u64, Option<Decimal>, Option<Decimal>, u64), DbErr> {
    let mut binder = Binder::default();
    let filter = conditions(query, &[Dim::Price, Dim::InStock], &mut binder);
    let price_ok = price_condition(query, &mut binder);
    let stock_ok = if query.in_stock { IN_STOCK } else { "TRUE" };
    let sql = format!(
        "SELECT count(*) FILTER (WHERE ({price_ok}) AND {stock_ok}) AS total, \
         min(p.price) FILTER (WHERE {stock_ok}) AS price_min, \
         max(p.price) FILTER (WHERE {stock_ok}) AS price_max, \
         count(*) FILTER (WHERE ({price_ok}) AND {IN_STOCK}) AS in_stock \
         FROM products p WHERE {filter}"
    );
    let row = db
        .query_one_raw(statement(db, sql, binder))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("listing totals".into()))?;
    Ok((
        count(&row, "total")?,
        row.try_get("", "price_min")?,
        row.try_get("", "price_max")?,
        count(&row, "in_stock")?,
    ))
}

/// Category, brand, size, colour and material counts, in one statement.
async fn facets(db: &impl ConnectionTrait, query: &ListingQuery) -> Result<Facets, DbErr> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(key, value)| (key.to_string(), value.to_string()))
            .collect()
    }

    fn aggregates(total: u64) -> Arc<Aggregates> {
        Arc::new(Aggregates {
            total,
            facets: Facets::default(),
        })
    }

    #[test]
    fn the_listing_cache_keys_on_filters_only() {
        let query = |items: &[(&str, &str)]| ListingQuery::from_pairs(&pairs(items)).unwrap();
        let women = query(&[("category", "women"), ("size", "M"), ("size", "L")]);
        let sorted = query(&[
            ("size", "L"),
            ("category", "women"),
            ("size", "M"),
            ("sort", "price_asc"),
            ("lang", "fr"),
        ]);
        assert_eq!(ListingCache::key(&women), ListingCache::key(&sorted));
        // Whole pages are kept per sort, language and page size.
        assert_ne!(
            ListingCache::page_key(&women, 24),
            ListingCache::page_key(&sorted, 24)
        );
        assert_ne!(
            ListingCache::page_key(&women, 24),
            ListingCache::page_key(&women, 12)
        );
        let next_page = women
            .with_cursor(Some(
                &Cursor {
                    sort: Sort::Featured,
                    keys: vec![
                        KeyValue::Bool(false),
                        KeyValue::Null,
                        KeyValue::Time(
                            DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").unwrap(),
                        ),
                    ],
                    id: Uuid::nil(),
                }
                .encode(),
            ))
            .unwrap();
        assert_eq!(ListingCache::key(&women), ListingCache::key(&next_page));
        let cheaper = query(&[("category", "women"), ("size", "M"), ("max_price", "100")]);
        assert_ne!(ListingCache::key(&women), ListingCache::key(&cheaper));
        assert_ne!(
            ListingCache::key(&women),
            ListingCache::key(&query(&[
                ("category", "women"),
                ("size", "M"),
                ("in_stock", "1")
            ]))
        );
    }

    #[test]
    fn the_ttl_cache_expires_and_stays_bounded() {
        let cache = TtlCache::new(Duration::from_secs(60), 3);
        let key = |n: u64| vec![("category".to_string(), format!("c{n}"))];
        for n in 0..3 {
            cache.put(key(n), aggregates(n));
        }
        assert_eq!(cache.get(&key(1)).map(|a| a.total), Some(1));
        cache.put(key(1), aggregates(11));
        assert_eq!(cache.len(), 3);
        assert_eq!(cache.get(&key(1)).map(|a| a.total), Some(11));
        // Full of live entries: a new key empties the cache rather than growing it.
        cache.put(key(3), aggregates(3));
        assert_eq!(cache.len(), 1);
        assert_eq!(cache.get(&key(3)).map(|a| a.total), Some(3));
        assert!(cache.get(&key(0)).is_none());

        let expired = TtlCache::new(Duration::ZERO, 3);
        expired.put(key(0), aggregates(0));
        assert!(expired.get(&key(0)).is_none());
    }

    #[test]
    fn an_expired_entry_has_one_refresher_while_others_get_the_previous_value() {
        let ttl = Duration::from_millis(40);
        let cache = TtlCache::new(ttl, 3);
        let key = vec![("category".to_string(), "women".to_string())];
        cache.put(key.clone(), aggregates(1));
        std::thread::sleep(ttl + Duration::from_millis(5));
        // The first reader after expiry refreshes; the others meanwhile see the old value.
        assert!(cache.get(&key).is_none());
        assert_eq!(cache.get(&key).map(|a| a.total), Some(1));
        assert_eq!(cache.get(&key).map(|a| a.total), Some(1));
        cache.put(key.clone(), aggregates(2));
        assert_eq!(cache.get(&key).map(|a| a.total), Some(2));
        // A refresher that never comes back hands over after another time to live.
        std::thread::sleep(ttl + Duration::from_millis(5));
        assert!(cache.get(&key).is_none());
        std::thread::sleep(ttl + Duration::from_millis(5));
        assert!(cache.get(&key).is_none(), "a new refresher takes over");
    }

    #[test]
    fn parses_every_parameter() {
        let query = ListingQuery::from_pairs(&pairs(&[
            ("category", "women"),
            ("brand", "maison-aurelle"),
            ("collection", "evening-hours"),
            ("min_price", "10.50"),
            ("max_price", "200"),
            ("size", "M"),
            ("size", "L"),
            ("color", "Ivory"),
            ("material", "Silk"),
            ("material", "Wool"),
            ("in_stock", "1"),
            ("sustainable", "true"),
            ("exclusive", "true"),
            ("limited", "1"),
            ("sort", "price_desc"),
            ("lang", "fr"),
            ("utm_source", "newsletter"),
        ]))
        .unwrap();
        assert_eq!(query.category.as_deref(), Some("women"));
        assert_eq!(query.brand.as_deref(), Some("maison-aurelle"));
        assert_eq!(query.collection.as_deref(), Some("evening-hours"));
        assert_eq!(query.min_price, Some(Decimal::new(1050, 2)));
        assert_eq!(query.max_price, Some(Decimal::new(200, 0)));
        assert_eq!(query.sizes, ["M", "L"]);
        assert_eq!(query.colors, ["Ivory"]);
        assert_eq!(query.materials, ["Silk", "Wool"]);
        assert!(query.in_stock && query.sustainable && query.exclusive && query.limited);
        assert_eq!(query.sort, Sort::PriceDesc);
        assert_eq!(query.lang, Some(Lang::Fr));
        assert!(query.cursor().is_none());
    }

    #[test]
    fn defaults_and_empty_values() {
        let query = ListingQuery::from_pairs(&pairs(&[("category", ""), ("sort", "")])).unwrap();
        assert_eq!(query, ListingQuery::default());
        assert_eq!(query.sort, Sort::Featured);
        assert!(query.to_pairs().is_empty());
    }

    #[test]
    fn bad_values_name_the_parameter() {
        let error = |items: &[(&str, &str)]| {
            ListingQuery::from_pairs(&pairs(items))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            error(&[("min_price", "cheap")]),
            "min_price must be a number"
        );
        assert_eq!(error(&[("max_price", "1e3")]), "max_price must be a number");
        assert_eq!(
            error(&[("max_price", "-5")]),
            "max_price must not be negative"
        );
        assert_eq!(error(&[("sort", "x")]), "unknown sort `x`");
        assert!(error(&[("in_stock", "yes")]).starts_with("in_stock must be"));
        assert!(error(&[("lang", "de")]).contains("lang"));
        assert!(error(&[("category", "Women's")]).starts_with("category must be a slug"));
        assert!(error(&[("min_price", "10"), ("max_price", "5")]).contains("min_price"));
        assert_eq!(error(&[("cursor", "!!!")]), "cursor is not valid");
        assert_eq!(error(&[("cursor", "bm90IGpzb24")]), "cursor is not valid");
    }

    #[test]
    fn to_pairs_round_trips() {
        let cursor = Cursor {
            sort: Sort::TopRated,
            keys: vec![KeyValue::Decimal(Decimal::new(43333, 4)), KeyValue::Int(3)],
            id: Uuid::from_u128(42),
        };
        let original = pairs(&[
            ("category", "men"),
            ("brand", "ferro-milano"),
            ("collection", "riviera-summer"),
            ("min_price", "10.5"),
            ("max_price", "99.99"),
            ("size", "48"),
            ("size", "50"),
            ("color", "Navy"),
            ("material", "Linen"),
            ("in_stock", "true"),
            ("sustainable", "true"),
            ("exclusive", "true"),
            ("limited", "true"),
            ("sort", "top_rated"),
            ("lang", "it"),
            ("cursor", &cursor.encode()),
        ]);
        let query = ListingQuery::from_pairs(&original).unwrap();
        assert_eq!(query.cursor(), Some(&cursor));
        assert_eq!(query.to_pairs(), original);
        assert_eq!(ListingQuery::from_pairs(&query.to_pairs()).unwrap(), query);
    }

    #[test]
    fn cursors_encode_and_decode() {
        let time = DateTime::parse_from_rfc3339("2025-01-02T03:04:05.123456Z").unwrap();
        for cursor in [
            Cursor {
                sort: Sort::Featured,
                keys: vec![KeyValue::Bool(true), KeyValue::Null, KeyValue::Time(time)],
                id: Uuid::new_v4(),
            },
            Cursor {
                sort: Sort::PriceAsc,
                keys: vec![KeyValue::Decimal(Decimal::new(12_345, 2))],
                id: Uuid::new_v4(),
            },
            Cursor {
                sort: Sort::BestSelling,
                keys: vec![KeyValue::Int(17)],
                id: Uuid::new_v4(),
            },
            Cursor {
                sort: Sort::TopRated,
                keys: vec![KeyValue::Null, KeyValue::Int(0)],
                id: Uuid::new_v4(),
            },
        ] {
            let text = cursor.encode();
            assert!(
                text.chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
            );
            assert_eq!(Cursor::decode(&text, cursor.sort).unwrap(), cursor);
        }
        let price = Cursor {
            sort: Sort::PriceAsc,
            keys: vec![KeyValue::Decimal(Decimal::ONE)],
            id: Uuid::nil(),
        }
        .encode();
        assert_eq!(
            Cursor::decode(&price, Sort::Newest),
            Err(ListingQueryError::CursorSortMismatch)
        );
        // A cursor with a NULL where the key is never NULL, or the wrong number of keys.
        let forged = URL_SAFE_NO_PAD.encode(
            serde_json::json!({"s": "newest", "k": [null], "id": Uuid::nil().to_string()})
                .to_string(),
        );
        assert_eq!(
            Cursor::decode(&forged, Sort::Newest),
            Err(ListingQueryError::BadCursor)
        );
        let forged = URL_SAFE_NO_PAD.encode(
            serde_json::json!({"s": "newest", "k": [], "id": Uuid::nil().to_string()}).to_string(),
        );
        assert_eq!(
            Cursor::decode(&forged, Sort::Newest),
            Err(ListingQueryError::BadCursor)
        );
        assert_eq!(
            Cursor::decode("", Sort::Newest),
            Err(ListingQueryError::BadCursor)
        );
    }

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
