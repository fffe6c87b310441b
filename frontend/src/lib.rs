//! The browser entry point: hydrates the server-rendered page into the live app.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Lazy routes (app/src/lazy.rs) hydrate once their chunks are in: the async variant.
    leptos::mount::hydrate_lazy(app::App);
}
