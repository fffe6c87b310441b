//! Starting the app for a test: the real server, in-process, on a random port, with a
//! database of its own cloned from a template ([`super::templates`]), mail to a local SMTP
//! fake and payments to the local Stripe fake.
//!
//! The server runs as the binary runs it: on a multi-threaded runtime of its own (its own
//! thread, its own connection pool), not on the test's single-threaded one. What the test
//! does on its thread (queries, blocking work, the database drop at the end) never holds
//! up the server's requests, and the server's scheduling is the one production has.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use sea_orm::DatabaseConnection;
use server::config::{DEFAULT_EMBEDDED_PG_OS_USER, EmbeddedPgSettings, Settings};
use server::database;
use server::startup::Application;
use server::stripe_fake::StripeFake;
use server::telemetry;

use super::fakes::FakeSmtp;
use super::templates::{self, Fixture};

pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("server/ sits in the workspace")
        .to_path_buf()
}

/// Logs go to stdout when `TEST_LOG` is set, nowhere otherwise.
pub fn init_tracing() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        if std::env::var_os("TEST_LOG").is_some() {
            telemetry::init("info", || Box::new(std::io::stdout()));
        } else {
            telemetry::init("info", || Box::new(std::io::sink()));
        }
    });
}

/// The settings of the tests' embedded cluster, kept apart from the dev cluster: in
/// `.data/postgres-test`, or in `LUXEVERSE_TEST_PG_DIR` (the test script points it at the
/// cache, which PostgreSQL can reach wherever the clone lives).
pub fn test_cluster_settings() -> EmbeddedPgSettings {
    let dir = std::env::var_os("LUXEVERSE_TEST_PG_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join(".data/postgres-test"));
    EmbeddedPgSettings {
        install_dir: std::env::var("PG_INSTALL_DIR")
            .unwrap_or_else(|_| server::config::DEFAULT_PG_INSTALL_DIR.into())
            .into(),
        port: test_cluster_port(&dir),
        dir,
        database: "postgres".into(),
        os_user: DEFAULT_EMBEDDED_PG_OS_USER.into(),
        durable: false,
    }
}

/// A port in 55000..56000 derived from the cluster's directory, so clusters of different
/// clones (or the script's and a developer's) never fight over one port.
fn test_cluster_port(dir: &std::path::Path) -> u16 {
    let hash = dir
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
        });
    55_000 + (hash % 1_000) as u16
}

pub struct TestApp {
    pub address: String,
    pub db: DatabaseConnection,
    /// URL of this test's own database.
    pub db_url: String,
    /// Every email the app sends.
    pub smtp: FakeSmtp,
    /// The Stripe the app talks to; its events go to the app's webhook.
    pub stripe: StripeFake,
    pub client: reqwest::Client,
    /// The app's own handle (mailer, signer, …), for running its jobs by hand (on the
    /// server's runtime: [`TestApp::on_server`]).
    pub services: services::Services,
    /// The server's runtime, and how to stop it.
    server: ServerThread,
    /// Where this app keeps uploaded pictures (removed with the app).
    pub media_dir: tempfile::TempDir,
    db_name: String,
    admin_url: String,
}

/// Starts the app on a random port with a database of its own, migrated (a clone of the
/// migrated template) and empty.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(HashMap::new()).await
}

/// As `spawn_app`, with extra configuration (e.g. an OAuth provider).
pub async fn spawn_app_with(extra: HashMap<String, String>) -> TestApp {
    spawn(Fixture::Migrated, extra).await
}

/// As `spawn_app`, with the demo catalog (`server seed`) already in the database: a clone
/// of a template seeded once, so the embeddings are computed once and not per test.
pub async fn spawn_seeded_app() -> TestApp {
    spawn_seeded_app_with(HashMap::new()).await
}

/// As `spawn_seeded_app`, with extra configuration.
pub async fn spawn_seeded_app_with(extra: HashMap<String, String>) -> TestApp {
    spawn(Fixture::DemoCatalog, extra).await
}

/// A port that was free a moment ago (the app binds it right after).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free port")
}

async fn spawn(fixture: Fixture, extra: HashMap<String, String>) -> TestApp {
    init_tracing();
    let admin_url = templates::admin_url().await;
    let db_name = format!("test_{}", uuid::Uuid::new_v4().simple());
    templates::create_database(&admin_url, fixture, &db_name).await;
    let url = templates::with_database(&admin_url, &db_name);
    // The test's own pool, for its own queries.
    let db = database::connect(&url, 5)
        .await
        .expect("test database connects");
    // A no-op on a clone of the template; it would catch a migration the template lacks.
    database::migrate(&db).await.expect("migrations apply");

    // Mail goes to a local SMTP server speaking the real protocol.
    let smtp = FakeSmtp::start().await;
    // Payments go to a local Stripe fake speaking Stripe's protocol.
    let stripe = StripeFake::start().await.expect("the Stripe fake starts");
    let media_dir = tempfile::tempdir().expect("a media folder");
    let mut vars: HashMap<String, String> = HashMap::from([
        (
            "LEPTOS_SITE_ADDR".into(),
            format!("127.0.0.1:{}", free_port()),
        ),
        ("DATABASE_URL".into(), url.clone()),
        ("SMTP_URL".into(), smtp.url()),
        (
            "APP_SECRET".into(),
            format!("test-secret-{}", uuid::Uuid::new_v4()),
        ),
        ("STRIPE_SECRET_KEY".into(), stripe.secret_key().into()),
        (
            "STRIPE_WEBHOOK_SECRET".into(),
            stripe.webhook_secret().into(),
        ),
        ("STRIPE_API_BASE".into(), stripe.api_base()),
        // Tests run the outbox themselves (`TestApp::send_notification_emails`).
        ("NOTIFICATION_EMAIL_SECONDS".into(), "3600".into()),
        ("ALERT_SWEEP_SECONDS".into(), "3600".into()),
        ("MEDIA_DIR".into(), media_dir.path().display().to_string()),
    ]);
    vars.extend(extra);
    let settings = Settings::from_lookup(|name| vars.get(name).cloned()).expect("settings parse");
    let (server, port, services) = ServerThread::start(settings, url.clone()).await;
    let address = format!("http://127.0.0.1:{port}");
    stripe.set_webhook_url(format!("{address}/webhooks/stripe"));

    TestApp {
        address,
        db,
        db_url: url,
        smtp,
        stripe,
        services,
        server,
        media_dir,
        // Longer than the server's own time limit (30 s), so a stalled response shows as
        // the server's 503 or, for a body that never ends, as a failure instead of a hang.
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(45))
            .build()
            .expect("client builds"),
        db_name,
        admin_url,
    }
}

/// The server's thread: a multi-threaded runtime running the app until told to stop.
struct ServerThread {
    runtime: tokio::runtime::Handle,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl ServerThread {
    /// Builds the app (with a pool of its own on `url`) on a new thread's runtime and
    /// serves it there; answers once it listens, with its port and handle.
    async fn start(settings: Settings, url: String) -> (ServerThread, u16, services::Services) {
        let (started, ready) = tokio::sync::oneshot::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        std::thread::Builder::new()
            .name("test-server".into())
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .enable_all()
                    .build()
                    .expect("the server's runtime builds");
                let handle = runtime.handle().clone();
                runtime.block_on(async move {
                    let db = database::connect(&url, 5)
                        .await
                        .expect("the server's pool connects");
                    let app = Application::build_with_database(settings, db)
                        .await
                        .expect("app builds");
                    let _ = started.send((handle, app.port(), app.services().clone()));
                    let _ = app
                        .run_until(async move {
                            let _ = stopped.await;
                        })
                        .await;
                });
                // What is still running (a response the client gave up on) goes with it.
                runtime.shutdown_background();
            })
            .expect("the server's thread starts");
        let (runtime, port, services) = ready.await.expect("the app starts");
        (
            ServerThread {
                runtime,
                stop: Some(stop),
            },
            port,
            services,
        )
    }
}

impl TestApp {
    /// The rows `sql` returns with `values` bound, on the test's own pool.
    pub async fn rows(&self, sql: &str, values: Vec<sea_orm::Value>) -> Vec<sea_orm::QueryResult> {
        use sea_orm::ConnectionTrait;
        self.db
            .query_all_raw(sea_orm::Statement::from_sql_and_values(
                self.db.get_database_backend(),
                sql,
                values,
            ))
            .await
            .expect("the test's query runs")
    }

    /// Runs `work` on the server's runtime (where the app's pool and clients live).
    pub async fn on_server<T: Send + 'static>(
        &self,
        work: impl Future<Output = T> + Send + 'static,
    ) -> T {
        self.server
            .runtime
            .spawn(work)
            .await
            .expect("the work on the server's runtime completes")
    }

    /// One run of the notification outbox job, as at `now`.
    pub async fn send_notification_emails(
        &self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> services::notifications::outbox::Sent {
        let services = self.services.clone();
        self.on_server(async move {
            services::notifications::outbox::Outbox {
                db: &services.db,
                mailer: &services.mailer,
                signer: &services.signer,
                base_url: &services.base_url,
            }
            .run(now)
            .await
            .expect("the outbox runs")
        })
        .await
    }
}

impl Drop for TestApp {
    /// Drops the test's database (forcing its connections closed) so test runs leave
    /// nothing behind on the shared cluster.
    ///
    /// It waits for that only briefly. `DROP DATABASE` waits until every backend of the
    /// cluster has acknowledged it, and a backend still authenticating one of this app's
    /// pool connections acknowledges nothing until its client answers; the client is a task
    /// on this test's runtime, which cannot run while this blocks it. Returning lets the
    /// runtime finish and close that connection, and the drop then completes on its own
    /// thread. One a run's exit cuts short is dropped by a later run (`clean_up_once`).
    fn drop(&mut self) {
        if let Some(stop) = self.server.stop.take() {
            let _ = stop.send(());
        }
        let admin_url = self.admin_url.clone();
        let db_name = self.db_name.clone();
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime builds");
            runtime.block_on(templates::drop_test_database(&admin_url, &db_name));
            let _ = done.send(());
        });
        let _ = finished.recv_timeout(Duration::from_secs(2));
    }
}

/// The MiniLM embedder the seeder uses (installed by `scripts/setup`).
pub fn embedder() -> services::embedder::MiniLmEmbedder {
    use services::embedder::{DEFAULT_MODEL_DIR, MiniLmEmbedder};
    let dir = std::env::var("EMBEDDING_MODEL_DIR").unwrap_or_else(|_| DEFAULT_MODEL_DIR.into());
    MiniLmEmbedder::load(std::path::Path::new(&dir))
        .expect("the embedding model is installed by scripts/setup")
}

/// The text of the page's first `<h1>`, without the comment markers hydration uses
/// (`<!>`), so tests can compare it whole.
pub fn heading(html: &str) -> String {
    let start = html
        .find("<h1")
        .and_then(|i| html[i..].find('>').map(|j| i + j + 1));
    let Some(start) = start else {
        return String::new();
    };
    let end = html[start..]
        .find("</h1>")
        .map_or(html.len(), |j| start + j);
    html[start..end].replace("<!>", "")
}

/// Text as Leptos escapes it in server-rendered HTML (`&`, `<`, `>`; quotes stay).
pub fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
