//! The size advisor on the product page: the size to choose, how sure it is and why;
//! a sign-in prompt for signed-out shoppers; when it does not know yet, the question
//! "your usual size at this designer"; under a suggestion, the shopper's word on a piece
//! they bought. The advice is read with the page (rendered by the server); both forms
//! are plain posts to the server functions, which send the browser back to the page, so
//! they work before the page is interactive and add no request code to the bundle.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::ApiError;
use crate::api::page_data::PageResource;
use crate::api::product::VariantDto;
use crate::api::size_advisor::{
    FEEDBACK_PATH, FitOutcome, SizeAdvice, SizeSuggestion, USUAL_SIZE_PATH,
};
use crate::i18n::size_advice::size_advice_text;

/// The advisor's section, for a piece sold in sizes (nothing for one-size pieces).
#[component]
pub fn SizeAdvisor(
    /// Read by the page beside its own read.
    advice: PageResource<Result<SizeAdvice, ApiError>>,
    product_id: String,
    variants: Vec<VariantDto>,
    brand: Option<String>,
) -> impl IntoView {
    let mut sizes: Vec<String> = variants.into_iter().filter_map(|v| v.size).collect();
    sizes.dedup();
    if sizes.is_empty() || sizes.iter().all(|size| size == "One size") {
        return ().into_any();
    }
    let text = size_advice_text();
    let answer = move || {
        let (product_id, sizes, brand) = (product_id.clone(), sizes.clone(), brand.clone());
        Suspend::new(async move {
            let content = match advice.await {
                Ok(SizeAdvice::Suggested(suggestion)) => {
                    view! { <Suggestion suggestion sizes /> }.into_any()
                }
                Ok(SizeAdvice::Unknown) => view! {
                    <p>{text.unknown}</p>
                    <UsualSizeForm product_id sizes brand />
                }
                .into_any(),
                Ok(SizeAdvice::SignedOut) => view! { <SignInPrompt /> }.into_any(),
                Ok(SizeAdvice::Off) => view! { <p>{text.off}</p> }.into_any(),
                Ok(SizeAdvice::NotSized) | Err(_) => return ().into_any(),
            };
            view! {
                <section class="product__size-advice" aria-labelledby="size-advice-title">
                    <h2 id="size-advice-title">{text.title}</h2>
                    {content}
                </section>
            }
            .into_any()
        })
    };
    view! { <Suspense fallback=|| ()>{answer}</Suspense> }.into_any()
}

#[component]
fn SignInPrompt() -> impl IntoView {
    let text = size_advice_text();
    let location = use_location();
    let href = move || format!("/login?next={}", location.pathname.get());
    view! {
        <p>
            {text.signed_out} " " <a href=href>{text.sign_in}</a>
        </p>
    }
}

/// The size, its confidence and the one line that says why; then the feedback form.
#[component]
fn Suggestion(suggestion: SizeSuggestion, sizes: Vec<String>) -> impl IntoView {
    let text = size_advice_text();
    let SizeSuggestion {
        id,
        size,
        label,
        confidence,
        percent,
        reason,
        note,
    } = suggestion;
    let reason = match note {
        Some(note) => format!("{} {}", (text.reason)(&reason), (text.note)(note)),
        None => (text.reason)(&reason),
    };
    view! {
        <p class="size-advice__size">
            <strong>{(text.suggestion)(&size, label.as_deref())}</strong>
            " · "
            <span class="size-advice__confidence">{(text.confidence)(confidence, percent)}</span>
        </p>
        <p class="size-advice__reason">{reason}</p>
        <details class="size-advice__feedback">
            <summary>{text.feedback_title}</summary>
            <form method="post" action=FEEDBACK_PATH>
                <input type="hidden" name="recommendation" value=id />
                <div class="field">
                    <label for="size-bought">{text.size_bought}</label>
                    <select id="size-bought" name="size">
                        {size_options(&sizes, &size)}
                    </select>
                </div>
                <div class="field">
                    <label for="size-fit">{text.how_it_fits}</label>
                    <select id="size-fit" name="outcome">
                        {FitOutcome::ALL
                            .iter()
                            .map(|outcome| view! { <option value=outcome.code()>{(text.outcome)(*outcome)}</option> })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" class="button button--ghost">{text.send}</button>
            </form>
        </details>
    }
}

/// "Your usual size at this designer", for an advisor that does not know yet.
#[component]
fn UsualSizeForm(product_id: String, sizes: Vec<String>, brand: Option<String>) -> impl IntoView {
    let text = size_advice_text();
    view! {
        <form method="post" action=USUAL_SIZE_PATH class="size-advice__usual">
            <input type="hidden" name="product_id" value=product_id />
            <div class="field">
                <label for="usual-size">{(text.usual_size)(brand.as_deref())}</label>
                <select id="usual-size" name="size">
                    {size_options(&sizes, "")}
                </select>
            </div>
            <button type="submit" class="button button--ghost">{text.suggest}</button>
        </form>
    }
}

fn size_options(sizes: &[String], chosen: &str) -> impl IntoView + use<> {
    sizes
        .iter()
        .map(|size| {
            view! { <option value=size.clone() selected=size == chosen>{size.clone()}</option> }
        })
        .collect_view()
}
