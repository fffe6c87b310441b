//! A local OAuth2 / OpenID Connect provider speaking the real protocol (authorization code
//! with PKCE S256), started per test at the network edge, and the tests that drive the
//! real `OAuthProviders` against it.
//!
//! `GET /authorize` auto-approves the configured user, `POST /token` swaps a code for a
//! bearer token (client credentials by HTTP Basic or form fields), `GET /userinfo` answers
//! OpenID Connect-style JSON. It checks what a strict provider checks: the client, the
//! registered redirect URI, single-use codes and SHA-256 of the PKCE verifier. SHA-256 and
//! base64 are implemented below so the fake shares no code with the client it tests.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use reqwest::Url;
use serde::Deserialize;
use serde_json::json;
use services::oauth::{OAuthConfigError, OAuthError, OAuthProviders, PendingLogin};

pub const FAKE_CLIENT_ID: &str = "luxeverse-test-client";
pub const FAKE_CLIENT_SECRET: &str = "fake-client-secret-2026";

/// The account the fake signs in, without asking.
#[derive(Clone, Debug)]
pub struct FakeUser {
    pub subject: String,
    pub email: String,
    pub email_verified: bool,
    pub name: String,
}

impl FakeUser {
    pub fn ada() -> Self {
        Self {
            subject: "fake-user-1815".into(),
            email: "ada@example.test".into(),
            email_verified: true,
            name: "Ada Lovelace".into(),
        }
    }
}

/// A running fake provider; stops when dropped.
pub struct FakeOAuth {
    base_url: String,
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

struct Shared {
    base_url: String,
    user: FakeUser,
    redirect_uris: Mutex<Vec<String>>,
    codes: Mutex<HashMap<String, Grant>>,
    tokens: Mutex<HashMap<String, FakeUser>>,
    authorize_calls: AtomicUsize,
    token_calls: AtomicUsize,
    userinfo_calls: AtomicUsize,
    /// `"basic"` or `"post"`, per token request that authenticated.
    client_auth_methods: Mutex<Vec<&'static str>>,
    /// The `error` of each refused token request.
    token_errors: Mutex<Vec<&'static str>>,
}

struct Grant {
    redirect_uri: String,
    code_challenge: String,
    scope: String,
    user: FakeUser,
}

impl FakeOAuth {
    pub async fn start(user: FakeUser) -> Self {
        crate::helpers::init_tracing();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the fake OAuth provider");
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let shared = Arc::new(Shared {
            base_url: base_url.clone(),
            user,
            redirect_uris: Mutex::default(),
            codes: Mutex::default(),
            tokens: Mutex::default(),
            authorize_calls: AtomicUsize::new(0),
            token_calls: AtomicUsize::new(0),
            userinfo_calls: AtomicUsize::new(0),
            client_auth_methods: Mutex::default(),
            token_errors: Mutex::default(),
        });
        let router = Router::new()
            .route("/authorize", get(authorize))
            .route("/token", post(token))
            .route("/userinfo", get(userinfo))
            .with_state(shared.clone());
        let server = tokio::spawn(async move {
            axum::serve(listener, router)
                .await
                .expect("fake OAuth provider serves");
        });
        Self {
            base_url,
            shared,
            server,
        }
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Lets `uri` receive codes, like registering a callback in a provider's console.
    pub fn register_redirect_uri(&self, uri: impl Into<String>) {
        self.shared.redirect_uris.lock().unwrap().push(uri.into());
    }

    /// The environment that enables this fake as provider `provider` (lower case) of an app
    /// served at `app_base_url`, whose callback it registers.
    pub fn settings(&self, provider: &str, app_base_url: &str) -> HashMap<String, String> {
        let app_base_url = app_base_url.trim_end_matches('/');
        self.register_redirect_uri(format!("{app_base_url}/auth/oauth/{provider}/callback"));
        let prefix = format!("OAUTH_{}", provider.to_ascii_uppercase());
        let base = &self.base_url;
        HashMap::from([
            ("OAUTH_PROVIDERS".to_owned(), provider.to_owned()),
            (format!("{prefix}_CLIENT_ID"), FAKE_CLIENT_ID.to_owned()),
            (
                format!("{prefix}_CLIENT_SECRET"),
                FAKE_CLIENT_SECRET.to_owned(),
            ),
            (format!("{prefix}_AUTH_URL"), format!("{base}/authorize")),
            (format!("{prefix}_TOKEN_URL"), format!("{base}/token")),
            (format!("{prefix}_USERINFO_URL"), format!("{base}/userinfo")),
            (
                format!("{prefix}_SCOPES"),
                "openid email profile".to_owned(),
            ),
            (format!("{prefix}_LABEL"), "Fake ID".to_owned()),
        ])
    }

    pub fn authorize_calls(&self) -> usize {
        self.shared.authorize_calls.load(Ordering::SeqCst)
    }

    pub fn token_calls(&self) -> usize {
        self.shared.token_calls.load(Ordering::SeqCst)
    }

    pub fn userinfo_calls(&self) -> usize {
        self.shared.userinfo_calls.load(Ordering::SeqCst)
    }

    pub fn client_auth_methods(&self) -> Vec<&'static str> {
        self.shared.client_auth_methods.lock().unwrap().clone()
    }

    pub fn token_errors(&self) -> Vec<&'static str> {
        self.shared.token_errors.lock().unwrap().clone()
    }
}

impl Drop for FakeOAuth {
    fn drop(&mut self) {
        self.server.abort();
    }
}

#[derive(Deserialize)]
struct AuthorizeParams {
    response_type: Option<String>,
    client_id: Option<String>,
    redirect_uri: Option<String>,
    state: Option<String>,
    scope: Option<String>,
    code_challenge: Option<String>,
    code_challenge_method: Option<String>,
}

async fn authorize(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<AuthorizeParams>,
) -> Response {
    shared.authorize_calls.fetch_add(1, Ordering::SeqCst);
    // A bad client or redirect URI is shown to the user, never redirected to (RFC 6749 4.1.2.1).
    if params.client_id.as_deref() != Some(FAKE_CLIENT_ID) {
        return (StatusCode::BAD_REQUEST, "unknown client_id").into_response();
    }
    let registered = shared.redirect_uris.lock().unwrap().clone();
    let Some(redirect_uri) = params.redirect_uri.filter(|uri| registered.contains(uri)) else {
        return (StatusCode::BAD_REQUEST, "redirect_uri is not registered").into_response();
    };
    let back = |pairs: &[(&str, &str)]| {
        let mut location = Url::parse(&redirect_uri).expect("registered URIs are URLs");
        location.query_pairs_mut().extend_pairs(pairs);
        (
            StatusCode::FOUND,
            [(header::LOCATION, location.to_string())],
        )
            .into_response()
    };

    let Some(state) = params.state.filter(|state| !state.is_empty()) else {
        return back(&[
            ("error", "invalid_request"),
            ("error_description", "state is required"),
        ]);
    };
    if params.response_type.as_deref() != Some("code") {
        return back(&[("error", "unsupported_response_type"), ("state", &state)]);
    }
    let code_challenge = match (
        params.code_challenge_method.as_deref(),
        params.code_challenge,
    ) {
        (Some("S256"), Some(challenge)) if challenge.len() == 43 => challenge,
        _ => {
            return back(&[
                ("error", "invalid_request"),
                ("error_description", "PKCE with S256 is required"),
                ("state", &state),
            ]);
        }
    };

    let code = random_token();
    shared.codes.lock().unwrap().insert(
        code.clone(),
        Grant {
            redirect_uri: redirect_uri.clone(),
            code_challenge,
            scope: params.scope.unwrap_or_default(),
            user: shared.user.clone(),
        },
    );
    back(&[("code", &code), ("state", &state)])
}

async fn token(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    shared.token_calls.fetch_add(1, Ordering::SeqCst);
    let refuse = |status: StatusCode, error: &'static str, description: &str| {
        shared.token_errors.lock().unwrap().push(error);
        let mut response = (
            status,
            Json(json!({"error": error, "error_description": description})),
        )
            .into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Basic realm=\"fake\""),
            );
        }
        response
    };

    // Exactly one client authentication method (RFC 6749 2.3).
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Basic "))
        .map(basic_credentials);
    let (client_id, client_secret, method) = match (basic, form.get("client_secret")) {
        (Some(Some((id, secret))), None) => (id, secret, "basic"),
        (None, Some(secret)) => match form.get("client_id") {
            Some(id) => (id.clone(), secret.clone(), "post"),
            None => return refuse(StatusCode::UNAUTHORIZED, "invalid_client", "no client_id"),
        },
        (Some(_), Some(_)) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "more than one client authentication method",
            );
        }
        _ => {
            return refuse(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "client authentication failed",
            );
        }
    };
    if client_id != FAKE_CLIENT_ID || client_secret != FAKE_CLIENT_SECRET {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "client authentication failed",
        );
    }
    shared.client_auth_methods.lock().unwrap().push(method);

    if form.get("grant_type").map(String::as_str) != Some("authorization_code") {
        return refuse(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "only authorization_code",
        );
    }
    let Some(code) = form.get("code") else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "code is required",
        );
    };
    // Removed on first use, whatever happens next: codes are single use.
    let Some(grant) = shared.codes.lock().unwrap().remove(code) else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "unknown or used code",
        );
    };
    if form.get("redirect_uri") != Some(&grant.redirect_uri) {
        return refuse(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "redirect_uri does not match",
        );
    }
    let verifier_ok = form.get("code_verifier").is_some_and(|verifier| {
        (43..=128).contains(&verifier.len())
            && verifier
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
            && base64url(&sha256(verifier.as_bytes())) == grant.code_challenge
    });
    if !verifier_ok {
        return refuse(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "PKCE verification failed",
        );
    }

    let access_token = random_token();
    shared
        .tokens
        .lock()
        .unwrap()
        .insert(access_token.clone(), grant.user);
    (
        [(header::CACHE_CONTROL, "no-store")],
        Json(json!({
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 3600,
            "scope": grant.scope,
        })),
    )
        .into_response()
}

async fn userinfo(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    shared.userinfo_calls.fetch_add(1, Ordering::SeqCst);
    let user = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .and_then(|token| shared.tokens.lock().unwrap().get(token).cloned());
    let Some(user) = user else {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")],
        )
            .into_response();
    };
    Json(json!({
        "sub": user.subject,
        "email": user.email,
        "email_verified": user.email_verified,
        "name": user.name,
        "picture": format!("{}/avatars/{}.png", shared.base_url, user.subject),
    }))
    .into_response()
}

/// `base64(form_urlencode(id) ":" form_urlencode(secret))` back to (id, secret).
fn basic_credentials(encoded: &str) -> Option<(String, String)> {
    let decoded = String::from_utf8(base64_decode(encoded.trim())?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((form_decode(id)?, form_decode(secret)?))
}

fn random_token() -> String {
    rand::random::<[u8; 24]>()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

// --- Just enough crypto and encoding for a provider, independent of the client's crates. ---

fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut hash: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&(data.len() as u64 * 8).to_be_bytes());

    for block in message.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (word, bytes) in w.iter_mut().zip(block.chunks_exact(4)) {
            *word = u32::from_be_bytes(bytes.try_into().unwrap());
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = hash;
        for (k, w) in K.iter().zip(w) {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let choice = (e & f) ^ (!e & g);
            let t1 = h
                .wrapping_add(s1)
                .wrapping_add(choice)
                .wrapping_add(*k)
                .wrapping_add(w);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let majority = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(majority);
            (h, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
        }
        for (total, add) in hash.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *total = total.wrapping_add(add);
        }
    }

    let mut digest = [0u8; 32];
    for (bytes, word) in digest.chunks_exact_mut(4).zip(hash) {
        bytes.copy_from_slice(&word.to_be_bytes());
    }
    digest
}

const BASE64_STANDARD: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64_URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 section 5), as PKCE uses it.
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let bits = chunk.iter().enumerate().fold(0u32, |bits, (i, byte)| {
            bits | u32::from(*byte) << (16 - 8 * i)
        });
        for i in 0..=chunk.len() {
            out.push(char::from(BASE64_URL[(bits >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Standard base64, padding optional; `None` on anything else.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let (mut bits, mut count, mut out) = (0u32, 0u32, Vec::new());
    for byte in text.trim_end_matches('=').bytes() {
        let value = BASE64_STANDARD.iter().position(|c| *c == byte)? as u32;
        bits = (bits << 6 | value) & 0xfff;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    Some(out)
}

/// `application/x-www-form-urlencoded` value decoding (`+` and `%XX`).
fn form_decode(text: &str) -> Option<String> {
    let mut out = Vec::with_capacity(text.len());
    let mut bytes = text.bytes();
    while let Some(byte) = bytes.next() {
        out.push(match byte {
            b'+' => b' ',
            b'%' => {
                let hex = [bytes.next()?, bytes.next()?];
                u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?
            }
            other => other,
        });
    }
    String::from_utf8(out).ok()
}

// --- Tests: the real client against the fake. ---

/// The app's public URL; the browser is never sent there in these tests.
const APP: &str = "https://shop.luxeverse.test";
const CALLBACK: &str = "https://shop.luxeverse.test/auth/oauth/fake/callback";

fn providers_with(settings: &HashMap<String, String>) -> Result<OAuthProviders, OAuthConfigError> {
    OAuthProviders::from_lookup(|key| settings.get(key).cloned(), APP)
}

fn providers_for(fake: &FakeOAuth) -> OAuthProviders {
    providers_with(&fake.settings("fake", APP)).expect("the fake's settings parse")
}

/// A browser that stops at the provider's redirect.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Visits the authorization URL and returns the query of the redirect to the callback.
async fn visit(url: &Url) -> HashMap<String, String> {
    let response = browser().get(url.clone()).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::FOUND, "{url}");
    let location = response.headers()[header::LOCATION].to_str().unwrap();
    let location = Url::parse(location).unwrap();
    assert_eq!(
        location.as_str().split('?').next(),
        Some(CALLBACK),
        "{location}"
    );
    location.query_pairs().into_owned().collect()
}

/// Signs in at the provider: the callback's code and state.
async fn approve(url: &Url) -> (String, String) {
    let params = visit(url).await;
    assert!(!params.contains_key("error"), "{params:?}");
    (params["code"].clone(), params["state"].clone())
}

#[tokio::test]
async fn fake_oauth_round_trip_yields_the_identity() {
    let fake = FakeOAuth::start(FakeUser::ada()).await;
    let providers = providers_for(&fake);
    let labels: Vec<_> = providers
        .enabled()
        .map(|info| (info.name.as_str(), info.label.as_str()))
        .collect();
    assert_eq!(labels, [("fake", "Fake ID")]);

    let (url, pending) = providers.begin("fake").unwrap();
    assert!(
        url.as_str()
            .starts_with(&format!("{}/authorize?", fake.base_url())),
        "{url}"
    );
    let (code, state) = approve(&url).await;
    assert_eq!(state, pending.state);

    let identity = providers.complete(pending, &state, &code).await.unwrap();

    assert_eq!(identity.provider, "fake");
    assert_eq!(identity.subject, "fake-user-1815");
    assert_eq!(identity.email.as_deref(), Some("ada@example.test"));
    assert!(identity.email_verified);
    assert_eq!(identity.name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(
        identity.avatar_url,
        Some(format!("{}/avatars/fake-user-1815.png", fake.base_url()))
    );
    assert_eq!(
        (
            fake.authorize_calls(),
            fake.token_calls(),
            fake.userinfo_calls()
        ),
        (1, 1, 1)
    );
    assert_eq!(fake.client_auth_methods(), ["basic"]);
    assert!(fake.token_errors().is_empty());
}

#[tokio::test]
async fn fake_oauth_client_secret_post_and_unverified_emails_work_too() {
    let fake = FakeOAuth::start(FakeUser {
        subject: "42".into(),
        email: "new@example.test".into(),
        email_verified: false,
        name: "New Shopper".into(),
    })
    .await;
    let mut settings = fake.settings("fake", APP);
    settings.insert("OAUTH_FAKE_CLIENT_AUTH".into(), "post".into());
    let providers = providers_with(&settings).unwrap();

    let (url, pending) = providers.begin("fake").unwrap();
    let (code, state) = approve(&url).await;
    let identity = providers.complete(pending, &state, &code).await.unwrap();

    assert_eq!(identity.subject, "42");
    assert_eq!(identity.email.as_deref(), Some("new@example.test"));
    assert!(!identity.email_verified);
    assert_eq!(fake.client_auth_methods(), ["post"]);
}

#[tokio::test]
async fn fake_oauth_a_forged_state_is_refused_before_the_token_endpoint() {
    let fake = FakeOAuth::start(FakeUser::ada()).await;
    let providers = providers_for(&fake);
    let (url, pending) = providers.begin("fake").unwrap();
    let (code, state) = approve(&url).await;

    let forged = providers
        .complete(pending.clone(), "forged-state", &code)
        .await;

    assert_eq!(forged, Err(OAuthError::StateMismatch));
    assert_eq!(fake.token_calls(), 0, "the code never left the app");
    assert_eq!(fake.userinfo_calls(), 0);
    // The code was not spent: the genuine callback still signs in.
    let identity = providers.complete(pending, &state, &code).await.unwrap();
    assert_eq!(identity.subject, "fake-user-1815");
    assert_eq!(fake.token_calls(), 1);
}

#[tokio::test]
async fn fake_oauth_a_tampered_pkce_verifier_is_refused() {
    let fake = FakeOAuth::start(FakeUser::ada()).await;
    let providers = providers_for(&fake);
    let (url, pending) = providers.begin("fake").unwrap();
    let (code, state) = approve(&url).await;
    // A well-formed verifier, just not the one the challenge was made from.
    let (_, other) = providers.begin("fake").unwrap();
    let tampered = PendingLogin {
        pkce_verifier: other.pkce_verifier,
        ..pending
    };

    let result = providers.complete(tampered, &state, &code).await;

    assert_eq!(result, Err(OAuthError::Rejected));
    assert_eq!(fake.token_calls(), 1);
    assert_eq!(fake.token_errors(), ["invalid_grant"]);
    assert_eq!(fake.userinfo_calls(), 0);
}

#[tokio::test]
async fn fake_oauth_codes_are_single_use() {
    let fake = FakeOAuth::start(FakeUser::ada()).await;
    let providers = providers_for(&fake);
    let (url, pending) = providers.begin("fake").unwrap();
    let (code, state) = approve(&url).await;
    providers
        .complete(pending.clone(), &state, &code)
        .await
        .unwrap();

    let replay = providers.complete(pending, &state, &code).await;

    assert_eq!(replay, Err(OAuthError::Rejected));
    assert_eq!(fake.token_errors(), ["invalid_grant"]);
}

#[tokio::test]
async fn fake_oauth_a_wrong_client_secret_is_refused() {
    let fake = FakeOAuth::start(FakeUser::ada()).await;
    let mut settings = fake.settings("fake", APP);
    settings.insert("OAUTH_FAKE_CLIENT_SECRET".into(), "not-the-secret".into());
    let providers = providers_with(&settings).unwrap();
    let (url, pending) = providers.begin("fake").unwrap();
    let (code, state) = approve(&url).await;

    let result = providers.complete(pending, &state, &code).await;

    assert_eq!(result, Err(OAuthError::Rejected));
    assert_eq!(fake.token_errors(), ["invalid_client"]);
}

#[tokio::test]
async fn fake_oauth_an_unknown_provider_errors() {
    let fake = FakeOAuth::start(FakeUser::ada()).await;
    let providers = providers_for(&fake);

    assert_eq!(
        providers.begin("acme").unwrap_err(),
        OAuthError::UnknownProvider("acme".into())
    );
    let (_, pending) = providers.begin("fake").unwrap();
    let state = pending.state.clone();
    let elsewhere = PendingLogin {
        provider: "acme".into(),
        ..pending
    };
    assert_eq!(
        providers.complete(elsewhere, &state, "code").await,
        Err(OAuthError::UnknownProvider("acme".into()))
    );
    assert_eq!(fake.token_calls(), 0);
}

#[tokio::test]
async fn fake_oauth_config_errors_name_the_missing_variable() {
    let fake = FakeOAuth::start(FakeUser::ada()).await;
    for variable in [
        "OAUTH_FAKE_AUTH_URL",
        "OAUTH_FAKE_TOKEN_URL",
        "OAUTH_FAKE_USERINFO_URL",
        "OAUTH_FAKE_CLIENT_SECRET",
        "OAUTH_FAKE_CLIENT_ID",
    ] {
        let mut settings = fake.settings("fake", APP);
        settings.remove(variable);

        let error = providers_with(&settings).unwrap_err();

        assert_eq!(
            error,
            OAuthConfigError::MissingVariable {
                provider: "fake".into(),
                variable: variable.into()
            }
        );
        assert!(error.to_string().contains(variable), "{error}");
    }
}

#[tokio::test]
async fn fake_oauth_authorize_checks_client_redirect_uri_and_pkce() {
    let fake = FakeOAuth::start(FakeUser::ada()).await;
    let providers = providers_for(&fake);
    let (url, pending) = providers.begin("fake").unwrap();
    let with = |key: &str, value: Option<&str>| {
        let mut url = url.clone();
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .into_owned()
            .filter(|(name, _)| name != key)
            .collect();
        let mut query = url.query_pairs_mut();
        query.clear().extend_pairs(pairs);
        if let Some(value) = value {
            query.append_pair(key, value);
        }
        drop(query);
        url
    };

    for (key, value) in [
        ("client_id", Some("someone-else")),
        (
            "redirect_uri",
            Some("https://evil.test/auth/oauth/fake/callback"),
        ),
        ("redirect_uri", None),
    ] {
        let response = browser().get(with(key, value)).send().await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::BAD_REQUEST,
            "{key}={value:?}"
        );
    }
    for (key, value, error) in [
        ("code_challenge_method", Some("plain"), "invalid_request"),
        ("code_challenge", None, "invalid_request"),
        ("response_type", Some("token"), "unsupported_response_type"),
    ] {
        let params = visit(&with(key, value)).await;
        assert_eq!(params["error"], error, "{key}={value:?}");
        assert_eq!(params["state"], pending.state);
        assert!(!params.contains_key("code"));
    }
    let params = visit(&with("state", None)).await;
    assert_eq!(params["error"], "invalid_request");
    assert_eq!(fake.token_calls(), 0);
}

#[tokio::test]
async fn fake_oauth_userinfo_requires_a_bearer_token() {
    let fake = FakeOAuth::start(FakeUser::ada()).await;
    let userinfo = format!("{}/userinfo", fake.base_url());

    let anonymous = browser().get(&userinfo).send().await.unwrap();
    let bogus = browser()
        .get(&userinfo)
        .bearer_auth("made-up")
        .send()
        .await
        .unwrap();

    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(bogus.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        bogus.headers()[header::WWW_AUTHENTICATE],
        "Bearer error=\"invalid_token\""
    );
}

#[test]
fn fake_oauth_crypto_matches_published_vectors() {
    let hex = |bytes: &[u8]| -> String { bytes.iter().map(|b| format!("{b:02x}")).collect() };
    assert_eq!(
        hex(&sha256(b"abc")),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(
        hex(&sha256(b"")),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    // Two blocks (56 bytes of input pushes the length into a second block).
    assert_eq!(
        hex(&sha256(
            b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        )),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
    // RFC 7636 appendix B.
    assert_eq!(
        base64url(&sha256(b"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    );
    assert_eq!(base64url(b"f"), "Zg");
    assert_eq!(base64url(b"fo"), "Zm8");
    assert_eq!(base64url(b"foo"), "Zm9v");
    assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    assert_eq!(base64_decode("Zm9vYg==").unwrap(), b"foob");
    assert_eq!(base64_decode("Zm9vYmE=").unwrap(), b"fooba");
    assert_eq!(base64_decode("Zm9vYmFy").unwrap(), b"foobar");
    assert_eq!(base64_decode("Zm9v!"), None);
    assert_eq!(
        basic_credentials("bHV4ZSUzQXZlcnNlOnMzY3IzdCtwYXNz"),
        Some(("luxe:verse".into(), "s3cr3t pass".into()))
    );
    assert_eq!(form_decode("a%2Bb+c%3A"), Some("a+b c:".into()));
    assert_eq!(form_decode("bad%2"), None);
}
