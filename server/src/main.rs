use std::path::Path;

use app::services::embedder::MiniLmEmbedder;
use server::config::Settings;
use server::seed;
use server::startup::{Application, shutdown_signal};
use server::telemetry;

/// `server` serves the store; `server migrate` only prepares the database; `server seed`
/// prepares it and loads the demo catalog (idempotent).
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
            let report = seed::seed_demo(&db, &embedder, Some(Path::new("public/images"))).await?;
            if report.seeded {
                println!(
                    "Seeded the demo catalog in {:.1?} (embeddings {:.1?}); {} art files written.",
                    report.elapsed, report.embedding_time, report.art_files_written
                );
                for (table, rows) in report.table_counts.iter().filter(|(_, rows)| *rows > 0) {
                    println!("  {table:<28} {rows:>6}");
                }
            } else {
                println!(
                    "The demo catalog is already loaded; nothing to do ({} art files refreshed).",
                    report.art_files_written
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
