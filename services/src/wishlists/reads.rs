//! Reading wishlists: which products a shopper has saved (the hearts), their lists with
//! each piece as it is now (price, picture, sizes and what is in stock), and a shared
//! list by its token.

use std::collections::HashMap;

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder, Statement};

use entities::{wishlist_items, wishlists};

/// One saved piece with its product as it is now.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedPiece {
    pub item: wishlist_items::Model,
    pub slug: String,
    pub name: String,
    pub brand: Option<String>,
    pub image: Option<String>,
    pub image_alt: Option<String>,
    /// In the saved size when one is chosen.
    pub price: Decimal,
    pub currency: String,
    /// The saved size (or any size) can be bought now.
    pub in_stock: bool,
    /// `(variant id, size or title, available)` in the catalogue's order.
    pub sizes: Vec<(Uuid, String, bool)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WishlistView {
    pub list: wishlists::Model,
    pub pieces: Vec<SavedPiece>,
}

/// The products `user_id` has saved in any list.
pub async fn saved_products(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Uuid>, DbErr> {
    db.query_all_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        "SELECT DISTINCT i.product_id FROM wishlist_items i \
         JOIN wishlists w ON w.id = i.wishlist_id WHERE w.user_id = $1",
        [user_id.into()],
    ))
    .await?
    .into_iter()
    .map(|row| row.try_get("", "product_id"))
    .collect()
}

/// `user_id`'s lists, the default (oldest) first, each with its pieces, newest first.
pub async fn lists_of(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Vec<WishlistView>, DbErr> {
    let lists = wishlists::Entity::find()
        .filter(wishlists::Column::UserId.eq(user_id))
        .order_by_asc(wishlists::Column::CreatedAt)
        .order_by_asc(wishlists::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = lists.iter().map(|list| list.id).collect();
    let mut pieces = pieces_of(db, &ids).await?;
    Ok(lists
        .into_iter()
        .map(|list| WishlistView {
            pieces: pieces.remove(&list.id).unwrap_or_default(),
            list,
        })
        .collect())
}

/// A list someone shared.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedList {
    pub name: String,
    /// The owner's first name, as they gave it.
    pub owner: Option<String>,
    pub pieces: Vec<SavedPiece>,
}

/// The public list with `token`; `None` for anything else (private lists included).
pub async fn shared(db: &impl ConnectionTrait, token: &str) -> Result<Option<SharedList>, DbErr> {
    let token = token.trim();
    if token.is_empty() || token.len() > 100 {
        return Ok(None);
    }
    let Some(list) = wishlists::Entity::find()
        .filter(wishlists::Column::ShareToken.eq(token))
        .filter(wishlists::Column::IsPublic.eq(true))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let owner = entities::users::Entity::find_by_id(list.user_id)
        .one(db)
        .await?
        .and_then(|user| user.name)
        .and_then(|name| name.split_whitespace().next().map(str::to_string));
    let mut pieces = pieces_of(db, &[list.id]).await?;
    Ok(Some(SharedList {
        name: list.name,
        owner,
        pieces: pieces.remove(&list.id).unwrap_or_default(),
    }))
}

/// A variant of a saved product: id, label, available, its own price.
type SizeRow = (Uuid, String, bool, Option<Decimal>);

/// The pieces of `lists`, by list, newest first; pieces no longer on sale are left out.
async fn pieces_of(
    db: &impl ConnectionTrait,
    lists: &[Uuid],
) -> Result<HashMap<Uuid, Vec<SavedPiece>>, DbErr> {
    let mut by_list: HashMap<Uuid, Vec<SavedPiece>> = HashMap::new();
    if lists.is_empty() {
        return Ok(by_list);
    }
    let items = wishlist_items::Entity::find()
        .filter(wishlist_items::Column::WishlistId.is_in(lists.to_vec()))
        .order_by_desc(wishlist_items::Column::AddedAt)
        .order_by_desc(wishlist_items::Column::Id)
        .all(db)
        .await?;
    let products: Vec<Uuid> = items.iter().map(|item| item.product_id).collect();
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            concat!(
                "SELECT p.id, p.slug, p.name, p.price, p.currency, b.name AS brand, \
                   m.url, m.alt_text \
                 FROM products p LEFT JOIN brands b ON b.id = p.brand_id \
                 LEFT JOIN LATERAL (SELECT pm.url, pm.alt_text FROM product_media pm \
                   WHERE pm.product_id = p.id \
                   ORDER BY pm.is_primary DESC, pm.display_order, pm.id LIMIT 1) m ON TRUE \
                 WHERE p.id = ANY($1) AND ",
                crate::catalog::storefront_visible!()
            ),
            [products.clone().into()],
        ))
        .await?;
    let variants = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT id, product_id, COALESCE(size, color, sku) AS label, price, \
               (is_available AND inventory_quantity - inventory_reserved > 0) AS available \
             FROM product_variants WHERE product_id = ANY($1) ORDER BY product_id, created_at, sku",
            [products.into()],
        ))
        .await?;
    let mut sizes: HashMap<Uuid, Vec<SizeRow>> = HashMap::new();
    for row in variants {
        let product: Uuid = row.try_get("", "product_id")?;
        sizes.entry(product).or_default().push((
            row.try_get("", "id")?,
            row.try_get("", "label")?,
            row.try_get("", "available")?,
            row.try_get("", "price")?,
        ));
    }
    let mut products = HashMap::new();
    for row in rows {
        let id: Uuid = row.try_get("", "id")?;
        products.insert(id, row);
    }
    for item in items {
        let Some(row) = products.get(&item.product_id) else {
            continue;
        };
        let options = sizes.remove(&item.product_id).unwrap_or_default();
        let chosen = item
            .variant_id
            .and_then(|id| options.iter().find(|option| option.0 == id));
        let base: Decimal = row.try_get("", "price")?;
        let price = chosen.and_then(|option| option.3).unwrap_or(base);
        let in_stock = match chosen {
            Some(option) => option.2,
            None => options.iter().any(|option| option.2),
        };
        let currency: String = row.try_get("", "currency")?;
        let piece = SavedPiece {
            slug: row.try_get("", "slug")?,
            name: row.try_get("", "name")?,
            brand: row.try_get("", "brand")?,
            image: row.try_get("", "url")?,
            image_alt: row.try_get("", "alt_text")?,
            price,
            currency: currency.trim().to_string(),
            in_stock,
            sizes: options
                .iter()
                .map(|(id, label, available, _)| (*id, label.clone(), *available))
                .collect(),
            item,
        };
        // Put the sizes back for the next list holding the same product.
        sizes.insert(piece.item.product_id, options);
        by_list
            .entry(piece.item.wishlist_id)
            .or_default()
            .push(piece);
    }
    Ok(by_list)
}
