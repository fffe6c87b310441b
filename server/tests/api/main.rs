//! Integration tests: the real server, in-process, on a random port, against a fresh
//! database of its own (zero2prod's `spawn_app`), cloned from a migrated (or seeded)
//! template database built once per run. What the tests share lives in `helpers/`.

mod account;
mod alerts;
mod assets;
mod auth;
mod cart_http;
mod catalog_listing;
mod catalog_product;
mod checkout_domain;
mod embedded;
mod entities;
mod health;
mod helpers;
mod i18n;
mod listing_pages;
mod look;
mod notifications;
mod oauth;
mod orders;
mod overview;
mod pages;
mod payments;
mod personal;
mod product_page;
mod production;
mod recovery;
mod refusals_i18n;
mod restart;
mod returns;
mod reviews;
mod schema;
mod search;
mod search_hybrid;
mod security;
mod seed;
mod seed_scaled;
mod size_advisor;
mod style_http;
mod two_servers;
mod wishlists;
