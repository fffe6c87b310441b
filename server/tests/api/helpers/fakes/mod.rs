//! Local stand-ins, speaking the real protocols, for the services the app talks to: an
//! SMTP server that keeps every mail, and an OAuth2 / OpenID Connect provider. (The Stripe
//! fake lives in the server crate, `server::stripe_fake`, as the app uses it outside tests.)

pub mod oauth;
pub mod smtp;

pub use oauth::{FakeOAuth, FakeUser};
pub use smtp::FakeSmtp;
