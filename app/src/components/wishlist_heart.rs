//! The heart on product cards and the product page. Which pieces the shopper saved is
//! read once after hydration (app-wide, [`Hearts`]); pressing a heart shows the new
//! state at once, tells the server, and puts it back with a message if the server
//! refuses. A signed-out shopper's heart is a link to sign in that brings them back to
//! the same page. Before hydration it is a plain form posting to the server function.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;

use crate::api::account::wishlist::{saved_pieces, set_saved};
use crate::components::errors::error_text;
use crate::i18n::use_i18n;

/// The saved pieces, app-wide: `None` until known, `Some(None)` when signed out.
#[derive(Clone, Copy)]
pub struct Hearts {
    saved: RwSignal<Option<Option<HashSet<String>>>>,
    /// The last result, announced politely (or at once for a failure).
    pub status: RwSignal<Option<String>>,
    pub failure: RwSignal<Option<String>>,
}

impl Hearts {
    /// Puts the hearts in context and reads them after each navigation (sign-in and
    /// sign-out change them).
    pub fn provide() {
        let hearts = Hearts {
            saved: RwSignal::new(None),
            status: RwSignal::new(None),
            failure: RwSignal::new(None),
        };
        provide_context(hearts);
    }

    pub fn get() -> Option<Hearts> {
        use_context::<Hearts>()
    }

    fn load(self) {
        spawn_local(async move {
            if let Ok(saved) = saved_pieces().await {
                self.saved
                    .set(Some(saved.map(|ids| ids.into_iter().collect())));
            }
        });
    }

    fn is_saved(self, id: &str) -> bool {
        self.saved
            .with(|saved| matches!(saved, Some(Some(ids)) if ids.contains(id)))
    }

    fn signed_out(self) -> bool {
        self.saved.with(|saved| matches!(saved, Some(None)))
    }

    fn mark(self, id: &str, saved: bool) {
        self.saved.update(|known| {
            if let Some(Some(ids)) = known {
                if saved {
                    ids.insert(id.to_string());
                } else {
                    ids.remove(id);
                }
            }
        });
    }
}

/// Reads the hearts once the page is interactive, and again after each navigation.
#[component]
pub fn HeartsLoader() -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        if let Some(hearts) = Hearts::get() {
            hearts.load();
        }
    });
    view! {
        // Announced only while there is something to say, so a page has no empty alert.
        {move || Hearts::get().map(|hearts| view! {
            {move || hearts.status.get().map(|message| view! { <p class="visually-hidden" role="status">{message}</p> })}
            {move || hearts.failure.get().map(|message| view! { <p class="visually-hidden" role="alert">{message}</p> })}
        })}
    }
}

#[component]
pub fn WishlistHeart(product_id: String, name: String) -> impl IntoView {
    let text = &use_i18n().common;
    let Some(hearts) = Hearts::get() else {
        return ().into_any();
    };
    let location = use_location();
    let id = StoredValue::new(product_id);
    let name = StoredValue::new(name);
    let label = (text.save_piece)(&name.get_value());
    let pressed = Signal::derive(move || hearts.is_saved(&id.get_value()));
    let toggle = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let now = !pressed.get_untracked();
        let product = id.get_value();
        // Read before the request: the heart may be gone when it answers (a navigation
        // replaced its page), and a disposed value must not be read then.
        let piece = name.get_value();
        hearts.mark(&product, now);
        hearts.failure.set(None);
        spawn_local(async move {
            match save_heart(product.clone(), now).await {
                Ok(_) => {
                    hearts.status.set(Some(if now {
                        (text.piece_saved)(&piece)
                    } else {
                        (text.piece_unsaved)(&piece)
                    }));
                }
                Err(error) => {
                    hearts.mark(&product, !now);
                    hearts.failure.set(Some(format!(
                        "{} {}",
                        text.save_failed,
                        error_text(&error)
                    )));
                }
            }
        });
    };
    view! {
        <Show
            when=move || !hearts.signed_out()
            fallback=move || {
                // A button, not a second link on the card: it asks to sign in and
                // comes back here.
                view! {
                    <form class="heart-form" method="get" action="/login">
                        <input type="hidden" name="next" value=move || location.pathname.get() />
                        <button type="submit" class="heart" aria-label=(text.save_piece)(&name.get_value())>
                            <HeartIcon />
                        </button>
                    </form>
                }
            }
        >
            <form class="heart-form" method="post" action="/api/wishlist/heart" on:submit=toggle>
                <input type="hidden" name="product_id" value=id.get_value() />
                <input type="hidden" name="saved" value=move || (!pressed.get()).to_string() />
                <button
                    type="submit"
                    class="heart"
                    aria-label=label.clone()
                    aria-pressed=move || pressed.get().to_string()
                >
                    <HeartIcon />
                </button>
            </form>
        </Show>
    }
    .into_any()
}

/// The heart's request, a lazy function: its codec loads with the first press.
#[lazy]
async fn save_heart(product_id: String, saved: bool) -> Result<bool, crate::api::ApiError> {
    set_saved(product_id, saved).await
}

#[component]
fn HeartIcon() -> impl IntoView {
    view! {
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
                d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z"
                stroke="currentColor"
                stroke-width="1.4"
            />
        </svg>
    }
}
