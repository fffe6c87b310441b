//! The product gallery: one large image, thumbnails to choose it, and a 360° view when
//! the piece has a sequence of frames.

use leptos::prelude::*;

use crate::api::product::MediaDto;

/// The stills to show: the chosen variant's own images first, then the shared ones
/// (those without a variant). With no variant chosen, or none with images of its own,
/// the shared images; a product whose every image belongs to a variant shows them all.
pub fn images_for_variant(images: &[MediaDto], variant: Option<&str>) -> Vec<MediaDto> {
    let own: Vec<MediaDto> = variant
        .map(|variant| {
            images
                .iter()
                .filter(|image| image.variant_id.as_deref() == Some(variant))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let shared = images
        .iter()
        .filter(|image| image.variant_id.is_none())
        .cloned();
    let shown: Vec<MediaDto> = own.into_iter().chain(shared).collect();
    if shown.is_empty() {
        images.to_vec()
    } else {
        shown
    }
}

#[component]
pub fn Gallery(
    /// Still images, the primary first.
    images: Vec<MediaDto>,
    /// 360° frames in order; empty when there are none.
    #[prop(optional)]
    spin: Vec<MediaDto>,
    /// Used in accessible names.
    name: String,
    /// The variant the shopper chose, whose own images lead the gallery.
    #[prop(optional)]
    chosen_variant: Option<RwSignal<Option<String>>>,
) -> impl IntoView {
    let text = &crate::i18n::use_i18n().product;
    let selected = RwSignal::new(0usize);
    let spinning = RwSignal::new(false);
    let frame = RwSignal::new(0usize);
    let all_images = StoredValue::new(images);
    let images = Memo::new(move |_| {
        let variant = chosen_variant.and_then(|chosen| chosen.get());
        all_images.with_value(|images| images_for_variant(images, variant.as_deref()))
    });
    // A new variant starts at its first image.
    Effect::new(move |seen: Option<Vec<MediaDto>>| {
        let current = images.get();
        if seen.is_some_and(|seen| seen != current) {
            spinning.set(false);
            selected.set(0);
        }
        current
    });
    let spin = StoredValue::new(spin);
    let has_spin = !spin.with_value(|s| s.is_empty());
    let frames = spin.with_value(|s| s.len());

    let main_image = move || {
        if spinning.get() {
            spin.with_value(|s| s.get(frame.get()).cloned())
        } else {
            images.with(|i| i.get(selected.get()).or(i.first()).cloned())
        }
    };

    let thumbs = move || {
        images
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, image)| {
                let label = (text.show_image)(index + 1, &name);
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
                            <img src=image.url alt="" loading="lazy" width="80" height="100" />
                            <span class="visually-hidden">{image.alt}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };

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
                                    fetchpriority="high"
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
                                    {text.spin_view}
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
                                {text.rotate}
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

#[cfg(test)]
mod tests {
    use super::images_for_variant;
    use crate::api::product::MediaDto;

    fn image(url: &str, variant: Option<&str>) -> MediaDto {
        MediaDto {
            url: url.to_string(),
            alt: url.to_string(),
            width: None,
            height: None,
            variant_id: variant.map(str::to_string),
        }
    }

    fn urls(images: Vec<MediaDto>) -> Vec<String> {
        images.into_iter().map(|image| image.url).collect()
    }

    #[test]
    fn the_chosen_variant_leads_with_its_own_images() {
        let images = vec![
            image("front", None),
            image("navy-front", Some("navy")),
            image("detail", None),
            image("ivory-front", Some("ivory")),
        ];
        assert_eq!(urls(images_for_variant(&images, None)), ["front", "detail"]);
        assert_eq!(
            urls(images_for_variant(&images, Some("navy"))),
            ["navy-front", "front", "detail"]
        );
        assert_eq!(
            urls(images_for_variant(&images, Some("plain"))),
            ["front", "detail"],
            "a variant without images of its own shows the shared ones"
        );
        let only_variants = vec![image("a", Some("navy")), image("b", Some("ivory"))];
        assert_eq!(urls(images_for_variant(&only_variants, None)), ["a", "b"]);
    }
}
