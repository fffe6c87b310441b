//! The audit trail (`audit_logs`): every sign-in, failure, sign-out, registration and
//! role change. Never the password, never a token.

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, ConnectionTrait};

use super::RequestContext;
use domain::email::Email;
use entities::audit_logs;

pub const SIGNED_IN: &str = "auth.signed_in";
pub const SIGN_IN_FAILED: &str = "auth.sign_in_failed";
pub const SIGNED_OUT: &str = "auth.signed_out";
pub const REGISTERED: &str = "auth.registered";
pub const ROLE_CHANGED: &str = "user.role_changed";
pub const PASSWORD_CHANGED: &str = "auth.password_changed";
/// A wrong current password on the change-password form (rate limited like sign-ins).
pub const PASSWORD_CHANGE_FAILED: &str = "auth.password_change_failed";
/// Every registration attempt, successful or not (limited per network, so the form
/// cannot be used without limit to learn which addresses have accounts).
pub const REGISTRATION_ATTEMPTED: &str = "auth.registration_attempted";
/// A verification email sent again on request.
pub const VERIFICATION_RESENT: &str = "auth.verification_resent";

/// Audit rows about an email address (whether or not an account has it) use this id,
/// so attempts against one address can be counted without storing it in clear.
pub fn email_entity_id(email: &Email) -> Uuid {
    const NAMESPACE: Uuid = Uuid::from_u128(0x6c75_7865_7665_7273_652e_6175_6469_7401);
    Uuid::new_v5(&NAMESPACE, email.as_str().as_bytes())
}

pub struct AuditEntry<'a> {
    pub action: &'static str,
    pub actor: Option<Uuid>,
    pub entity_type: &'static str,
    pub entity_id: Uuid,
    pub old_values: Option<Json>,
    pub new_values: Option<Json>,
    pub context: &'a RequestContext,
}

pub async fn record(db: &impl ConnectionTrait, entry: AuditEntry<'_>) -> Result<(), DbErr> {
    record_returning_id(db, entry).await.map(drop)
}

/// Records `entry` and returns its row's id.
pub async fn record_returning_id(
    db: &impl ConnectionTrait,
    entry: AuditEntry<'_>,
) -> Result<Uuid, DbErr> {
    let id = Uuid::new_v4();
    audit_logs::ActiveModel {
        id: Set(id),
        user_id: Set(entry.actor),
        action: Set(entry.action.to_owned()),
        entity_type: Set(entry.entity_type.to_owned()),
        entity_id: Set(entry.entity_id),
        old_values: Set(entry.old_values),
        new_values: Set(entry.new_values),
        ip_address: Set(entry.context.ip.map(IpNetwork::from)),
        user_agent: Set(entry
            .context
            .user_agent
            .as_ref()
            .map(|agent| agent.chars().take(500).collect())),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(id)
}
