//! What the quiz offers: the designers, the materials, a picture per persona and the deck
//! of pieces to like or dislike: the best-selling piece in stock of each category, so the
//! deck spans the whole catalogue.

use domain::read::style::{Choice, DeckPiece, Persona};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement};

use crate::catalog::storefront_visible;

/// Most pieces in the deck.
pub const DECK_SIZE: i64 = 20;

const DECK_SQL: &str = concat!(
    "\
SELECT d.id, d.name, b.name AS brand_name,
       (SELECT m.url FROM product_media m WHERE m.product_id = d.id AND m.is_primary
        ORDER BY m.display_order LIMIT 1) AS image_url
FROM (
    SELECT DISTINCT ON (p.category_id) p.id, p.name, p.brand_id, p.category_id, p.purchase_count
    FROM products p
    WHERE ",
    storefront_visible!(),
    "
      AND EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id
                  AND v.is_available AND v.inventory_quantity > v.inventory_reserved)
    ORDER BY p.category_id, p.purchase_count DESC, p.id
) d
LEFT JOIN brands b ON b.id = d.brand_id
JOIN categories c ON c.id = d.category_id
ORDER BY c.display_order, c.name, d.id
LIMIT $1"
);

/// The deck: one best-selling piece in stock per category, in the categories' order.
pub async fn deck(db: &impl ConnectionTrait) -> Result<Vec<DeckPiece>, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            DECK_SQL,
            [DECK_SIZE.into()],
        ))
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok(DeckPiece {
                id: row.try_get::<Uuid>("", "id")?.to_string(),
                name: row.try_get("", "name")?,
                brand: row.try_get("", "brand_name")?,
                image_url: row.try_get("", "image_url")?,
            })
        })
        .collect()
}

/// The designers with a piece on sale, by name: slug and name.
pub async fn designers(db: &impl ConnectionTrait) -> Result<Vec<Choice>, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            concat!(
                "SELECT b.slug, b.name FROM brands b WHERE EXISTS (SELECT 1 FROM products p
                   WHERE p.brand_id = b.id AND ",
                storefront_visible!(),
                ") ORDER BY b.name"
            ),
        ))
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok(Choice {
                code: row.try_get("", "slug")?,
                label: row.try_get("", "name")?,
            })
        })
        .collect()
}

/// The materials pieces on sale are made of, by name.
pub async fn materials(db: &impl ConnectionTrait) -> Result<Vec<String>, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            concat!(
                "SELECT DISTINCT p.materials->>'primary' AS material FROM products p WHERE ",
                storefront_visible!(),
                " AND p.materials->>'primary' IS NOT NULL ORDER BY 1"
            ),
        ))
        .await?;
    rows.into_iter()
        .map(|row| row.try_get("", "material"))
        .collect()
}

/// The tags that picture each persona, in [`Persona::ALL`] order.
fn persona_tags(persona: Persona) -> &'static [&'static str] {
    match persona {
        Persona::Minimalist => &["minimal", "modern", "everyday"],
        Persona::Classic => &["classic", "heritage"],
        Persona::Romantic => &["evening", "occasion"],
        Persona::AvantGarde => &["print", "transitional"],
        Persona::Bohemian => &["relaxed", "summer", "travel"],
        Persona::Sartorial => &["tailoring", "shirting"],
    }
}

/// A picture for each persona: the best-selling piece tagged with one of its words.
pub async fn persona_images(db: &impl ConnectionTrait) -> Result<Vec<Option<String>>, DbErr> {
    let mut images = Vec::with_capacity(Persona::ALL.len());
    for persona in Persona::ALL {
        let tags: Vec<String> = persona_tags(*persona)
            .iter()
            .map(|tag| String::from(*tag))
            .collect();
        let row = db
            .query_one_raw(Statement::from_sql_and_values(
                db.get_database_backend(),
                concat!(
                    "SELECT m.url FROM products p JOIN product_media m
                       ON m.product_id = p.id AND m.is_primary
                     WHERE p.style_tags && $1 AND ",
                    storefront_visible!(),
                    " ORDER BY p.purchase_count DESC, p.id, m.display_order LIMIT 1"
                ),
                [tags.into()],
            ))
            .await?;
        images.push(row.map(|row| row.try_get("", "url")).transpose()?);
    }
    Ok(images)
}
