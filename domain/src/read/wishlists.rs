//! Wishlists as the account, the hearts and a shared link show them.

use serde::{Deserialize, Serialize};

use crate::Money;

/// One saved piece, as it is now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedPieceDto {
    pub item_id: String,
    pub product_id: String,
    pub slug: String,
    pub name: String,
    pub brand: Option<String>,
    pub image: Option<String>,
    pub image_alt: Option<String>,
    pub price: Money,
    /// The price when saved, when it was higher than now.
    pub saved_at_price: Option<Money>,
    pub in_stock: bool,
    /// The size watched (a variant id), if any.
    pub variant_id: Option<String>,
    /// `(variant id, size, available)`.
    pub sizes: Vec<(String, String, bool)>,
    pub note: String,
    pub notify_price_drop: bool,
    pub notify_back_in_stock: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WishlistDto {
    pub id: String,
    pub name: String,
    /// The first list, where the hearts save to.
    pub is_default: bool,
    pub is_public: bool,
    /// `/wishlist/<token>` while public.
    pub share_path: Option<String>,
    pub pieces: Vec<SavedPieceDto>,
}

/// A list someone shared, read-only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedWishlistDto {
    pub name: String,
    pub owner: Option<String>,
    pub pieces: Vec<SavedPieceDto>,
}
