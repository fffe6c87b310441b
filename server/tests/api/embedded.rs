//! The embedded cluster's own guarantees: extensions, and clear errors for bad set-ups.

use sea_orm::{ConnectionTrait, Statement};
use server::config::EmbeddedPgSettings;
use server::embedded_pg::{EmbeddedPgError, EmbeddedPostgres};

use crate::helpers::{spawn_app, test_cluster_settings};

#[tokio::test]
async fn migrations_enable_pgvector_and_trigram_search() {
    let app = spawn_app().await;
    let backend = app.db.get_database_backend();

    let rows = app
        .db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT extname FROM pg_extension ORDER BY extname",
        ))
        .await
        .unwrap();
    let names: Vec<String> = rows
        .iter()
        .map(|row| row.try_get::<String>("", "extname").unwrap())
        .collect();
    assert!(names.contains(&"vector".to_string()), "{names:?}");
    assert!(names.contains(&"pg_trgm".to_string()), "{names:?}");

    // Cosine distance works, which the recommendation queries rely on.
    let distance: f64 = app
        .db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT ('[1,0,0]'::vector <=> '[0,1,0]'::vector)::float8 AS d",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "d")
        .unwrap();
    assert!((distance - 1.0).abs() < 1e-9);
}

#[tokio::test]
async fn missing_binaries_are_reported_with_the_fix() {
    let settings = EmbeddedPgSettings {
        install_dir: "/nonexistent/pginstall".into(),
        dir: std::env::temp_dir().join("luxeverse-no-binaries"),
        ..test_cluster_settings()
    };
    let error = EmbeddedPostgres::ensure_running(&settings).unwrap_err();
    assert!(matches!(error, EmbeddedPgError::MissingBinaries(_)));
    assert!(error.to_string().contains("PG_INSTALL_DIR"), "{error}");
}

#[tokio::test]
async fn a_data_directory_postgres_cannot_reach_is_refused_clearly() {
    // Only root hands the cluster to another account; otherwise there is nothing to check.
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return;
    }
    let private = std::env::temp_dir().join(format!(
        "luxeverse-private-{}",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::create_dir(&private).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o700)).unwrap();
    let settings = EmbeddedPgSettings {
        dir: private.join("cluster-home"),
        ..test_cluster_settings()
    };

    let error = EmbeddedPostgres::ensure_running(&settings).unwrap_err();
    std::fs::remove_dir_all(&private).unwrap();

    match &error {
        EmbeddedPgError::Unreachable { blocked, .. } => assert_eq!(blocked, &private),
        other => panic!("expected Unreachable, got {other}"),
    }
    assert!(error.to_string().contains("EMBEDDED_PG_DIR"), "{error}");
}
