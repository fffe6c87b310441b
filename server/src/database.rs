//! Getting a migrated database connection, from `DATABASE_URL` or the embedded cluster.

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr, Statement};

use crate::config::{DatabaseSettings, DatabaseSource};
use crate::embedded_pg::{EmbeddedPgError, EmbeddedPostgres};

#[derive(Debug, thiserror::Error)]
pub enum DatabaseError {
    #[error(transparent)]
    Embedded(#[from] EmbeddedPgError),
    #[error("could not connect to the database: {0}")]
    Connect(#[source] DbErr),
    #[error("could not create database `{name}`: {source}")]
    Create {
        name: String,
        #[source]
        source: DbErr,
    },
    #[error("migrations failed: {0}")]
    Migrate(#[source] DbErr),
    #[error("database start-up task failed: {0}")]
    Join(#[from] tokio::task::JoinError),
}

/// Connects to the configured database, creating it on the embedded cluster if needed,
/// and applies pending migrations.
pub async fn connect_and_migrate(
    settings: &DatabaseSettings,
) -> Result<DatabaseConnection, DatabaseError> {
    let url = match &settings.source {
        DatabaseSource::Url(url) => url.clone(),
        DatabaseSource::Embedded(embedded) => {
            let for_task = embedded.clone();
            let cluster =
                tokio::task::spawn_blocking(move || EmbeddedPostgres::ensure_running(&for_task))
                    .await??;
            create_database_if_missing(&cluster.url("postgres"), &embedded.database).await?;
            cluster.app_url()
        }
    };
    let db = connect(&url, settings.max_connections).await?;
    migrate(&db).await?;
    Ok(db)
}

/// Opens a connection pool.
pub async fn connect(url: &str, max_connections: u32) -> Result<DatabaseConnection, DatabaseError> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    Database::connect(options)
        .await
        .map_err(DatabaseError::Connect)
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DatabaseError> {
    Migrator::up(db, None).await.map_err(DatabaseError::Migrate)
}

/// Creates `name` through the maintenance database at `admin_url` unless it exists.
pub async fn create_database_if_missing(admin_url: &str, name: &str) -> Result<(), DatabaseError> {
    let admin = connect(admin_url, 1).await?;
    let backend = admin.get_database_backend();
    let exists = admin
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            "SELECT 1 FROM pg_database WHERE datname = $1",
            [name.into()],
        ))
        .await
        .map_err(DatabaseError::Connect)?
        .is_some();
    if !exists {
        tracing::info!(database = name, "creating database");
        admin
            .execute_unprepared(&format!("CREATE DATABASE {}", quote_ident(name)))
            .await
            .map_err(|source| DatabaseError::Create {
                name: name.to_string(),
                source,
            })?;
    }
    admin.close().await.map_err(DatabaseError::Connect)?;
    Ok(())
}

/// Quotes an SQL identifier (database names cannot be bound as parameters).
pub fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::quote_ident;

    #[test]
    fn identifiers_are_quoted_and_escaped() {
        assert_eq!(quote_ident("luxeverse"), "\"luxeverse\"");
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
    }
}
