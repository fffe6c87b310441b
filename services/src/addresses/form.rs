//! The address form: every field trimmed, checked and fitted to its column, each
//! problem reported on its own field.

use sea_orm::ActiveValue::Set;

use super::{AddressField, COUNTRY_CODES, FieldIssues, KINDS};
use crate::profile::parse_phone;
use domain::Refusal;
use entities::addresses;

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
    crate::text::line(input, max)
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

    pub(super) fn apply(self, active: &mut addresses::ActiveModel) {
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
}
