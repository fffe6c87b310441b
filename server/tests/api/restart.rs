//! The embedded database survives the server being killed and started again.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, Statement};
use server::config::EmbeddedPgSettings;
use server::database;
use server::embedded_pg::EmbeddedPostgres;

use crate::helpers::{free_port, init_tracing, test_cluster_settings};

/// The real server binary, with its own embedded cluster in `pg_dir`.
struct ServerProcess {
    child: Child,
    address: String,
}

impl ServerProcess {
    async fn start(pg: &EmbeddedPgSettings) -> Self {
        let http_port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_server"))
            .env_remove("DATABASE_URL")
            .env("APP_SECRET", "restart-test-secret-not-used-for-anything")
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{http_port}"))
            .env("PG_INSTALL_DIR", &pg.install_dir)
            .env("EMBEDDED_PG_DIR", &pg.dir)
            .env("EMBEDDED_PG_PORT", pg.port.to_string())
            .env("EMBEDDED_PG_DATABASE", &pg.database)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("server binary starts");
        let server = Self {
            child,
            address: format!("http://127.0.0.1:{http_port}"),
        };
        server.wait_until_healthy().await;
        server
    }

    async fn wait_until_healthy(&self) {
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            if let Ok(response) = reqwest::get(format!("{}/health", self.address)).await
                && response.status() == 200
            {
                let body: serde_json::Value = response.json().await.unwrap();
                assert_eq!(body["database"]["status"], "up");
                return;
            }
            assert!(Instant::now() < deadline, "server did not become healthy");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    fn kill(mut self) {
        self.child.kill().expect("server is killed");
        self.child.wait().expect("server exits");
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Removes the cluster directory once the test is over, stopping PostgreSQL first.
struct ClusterDir(EmbeddedPgSettings);

impl Drop for ClusterDir {
    fn drop(&mut self) {
        let _ = EmbeddedPostgres::stop(&self.0);
        let _ = std::fs::remove_dir_all(&self.0.dir);
    }
}

async fn app_url(dir: &Path, pg: &EmbeddedPgSettings) -> String {
    let password = std::fs::read_to_string(dir.join("password")).expect("password file");
    format!(
        "postgres://postgres:{}@127.0.0.1:{}/{}",
        password.trim(),
        pg.port,
        pg.database
    )
}

#[tokio::test]
async fn data_survives_killing_and_restarting_the_server() {
    init_tracing();
    let dir: PathBuf = std::env::temp_dir().join(format!(
        "luxeverse-restart-{}",
        uuid::Uuid::new_v4().simple()
    ));
    let pg = EmbeddedPgSettings {
        dir: dir.clone(),
        port: free_port(),
        database: "restart_probe".into(),
        ..test_cluster_settings()
    };
    let _cleanup = ClusterDir(pg.clone());

    // First start: initialises the cluster, creates the database, migrates, serves.
    let first = ServerProcess::start(&pg).await;
    let url = app_url(&dir, &pg).await;
    let db = database::connect(&url, 1).await.unwrap();
    // The store's own cluster waits for the disk on every commit (the tests' does not).
    let fsync = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT current_setting('fsync') AS fsync",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<String>("", "fsync")
        .unwrap();
    assert_eq!(fsync, "on");
    db.execute_unprepared("CREATE TABLE keepsake (id int PRIMARY KEY, note text NOT NULL)")
        .await
        .unwrap();
    db.execute_unprepared("INSERT INTO keepsake VALUES (1, 'cashmere, ivory')")
        .await
        .unwrap();
    db.close().await.unwrap();

    // Kill the server outright and stop its database, as a machine restart would.
    first.kill();
    let stop_settings = pg.clone();
    tokio::task::spawn_blocking(move || EmbeddedPostgres::stop(&stop_settings))
        .await
        .unwrap()
        .expect("cluster stops");

    // Second start reuses the same cluster and finds the row.
    let second = ServerProcess::start(&pg).await;
    let db = database::connect(&url, 1).await.unwrap();
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT note FROM keepsake WHERE id = 1",
        ))
        .await
        .unwrap()
        .expect("the row written before the restart");
    assert_eq!(
        row.try_get::<String>("", "note").unwrap(),
        "cashmere, ivory"
    );
    let applied = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT count(*) AS n FROM seaql_migrations",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    assert!(applied >= 1, "migrations are recorded once and kept");
    db.close().await.unwrap();
    second.kill();
}
