//! The product gallery: one large image, thumbnails to choose it, and a 360° view when
//! the piece has a sequence of frames.

use leptos::prelude::*;

use crate::api::product::MediaDto;

#[component]
pub fn Gallery(
    /// Still images, the primary first.
    images: Vec<MediaDto>,
    /// 360° frames in order; empty when there are none.
    #[prop(optional)]
    spin: Vec<MediaDto>,
    /// Used in accessible names.
    name: String,
) -> impl IntoView {
    let selected = RwSignal::new(0usize);
    let spinning = RwSignal::new(false);
    let frame = RwSignal::new(0usize);
    let images = StoredValue::new(images);
    let spin = StoredValue::new(spin);
    let has_spin = !spin.with_value(|s| s.is_empty());
    let frames = spin.with_value(|s| s.len());

    let main_image = move || {
        if spinning.get() {
            spin.with_value(|s| s.get(frame.get()).cloned())
        } else {
            images.with_value(|i| i.get(selected.get()).cloned())
        }
    };

    let thumbs = images.with_value(|images| {
        images
            .iter()
            .enumerate()
            .map(|(index, image)| {
                let label = format!("Show image {} of {}", index + 1, name);
                let url = image.url.clone();
                let alt = image.alt.clone();
                view! {
                    <li>
                        <button
                            type="button"
                            class="gallery__thumb"
                            aria-label=label
                            aria-pressed=move || {
                                (!spinning.get() && selected.get() == index).to_string()
                            }
                            on:click=move |_| {
                                spinning.set(false);
                                selected.set(index);
                            }
                        >
                            <img src=url alt="" loading="lazy" width="80" height="100" />
                            <span class="visually-hidden">{alt}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    });

    view! {
        <div class="gallery">
            <figure class="gallery__stage">
                {move || {
                    main_image()
                        .map(|image| {
                            view! {
                                <img
                                    class="gallery__image"
                                    src=image.url
                                    alt=image.alt
                                    width=image.width.unwrap_or(800)
                                    height=image.height.unwrap_or(1000)
                                />
                            }
                        })
                }}
            </figure>
            <ul role="list" class="gallery__thumbs">
                {thumbs}
                {has_spin
                    .then(|| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="gallery__thumb gallery__spin-toggle"
                                    aria-pressed=move || spinning.get().to_string()
                                    on:click=move |_| spinning.update(|s| *s = !*s)
                                >
                                    "360° view"
                                </button>
                            </li>
                        }
                    })}
            </ul>
            {move || {
                (spinning.get() && frames > 0)
                    .then(|| {
                        view! {
                            <label class="gallery__rotate">
                                "Rotate"
                                <input
                                    type="range"
                                    min="0"
                                    max=(frames - 1).to_string()
                                    step="1"
                                    prop:value=move || frame.get().to_string()
                                    on:input=move |ev| {
                                        if let Ok(value) = event_target_value(&ev).parse::<usize>() {
                                            frame.set(value.min(frames - 1));
                                        }
                                    }
                                />
                            </label>
                        }
                    })
            }}
        </div>
    }
    .into_any()
}
