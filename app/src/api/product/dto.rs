//! What the product page receives: the piece, its gallery, variants, first reviews and
//! similar pieces, with the SEO helpers (title, canonical URL, schema.org JSON-LD).

use serde::{Deserialize, Serialize};

use domain::Money;
pub use domain::read::reviews::{ReviewDto, ReviewQuery};

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
    /// Published reviews per rating: index 0 is one star, index 4 five stars.
    pub rating_histogram: [i64; 5],
    /// The first reviews, in this order and of this rating.
    pub reviews: Vec<ReviewDto>,
    pub review_query: ReviewQuery,
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
            rating_histogram: [0, 0, 0, 1, 1],
            review_query: Default::default(),
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
