pub mod addresses;
pub mod auth;
pub mod catalog;
pub mod embedder;
pub mod mail;
pub mod oauth;
pub mod password;
pub mod profile;
