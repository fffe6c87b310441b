//! Domain types that parse instead of validate: once constructed they are valid, so
//! services take them without checking again. Plain Rust, compiled for the server and
//! the browser alike, so forms can show the same messages before a round trip.

pub mod code;
pub mod email;
pub mod local_path;
pub mod locale;
pub mod money;
pub mod password;
pub mod read;
pub mod refusal;
pub mod test_card;

pub use email::Email;
pub use local_path::LocalPath;
pub use locale::Locale;
pub use money::Money;
pub use password::NewPassword;
pub use refusal::{CouponRefusal, DeclineReason, FieldError, FieldErrors, Refusal};
pub use test_card::TestCard;
