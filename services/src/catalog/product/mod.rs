//! A product's detail page: gallery, variants, reviews, recommendations.
//!
//! Plain Rust over SeaORM: the page's server functions call these and map the results to
//! their DTOs. A detail page costs a fixed number of queries (product with brand, category
//! breadcrumb, variants, media, translation, review histogram), never one per row.
//!
//! The parts: `detail` (the product with its brand, breadcrumb, variants, media and
//! translation), `reviews` (approved reviews and their summary), `similar` ("you may also
//! like" by embedding) and `views` (writing the views the analytics queue holds). The page's reads in one call, and
//! their cache, live here.

mod detail;
mod reviews;
mod similar;
mod views;

use std::sync::Arc;

use sea_orm::{ConnectionTrait, DbErr};
use uuid::Uuid;

pub use detail::{
    BrandBlock, CategoryCrumb, MediaView, ProductDetail, VariantView, availability, product_detail,
    size_rank, translation_language,
};
pub use reviews::{
    ANONYMOUS_AUTHOR, ReviewSummary, ReviewView, approved_reviews, author_display_name,
    average_rating, summarise_ratings,
};
pub use similar::{SIMILAR_PRODUCTS_SQL, SimilarProduct, similar_products};
pub use views::write_views;

/// What the product page reads: the detail, the first page of approved reviews and the
/// similar pieces.
#[derive(Clone, Debug, PartialEq)]
pub struct ProductPageData {
    pub detail: ProductDetail,
    pub reviews: Vec<ReviewView>,
    pub similar: Vec<SimilarProduct>,
}

/// An in-process cache of [`ProductPageData`] by slug and language, for a few seconds
/// ([`ProductPageCache::DEFAULT_TTL`]) and at most
/// [`ProductPageCache::DEFAULT_CAPACITY`] pages. For that long after a change, a product
/// page may show the previous price, stock ("only N left"), reviews or similar pieces;
/// the cart and checkout read stock and price live, so nothing is sold on a stale figure.
/// Hidden and unknown products are never cached (a product taken down disappears within
/// the time to live; one put up appears at once). Views are recorded on every request,
/// cached or not. One per server (in `AppState`).
#[derive(Clone, Debug)]
pub struct ProductPageCache(
    crate::catalog::listing::TtlCache<(String, Option<&'static str>), Arc<ProductPageData>>,
);

impl Default for ProductPageCache {
    fn default() -> Self {
        ProductPageCache(crate::catalog::listing::TtlCache::new(
            ProductPageCache::DEFAULT_TTL,
            ProductPageCache::DEFAULT_CAPACITY,
        ))
    }
}

impl ProductPageCache {
    pub const DEFAULT_TTL: std::time::Duration = std::time::Duration::from_secs(5);
    pub const DEFAULT_CAPACITY: usize = 2048;
}

/// The product page's reads in one call: [`product_detail`], the first `reviews` approved
/// reviews and `similar` similar pieces; from `cache` when it holds them (see
/// [`ProductPageCache`]). `None` when a shopper may not see the product.
pub async fn product_page_data(
    db: &impl ConnectionTrait,
    cache: Option<&ProductPageCache>,
    slug: &str,
    lang: Option<&str>,
    reviews: u64,
    similar: u64,
) -> Result<Option<Arc<ProductPageData>>, DbErr> {
    let key = (slug.to_string(), translation_language(lang));
    if let Some(page) = cache.and_then(|cache| cache.0.get(&key)) {
        return Ok(Some(page));
    }
    let Some(detail) = product_detail(db, slug, lang).await? else {
        return Ok(None);
    };
    let page = Arc::new(ProductPageData {
        reviews: approved_reviews(db, detail.id, Default::default(), reviews, 0).await?,
        similar: similar_products(db, detail.id, similar).await?,
        detail,
    });
    if let Some(cache) = cache {
        cache.0.put(key, Arc::clone(&page));
    }
    Ok(Some(page))
}

fn clamp_i64(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// The id of the product a shopper may see under `slug`, if any: the product page's
/// other reads (complete the look, size advice) are keyed by the page's slug, so they
/// start with the page's own read instead of after it.
pub async fn visible_id(db: &impl ConnectionTrait, slug: &str) -> Result<Option<Uuid>, DbErr> {
    let row = db
        .query_one_raw(sea_orm::Statement::from_sql_and_values(
            db.get_database_backend(),
            concat!(
                "SELECT p.id FROM products p WHERE p.slug = $1 AND ",
                crate::catalog::storefront_visible!()
            ),
            [slug.into()],
        ))
        .await?;
    row.map(|row| row.try_get("", "id")).transpose()
}
