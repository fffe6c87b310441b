//! The migrated schema is the data model, and migrations go down and up cleanly.

use std::process::Command;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use crate::helpers::{spawn_app, workspace_root};

const MODEL_TABLES: i64 = 49;
const MODEL_ENUMS: i64 = 10;

async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
    db.query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap()
}

async fn model_tables(db: &DatabaseConnection) -> i64 {
    count(
        db,
        "SELECT count(*) AS n FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_name <> 'seaql_migrations'",
    )
    .await
}

async fn enum_types(db: &DatabaseConnection) -> i64 {
    count(
        db,
        "SELECT count(*) AS n FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = current_schema() AND t.typtype = 'e'",
    )
    .await
}

#[tokio::test]
async fn the_migrated_schema_passes_the_data_model_check() {
    let app = spawn_app().await;
    let tool = workspace_root().join("../shared/tools/schema-check");
    assert!(
        tool.is_file(),
        "schema-check not found at {}",
        tool.display()
    );
    let pg_bin = std::path::PathBuf::from(
        std::env::var("PG_INSTALL_DIR")
            .unwrap_or_else(|_| server::config::DEFAULT_PG_INSTALL_DIR.into()),
    )
    .join("bin");
    let path = format!(
        "{}:{}",
        pg_bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );

    let output = Command::new("python3")
        .arg(&tool)
        .args(["--allow", "addresses.coordinates", "--db", &app.db_url])
        .env("PATH", path)
        .output()
        .expect("schema-check runs");

    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "schema-check found gaps:\n{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(report.contains("tables 49/49"), "{report}");
    assert!(report.contains("; 0 gaps"), "{report}");
}

#[tokio::test]
async fn migrations_go_all_the_way_down_and_up_again() {
    let app = spawn_app().await;
    assert_eq!(model_tables(&app.db).await, MODEL_TABLES);
    assert_eq!(enum_types(&app.db).await, MODEL_ENUMS);

    Migrator::down(&app.db, None)
        .await
        .expect("every migration reverts");
    assert_eq!(model_tables(&app.db).await, 0);
    assert_eq!(enum_types(&app.db).await, 0);
    let extensions = count(
        &app.db,
        "SELECT count(*) AS n FROM pg_extension WHERE extname IN ('vector', 'pg_trgm')",
    )
    .await;
    assert_eq!(extensions, 0);

    Migrator::up(&app.db, None)
        .await
        .expect("migrations apply again");
    assert_eq!(model_tables(&app.db).await, MODEL_TABLES);
    assert_eq!(enum_types(&app.db).await, MODEL_ENUMS);
    assert!(
        Migrator::get_pending_migrations(&app.db)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn updated_at_is_kept_current_by_the_database() {
    let app = spawn_app().await;
    let db = &app.db;
    db.execute_unprepared(
        "INSERT INTO feature_flags (key, enabled, updated_at)
         VALUES ('probe', false, now() - interval '1 day')",
    )
    .await
    .unwrap();
    db.execute_unprepared("UPDATE feature_flags SET enabled = true WHERE key = 'probe'")
        .await
        .unwrap();
    let fresh = count(
        db,
        "SELECT count(*) AS n FROM feature_flags
         WHERE key = 'probe' AND updated_at > now() - interval '1 minute'",
    )
    .await;
    assert_eq!(fresh, 1);
}
