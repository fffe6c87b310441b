//! Changing a user's role: admins only (checked by the caller), always audited.

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, IntoActiveModel, QueryFilter, TransactionTrait,
};
use serde_json::json;

use super::RequestContext;
use super::audit::{self, AuditEntry};
use domain::email::Email;
use entities::sea_orm_active_enums::UserRole;
use entities::users;

#[derive(Debug, thiserror::Error)]
pub enum RoleError {
    #[error("There is no account with that email.")]
    UnknownUser,
    #[error("Unknown role `{0}`.")]
    UnknownRole(String),
    #[error("Only a super admin can grant or remove admin roles.")]
    NotAllowed,
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] DbErr),
}

impl RoleError {
    /// The refusal to show; `Internal` for database faults.
    pub fn refusal(&self) -> domain::Refusal {
        use domain::Refusal;
        match self {
            RoleError::UnknownUser => Refusal::UnknownUser,
            RoleError::UnknownRole(role) => Refusal::UnknownRole { role: role.clone() },
            RoleError::NotAllowed => Refusal::SuperAdminOnly,
            RoleError::Internal(_) => Refusal::Internal,
        }
    }
}

pub fn parse_role(role: &str) -> Option<UserRole> {
    match role {
        "GUEST" => Some(UserRole::Guest),
        "CUSTOMER" => Some(UserRole::Customer),
        "VIP" => Some(UserRole::Vip),
        "ADMIN" => Some(UserRole::Admin),
        "SUPER_ADMIN" => Some(UserRole::SuperAdmin),
        _ => None,
    }
}

fn is_admin_role(role: UserRole) -> bool {
    matches!(role, UserRole::Admin | UserRole::SuperAdmin)
}

/// Sets `email`'s role to `role` on behalf of `admin`. Granting or removing admin roles
/// takes a super admin.
pub async fn set_role(
    db: &DatabaseConnection,
    admin: &users::Model,
    email: &str,
    role: &str,
    context: &RequestContext,
) -> Result<(), RoleError> {
    let new_role = parse_role(role).ok_or_else(|| RoleError::UnknownRole(role.to_string()))?;
    let email = Email::parse(email).map_err(|_| RoleError::UnknownUser)?;
    let user = users::Entity::find()
        .filter(users::Column::Email.eq(email.as_str()))
        .one(db)
        .await?
        .ok_or(RoleError::UnknownUser)?;
    let touches_admin = is_admin_role(new_role) || is_admin_role(user.role);
    if touches_admin && admin.role != UserRole::SuperAdmin {
        return Err(RoleError::NotAllowed);
    }
    let old_role = user.role;
    let txn = db.begin().await?;
    let mut active = user.into_active_model();
    active.role = Set(new_role);
    let user = active.update(&txn).await?;
    audit::record(
        &txn,
        AuditEntry {
            action: audit::ROLE_CHANGED,
            actor: Some(admin.id),
            entity_type: "user",
            entity_id: user.id,
            old_values: Some(json!({ "role": old_role })),
            new_values: Some(json!({ "role": new_role })),
            context,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
