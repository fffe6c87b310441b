//! Read models: what the pages show, exactly as the server sends it. Plain data shared by
//! the server (which fills them) and the browser (which renders them); amounts are
//! `Money`, reasons are `Refusal` codes, both worded by the view.

pub mod account;
pub mod cart;
pub mod checkout;
pub mod feed;
pub mod look;
pub mod notifications;
pub mod orders;
pub mod reviews;
pub mod size_advice;
pub mod style;
pub mod wishlists;
