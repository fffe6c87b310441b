//! One product in a listing grid: image, brand, name, price and rating.

use leptos::prelude::*;

use crate::components::wishlist_heart::WishlistHeart;

use crate::api::catalog::ProductCardDto;
use crate::api::search::SegmentDto;
use crate::components::price_tag::PriceTag;
use crate::i18n::use_i18n;

/// Text split into runs, the matched ones (search matches) in `<mark>`; always escaped.
#[component]
pub fn Highlighted(segments: Vec<SegmentDto>) -> impl IntoView {
    segments
        .into_iter()
        .map(|segment| {
            if segment.matched {
                view! { <mark>{segment.text}</mark> }.into_any()
            } else {
                segment.text.into_any()
            }
        })
        .collect_view()
}

/// Cards in a grid's first row (four across on a laptop): see `above_fold`.
pub const FIRST_ROW: usize = 4;

#[component]
pub fn ProductCard(
    product: ProductCardDto,
    /// Search results: the name and brand as matched and unmatched runs.
    #[prop(optional)]
    name_segments: Option<Vec<SegmentDto>>,
    #[prop(optional)] brand_segments: Option<Vec<SegmentDto>>,
    /// Appended to the product link (search results: `?sl=...` records the click).
    #[prop(optional, into)]
    link_query: Option<String>,
    /// A card in the first row, likely the page's largest paint: its image loads at once
    /// and first, not lazily.
    #[prop(optional)]
    above_fold: bool,
) -> impl IntoView {
    let text = &use_i18n().listing;
    let href = format!(
        "/products/{}{}",
        product.slug,
        link_query.unwrap_or_default()
    );
    let name = match name_segments {
        Some(segments) => view! { <Highlighted segments /> }.into_any(),
        None => product.name.clone().into_any(),
    };
    let brand = match (
        brand_segments.filter(|s| !s.is_empty()),
        product.brand_name.clone(),
    ) {
        (Some(segments), _) => Some(view! { <Highlighted segments /> }.into_any()),
        (None, brand) => brand.map(IntoAny::into_any),
    };
    let rating = product
        .average_rating
        .as_deref()
        .map(|average| (text.rating)(average, product.review_count));
    let alt = product
        .image_alt
        .clone()
        .unwrap_or_else(|| product.name.clone());
    let image = product.image_url.clone().map(|src| {
        let (loading, priority) = if above_fold {
            ("eager", "high")
        } else {
            ("lazy", "auto")
        };
        view! {
            <img
                src=src
                alt=alt
                width="480"
                height="600"
                loading=loading
                fetchpriority=priority
                decoding="async"
            />
        }
    });
    view! {
        <li class="product-card" data-product-slug=product.slug.clone()>
            <a class="product-card__link" href=href>
                <div class="product-card__media">
                    {image}
                    {(!product.in_stock).then(|| view! { <span class="product-card__badge">{text.sold_out}</span> })}
                </div>
                <div class="product-card__body">
                    {brand.map(|brand| view! { <p class="product-card__brand">{brand}</p> })}
                    <h3 class="product-card__name">{name}</h3>
                    <PriceTag price=product.price.clone() compare_at=product.compare_at_price.clone() />
                    {rating.map(|label| view! { <p class="product-card__rating">{label}</p> })}
                </div>
            </a>
            <WishlistHeart product_id=product.id.clone() name=product.name.clone() />
        </li>
    }
    .into_any()
}
