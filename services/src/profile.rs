//! Account settings: the profile (name, phone, preferred currency and language, time
//! zone), the accounts connected for social sign-in, and changing the password.
//!
//! Form input is parsed into a [`Profile`] first; every field that fails gets its own
//! message, so a form can show them all at once. Nothing is written unless all parse.

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, IntoActiveModel, QueryFilter, QueryOrder,
    TransactionTrait,
};
use serde_json::json;

use crate::auth::accounts::parse_name;
use crate::auth::audit::{self, AuditEntry};
use crate::auth::rate_limit::{self, Attempt, Key, PER_ACCOUNT};
use crate::auth::sessions::SessionToken;
use crate::auth::{AuthError, RequestContext};
use crate::password::{self, HashError};
use domain::Refusal;
use domain::email::Email;
use domain::password::NewPassword;
use entities::{oauth_accounts, sessions, users};

/// Currencies a shopper can see prices in (ISO 4217).
pub const CURRENCIES: [&str; 5] = ["USD", "EUR", "GBP", "CHF", "JPY"];
/// Languages the store is translated into (ISO 639-1).
pub const LANGUAGES: [&str; 3] = ["en", "fr", "it"];
/// `users.timezone` is `varchar(50)`.
pub const TIMEZONE_MAX_LEN: usize = 50;
/// The first part of every IANA zone name with a `/` (`Europe/Paris`, `Etc/GMT+1`).
const TIMEZONE_AREAS: [&str; 11] = [
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Etc",
    "Europe",
    "Indian",
    "Pacific",
];
const PHONE_MIN_DIGITS: usize = 7;
const PHONE_MAX_DIGITS: usize = 20;

/// A field of the settings forms; `as_str` is the form field's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileField {
    Name,
    Phone,
    Currency,
    Language,
    Timezone,
    CurrentPassword,
    NewPassword,
}

impl ProfileField {
    pub fn as_str(self) -> &'static str {
        match self {
            ProfileField::Name => "name",
            ProfileField::Phone => "phone",
            ProfileField::Currency => "preferred_currency",
            ProfileField::Language => "preferred_language",
            ProfileField::Timezone => "timezone",
            ProfileField::CurrentPassword => "current_password",
            ProfileField::NewPassword => "new_password",
        }
    }
}

/// Messages for the fields that did not parse, in form order.
pub type FieldIssues = Vec<(ProfileField, Refusal)>;

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("Please correct the highlighted fields.")]
    Invalid(FieldIssues),
    #[error("Too many attempts. Try again in {retry_after_secs} seconds.")]
    RateLimited { retry_after_secs: u64 },
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] DbErr),
    #[error("Something went wrong on our side. Please try again.")]
    Hashing(#[from] HashError),
}

impl ProfileError {
    /// The typed reason for the whole form (field issues carry their own).
    pub fn refusal(&self) -> Refusal {
        match self {
            ProfileError::RateLimited { retry_after_secs } => Refusal::RateLimited {
                seconds: *retry_after_secs,
            },
            ProfileError::Invalid(_) | ProfileError::Internal(_) | ProfileError::Hashing(_) => {
                Refusal::Internal
            }
        }
    }
}

impl From<AuthError> for ProfileError {
    /// Only the rate limiter's errors reach here.
    fn from(error: AuthError) -> Self {
        match error {
            AuthError::RateLimited { retry_after_secs } => {
                ProfileError::RateLimited { retry_after_secs }
            }
            AuthError::Internal(error) => ProfileError::Internal(error),
            other => ProfileError::Internal(DbErr::Custom(other.to_string())),
        }
    }
}

/// A phone number, E.164-ish: 7 to 20 digits, an optional leading `+`, spaces allowed
/// anywhere. Empty means none. Stored without the spaces (`+33123456789`).
pub fn parse_phone(input: &str) -> Result<Option<String>, Refusal> {
    let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Ok(None);
    }
    let digits = compact.strip_prefix('+').unwrap_or(&compact);
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(Refusal::PhoneCharacters);
    }
    if !(PHONE_MIN_DIGITS..=PHONE_MAX_DIGITS).contains(&digits.len()) {
        return Err(Refusal::PhoneLength);
    }
    Ok(Some(compact))
}

/// One of [`CURRENCIES`], case-insensitively.
pub fn parse_currency(input: &str) -> Result<&'static str, Refusal> {
    let wanted = input.trim().to_ascii_uppercase();
    CURRENCIES
        .into_iter()
        .find(|code| *code == wanted)
        .ok_or(Refusal::CurrencyUnknown)
}

/// One of [`LANGUAGES`], case-insensitively.
pub fn parse_language(input: &str) -> Result<&'static str, Refusal> {
    let wanted = input.trim().to_ascii_lowercase();
    LANGUAGES
        .into_iter()
        .find(|code| *code == wanted)
        .ok_or(Refusal::LanguageUnknown)
}

/// An IANA-looking time zone name: `UTC`, `GMT`, or `Area/Location[/Location]` where
/// the area is one of the tz database's and each part starts with a letter and holds
/// only ASCII letters, digits, `_`, `-` and `+`. No tz database is consulted.
pub fn parse_timezone(input: &str) -> Result<String, Refusal> {
    let zone = input.trim();
    if zone.is_empty() {
        return Err(Refusal::TimezoneMissing);
    }
    if zone.chars().count() > TIMEZONE_MAX_LEN {
        return Err(Refusal::TooLong {
            max: TIMEZONE_MAX_LEN as u32,
        });
    }
    if zone == "UTC" || zone == "GMT" {
        return Ok(zone.to_string());
    }
    let mut parts = zone.split('/');
    let area = parts.next().unwrap_or_default();
    let locations: Vec<&str> = parts.collect();
    let well_formed = TIMEZONE_AREAS.contains(&area)
        && (1..=2).contains(&locations.len())
        && locations.iter().all(|part| {
            part.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-+".contains(c))
        });
    if well_formed {
        Ok(zone.to_string())
    } else {
        Err(Refusal::TimezoneUnknown)
    }
}

/// What the profile form sends.
#[derive(Clone, Debug, Default)]
pub struct ProfileForm {
    pub name: String,
    pub phone: String,
    pub preferred_currency: String,
    pub preferred_language: String,
    pub timezone: String,
}

/// A profile whose every field is valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    pub phone: Option<String>,
    pub preferred_currency: &'static str,
    pub preferred_language: &'static str,
    pub timezone: String,
}

impl Profile {
    /// Parses every field, collecting each failure with its own message.
    pub fn parse(form: &ProfileForm) -> Result<Self, FieldIssues> {
        let name = parse_name(&form.name).map_err(|error| (ProfileField::Name, error.refusal()));
        let phone = parse_phone(&form.phone).map_err(|m| (ProfileField::Phone, m));
        let currency =
            parse_currency(&form.preferred_currency).map_err(|m| (ProfileField::Currency, m));
        let language =
            parse_language(&form.preferred_language).map_err(|m| (ProfileField::Language, m));
        let timezone = parse_timezone(&form.timezone).map_err(|m| (ProfileField::Timezone, m));
        match (name, phone, currency, language, timezone) {
            (Ok(name), Ok(phone), Ok(currency), Ok(language), Ok(timezone)) => Ok(Profile {
                name,
                phone,
                preferred_currency: currency,
                preferred_language: language,
                timezone,
            }),
            (name, phone, currency, language, timezone) => {
                let mut issues = FieldIssues::new();
                issues.extend(name.err());
                issues.extend(phone.err());
                issues.extend(currency.err());
                issues.extend(language.err());
                issues.extend(timezone.err());
                Err(issues)
            }
        }
    }
}

/// Saves the profile of `user` when every field is valid; stores nothing otherwise.
pub async fn update_profile(
    db: &DatabaseConnection,
    user: users::Model,
    form: &ProfileForm,
) -> Result<users::Model, ProfileError> {
    let profile = Profile::parse(form).map_err(ProfileError::Invalid)?;
    let mut active = user.into_active_model();
    active.name = Set(Some(profile.name));
    active.phone = Set(profile.phone);
    active.preferred_currency = Set(profile.preferred_currency.to_owned());
    active.preferred_language = Set(profile.preferred_language.to_owned());
    active.timezone = Set(profile.timezone);
    Ok(active.update(db).await?)
}

/// Stores the language the shopper chose with the storefront's switcher.
pub async fn set_preferred_language(
    db: &DatabaseConnection,
    user_id: Uuid,
    language: &str,
) -> Result<(), ProfileError> {
    let language = parse_language(language)
        .map_err(|issue| ProfileError::Invalid(vec![(ProfileField::Language, issue)]))?;
    users::Entity::update_many()
        .col_expr(users::Column::PreferredLanguage, Expr::value(language))
        .filter(users::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The providers (`google`, `github`, ...) `user_id` can sign in with, oldest first.
pub async fn connected_providers(
    db: &DatabaseConnection,
    user_id: Uuid,
) -> Result<Vec<String>, DbErr> {
    Ok(oauth_accounts::Entity::find()
        .filter(oauth_accounts::Column::UserId.eq(user_id))
        .order_by_asc(oauth_accounts::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|account| account.provider)
        .collect())
}

/// What the change-password form sends.
#[derive(Clone, Default)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

impl std::fmt::Debug for PasswordChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordChange(***)")
    }
}

/// Changes the password of `user` once the current one is proven, ends every other
/// session of theirs (the one behind `keep` stays signed in) and audits it: one
/// transaction. Wrong current passwords are audited and rate limited like sign-ins.
pub async fn change_password(
    db: &DatabaseConnection,
    user: users::Model,
    keep: &SessionToken,
    change: &PasswordChange,
    context: &RequestContext,
) -> Result<users::Model, ProfileError> {
    // Counted (and recorded as a wrong guess) before the current password is checked.
    let attempt = rate_limit::attempt(
        db,
        Attempt {
            action: audit::PASSWORD_CHANGE_FAILED,
            entity_type: "user",
            subject: user.id,
            actor: Some(user.id),
            context,
        },
        &[(Key::SubjectFromNetwork, PER_ACCOUNT)],
    )
    .await?;

    let mut issues = FieldIssues::new();
    let mut wrong_current = false;
    let current_ok = match user.password_hash.as_deref() {
        None => {
            issues.push((ProfileField::CurrentPassword, Refusal::NoPasswordToChange));
            false
        }
        Some(_) if change.current_password.is_empty() => {
            issues.push((
                ProfileField::CurrentPassword,
                Refusal::CurrentPasswordMissing,
            ));
            false
        }
        Some(stored) => {
            let matches = password::verify(&change.current_password, stored).await;
            if !matches {
                wrong_current = true;
                issues.push((ProfileField::CurrentPassword, Refusal::CurrentPasswordWrong));
            }
            matches
        }
    };
    let email = Email::parse(&user.email).ok();
    match NewPassword::parse(&change.new_password, email.as_ref().map(Email::local_part)) {
        Err(error) => issues.push((ProfileField::NewPassword, Refusal::Password(error))),
        Ok(_) if current_ok && change.new_password == change.current_password => {
            issues.push((ProfileField::NewPassword, Refusal::SamePassword))
        }
        Ok(_) => {}
    }
    if !wrong_current {
        rate_limit::forgive(db, attempt).await?;
    }
    if !issues.is_empty() {
        return Err(ProfileError::Invalid(issues));
    }

    let password_hash = password::hash(&change.new_password).await?;
    let txn = db.begin().await?;
    let ended = sessions::Entity::delete_many()
        .filter(sessions::Column::UserId.eq(user.id))
        .filter(sessions::Column::SessionToken.ne(keep.hash()))
        .exec(&txn)
        .await?
        .rows_affected;
    let mut active = user.into_active_model();
    active.password_hash = Set(Some(password_hash));
    let user = active.update(&txn).await?;
    audit::record(
        &txn,
        AuditEntry {
            action: audit::PASSWORD_CHANGED,
            actor: Some(user.id),
            entity_type: "user",
            entity_id: user.id,
            old_values: None,
            new_values: Some(json!({ "other_sessions_ended": ended })),
            context,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ProfileForm {
        ProfileForm {
            name: "Ada Lovelace".into(),
            phone: "+33 1 23 45 67 89".into(),
            preferred_currency: "EUR".into(),
            preferred_language: "fr".into(),
            timezone: "Europe/Paris".into(),
        }
    }

    #[test]
    fn a_valid_profile_is_normalised() {
        let profile = Profile::parse(&form()).unwrap();
        assert_eq!(profile.phone.as_deref(), Some("+33123456789"));
        assert_eq!(profile.preferred_currency, "EUR");
        assert_eq!(profile.preferred_language, "fr");
        assert_eq!(profile.timezone, "Europe/Paris");
        let blank_phone = ProfileForm {
            phone: "   ".into(),
            ..form()
        };
        assert_eq!(Profile::parse(&blank_phone).unwrap().phone, None);
    }

    #[test]
    fn phones_are_checked() {
        assert_eq!(parse_phone("0123456").unwrap().as_deref(), Some("0123456"));
        assert_eq!(
            parse_phone(" +1 212 555 0100 ").unwrap().as_deref(),
            Some("+12125550100")
        );
        for bad in [
            "12-34-56-78",
            "call me",
            "++33123456",
            "1'; DROP TABLE users;--",
        ] {
            assert_eq!(parse_phone(bad), Err(Refusal::PhoneCharacters), "{bad}");
        }
        assert_eq!(parse_phone("+123456"), Err(Refusal::PhoneLength));
        assert_eq!(parse_phone(&"1".repeat(21)), Err(Refusal::PhoneLength));
    }

    #[test]
    fn currencies_and_languages_come_from_fixed_lists() {
        assert_eq!(parse_currency("gbp"), Ok("GBP"));
        assert!(parse_currency("BTC").is_err());
        assert!(parse_currency("").is_err());
        assert_eq!(parse_language("IT"), Ok("it"));
        assert!(parse_language("de").is_err());
    }

    #[test]
    fn time_zones_look_like_iana_names() {
        for ok in [
            "UTC",
            "Europe/Paris",
            "America/Argentina/Buenos_Aires",
            "America/Port-au-Prince",
            "Etc/GMT+5",
        ] {
            assert_eq!(parse_timezone(ok).as_deref(), Ok(ok));
        }
        assert!(parse_timezone("").is_err());
        for bad in [
            "Paris",
            "Europe/",
            "Mars/Olympus_Mons",
            "Europe/Paris/Left/Bank",
            "Europe/<script>",
            "Europe/Paris'; DROP TABLE users;--",
            "Europe/1Paris",
        ] {
            assert_eq!(parse_timezone(bad), Err(Refusal::TimezoneUnknown), "{bad}");
        }
        assert_eq!(
            parse_timezone(&format!("Europe/{}", "A".repeat(50))),
            Err(Refusal::TooLong { max: 50 })
        );
    }

    #[test]
    fn every_bad_field_gets_its_own_message() {
        let issues = Profile::parse(&ProfileForm {
            name: " ".into(),
            phone: "abc".into(),
            preferred_currency: "BTC".into(),
            preferred_language: "de".into(),
            timezone: "Nowhere".into(),
        })
        .unwrap_err();
        let fields: Vec<_> = issues.iter().map(|(field, _)| field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "name",
                "phone",
                "preferred_currency",
                "preferred_language",
                "timezone"
            ]
        );
    }

    #[test]
    fn password_changes_never_show_in_debug_output() {
        let change = PasswordChange {
            current_password: "secret one".into(),
            new_password: "secret two".into(),
        };
        assert_eq!(format!("{change:?}"), "PasswordChange(***)");
    }
}
