//! The product detail page, as server functions: the page's data in one call (detail,
//! first reviews, similar pieces, SEO fields) and "show more" for reviews. Prices leave
//! the server as `Money` (exact decimals) and are formatted by the view.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::ApiError;
use domain::Money;

/// Reviews shown at first and per "show more".
pub const REVIEWS_PAGE: u64 = 10;
/// "You may also like" cards.
pub const SIMILAR_COUNT: u64 = 8;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductPageDto {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub story: Option<String>,
    pub meta_title: Option<String>,
    pub meta_description: Option<String>,
    pub sku: String,
    pub price: Money,
    pub compare_at_price: Option<Money>,
    pub materials: Vec<String>,
    pub style_tags: Vec<String>,
    pub is_exclusive: bool,
    pub is_limited_edition: bool,
    pub recyclable: bool,
    pub carbon_footprint: Option<String>,
    pub brand: Option<BrandDto>,
    pub breadcrumb: Vec<CrumbDto>,
    pub gallery: Vec<MediaDto>,
    pub spin: Vec<MediaDto>,
    pub variants: Vec<VariantDto>,
    pub rating_average: Option<String>,
    pub rating_count: i64,
    pub reviews: Vec<ReviewDto>,
    pub similar: Vec<SimilarDto>,
    /// The site's public origin (APP_BASE_URL), for canonical and absolute URLs.
    pub base_url: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BrandDto {
    pub name: String,
    pub slug: String,
    pub description: Option<String>,
    pub story: Option<String>,
    pub sustainability_score: Option<i32>,
    pub certifications: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CrumbDto {
    pub slug: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaDto {
    pub url: String,
    pub alt: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub variant_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VariantDto {
    pub id: String,
    pub sku: String,
    pub size: Option<String>,
    pub color: Option<String>,
    pub price: Money,
    pub compare_at_price: Option<Money>,
    pub available: i32,
    pub low_stock: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewDto {
    pub id: String,
    pub author: String,
    pub rating: i32,
    pub title: Option<String>,
    pub content: Option<String>,
    pub is_verified_purchase: bool,
    pub helpful_count: i32,
    /// ISO date, e.g. "2026-03-01".
    pub date: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimilarDto {
    pub slug: String,
    pub name: String,
    pub brand_name: Option<String>,
    pub price: Money,
    pub image_url: Option<String>,
}

impl ProductPageDto {
    pub fn title(&self) -> String {
        self.meta_title.clone().unwrap_or_else(|| self.name.clone())
    }

    pub fn summary(&self) -> String {
        self.meta_description
            .clone()
            .unwrap_or_else(|| self.description.chars().take(160).collect())
    }

    pub fn canonical_url(&self) -> String {
        format!(
            "{}/products/{}",
            self.base_url.trim_end_matches('/'),
            self.slug
        )
    }

    pub fn absolute(&self, url: &str) -> String {
        if url.starts_with("http://") || url.starts_with("https://") {
            url.to_string()
        } else {
            format!(
                "{}/{}",
                self.base_url.trim_end_matches('/'),
                url.trim_start_matches('/')
            )
        }
    }

    pub fn in_stock(&self) -> bool {
        self.variants.is_empty() || self.variants.iter().any(|v| v.available > 0)
    }

    /// schema.org Product as JSON, safe to place inside `<script>`: every `<` is escaped
    /// so no `</script>` (or `<!--`) can appear in the output.
    pub fn json_ld(&self) -> String {
        let mut value = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Product",
            "name": self.name,
            "description": self.summary(),
            "sku": self.sku,
            "url": self.canonical_url(),
            "image": self.gallery.iter().map(|m| self.absolute(&m.url)).collect::<Vec<_>>(),
            "offers": {
                "@type": "Offer",
                "price": self.price.plain(),
                "priceCurrency": self.price.currency,
                "availability": if self.in_stock() {
                    "https://schema.org/InStock"
                } else {
                    "https://schema.org/OutOfStock"
                },
                "url": self.canonical_url(),
            },
        });
        if let Some(brand) = &self.brand {
            value["brand"] = serde_json::json!({ "@type": "Brand", "name": brand.name });
        }
        if let (Some(average), true) = (&self.rating_average, self.rating_count > 0) {
            value["aggregateRating"] = serde_json::json!({
                "@type": "AggregateRating",
                "ratingValue": average,
                "reviewCount": self.rating_count,
            });
        }
        escape_json_for_script(&value.to_string())
    }
}

/// Escapes serialised JSON for an HTML `<script>` element.
pub fn escape_json_for_script(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(feature = "ssr")]
mod convert {
    use sea_orm::prelude::Decimal;

    use super::*;
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

    pub fn review(view: ReviewView) -> ReviewDto {
        ReviewDto {
            id: view.id.to_string(),
            author: view.author,
            rating: view.rating,
            title: view.title,
            content: view.content,
            is_verified_purchase: view.is_verified_purchase,
            helpful_count: view.helpful_count,
            date: view.created_at.format("%Y-%m-%d").to_string(),
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
        reviews: Vec<ReviewView>,
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
            reviews: reviews.into_iter().map(review).collect(),
            similar: similars.into_iter().map(similar).collect(),
            base_url,
            name,
        }
    }
}

/// The product page's data, or `None` when no visible product has this slug.
#[server(endpoint = "product/page")]
pub async fn product_page(slug: String) -> Result<Option<ProductPageDto>, ApiError> {
    use services::catalog::product;

    let ctx = crate::api::context::Ctx::load().await?;
    let services = &ctx.services;
    // Detail, first reviews and similar pieces, cached for a few seconds per slug and
    // language (`ProductPageCache`); the view below is recorded on every request.
    let Some(page) = product::product_page_data(
        &services.db,
        Some(&services.product_cache),
        &slug,
        Some(ctx.locale.code()),
        REVIEWS_PAGE,
        SIMILAR_COUNT,
    )
    .await?
    else {
        return Ok(None);
    };
    let product::ProductPageData {
        detail,
        reviews,
        similar,
    } = (*page).clone();

    let referrer = use_context::<http::request::Parts>().and_then(|parts| {
        parts
            .headers
            .get(http::header::REFERER)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    });
    services
        .analytics
        .view(services::analytics::ProductView::new(
            detail.id,
            ctx.session_user().map(|user| user.id),
            None,
            referrer.as_deref(),
        ));
    crate::api::search::record_click_from_request(&ctx, detail.id).await;

    Ok(Some(convert::page(
        detail,
        reviews,
        similar,
        services.base_url.clone(),
    )))
}

/// The next page of approved reviews for "show more".
#[server(endpoint = "product/reviews")]
pub async fn more_reviews(product_id: String, offset: u64) -> Result<Vec<ReviewDto>, ApiError> {
    use services::catalog::product;

    let Ok(product_id) = uuid::Uuid::parse_str(&product_id) else {
        return Ok(Vec::new());
    };
    let ctx = crate::api::context::Ctx::load().await?;
    let reviews =
        product::approved_reviews(&ctx.services.db, product_id, REVIEWS_PAGE, offset).await?;
    Ok(reviews.into_iter().map(convert::review).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> ProductPageDto {
        ProductPageDto {
            id: "1".into(),
            slug: "s".into(),
            name: name.into(),
            description: "d".into(),
            story: None,
            meta_title: None,
            meta_description: None,
            sku: "SKU".into(),
            price: Money::new("1250.00".parse().unwrap(), "USD"),
            compare_at_price: None,
            materials: vec![],
            style_tags: vec![],
            is_exclusive: false,
            is_limited_edition: false,
            recyclable: false,
            carbon_footprint: None,
            brand: None,
            breadcrumb: vec![],
            gallery: vec![],
            spin: vec![],
            variants: vec![],
            rating_average: Some("4.5".into()),
            rating_count: 2,
            reviews: vec![],
            similar: vec![],
            base_url: "https://shop.test".into(),
        }
    }

    #[test]
    fn json_ld_cannot_close_the_script_element() {
        let name = "</script><script>alert(1)</script>";
        let json = sample(name).json_ld();
        assert!(!json.contains('<'));
        assert!(!json.to_ascii_lowercase().contains("</script"));
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed["name"], name);
        assert_eq!(parsed["offers"]["price"], "1250.00");
        assert_eq!(parsed["aggregateRating"]["reviewCount"], 2);
    }
}
