//! The wishlist pages: the account's lists and a shared list. Read through
//! [`wishlist_text`] by those lazily loaded pages only.

use super::in_page_language;

mod en;
mod fr;
mod it;

pub use en::EN;
pub use fr::FR;
pub use it::IT;

pub struct WishlistText {
    pub title: &'static str,
    pub loading: &'static str,
    pub empty: &'static str,
    pub discover: &'static str,
    pub pieces: fn(usize) -> String,
    pub default_list: &'static str,
    pub new_list: &'static str,
    pub list_name: &'static str,
    pub create: &'static str,
    pub created: &'static str,
    pub rename: &'static str,
    pub delete_list: &'static str,
    pub deleted: &'static str,
    pub public_hint: &'static str,
    pub make_public: &'static str,
    pub make_private: &'static str,
    pub share_link: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub now_public: &'static str,
    pub now_private: &'static str,
    pub was_price: fn(&str) -> String,
    pub sold_out: &'static str,
    pub size: &'static str,
    pub any_size: &'static str,
    pub note: &'static str,
    pub price_drop: &'static str,
    pub back_in_stock: &'static str,
    pub save_piece: &'static str,
    pub saved: &'static str,
    pub move_to: &'static str,
    pub moved: &'static str,
    pub remove: &'static str,
    pub removed: &'static str,
    pub view_piece: &'static str,
    pub shared_heading: fn(Option<&str>) -> String,
    pub shared_empty: &'static str,
    pub not_found: &'static str,
}

/// The wishlist pages' text in the page's language.
pub fn wishlist_text() -> &'static WishlistText {
    in_page_language([&EN, &FR, &IT])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_words_the_wishlist_itself() {
        for other in [&FR, &IT] {
            assert_ne!(EN.empty, other.empty);
            assert_ne!(EN.make_public, other.make_public);
            assert_ne!((EN.pieces)(2), (other.pieces)(2));
            assert_ne!(
                (EN.shared_heading)(Some("Ada")),
                (other.shared_heading)(Some("Ada"))
            );
        }
    }
}
