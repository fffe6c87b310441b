//! The order's timeline: every step, oldest first, as an ordered list.

use leptos::prelude::*;

use crate::api::account::orders::{TimelineEntryDto, TimelineEvent};
use crate::i18n::orders::orders_text;
use crate::i18n::use_locale;

#[component]
pub fn Timeline(entries: Vec<TimelineEntryDto>) -> impl IntoView {
    let text = orders_text();
    let locale = use_locale();
    view! {
        <section class="order__timeline" aria-labelledby="order-timeline">
            <h2 id="order-timeline">{text.timeline_heading}</h2>
            <ol class="timeline">
                {entries
                    .into_iter()
                    .map(|entry| {
                        let amount = match &entry.event {
                            TimelineEvent::Paid(money)
                            | TimelineEvent::Refunded(money)
                            | TimelineEvent::ReturnRequested { refund: money, .. } => money.format(locale),
                            _ => String::new(),
                        };
                        view! {
                            <li class="timeline__step">
                                <p class="timeline__what">{(text.event)(&entry.event, &amount)}</p>
                                <time class="timeline__when" datetime=entry.at_iso>{entry.at}</time>
                                {entry.detail.map(|detail| view! { <p class="timeline__detail">{detail}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
