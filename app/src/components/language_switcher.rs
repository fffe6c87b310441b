//! The language switcher in the header: a select that applies itself with JavaScript, and
//! a plain form post with a submit button without it. The page then reloads, so every
//! string and every translated product comes back from the server in the new language.

use leptos::prelude::*;

use crate::api::locale::SetLocale;
use crate::i18n::{Locale, use_i18n, use_locale};

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let current = use_locale();
    let text = &use_i18n().common;
    let action = ServerAction::<SetLocale>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            let _ = window().location().reload();
        }
    });
    let apply = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        if Locale::parse(&chosen).is_some_and(|locale| locale != current) {
            action.dispatch(SetLocale { locale: chosen });
        }
    };

    view! {
        <ActionForm action attr:class="language-switcher">
            <label for="language-switcher" class="visually-hidden">{text.language}</label>
            <select id="language-switcher" name="locale" on:change=apply>
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        view! {
                            <option value=locale.code() lang=locale.code() selected=locale == current>
                                {locale.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <button type="submit" class="language-switcher__apply">{text.language}</button>
        </ActionForm>
    }
}
