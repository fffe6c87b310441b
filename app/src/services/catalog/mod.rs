//! The storefront catalog: listings with filters and facets, product detail pages, and
//! recommendations from pgvector similarity.

pub mod listing;
pub mod product;
