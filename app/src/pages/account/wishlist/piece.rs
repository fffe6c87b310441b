//! One saved piece on the wishlist: its summary, a form for the size to watch, a note
//! and the two alerts, moving it to another list, taking it out, and adding it to the
//! bag in the watched size.

use leptos::prelude::*;

use super::Actions;
use crate::api::account::wishlist::SavedPieceDto;
use crate::components::add_to_bag::AddToBag;
use crate::components::save_result::field_error;
use crate::components::saved_piece::SavedPieceSummary;
use crate::i18n::wishlist::wishlist_text;

#[component]
pub fn SavedPieceRow(
    piece: SavedPieceDto,
    others: Vec<(String, String)>,
    actions: Actions,
) -> impl IntoView {
    let text = wishlist_text();
    let item = StoredValue::new(piece.item_id.clone());
    let prefix = format!("piece-{}", piece.item_id);
    let field = move |part: &str| format!("{prefix}-{part}");
    let move_id = field("move");
    let chosen = RwSignal::new(piece.variant_id.clone());
    let note_error = field_error(actions.update.value().into(), "note");
    view! {
        <li class="saved-piece">
            <SavedPieceSummary piece=piece.clone() />
            <div class="saved-piece__choices">
                <ActionForm action=actions.update attr:class="saved-piece__form">
                    <input type="hidden" name="item" value=item.get_value() />
                    <div class="field">
                        <label for=field("size")>{text.size}</label>
                        <select
                            id=field("size")
                            name="variant"
                            on:change=move |event| {
                                let value = event_target_value(&event);
                                chosen.set(Some(value).filter(|value| !value.is_empty()));
                            }
                        >
                            <option value="" selected=piece.variant_id.is_none()>{text.any_size}</option>
                            {piece
                                .sizes
                                .iter()
                                .map(|(id, label, available)| {
                                    let selected = piece.variant_id.as_deref() == Some(id.as_str());
                                    let label = if *available { label.clone() } else { format!("{label} · {}", text.sold_out) };
                                    view! { <option value=id.clone() selected=selected>{label}</option> }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=field("note")>{text.note}</label>
                        <textarea id=field("note") name="note" rows="2" maxlength="500">{piece.note.clone()}</textarea>
                        <p class="field__error" role="alert">{move || note_error.get()}</p>
                    </div>
                    <label class="checkbox">
                        <input type="checkbox" name="price_drop" value="true" checked=piece.notify_price_drop />
                        {text.price_drop}
                    </label>
                    <label class="checkbox">
                        <input type="checkbox" name="back_in_stock" value="true" checked=piece.notify_back_in_stock />
                        {text.back_in_stock}
                    </label>
                    <button type="submit" class="button button--ghost">{text.save_piece}</button>
                </ActionForm>
                <div class="saved-piece__actions">
                    <AddToBag chosen_variant=chosen product_name=piece.name.clone() />
                    {(!others.is_empty())
                        .then(|| {
                            view! {
                                <ActionForm action=actions.moved attr:class="saved-piece__move">
                                    <input type="hidden" name="item" value=item.get_value() />
                                    <label for=move_id.clone()>{text.move_to}</label>
                                    <select id=move_id.clone() name="list">
                                        {others
                                            .iter()
                                            .map(|(id, name)| view! { <option value=id.clone()>{name.clone()}</option> })
                                            .collect_view()}
                                    </select>
                                    <button type="submit" class="button button--ghost">{text.move_to}</button>
                                </ActionForm>
                            }
                        })}
                    <ActionForm action=actions.remove>
                        <input type="hidden" name="item" value=item.get_value() />
                        <button type="submit" class="text-link">
                            {text.remove} <span class="visually-hidden">" " {piece.name.clone()}</span>
                        </button>
                    </ActionForm>
                </div>
            </div>
        </li>
    }
}
