//! A product's detail page: gallery, variants, reviews, recommendations.
//!
//! Plain Rust over SeaORM: the page's server functions call these and map the results to
//! their DTOs. A detail page costs a fixed number of queries (product with brand, category
//! breadcrumb, variants, media, translation, review histogram), never one per row.

use std::sync::Arc;

use sea_orm::prelude::*;
use sea_orm::sea_query::{Expr, ExprTrait, Order};
use sea_orm::{
    ConnectionTrait, QueryFilter, QueryOrder, Statement, TransactionSession, TransactionTrait,
};

use entities::sea_orm_active_enums::{ProductStatus, TranslationStatus};
use entities::{
    brands, categories, product_media, product_translations, product_variants, products,
};

/// Shown for a review whose author has no name on file.
pub const ANONYMOUS_AUTHOR: &str = "A LuxeVerse client";

/// Statuses a shopper may see (drafts, archived and discontinued pieces are hidden).
const VISIBLE_STATUSES: [ProductStatus; 2] = [ProductStatus::Active, ProductStatus::OutOfStock];

/// "You may also like" as one statement: `$1` is the product's id, `$2` the limit. The
/// storefront visibility rule is the shared [`super::storefront_visible`] fragment; ordering
/// by `<=>` against the product's own embedding lets the HNSW index
/// (`idx_product_embedding`) serve it. Public so tests and benchmarks can `EXPLAIN` it.
pub const SIMILAR_PRODUCTS_SQL: &str = concat!(
    "\
SELECT n.id, n.slug, n.name, b.name AS brand_name, n.price, n.currency,
       (SELECT m.url FROM product_media m
        WHERE m.product_id = n.id AND m.is_primary
        ORDER BY m.display_order LIMIT 1) AS image_url
FROM (
    SELECT p.id, p.slug, p.name, p.brand_id, p.price, p.currency,
           p.product_embedding <=> (SELECT product_embedding FROM products WHERE id = $1)
             AS distance
    FROM products p
    WHERE p.id <> $1 AND ",
    super::storefront_visible!(),
    "
      AND (SELECT product_embedding FROM products WHERE id = $1) IS NOT NULL
    ORDER BY p.product_embedding <=> (SELECT product_embedding FROM products WHERE id = $1)
    LIMIT $2
) n
LEFT JOIN brands b ON b.id = n.brand_id
ORDER BY n.distance"
);

/// `product_views.source` is varchar(50).
const SOURCE_MAX_CHARS: usize = 50;

#[derive(Clone, Debug, PartialEq)]
pub struct ProductDetail {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub description: Option<String>,
    pub story: Option<String>,
    pub meta_title: Option<String>,
    pub meta_description: Option<String>,
    pub sku: String,
    pub price: Decimal,
    pub compare_at_price: Option<Decimal>,
    pub currency: String,
    pub materials: Option<Json>,
    pub style_tags: Vec<String>,
    pub is_exclusive: bool,
    pub is_limited_edition: bool,
    pub recyclable: bool,
    pub carbon_footprint: Option<Decimal>,
    /// The language whose approved translation was applied, if any.
    pub language: Option<String>,
    pub brand: Option<BrandBlock>,
    /// Parent first, then the product's own (leaf) category.
    pub breadcrumb: Vec<CategoryCrumb>,
    /// Still images: the primary first, then by display order; no 360° frames.
    pub gallery: Vec<MediaView>,
    /// The 360° sequence, by sequence index; empty when the piece has none.
    pub spin: Vec<MediaView>,
    pub variants: Vec<VariantView>,
    pub reviews: ReviewSummary,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BrandBlock {
    pub name: String,
    pub slug: String,
    pub description: Option<String>,
    pub story: Option<String>,
    pub sustainability_score: Option<i32>,
    pub certifications: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CategoryCrumb {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MediaView {
    pub url: String,
    pub alt: Option<String>,
    pub width: Option<i32>,
    pub height: Option<i32>,
    /// Set when the image shows one variant (e.g. a colour).
    pub variant_id: Option<Uuid>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VariantView {
    pub id: Uuid,
    pub sku: String,
    pub size: Option<String>,
    pub color: Option<String>,
    pub material: Option<String>,
    /// The variant's own price, else the product's.
    pub price: Decimal,
    pub compare_at_price: Option<Decimal>,
    /// Units a shopper can buy now: stock minus reservations, never negative.
    pub available: i32,
    /// True when a few are left ("only N left").
    pub low_stock: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewSummary {
    /// Mean rating of approved reviews, one decimal place; `None` without reviews.
    pub average: Option<Decimal>,
    pub count: i64,
    /// Approved reviews per rating: index 0 is one star, index 4 five stars.
    pub histogram: [i64; 5],
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReviewView {
    pub id: Uuid,
    pub author: String,
    pub rating: i32,
    pub title: Option<String>,
    pub content: Option<String>,
    pub is_verified_purchase: bool,
    pub helpful_count: i32,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SimilarProduct {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub brand_name: Option<String>,
    pub price: Decimal,
    pub currency: String,
    pub image_url: Option<String>,
}

/// The storefront's view of one product, or `None` when a shopper may not see it.
pub async fn product_detail(
    db: &impl ConnectionTrait,
    slug: &str,
    lang: Option<&str>,
) -> Result<Option<ProductDetail>, DbErr> {
    let found = products::Entity::find()
        .filter(products::Column::Slug.eq(slug))
        .filter(products::Column::Status.is_in(VISIBLE_STATUSES))
        .filter(products::Column::DeletedAt.is_null())
        .filter(products::Column::PublishedAt.is_not_null())
        .filter(
            Expr::col((products::Entity, products::Column::PublishedAt)).lte(Expr::cust("now()")),
        )
        .find_also_related(brands::Entity)
        .one(db)
        .await?;
    let Some((product, brand)) = found else {
        return Ok(None);
    };

    let breadcrumb = breadcrumb(db, product.category_id).await?;

    let mut variants: Vec<VariantView> = product_variants::Entity::find()
        .filter(product_variants::Column::ProductId.eq(product.id))
        .order_by(product_variants::Column::CreatedAt, Order::Asc)
        .order_by(product_variants::Column::Sku, Order::Asc)
        .all(db)
        .await?
        .into_iter()
        .map(|variant| variant_view(&variant, product.price))
        .collect();
    variants.sort_by_key(|variant| size_rank(variant.size.as_deref()));

    let media = product_media::Entity::find()
        .filter(product_media::Column::ProductId.eq(product.id))
        .filter(product_media::Column::MediaType.eq("image"))
        .order_by(product_media::Column::IsPrimary, Order::Desc)
        .order_by(product_media::Column::DisplayOrder, Order::Asc)
        .order_by(product_media::Column::SequenceIndex, Order::Asc)
        .order_by(product_media::Column::Id, Order::Asc)
        .all(db)
        .await?;
    let (gallery, spin) = split_media(media);

    let language = translation_language(lang);
    let translation = match language {
        Some(code) => {
            product_translations::Entity::find()
                .filter(product_translations::Column::ProductId.eq(product.id))
                .filter(product_translations::Column::LanguageCode.eq(code))
                .filter(product_translations::Column::Status.eq(TranslationStatus::Approved))
                .one(db)
                .await?
        }
        None => None,
    };

    let reviews = review_summary(db, product.id).await?;

    let products::Model {
        id,
        slug,
        name,
        description,
        story,
        meta_title,
        meta_description,
        sku,
        price,
        compare_at_price,
        currency,
        materials,
        style_tags,
        is_exclusive,
        is_limited_edition,
        recyclable,
        carbon_footprint,
        ..
    } = product;
    let mut detail = ProductDetail {
        id,
        slug,
        name,
        description,
        story,
        meta_title,
        meta_description,
        sku,
        price,
        compare_at_price,
        currency,
        materials,
        style_tags,
        is_exclusive,
        is_limited_edition,
        recyclable,
        carbon_footprint,
        language: None,
        brand: brand.map(|brand| BrandBlock {
            name: brand.name,
            slug: brand.slug,
            description: brand.description,
            story: brand.story,
            sustainability_score: brand.sustainability_score,
            certifications: brand.certifications,
        }),
        breadcrumb,
        gallery,
        spin,
        variants,
        reviews,
    };
    if let Some(translation) = translation {
        apply_translation(&mut detail, translation);
    }
    Ok(Some(detail))
}

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
    super::listing::TtlCache<(String, Option<&'static str>), Arc<ProductPageData>>,
);

impl Default for ProductPageCache {
    fn default() -> Self {
        ProductPageCache(super::listing::TtlCache::new(
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
        reviews: approved_reviews(db, detail.id, reviews, 0).await?,
        similar: similar_products(db, detail.id, similar).await?,
        detail,
    });
    if let Some(cache) = cache {
        cache.0.put(key, Arc::clone(&page));
    }
    Ok(Some(page))
}

/// Approved reviews of a product, most helpful first, then newest.
pub async fn approved_reviews(
    db: &impl ConnectionTrait,
    product_id: Uuid,
    limit: u64,
    offset: u64,
) -> Result<Vec<ReviewView>, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT r.id, u.name AS author_name, r.rating, r.title, r.content,
                    r.is_verified_purchase, r.helpful_count, r.created_at
             FROM reviews r LEFT JOIN users u ON u.id = r.user_id
             WHERE r.product_id = $1 AND r.status = 'APPROVED'
             ORDER BY r.helpful_count DESC, r.created_at DESC, r.id DESC
             LIMIT $2 OFFSET $3",
            [
                product_id.into(),
                clamp_i64(limit).into(),
                clamp_i64(offset).into(),
            ],
        ))
        .await?;
    rows.into_iter()
        .map(|row| {
            let author_name: Option<String> = row.try_get("", "author_name")?;
            Ok(ReviewView {
                id: row.try_get("", "id")?,
                author: author_display_name(author_name.as_deref()),
                rating: row.try_get("", "rating")?,
                title: row.try_get("", "title")?,
                content: row.try_get("", "content")?,
                is_verified_purchase: row.try_get("", "is_verified_purchase")?,
                helpful_count: row.try_get("", "helpful_count")?,
                created_at: row.try_get("", "created_at")?,
            })
        })
        .collect()
}

/// "You may also like": the visible products nearest to this one by embedding (cosine),
/// in one statement the HNSW index can serve. Empty when the product has no embedding.
pub async fn similar_products(
    db: &impl ConnectionTrait,
    product_id: Uuid,
    limit: u64,
) -> Result<Vec<SimilarProduct>, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            SIMILAR_PRODUCTS_SQL,
            [product_id.into(), clamp_i64(limit).into()],
        ))
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok(SimilarProduct {
                id: row.try_get("", "id")?,
                slug: row.try_get("", "slug")?,
                name: row.try_get("", "name")?,
                brand_name: row.try_get("", "brand_name")?,
                price: row.try_get("", "price")?,
                currency: row.try_get("", "currency")?,
                image_url: row.try_get("", "image_url")?,
            })
        })
        .collect()
}

/// Records one view of a product (the referrer goes to `source`, cut to its 50 characters)
/// and bumps the product's `view_count`, both in one transaction.
pub async fn record_view(
    db: &impl TransactionTrait,
    product_id: Uuid,
    user_id: Option<Uuid>,
    session_id: Option<Uuid>,
    referrer: Option<&str>,
) -> Result<(), DbErr> {
    let source = referrer
        .map(str::trim)
        .filter(|referrer| !referrer.is_empty())
        .map(|referrer| truncate_chars(referrer, SOURCE_MAX_CHARS));
    let txn = db.begin().await?;
    // A view is analytics, not a promise to the shopper: the commit does not wait for the
    // WAL flush, so a crash may lose the last fraction of a second of views, never leave
    // them half-written. Every product page writes one, so waiting would cost each page a
    // disk flush while it holds the product row's lock.
    txn.execute_unprepared("SET LOCAL synchronous_commit = off")
        .await?;
    // Both writes in one statement: the view row and the product's counter.
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "WITH view AS (
             INSERT INTO product_views (id, product_id, user_id, session_id, source)
             VALUES ($1, $2, $3, $4, $5)
         )
         UPDATE products SET view_count = view_count + 1 WHERE id = $2",
        [
            Uuid::new_v4().into(),
            product_id.into(),
            user_id.into(),
            session_id.into(),
            source.into(),
        ],
    ))
    .await?;
    txn.commit().await
}

/// The leaf category and its parent, parent first, in one query.
async fn breadcrumb(
    db: &impl ConnectionTrait,
    category_id: Uuid,
) -> Result<Vec<CategoryCrumb>, DbErr> {
    let rows = categories::Entity::find()
        .from_raw_sql(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT * FROM categories
             WHERE id = $1 OR id = (SELECT parent_id FROM categories WHERE id = $1)",
            [category_id.into()],
        ))
        .all(db)
        .await?;
    let mut crumbs: Vec<(bool, CategoryCrumb)> = rows
        .into_iter()
        .map(|category| {
            (
                category.id == category_id,
                CategoryCrumb {
                    id: category.id,
                    slug: category.slug,
                    name: category.name,
                },
            )
        })
        .collect();
    // The leaf sorts last.
    crumbs.sort_by_key(|(is_leaf, _)| *is_leaf);
    Ok(crumbs.into_iter().map(|(_, crumb)| crumb).collect())
}

/// Count and histogram of approved reviews, in one grouped query.
async fn review_summary(
    db: &impl ConnectionTrait,
    product_id: Uuid,
) -> Result<ReviewSummary, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT rating, count(*) AS n FROM reviews
             WHERE product_id = $1 AND status = 'APPROVED'
             GROUP BY rating",
            [product_id.into()],
        ))
        .await?;
    let mut counts = Vec::with_capacity(rows.len());
    for row in rows {
        counts.push((
            row.try_get::<i32>("", "rating")?,
            row.try_get::<i64>("", "n")?,
        ));
    }
    Ok(summarise_ratings(&counts))
}

/// Builds the summary from (rating, count) pairs; ratings outside 1..=5 are ignored.
pub fn summarise_ratings(counts: &[(i32, i64)]) -> ReviewSummary {
    let mut summary = ReviewSummary::default();
    let mut total = 0_i64;
    for &(rating, count) in counts {
        if (1..=5).contains(&rating) && count > 0 {
            summary.histogram[(rating - 1) as usize] += count;
            summary.count += count;
            total += i64::from(rating) * count;
        }
    }
    summary.average = average_rating(total, summary.count);
    summary
}

/// `total / count` rounded half away from zero to one decimal place.
pub fn average_rating(total: i64, count: i64) -> Option<Decimal> {
    if count <= 0 {
        return None;
    }
    let mean = Decimal::from(total) / Decimal::from(count);
    Some(mean.round_dp_with_strategy(
        1,
        sea_orm::sea_query::prelude::rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    ))
}

/// "Inès Morel" -> "Inès M."; a single name stays as it is; no name -> a neutral label.
pub fn author_display_name(name: Option<&str>) -> String {
    let mut words = name.unwrap_or_default().split_whitespace();
    let Some(first) = words.next() else {
        return ANONYMOUS_AUTHOR.to_string();
    };
    match words.last().and_then(|last| last.chars().next()) {
        Some(initial) => format!("{first} {}.", initial.to_uppercase()),
        None => first.to_string(),
    }
}

/// The translation language for a requested one ("fr", "it", "fr-FR", "IT"); `None` for
/// the base language (English) and anything unsupported.
pub fn translation_language(lang: Option<&str>) -> Option<&'static str> {
    let primary = lang?.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.as_str() {
        "fr" => Some("fr"),
        "it" => Some("it"),
        _ => None,
    }
}

/// Units that can be sold now, and whether to say "only N left".
pub fn availability(
    inventory_quantity: i32,
    inventory_reserved: i32,
    is_available: bool,
    low_stock_threshold: i32,
) -> (i32, bool) {
    let available = if is_available {
        std::cmp::max(inventory_quantity.saturating_sub(inventory_reserved), 0)
    } else {
        0
    };
    (available, available > 0 && available <= low_stock_threshold)
}

fn variant_view(variant: &product_variants::Model, product_price: Decimal) -> VariantView {
    let (available, low_stock) = availability(
        variant.inventory_quantity,
        variant.inventory_reserved,
        variant.is_available,
        variant.low_stock_threshold,
    );
    VariantView {
        id: variant.id,
        sku: variant.sku.clone(),
        size: variant.size.clone(),
        color: variant.color.clone(),
        material: variant.material.clone(),
        price: variant.price.unwrap_or(product_price),
        compare_at_price: variant.compare_at_price,
        available,
        low_stock,
    }
}

/// Sizes in the order a shopper reads them: letter sizes small to large, then numbers,
/// then anything else (in the order given).
pub fn size_rank(size: Option<&str>) -> (u8, u32) {
    const LETTERS: [&str; 9] = ["XXXS", "XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL"];
    let Some(size) = size.map(str::trim) else {
        return (3, 0);
    };
    if let Some(index) = LETTERS
        .iter()
        .position(|letter| letter.eq_ignore_ascii_case(size))
    {
        return (0, index as u32);
    }
    if let Ok(number) = size.parse::<f32>() {
        return (1, (number * 10.0) as u32);
    }
    (2, 0)
}

/// Splits media (already ordered primary first, then by display order) into the still
/// gallery and the 360° sequence ordered by sequence index.
fn split_media(media: Vec<product_media::Model>) -> (Vec<MediaView>, Vec<MediaView>) {
    let (mut frames, stills): (Vec<_>, Vec<_>) =
        media.into_iter().partition(|item| item.is_360_image);
    frames.sort_by_key(|frame| {
        (
            frame.sequence_index.unwrap_or(i32::MAX),
            frame.display_order,
        )
    });
    let view = |item: product_media::Model| MediaView {
        url: item.url,
        alt: item.alt_text,
        width: item.width,
        height: item.height,
        variant_id: item.variant_id,
    };
    (
        stills.into_iter().map(view).collect(),
        frames.into_iter().map(view).collect(),
    )
}

/// Field by field: a translated value wins, a missing one keeps the base text.
fn apply_translation(detail: &mut ProductDetail, translation: product_translations::Model) {
    if let Some(name) = translation.name.filter(|name| !name.trim().is_empty()) {
        detail.name = name;
    }
    if translation.description.is_some() {
        detail.description = translation.description;
    }
    if translation.story.is_some() {
        detail.story = translation.story;
    }
    if translation.meta_title.is_some() {
        detail.meta_title = translation.meta_title;
    }
    if translation.meta_description.is_some() {
        detail.meta_description = translation.meta_description;
    }
    detail.language = Some(translation.language_code);
}

fn clamp_i64(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

fn truncate_chars(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_show_first_name_and_last_initial() {
        assert_eq!(author_display_name(Some("Inès Morel")), "Inès M.");
        assert_eq!(author_display_name(Some("Oskar Nyström")), "Oskar N.");
        assert_eq!(
            author_display_name(Some("  Anna  Maria van der berg ")),
            "Anna B."
        );
        assert_eq!(author_display_name(Some("émile élan")), "émile É.");
        assert_eq!(author_display_name(Some("Madonna")), "Madonna");
        assert_eq!(author_display_name(Some("   ")), ANONYMOUS_AUTHOR);
        assert_eq!(author_display_name(None), ANONYMOUS_AUTHOR);
    }

    #[test]
    fn averages_round_half_away_from_zero_to_one_place() {
        assert_eq!(average_rating(0, 0), None);
        assert_eq!(average_rating(14, 3), Some(Decimal::new(47, 1))); // 4.666..
        assert_eq!(average_rating(13, 3), Some(Decimal::new(43, 1))); // 4.333..
        assert_eq!(average_rating(9, 2), Some(Decimal::new(45, 1))); // 4.5
        assert_eq!(average_rating(87, 20), Some(Decimal::new(44, 1))); // 4.35 -> 4.4
        assert_eq!(average_rating(5, 1), Some(Decimal::new(50, 1)));
    }

    #[test]
    fn rating_counts_become_a_histogram() {
        let summary = summarise_ratings(&[(5, 2), (3, 1), (0, 4), (6, 1)]);
        assert_eq!(summary.count, 3);
        assert_eq!(summary.histogram, [0, 0, 1, 0, 2]);
        assert_eq!(summary.average, Some(Decimal::new(43, 1)));
        assert_eq!(summarise_ratings(&[]), ReviewSummary::default());
    }

    #[test]
    fn availability_subtracts_reservations_and_flags_low_stock() {
        assert_eq!(availability(10, 2, true, 3), (8, false));
        assert_eq!(availability(5, 2, true, 3), (3, true));
        assert_eq!(availability(1, 0, true, 3), (1, true));
        assert_eq!(availability(2, 5, true, 3), (0, false));
        assert_eq!(availability(0, 0, true, 3), (0, false));
        assert_eq!(availability(10, 0, false, 3), (0, false));
    }

    #[test]
    fn only_french_and_italian_have_translations() {
        assert_eq!(translation_language(Some("fr")), Some("fr"));
        assert_eq!(translation_language(Some("fr-FR")), Some("fr"));
        assert_eq!(translation_language(Some("IT")), Some("it"));
        assert_eq!(translation_language(Some("it_CH")), Some("it"));
        assert_eq!(translation_language(Some("en")), None);
        assert_eq!(translation_language(Some("")), None);
        assert_eq!(translation_language(None), None);
    }

    #[test]
    fn sizes_sort_as_shoppers_read_them() {
        let mut sizes = vec!["XL", "S", "One size", "M", "XS", "L"];
        sizes.sort_by_key(|size| size_rank(Some(size)));
        assert_eq!(sizes, ["XS", "S", "M", "L", "XL", "One size"]);
        let mut numbers = vec!["52", "46", "7.5", "5"];
        numbers.sort_by_key(|size| size_rank(Some(size)));
        assert_eq!(numbers, ["5", "7.5", "46", "52"]);
    }

    #[test]
    fn referrers_are_cut_to_whole_characters() {
        assert_eq!(truncate_chars("abc", 50), "abc");
        let long = "é".repeat(60);
        assert_eq!(truncate_chars(&long, SOURCE_MAX_CHARS).chars().count(), 50);
    }
}
