//! The settings' notification panel: a table of topics by channel (in the app, by
//! email), a plain form. Order updates are always on and say so.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::api::account::notifications::{
    PreferenceDto, SaveNotificationPreferences, notification_preferences,
};
use crate::api::page_data::{PageResource, page_resource};
use crate::components::errors::error_text;
use crate::components::form::FormAlert;
use crate::components::save_result::{SaveStatus, form_error};
use crate::i18n::notifications::notifications_text;

/// The panel's save and its data, read again after each save. The settings page creates
/// them at its top, outside its `Suspense` (see `api::page_data`).
#[derive(Clone, Copy)]
pub struct Preferences {
    save: ServerAction<SaveNotificationPreferences>,
    choices: PageResource<Result<Vec<PreferenceDto>, ApiError>>,
}

impl Default for Preferences {
    fn default() -> Self {
        let save = ServerAction::<SaveNotificationPreferences>::new();
        let choices = page_resource(move || save.version().get(), |_| notification_preferences());
        Preferences { save, choices }
    }
}

#[component]
pub fn NotificationPreferences(preferences: Preferences) -> impl IntoView {
    let text = notifications_text();
    let Preferences { save, choices } = preferences;
    let status = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok(outcome)) = save.value().get() {
            status.set(outcome.is_saved().then(|| text.saved.to_string()));
        }
    });
    view! {
        <section class="settings__panel" id="notifications" aria-labelledby="preferences-title">
            <h2 id="preferences-title">{text.preferences_heading}</h2>
            <p class="field__hint">{text.preferences_intro}</p>
            <SaveStatus message=status />
            <FormAlert message=form_error(save.value().into()) />
            <Transition fallback=move || view! { <p class="loading" aria-live="polite">{text.loading}</p> }>
                {move || Suspend::new(async move {
                    match choices.await {
                        Ok(choices) => view! { <PreferenceTable choices save /> }.into_any(),
                        Err(error) => view! { <p role="alert">{error_text(&error)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn PreferenceTable(
    choices: Vec<PreferenceDto>,
    save: ServerAction<SaveNotificationPreferences>,
) -> impl IntoView {
    let text = notifications_text();
    view! {
        <ActionForm action=save attr:class="preferences">
            <table class="preferences__table">
                <caption class="visually-hidden">{text.preferences_heading}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text.topic}</th>
                        <th scope="col">{text.in_app}</th>
                        <th scope="col">{text.email}</th>
                    </tr>
                </thead>
                <tbody>
                    {choices
                        .into_iter()
                        .enumerate()
                        .map(|(index, choice)| view! { <PreferenceRow index choice /> })
                        .collect_view()}
                </tbody>
            </table>
            <button type="submit" class="button button--primary" disabled=move || save.pending().get()>
                {move || if save.pending().get() { text.saving } else { text.save }}
            </button>
        </ActionForm>
    }
}

#[component]
fn PreferenceRow(index: usize, choice: PreferenceDto) -> impl IntoView {
    let text = notifications_text();
    let topic = (text.topics)(choice.topic);
    let locked = choice.topic.always_on();
    let name = |part: &str| format!("choices[{index}][{part}]");
    let box_for = move |part: &'static str, channel: &'static str, checked: bool| {
        let label = format!("{topic}: {channel}");
        view! {
            <td>
                <input
                    type="checkbox"
                    name=name(part)
                    value="true"
                    checked=checked
                    disabled=locked
                    aria-label=label
                />
            </td>
        }
    };
    view! {
        <tr>
            <th scope="row">
                {topic}
                {locked.then(|| view! { <span class="preferences__locked">" · " {text.always_on}</span> })}
                <input type="hidden" name=name("topic") value=choice.topic.code() />
            </th>
            {box_for("in_app", text.in_app, choice.in_app)}
            {box_for("email", text.email, choice.email)}
        </tr>
    }
}
