use std::path::Path;

use server::config::Settings;
use server::seed;
use server::startup::{Application, shutdown_signal};
use server::telemetry;
use services::embedder::MiniLmEmbedder;

/// Server-side rendering allocates and frees many short strings per page; mimalloc's
/// per-thread free lists serve that pattern with less contention than glibc's malloc
/// (bench/RESULTS.md has the before and after).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `server` serves the store; `server migrate` only prepares the database; `server seed`
/// prepares it and loads the demo catalog (idempotent); `server seed --products N` loads
/// the demo catalog plus generated pieces up to N products (for load tests).
#[tokio::main]
async fn main() -> std::process::ExitCode {
    telemetry::init(
        telemetry::DEFAULT_LOG_FILTER,
        || Box::new(std::io::stdout()),
    );
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error}");
            eprintln!("error: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let settings = Settings::from_env()?;
    let command = std::env::args().nth(1);
    match command.as_deref() {
        None | Some("serve") => {
            let app = Application::build(settings).await?;
            app.run_until(shutdown_signal()).await?;
        }
        Some("migrate") => {
            server::database::connect_and_migrate(&settings.database).await?;
            tracing::info!("database is migrated");
        }
        Some("seed") => {
            let db = server::database::connect_and_migrate(&settings.database).await?;
            let embedder = MiniLmEmbedder::load(&settings.embedding_model_dir)?;
            let art = Some(Path::new("public/images"));
            let report = match seed_size(std::env::args().skip(2))? {
                None => seed::seed_demo(&db, &embedder, art).await?,
                Some(products) => seed::seed_scaled(&db, &embedder, art, products).await?,
            };
            if report.seeded {
                println!(
                    "Seeded {} products in {:.1?} (embeddings {:.1?} for {} distinct texts); {} art files written.",
                    report.products,
                    report.elapsed,
                    report.embedding_time,
                    report.embedded_texts,
                    report.art_files_written
                );
                for (table, rows) in report.table_counts.iter().filter(|(_, rows)| *rows > 0) {
                    println!("  {table:<28} {rows:>6}");
                }
            } else {
                println!(
                    "The catalog ({} products) is already loaded; nothing to do ({} art files refreshed).",
                    report.products, report.art_files_written
                );
            }
        }
        Some(other) => {
            return Err(format!(
                "unknown command `{other}` (expected `serve`, `migrate` or `seed`)"
            )
            .into());
        }
    }
    Ok(())
}

/// The arguments after `seed`: nothing (the demo catalog) or `--products N` /
/// `--products=N` (a catalog scaled to N products).
fn seed_size(mut args: impl Iterator<Item = String>) -> Result<Option<usize>, String> {
    let usage = "usage: server seed [--products N]";
    let value = match args.next() {
        None => return Ok(None),
        Some(flag) if flag == "--products" => args
            .next()
            .ok_or_else(|| format!("--products needs a number; {usage}"))?,
        Some(flag) if flag.starts_with("--products=") => flag["--products=".len()..].to_string(),
        Some(other) => return Err(format!("unknown argument `{other}`; {usage}")),
    };
    if let Some(extra) = args.next() {
        return Err(format!("unexpected argument `{extra}`; {usage}"));
    }
    value
        .parse::<usize>()
        .map(Some)
        .map_err(|_| format!("--products must be a whole number, not `{value}`"))
}
