//! Search quality and speed, for `bench/search-quality.sh` (not part of the store).
//!
//! `search_eval quality [FUSION...]` grades every visible product for each query of
//! `bench/search-judged.json` from the catalogue's attributes (the file says how), runs
//! the query in the three modes (full text, vector, hybrid) and prints nDCG@10 and
//! recall@50 (relevant: grade 2 or 3) per mode, overall and per kind of query.
//! `search_eval sweep` does it for a grid of fusion settings (hybrid only).
//! `search_eval show WORDS...` prints each mode's first ten results for one query.
//! `search_eval latency [ROUNDS]` times hybrid searches of the judged queries: with the
//! query-embedding cache cold (a new cache for every search) and warm, plus full text
//! alone for reference, and prints p50, p95, p99 and the slowest.
//!
//! Reads `DATABASE_URL` (the script points it at the bench cluster) and the model from
//! `EMBEDDING_MODEL_DIR`. FUSION settings: `k=60 lexical=1 vector=1 distance=0.75
//! exact=true depth=50`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use sea_orm::prelude::Uuid;
use sea_orm::{Database, DatabaseConnection};
use services::analytics::Analytics;
use services::catalog::search::{
    self, Fusion, QueryEmbeddings, SearchMode, SearchQuery, Semantic, TermCache,
};
use services::embedder::{MiniLmEmbedder, default_model_dir};

mod judged;

use judged::{Judged, Judgement, grade, metrics, products};

const JUDGED: &str = "bench/search-judged.json";
const MODES: [(SearchMode, &str); 3] = [
    (SearchMode::Lexical, "lexical"),
    (SearchMode::Vector, "vector"),
    (SearchMode::Hybrid, "hybrid"),
];

struct Searcher {
    db: DatabaseConnection,
    analytics: Analytics,
    terms: TermCache,
    embedder: MiniLmEmbedder,
    embeddings: QueryEmbeddings,
}

impl Searcher {
    /// The first `depth` results (two pages at most).
    async fn ids(&self, text: &str, mode: SearchMode, fusion: Fusion, depth: usize) -> Vec<Uuid> {
        let semantic = Semantic {
            embedder: &self.embedder,
            cache: Some(&self.embeddings),
            fusion,
        };
        let mut query = SearchQuery {
            text: text.to_string(),
            limit: search::MAX_LIMIT,
            mode,
            ..SearchQuery::default()
        };
        let mut ids = Vec::new();
        while ids.len() < depth {
            let page = search::search_semantic(
                &self.db,
                &self.analytics,
                Some(&self.terms),
                &semantic,
                &query,
            )
            .await
            .unwrap_or_else(|error| panic!("{text:?}: {error}"));
            ids.extend(page.products.iter().map(|hit| hit.card.id));
            match page.next_cursor {
                Some(cursor) => query.offset = cursor.parse().expect("a cursor"),
                None => break,
            }
        }
        ids.truncate(depth);
        ids
    }
}

/// Mean nDCG@10 and recall@50 per kind of query (and "all") for one mode.
async fn evaluate(
    searcher: &Searcher,
    judged: &[(Judgement, HashMap<Uuid, u8>)],
    mode: SearchMode,
    fusion: Fusion,
) -> Vec<(String, f64, f64, usize)> {
    let mut sums: Vec<(String, f64, f64, usize, usize)> = Vec::new();
    for (judgement, grades) in judged {
        let ranked = searcher.ids(&judgement.query, mode, fusion, 50).await;
        let (ndcg, recall) = metrics(&ranked, grades);
        for kind in ["all", judgement.kind.as_str()] {
            let index = match sums.iter().position(|s| s.0 == kind) {
                Some(index) => index,
                None => {
                    sums.push((kind.to_string(), 0.0, 0.0, 0, 0));
                    sums.len() - 1
                }
            };
            let entry = &mut sums[index];
            entry.1 += ndcg;
            entry.3 += 1;
            if let Some(recall) = recall {
                entry.2 += recall;
                entry.4 += 1;
            }
        }
    }
    sums.into_iter()
        .map(|(kind, ndcg, recall, n, with_relevant)| {
            (
                kind,
                ndcg / n as f64,
                recall / with_relevant.max(1) as f64,
                n,
            )
        })
        .collect()
}

fn fusion_from(args: &[String]) -> Fusion {
    let mut fusion = Fusion::default();
    for arg in args {
        let (key, value) = arg
            .split_once('=')
            .unwrap_or_else(|| panic!("{arg}: key=value"));
        let number = || value.parse::<f64>().unwrap_or_else(|_| panic!("{arg}"));
        match key {
            "k" => fusion.k = number(),
            "lexical" => fusion.lexical_weight = number(),
            "vector" => fusion.vector_weight = number(),
            "distance" => fusion.max_distance = number(),
            "exact" => fusion.exact_first = value == "true",
            "depth" => fusion.depth = value.parse().unwrap_or_else(|_| panic!("{arg}")),
            _ => panic!("unknown setting {key}"),
        }
    }
    fusion
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[index].as_secs_f64() * 1000.0
}

async fn latency(searcher: &Searcher, queries: &[String], rounds: usize) {
    println!("| search | samples | p50 ms | p95 ms | p99 ms | max ms |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (label, mode, cold) in [
        ("full text only", SearchMode::Lexical, false),
        ("hybrid, embedding cache cold", SearchMode::Hybrid, true),
        ("hybrid, embedding cache warm", SearchMode::Hybrid, false),
    ] {
        let mut times = Vec::new();
        for round in 0..=rounds {
            for text in queries {
                let fresh = QueryEmbeddings::default();
                let semantic = Semantic {
                    embedder: &searcher.embedder,
                    cache: Some(if cold { &fresh } else { &searcher.embeddings }),
                    fusion: Fusion::default(),
                };
                let query = SearchQuery {
                    text: text.clone(),
                    limit: 24,
                    mode,
                    ..SearchQuery::default()
                };
                let started = Instant::now();
                search::search_semantic(
                    &searcher.db,
                    &searcher.analytics,
                    Some(&searcher.terms),
                    &semantic,
                    &query,
                )
                .await
                .unwrap_or_else(|error| panic!("{text:?}: {error}"));
                // Round 0 warms the connections, term plans and (warm) embeddings.
                if round > 0 {
                    times.push(started.elapsed());
                }
            }
        }
        print_row(label, times);
    }
    // The model alone: what a cold search pays on top of a warm one.
    let mut times = Vec::new();
    for round in 0..=rounds {
        for text in queries {
            let started = Instant::now();
            searcher
                .embedder
                .embed_off_workers(vec![text.to_lowercase()])
                .await
                .expect("the model embeds");
            if round > 0 {
                times.push(started.elapsed());
            }
        }
    }
    print_row("query embedding alone", times);
}

fn print_row(label: &str, mut times: Vec<Duration>) {
    times.sort_unstable();
    println!(
        "| {label} | {} | {:.1} | {:.1} | {:.1} | {:.1} |",
        times.len(),
        percentile(&times, 0.50),
        percentile(&times, 0.95),
        percentile(&times, 0.99),
        percentile(&times, 1.0)
    );
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let db = Database::connect(url).await.expect("the database connects");
    search::refresh_lexicon(&db)
        .await
        .expect("the lexicon refreshes");
    let searcher = Searcher {
        db,
        analytics: Analytics::default(),
        terms: TermCache::default(),
        embedder: MiniLmEmbedder::load(&default_model_dir()).expect("the model loads"),
        embeddings: QueryEmbeddings::default(),
    };
    let judged: Judged = serde_json::from_str(
        &std::fs::read_to_string(std::env::var("JUDGED").unwrap_or(JUDGED.into()))
            .expect("the judged queries read"),
    )
    .expect("the judged queries parse");
    match args.first().map(String::as_str) {
        Some("show") => {
            // The first ten names of each mode, for looking at one query.
            let text = args[1..].join(" ");
            for (mode, name) in MODES {
                let semantic = Semantic {
                    embedder: &searcher.embedder,
                    cache: Some(&searcher.embeddings),
                    fusion: Fusion::default(),
                };
                let query = SearchQuery {
                    text: text.clone(),
                    limit: 10,
                    mode,
                    ..SearchQuery::default()
                };
                let page = search::search_semantic(
                    &searcher.db,
                    &searcher.analytics,
                    Some(&searcher.terms),
                    &semantic,
                    &query,
                )
                .await
                .expect("the search runs");
                let names: Vec<&str> = page
                    .products
                    .iter()
                    .map(|hit| hit.card.name.as_str())
                    .collect();
                println!("{name} ({} in all): {}", page.total, names.join("; "));
            }
        }
        Some("latency") => {
            let rounds = args.get(1).map_or(5, |n| n.parse().expect("rounds"));
            let queries: Vec<String> = judged.queries.into_iter().map(|j| j.query).collect();
            latency(&searcher, &queries, rounds).await;
        }
        Some(command @ ("quality" | "sweep")) => {
            let catalogue = products(&searcher.db).await;
            let judged: Vec<(Judgement, HashMap<Uuid, u8>)> = judged
                .queries
                .into_iter()
                .map(|j| {
                    let grades = catalogue
                        .iter()
                        .map(|p| (p.id, grade(&j, p)))
                        .filter(|(_, g)| *g > 0)
                        .collect();
                    (j, grades)
                })
                .collect();
            println!("{} queries, {} products", judged.len(), catalogue.len());
            println!("| mode | queries | nDCG@10 | recall@50 |");
            println!("|---|---|---:|---:|");
            if command == "quality" {
                let fusion = fusion_from(&args[1..]);
                for (mode, name) in MODES {
                    for (kind, ndcg, recall, n) in evaluate(&searcher, &judged, mode, fusion).await
                    {
                        println!("| {name} | {kind} ({n}) | {ndcg:.3} | {recall:.3} |");
                    }
                }
            } else {
                for k in ["10", "30", "60", "100"] {
                    for lexical in ["1", "2"] {
                        for distance in ["0.7", "0.75", "0.8", "1"] {
                            for exact in ["true", "false"] {
                                let settings = [
                                    format!("k={k}"),
                                    format!("lexical={lexical}"),
                                    format!("distance={distance}"),
                                    format!("exact={exact}"),
                                ];
                                let fusion = fusion_from(&settings);
                                let all = evaluate(&searcher, &judged, SearchMode::Hybrid, fusion)
                                    .await
                                    .remove(0);
                                println!(
                                    "| hybrid {} | all | {:.3} | {:.3} |",
                                    settings.join(" "),
                                    all.1,
                                    all.2
                                );
                            }
                        }
                    }
                }
            }
        }
        _ => eprintln!(
            "usage: search_eval quality [k=.. lexical=.. vector=.. distance=.. exact=..] | sweep | latency [ROUNDS]"
        ),
    }
}
