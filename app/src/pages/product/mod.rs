//! The product detail page at `/products/:slug`. Everything a search engine needs (title,
//! description, canonical, Open Graph, JSON-LD) is rendered on the server.

use crate::api::page_data::page_resource;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::ApiError;
use crate::api::look::{Look, complete_look};
use crate::api::page_data::PageResource;
use crate::api::product::{ProductPageDto, product_page};
use crate::api::size_advisor::{SizeAdvice, advise_size};
use crate::components::gallery::Gallery;
use crate::components::variant_picker::VariantPicker;
use crate::i18n::{use_i18n, use_locale};
use crate::pages::not_found::NotFoundPage;

mod look;
mod review_item;
mod reviews;
mod size_advice;

use reviews::ReviewsSection;

/// The product page's reads beside the page's own, keyed by its slug.
#[derive(Clone, Copy)]
struct Extras {
    look: PageResource<Result<Look, ApiError>>,
    advice: PageResource<Result<SizeAdvice, ApiError>>,
}

#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let page = page_resource(slug, product_page);
    // The page's other reads are keyed by the slug too and created here, beside the
    // page's own: a resource created inside the `Suspense` below would be created anew
    // each time the server walks it (a look was asked for three times per render, each
    // view writing its own), and would start only once the page's read is in.
    let extras = Extras {
        look: page_resource(slug, complete_look),
        advice: page_resource(slug, advise_size),
    };
    let messages = use_i18n();
    let text = &messages.product;

    view! {
        <Suspense fallback=move || {
            view! { <p class="loading" aria-live="polite">{messages.common.loading}</p> }
        }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(product)) => view! { <ProductView product extras /> }.into_any(),
                    Ok(None) => view! { <NotFoundPage /> }.into_any(),
                    Err(_) => {
                        view! {
                            <section class="product">
                                <h1>{text.fallback_title}</h1>
                                <p role="alert">{text.load_failed}</p>
                            </section>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProductView(product: ProductPageDto, extras: Extras) -> impl IntoView {
    let text = &use_i18n().product;
    let chosen_variant = RwSignal::new(None::<String>);
    let title = product.title();
    let summary = product.summary();
    let canonical = product.canonical_url();
    let og_image = product.gallery.first().map(|m| product.absolute(&m.url));
    let json_ld = product.json_ld();

    let breadcrumb = product
        .breadcrumb
        .iter()
        .map(|c| {
            view! {
                <li>
                    <a href=format!("/categories/{}", c.slug)>{c.name.clone()}</a>
                </li>
            }
        })
        .collect_view();

    let brand = product.brand.clone().map(|b| {
        view! {
            <section class="product__brand" aria-labelledby="brand-title">
                <h2 id="brand-title">
                    <a href=format!("/brands/{}", b.slug)>{b.name.clone()}</a>
                </h2>
                {b.description.map(|d| view! { <p>{d}</p> })}
                {b.story.map(|s| view! { <p class="product__brand-story">{s}</p> })}
                {b.sustainability_score
                    .map(|s| view! { <p>{(text.sustainability_score)(s)}</p> })}
                {(!b.certifications.is_empty())
                    .then(|| {
                        view! {
                            <p class="product__certifications">
                                {(text.certifications)(&b.certifications.join(", "))}
                            </p>
                        }
                    })}
            </section>
        }
    });

    let locale = use_locale();
    let similar = (!product.similar.is_empty()).then(|| {
        let cards = product
            .similar
            .iter()
            .map(|s| {
                view! {
                    <li class="similar-card">
                        <a href=format!("/products/{}", s.slug)>
                            {s.image_url.clone().map(|url| view! { <img src=url alt="" loading="lazy" width="240" height="300" /> })}
                            <span class="similar-card__brand">{s.brand_name.clone()}</span>
                            <span class="similar-card__name">{s.name.clone()}</span>
                            <span class="similar-card__price">{s.price.format(locale)}</span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="product__similar" aria-labelledby="similar-title">
                <h2 id="similar-title">{text.you_may_also_like}</h2>
                <ul role="list" class="similar-grid">{cards}</ul>
            </section>
        }
    });

    let sustainability = (product.recyclable || product.carbon_footprint.is_some()).then(|| {
        view! {
            <section class="product__sustainability" aria-labelledby="sustainability-title">
                <h2 id="sustainability-title">{text.sustainability}</h2>
                <ul>
                    {product.recyclable.then(|| view! { <li>{text.recyclable}</li> })}
                    {product
                        .carbon_footprint
                        .clone()
                        .map(|c| view! { <li>{(text.carbon_footprint)(&c)}</li> })}
                </ul>
            </section>
        }
    });

    let materials = (!product.materials.is_empty()).then(|| {
        let items = product
            .materials
            .iter()
            .map(|m| view! { <li>{m.clone()}</li> })
            .collect_view();
        view! {
            <section class="product__materials" aria-labelledby="materials-title">
                <h2 id="materials-title">{text.materials}</h2>
                <ul>{items}</ul>
            </section>
        }
    });

    let head = view! {
        <Title text=title.clone() />
        <Meta name="description" content=summary.clone() />
        <Link rel="canonical" href=canonical.clone() />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=summary.clone() />
        <Meta property="og:type" content="product" />
        <Meta property="og:url" content=canonical.clone() />
        {og_image.map(|url| view! { <Meta property="og:image" content=url /> })}
        <Meta property="product:price:amount" content=product.price.plain() />
        <Meta property="product:price:currency" content=product.price.currency.clone() />
    }
    .into_any();
    let article = view! {
        <article class="product" aria-labelledby="product-title">
            <nav aria-label=text.breadcrumb class="breadcrumb">
                <ol role="list">
                    <li>
                        <a href="/">{use_i18n().common.home_page}</a>
                    </li>
                    {breadcrumb}
                    <li>
                        <span aria-current="page">{product.name.clone()}</span>
                    </li>
                </ol>
            </nav>
            <div class="product__layout">
                <Gallery
                    images=product.gallery.clone()
                    spin=product.spin.clone()
                    name=product.name.clone()
                    chosen_variant
                />
                <div class="product__buy">
                    {product.brand.as_ref().map(|b| view! { <p class="eyebrow">{b.name.clone()}</p> })}
                    <h1 id="product-title">{product.name.clone()}</h1>
                    <VariantPicker
                        variants=product.variants.clone()
                        base_price=product.price.clone()
                        compare_at_price=product.compare_at_price.clone()
                        chosen_variant
                    />
                    <div class="product__buy">
                        <crate::components::add_to_bag::AddToBag chosen_variant product_name=product.name.clone() />
                        <crate::components::wishlist_heart::WishlistHeart product_id=product.id.clone() name=product.name.clone() />
                    </div>
                    <size_advice::SizeAdvisor advice=extras.advice product_id=product.id.clone() variants=product.variants.clone() brand=product.brand.as_ref().map(|b| b.name.clone()) />
                    <p class="product__description">{product.description.clone()}</p>
                </div>
            </div>
            {product
                .story
                .clone()
                .map(|story| {
                    view! {
                        <section class="product__story" aria-labelledby="story-title">
                            <h2 id="story-title">{text.story}</h2>
                            <p>{story}</p>
                        </section>
                    }
                })}
            {materials}
            {sustainability}
            {brand}
            <ReviewsSection
                product_id=product.id.clone()
                slug=product.slug.clone()
                first=product.reviews.clone()
                query=product.review_query
                average=product.rating_average.clone()
                count=product.rating_count
                histogram=product.rating_histogram
            />
            <look::CompleteTheLook look=extras.look />
            {similar}
        </article>
    }
    .into_any();
    view! {
        {head}
        {article}
        <script type="application/ld+json" inner_html=json_ld></script>
    }
}
