use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::atelier_showcase::AtelierShowcase;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="Quiet luxury, intelligently curated" />
        <Meta
            name="description"
            content="LuxeVerse brings together rare pieces from independent ateliers, curated for you with care."
        />
        <section class="hero" aria-labelledby="hero-title">
            <div class="hero__veil" aria-hidden="true"></div>
            <div class="hero__content">
                <p class="eyebrow">"Autumn · Winter 2026"</p>
                <h1 id="hero-title">"Quiet luxury, intelligently curated"</h1>
                <p class="hero__lede">
                    "Rare pieces from independent ateliers, chosen for the way you live and delivered with discretion."
                </p>
                <div class="hero__actions">
                    <a class="button button--primary" href="/products">"Explore the collection"</a>
                    <a class="button button--ghost" href="/live">"Book a live appointment"</a>
                </div>
            </div>
        </section>
        <AtelierShowcase />
        <section class="promise" aria-labelledby="promise-title">
            <h2 id="promise-title" class="visually-hidden">"Our promise"</h2>
            <ul role="list" class="promise__list">
                <li>
                    <h3>"Authenticated"</h3>
                    <p>"Every piece traced to its atelier, with provenance you can read."</p>
                </li>
                <li>
                    <h3>"Considered"</h3>
                    <p>"Materials and makers chosen for how long they last, not how fast they sell."</p>
                </li>
                <li>
                    <h3>"Personal"</h3>
                    <p>"An edit that learns your style, and a stylist when you want one."</p>
                </li>
            </ul>
        </section>
    }
}
