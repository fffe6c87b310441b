pub mod health;
pub mod oauth;
