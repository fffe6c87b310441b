//! Domain types that parse instead of validate: once constructed they are valid, so
//! services take them without checking again. Plain Rust, compiled for the server and
//! the browser alike, so forms can show the same messages before a round trip.

pub mod email;
pub mod password;
