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

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};

use crate::profile::parse_phone;
use domain::Refusal;
use entities::{addresses, users};

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

/// What the address form sends.
#[derive(Clone, Debug, Default)]
pub struct AddressForm {
    pub kind: String,
    pub first_name: String,
    pub last_name: String,
    pub company: String,
    pub phone: String,
    pub address_line1: String,
    pub address_line2: String,
    pub city: String,
    pub state_province: String,
    pub postal_code: String,
    pub country_code: String,
    pub make_default: bool,
}

/// An address whose every field is valid and fits its column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    pub kind: &'static str,
    pub first_name: String,
    pub last_name: String,
    pub company: Option<String>,
    pub phone: Option<String>,
    pub address_line1: String,
    pub address_line2: Option<String>,
    pub city: String,
    pub state_province: Option<String>,
    pub postal_code: String,
    pub country_code: &'static str,
    pub make_default: bool,
}

/// Trimmed text of at most `max` characters without control characters; `None` when
/// blank.
fn text(input: &str, max: usize) -> Result<Option<String>, Refusal> {
    let value = input.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > max {
        return Err(Refusal::TooLong { max: max as u32 });
    }
    if value.chars().any(char::is_control) {
        return Err(Refusal::TextCharacters);
    }
    Ok(Some(value.to_string()))
}

fn required(input: &str, max: usize, missing: Refusal) -> Result<String, Refusal> {
    text(input, max)?.ok_or(missing)
}

fn parse_kind(input: &str) -> Result<&'static str, Refusal> {
    let wanted = input.trim().to_ascii_lowercase();
    KINDS
        .into_iter()
        .find(|kind| *kind == wanted)
        .ok_or(Refusal::AddressKindUnknown)
}

/// Letters, digits, spaces and hyphens, at most 20 characters; stored in capitals.
fn parse_postal_code(input: &str) -> Result<String, Refusal> {
    let code = required(input, 20, Refusal::PostcodeMissing)?;
    if code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
    {
        Ok(code.to_ascii_uppercase())
    } else {
        Err(Refusal::PostcodeCharacters)
    }
}

fn parse_country(input: &str) -> Result<&'static str, Refusal> {
    let wanted = input.trim().to_ascii_uppercase();
    if wanted.is_empty() {
        return Err(Refusal::CountryMissing);
    }
    COUNTRY_CODES
        .into_iter()
        .find(|code| *code == wanted)
        .ok_or(Refusal::CountryUnknown)
}

/// The parsed value, or `None` after noting the field's message.
fn keep<T>(issues: &mut FieldIssues, field: AddressField, result: Result<T, Refusal>) -> Option<T> {
    result.map_err(|message| issues.push((field, message))).ok()
}

impl Address {
    /// Parses every field, collecting each failure with its own message.
    pub fn parse(form: &AddressForm) -> Result<Self, FieldIssues> {
        use AddressField as F;
        let mut issues = FieldIssues::new();
        let i = &mut issues;
        let parsed = (
            keep(i, F::Kind, parse_kind(&form.kind)),
            keep(
                i,
                F::FirstName,
                required(&form.first_name, 100, Refusal::FirstNameMissing),
            ),
            keep(
                i,
                F::LastName,
                required(&form.last_name, 100, Refusal::LastNameMissing),
            ),
            keep(i, F::Company, text(&form.company, 100)),
            keep(i, F::Phone, parse_phone(&form.phone)),
            keep(
                i,
                F::Line1,
                required(&form.address_line1, 255, Refusal::StreetMissing),
            ),
            keep(i, F::Line2, text(&form.address_line2, 255)),
            keep(i, F::City, required(&form.city, 100, Refusal::CityMissing)),
            keep(i, F::StateProvince, text(&form.state_province, 100)),
            keep(i, F::PostalCode, parse_postal_code(&form.postal_code)),
            keep(i, F::CountryCode, parse_country(&form.country_code)),
        );
        match parsed {
            (
                Some(kind),
                Some(first_name),
                Some(last_name),
                Some(company),
                Some(phone),
                Some(address_line1),
                Some(address_line2),
                Some(city),
                Some(state_province),
                Some(postal_code),
                Some(country_code),
            ) => Ok(Address {
                kind,
                first_name,
                last_name,
                company,
                phone,
                address_line1,
                address_line2,
                city,
                state_province,
                postal_code,
                country_code,
                make_default: form.make_default,
            }),
            _ => Err(issues),
        }
    }

    fn apply(self, active: &mut addresses::ActiveModel) {
        active.r#type = Set(self.kind.to_owned());
        active.first_name = Set(self.first_name);
        active.last_name = Set(self.last_name);
        active.company = Set(self.company);
        active.phone = Set(self.phone);
        active.address_line1 = Set(self.address_line1);
        active.address_line2 = Set(self.address_line2);
        active.city = Set(self.city);
        active.state_province = Set(self.state_province);
        active.postal_code = Set(self.postal_code);
        active.country_code = Set(self.country_code.to_owned());
    }
}

/// The owner's addresses: shipping before billing, the default first, then oldest first.
pub async fn list(db: &DatabaseConnection, user_id: Uuid) -> Result<Vec<addresses::Model>, DbErr> {
    addresses::Entity::find()
        .filter(addresses::Column::UserId.eq(user_id))
        .order_by_desc(addresses::Column::Type)
        .order_by_desc(addresses::Column::IsDefault)
        .order_by_asc(addresses::Column::CreatedAt)
        .order_by_asc(addresses::Column::Id)
        .all(db)
        .await
}

/// One of the owner's addresses.
pub async fn get(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    id: Uuid,
) -> Result<addresses::Model, AddressError> {
    addresses::Entity::find_by_id(id)
        .filter(addresses::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .ok_or(AddressError::NotFound)
}

/// Opens a transaction holding the owner's `users` row lock: the owner's address writes
/// take turns, so "at most one default per type" holds under concurrency.
async fn begin_for(
    db: &DatabaseConnection,
    user_id: Uuid,
) -> Result<DatabaseTransaction, AddressError> {
    let txn = db.begin().await?;
    users::Entity::find_by_id(user_id)
        .select_only()
        .column(users::Column::Id)
        .lock_exclusive()
        .into_tuple::<Uuid>()
        .one(&txn)
        .await?
        .ok_or(AddressError::NotFound)?;
    Ok(txn)
}

/// Clears the default flag on the owner's other addresses of `kind`.
async fn clear_defaults(
    txn: &DatabaseTransaction,
    user_id: Uuid,
    kind: &str,
    except: Option<Uuid>,
) -> Result<(), DbErr> {
    let mut update = addresses::Entity::update_many()
        .col_expr(addresses::Column::IsDefault, Expr::value(false))
        .filter(addresses::Column::UserId.eq(user_id))
        .filter(addresses::Column::Type.eq(kind))
        .filter(addresses::Column::IsDefault.eq(true));
    if let Some(id) = except {
        update = update.filter(addresses::Column::Id.ne(id));
    }
    update.exec(txn).await?;
    Ok(())
}

async fn has_default(txn: &DatabaseTransaction, user_id: Uuid, kind: &str) -> Result<bool, DbErr> {
    Ok(addresses::Entity::find()
        .filter(addresses::Column::UserId.eq(user_id))
        .filter(addresses::Column::Type.eq(kind))
        .filter(addresses::Column::IsDefault.eq(true))
        .count(txn)
        .await?
        > 0)
}

/// Adds an address. It becomes the default of its type when asked, or when the owner
/// has no default of that type yet (so a first address is always the default).
pub async fn add(
    db: &DatabaseConnection,
    user_id: Uuid,
    form: &AddressForm,
) -> Result<addresses::Model, AddressError> {
    let address = Address::parse(form).map_err(AddressError::Invalid)?;
    let txn = begin_for(db, user_id).await?;
    let count = addresses::Entity::find()
        .filter(addresses::Column::UserId.eq(user_id))
        .count(&txn)
        .await?;
    if count >= MAX_ADDRESSES {
        return Err(AddressError::TooMany);
    }
    let is_default = if address.make_default {
        clear_defaults(&txn, user_id, address.kind, None).await?;
        true
    } else {
        !has_default(&txn, user_id, address.kind).await?
    };
    let mut active = addresses::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user_id),
        is_default: Set(is_default),
        ..Default::default()
    };
    address.apply(&mut active);
    let saved = active.insert(&txn).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Replaces the fields of one of the owner's addresses. `make_default` decides whether
/// it is the default of its (possibly new) type.
pub async fn update(
    db: &DatabaseConnection,
    user_id: Uuid,
    id: Uuid,
    form: &AddressForm,
) -> Result<addresses::Model, AddressError> {
    let address = Address::parse(form).map_err(AddressError::Invalid)?;
    let txn = begin_for(db, user_id).await?;
    let existing = get(&txn, user_id, id).await?;
    if address.make_default {
        clear_defaults(&txn, user_id, address.kind, Some(id)).await?;
    }
    let mut active = existing.into_active_model();
    active.is_default = Set(address.make_default);
    address.apply(&mut active);
    let saved = active.update(&txn).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Makes one of the owner's addresses the default of its type.
pub async fn set_default(
    db: &DatabaseConnection,
    user_id: Uuid,
    id: Uuid,
) -> Result<addresses::Model, AddressError> {
    let txn = begin_for(db, user_id).await?;
    let existing = get(&txn, user_id, id).await?;
    clear_defaults(&txn, user_id, &existing.r#type, Some(id)).await?;
    let saved = if existing.is_default {
        existing
    } else {
        let mut active = existing.into_active_model();
        active.is_default = Set(true);
        active.update(&txn).await?
    };
    txn.commit().await?;
    Ok(saved)
}

/// Deletes one of the owner's addresses. When it was the default, the most recently
/// added address of the same type (if any) takes its place.
pub async fn delete(db: &DatabaseConnection, user_id: Uuid, id: Uuid) -> Result<(), AddressError> {
    let txn = begin_for(db, user_id).await?;
    let existing = get(&txn, user_id, id).await?;
    addresses::Entity::delete_by_id(existing.id)
        .exec(&txn)
        .await?;
    if existing.is_default {
        let successor = addresses::Entity::find()
            .filter(addresses::Column::UserId.eq(user_id))
            .filter(addresses::Column::Type.eq(existing.r#type.as_str()))
            .order_by_desc(addresses::Column::CreatedAt)
            .order_by_desc(addresses::Column::Id)
            .one(&txn)
            .await?;
        if let Some(successor) = successor {
            let mut active = successor.into_active_model();
            active.is_default = Set(true);
            active.update(&txn).await?;
        }
    }
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> AddressForm {
        AddressForm {
            kind: "shipping".into(),
            first_name: " Ada ".into(),
            last_name: "Lovelace".into(),
            company: "".into(),
            phone: "+44 20 7946 0000".into(),
            address_line1: "12 St James's Square".into(),
            address_line2: "  ".into(),
            city: "London".into(),
            state_province: "".into(),
            postal_code: "sw1y 4lb".into(),
            country_code: "gb".into(),
            make_default: false,
        }
    }

    #[test]
    fn a_valid_address_is_trimmed_and_normalised() {
        let address = Address::parse(&form()).unwrap();
        assert_eq!(address.kind, "shipping");
        assert_eq!(address.first_name, "Ada");
        assert_eq!(address.company, None);
        assert_eq!(address.address_line2, None);
        assert_eq!(address.phone.as_deref(), Some("+442079460000"));
        assert_eq!(address.postal_code, "SW1Y 4LB");
        assert_eq!(address.country_code, "GB");
    }

    #[test]
    fn every_bad_field_gets_its_own_message() {
        let issues = Address::parse(&AddressForm::default()).unwrap_err();
        let found: Vec<_> = issues
            .iter()
            .map(|(field, refusal)| (field.as_str(), refusal.clone()))
            .collect();
        assert_eq!(
            found,
            [
                ("kind", Refusal::AddressKindUnknown),
                ("first_name", Refusal::FirstNameMissing),
                ("last_name", Refusal::LastNameMissing),
                ("address_line1", Refusal::StreetMissing),
                ("city", Refusal::CityMissing),
                ("postal_code", Refusal::PostcodeMissing),
                ("country_code", Refusal::CountryMissing),
            ]
        );
    }

    #[test]
    fn lengths_are_capped_by_their_columns() {
        let cases = [
            (
                AddressForm {
                    first_name: "a".repeat(101),
                    ..form()
                },
                "first_name",
                Refusal::TooLong { max: 100 },
            ),
            (
                AddressForm {
                    address_line1: "a".repeat(256),
                    ..form()
                },
                "address_line1",
                Refusal::TooLong { max: 255 },
            ),
            (
                AddressForm {
                    postal_code: "1".repeat(21),
                    ..form()
                },
                "postal_code",
                Refusal::TooLong { max: 20 },
            ),
            (
                AddressForm {
                    company: "c".repeat(101),
                    ..form()
                },
                "company",
                Refusal::TooLong { max: 100 },
            ),
        ];
        for (form, field, message) in cases {
            let issues = Address::parse(&form).unwrap_err();
            assert_eq!(issues.len(), 1, "{issues:?}");
            assert_eq!(issues[0].0.as_str(), field);
            assert_eq!(issues[0].1, message);
        }
        // Multi-byte characters count as one each.
        assert!(
            Address::parse(&AddressForm {
                city: "é".repeat(100),
                ..form()
            })
            .is_ok()
        );
    }

    #[test]
    fn countries_postcodes_and_types_are_checked() {
        let bad = |form: AddressForm| Address::parse(&form).unwrap_err()[0].1.clone();
        assert_eq!(
            bad(AddressForm {
                country_code: "ZZ".into(),
                ..form()
            }),
            Refusal::CountryUnknown
        );
        assert_eq!(
            bad(AddressForm {
                country_code: "FRA".into(),
                ..form()
            }),
            Refusal::CountryUnknown
        );
        assert_eq!(
            bad(AddressForm {
                postal_code: "75001'; DROP TABLE addresses;--".into(),
                ..form()
            }),
            Refusal::TooLong { max: 20 }
        );
        assert_eq!(
            bad(AddressForm {
                postal_code: "<b>75001</b>".into(),
                ..form()
            }),
            Refusal::PostcodeCharacters
        );
        assert_eq!(
            bad(AddressForm {
                kind: "home".into(),
                ..form()
            }),
            Refusal::AddressKindUnknown
        );
        assert_eq!(
            bad(AddressForm {
                city: "Paris\u{0}".into(),
                ..form()
            }),
            Refusal::TextCharacters
        );
    }

    #[test]
    fn the_country_list_holds_distinct_uppercase_pairs() {
        let mut seen = std::collections::HashSet::new();
        for code in COUNTRY_CODES {
            assert!(code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()));
            assert!(seen.insert(code), "{code} twice");
        }
    }
}
