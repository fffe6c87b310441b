//! What the store tells a shopper unprompted: order updates, price drops, restocks. A
//! notification is a row of `notifications` written in the same transaction as the
//! change it reports, worded in the recipient's language ([`copy`]), on the channels
//! their [`preferences`] allow; the email channel is sent later by the [`outbox`] job.
//! The shopper reads them newest first (expired ones hidden), marks them read one by one
//! or all at once; someone else's notification is reported as missing.

pub mod copy;
pub mod outbox;
pub mod preferences;

use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, Condition, ConnectionTrait, QueryFilter, Statement};

use copy::{Event, words};
use domain::Refusal;
use domain::locale::Locale;
use domain::read::notifications::Topic;
use entities::sea_orm_active_enums::{NotificationType, UserRole};
use entities::{notifications, users};
pub use preferences::Preferences;

/// How long an alert stays in the list.
const ALERT_LIFETIME_DAYS: i64 = 30;
/// The most notifications one page shows.
pub const PAGE: u64 = 20;

#[derive(Debug, thiserror::Error)]
pub enum NotificationError {
    #[error("We could not find that notification.")]
    NotFound,
    #[error("That page of notifications does not exist.")]
    BadCursor,
    #[error("That link is not valid.")]
    LinkInvalid,
    #[error("Something went wrong on our side. Please try again.")]
    Internal(#[from] DbErr),
}

impl NotificationError {
    pub fn refusal(&self) -> Refusal {
        match self {
            NotificationError::NotFound => Refusal::NotificationNotFound,
            NotificationError::BadCursor => Refusal::FilterInvalid {
                param: "after".into(),
            },
            NotificationError::LinkInvalid => Refusal::LinkInvalid,
            NotificationError::Internal(_) => Refusal::Internal,
        }
    }
}

pub fn topic_of(kind: NotificationType) -> Topic {
    match kind {
        NotificationType::OrderUpdate => Topic::Order,
        NotificationType::PriceDrop => Topic::PriceDrop,
        NotificationType::BackInStock => Topic::BackInStock,
        NotificationType::ExclusiveAccess => Topic::ExclusiveAccess,
        NotificationType::MembershipUpdate => Topic::Membership,
        NotificationType::AiRecommendation => Topic::Recommendations,
        NotificationType::SocialInteraction => Topic::Social,
        NotificationType::LiveEvent => Topic::Live,
    }
}

pub fn type_of(topic: Topic) -> NotificationType {
    match topic {
        Topic::Order => NotificationType::OrderUpdate,
        Topic::PriceDrop => NotificationType::PriceDrop,
        Topic::BackInStock => NotificationType::BackInStock,
        Topic::ExclusiveAccess => NotificationType::ExclusiveAccess,
        Topic::Membership => NotificationType::MembershipUpdate,
        Topic::Recommendations => NotificationType::AiRecommendation,
        Topic::Social => NotificationType::SocialInteraction,
        Topic::Live => NotificationType::LiveEvent,
    }
}

/// A notification to write.
#[derive(Clone, Debug)]
pub struct NewNotification<'a> {
    pub user_id: Uuid,
    pub topic: Topic,
    pub event: Event<'a>,
    pub order_id: Option<Uuid>,
    pub product_id: Option<Uuid>,
    /// A path in the store.
    pub action_url: Option<String>,
    /// False where the email is sent another way (the order confirmation).
    pub email: bool,
}

/// Writes `new` for its user on the channels they allow; `None` when they allow none,
/// or the user is a guest or gone.
pub async fn notify(
    db: &impl ConnectionTrait,
    new: NewNotification<'_>,
) -> Result<Option<notifications::Model>, DbErr> {
    let Some(user) = users::Entity::find_by_id(new.user_id).one(db).await? else {
        return Ok(None);
    };
    if user.role == UserRole::Guest || user.deleted_at.is_some() {
        return Ok(None);
    }
    let mut channels = Preferences::of(&user).channels(new.topic);
    if !new.email {
        channels.retain(|channel| channel != "email");
    }
    if channels.is_empty() {
        return Ok(None);
    }
    let locale = Locale::parse(&user.preferred_language).unwrap_or_default();
    let text = words(locale, &new.event);
    let now = Utc::now();
    let row = notifications::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user.id),
        r#type: Set(type_of(new.topic)),
        title: Set(text.title.chars().take(255).collect()),
        message: Set(text.message),
        order_id: Set(new.order_id),
        product_id: Set(new.product_id),
        channels: Set(channels),
        is_read: Set(false),
        action_url: Set(new.action_url),
        action_label: Set(Some(text.action.to_string())),
        expires_at: Set(new
            .topic
            .is_alert()
            .then(|| (now + Duration::days(ALERT_LIFETIME_DAYS)).into())),
        created_at: Set(now.into()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Some(row))
}

/// Tells `order`'s owner about a step of it, linking to the order (by email too unless
/// `email` is false).
pub async fn order_update(
    db: &impl ConnectionTrait,
    order: &entities::orders::Model,
    event: Event<'_>,
    email: bool,
) -> Result<(), DbErr> {
    notify(
        db,
        NewNotification {
            user_id: order.user_id,
            topic: Topic::Order,
            event,
            order_id: Some(order.id),
            product_id: None,
            action_url: Some(format!("/account/orders/{}", order.order_number)),
            email,
        },
    )
    .await
    .map(|_| ())
}

/// Notifications the list shows: the app channel's, not expired.
fn shown(user_id: Uuid, now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(notifications::Column::UserId.eq(user_id))
        .add(Expr::cust("'in_app' = ANY(channels)"))
        .add(
            Condition::any()
                .add(notifications::Column::ExpiresAt.is_null())
                .add(notifications::Column::ExpiresAt.gt(now)),
        )
}

/// `user_id`'s unread notifications that have not expired.
pub async fn unread_count(db: &impl ConnectionTrait, user_id: Uuid) -> Result<u64, DbErr> {
    notifications::Entity::find()
        .filter(shown(user_id, Utc::now()))
        .filter(notifications::Column::IsRead.eq(false))
        .count(db)
        .await
}

/// A page of `user_id`'s notifications, newest first.
#[derive(Clone, Debug, Default)]
pub struct NotificationList {
    pub items: Vec<notifications::Model>,
    pub next: Option<String>,
    pub unread: u64,
}

/// The page after `after` (a `next` given out before), `limit` long (at most [`PAGE`]).
pub async fn list(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    after: Option<&str>,
    limit: u64,
) -> Result<NotificationList, NotificationError> {
    use sea_orm::{QueryOrder, QuerySelect};
    let limit = limit.clamp(1, PAGE);
    let mut query = notifications::Entity::find().filter(shown(user_id, Utc::now()));
    if let Some(after) = after {
        let (at, id) = parse_cursor(after).ok_or(NotificationError::BadCursor)?;
        query = query.filter(Expr::cust_with_values(
            "(created_at, id) < ($1, $2)",
            [Value::from(at), Value::from(id)],
        ));
    }
    let mut items = query
        .order_by_desc(notifications::Column::CreatedAt)
        .order_by_desc(notifications::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let next = (items.len() as u64 > limit).then(|| {
        items.truncate(limit as usize);
        let last = items.last().expect("a full page");
        format!(
            "{}~{}",
            DateTime::<Utc>::from(last.created_at).timestamp_micros(),
            last.id.simple()
        )
    });
    Ok(NotificationList {
        items,
        next,
        unread: unread_count(db, user_id).await?,
    })
}

fn parse_cursor(cursor: &str) -> Option<(DateTime<Utc>, Uuid)> {
    let (micros, id) = cursor.trim().split_once('~')?;
    let at = DateTime::<Utc>::from_timestamp_micros(micros.parse().ok()?)?;
    Some((at, Uuid::parse_str(id).ok()?))
}

/// Marks one of `user_id`'s notifications read.
pub async fn mark_read(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    id: &str,
) -> Result<(), NotificationError> {
    let id = Uuid::parse_str(id.trim()).map_err(|_| NotificationError::NotFound)?;
    let done = db
        .execute_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "UPDATE notifications SET is_read = TRUE, read_at = COALESCE(read_at, now()) \
             WHERE id = $1 AND user_id = $2",
            [id.into(), user_id.into()],
        ))
        .await?;
    if done.rows_affected() == 0 {
        return Err(NotificationError::NotFound);
    }
    Ok(())
}

/// Marks all of `user_id`'s notifications read; how many were unread.
pub async fn mark_all_read(db: &impl ConnectionTrait, user_id: Uuid) -> Result<u64, DbErr> {
    Ok(db
        .execute_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "UPDATE notifications SET is_read = TRUE, read_at = now() \
             WHERE user_id = $1 AND NOT is_read",
            [user_id.into()],
        ))
        .await?
        .rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_and_topics_map_both_ways() {
        for topic in Topic::ALL {
            assert_eq!(topic_of(type_of(topic)), topic);
        }
    }

    #[test]
    fn cursors_round_trip_and_refuse_anything_else() {
        let at = DateTime::<Utc>::from_timestamp_micros(1_764_000_000_123_456).unwrap();
        let id = Uuid::new_v4();
        let cursor = format!("{}~{}", at.timestamp_micros(), id.simple());
        assert_eq!(parse_cursor(&cursor), Some((at, id)));
        assert_eq!(parse_cursor("yesterday"), None);
        assert_eq!(parse_cursor("12~not-a-uuid"), None);
    }
}
