//! Keyset pagination: a [`Cursor`] carries the sort key values and id of the last card
//! shown, as opaque base64url text, and each sort's keys say how to compare with it.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, FixedOffset, SecondsFormat};
use sea_orm::Value;
use sea_orm::prelude::{Decimal, Uuid};
use std::str::FromStr;

use super::query::{ListingQueryError, Sort};

/// One sort key column: its SQL expression, direction and what a cursor stores for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SortKey {
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
pub(super) enum KeyKind {
    Bool,
    Time,
    Decimal,
    Int,
}

impl SortKey {
    /// Column of the page query's result (and expression usable in its WHERE clause).
    pub(super) fn expr(self) -> &'static str {
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

    pub(super) fn alias(self) -> &'static str {
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

    pub(super) fn descending(self) -> bool {
        !matches!(self, SortKey::PriceAsc)
    }

    /// Nullable keys sort NULLS LAST; the others are never NULL for a visible product.
    pub(super) fn nullable(self) -> bool {
        matches!(self, SortKey::FeaturedAt | SortKey::AvgRating)
    }

    pub(super) fn kind(self) -> KeyKind {
        match self {
            SortKey::IsFeatured => KeyKind::Bool,
            SortKey::FeaturedAt | SortKey::PublishedAt => KeyKind::Time,
            SortKey::PriceAsc | SortKey::PriceDesc | SortKey::AvgRating => KeyKind::Decimal,
            SortKey::PurchaseCount | SortKey::ReviewCount => KeyKind::Int,
        }
    }

    pub(super) fn order_by(self) -> String {
        let direction = if self.descending() { "DESC" } else { "ASC" };
        let nulls = if self.nullable() { " NULLS LAST" } else { "" };
        format!("{} {direction}{nulls}", self.expr())
    }
}

/// A typed sort key value carried by a cursor.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum KeyValue {
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

    pub(super) fn into_value(self) -> Value {
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
    pub(super) sort: Sort,
    pub(super) keys: Vec<KeyValue>,
    pub(super) id: Uuid,
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
