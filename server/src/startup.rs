//! Building the axum application and serving it.

use std::sync::Arc;
use std::time::Duration;

use app::{App, shell, state::AppState};
use axum::{
    Router,
    body::Body,
    http::Request,
    routing::{get, post},
};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sea_orm::DatabaseConnection;
use services::Services;
use services::auth::tokens::TokenSigner;
use services::embedder::{EmbedError, MiniLmEmbedder};
use services::mail::Mailer;
use tokio::net::TcpListener;
use tower_http::{
    compression::{
        CompressionLayer,
        predicate::{DefaultPredicate, NotForContentType, Predicate},
    },
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer},
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::Level;

use crate::config::Settings;
use crate::database::{self, DatabaseError};
use crate::middleware::{
    HeaderPolicy, Limits, SiteOrigin, limit_requests, refuse_cross_site, security_headers,
};
use crate::routes::health::health;
use crate::routes::oauth;
use crate::routes::stripe_webhook;

/// A bound, ready-to-serve application.
pub struct Application {
    listener: TcpListener,
    router: Router,
    db: DatabaseConnection,
    /// Views and search logs queued by requests, written by a job and at shutdown.
    analytics: services::analytics::Analytics,
    /// What the background jobs work with.
    services: Services,
    reservation_hold: crate::jobs::ReservationHold,
    guest_retention: crate::jobs::GuestRetention,
    notification_schedule: crate::jobs::NotificationSchedule,
    shutdown_grace: Duration,
}

impl Application {
    /// Prepares the database (embedded or `DATABASE_URL`), then binds the listen address.
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        let db = database::connect_and_migrate(&settings.database).await?;
        Self::build_with_database(settings, db).await
    }

    /// Binds with an already migrated database (tests prepare their own).
    pub async fn build_with_database(
        settings: Settings,
        db: DatabaseConnection,
    ) -> Result<Self, StartupError> {
        let listener = TcpListener::bind(settings.leptos.site_addr)
            .await
            .map_err(|source| StartupError::Bind {
                addr: settings.leptos.site_addr.to_string(),
                source,
            })?;
        let mailer = Mailer::new(&settings.mail).map_err(StartupError::Mail)?;
        let secret = match &settings.app_secret {
            Some(secret) => secret.clone(),
            None => development_secret().map_err(StartupError::Secret)?,
        };
        let port = listener.local_addr().map(|addr| addr.port()).unwrap_or(0);
        let payments = crate::stripe_fake::payments_or_local_fake(
            &settings.stripe,
            &format!("http://127.0.0.1:{port}/webhooks/stripe"),
        )
        .await
        .map_err(StartupError::Payments)?;
        let model_dir = settings.embedding_model_dir.clone();
        let embedder = tokio::task::spawn_blocking(move || MiniLmEmbedder::shared(&model_dir))
            .await
            .map_err(|_| StartupError::Embedder(EmbedError::Stopped))?
            .map_err(StartupError::Embedder)?;
        let state = AppState {
            leptos_options: settings.leptos.clone(),
            secure_cookies: settings.base_url.starts_with("https://"),
            trusted_proxies: settings.trusted_proxies.clone().into(),
            services: Services {
                db: db.clone(),
                base_url: settings.base_url.clone(),
                mailer,
                signer: TokenSigner::new(&secret),
                oauth: settings.oauth.clone(),
                listing_cache: Default::default(),
                product_cache: Default::default(),
                payments,
                analytics: Default::default(),
                search_terms: Default::default(),
                search_embeddings: Default::default(),
                media: services::media::MediaStore::new(settings.media_dir.clone()),
                embedder,
                editorial_row: Default::default(),
                look_shortlists: Default::default(),
            },
        };
        let analytics = state.services.analytics.clone();
        let services = state.services.clone();
        Ok(Self {
            services,
            notification_schedule: settings.notification_schedule,
            listener,
            router: router(state, &settings.http),
            db,
            analytics,
            reservation_hold: settings.reservation_hold,
            guest_retention: settings.guest_retention,
            shutdown_grace: settings.http.shutdown_grace,
        })
    }

    pub fn port(&self) -> u16 {
        self.listener
            .local_addr()
            .map(|addr| addr.port())
            .unwrap_or(0)
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// The handle the requests and jobs share (tests run jobs through it).
    pub fn services(&self) -> &Services {
        &self.services
    }

    /// Serves until the future resolves (Ctrl-C / SIGTERM in `main`): then it stops
    /// accepting connections, lets in-flight requests finish for up to the grace period
    /// (`SHUTDOWN_GRACE_SECONDS`), stops the background jobs and returns.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        tracing::info!(addr = %self.listener.local_addr()?, "LuxeVerse is listening");
        let mut jobs = crate::jobs::spawn_all(
            self.services.clone(),
            self.reservation_hold,
            self.guest_retention,
            self.notification_schedule,
        );
        jobs.spawn(self.analytics.clone().run(self.db.clone()));
        let (stopping_tx, stopping_rx) = tokio::sync::oneshot::channel::<()>();
        let shutdown = async move {
            shutdown.await;
            let _ = stopping_tx.send(());
        };
        // Connection info gives server functions the client's address (rate limits, audit).
        let served = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .into_future();
        tokio::pin!(served);
        let grace = self.shutdown_grace;
        let result = tokio::select! {
            result = &mut served => result,
            // Once shutdown starts, in-flight requests have the grace period to finish.
            () = async {
                let _ = stopping_rx.await;
                tokio::time::sleep(grace).await;
            } => {
                tracing::warn!(?grace, "requests still in flight after the grace period; exiting");
                Ok(())
            }
        };
        jobs.abort_all();
        // What the last requests queued is written before the process ends.
        if let Err(error) = self.analytics.flush(&self.db).await {
            tracing::warn!(%error, "could not write the queued analytics at shutdown");
        }
        result
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Database(#[from] DatabaseError),
    #[error("mail is misconfigured: {0}")]
    Mail(#[source] services::mail::MailError),
    #[error("payments are misconfigured: {0}")]
    Payments(#[source] crate::stripe_fake::PaymentsSetupError),
    #[error("could not read or create the development secret in .data/app-secret: {0}")]
    Secret(#[source] std::io::Error),
    #[error("the embedding model could not be loaded: {0}")]
    Embedder(#[source] EmbedError),
    #[error("could not listen on {addr}: {source}")]
    Bind {
        addr: String,
        #[source]
        source: std::io::Error,
    },
}

/// Without `APP_SECRET`, links are signed with a random secret generated once and kept
/// in `.data/app-secret` (readable by its owner only), so they survive restarts.
fn development_secret() -> std::io::Result<String> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let path = std::path::Path::new(".data/app-secret");
    if let Ok(secret) = std::fs::read_to_string(path)
        && secret.trim().len() >= 32
    {
        return Ok(secret.trim().to_string());
    }
    tracing::warn!(
        "APP_SECRET is not set: using a generated development secret (.data/app-secret)"
    );
    std::fs::create_dir_all(".data")?;
    let secret: String = rand::Rng::sample_iter(rand::rng(), &rand::distr::Alphanumeric)
        .take(48)
        .map(char::from)
        .collect();
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(secret.as_bytes())?;
    Ok(secret)
}

/// The whole HTTP surface: non-Leptos routes, Leptos pages and server functions, static
/// files, and the layers around them (see `middleware`: security headers, limits,
/// cross-site refusal, the caller; request ids and tracing outermost).
pub fn router(state: AppState, http: &crate::config::HttpSettings) -> Router {
    let routes = generate_route_list(App);
    let leptos_options = state.leptos_options.clone();
    let leptos_options_root = leptos_options.site_root.clone();
    let leptos_pkg_dir = leptos_options.site_pkg_dir.to_string();
    let hashed_bundle = leptos_options.hash_files;
    let site = Arc::new(SiteOrigin::from_base_url(&state.services.base_url));
    let header_policy = Arc::new(HeaderPolicy {
        https: state.secure_cookies,
        live_reload_port: std::env::var_os("LEPTOS_WATCH").map(|_| {
            leptos_options
                .reload_external_port
                .unwrap_or(leptos_options.reload_port)
        }),
    });
    let limits = Arc::new(
        Limits::new(
            http.body_limit_bytes,
            http.request_timeout,
            http.max_in_flight,
            http.queue_wait,
        )
        .with_uploads(http.upload_limit_bytes, app::api::UPLOAD_PATHS),
    );
    Router::new()
        .route("/health", get(health))
        .route("/auth/oauth/{provider}/start", get(oauth::start))
        .route("/auth/oauth/{provider}/callback", get(oauth::callback))
        .route("/webhooks/stripe", post(stripe_webhook::receive))
        .route(
            "/notifications/unsubscribe/one-click",
            post(crate::routes::unsubscribe::one_click),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            {
                let state = state.clone();
                move || provide_context(state.clone())
            },
            move || shell(leptos_options.clone()),
        )
        // Every routed request (pages, server functions, OAuth) learns its caller once;
        // static files, served by the fallback, never touch the sessions table.
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::middleware::resolve_caller,
        ))
        .merge(crate::routes::assets::media(state.services.media.root()))
        .merge(crate::routes::assets::routes(
            std::path::Path::new(leptos_options_root.as_ref()),
            &leptos_pkg_dir,
            hashed_bundle,
        ))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn_with_state(
            site,
            refuse_cross_site,
        ))
        .layer(axum::middleware::from_fn_with_state(limits, limit_requests))
        // Handlers that extract the body themselves (the webhook) use the same limit.
        .layer(axum::extract::DefaultBodyLimit::max(http.body_limit_bytes))
        .layer(axum::middleware::from_fn_with_state(
            header_policy,
            security_headers,
        ))
        // Pages, server-function answers and anything else not already compressed, in
        // brotli (quality 4) or gzip as the client accepts. The WASM bundle is served
        // precompressed at build time (`assets`): compressing megabytes on every request
        // would cost more CPU than any page.
        .layer(CompressionLayer::new().br(true).gzip(true).compress_when(
            DefaultPredicate::new().and(NotForContentType::const_new("application/wasm")),
        ))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<Body>| {
                    let request_id = request
                        .extensions()
                        .get::<RequestId>()
                        .and_then(|id| id.header_value().to_str().ok())
                        .unwrap_or_default();
                    tracing::info_span!(
                        "request",
                        request_id,
                        method = %request.method(),
                        path = %request.uri().path(),
                    )
                })
                .on_response(
                    DefaultOnResponse::new()
                        .level(Level::INFO)
                        .latency_unit(tower_http::LatencyUnit::Micros),
                ),
        )
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: no new connections; finishing requests in flight");
}
