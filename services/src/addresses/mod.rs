//! The address book (`addresses`): a shopper's shipping and billing addresses, at most
//! one default of each type.
//!
//! Every function takes the owner's id and only ever sees that owner's rows: an address
//! of someone else is indistinguishable from one that does not exist (`NotFound`).
//! Writes that touch the default run in one transaction that first locks the owner's
//! `users` row, so concurrent requests of one shopper cannot leave two defaults.
//!
//! Countries: a fixed list of [`COUNTRY_CODES`] (ISO 3166-1 alpha-2, uppercase) that the
//! store ships to; anything else is refused with a message on the country field.
//!
//! The parts: `form` (the address form checked field by field into an [`Address`]) and
//! `book` (listing, adding, changing and deleting a shopper's addresses, and the
//! defaults).

mod book;
mod form;

use sea_orm::DbErr;

use domain::Refusal;

pub use book::{add, delete, get, list, set_default, update};
pub use form::{Address, AddressForm};

/// Address types, as stored in `addresses.type`.
pub const KINDS: [&str; 2] = ["shipping", "billing"];

/// Countries the store ships to (ISO 3166-1 alpha-2).
pub const COUNTRY_CODES: [&str; 30] = [
    "AE", "AT", "AU", "BE", "BR", "CA", "CH", "CN", "DE", "DK", "ES", "FI", "FR", "GB", "GR", "HK",
    "IE", "IT", "JP", "KR", "LU", "MC", "MX", "NL", "NO", "PL", "PT", "SE", "SG", "US",
];

/// How many addresses one shopper may keep.
pub const MAX_ADDRESSES: u64 = 50;

/// A field of the address form; `as_str` is the form field's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressField {
    Kind,
    FirstName,
    LastName,
    Company,
    Phone,
    Line1,
    Line2,
    City,
    StateProvince,
    PostalCode,
    CountryCode,
}

impl AddressField {
    pub fn as_str(self) -> &'static str {
        match self {
            AddressField::Kind => "kind",
            AddressField::FirstName => "first_name",
            AddressField::LastName => "last_name",
            AddressField::Company => "company",
            AddressField::Phone => "phone",
            AddressField::Line1 => "address_line1",
            AddressField::Line2 => "address_line2",
            AddressField::City => "city",
            AddressField::StateProvince => "state_province",
            AddressField::PostalCode => "postal_code",
            AddressField::CountryCode => "country_code",
        }
    }
}

pub type FieldIssues = Vec<(AddressField, Refusal)>;

#[derive(Debug, thiserror::Error)]
pub enum AddressError {
    #[error("Please correct the highlighted fields.")]
    Invalid(FieldIssues),
    #[error("You can keep up to 50 addresses. Delete one to add another.")]
    TooMany,
    /// Unknown, or someone else's: the caller cannot tell which.
    #[error("We could not find that address.")]
    NotFound,
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] DbErr),
}

impl AddressError {
    /// The typed reason for the whole form (field issues carry their own).
    pub fn refusal(&self) -> Refusal {
        match self {
            AddressError::Invalid(_) => Refusal::Internal,
            AddressError::TooMany => Refusal::TooManyAddresses {
                max: MAX_ADDRESSES as u32,
            },
            AddressError::NotFound => Refusal::AddressNotFound,
            AddressError::Internal(_) => Refusal::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_list_holds_distinct_uppercase_pairs() {
        let mut seen = std::collections::HashSet::new();
        for code in COUNTRY_CODES {
            assert!(code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()));
            assert!(seen.insert(code), "{code} twice");
        }
    }
}
