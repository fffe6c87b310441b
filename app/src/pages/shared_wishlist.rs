//! `/wishlist/:token`: a list someone made public, read-only and `noindex`, that any
//! visitor can open and add from (in the size the owner watches, or any size they pick
//! on the piece's page).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::account::wishlist::{SavedPieceDto, shared_wishlist};
use crate::api::page_data::page_resource;
use crate::components::add_to_bag::AddToBag;
use crate::components::saved_piece::SavedPieceSummary;
use crate::i18n::wishlist::wishlist_text;

#[component]
pub fn SharedWishlistPage() -> impl IntoView {
    let text = wishlist_text();
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let list = page_resource(move || token.get(), shared_wishlist);
    view! {
        <Meta name="robots" content="noindex" />
        <section class="account account--wide shared-wishlist" aria-labelledby="shared-title">
            <Suspense fallback=move || view! { <p class="loading" aria-live="polite">{text.loading}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) => {
                            let heading = (text.shared_heading)(list.owner.as_deref());
                            view! {
                                <Title text=heading.clone() />
                                <p class="eyebrow">{list.name.clone()}</p>
                                <h1 id="shared-title">{heading}</h1>
                                {if list.pieces.is_empty() {
                                    view! { <p>{text.shared_empty}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul role="list" class="wishlist__pieces">
                                            {list.pieces.into_iter().map(|piece| view! { <SharedPiece piece /> }).collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }}
                            }
                                .into_any()
                        }
                        Err(_) => {
                            view! {
                                <Title text=text.title />
                                <h1 id="shared-title">{text.title}</h1>
                                <p role="alert">{text.not_found}</p>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn SharedPiece(piece: SavedPieceDto) -> impl IntoView {
    let text = wishlist_text();
    let href = format!("/products/{}", piece.slug);
    let chosen = RwSignal::new(piece.variant_id.clone());
    let in_size = piece.variant_id.is_some() && piece.in_stock;
    view! {
        <li class="saved-piece">
            <SavedPieceSummary piece=piece.clone() />
            <div class="saved-piece__actions">
                {in_size.then(|| view! { <AddToBag chosen_variant=chosen product_name=piece.name.clone() /> })}
                <a class="text-link" href=href>
                    {text.view_piece} <span class="visually-hidden">" " {piece.name.clone()}</span>
                </a>
            </div>
        </li>
    }
}
