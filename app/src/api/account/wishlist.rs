//! Wishlists as server functions: the hearts (which pieces are saved; save or unsave
//! one), the lists with their pieces, naming, sharing and deleting lists, a piece's
//! size, note and alerts, moving it, and a shared list by its token. Each finds the
//! signed-in account (401 otherwise; the shared list needs none) and calls one service
//! in `services::wishlists`; someone else's list or piece answers 404.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::api::account::SaveOutcome;
pub use domain::read::wishlists::*;

#[cfg(feature = "ssr")]
mod server {
    use domain::Money;
    use domain::Refusal;
    use domain::read::wishlists::{SavedPieceDto, WishlistDto};
    use services::wishlists::{SavedPiece, WishlistView};

    use crate::api::ApiError;

    pub fn id(text: &str, missing: Refusal) -> Result<uuid::Uuid, ApiError> {
        uuid::Uuid::parse_str(text.trim()).map_err(|_| ApiError::new(missing))
    }

    pub fn piece(piece: SavedPiece, private: bool) -> SavedPieceDto {
        let money = |amount| Money::new(amount, &piece.currency);
        let item = &piece.item;
        SavedPieceDto {
            item_id: if private {
                item.id.to_string()
            } else {
                String::new()
            },
            product_id: item.product_id.to_string(),
            saved_at_price: item
                .price_when_added
                .filter(|was| *was > piece.price)
                .map(money),
            price: money(piece.price),
            in_stock: piece.in_stock,
            variant_id: item.variant_id.map(|id| id.to_string()),
            sizes: piece
                .sizes
                .iter()
                .map(|(id, label, available)| (id.to_string(), label.clone(), *available))
                .collect(),
            note: if private {
                item.notes.clone().unwrap_or_default()
            } else {
                String::new()
            },
            notify_price_drop: private && item.notify_price_drop,
            notify_back_in_stock: private && item.notify_back_in_stock,
            slug: piece.slug,
            name: piece.name,
            brand: piece.brand,
            image: piece.image,
            image_alt: piece.image_alt,
        }
    }

    pub fn list(view: WishlistView, is_default: bool) -> WishlistDto {
        WishlistDto {
            id: view.list.id.to_string(),
            name: view.list.name,
            is_default,
            is_public: view.list.is_public,
            share_path: view
                .list
                .share_token
                .filter(|_| view.list.is_public)
                .map(|token| format!("/wishlist/{token}")),
            pieces: view.pieces.into_iter().map(|p| piece(p, true)).collect(),
        }
    }

    /// Field-level refusals become an outcome the form shows; the rest are errors.
    pub fn outcome(
        result: Result<(), services::wishlists::WishlistError>,
        field: &'static str,
    ) -> Result<crate::api::account::SaveOutcome, ApiError> {
        use crate::api::account::SaveOutcome;
        use services::wishlists::WishlistError as E;
        match result {
            Ok(()) => Ok(SaveOutcome::Saved),
            Err(
                error @ (E::NameMissing
                | E::TooLong { .. }
                | E::TextCharacters
                | E::TooManyLists
                | E::TooManyPieces),
            ) => Ok(SaveOutcome::Refused(vec![crate::api::error::field_error(
                Some(field),
                error.refusal(),
            )])),
            Err(error) => Err(error.into()),
        }
    }
}

/// The products the caller has saved (for the hearts); `None` when signed out.
#[server(endpoint = "wishlist/saved")]
pub async fn saved_pieces() -> Result<Option<Vec<String>>, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let Some(user) = ctx.account() else {
        return Ok(None);
    };
    let saved = services::wishlists::saved_products(&ctx.services.db, user.id).await?;
    Ok(Some(saved.into_iter().map(|id| id.to_string()).collect()))
}

/// The heart: saves `product_id` to the default list (`saved` true) or takes it out of
/// every list; answers whether it is now saved.
#[server(endpoint = "wishlist/heart")]
pub async fn set_saved(product_id: String, saved: bool) -> Result<bool, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let product = server::id(&product_id, domain::Refusal::PieceGone)?;
    let db = &ctx.services.db;
    if saved {
        services::wishlists::save(db, user.id, product, None, None).await?;
    } else {
        services::wishlists::unsave(db, user.id, product).await?;
    }
    Ok(saved)
}

/// The caller's lists, the default first.
#[server(endpoint = "wishlist/lists")]
pub async fn wishlists() -> Result<Vec<WishlistDto>, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let lists = services::wishlists::lists_of(&ctx.services.db, user.id).await?;
    Ok(lists
        .into_iter()
        .enumerate()
        .map(|(index, view)| server::list(view, index == 0))
        .collect())
}

/// Makes a named list.
#[server(endpoint = "wishlist/create")]
pub async fn create_wishlist(name: String) -> Result<SaveOutcome, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let done = services::wishlists::create_list(&ctx.services.db, user.id, &name).await;
    server::outcome(done.map(|_| ()), "name")
}

/// Renames the caller's list `id`.
#[server(endpoint = "wishlist/rename")]
pub async fn rename_wishlist(id: String, name: String) -> Result<SaveOutcome, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let list = server::id(&id, domain::Refusal::WishlistNotFound)?;
    let done = services::wishlists::rename_list(&ctx.services.db, user.id, list, &name).await;
    server::outcome(done.map(|_| ()), "name")
}

/// Deletes the caller's list `id` with its pieces.
#[server(endpoint = "wishlist/delete")]
pub async fn delete_wishlist(id: String) -> Result<(), ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let list = server::id(&id, domain::Refusal::WishlistNotFound)?;
    services::wishlists::delete_list(&ctx.services.db, user.id, list).await?;
    Ok(())
}

/// Makes the caller's list `id` public (answers its share path) or private (`None`).
#[server(endpoint = "wishlist/share")]
pub async fn share_wishlist(id: String, public: bool) -> Result<Option<String>, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let list = server::id(&id, domain::Refusal::WishlistNotFound)?;
    let list = services::wishlists::set_public(&ctx.services.db, user.id, list, public).await?;
    Ok(list.share_token.map(|token| format!("/wishlist/{token}")))
}

/// A saved piece's size (`variant`, empty for any), note and alerts.
#[server(endpoint = "wishlist/update")]
pub async fn update_saved_piece(
    item: String,
    #[server(default)] variant: String,
    #[server(default)] note: String,
    #[server(default)] price_drop: Option<String>,
    #[server(default)] back_in_stock: Option<String>,
) -> Result<SaveOutcome, ApiError> {
    use domain::Refusal;
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let item = server::id(&item, Refusal::PieceGone)?;
    let variant_id = match variant.trim() {
        "" => None,
        text => Some(server::id(text, Refusal::PieceGone)?),
    };
    let choices = services::wishlists::ItemChoices {
        variant_id,
        note,
        notify_price_drop: price_drop.as_deref() == Some("true"),
        notify_back_in_stock: back_in_stock.as_deref() == Some("true"),
    };
    let done = services::wishlists::update_item(&ctx.services.db, user.id, item, &choices).await;
    server::outcome(done.map(|_| ()), "note")
}

/// Moves a saved piece to the caller's list `list`.
#[server(endpoint = "wishlist/move")]
pub async fn move_saved_piece(item: String, list: String) -> Result<(), ApiError> {
    use domain::Refusal;
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let item = server::id(&item, Refusal::PieceGone)?;
    let list = server::id(&list, Refusal::WishlistNotFound)?;
    services::wishlists::move_item(&ctx.services.db, user.id, item, list).await?;
    Ok(())
}

/// Takes one saved piece out of its list.
#[server(endpoint = "wishlist/remove")]
pub async fn remove_saved_piece(item: String) -> Result<(), ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let item = server::id(&item, domain::Refusal::PieceGone)?;
    services::wishlists::remove_item(&ctx.services.db, user.id, item).await?;
    Ok(())
}

/// The public list shared as `token`, read-only (404 for any other token).
#[server(endpoint = "wishlist/shared")]
pub async fn shared_wishlist(token: String) -> Result<SharedWishlistDto, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let shared = services::wishlists::shared(&ctx.services.db, &token)
        .await?
        .ok_or_else(|| ApiError::new(domain::Refusal::WishlistNotFound))?;
    Ok(SharedWishlistDto {
        name: shared.name,
        owner: shared.owner,
        pieces: shared
            .pieces
            .into_iter()
            .map(|piece| server::piece(piece, false))
            .collect(),
    })
}
