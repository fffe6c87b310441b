//! The provider's answer about the user (OpenID Connect userinfo, or GitHub's `/user` and
//! `/user/emails`) mapped to a provider-neutral [`OAuthIdentity`].

use serde_json::Value;

use super::providers::UserInfoStyle;
use super::{OAuthError, OAuthIdentity};

/// Maps the provider's user JSON (OpenID Connect userinfo or GitHub's `/user`, plus
/// GitHub's `/user/emails` when given) to an identity.
pub(super) fn identity_from_user(
    provider: &str,
    style: UserInfoStyle,
    user: &Value,
    github_emails: Option<&Value>,
) -> Result<OAuthIdentity, OAuthError> {
    let text = |key: &str| {
        user.get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_owned)
    };
    let subject = match (style, user.get("sub"), user.get("id")) {
        (UserInfoStyle::OpenIdConnect, Some(Value::String(sub)), _) => Some(sub.clone()),
        (_, _, Some(Value::Number(id))) => Some(id.to_string()),
        (_, _, Some(Value::String(id))) => Some(id.clone()),
        (_, Some(Value::String(sub)), _) => Some(sub.clone()),
        _ => None,
    }
    .filter(|subject| !subject.is_empty());
    let Some(subject) = subject else {
        tracing::warn!(provider, "OAuth user response has no `sub` or `id`");
        return Err(OAuthError::InvalidResponse);
    };

    let (email, email_verified) = match style {
        UserInfoStyle::OpenIdConnect => {
            let verified = ["email_verified", "verified_email"]
                .iter()
                .find_map(|key| user.get(*key))
                .is_some_and(is_true);
            (text("email"), verified)
        }
        UserInfoStyle::GitHub => match github_emails.and_then(primary_verified_github_email) {
            Some(email) => (Some(email), true),
            // The public profile address, which GitHub does not vouch for.
            None => (text("email"), false),
        },
    };

    Ok(OAuthIdentity {
        provider: provider.to_owned(),
        subject,
        email,
        email_verified,
        name: text("name")
            .or_else(|| text("preferred_username"))
            .or_else(|| text("login")),
        avatar_url: text("picture").or_else(|| text("avatar_url")),
    })
}

/// `true`, or the string `"true"` that some providers send.
fn is_true(value: &Value) -> bool {
    match value {
        Value::Bool(value) => *value,
        Value::String(value) => value.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

/// From `[{"email", "primary", "verified", ...}]`: the primary address if it is verified.
fn primary_verified_github_email(emails: &Value) -> Option<String> {
    emails
        .as_array()?
        .iter()
        .find(|entry| entry.get("primary").is_some_and(is_true))
        .filter(|entry| entry.get("verified").is_some_and(is_true))
        .and_then(|entry| entry.get("email")?.as_str())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn oauth_maps_openid_connect_userinfo() {
        let user = json!({
            "sub": "1099",
            "email": "ada@example.com",
            "email_verified": true,
            "name": "Ada Lovelace",
            "picture": "https://cdn.example/ada.png",
            "id": 7
        });
        let identity =
            identity_from_user("google", UserInfoStyle::OpenIdConnect, &user, None).unwrap();
        assert_eq!(
            identity,
            OAuthIdentity {
                provider: "google".into(),
                subject: "1099".into(),
                email: Some("ada@example.com".into()),
                email_verified: true,
                name: Some("Ada Lovelace".into()),
                avatar_url: Some("https://cdn.example/ada.png".into()),
            }
        );

        // Some providers send the flag as a string, or not at all.
        let user = json!({"sub": "x", "email": "x@example.com", "email_verified": "true"});
        let identity = identity_from_user("acme", UserInfoStyle::OpenIdConnect, &user, None);
        assert!(identity.unwrap().email_verified);
        let user = json!({"sub": "x", "email": "x@example.com", "preferred_username": "xy"});
        let identity =
            identity_from_user("acme", UserInfoStyle::OpenIdConnect, &user, None).unwrap();
        assert!(!identity.email_verified);
        assert_eq!(identity.name.as_deref(), Some("xy"));
        assert_eq!(identity.avatar_url, None);
    }

    #[test]
    fn oauth_maps_github_users_with_their_primary_verified_email() {
        let user = json!({
            "id": 583231,
            "login": "octocat",
            "name": null,
            "email": "public@example.com",
            "avatar_url": "https://avatars.githubusercontent.com/u/583231"
        });
        let emails = json!([
            {"email": "old@example.com", "primary": false, "verified": true},
            {"email": "octo@example.com", "primary": true, "verified": true, "visibility": null}
        ]);
        let identity =
            identity_from_user("github", UserInfoStyle::GitHub, &user, Some(&emails)).unwrap();
        assert_eq!(
            identity,
            OAuthIdentity {
                provider: "github".into(),
                subject: "583231".into(),
                email: Some("octo@example.com".into()),
                email_verified: true,
                name: Some("octocat".into()),
                avatar_url: Some("https://avatars.githubusercontent.com/u/583231".into()),
            }
        );

        let unverified = json!([{"email": "octo@example.com", "primary": true, "verified": false}]);
        for emails in [Some(&unverified), None] {
            let identity =
                identity_from_user("github", UserInfoStyle::GitHub, &user, emails).unwrap();
            assert_eq!(identity.email.as_deref(), Some("public@example.com"));
            assert!(!identity.email_verified);
        }
    }

    #[test]
    fn oauth_a_user_without_an_id_is_an_invalid_response() {
        let user = json!({"email": "x@example.com", "email_verified": true});
        for style in [UserInfoStyle::OpenIdConnect, UserInfoStyle::GitHub] {
            assert_eq!(
                identity_from_user("acme", style, &user, None),
                Err(OAuthError::InvalidResponse)
            );
        }
        let user = json!({"sub": ""});
        assert_eq!(
            identity_from_user("acme", UserInfoStyle::OpenIdConnect, &user, None),
            Err(OAuthError::InvalidResponse)
        );
    }
}
