use server::config::Settings;
use server::startup::{Application, shutdown_signal};
use server::telemetry;

/// `server` serves the store; `server migrate` only prepares the database.
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
        Some(other) => {
            return Err(
                format!("unknown command `{other}` (expected `serve` or `migrate`)").into(),
            );
        }
    }
    Ok(())
}
