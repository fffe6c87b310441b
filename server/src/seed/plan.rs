//! Turns the catalog's source material into rows. Pure and deterministic: the same input
//! always gives the same rows with the same ids (UUID v5 from stable names), so seeding
//! is reproducible and tests can reason about exact products.

use std::collections::HashSet;

use entities::{
    brand_translations, brands, categories, category_translations, collection_products,
    collection_translations, collections, coupons, product_media, product_translations,
    product_variants, products, reviews, sea_orm_active_enums::*,
};
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use serde_json::json;

use super::catalog::{
    BRANDS, BrandSpec, COLLECTIONS, COLOURS, Colour, DEPARTMENTS, LeafSpec, MATERIALS, Material,
    PieceKind, Sizing,
};

/// Namespace of every seeded id (UUID v5 of "luxeverse.demo").
const NAMESPACE: Uuid = Uuid::from_u128(0x6c75_7865_7665_7273_652e_6465_6d6f_0001);

pub fn stable_id(kind: &str, key: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{key}").as_bytes())
}

/// The moment the demo catalog is dated from, so dates are the same on every run.
pub fn epoch() -> DateTimeWithTimeZone {
    DateTimeWithTimeZone::parse_from_rfc3339("2026-09-01T09:00:00+00:00").expect("valid date")
}

fn days_before_epoch(days: i64) -> DateTimeWithTimeZone {
    epoch() - chrono::Duration::days(days)
}

pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for ch in text.to_lowercase().chars() {
        let ch = match ch {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other,
        };
        if ch.is_ascii_alphanumeric() {
            slug.push(ch);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

pub fn category_image_url(slug: &str) -> String {
    format!("/images/categories/{slug}.svg")
}

pub fn collection_image_url(slug: &str) -> String {
    format!("/images/collections/{slug}.svg")
}

/// A product as the generator sees it, before it becomes rows.
#[derive(Clone, Debug)]
pub struct PlannedProduct {
    pub id: Uuid,
    pub slug: String,
    pub sku: String,
    pub name: String,
    /// The name without a generated piece's line: what the embedder reads, so pieces that
    /// differ only by line share one embedding. Equal to `name` for the demo catalog.
    pub base_name: String,
    /// Slug whose art files the media point at: the product's own for the demo catalog,
    /// a demo product's of the same category for generated pieces (no new SVGs).
    pub art_slug: String,
    pub department: &'static str,
    pub leaf_slug: &'static str,
    pub leaf_name: &'static str,
    pub kind: &'static str,
    pub brand_slug: &'static str,
    pub brand_name: &'static str,
    pub material: &'static str,
    pub colour: &'static str,
    pub colour_hex: &'static str,
    pub description: String,
    pub style_tags: Vec<String>,
    pub status: ProductStatus,
    pub deleted: bool,
    /// Index of the art motif (one per leaf category).
    pub motif: usize,
    pub media_count: usize,
    pub spin_frames: usize,
}

impl PlannedProduct {
    /// What the embedder reads: name, brand, category, description, style tags,
    /// materials and colours.
    pub fn embedding_text(&self) -> String {
        format!(
            "{}. {} by {}. {} {}. {} Style: {}. Material: {}. Colour: {}.",
            self.base_name,
            self.kind,
            self.brand_name,
            self.department,
            self.leaf_name,
            self.description,
            self.style_tags.join(", "),
            self.material,
            self.colour
        )
    }

    pub fn media_url(&self, index: usize) -> String {
        format!("/images/products/{}-{}.svg", self.art_slug, index + 1)
    }

    pub fn spin_url(&self, frame: usize) -> String {
        format!(
            "/images/products/{}-360-{:02}.svg",
            self.art_slug,
            frame + 1
        )
    }
}

/// Every row of the demo catalog, ready to insert in dependency order.
pub struct CatalogPlan {
    pub categories: Vec<categories::ActiveModel>,
    pub brands: Vec<brands::ActiveModel>,
    pub collections: Vec<collections::ActiveModel>,
    pub products: Vec<PlannedProduct>,
    pub product_rows: Vec<products::ActiveModel>,
    pub variants: Vec<product_variants::ActiveModel>,
    pub media: Vec<product_media::ActiveModel>,
    pub collection_products: Vec<collection_products::ActiveModel>,
    pub product_translations: Vec<product_translations::ActiveModel>,
    pub category_translations: Vec<category_translations::ActiveModel>,
    pub brand_translations: Vec<brand_translations::ActiveModel>,
    pub collection_translations: Vec<collection_translations::ActiveModel>,
    pub coupons: Vec<coupons::ActiveModel>,
}

fn brand(slug: &str) -> &'static BrandSpec {
    BRANDS
        .iter()
        .find(|brand| brand.slug == slug)
        .expect("leaf names a known brand")
}

fn money(dollars: i64) -> Decimal {
    Decimal::new(dollars * 100, 2)
}

fn sizes(sizing: Sizing) -> &'static [&'static str] {
    match sizing {
        Sizing::Apparel => &["XS", "S", "M", "L", "XL"],
        Sizing::Tailoring => &["46", "48", "50", "52", "54"],
        Sizing::Rings => &["5", "6", "7", "8"],
        Sizing::OneSize => &["One size"],
    }
}

fn describe(
    kind: &PieceKind,
    leaf: &LeafSpec,
    material: &Material,
    colour: &Colour,
    brand: &BrandSpec,
) -> String {
    format!(
        "A {} in {}, made in {} by {}. Shown in {}, it belongs to our {} edit: {}.",
        kind.name.to_lowercase(),
        material.note,
        material.origin,
        brand.name,
        colour.name.to_lowercase(),
        leaf.name.to_lowercase(),
        kind.tags.join(" and ")
    )
}

fn describe_fr(
    kind: &PieceKind,
    material: &Material,
    colour: &Colour,
    brand: &BrandSpec,
) -> String {
    format!(
        "{} en {} {}, fabriqué par {}. Une pièce pensée pour durer.",
        capitalise(kind.fr),
        material.fr,
        colour.fr,
        brand.name
    )
}

fn describe_it(
    kind: &PieceKind,
    material: &Material,
    colour: &Colour,
    brand: &BrandSpec,
) -> String {
    format!(
        "{} in {} {}, realizzato da {}. Un pezzo pensato per durare.",
        capitalise(kind.it),
        material.it,
        colour.it,
        brand.name
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The whole demo catalog: about 240 products over 20 leaf categories.
pub fn catalog() -> CatalogPlan {
    let mut plan = CatalogPlan {
        categories: Vec::new(),
        brands: Vec::new(),
        collections: Vec::new(),
        products: Vec::new(),
        product_rows: Vec::new(),
        variants: Vec::new(),
        media: Vec::new(),
        collection_products: Vec::new(),
        product_translations: Vec::new(),
        category_translations: Vec::new(),
        brand_translations: Vec::new(),
        collection_translations: Vec::new(),
        coupons: Vec::new(),
    };

    for (order, spec) in BRANDS.iter().enumerate() {
        let id = stable_id("brand", spec.slug);
        plan.brands.push(brands::ActiveModel {
            id: Set(id),
            slug: Set(spec.slug.to_string()),
            name: Set(spec.name.to_string()),
            logo_url: Set(None),
            description: Set(Some(spec.description.to_string())),
            story: Set(Some(spec.story.to_string())),
            is_verified: Set(true),
            verified_at: Set(Some(days_before_epoch(400 - order as i64))),
            sustainability_score: Set(Some(spec.sustainability_score)),
            certifications: Set(spec
                .certifications
                .iter()
                .map(|c| String::from(*c))
                .collect()),
            website_url: Set(None),
            instagram_handle: Set(Some(spec.instagram.to_string())),
            ..Default::default()
        });
        for (language, description) in [
            (
                "fr",
                format!("Maison fondée à {}. {}", spec.origin, spec.name),
            ),
            (
                "it",
                format!("Maison nata a {}. {}", spec.origin, spec.name),
            ),
        ] {
            plan.brand_translations
                .push(brand_translations::ActiveModel {
                    id: Set(stable_id(
                        "brand-translation",
                        &format!("{}:{language}", spec.slug),
                    )),
                    brand_id: Set(id),
                    language_code: Set(language.to_string()),
                    description: Set(Some(description)),
                    story: Set(None),
                    status: Set(TranslationStatus::Approved),
                    is_auto_translated: Set(false),
                    translated_by: Set(None),
                    ..Default::default()
                });
        }
    }

    let mut slugs = HashSet::new();
    let mut leaf_index = 0usize;
    for (department_order, department) in DEPARTMENTS.iter().enumerate() {
        let department_id = stable_id("category", department.slug);
        push_category(
            &mut plan,
            department_id,
            None,
            department.slug,
            department.name,
            (department.fr, department.it),
            department.description,
            department_order as i32,
        );
        for (leaf_order, leaf) in department.leaves.iter().enumerate() {
            let leaf_id = stable_id("category", leaf.slug);
            push_category(
                &mut plan,
                leaf_id,
                Some(department_id),
                leaf.slug,
                leaf.name,
                (leaf.fr, leaf.it),
                &format!(
                    "{} {} from our ateliers.",
                    department.name,
                    leaf.name.to_lowercase()
                ),
                leaf_order as i32,
            );
            for (kind_index, kind) in leaf.kinds.iter().enumerate() {
                for variant in 0..3 {
                    let material =
                        &MATERIALS[leaf.materials[(kind_index + variant) % leaf.materials.len()]];
                    let colour =
                        &COLOURS[(leaf_index * 5 + kind_index * 3 + variant * 7) % COLOURS.len()];
                    let brand = brand(leaf.brands[(kind_index + variant) % leaf.brands.len()]);
                    let name = format!("{} {} {}", colour.name, material.name, kind.name);
                    let mut slug = slugify(&name);
                    if !slugs.insert(slug.clone()) {
                        slug = format!("{slug}-{}", brand.slug);
                        slugs.insert(slug.clone());
                    }
                    let serial = plan.products.len();
                    plan_product(
                        &mut plan,
                        PieceContext {
                            serial,
                            leaf_index,
                            kind_index,
                            department: department.name,
                            leaf,
                            leaf_id,
                            kind,
                            material,
                            colour,
                            brand,
                            base_name: name.clone(),
                            name,
                            art_slug: slug.clone(),
                            slug,
                            // Prices step up by a tenth per variant, rounded to ten dollars.
                            price: ((kind.base_price * (10 + variant as i64) / 10) + 5) / 10 * 10,
                            featured: kind_index == 0 && variant == 0,
                            exclusive: kind_index == 2 && variant == 2,
                            published_days_ago: serial as i64,
                            translated: [true, true],
                        },
                    );
                }
            }
            leaf_index += 1;
        }
    }

    plan_collections(&mut plan);
    plan.coupons = demo_coupons();
    plan
}

/// Number of products in the demo catalog ([`catalog`]).
pub const DEMO_PRODUCTS: usize = 240;

/// Capsule lines that tell apart generated pieces of the same make.
const LINES: [&str; 12] = [
    "Riviera",
    "Nocturne",
    "Heritage",
    "Atelier",
    "Portofino",
    "Alba",
    "Solstice",
    "Meridian",
    "Lumière",
    "Brume",
    "Cortina",
    "Saison",
];

/// The demo catalog followed by generated pieces up to `total` products (for load tests;
/// `server seed --products N`). The first [`DEMO_PRODUCTS`] products, and every other row,
/// are exactly the demo catalog's; `total` at or below that gives the demo catalog.
///
/// Generated pieces cycle over the leaf categories and their kinds, then over each
/// category's materials, the colours and the category's brands, and carry a capsule line
/// and their serial number in name and slug (`riviera-ivory-silk-slip-dress-1234`), so
/// slugs and SKUs stay unique. Their media point at the art of a demo product of the same
/// category (same colour and brand where there is one), so no new files are needed.
/// Every second one has a French translation, every third an Italian one; the same share
/// as in the demo catalog is draft, archived, out of stock or deleted. They join no
/// collection.
pub fn scaled_catalog(total: usize) -> CatalogPlan {
    let mut plan = catalog();
    let demo_count = plan.products.len();
    let leaves: Vec<(&'static str, &'static LeafSpec)> = DEPARTMENTS
        .iter()
        .flat_map(|department| department.leaves.iter().map(|leaf| (department.name, leaf)))
        .collect();
    for generated in 0..total.saturating_sub(demo_count) {
        let serial = demo_count + generated;
        let leaf_index = generated % leaves.len();
        let kind_index = (generated / leaves.len()) % 4;
        // How many pieces of this kind in this category were generated before this one.
        let round = generated / (leaves.len() * 4);
        let (department, leaf) = leaves[leaf_index];
        let kind = &leaf.kinds[kind_index];
        let materials = leaf.materials.len();
        let material = &MATERIALS[leaf.materials[(round + kind_index) % materials]];
        let colour =
            &COLOURS[(round / materials + leaf_index * 5 + kind_index * 3) % COLOURS.len()];
        let brand = brand(
            leaf.brands[(round / (materials * COLOURS.len()) + kind_index) % leaf.brands.len()],
        );
        let line = LINES[(round + leaf_index) % LINES.len()];
        let base_name = format!("{} {} {}", colour.name, material.name, kind.name);
        let name = format!("{line} {base_name}");
        let slug = format!("{}-{}", slugify(&name), serial + 1);
        let demo = &plan.products[..demo_count];
        let art = demo
            .iter()
            .find(|p| {
                p.leaf_slug == leaf.slug && p.colour == colour.name && p.brand_slug == brand.slug
            })
            .or_else(|| {
                demo.iter()
                    .find(|p| p.leaf_slug == leaf.slug && p.colour == colour.name)
            })
            .or_else(|| {
                demo.iter()
                    .find(|p| p.leaf_slug == leaf.slug && p.kind == kind.name)
            })
            .expect("every leaf category has demo products");
        let art_slug = art.slug.clone();
        plan_product(
            &mut plan,
            PieceContext {
                serial,
                leaf_index,
                kind_index,
                department,
                leaf,
                leaf_id: stable_id("category", leaf.slug),
                kind,
                material,
                colour,
                brand,
                name,
                base_name,
                slug,
                art_slug,
                price: ((kind.base_price * (10 + (round % 6) as i64) / 10) + 5) / 10 * 10,
                featured: serial.is_multiple_of(97),
                exclusive: serial % 89 == 7,
                published_days_ago: (serial % 730) as i64,
                translated: [generated.is_multiple_of(2), generated.is_multiple_of(3)],
            },
        );
    }
    plan
}

#[allow(clippy::too_many_arguments)]
fn push_category(
    plan: &mut CatalogPlan,
    id: Uuid,
    parent: Option<Uuid>,
    slug: &str,
    name: &str,
    (fr, it): (&str, &str),
    description: &str,
    order: i32,
) {
    plan.categories.push(categories::ActiveModel {
        id: Set(id),
        parent_id: Set(parent),
        slug: Set(slug.to_string()),
        name: Set(name.to_string()),
        description: Set(Some(description.to_string())),
        image_url: Set(Some(category_image_url(slug))),
        meta_title: Set(Some(format!("{name} | LuxeVerse"))),
        meta_description: Set(Some(description.to_string())),
        display_order: Set(order),
        is_featured: Set(parent.is_none()),
        is_active: Set(true),
        ..Default::default()
    });
    for (language, translated) in [("fr", fr), ("it", it)] {
        plan.category_translations
            .push(category_translations::ActiveModel {
                id: Set(stable_id(
                    "category-translation",
                    &format!("{slug}:{language}"),
                )),
                category_id: Set(id),
                language_code: Set(language.to_string()),
                name: Set(Some(translated.to_string())),
                description: Set(None),
                meta_title: Set(Some(format!("{translated} | LuxeVerse"))),
                meta_description: Set(None),
                status: Set(TranslationStatus::Approved),
                is_auto_translated: Set(false),
                translated_by: Set(None),
                ..Default::default()
            });
    }
}

struct PieceContext {
    serial: usize,
    leaf_index: usize,
    kind_index: usize,
    department: &'static str,
    leaf: &'static LeafSpec,
    leaf_id: Uuid,
    kind: &'static PieceKind,
    material: &'static Material,
    colour: &'static Colour,
    brand: &'static BrandSpec,
    name: String,
    base_name: String,
    slug: String,
    art_slug: String,
    /// In whole dollars.
    price: i64,
    featured: bool,
    exclusive: bool,
    published_days_ago: i64,
    /// Whether the piece has a French and an Italian translation.
    translated: [bool; 2],
}

fn plan_product(plan: &mut CatalogPlan, piece: PieceContext) {
    let PieceContext {
        serial,
        leaf_index,
        kind_index,
        department,
        leaf,
        leaf_id,
        kind,
        material,
        colour,
        brand,
        name,
        base_name,
        slug,
        art_slug,
        price,
        featured,
        exclusive,
        published_days_ago,
        translated,
    } = piece;
    let id = stable_id("product", &slug);
    let sku = format!(
        "LV-{:02}{:02}-{:03}",
        leaf_index + 1,
        kind_index + 1,
        serial + 1
    );
    let on_sale = serial % 5 == 3;
    let sustainable = brand.sustainability_score >= 80;
    let mut style_tags: Vec<String> = kind.tags.iter().map(|tag| String::from(*tag)).collect();
    style_tags.push(colour.family.to_string());
    if sustainable {
        style_tags.push("sustainable".to_string());
    }
    let status = match serial {
        n if n % 47 == 46 => ProductStatus::Draft,
        n if n % 61 == 60 => ProductStatus::Archived,
        n if n % 53 == 52 => ProductStatus::OutOfStock,
        _ => ProductStatus::Active,
    };
    let deleted = serial % 79 == 78;
    let description = describe(kind, leaf, material, colour, brand);
    let spin_frames = if matches!(leaf.slug, "accessories-bags" | "jewellery-watches") {
        8
    } else {
        0
    };

    plan.product_rows.push(products::ActiveModel {
        id: Set(id),
        sku: Set(sku.clone()),
        slug: Set(slug.clone()),
        name: Set(name.clone()),
        description: Set(Some(description.clone())),
        story: Set(Some(brand.story.to_string())),
        category_id: Set(leaf_id),
        brand_id: Set(Some(stable_id("brand", brand.slug))),
        price: Set(money(price)),
        compare_at_price: Set(on_sale.then(|| money(price * 5 / 4))),
        cost: Set(Some(money(price * 2 / 5))),
        currency: Set("USD".to_string()),
        status: Set(status),
        published_at: Set(
            (status != ProductStatus::Draft).then(|| days_before_epoch(published_days_ago))
        ),
        featured_at: Set(featured.then(|| days_before_epoch(3))),
        ai_description: Set(None),
        product_embedding: Set(None),
        color_analysis: Set(Some(json!({
            "dominant": colour.hex,
            "family": colour.family,
            "name": colour.name,
        }))),
        style_tags: Set(style_tags.clone()),
        model_3d_url: Set(None),
        ar_enabled: Set(false),
        virtual_try_on_enabled: Set(false),
        meta_title: Set(Some(format!("{name} by {}", brand.name))),
        meta_description: Set(Some(description.clone())),
        materials: Set(Some(json!({
            "primary": material.name,
            "composition": [{ "material": material.name, "percent": 100 }],
            "origin": material.origin,
        }))),
        carbon_footprint: Set(Some(Decimal::new(((serial * 37) % 900 + 100) as i64, 2))),
        recyclable: Set(material.recyclable),
        view_count: Set(((serial * 131) % 2000) as i32),
        purchase_count: Set(((serial * 17) % 140) as i32),
        wishlist_count: Set(((serial * 23) % 90) as i32),
        is_featured: Set(featured),
        is_exclusive: Set(exclusive),
        is_limited_edition: Set(serial % 11 == 5),
        deleted_at: Set(deleted.then(|| days_before_epoch(1))),
        ..Default::default()
    });

    let sizes = sizes(leaf.sizing);
    for (index, size) in sizes.iter().enumerate() {
        let stock = ((serial * 7 + index * 13) % 15) as i32;
        // The largest size of a garment is cut from more cloth and costs 8% more, so
        // choosing a size can change the price, as in the houses this catalogue imitates.
        let premium =
            matches!(leaf.sizing, Sizing::Apparel | Sizing::Tailoring) && index + 1 == sizes.len();
        let variant_price = premium.then(|| price * 108 / 100);
        plan.variants.push(product_variants::ActiveModel {
            id: Set(stable_id("variant", &format!("{slug}:{size}"))),
            product_id: Set(id),
            sku: Set(format!("{sku}-{}", slugify(size).to_uppercase())),
            size: Set(Some(String::from(*size))),
            color: Set(Some(colour.name.to_string())),
            material: Set(Some(material.name.to_string())),
            price: Set(variant_price.map(money)),
            compare_at_price: Set(variant_price
                .filter(|_| on_sale)
                .map(|price| money(price * 5 / 4))),
            inventory_quantity: Set(if status == ProductStatus::OutOfStock {
                0
            } else {
                stock
            }),
            inventory_reserved: Set(0),
            low_stock_threshold: Set(3),
            weight_value: Set(Some(Decimal::new(((serial % 9) * 100 + 250) as i64, 3))),
            weight_unit: Set("kg".to_string()),
            dimensions: Set(None),
            is_available: Set(status == ProductStatus::Active),
            ..Default::default()
        });
    }

    let views = ["front", "detail", "styled"];
    for (index, view) in views.iter().enumerate() {
        plan.media.push(product_media::ActiveModel {
            id: Set(stable_id("media", &format!("{slug}:{index}"))),
            product_id: Set(id),
            variant_id: Set(None),
            media_type: Set("image".to_string()),
            url: Set(format!("/images/products/{art_slug}-{}.svg", index + 1)),
            thumbnail_url: Set(None),
            alt_text: Set(Some(format!("{name}, {view} view"))),
            width: Set(Some(800)),
            height: Set(Some(1000)),
            is_360_image: Set(false),
            sequence_index: Set(None),
            display_order: Set(index as i32),
            is_primary: Set(index == 0),
            ..Default::default()
        });
    }
    for frame in 0..spin_frames {
        plan.media.push(product_media::ActiveModel {
            id: Set(stable_id("media", &format!("{slug}:360:{frame}"))),
            product_id: Set(id),
            variant_id: Set(None),
            media_type: Set("image".to_string()),
            url: Set(format!(
                "/images/products/{art_slug}-360-{:02}.svg",
                frame + 1
            )),
            alt_text: Set(Some(format!("{name}, 360° view, frame {}", frame + 1))),
            width: Set(Some(800)),
            height: Set(Some(1000)),
            is_360_image: Set(true),
            sequence_index: Set(Some(frame as i32)),
            display_order: Set((views.len() + frame) as i32),
            is_primary: Set(false),
            ..Default::default()
        });
    }

    let languages = [
        (
            "fr",
            format!("{} en {} {}", capitalise(kind.fr), material.fr, colour.fr),
            describe_fr(kind, material, colour, brand),
        ),
        (
            "it",
            format!("{} in {} {}", capitalise(kind.it), material.it, colour.it),
            describe_it(kind, material, colour, brand),
        ),
    ];
    for ((language, translated_name, translated_description), _) in languages
        .into_iter()
        .zip(translated)
        .filter(|(_, translated)| *translated)
    {
        // One Italian translation in ten is still awaiting review: the shopper then sees
        // the base text, which exercises the fallback.
        let status = if language == "it" && serial % 10 == 9 {
            TranslationStatus::Pending
        } else {
            TranslationStatus::Approved
        };
        plan.product_translations
            .push(product_translations::ActiveModel {
                id: Set(stable_id(
                    "product-translation",
                    &format!("{slug}:{language}"),
                )),
                product_id: Set(id),
                language_code: Set(language.to_string()),
                name: Set(Some(translated_name.clone())),
                description: Set(Some(translated_description)),
                story: Set(None),
                meta_title: Set(Some(format!("{translated_name} | {}", brand.name))),
                meta_description: Set(None),
                status: Set(status),
                is_auto_translated: Set(false),
                translated_by: Set(None),
                ..Default::default()
            });
    }

    plan.products.push(PlannedProduct {
        id,
        slug,
        sku,
        name,
        base_name,
        art_slug,
        department,
        leaf_slug: leaf.slug,
        leaf_name: leaf.name,
        kind: kind.name,
        brand_slug: brand.slug,
        brand_name: brand.name,
        material: material.name,
        colour: colour.name,
        colour_hex: colour.hex,
        description,
        style_tags,
        status,
        deleted,
        motif: leaf_index,
        media_count: views.len(),
        spin_frames,
    });
}

fn plan_collections(plan: &mut CatalogPlan) {
    for (order, spec) in COLLECTIONS.iter().enumerate() {
        let id = stable_id("collection", spec.slug);
        plan.collections.push(collections::ActiveModel {
            id: Set(id),
            slug: Set(spec.slug.to_string()),
            name: Set(spec.name.to_string()),
            description: Set(Some(spec.description.to_string())),
            hero_image_url: Set(Some(collection_image_url(spec.slug))),
            hero_video_url: Set(None),
            color_theme: Set(None),
            is_manual: Set(true),
            rules: Set(Some(json!({ "style_tags": spec.picks }))),
            is_active: Set(true),
            display_order: Set(order as i32),
            featured_until: Set(None),
            meta_title: Set(Some(format!("{} | LuxeVerse", spec.name))),
            meta_description: Set(Some(spec.description.to_string())),
            ..Default::default()
        });
        for (language, translated) in [("fr", spec.fr), ("it", spec.it)] {
            plan.collection_translations
                .push(collection_translations::ActiveModel {
                    id: Set(stable_id(
                        "collection-translation",
                        &format!("{}:{language}", spec.slug),
                    )),
                    collection_id: Set(id),
                    language_code: Set(language.to_string()),
                    name: Set(Some(translated.to_string())),
                    description: Set(None),
                    meta_title: Set(None),
                    meta_description: Set(None),
                    status: Set(TranslationStatus::Approved),
                    is_auto_translated: Set(false),
                    translated_by: Set(None),
                    ..Default::default()
                });
        }
        let members = plan
            .products
            .iter()
            .filter(|product| {
                product.status == ProductStatus::Active
                    && !product.deleted
                    && product
                        .style_tags
                        .iter()
                        .any(|tag| spec.picks.contains(&tag.as_str()))
            })
            .take(24);
        for (position, product) in members.enumerate() {
            plan.collection_products
                .push(collection_products::ActiveModel {
                    collection_id: Set(id),
                    product_id: Set(product.id),
                    display_order: Set(position as i32),
                    ..Default::default()
                });
        }
    }
}

fn demo_coupons() -> Vec<coupons::ActiveModel> {
    let scarves = stable_id("category", "accessories-scarves");
    let aurelle = stable_id("brand", "maison-aurelle");
    let coupon = |code: &str, description: &str, kind: &str, value: Decimal| coupons::ActiveModel {
        id: Set(stable_id("coupon", code)),
        code: Set(code.to_string()),
        description: Set(Some(description.to_string())),
        discount_type: Set(kind.to_string()),
        discount_value: Set(value),
        valid_from: Set(days_before_epoch(30)),
        ..Default::default()
    };
    let mut welcome = coupon(
        "WELCOME10",
        "10% off a first order",
        "percentage",
        Decimal::new(10, 0),
    );
    welcome.first_purchase_only = Set(true);
    welcome.usage_limit_per_user = Set(Some(1));
    let mut luxe = coupon(
        "LUXE50",
        "$50 off orders over $500",
        "fixed",
        Decimal::new(50, 0),
    );
    luxe.minimum_amount = Set(Some(Decimal::new(500, 0)));
    let mut scarf = coupon(
        "SCARF15",
        "15% off scarves",
        "percentage",
        Decimal::new(15, 0),
    );
    scarf.applicable_categories = Set(vec![scarves]);
    let mut house = coupon(
        "AURELLE20",
        "20% off Maison Aurelle",
        "percentage",
        Decimal::new(20, 0),
    );
    house.applicable_brands = Set(vec![aurelle]);
    let mut vip = coupon(
        "DIAMOND25",
        "25% off for Diamond and Obsidian members",
        "percentage",
        Decimal::new(25, 0),
    );
    vip.membership_tiers = Set(vec![MembershipTier::Diamond, MembershipTier::Obsidian]);
    let mut expired = coupon(
        "SUMMER24",
        "Last summer's offer",
        "percentage",
        Decimal::new(15, 0),
    );
    expired.valid_from = Set(days_before_epoch(450));
    expired.valid_until = Set(Some(days_before_epoch(360)));
    let mut spent = coupon(
        "FIRST100",
        "For the first hundred clients",
        "fixed",
        Decimal::new(100, 0),
    );
    spent.usage_limit = Set(Some(100));
    spent.usage_count = Set(100);
    vec![welcome, luxe, scarf, house, vip, expired, spent]
}

/// Review text for a product, chosen deterministically.
pub fn review_for(
    product: &PlannedProduct,
    reviewer: usize,
) -> (i32, &'static str, &'static str, ReviewStatus) {
    const REVIEWS: [(i32, &str, &str); 6] = [
        (
            5,
            "Worth every penny",
            "The quality is extraordinary and the finish is flawless. It feels like it will last for decades.",
        ),
        (
            5,
            "Beautifully made",
            "You can see the hand of the maker in every detail. Packaging was just as lovely.",
        ),
        (
            4,
            "Lovely, runs slightly large",
            "Exquisite material. I would size down next time, but I am keeping it.",
        ),
        (
            4,
            "Quietly elegant",
            "Not flashy at all, which is exactly what I wanted. Compliments every time.",
        ),
        (
            3,
            "Good, not perfect",
            "Beautiful colour, though the fit was not quite right for me.",
        ),
        (
            5,
            "An heirloom piece",
            "Bought it as a gift and ended up ordering one for myself.",
        ),
    ];
    let (rating, title, content) =
        REVIEWS[(product.id.as_bytes()[0] as usize + reviewer) % REVIEWS.len()];
    let status = match (product.id.as_bytes()[1] as usize + reviewer) % 12 {
        0 => ReviewStatus::Pending,
        1 => ReviewStatus::Rejected,
        _ => ReviewStatus::Approved,
    };
    (rating, title, content, status)
}

/// Builds a review row.
pub fn review_row(
    product: &PlannedProduct,
    reviewer: usize,
    user_id: Uuid,
) -> reviews::ActiveModel {
    let (rating, title, content, status) = review_for(product, reviewer);
    reviews::ActiveModel {
        id: Set(stable_id("review", &format!("{}:{reviewer}", product.slug))),
        product_id: Set(product.id),
        user_id: Set(user_id),
        order_item_id: Set(None),
        rating: Set(rating),
        title: Set(Some(title.to_string())),
        content: Set(Some(content.to_string())),
        is_verified_purchase: Set(reviewer.is_multiple_of(2)),
        helpful_count: Set(((product.id.as_bytes()[2] as usize + reviewer * 7) % 40) as i32),
        not_helpful_count: Set(((product.id.as_bytes()[3] as usize + reviewer) % 5) as i32),
        status: Set(status),
        media_urls: Set(Vec::new()),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use sea_orm::ActiveValue;

    use super::*;

    fn set<T: Clone + Into<sea_orm::Value>>(value: &ActiveValue<T>) -> T {
        match value {
            ActiveValue::Set(value) | ActiveValue::Unchanged(value) => value.clone(),
            ActiveValue::NotSet => panic!("value is not set"),
        }
    }

    #[test]
    fn the_catalog_has_240_products_with_unique_slugs_and_skus() {
        let plan = catalog();
        assert_eq!(plan.products.len(), 240);
        let slugs: HashSet<_> = plan.products.iter().map(|p| p.slug.clone()).collect();
        assert_eq!(slugs.len(), 240);
        let skus: HashSet<String> = plan.variants.iter().map(|v| set(&v.sku)).collect();
        assert_eq!(skus.len(), plan.variants.len());
        assert!(
            plan.products
                .iter()
                .all(|p| !p.slug.is_empty() && p.slug.is_ascii())
        );
    }

    #[test]
    fn the_catalog_is_the_same_every_time() {
        let (first, second) = (catalog(), catalog());
        let ids = |plan: &CatalogPlan| {
            plan.products
                .iter()
                .map(|p| (p.id, p.slug.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&first), ids(&second));
        assert_eq!(
            first
                .product_rows
                .iter()
                .map(|p| set(&p.price))
                .collect::<Vec<_>>(),
            second
                .product_rows
                .iter()
                .map(|p| set(&p.price))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn some_pieces_are_hidden_from_the_storefront() {
        let plan = catalog();
        assert!(
            plan.products
                .iter()
                .any(|p| p.status == ProductStatus::Draft)
        );
        assert!(
            plan.products
                .iter()
                .any(|p| p.status == ProductStatus::Archived)
        );
        assert!(plan.products.iter().any(|p| p.deleted));
        let visible = plan
            .products
            .iter()
            .filter(|p| p.status == ProductStatus::Active && !p.deleted)
            .count();
        assert!(visible > 220, "{visible}");
    }

    #[test]
    fn a_scaled_catalog_starts_with_the_demo_catalog_and_has_unique_slugs_and_skus() {
        let demo = catalog();
        let plan = scaled_catalog(2_000);
        assert_eq!(plan.products.len(), 2_000);
        assert_eq!(plan.product_rows.len(), 2_000);
        let ids = |plan: &CatalogPlan| -> Vec<(Uuid, String)> {
            plan.products
                .iter()
                .map(|p| (p.id, p.slug.clone()))
                .collect()
        };
        assert_eq!(ids(&demo)[..], ids(&plan)[..DEMO_PRODUCTS]);
        assert_eq!(
            demo.collection_products.len(),
            plan.collection_products.len()
        );
        let slugs: HashSet<&str> = plan.products.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs.len(), 2_000);
        let product_ids: HashSet<Uuid> = plan.products.iter().map(|p| p.id).collect();
        assert_eq!(product_ids.len(), 2_000);
        let skus: HashSet<String> = plan.product_rows.iter().map(|p| set(&p.sku)).collect();
        assert_eq!(skus.len(), 2_000);
        let variant_skus: HashSet<String> = plan.variants.iter().map(|v| set(&v.sku)).collect();
        assert_eq!(variant_skus.len(), plan.variants.len());
        let media_ids: HashSet<Uuid> = plan.media.iter().map(|m| set(&m.id)).collect();
        assert_eq!(media_ids.len(), plan.media.len());
        assert!(
            plan.products
                .iter()
                .all(|p| !p.slug.is_empty() && p.slug.is_ascii())
        );
    }

    #[test]
    fn generated_pieces_reuse_demo_art_and_share_embedding_texts() {
        let plan = scaled_catalog(2_000);
        let demo_art: HashSet<String> = plan.products[..DEMO_PRODUCTS]
            .iter()
            .map(|p| p.media_url(0))
            .collect();
        let generated = &plan.products[DEMO_PRODUCTS..];
        assert!(generated.iter().all(|p| demo_art.contains(&p.media_url(0))));
        let urls: HashSet<String> = plan.media.iter().map(|m| set(&m.url)).collect();
        let demo_urls: HashSet<String> = catalog().media.iter().map(|m| set(&m.url)).collect();
        assert_eq!(urls, demo_urls, "no media outside the demo art");
        let texts: HashSet<String> = generated.iter().map(|p| p.embedding_text()).collect();
        assert!(texts.len() < generated.len(), "{}", texts.len());
        assert!(texts.len() > 500, "{}", texts.len());
        let lines: HashSet<&str> = generated
            .iter()
            .map(|p| p.name.split(' ').next().unwrap())
            .collect();
        assert_eq!(lines.len(), LINES.len());
    }

    #[test]
    fn a_scaled_catalog_is_the_same_every_time_and_hides_some_pieces() {
        let (first, second) = (scaled_catalog(2_000), scaled_catalog(2_000));
        let rows = |plan: &CatalogPlan| format!("{:?}{:?}", plan.product_rows, plan.variants);
        assert_eq!(rows(&first), rows(&second));
        let generated = &first.products[DEMO_PRODUCTS..];
        for status in [
            ProductStatus::Draft,
            ProductStatus::Archived,
            ProductStatus::OutOfStock,
        ] {
            assert!(generated.iter().any(|p| p.status == status), "{status:?}");
        }
        assert!(generated.iter().any(|p| p.deleted));
        let translated = first.product_translations.len() - catalog().product_translations.len();
        // One in two generated pieces in French, one in three in Italian.
        assert_eq!(translated, 880 + 587);
        assert_eq!(scaled_catalog(100).products.len(), DEMO_PRODUCTS);
    }

    #[test]
    fn slugs_fold_accents_and_punctuation() {
        assert_eq!(slugify("Orfèvre Delacroix"), "orfevre-delacroix");
        assert_eq!(slugify("Crew-Neck  Sweater!"), "crew-neck-sweater");
    }
}
