pub mod embedder;
pub mod password;
pub mod auth;
pub mod mail;
pub mod oauth;
