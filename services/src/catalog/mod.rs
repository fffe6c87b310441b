//! The storefront catalog: listings with filters and facets, product detail pages, and
//! recommendations from pgvector similarity.

pub mod clicks;
pub mod listing;
pub mod prices;
pub mod product;
pub mod scope;
pub mod search;

/// The storefront visibility rule, as SQL over a product aliased `p`: live (active or out
/// of stock), published, and not soft-deleted. Every storefront query (listing, search,
/// similar pieces) uses this one fragment, so drafts, archived and deleted products never
/// leak through one path while another hides them. A macro so it can sit inside `concat!`.
macro_rules! storefront_visible {
    () => {
        "p.deleted_at IS NULL AND p.status IN ('ACTIVE', 'OUT_OF_STOCK') \
         AND p.published_at <= now()"
    };
}
pub(crate) use storefront_visible;
