//! The storefront's view of one product: the product with its brand, category breadcrumb,
//! variants (with what can be sold now), gallery and 360° sequence, and the approved
//! translation in the shopper's language.

use sea_orm::prelude::*;
use sea_orm::sea_query::{Expr, ExprTrait, Order};
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder, Statement};

use entities::sea_orm_active_enums::{ProductStatus, TranslationStatus};
use entities::{
    brands, categories, product_media, product_translations, product_variants, products,
};

use super::reviews::{ReviewSummary, review_summary};

/// Statuses a shopper may see (drafts, archived and discontinued pieces are hidden).
const VISIBLE_STATUSES: [ProductStatus; 2] = [ProductStatus::Active, ProductStatus::OutOfStock];

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
