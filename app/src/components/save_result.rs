//! The last result of a form's server action (sign-in, settings, addresses, ...), and the
//! messages a form shows from it: per field, and for the whole form.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::api::account::SaveOutcome;
use crate::api::auth::AuthOutcome;
use crate::components::errors::error_text;

/// An outcome whose refusals belong to form fields.
pub trait FormOutcome: Clone + Send + Sync + 'static {
    fn error_for(&self, field: &str) -> Option<String>;
    fn form_error(&self) -> Option<String>;
}

impl FormOutcome for SaveOutcome {
    fn error_for(&self, field: &str) -> Option<String> {
        SaveOutcome::error_for(self, field)
    }
    fn form_error(&self) -> Option<String> {
        SaveOutcome::form_error(self)
    }
}

impl FormOutcome for crate::api::reviews::ReviewOutcome {
    fn error_for(&self, field: &str) -> Option<String> {
        Self::error_for(self, field)
    }
    fn form_error(&self) -> Option<String> {
        Self::form_error(self)
    }
}

impl FormOutcome for AuthOutcome {
    fn error_for(&self, field: &str) -> Option<String> {
        AuthOutcome::error_for(self, field)
    }
    fn form_error(&self) -> Option<String> {
        AuthOutcome::form_error(self)
    }
}

/// The last result of a form's server action.
pub type SaveResult = Option<Result<SaveOutcome, ApiError>>;

/// The message for `field` from the last submission, if it was refused there.
pub fn field_error<O: FormOutcome>(
    value: Signal<Option<Result<O, ApiError>>>,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        value
            .get()
            .and_then(|result| result.ok())
            .and_then(|outcome| outcome.error_for(field))
    })
}

/// A message about the whole form: a refusal without a field, or a failed request.
pub fn form_error<O: FormOutcome>(
    value: Signal<Option<Result<O, ApiError>>>,
) -> Signal<Option<String>> {
    Signal::derive(move || match value.get() {
        Some(Ok(outcome)) => outcome.form_error(),
        Some(Err(error)) => Some(error_text(&error)),
        None => None,
    })
}

/// The result of `action`'s submissions made after this point only, so a form drawn
/// again does not show the previous form's messages.
pub fn fresh_value<A>(action: ServerAction<A>) -> Signal<SaveResult>
where
    A: leptos::server_fn::ServerFn<Output = SaveOutcome, Error = ApiError>
        + Clone
        + Send
        + Sync
        + 'static,
{
    let start = action.version().get_untracked();
    Signal::derive(move || {
        if action.version().get() > start {
            action.value().get()
        } else {
            None
        }
    })
}

/// A polite live region: `message` once the last submission succeeded, emptied while
/// the next one is on its way so each success is announced.
#[component]
pub fn SaveStatus(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! { <p class="save-status" role="status">{move || message.get()}</p> }
}
