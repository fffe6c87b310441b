//! Services' product read models into the page's DTOs (server only).

use sea_orm::prelude::Decimal;

use super::dto::*;
use domain::Money;
use services::catalog::product::{
    MediaView, ProductDetail, ReviewView, SimilarProduct, VariantView,
};

fn money(value: Decimal, currency: &str) -> Money {
    Money::new(value.round_dp(2), currency)
}

fn materials(value: Option<&serde_json::Value>) -> Vec<String> {
    match value {
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|item| match item {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Object(map) => {
                    let name = map
                        .get("name")
                        .or_else(|| map.get("material"))
                        .and_then(|v| v.as_str())?;
                    match map.get("percentage").or_else(|| map.get("percent")) {
                        Some(p) => Some(format!("{p}% {name}")),
                        None => Some(name.to_string()),
                    }
                }
                _ => None,
            })
            .collect(),
        Some(serde_json::Value::Object(map)) => map
            .iter()
            .map(|(name, value)| match value {
                serde_json::Value::Number(n) => format!("{n}% {name}"),
                serde_json::Value::String(s) => format!("{name}: {s}"),
                _ => name.clone(),
            })
            .collect(),
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn media(view: MediaView, fallback_alt: &str) -> MediaDto {
    MediaDto {
        url: view.url,
        alt: view.alt.unwrap_or_else(|| fallback_alt.to_string()),
        width: view.width,
        height: view.height,
        variant_id: view.variant_id.map(|id| id.to_string()),
    }
}

fn variant(view: VariantView, currency: &str) -> VariantDto {
    VariantDto {
        id: view.id.to_string(),
        sku: view.sku,
        size: view.size,
        color: view.color,
        price: money(view.price, currency),
        compare_at_price: view.compare_at_price.map(|p| money(p, currency)),
        available: view.available,
        low_stock: view.low_stock,
    }
}

fn similar(view: SimilarProduct) -> SimilarDto {
    SimilarDto {
        price: money(view.price, &view.currency),
        slug: view.slug,
        name: view.name,
        brand_name: view.brand_name,
        image_url: view.image_url,
    }
}

pub fn page(
    detail: ProductDetail,
    (reviews, review_query): (Vec<ReviewView>, domain::read::reviews::ReviewQuery),
    similars: Vec<SimilarProduct>,
    base_url: String,
) -> ProductPageDto {
    let currency = detail.currency.clone();
    let name = detail.name.clone();
    ProductPageDto {
        id: detail.id.to_string(),
        slug: detail.slug,
        description: detail.description.unwrap_or_default(),
        story: detail.story,
        meta_title: detail.meta_title,
        meta_description: detail.meta_description,
        sku: detail.sku,
        price: money(detail.price, &currency),
        compare_at_price: detail.compare_at_price.map(|p| money(p, &currency)),
        materials: materials(detail.materials.as_ref()),
        style_tags: detail.style_tags,
        is_exclusive: detail.is_exclusive,
        is_limited_edition: detail.is_limited_edition,
        recyclable: detail.recyclable,
        carbon_footprint: detail.carbon_footprint.map(|c| c.normalize().to_string()),
        brand: detail.brand.map(|b| BrandDto {
            name: b.name,
            slug: b.slug,
            description: b.description,
            story: b.story,
            sustainability_score: b.sustainability_score,
            certifications: b.certifications,
        }),
        breadcrumb: detail
            .breadcrumb
            .into_iter()
            .map(|c| CrumbDto {
                slug: c.slug,
                name: c.name,
            })
            .collect(),
        gallery: detail
            .gallery
            .into_iter()
            .map(|m| media(m, &name))
            .collect(),
        spin: detail.spin.into_iter().map(|m| media(m, &name)).collect(),
        variants: detail
            .variants
            .into_iter()
            .map(|v| variant(v, &currency))
            .collect(),
        rating_average: detail
            .reviews
            .average
            .map(|a| format!("{:.1}", a.round_dp(1))),
        rating_count: detail.reviews.count,
        rating_histogram: detail.reviews.histogram,
        review_query,
        reviews: reviews
            .into_iter()
            .map(crate::api::reviews::server::review)
            .collect(),
        similar: similars.into_iter().map(similar).collect(),
        base_url,
        name,
    }
}
