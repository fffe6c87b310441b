//! The listing's query string: [`ListingQuery::from_pairs`] parses it (each refusal
//! names its parameter), [`ListingQuery::to_pairs`] writes it back.

use sea_orm::prelude::Decimal;
use std::str::FromStr;

use super::cursor::{Cursor, SortKey};

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
    #[error("{0} takes at most {max} values", max = MAX_VALUES_PER_FILTER)]
    TooManyValues(&'static str),
}

impl ListingQueryError {
    /// The query parameter at fault.
    pub fn param(&self) -> &'static str {
        use ListingQueryError as E;
        match self {
            E::NotANumber(param)
            | E::Negative(param)
            | E::NotABoolean(param)
            | E::NotASlug(param)
            | E::TooLong(param)
            | E::TooManyValues(param) => param,
            E::PriceRange => "min_price",
            E::UnknownSort(_) => "sort",
            E::UnknownLang(_) => "lang",
            E::BadCursor | E::CursorSortMismatch => "cursor",
        }
    }

    /// The typed reason the shopper is shown (the details stay in `Display`, for logs).
    pub fn refusal(&self) -> domain::Refusal {
        let param = self.param().to_string();
        match self {
            ListingQueryError::TooManyValues(_) => domain::Refusal::TooManyValues {
                param,
                max: MAX_VALUES_PER_FILTER as u32,
            },
            _ => domain::Refusal::FilterInvalid { param },
        }
    }
}

/// The most values one multi-valued filter (`size`, `color`, `material`) takes: more
/// than any facet shows, few enough that a query stays cheap.
pub const MAX_VALUES_PER_FILTER: usize = 24;

/// The most query-string pairs read at all; a longer query string is refused whole.
pub const MAX_PAIRS: usize = 64;

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
    pub(super) fn keys(self) -> &'static [SortKey] {
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
    pub(super) cursor: Option<Cursor>,
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
    if values.len() >= MAX_VALUES_PER_FILTER {
        return Err(ListingQueryError::TooManyValues(name));
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
        if pairs.len() > MAX_PAIRS {
            // Which filter is repeated does not change the answer; name the commonest.
            let param = ["size", "color", "material"]
                .into_iter()
                .max_by_key(|name| pairs.iter().filter(|(key, _)| key == name).count())
                .unwrap_or("size");
            return Err(ListingQueryError::TooManyValues(param));
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::listing::cursor::KeyValue;
    use sea_orm::prelude::Uuid;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(key, value)| (key.to_string(), value.to_string()))
            .collect()
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
}
