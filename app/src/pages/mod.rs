pub mod account;
pub mod addresses;
pub mod auth;
pub mod home;
pub mod not_found;
pub mod recovery;
pub mod settings;
