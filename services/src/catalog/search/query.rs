//! The search request: [`SearchQuery::from_pairs`] reads the query string (filters parsed
//! as the listing parses them), [`normalize_query`] and [`terms`] turn the text into the
//! terms searched.

use sea_orm::prelude::{Decimal, Uuid};

use super::phrases::{Phrase, PhraseFilter};
use super::{MAX_OFFSET, MAX_QUERY_CHARS, MAX_TERMS, SearchError};
use crate::catalog::listing::{Lang, ListingQuery};

/// The filters a search can be narrowed by (a subset of the listing's).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchFilters {
    /// Category slug; its child categories are included.
    pub category: Option<String>,
    /// Brand slug.
    pub brand: Option<String>,
    pub min_price: Option<Decimal>,
    pub max_price: Option<Decimal>,
    pub in_stock: bool,
    /// Colour families (`color_analysis->>'family'`), any of them; from query phrases.
    pub colors: Vec<String>,
    /// Variant sizes, any of them available; from query phrases.
    pub sizes: Vec<String>,
}

impl SearchFilters {
    /// The search-relevant filters of a parsed listing query.
    pub fn from_listing(query: &ListingQuery) -> SearchFilters {
        SearchFilters {
            category: query.category.clone(),
            brand: query.brand.clone(),
            min_price: query.min_price,
            max_price: query.max_price,
            in_stock: query.in_stock,
            colors: Vec::new(),
            sizes: Vec::new(),
        }
    }

    /// These filters narrowed by the phrases of the query: the tighter price bound wins,
    /// colours and sizes add up, a department applies when no category was chosen.
    pub fn with_phrases(&self, phrases: &[Phrase]) -> SearchFilters {
        let mut filters = self.clone();
        let mut floor = |price: Decimal| {
            filters.min_price = Some(filters.min_price.map_or(price, |min| min.max(price)));
        };
        let mut ceilings = Vec::new();
        for phrase in phrases {
            match &phrase.filter {
                PhraseFilter::MinPrice(min) => floor(*min),
                PhraseFilter::MaxPrice(max) => ceilings.push(*max),
                PhraseFilter::PriceRange(min, max) => {
                    floor(*min);
                    ceilings.push(*max);
                }
                _ => {}
            }
        }
        for max in ceilings {
            filters.max_price = Some(filters.max_price.map_or(max, |old| old.min(max)));
        }
        for phrase in phrases {
            match &phrase.filter {
                PhraseFilter::Color(family) if !filters.colors.iter().any(|c| c == family) => {
                    filters.colors.push(family.to_string())
                }
                PhraseFilter::Size(size) if !filters.sizes.contains(size) => {
                    filters.sizes.push(size.clone())
                }
                PhraseFilter::Department(department) if filters.category.is_none() => {
                    filters.category = Some(department.slug().to_string())
                }
                _ => {}
            }
        }
        filters
    }

    /// The filters as the JSON object stored in `search_logs.filters` (`None` when unset).
    pub fn to_json(&self) -> Option<serde_json::Value> {
        let mut map = serde_json::Map::new();
        if let Some(category) = &self.category {
            map.insert("category".into(), category.clone().into());
        }
        if let Some(brand) = &self.brand {
            map.insert("brand".into(), brand.clone().into());
        }
        if let Some(min) = self.min_price {
            map.insert("min_price".into(), min.to_string().into());
        }
        if let Some(max) = self.max_price {
            map.insert("max_price".into(), max.to_string().into());
        }
        if self.in_stock {
            map.insert("in_stock".into(), true.into());
        }
        if !self.colors.is_empty() {
            map.insert("colors".into(), self.colors.clone().into());
        }
        if !self.sizes.is_empty() {
            map.insert("sizes".into(), self.sizes.clone().into());
        }
        (!map.is_empty()).then_some(serde_json::Value::Object(map))
    }

    pub(super) fn is_empty(&self) -> bool {
        *self == SearchFilters::default()
    }
}

/// One search request.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchQuery {
    /// What the shopper typed (validated by [`super::search`]: not blank, at most
    /// [`MAX_QUERY_CHARS`]).
    pub text: String,
    pub filters: SearchFilters,
    /// Language of names and descriptions (and of the translations searched).
    pub lang: Option<Lang>,
    /// Where the page starts (from [`super::SearchResults::next_cursor`]).
    pub offset: u32,
    /// Page size, clamped to `1..=MAX_LIMIT`.
    pub limit: u32,
    /// Who searched, for the log.
    pub user_id: Option<Uuid>,
    pub session_id: Option<Uuid>,
    /// How results are found (see [`SearchMode`]); plain [`super::search`] is lexical.
    pub mode: SearchMode,
}

/// How a search finds its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SearchMode {
    /// Full text only (typo tolerant).
    #[default]
    Lexical,
    /// The query's embedding only: the nearest products by cosine distance.
    Vector,
    /// Both, fused by reciprocal rank; exact SKUs, names and designers first.
    Hybrid,
}

impl SearchQuery {
    /// Parses decoded query-string pairs: `q`, `cursor`, `lang` and the filters `category`,
    /// `brand`, `min_price`, `max_price`, `in_stock` (parsed as the listing parses them).
    /// Other keys are ignored. The text is validated by [`super::search`], not here.
    pub fn from_pairs(pairs: &[(String, String)], limit: u32) -> Result<SearchQuery, SearchError> {
        let mut text = String::new();
        let mut cursor = None;
        let mut listing_pairs = Vec::new();
        for (key, value) in pairs {
            match key.as_str() {
                "q" => text = value.clone(),
                "cursor" if !value.is_empty() => cursor = Some(value.as_str()),
                "category" | "brand" | "min_price" | "max_price" | "in_stock" | "lang" => {
                    listing_pairs.push((key.clone(), value.clone()))
                }
                _ => {}
            }
        }
        let listing = ListingQuery::from_pairs(&listing_pairs)?;
        Ok(SearchQuery {
            text,
            filters: SearchFilters::from_listing(&listing),
            lang: listing.lang,
            offset: cursor.map(decode_cursor).transpose()?.unwrap_or(0),
            limit,
            user_id: None,
            session_id: None,
            mode: SearchMode::default(),
        })
    }
}

/// A results-page cursor: the offset, as digits.
fn decode_cursor(text: &str) -> Result<u32, SearchError> {
    match text.parse::<u32>() {
        Ok(offset) if offset <= MAX_OFFSET && text.chars().all(|ch| ch.is_ascii_digit()) => {
            Ok(offset)
        }
        _ => Err(SearchError::BadCursor),
    }
}

/// Trims and collapses whitespace; refuses blank and over-long text.
pub fn normalize_query(text: &str) -> Result<String, SearchError> {
    let normalized = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if normalized.is_empty() {
        return Err(SearchError::Empty);
    }
    if normalized.chars().count() > MAX_QUERY_CHARS {
        return Err(SearchError::TooLong);
    }
    Ok(normalized)
}

/// The query's terms: runs of letters and digits, lowercased, without repeats, at most
/// [`MAX_TERMS`].
pub fn terms(text: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for word in text
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        let word = word.to_lowercase();
        if !terms.contains(&word) {
            terms.push(word);
        }
        if terms.len() == MAX_TERMS {
            break;
        }
    }
    terms
}

/// English words the full-text configuration ignores; they never narrow a search.
const STOP_WORDS: [&str; 24] = [
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on",
    "or", "the", "this", "to", "with", "without", "was", "were", "will",
];

pub(super) fn is_stop_word(term: &str) -> bool {
    STOP_WORDS.contains(&term)
}

pub(super) fn needs_checking(term: &str) -> bool {
    term.chars().count() >= 3 && !term.chars().all(|ch| ch.is_ascii_digit())
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

    #[test]
    fn queries_are_trimmed_and_bounded() {
        assert_eq!(
            normalize_query("  silk \t  scarf \n").unwrap(),
            "silk scarf"
        );
        assert!(matches!(normalize_query("   "), Err(SearchError::Empty)));
        assert!(matches!(normalize_query(""), Err(SearchError::Empty)));
        let long = "a".repeat(MAX_QUERY_CHARS + 1);
        assert!(matches!(normalize_query(&long), Err(SearchError::TooLong)));
        assert!(normalize_query(&"é".repeat(MAX_QUERY_CHARS)).is_ok());
        assert_eq!(
            SearchError::TooLong.to_string(),
            "Your search is too long: please use at most 200 characters."
        );
    }

    #[test]
    fn terms_are_words_lowercased_without_repeats() {
        assert_eq!(
            terms("Silk-scarf, SILK & Étoile 24k!"),
            ["silk", "scarf", "étoile", "24k"]
        );
        assert!(terms("!!! ---").is_empty());
        assert_eq!(terms("a b c d e f g h i j").len(), MAX_TERMS);
    }

    #[test]
    fn parses_search_pairs_with_listing_filters() {
        let query = SearchQuery::from_pairs(
            &pairs(&[
                ("q", "silk"),
                ("category", "women"),
                ("brand", "maison-aurelle"),
                ("min_price", "100"),
                ("max_price", "900.50"),
                ("in_stock", "true"),
                ("lang", "fr"),
                ("cursor", "24"),
                ("sl", "ignored"),
            ]),
            24,
        )
        .unwrap();
        assert_eq!(query.text, "silk");
        assert_eq!(query.filters.category.as_deref(), Some("women"));
        assert_eq!(query.filters.brand.as_deref(), Some("maison-aurelle"));
        assert_eq!(query.filters.min_price, Some(Decimal::new(100, 0)));
        assert_eq!(query.filters.max_price, Some(Decimal::new(90050, 2)));
        assert!(query.filters.in_stock);
        assert_eq!(query.lang, Some(Lang::Fr));
        assert_eq!(query.offset, 24);
        assert_eq!(
            query.filters.to_json().unwrap(),
            serde_json::json!({"category": "women", "brand": "maison-aurelle",
                "min_price": "100", "max_price": "900.5", "in_stock": true})
        );
        assert_eq!(SearchFilters::default().to_json(), None);
    }

    #[test]
    fn bad_pairs_are_clear_errors() {
        let error = |items: &[(&str, &str)]| {
            SearchQuery::from_pairs(&pairs(items), 24)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            error(&[("q", "silk"), ("min_price", "cheap")]),
            "We could not apply these filters: min_price must be a number."
        );
        assert!(error(&[("cursor", "-1")]).contains("not valid"));
        assert!(error(&[("cursor", "999999")]).contains("not valid"));
        assert!(error(&[("cursor", "+5")]).contains("not valid"));
    }

    #[test]
    fn phrases_narrow_the_filters_of_the_address() {
        let from_address = SearchFilters {
            max_price: Some(Decimal::new(800, 0)),
            min_price: Some(Decimal::new(100, 0)),
            category: Some("women-dresses".into()),
            ..SearchFilters::default()
        };
        let parsed = super::super::parse_phrases(
            "silk dress between $50 and $1000 under $500 in black navy size M for men",
        );
        let filters = from_address.with_phrases(&parsed.phrases);
        assert_eq!(filters.min_price, Some(Decimal::new(100, 0)));
        assert_eq!(filters.max_price, Some(Decimal::new(500, 0)));
        assert_eq!(filters.colors, ["black", "blue"]);
        assert_eq!(filters.sizes, ["M"]);
        // The category chosen on the page stays; a department only fills an empty one.
        assert_eq!(filters.category.as_deref(), Some("women-dresses"));
        let department = SearchFilters::default().with_phrases(&parsed.phrases);
        assert_eq!(department.category.as_deref(), Some("men"));
        assert_eq!(
            department.to_json().unwrap(),
            serde_json::json!({"category": "men", "min_price": "50", "max_price": "500",
                "colors": ["black", "blue"], "sizes": ["M"]})
        );
    }

    #[test]
    fn which_terms_are_checked_and_which_ignored() {
        assert!(needs_checking("chronograf"));
        assert!(!needs_checking("xl"));
        assert!(!needs_checking("2024"));
        assert!(is_stop_word("the") && !is_stop_word("silk"));
    }
}
