//! Template databases: each test's database is a clone (`CREATE DATABASE … TEMPLATE …`)
//! of a database built once, not a fresh one migrated (and maybe seeded) per test.
//!
//! - `luxeverse_template_<migrations>`: migrated and empty. Named by a hash of the
//!   migration set, so a changed or added migration gets a template of its own; kept across
//!   runs.
//! - `luxeverse_template_<migrations>_demo_<build>`: that plus the demo catalog, embeddings
//!   and all. Named also by the test binary that seeded it (its path, size and time): a
//!   rebuild seeds afresh, so seeding happens at most once per run (and not at all when the
//!   same binary runs again).
//!
//! A template is built under another name and renamed when complete, so one that exists
//! is whole. Building holds a PostgreSQL advisory lock named after the template, so test
//! threads and processes (other checkouts share the cluster) build each template once and
//! never race. A finished template refuses connections (`ALLOW_CONNECTIONS false`): a
//! clone fails while anyone is connected to its template. Templates nobody has cloned for
//! [`STALE_AFTER`] (an old build's, an old migration set's) and builds a killed run left
//! behind are dropped by the next run.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, QueryResult, Statement, Value};
use server::database::{self, quote_ident};
use server::embedded_pg::EmbeddedPostgres;
use server::seed::seed_demo;
use sha2::{Digest, Sha256};

use super::spawn::{embedder, test_cluster_settings, workspace_root};

const PREFIX: &str = "luxeverse_template_";
/// Suffix of a template while it is being built.
const BUILDING: &str = "_new";
/// First key of the advisory locks (the second is the template's name, hashed; 0 guards
/// the clean-up).
const LOCK_CLASS: i32 = 0x4c56_5450;
/// A template nobody has cloned for this long is dropped (every clone marks it used), and
/// so is a test's database created this long ago (its test is long over).
const STALE_AFTER: Duration = Duration::from_secs(60 * 60);
/// The start of a test database's comment, followed by its creation time.
const TEST_DATABASE_NOTE: &str = "luxeverse test database, created ";
/// The start of a template's comment, followed by when it was last cloned.
const TEMPLATE_NOTE: &str = "luxeverse test template, last used ";

/// What a test's database starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixture {
    /// Every migration applied, no rows.
    Migrated,
    /// [`Fixture::Migrated`] plus the demo catalog (`server seed`).
    DemoCatalog,
}

impl Fixture {
    fn template(self) -> &'static str {
        static MIGRATED: OnceLock<String> = OnceLock::new();
        static DEMO: OnceLock<String> = OnceLock::new();
        match self {
            Fixture::Migrated => {
                MIGRATED.get_or_init(|| format!("{PREFIX}{}", migrations_fingerprint()))
            }
            Fixture::DemoCatalog => DEMO.get_or_init(|| {
                format!(
                    "{PREFIX}{}_demo_{}",
                    migrations_fingerprint(),
                    build_fingerprint()
                )
            }),
        }
    }
}

/// URL of the maintenance database on the server tests create their databases on:
/// `DATABASE_URL`'s server when set, the tests' embedded cluster otherwise.
pub async fn admin_url() -> String {
    if let Ok(url) = std::env::var("DATABASE_URL") {
        return url;
    }
    let settings = test_cluster_settings();
    tokio::task::spawn_blocking(move || EmbeddedPostgres::ensure_running(&settings))
        .await
        .expect("cluster task")
        .expect("the tests' embedded PostgreSQL starts")
        .url("postgres")
}

/// Replaces the database name (the URL's last path segment).
pub fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let base = &base[..base.rfind('/').expect("URL has a path")];
    match query {
        Some(query) => format!("{base}/{database}?{query}"),
        None => format!("{base}/{database}"),
    }
}

/// Creates `name` as a clone of the fixture's template, building the template first if
/// this run has not got it yet.
pub async fn create_database(admin_url: &str, fixture: Fixture, name: &str) {
    let template = fixture.template();
    let mut attempts = 0;
    loop {
        ensure(admin_url, fixture).await;
        let admin = connect(admin_url).await;
        let created = admin
            .execute_unprepared(&format!(
                "CREATE DATABASE {} TEMPLATE {}",
                quote_ident(name),
                quote_ident(template)
            ))
            .await;
        if created.is_ok() {
            stamp(&admin, template, TEMPLATE_NOTE).await;
            stamp(&admin, name, TEST_DATABASE_NOTE).await;
        }
        let _ = admin.close().await;
        match created {
            Ok(_) => return,
            // Another run's clean-up may have dropped it in between: build it again.
            Err(error) if attempts < 2 => {
                tracing::warn!(%error, template, "cloning the template failed; retrying");
                forget(fixture);
                attempts += 1;
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            Err(error) => panic!("test database {name} is cloned from {template}: {error}"),
        }
    }
}

/// The templates this process has seen exist (and marked used).
static READY: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

fn is_ready(template: &str) -> bool {
    READY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .contains(&template)
}

fn forget(fixture: Fixture) {
    let mut ready = READY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    ready.retain(|known| *known != fixture.template() && *known != Fixture::Migrated.template());
}

async fn ensure(admin_url: &str, fixture: Fixture) {
    if fixture == Fixture::DemoCatalog {
        ensure_one(admin_url, Fixture::Migrated).await;
    }
    ensure_one(admin_url, fixture).await;
}

async fn ensure_one(admin_url: &str, fixture: Fixture) {
    let template = fixture.template();
    if is_ready(template) {
        return;
    }
    let admin = connect(admin_url).await;
    clean_up_once(&admin).await;
    lock(&admin, template).await;
    if !exists(&admin, template).await {
        build(&admin, admin_url, fixture).await;
    }
    stamp(&admin, template, TEMPLATE_NOTE).await;
    unlock(&admin, template).await;
    let _ = admin.close().await;
    READY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .push(template);
}

/// Builds the template under a temporary name, then renames it: the caller holds its lock.
async fn build(admin: &DatabaseConnection, admin_url: &str, fixture: Fixture) {
    let template = fixture.template();
    let building = format!("{template}{BUILDING}");
    let started = Instant::now();
    // What a killed run left behind (nobody else builds it: we hold the lock).
    drop_database(admin, &building).await;
    let from = match fixture {
        Fixture::Migrated => String::new(),
        Fixture::DemoCatalog => format!(" TEMPLATE {}", quote_ident(Fixture::Migrated.template())),
    };
    execute(
        admin,
        &format!("CREATE DATABASE {}{from}", quote_ident(&building)),
    )
    .await;

    let db = database::connect(&with_database(admin_url, &building), 2)
        .await
        .expect("the template being built connects");
    match fixture {
        Fixture::Migrated => database::migrate(&db)
            .await
            .expect("migrations apply to the template"),
        Fixture::DemoCatalog => {
            seed_demo(&db, &embedder(), None)
                .await
                .expect("the demo catalog seeds the template");
        }
    }
    // No connection may stay open on a template, or cloning it fails.
    db.close().await.expect("the template's pool closes");

    execute(
        admin,
        &format!(
            "ALTER DATABASE {} RENAME TO {}",
            quote_ident(&building),
            quote_ident(template)
        ),
    )
    .await;
    // Best effort: a server where the tests' role may not change these clones it anyway
    // (its owner may), as long as nothing connects to it.
    if let Err(error) = admin
        .execute_unprepared(&format!(
            "ALTER DATABASE {} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false",
            quote_ident(template)
        ))
        .await
    {
        tracing::warn!(%error, template, "the template is not marked as one");
    }
    tracing::info!(template, elapsed = ?started.elapsed(), "template database built");
}

/// Drops the stale templates once per process: those unused for [`STALE_AFTER`], and
/// builds nobody is working on (a killed run's); and the test databases an ended run left
/// behind.
async fn clean_up_once(admin: &DatabaseConnection) {
    static DONE: AtomicBool = AtomicBool::new(false);
    let cleaning = Value::Int(Some(0));
    if DONE.swap(true, Ordering::SeqCst)
        || !advisory(admin, "pg_try_advisory_lock", cleaning.clone())
            .await
            .try_get::<String>("", "answer")
            .is_ok_and(|answer| answer == "true")
    {
        return;
    }
    let current = [
        Fixture::Migrated.template(),
        Fixture::DemoCatalog.template(),
    ];
    let rows = admin
        .query_all_raw(Statement::from_sql_and_values(
            admin.get_database_backend(),
            "SELECT datname, shobj_description(oid, 'pg_database') AS note FROM pg_database
             WHERE starts_with(datname, $1)",
            [PREFIX.into()],
        ))
        .await
        .expect("templates are listed");
    let now = unix_now();
    for row in rows {
        let name: String = row.try_get("", "datname").unwrap();
        let note: Option<String> = row.try_get("", "note").unwrap();
        if current.contains(&name.as_str()) {
            continue;
        }
        let owner = name.strip_suffix(BUILDING);
        let stale = owner.is_some()
            || last_used(note.as_deref())
                .is_none_or(|used| now.saturating_sub(used) > STALE_AFTER.as_secs());
        let owner = owner.unwrap_or(&name);
        if stale && try_lock(admin, owner).await {
            tracing::info!(template = name, "dropping a stale template database");
            drop_database(admin, &name).await;
            unlock(admin, owner).await;
        }
    }
    let left_behind = admin
        .query_all_raw(Statement::from_sql_and_values(
            admin.get_database_backend(),
            "SELECT datname, shobj_description(oid, 'pg_database') AS note FROM pg_database
             WHERE starts_with(shobj_description(oid, 'pg_database'), $1)",
            [TEST_DATABASE_NOTE.into()],
        ))
        .await
        .expect("test databases are listed");
    for row in left_behind {
        let name: String = row.try_get("", "datname").unwrap();
        let note: Option<String> = row.try_get("", "note").unwrap();
        let created = note
            .as_deref()
            .and_then(|note| note.strip_prefix(TEST_DATABASE_NOTE))
            .and_then(|created| created.parse::<u64>().ok());
        if created.is_some_and(|created| now.saturating_sub(created) > STALE_AFTER.as_secs()) {
            tracing::info!(
                database = name,
                "dropping a test database a run left behind"
            );
            drop_database(admin, &name).await;
        }
    }
    advisory(admin, "pg_advisory_unlock", cleaning).await;
}

/// Drops a test's database, forcing its connections closed.
pub async fn drop_test_database(admin_url: &str, name: &str) {
    if let Ok(admin) = database::connect(admin_url, 1).await {
        let _ = admin
            .execute_unprepared(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                quote_ident(name)
            ))
            .await;
        let _ = admin.close().await;
    }
}

/// Comments database `name` with `note` and the time now: a test database its creation
/// ([`TEST_DATABASE_NOTE`]), a template its last use; [`clean_up_once`] reads both (best
/// effort).
async fn stamp(admin: &DatabaseConnection, name: &str, note: &str) {
    let _ = admin
        .execute_unprepared(&format!(
            "COMMENT ON DATABASE {} IS '{note}{}'",
            quote_ident(name),
            unix_now()
        ))
        .await;
}

fn last_used(note: Option<&str>) -> Option<u64> {
    note?.strip_prefix(TEMPLATE_NOTE)?.parse().ok()
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

async fn exists(admin: &DatabaseConnection, name: &str) -> bool {
    admin
        .query_one_raw(Statement::from_sql_and_values(
            admin.get_database_backend(),
            "SELECT 1 AS found FROM pg_database WHERE datname = $1",
            [name.into()],
        ))
        .await
        .expect("pg_database is read")
        .is_some()
}

async fn drop_database(admin: &DatabaseConnection, name: &str) {
    if exists(admin, name).await {
        // A template cannot be dropped; it refuses connections, so FORCE is for builds.
        let _ = admin
            .execute_unprepared(&format!(
                "ALTER DATABASE {} IS_TEMPLATE false",
                quote_ident(name)
            ))
            .await;
        execute(
            admin,
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", quote_ident(name)),
        )
        .await;
    }
}

/// One connection, so session-level advisory locks stay with the statements after them.
async fn connect(admin_url: &str) -> DatabaseConnection {
    database::connect(admin_url, 1)
        .await
        .expect("the maintenance database connects")
}

async fn execute(admin: &DatabaseConnection, sql: &str) {
    admin
        .execute_unprepared(sql)
        .await
        .unwrap_or_else(|error| panic!("{sql}: {error}"));
}

async fn lock(admin: &DatabaseConnection, template: &str) {
    advisory(admin, "pg_advisory_lock", Value::from(template)).await;
}

async fn unlock(admin: &DatabaseConnection, template: &str) {
    advisory(admin, "pg_advisory_unlock", Value::from(template)).await;
}

async fn try_lock(admin: &DatabaseConnection, template: &str) -> bool {
    advisory(admin, "pg_try_advisory_lock", Value::from(template))
        .await
        .try_get::<String>("", "answer")
        .is_ok_and(|answer| answer == "true")
}

/// Calls an advisory lock function on (LOCK_CLASS, the hash of `key`); a text key names a
/// template, an integer one is a lock of its own (the clean-up's is 0).
async fn advisory(admin: &DatabaseConnection, function: &str, key: Value) -> QueryResult {
    let key_sql = match key {
        Value::Int(_) => "$2",
        _ => "hashtext($2)",
    };
    admin
        .query_one_raw(Statement::from_sql_and_values(
            admin.get_database_backend(),
            // `pg_advisory_lock` answers void: a text cast reads whatever comes back.
            format!("SELECT {function}($1, {key_sql})::text AS answer"),
            [Value::Int(Some(LOCK_CLASS)), key],
        ))
        .await
        .unwrap_or_else(|error| panic!("{function}: {error}"))
        .expect("a row")
}

/// A hash of the migration set: the migrations' names and every file of the migration
/// crate's sources (the SQL they compile in included).
fn migrations_fingerprint() -> &'static str {
    static FINGERPRINT: OnceLock<String> = OnceLock::new();
    FINGERPRINT.get_or_init(|| {
        let mut hasher = Sha256::new();
        for migration in Migrator::migrations() {
            hasher.update(migration.name().as_bytes());
            hasher.update([0]);
        }
        let root = workspace_root().join("migrations/src");
        let mut files = Vec::new();
        collect_files(&root, &mut files);
        files.sort();
        for file in files {
            let relative = file.strip_prefix(&root).unwrap_or(&file);
            hasher.update(relative.as_os_str().as_encoded_bytes());
            hasher.update([0]);
            hasher.update(std::fs::read(&file).expect("a migration source reads"));
            hasher.update([0]);
        }
        short_hex(&hasher.finalize())
    })
}

/// A hash of what seeded data depends on besides the migrations: this test binary (the
/// seeder is compiled into it) and the embedding model it loads.
fn build_fingerprint() -> &'static str {
    static FINGERPRINT: OnceLock<String> = OnceLock::new();
    FINGERPRINT.get_or_init(|| {
        let mut hasher = Sha256::new();
        let exe = std::env::current_exe().expect("the test binary's path");
        hasher.update(exe.as_os_str().as_encoded_bytes());
        if let Ok(metadata) = std::fs::metadata(&exe) {
            hasher.update(metadata.len().to_le_bytes());
            let modified = metadata
                .modified()
                .ok()
                .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |elapsed| elapsed.as_nanos());
            hasher.update(modified.to_le_bytes());
        }
        hasher.update(
            std::env::var("EMBEDDING_MODEL_DIR")
                .unwrap_or_default()
                .as_bytes(),
        );
        short_hex(&hasher.finalize())
    })
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|error| panic!("reading {}: {error}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect_files(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// The first six bytes, as twelve hex digits (names stay within PostgreSQL's 63).
fn short_hex(digest: &[u8]) -> String {
    digest[..6]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[test]
fn database_names_are_swapped_in_urls() {
    assert_eq!(
        with_database("postgres://u:p@h:5432/postgres", "test_1"),
        "postgres://u:p@h:5432/test_1"
    );
    assert_eq!(
        with_database("postgres://u:p@h/app?sslmode=require", "test_2"),
        "postgres://u:p@h/test_2?sslmode=require"
    );
}

#[test]
fn template_names_fit_postgres_identifiers() {
    for fixture in [Fixture::Migrated, Fixture::DemoCatalog] {
        let name = fixture.template();
        assert!(name.starts_with(PREFIX), "{name}");
        assert!(name.len() + BUILDING.len() <= 63, "{name}");
    }
    assert!(
        Fixture::DemoCatalog
            .template()
            .starts_with(Fixture::Migrated.template())
    );
}
