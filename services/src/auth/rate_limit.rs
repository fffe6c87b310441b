//! Rate limits on sign-in, registration and password reset, counted from the audit trail
//! so they hold across server instances and restarts: per client IP and per account.

use chrono::{Duration, Utc};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};

use super::{AuthError, RequestContext};
use entities::audit_logs;

/// A limit: at most `max` matching events within `window`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub max: u64,
    pub window: Duration,
}

/// Failed sign-ins against one account.
pub const PER_ACCOUNT: Limit = Limit {
    max: 5,
    window: Duration::minutes(15),
};
/// Failed sign-ins (or registrations) from one IP address.
pub const PER_IP: Limit = Limit {
    max: 20,
    window: Duration::minutes(15),
};

/// Refuses with `RateLimited` when `limit` is reached for events of `action` about
/// `entity_id` (when given) or from the request's IP (when not).
pub async fn check(
    db: &impl ConnectionTrait,
    action: &str,
    entity_id: Option<Uuid>,
    context: &RequestContext,
    limit: Limit,
) -> Result<(), AuthError> {
    let since = Utc::now() - limit.window;
    let mut query = audit_logs::Entity::find()
        .filter(audit_logs::Column::Action.eq(action))
        .filter(audit_logs::Column::CreatedAt.gt(since));
    query = match (entity_id, context.ip) {
        (Some(id), _) => query.filter(audit_logs::Column::EntityId.eq(id)),
        (None, Some(ip)) => query.filter(audit_logs::Column::IpAddress.eq(IpNetwork::from(ip))),
        (None, None) => return Ok(()),
    };
    let recent = query.clone().count(db).await?;
    if recent < limit.max {
        return Ok(());
    }
    // Free again once the oldest counted event leaves the window.
    let oldest = query
        .order_by_desc(audit_logs::Column::CreatedAt)
        .offset(limit.max - 1)
        .one(db)
        .await?;
    let retry_after_secs = oldest
        .map(|event| {
            let frees_at = event.created_at.with_timezone(&Utc) + limit.window;
            (frees_at - Utc::now()).num_seconds().max(1) as u64
        })
        .unwrap_or(limit.window.num_seconds() as u64);
    Err(AuthError::RateLimited { retry_after_secs })
}
