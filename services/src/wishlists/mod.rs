//! Wishlists: a default list (made on first save) and named ones, pieces saved with the
//! price they had (for price-drop alerts), an optional size (for restock alerts), a note
//! and the two alert switches; moving pieces between lists; and sharing a list by an
//! unguessable token (made public; made private again, the token is gone and the old
//! link dead). Every change is scoped to the owner: another shopper's list or item is
//! reported as missing. Writes to one list take that list's row lock, so two saves of a
//! piece at once keep one line.
//!
//! `alerts` finds price drops and restocks among saved pieces.

pub mod alerts;
mod reads;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::Utc;
use rand::RngCore;
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::sea_query::LockType;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, QueryFilter,
    QueryOrder, QuerySelect, Statement, TransactionTrait,
};

use domain::Refusal;
use entities::{product_variants, wishlist_items, wishlists};
pub use reads::{SavedPiece, SharedList, WishlistView, lists_of, saved_products, shared};

/// The name of the list made on a shopper's first save (the model's default).
pub const DEFAULT_NAME: &str = "My Wishlist";
/// At most this many lists per shopper, and pieces per list.
pub const MAX_LISTS: u64 = 20;
pub const MAX_PIECES: u64 = 200;
const NAME_MAX: usize = 80;
const NOTE_MAX: usize = 500;

#[derive(Debug, thiserror::Error)]
pub enum WishlistError {
    #[error("We could not find that list.")]
    ListNotFound,
    #[error("We could not find that piece.")]
    PieceNotFound,
    #[error("Give the list a name.")]
    NameMissing,
    #[error("That is too long.")]
    TooLong { max: u32 },
    #[error("Text with control characters.")]
    TextCharacters,
    #[error("Too many lists.")]
    TooManyLists,
    #[error("Too many pieces in the list.")]
    TooManyPieces,
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] DbErr),
}

impl WishlistError {
    pub fn refusal(&self) -> Refusal {
        match self {
            WishlistError::ListNotFound => Refusal::WishlistNotFound,
            WishlistError::PieceNotFound => Refusal::PieceGone,
            WishlistError::NameMissing => Refusal::NameMissing,
            WishlistError::TooLong { max } => Refusal::TooLong { max: *max },
            WishlistError::TextCharacters => Refusal::TextCharacters,
            WishlistError::TooManyLists => Refusal::TooManyWishlists {
                max: MAX_LISTS as u32,
            },
            WishlistError::TooManyPieces => Refusal::WishlistFull {
                max: MAX_PIECES as u32,
            },
            WishlistError::Internal(_) => Refusal::Internal,
        }
    }
}

fn clean(text: &str, max: usize) -> Result<String, WishlistError> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(WishlistError::TooLong { max: max as u32 });
    }
    if text.chars().any(char::is_control) {
        return Err(WishlistError::TextCharacters);
    }
    Ok(text.to_string())
}

/// `user_id`'s list `id`, locked for the transaction.
async fn lock_list(
    txn: &DatabaseTransaction,
    user_id: Uuid,
    id: Uuid,
) -> Result<wishlists::Model, WishlistError> {
    wishlists::Entity::find_by_id(id)
        .filter(wishlists::Column::UserId.eq(user_id))
        .lock(LockType::NoKeyUpdate)
        .one(txn)
        .await?
        .ok_or(WishlistError::ListNotFound)
}

/// The shopper's default list (their oldest), made if they have none, locked.
async fn default_list(
    txn: &DatabaseTransaction,
    user_id: Uuid,
) -> Result<wishlists::Model, WishlistError> {
    // The user's row serialises the first save's "make the default list".
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE",
        [user_id.into()],
    ))
    .await?;
    let found = wishlists::Entity::find()
        .filter(wishlists::Column::UserId.eq(user_id))
        .order_by_asc(wishlists::Column::CreatedAt)
        .order_by_asc(wishlists::Column::Id)
        .lock(LockType::NoKeyUpdate)
        .one(txn)
        .await?;
    match found {
        Some(list) => Ok(list),
        None => Ok(wishlists::ActiveModel {
            id: Set(Uuid::new_v4()),
            user_id: Set(user_id),
            name: Set(DEFAULT_NAME.into()),
            ..Default::default()
        }
        .insert(txn)
        .await?),
    }
}

/// Makes a named list.
pub async fn create_list(
    db: &DatabaseConnection,
    user_id: Uuid,
    name: &str,
) -> Result<wishlists::Model, WishlistError> {
    let name = clean(name, NAME_MAX)?;
    if name.is_empty() {
        return Err(WishlistError::NameMissing);
    }
    let txn = db.begin().await?;
    default_list(&txn, user_id).await?;
    let count = wishlists::Entity::find()
        .filter(wishlists::Column::UserId.eq(user_id))
        .count(&txn)
        .await?;
    if count >= MAX_LISTS {
        return Err(WishlistError::TooManyLists);
    }
    let list = wishlists::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user_id),
        name: Set(name),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(list)
}

/// Renames `list_id`.
pub async fn rename_list(
    db: &DatabaseConnection,
    user_id: Uuid,
    list_id: Uuid,
    name: &str,
) -> Result<wishlists::Model, WishlistError> {
    let name = clean(name, NAME_MAX)?;
    if name.is_empty() {
        return Err(WishlistError::NameMissing);
    }
    let txn = db.begin().await?;
    let list = lock_list(&txn, user_id, list_id).await?;
    let renamed = wishlists::ActiveModel {
        id: Set(list.id),
        name: Set(name),
        updated_at: Set(Utc::now().into()),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    txn.commit().await?;
    Ok(renamed)
}

/// Deletes `list_id` and its pieces.
pub async fn delete_list(
    db: &DatabaseConnection,
    user_id: Uuid,
    list_id: Uuid,
) -> Result<(), WishlistError> {
    let txn = db.begin().await?;
    let list = lock_list(&txn, user_id, list_id).await?;
    let products: Vec<Uuid> = wishlist_items::Entity::find()
        .select_only()
        .column(wishlist_items::Column::ProductId)
        .filter(wishlist_items::Column::WishlistId.eq(list.id))
        .into_tuple()
        .all(&txn)
        .await?;
    wishlists::Entity::delete_by_id(list.id).exec(&txn).await?;
    count_saves(&txn, &products, -1).await?;
    txn.commit().await?;
    Ok(())
}

/// Makes `list_id` public with a fresh unguessable token, or private (the token and
/// every link made with it are gone).
pub async fn set_public(
    db: &DatabaseConnection,
    user_id: Uuid,
    list_id: Uuid,
    public: bool,
) -> Result<wishlists::Model, WishlistError> {
    let txn = db.begin().await?;
    let list = lock_list(&txn, user_id, list_id).await?;
    let token = match (public, &list.share_token) {
        (true, Some(token)) => Some(token.clone()),
        (true, None) => Some(new_token()),
        (false, _) => None,
    };
    let updated = wishlists::ActiveModel {
        id: Set(list.id),
        is_public: Set(public),
        share_token: Set(token),
        updated_at: Set(Utc::now().into()),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// 32 random bytes, URL-safe (43 characters).
fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What saving a piece did.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub item: wishlist_items::Model,
    pub list: wishlists::Model,
    /// False when the piece was already in the list (nothing changed).
    pub added: bool,
}

/// Saves `product_id` (in `variant_id`'s size, when given) to `list_id`, or to the
/// default list. The price it has now is kept for price-drop alerts.
pub async fn save(
    db: &DatabaseConnection,
    user_id: Uuid,
    product_id: Uuid,
    variant_id: Option<Uuid>,
    list_id: Option<Uuid>,
) -> Result<Saved, WishlistError> {
    let txn = db.begin().await?;
    let list = match list_id {
        Some(id) => lock_list(&txn, user_id, id).await?,
        None => default_list(&txn, user_id).await?,
    };
    let price = current_price(&txn, product_id, variant_id).await?;
    if let Some(item) = wishlist_items::Entity::find()
        .filter(wishlist_items::Column::WishlistId.eq(list.id))
        .filter(wishlist_items::Column::ProductId.eq(product_id))
        .one(&txn)
        .await?
    {
        txn.commit().await?;
        return Ok(Saved {
            item,
            list,
            added: false,
        });
    }
    let count = wishlist_items::Entity::find()
        .filter(wishlist_items::Column::WishlistId.eq(list.id))
        .count(&txn)
        .await?;
    if count >= MAX_PIECES {
        return Err(WishlistError::TooManyPieces);
    }
    let item = wishlist_items::ActiveModel {
        id: Set(Uuid::new_v4()),
        wishlist_id: Set(list.id),
        product_id: Set(product_id),
        variant_id: Set(variant_id),
        price_when_added: Set(Some(price)),
        notify_price_drop: Set(true),
        notify_back_in_stock: Set(true),
        added_at: Set(Utc::now().into()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    count_saves(&txn, &[product_id], 1).await?;
    txn.commit().await?;
    Ok(Saved {
        item,
        list,
        added: true,
    })
}

/// The price a shopper pays now for `product_id` (in `variant_id`), refusing pieces
/// that are not on sale (or a variant of another product).
async fn current_price(
    db: &impl ConnectionTrait,
    product_id: Uuid,
    variant_id: Option<Uuid>,
) -> Result<Decimal, WishlistError> {
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            concat!(
                "SELECT COALESCE(v.price, p.price) AS price FROM products p \
                 LEFT JOIN product_variants v ON v.id = $2 AND v.product_id = p.id \
                 WHERE p.id = $1 AND (($2::uuid IS NULL) OR v.id IS NOT NULL) AND ",
                crate::catalog::storefront_visible!()
            ),
            [product_id.into(), variant_id.into()],
        ))
        .await?
        .ok_or(WishlistError::PieceNotFound)?;
    Ok(row.try_get("", "price")?)
}

/// Keeps `products.wishlist_count` with the saves.
async fn count_saves(txn: &DatabaseTransaction, products: &[Uuid], by: i32) -> Result<(), DbErr> {
    if products.is_empty() {
        return Ok(());
    }
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "UPDATE products p SET wishlist_count = GREATEST(0, p.wishlist_count + $2 * n.saves) \
         FROM (SELECT id, count(*)::int AS saves FROM unnest($1::uuid[]) AS id GROUP BY id) n \
         WHERE p.id = n.id",
        [products.to_vec().into(), by.into()],
    ))
    .await?;
    Ok(())
}

/// Unsaves `product_id` from every list of `user_id` (the heart, pressed again).
pub async fn unsave(
    db: &DatabaseConnection,
    user_id: Uuid,
    product_id: Uuid,
) -> Result<u64, WishlistError> {
    let txn = db.begin().await?;
    let removed = txn
        .execute_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "DELETE FROM wishlist_items i USING wishlists w \
             WHERE i.wishlist_id = w.id AND w.user_id = $1 AND i.product_id = $2",
            [user_id.into(), product_id.into()],
        ))
        .await?
        .rows_affected();
    let gone = vec![product_id; removed as usize];
    count_saves(&txn, &gone, -1).await?;
    txn.commit().await?;
    Ok(removed)
}

/// `user_id`'s item `item_id` with its list, locked.
async fn lock_item(
    txn: &DatabaseTransaction,
    user_id: Uuid,
    item_id: Uuid,
) -> Result<wishlist_items::Model, WishlistError> {
    let item = wishlist_items::Entity::find_by_id(item_id)
        .lock(LockType::NoKeyUpdate)
        .one(txn)
        .await?
        .ok_or(WishlistError::PieceNotFound)?;
    lock_list(txn, user_id, item.wishlist_id)
        .await
        .map_err(|_| WishlistError::PieceNotFound)?;
    Ok(item)
}

/// The choices on one saved piece.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemChoices {
    /// The size to watch (a variant of the same product); `None` for any.
    pub variant_id: Option<Uuid>,
    pub note: String,
    pub notify_price_drop: bool,
    pub notify_back_in_stock: bool,
}

/// Changes a saved piece's size, note and alerts.
pub async fn update_item(
    db: &DatabaseConnection,
    user_id: Uuid,
    item_id: Uuid,
    choices: &ItemChoices,
) -> Result<wishlist_items::Model, WishlistError> {
    let note = clean(&choices.note, NOTE_MAX)?;
    let txn = db.begin().await?;
    let item = lock_item(&txn, user_id, item_id).await?;
    if let Some(variant) = choices.variant_id {
        product_variants::Entity::find_by_id(variant)
            .filter(product_variants::Column::ProductId.eq(item.product_id))
            .one(&txn)
            .await?
            .ok_or(WishlistError::PieceNotFound)?;
    }
    let updated = wishlist_items::ActiveModel {
        id: Set(item.id),
        variant_id: Set(choices.variant_id),
        notes: Set(Some(note).filter(|note| !note.is_empty())),
        notify_price_drop: Set(choices.notify_price_drop),
        notify_back_in_stock: Set(choices.notify_back_in_stock),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// Moves a saved piece to another of the shopper's lists (merging with the piece there,
/// if it is already saved in it).
pub async fn move_item(
    db: &DatabaseConnection,
    user_id: Uuid,
    item_id: Uuid,
    to_list: Uuid,
) -> Result<(), WishlistError> {
    let txn = db.begin().await?;
    let item = lock_item(&txn, user_id, item_id).await?;
    let target = lock_list(&txn, user_id, to_list).await?;
    if target.id == item.wishlist_id {
        txn.commit().await?;
        return Ok(());
    }
    let already = wishlist_items::Entity::find()
        .filter(wishlist_items::Column::WishlistId.eq(target.id))
        .filter(wishlist_items::Column::ProductId.eq(item.product_id))
        .one(&txn)
        .await?;
    if already.is_some() {
        wishlist_items::Entity::delete_by_id(item.id)
            .exec(&txn)
            .await?;
        count_saves(&txn, &[item.product_id], -1).await?;
    } else {
        wishlist_items::ActiveModel {
            id: Set(item.id),
            wishlist_id: Set(target.id),
            ..Default::default()
        }
        .update(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Removes one saved piece.
pub async fn remove_item(
    db: &DatabaseConnection,
    user_id: Uuid,
    item_id: Uuid,
) -> Result<(), WishlistError> {
    let txn = db.begin().await?;
    let item = lock_item(&txn, user_id, item_id).await?;
    wishlist_items::Entity::delete_by_id(item.id)
        .exec(&txn)
        .await?;
    count_saves(&txn, &[item.product_id], -1).await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_url_safe() {
        let (one, two) = (new_token(), new_token());
        assert_eq!(one.len(), 43);
        assert_ne!(one, two);
        assert!(
            one.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
    }

    #[test]
    fn names_and_notes_are_trimmed_and_bounded() {
        assert_eq!(clean("  Evenings  ", 80).unwrap(), "Evenings");
        assert!(matches!(
            clean(&"x".repeat(81), 80),
            Err(WishlistError::TooLong { max: 80 })
        ));
        assert!(matches!(
            clean("a\u{7}b", 80),
            Err(WishlistError::TextCharacters)
        ));
    }
}
