//! Signing in with an OAuth provider: find the linked account, link a new one, or create
//! a customer. An address that already has a password account is linked only once its
//! owner has signed in with that password (they then connect the provider themselves).

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, DatabaseTransaction, QueryFilter, TransactionTrait,
};
use serde_json::json;

use super::accounts::{NewCustomer, insert_customer};
use super::audit::{self, AuditEntry};
use super::sessions::{self, SessionToken};
use super::{AuthError, RequestContext};
use crate::oauth::OAuthIdentity;
use domain::email::Email;
use entities::{oauth_accounts, users};

pub const OAUTH_LINKED: &str = "auth.oauth_linked";

#[derive(Debug)]
pub enum SocialOutcome {
    SignedIn {
        user: Box<users::Model>,
        token: SessionToken,
    },
    /// A password account has this email: its owner must sign in first.
    LinkRequired,
}

async fn link(
    txn: &DatabaseTransaction,
    user: &users::Model,
    identity: &OAuthIdentity,
    context: &RequestContext,
) -> Result<(), DbErr> {
    oauth_accounts::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user.id),
        provider: Set(identity.provider.clone()),
        provider_account_id: Set(identity.subject.clone()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    audit::record(
        txn,
        AuditEntry {
            action: OAUTH_LINKED,
            actor: Some(user.id),
            entity_type: "user",
            entity_id: user.id,
            old_values: None,
            new_values: Some(json!({ "provider": identity.provider })),
            context,
        },
    )
    .await
}

async fn open_session(
    txn: &DatabaseTransaction,
    user: &users::Model,
    context: &RequestContext,
) -> Result<SessionToken, DbErr> {
    let token = sessions::create(txn, user.id, context).await?;
    audit::record(
        txn,
        AuditEntry {
            action: audit::SIGNED_IN,
            actor: Some(user.id),
            entity_type: "user",
            entity_id: user.id,
            old_values: None,
            new_values: None,
            context,
        },
    )
    .await?;
    Ok(token)
}

/// Signs in (or up) with a provider identity. `current` is the already signed-in user,
/// if any: they are connecting the provider to their account.
pub async fn sign_in_with(
    db: &DatabaseConnection,
    identity: &OAuthIdentity,
    current: Option<users::Model>,
    context: &RequestContext,
) -> Result<SocialOutcome, AuthError> {
    let linked = oauth_accounts::Entity::find()
        .filter(oauth_accounts::Column::Provider.eq(&identity.provider))
        .filter(oauth_accounts::Column::ProviderAccountId.eq(&identity.subject))
        .find_also_related(users::Entity)
        .one(db)
        .await?;
    let txn = db.begin().await?;
    let user = match (linked, current) {
        (Some((_, Some(user))), _) => user,
        (_, Some(current)) => {
            link(&txn, &current, identity, context).await?;
            current
        }
        (_, None) => {
            let email = identity
                .email
                .as_deref()
                .filter(|_| identity.email_verified)
                .map(Email::parse)
                .transpose()
                .map_err(|_| AuthError::UnverifiedProviderEmail)?
                .ok_or(AuthError::UnverifiedProviderEmail)?;
            let existing = users::Entity::find()
                .filter(users::Column::Email.eq(email.as_str()))
                .one(&txn)
                .await?;
            match existing {
                Some(user) if user.password_hash.is_some() => {
                    return Ok(SocialOutcome::LinkRequired);
                }
                Some(user) => {
                    link(&txn, &user, identity, context).await?;
                    user
                }
                None => {
                    let user = insert_customer(
                        &txn,
                        NewCustomer {
                            email: &email,
                            name: identity
                                .name
                                .as_ref()
                                .map(|name| name.chars().take(100).collect()),
                            password_hash: None,
                            email_verified: true,
                            avatar_url: identity.avatar_url.clone().filter(|url| url.len() <= 500),
                        },
                        json!({ "email": email.as_str(), "provider": identity.provider }),
                        context,
                    )
                    .await?;
                    link(&txn, &user, identity, context).await?;
                    user
                }
            }
        }
    };
    let token = open_session(&txn, &user, context).await?;
    txn.commit().await?;
    Ok(SocialOutcome::SignedIn {
        user: Box::new(user),
        token,
    })
}
