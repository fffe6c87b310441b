//! What frames every step: its heading ("Step 2 of 5: Delivery address"), focused when
//! the step opens, with an "Edit" button once the shopper has moved past it; and its
//! actions, "Back" and the step's own primary button.

use leptos::prelude::*;

use super::state::{STEPS, use_checkout};
use crate::i18n::use_i18n;

#[component]
pub fn StepHeading(n: usize, name: &'static str) -> impl IntoView {
    let text = &use_i18n().checkout;
    let step = use_checkout().step;
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |previous: Option<usize>| {
        let now = step.get();
        if previous.is_some() && now == n {
            request_animation_frame(move || {
                if let Some(heading) = heading.get_untracked() {
                    let _ = heading.focus();
                }
            });
        }
        now
    });
    view! {
        <h2 id=format!("step-{n}") tabindex="-1" node_ref=heading aria-current=move || (step.get() == n).then_some("step")>
            {(text.step_of)(n, STEPS, name)}
        </h2>
        <Show when=move || { step.get() > n }>
            <button type="button" class="button button--ghost checkout__edit" on:click=move |_| step.set(n)
                aria-label=format!("{} {}", text.edit, name)>
                {text.edit}
            </button>
        </Show>
    }
}

/// "Back" to step `back`, and "Continue" (`on_next`), waiting while `disabled`.
#[component]
pub fn StepActions(
    back: usize,
    #[prop(into)] disabled: Signal<bool>,
    #[prop(into)] on_next: Callback<()>,
) -> impl IntoView {
    let text = &use_i18n().checkout;
    let step = use_checkout().step;
    view! {
        <div class="checkout__actions">
            <button type="button" class="button button--ghost" on:click=move |_| step.set(back)>{text.back}</button>
            <button type="button" class="button button--primary" disabled=move || disabled.get()
                on:click=move |_| on_next.run(())>
                {text.continue_}
            </button>
        </div>
    }
}
