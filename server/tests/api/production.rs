//! Production refuses the development fallbacks: the server binary started with
//! `LEPTOS_ENV=PROD` and no Stripe keys (or no `APP_SECRET`) stops at once, naming the
//! variable to set, before it touches a database or opens a port.

use std::process::Stdio;
use std::time::Duration;

use tokio::process::Command;

use crate::helpers::free_port;

/// Runs the server binary with `vars` (and nothing from a `.env`: it runs in a temporary
/// directory); returns its exit status and what it printed on stderr.
async fn run_server(vars: &[(&str, &str)]) -> (std::process::ExitStatus, String) {
    let workdir = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .current_dir(workdir.path())
        .env_remove("STRIPE_SECRET_KEY")
        .env_remove("STRIPE_WEBHOOK_SECRET")
        .env_remove("APP_SECRET")
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{}", free_port()))
        // Unreachable on purpose: the refusal must come before any database work.
        .env("DATABASE_URL", "postgres://nobody:nothing@127.0.0.1:9/none")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    for (name, value) in vars {
        command.env(name, value);
    }
    let output = tokio::time::timeout(Duration::from_secs(10), command.output())
        .await
        .expect("the server exits within seconds")
        .expect("the server binary runs");
    (
        output.status,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[tokio::test]
async fn production_without_stripe_keys_stops_naming_stripe_secret_key() {
    let (status, stderr) = run_server(&[
        ("LEPTOS_ENV", "PROD"),
        (
            "APP_SECRET",
            "a-production-secret-of-enough-length-0123456789",
        ),
    ])
    .await;

    assert!(!status.success(), "exit status {status:?}");
    assert!(stderr.contains("STRIPE_SECRET_KEY"), "stderr: {stderr}");
    assert!(!stderr.contains("APP_SECRET"), "stderr: {stderr}");
}

#[tokio::test]
async fn production_without_app_secret_stops_naming_app_secret() {
    let (status, stderr) = run_server(&[
        ("LEPTOS_ENV", "PROD"),
        ("STRIPE_SECRET_KEY", "sk_test_production_refusal_test"),
        ("STRIPE_WEBHOOK_SECRET", "whsec_production_refusal_test"),
    ])
    .await;

    assert!(!status.success(), "exit status {status:?}");
    assert!(stderr.contains("APP_SECRET"), "stderr: {stderr}");
    assert!(!stderr.contains("STRIPE_SECRET_KEY"), "stderr: {stderr}");
}
