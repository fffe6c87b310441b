pub mod assets;
pub mod health;
pub mod oauth;
pub mod stripe_webhook;
pub mod unsubscribe;
