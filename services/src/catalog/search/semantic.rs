//! The query's side of the vector search: its embedding (all-MiniLM-L6-v2, the model the
//! products were embedded with), cached per server, and the fusion's tuning.

use std::sync::Arc;
use std::time::Duration;

use crate::catalog::listing::TtlCache;
use crate::embedder::{EmbedError, MiniLmEmbedder};

/// Query embeddings by query text (lowercased: the model does not see case). Shoppers
/// repeat queries, and embedding one costs a few milliseconds of a core, so each server
/// keeps the last [`QueryEmbeddings::CAPACITY`] (384 floats, 1.5 KB each: about 6 MB at
/// most) for [`QueryEmbeddings::TTL`]. One per server (in `Services`).
#[derive(Clone, Debug)]
pub struct QueryEmbeddings(TtlCache<String, Arc<[f32]>>);

impl QueryEmbeddings {
    /// Embeddings held at most (then the expired ones, or all, are dropped).
    pub const CAPACITY: usize = 4_096;
    /// How long one is kept. The model does not change while the server runs, so this
    /// only lets rare queries make room.
    pub const TTL: Duration = Duration::from_secs(3_600);

    /// Embeddings held (expired ones included until evicted).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Default for QueryEmbeddings {
    fn default() -> QueryEmbeddings {
        QueryEmbeddings(TtlCache::new(
            QueryEmbeddings::TTL,
            QueryEmbeddings::CAPACITY,
        ))
    }
}

/// How reciprocal rank fusion weighs the two rankings. A product's score is
/// `lexical_weight / (k + lexical rank) + vector_weight / (k + vector rank)` (a missing
/// rank adds nothing). The defaults are the ones `bench/search-quality.sh` measured best
/// on the judged queries (see `bench/RESULTS.md`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fusion {
    /// RRF's `k`: larger flattens the difference between neighbouring ranks.
    pub k: f64,
    pub lexical_weight: f64,
    pub vector_weight: f64,
    /// Nearest products farther than this cosine distance are not results (they would
    /// only be the least unrelated pieces).
    pub max_distance: f64,
    /// Products taken from each ranking before fusing (at least a page's end).
    pub depth: u32,
    /// Whether exact SKUs, exact names and pieces whose name and designer carry every
    /// term come first, before the fused score orders the rest.
    pub exact_first: bool,
}

impl Default for Fusion {
    fn default() -> Fusion {
        Fusion {
            k: 60.0,
            lexical_weight: 1.0,
            vector_weight: 1.0,
            max_distance: 0.8,
            depth: 50,
            exact_first: true,
        }
    }
}

/// What the vector side of a search needs: the model, the cache and the fusion.
#[derive(Debug, Clone, Copy)]
pub struct Semantic<'a> {
    pub embedder: &'a MiniLmEmbedder,
    pub cache: Option<&'a QueryEmbeddings>,
    pub fusion: Fusion,
}

impl Semantic<'_> {
    /// The embedding of `text`, from the cache or the model (off the async workers).
    pub(super) async fn embed(&self, text: &str) -> Result<Arc<[f32]>, EmbedError> {
        let key = text.to_lowercase();
        if let Some(found) = self.cache.and_then(|cache| cache.0.get(&key)) {
            return Ok(found);
        }
        let vector: Arc<[f32]> = self
            .embedder
            .embed_off_workers(vec![key.clone()])
            .await?
            .pop()
            .ok_or(EmbedError::Stopped)?
            .into();
        if let Some(cache) = self.cache {
            cache.0.put(key, Arc::clone(&vector));
        }
        Ok(vector)
    }
}

/// A vector as pgvector's text input (`[0.1,0.2,...]`), to bind and cast `::vector`.
pub(super) fn vector_literal(vector: &[f32]) -> String {
    let mut text = String::with_capacity(vector.len() * 12 + 2);
    text.push('[');
    for (index, value) in vector.iter().enumerate() {
        if index > 0 {
            text.push(',');
        }
        // Non-finite values are not valid vector input; the model never yields them.
        let value = if value.is_finite() { *value } else { 0.0 };
        text.push_str(&value.to_string());
    }
    text.push(']');
    text
}

/// Tokens of the query that look like SKUs (`LV-0101-001`, `LV-0101-001-M`): letters,
/// digits and hyphens with at least one of each, upper-cased as the catalogue writes them.
pub(super) fn sku_tokens(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|word| word.trim_matches(|ch: char| !ch.is_ascii_alphanumeric()))
        .filter(|word| {
            (5..=100).contains(&word.len())
                && word.contains('-')
                && word.chars().any(|ch| ch.is_ascii_digit())
                && word.chars().any(|ch| ch.is_ascii_alphabetic())
                && word
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
        })
        .map(str::to_ascii_uppercase)
        .take(super::MAX_TERMS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_are_written_as_pgvector_reads_them() {
        assert_eq!(vector_literal(&[0.5, -1.0, 0.25]), "[0.5,-1,0.25]");
        assert_eq!(vector_literal(&[f32::NAN, 1.0]), "[0,1]");
        assert_eq!(vector_literal(&[]), "[]");
    }

    #[test]
    fn sku_like_tokens_are_found() {
        assert_eq!(
            sku_tokens("lv-0101-001, and LV-0203-021-M please"),
            ["LV-0101-001", "LV-0203-021-M"]
        );
        assert!(sku_tokens("crew-neck sweater 2024 t-shirt").is_empty());
        assert!(sku_tokens("a-1").is_empty());
    }

    #[test]
    fn the_cache_is_bounded() {
        let cache = QueryEmbeddings::default();
        for index in 0..QueryEmbeddings::CAPACITY + 10 {
            cache.0.put(index.to_string(), Arc::from(vec![0.0f32; 4]));
        }
        assert!(cache.len() <= QueryEmbeddings::CAPACITY);
        assert!(!cache.is_empty());
    }
}
