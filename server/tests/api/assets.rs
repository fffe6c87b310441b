//! How static files and pages travel: the bundle precompressed and, with hashed names,
//! cached for a year; pages compressed on the fly; nothing missing ever cached.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;

use crate::helpers::{TestApp, spawn_app_with};

const WASM: &str = "pkg/luxeverse.0123456789abcdef.wasm";
const CSS: &str = "pkg/luxeverse.fedcba9876543210.css";

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
    writer.write_all(bytes).unwrap();
    drop(writer);
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

/// A site root holding a bundle as the release build leaves it: each file next to its
/// brotli and gzip forms.
fn release_site(root: &Path) -> Vec<u8> {
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::create_dir_all(root.join("fonts")).unwrap();
    // Compressible, like real WASM: repeated runs of code.
    let wasm: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(root.join(WASM), &wasm).unwrap();
    std::fs::write(root.join(format!("{WASM}.br")), brotli(&wasm)).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&wasm).unwrap();
    std::fs::write(root.join(format!("{WASM}.gz")), gz.finish().unwrap()).unwrap();
    std::fs::write(root.join(CSS), "body { color: #0f0e0c; }\n".repeat(200)).unwrap();
    std::fs::write(root.join("fonts/serif.woff2"), b"wOF2 not really a font").unwrap();
    wasm
}

async fn spawn_site(root: &Path, hashed: bool) -> TestApp {
    spawn_app_with(HashMap::from([
        ("LEPTOS_SITE_ROOT".into(), root.display().to_string()),
        ("LEPTOS_HASH_FILES".into(), hashed.to_string()),
    ]))
    .await
}

async fn get(app: &TestApp, path: &str, accept_encoding: &str) -> reqwest::Response {
    app.client
        .get(format!("{}{path}", app.address))
        .header("accept-encoding", accept_encoding)
        .send()
        .await
        .unwrap()
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().unwrap())
        .unwrap_or("")
}

#[tokio::test]
async fn the_hashed_bundle_is_served_precompressed_and_cached_for_a_year() {
    let site = tempfile::tempdir().unwrap();
    let wasm = release_site(site.path());
    let app = spawn_site(site.path(), true).await;

    let response = get(&app, &format!("/{WASM}"), "gzip, deflate, br, zstd").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-encoding"), "br");
    assert_eq!(header(&response, "content-type"), "application/wasm");
    assert_eq!(
        header(&response, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert!(
        header(&response, "vary")
            .to_ascii_lowercase()
            .contains("accept-encoding")
    );
    let body = response.bytes().await.unwrap();
    assert!(body.len() < wasm.len() / 10, "{} bytes sent", body.len());
    assert_eq!(
        unbrotli(&body),
        wasm,
        "the brotli file decodes to the bundle"
    );

    // A client without brotli gets the gzip file, one with neither the bundle itself.
    let response = get(&app, &format!("/{WASM}"), "gzip").await;
    assert_eq!(header(&response, "content-encoding"), "gzip");
    assert_eq!(gunzip(&response.bytes().await.unwrap()), wasm);
    let response = get(&app, &format!("/{WASM}"), "identity").await;
    assert_eq!(header(&response, "content-encoding"), "");
    assert_eq!(response.bytes().await.unwrap(), wasm);

    // A file without precompressed forms (the stylesheet here) is compressed on the fly.
    let response = get(&app, &format!("/{CSS}"), "br").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-encoding"), "br");
    assert_eq!(
        header(&response, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    let css = unbrotli(&response.bytes().await.unwrap());
    assert!(String::from_utf8(css).unwrap().starts_with("body { color"));

    // Fonts keep their names when they change: a week, then revalidated.
    let response = get(&app, "/fonts/serif.woff2", "br").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "cache-control"), "public, max-age=604800");
    assert!(!header(&response, "last-modified").is_empty());
}

#[tokio::test]
async fn missing_files_are_never_cached_and_unhashed_bundles_revalidate() {
    let site = tempfile::tempdir().unwrap();
    release_site(site.path());
    let hashed = spawn_site(site.path(), true).await;
    let response = get(&hashed, "/pkg/luxeverse.aaaaaaaaaaaaaaaa.wasm", "br").await;
    assert_eq!(response.status(), 404);
    assert_eq!(header(&response, "cache-control"), "");

    // Development builds keep the same names across rebuilds: always revalidated.
    let unhashed = spawn_site(site.path(), false).await;
    let response = get(&unhashed, &format!("/{WASM}"), "br").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "cache-control"), "no-cache");
    let modified = header(&response, "last-modified").to_owned();
    assert!(!modified.is_empty());
    let again = unhashed
        .client
        .get(format!("{}/{WASM}", unhashed.address))
        .header("if-modified-since", &modified)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304, "revalidation answers not modified");
}

#[tokio::test]
async fn pages_are_compressed_for_clients_that_accept_it() {
    let site = tempfile::tempdir().unwrap();
    release_site(site.path());
    // Unhashed: with hashed names Leptos reads `hash.txt` beside the running binary (the
    // test binary has none) to name the bundle in the page.
    let app = spawn_site(site.path(), false).await;

    let response = get(&app, "/", "gzip, br").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-encoding"), "br");
    assert!(
        header(&response, "vary")
            .to_ascii_lowercase()
            .contains("accept-encoding")
    );
    let html = String::from_utf8(unbrotli(&response.bytes().await.unwrap())).unwrap();
    assert!(html.contains("Quiet luxury, intelligently curated"));

    let response = get(&app, "/", "gzip").await;
    assert_eq!(header(&response, "content-encoding"), "gzip");
    let html = String::from_utf8(gunzip(&response.bytes().await.unwrap())).unwrap();
    assert!(html.contains("Quiet luxury, intelligently curated"));

    // A client that accepts neither gets the page as it is.
    let response = get(&app, "/", "identity").await;
    assert_eq!(header(&response, "content-encoding"), "");
    assert!(response.text().await.unwrap().contains("Quiet luxury"));
}
