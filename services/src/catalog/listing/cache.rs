//! The in-process listing cache ([`ListingCache`]) and the bounded, short-lived map it is
//! built on ([`TtlCache`]), which the product page cache uses too.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::index::FacetIndex;
use super::{Aggregates, ListingPage, ListingQuery, Sort};

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
/// Counts for filters not seen yet come from the facet index (the catalogue's filterable
/// attributes, read in one statement, ~40 ms on 10,000 products, and kept for the same
/// time to live), so a new combination of filters costs only its page query, which the
/// listing indexes make cheap. Staleness
/// is bounded by the time to live ([`ListingCache::DEFAULT_TTL`]), plus the time one
/// refresh takes (at most another time to live, see [`TtlCache`]): for that long after a
/// product, price or stock change, a listing may show the previous cards, badges and
/// counts (the product page, cart and checkout read their own figures). Each half holds at
/// most [`ListingCache::DEFAULT_CAPACITY`] keys. One per server (in `AppState`); callers
/// without one (tests, scripts) always read live.
#[derive(Clone, Debug)]
pub struct ListingCache {
    pub(super) aggregates: TtlCache<FilterKey, Arc<Aggregates>>,
    pub(super) pages: TtlCache<PageKey, Arc<ListingPage>>,
    /// The catalogue's filterable attributes, which count what `aggregates` misses.
    index: TtlCache<(), Arc<FacetIndex>>,
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
            index: TtlCache::new(ttl, 1),
        }
    }

    pub(super) fn page_key(query: &ListingQuery, limit: u32) -> PageKey {
        let mut pairs = query.to_pairs();
        pairs.sort();
        (pairs, limit)
    }

    pub(super) fn key(query: &ListingQuery) -> FilterKey {
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

    pub(super) fn get(&self, key: &FilterKey) -> Option<Arc<Aggregates>> {
        self.aggregates.get(key)
    }

    pub(super) fn put(&self, key: FilterKey, aggregates: Arc<Aggregates>) {
        self.aggregates.put(key, aggregates);
    }

    /// The facet index, read again once it is older than the time to live (by one
    /// caller; the others count on the previous one meanwhile, see [`TtlCache`]).
    pub(super) async fn index(
        &self,
        db: &impl sea_orm::ConnectionTrait,
    ) -> Result<Arc<FacetIndex>, sea_orm::DbErr> {
        if let Some(index) = self.index.get(&()) {
            return Ok(index);
        }
        let index = Arc::new(FacetIndex::load(db).await?);
        self.index.put((), Arc::clone(&index));
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::listing::Facets;
    use crate::catalog::listing::cursor::{Cursor, KeyValue};
    use chrono::DateTime;
    use sea_orm::prelude::Uuid;

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
}
