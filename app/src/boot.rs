//! How the browser bundle starts: after the page has painted, never in its way.
//!
//! The server-rendered page is complete without WebAssembly, so the WASM waits for the
//! page's `load` event (its stylesheet, fonts and eager images, the largest paint among
//! them) and the browser's next idle moment (the text repainted in its web fonts) before
//! a byte of it is requested: on a slow phone the hero image and the text never share the
//! connection with the bundle. Then one inline script (`boot.js`, carrying the request's
//! CSP nonce) preloads the main module, imports the JS glue, preloads the chunks the
//! landing page needs (named in `<meta name="lv-chunk">` tags by [`crate::lazy`]),
//! instantiates the module and, in a task of its own, hydrates. A page whose `load` never
//! comes (an image that hangs) boots after [`BOOT_BACKSTOP_MS`] anyway.
//!
//! This replaces Leptos' `HydrationScripts`, which requests the bundle from the head at
//! once. The split manifest is in context under our own type ([`Bundle`]): under Leptos'
//! `WasmSplitManifest`, leptos_integration_utils 0.8.9 would add `<link rel="preload">`s
//! for every lazy route rendered, from the head, before the page has painted.

use leptos::prelude::*;

/// The longest a page waits for its `load` event before it boots anyway.
pub const BOOT_BACKSTOP_MS: u32 = 3_000;

/// The `<meta name>` of each WASM chunk (or split loader) a landing page needs.
pub const CHUNK_META: &str = "lv-chunk";

/// The site's stylesheet, by its content-hashed name in release builds. (Leptos'
/// `HashedStylesheet` reads the hash file from disk on every request.) The `id` is the
/// one cargo-leptos' live reload swaps.
#[component]
pub fn SiteStylesheet(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        let href = Bundle::for_site(&options).css.clone();
        view! { <link id="leptos" rel="stylesheet" href=href /> }
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = options;
    }
}

/// The boot script, in the page's head.
#[component]
pub fn BootScripts(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        let bundle = Bundle::for_site(&options);
        provide_context(bundle);
        let nonce = leptos::nonce::use_nonce();
        let script = format!(
            "({})({:?},{:?},{:?},{BOOT_BACKSTOP_MS});",
            include_str!("boot.js").trim().trim_end_matches(';'),
            bundle.js,
            bundle.wasm,
            CHUNK_META,
        );
        view! { <script type="module" nonce=nonce>{script}</script> }
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = options;
    }
}

/// Where the site's bundle is: read once, the files do not change while the server runs.
#[cfg(feature = "ssr")]
#[derive(Debug)]
pub struct Bundle {
    css: String,
    js: String,
    wasm: String,
    /// The split manifest's directory, chunks by split point, and the split loader.
    splits: Option<(
        String,
        std::collections::HashMap<String, Vec<String>>,
        String,
    )>,
}

#[cfg(feature = "ssr")]
impl Bundle {
    fn for_site(options: &LeptosOptions) -> &'static Bundle {
        static BUNDLE: std::sync::OnceLock<Bundle> = std::sync::OnceLock::new();
        BUNDLE.get_or_init(|| Bundle::load(options))
    }

    /// The page's bundle, when it is rendered inside [`BootScripts`]' shell.
    pub fn current() -> Option<&'static Bundle> {
        use_context::<&'static Bundle>()
    }

    /// The URLs of the chunks (and the split loader) a lazy route's view needs, by the
    /// route's split name (`products_route`); none in an unsplit bundle.
    pub fn chunks_of(&self, route: &str) -> Vec<String> {
        let Some((pkg, splits, loader)) = &self.splits else {
            return Vec::new();
        };
        let prefix = format!("__{route}_view_");
        let Some(chunks) = splits
            .iter()
            .find(|(split, _)| split.starts_with(&prefix))
            .map(|(_, chunks)| chunks)
        else {
            return Vec::new();
        };
        chunks
            .iter()
            .map(|module| format!("{pkg}/{module}.wasm"))
            .chain([format!("{pkg}/{loader}")])
            .collect()
    }

    fn load(options: &LeptosOptions) -> Bundle {
        let pkg = format!("/{}", options.site_pkg_dir);
        // `cargo leptos build` writes `js: <hash>` lines next to the server binary.
        let hashes = options
            .hash_files
            .then(|| {
                let exe = std::env::current_exe().ok()?;
                std::fs::read_to_string(exe.parent()?.join(options.hash_file.as_ref())).ok()
            })
            .flatten()
            .unwrap_or_default();
        let hash_of = |kind: &str| {
            hashes.lines().find_map(|line| {
                let (file, hash) = line.split_once(':')?;
                (file.trim() == kind).then(|| hash.trim().to_string())
            })
        };
        let hashed = |kind: &str, stem: &str, plain: &str, ext: &str| match hash_of(kind) {
            Some(hash) => format!("{stem}.{hash}.{ext}"),
            None => format!("{plain}.{ext}"),
        };
        let name = options.output_name.as_ref();
        let plain_wasm = if option_env!("LEPTOS_OUTPUT_NAME").is_some() || options.hash_files {
            name.to_string()
        } else {
            format!("{name}_bg")
        };
        let css = format!("{pkg}/{}", hashed("css", name, name, "css"));
        let js = format!("{pkg}/{}", hashed("js", name, name, "js"));
        let wasm = format!("{pkg}/{}", hashed("wasm", name, &plain_wasm, "wasm"));

        let manifest = hashed(
            "manifest",
            "__wasm_split_manifest",
            "__wasm_split_manifest",
            "json",
        );
        let loader = hashed(
            "split",
            "__wasm_split",
            "__wasm_split.______________________",
            "js",
        );
        let path = std::path::Path::new(options.site_root.as_ref())
            .join(options.site_pkg_dir.as_ref())
            .join(manifest);
        // An unsplit bundle has no manifest: every page is in the main module.
        let splits =
            std::fs::read_to_string(path)
                .ok()
                .and_then(|text| match serde_json::from_str(&text) {
                    Ok(splits) => Some((pkg.clone(), splits, loader)),
                    Err(error) => {
                        tracing::error!(%error, "the WASM split manifest is unreadable");
                        None
                    }
                });
        Bundle {
            css,
            js,
            wasm,
            splits,
        }
    }
}
