//! The two steps of cargo-leptos' release pipeline that `scripts/build-site` needs without
//! cargo-leptos (building it from source costs a cold run twenty minutes):
//!
//! ```text
//! site-tools split <frontend.wasm> <pkg-dir> <output-name>
//!     Splits the lazy routes' code out of the cargo-built module (`#[lazy]`, `LazyRoute`):
//!     writes <frontend>_split.wasm beside the input for wasm-bindgen, one chunk per split
//!     point into <pkg-dir>, the loader `__wasm_split.______________________.js` and
//!     `__wasm_split_manifest.json` (which chunks each split point needs), the names
//!     Leptos' `HydrationScripts` looks for. Prints the chunk paths, one a line.
//! site-tools precompress <dir or file>
//!     Writes <file>.br and <file>.gz beside every file under <dir> (or the one file), as
//!     `cargo leptos build --precompress` does, for the server to send as they are.
//! ```
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["split", input, pkg, name] => split(Path::new(input), Path::new(pkg), name),
        ["precompress", dir] => precompress(Path::new(dir)),
        _ => Err(
            "usage: site-tools split <frontend.wasm> <pkg-dir> <output-name> \
                  | site-tools precompress <dir-or-file>"
                .into(),
        ),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("site-tools: {error}");
            ExitCode::FAILURE
        }
    }
}

fn split(input: &Path, pkg: &Path, name: &str) -> Result<()> {
    let wasm = fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let stem = input
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or("input has no file name")?;
    let main_out = input.with_file_name(format!("{stem}_split.wasm"));
    let main_module = format!("./{name}.js");
    fs::create_dir_all(pkg)?;
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&wasm);
        options.output_dir = pkg;
        options.main_out_path = &main_out;
        options.main_module = &main_module;
        options.link_name = "./__wasm_split.______________________.js";
        options
    })
    .map_err(|e| format!("splitting {}: {e}", input.display()))?;
    fs::write(
        pkg.join("__wasm_split_manifest.json"),
        serde_json::to_string_pretty(&split.prefetch_map)?,
    )?;
    for chunk in &split.split_modules {
        println!("{}", chunk.display());
    }
    Ok(())
}

fn precompress(dir: &Path) -> Result<()> {
    for path in files_under(dir)? {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if matches!(extension, "br" | "gz") {
            continue;
        }
        let raw = fs::read(&path)?;
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(&raw)?;
        fs::write(suffixed(&path, "gz"), gzip.finish()?)?;
        let mut brotli = Vec::new();
        brotli::BrotliCompress(&mut raw.as_slice(), &mut brotli, &Default::default())?;
        fs::write(suffixed(&path, "br"), brotli)?;
    }
    Ok(())
}

fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.is_file() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            files.extend(files_under(&path)?);
        } else {
            files.push(path);
        }
    }
    Ok(files)
}

fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}
