use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::atelier_showcase::AtelierShowcase;
use crate::components::for_you::{ForYouRow, for_you_row};
use crate::components::hydration_mark::HydrationMark;
use crate::i18n::use_i18n;

#[component]
pub fn HomePage() -> impl IntoView {
    let text = &use_i18n().home;
    let for_you = for_you_row(Signal::default());
    view! {
        <Title text=text.title />
        <Meta name="description" content=text.description />
        <section class="hero" aria-labelledby="hero-title">
            <div class="hero__veil" aria-hidden="true"></div>
            <div class="hero__content">
                <p class="eyebrow">{text.eyebrow}</p>
                <h1 id="hero-title">{text.hero_title}</h1>
                <p class="hero__lede">{text.hero_lede}</p>
                <div class="hero__actions">
                    <a class="button button--primary" href="/products">{text.explore}</a>
                    <a class="button button--ghost" href="/live">{text.book_live}</a>
                </div>
            </div>
        </section>
        <AtelierShowcase />
        <ForYouRow row=for_you />
        <section class="promise" aria-labelledby="promise-title">
            <h2 id="promise-title" class="visually-hidden">{text.promise_title}</h2>
            <ul role="list" class="promise__list">
                {text
                    .promise
                    .iter()
                    .map(|(title, body)| view! { <li><h3>{*title}</h3><p>{*body}</p></li> })
                    .collect_view()}
            </ul>
        </section>
        <HydrationMark />
    }
}
