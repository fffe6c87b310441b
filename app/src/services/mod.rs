pub mod embedder;
pub mod password;
