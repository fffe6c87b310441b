//! The shopper's notifications as server functions: the bell's count, a page of them,
//! marking them read, the preferences per topic and channel, and the signed unsubscribe
//! link from an email. Each finds the signed-in account (401 otherwise) and calls one
//! service in `services::notifications`; someone else's notification answers 404.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::ApiError;
use crate::api::account::SaveOutcome;
pub use domain::read::notifications::*;

/// One topic's choices as the preferences form posts them (a checkbox sends `true`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreferenceForm {
    pub topic: String,
    #[serde(default)]
    pub in_app: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

#[cfg(feature = "ssr")]
mod server {
    use domain::read::notifications::{NotificationDto, PreferenceDto, Topic};
    use entities::notifications;
    use services::notifications::topic_of;

    use crate::api::dates::{Clock, iso};

    pub fn dto(row: notifications::Model, clock: &Clock) -> NotificationDto {
        NotificationDto {
            id: row.id.to_string(),
            topic: topic_of(row.r#type),
            title: row.title,
            message: row.message,
            // Only paths in the store are links.
            action_url: row
                .action_url
                .filter(|url| url.starts_with('/') && !url.starts_with("//")),
            action_label: row.action_label,
            is_read: row.is_read,
            at: clock.date_time(row.created_at),
            at_iso: iso(row.created_at),
        }
    }

    pub fn choices(forms: &[super::PreferenceForm]) -> Vec<PreferenceDto> {
        let on = |value: &Option<String>| value.as_deref() == Some("true");
        Topic::ALL
            .into_iter()
            .map(|topic| {
                let form = forms.iter().find(|form| form.topic == topic.code());
                PreferenceDto {
                    topic,
                    in_app: form.is_some_and(|form| on(&form.in_app)),
                    email: form.is_some_and(|form| on(&form.email)),
                }
            })
            .collect()
    }
}

/// The caller's unread count for the bell; `None` when signed out (no bell).
#[server(endpoint = "notifications/unread")]
pub async fn unread_notifications() -> Result<Option<u64>, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let Some(user) = ctx.account() else {
        return Ok(None);
    };
    Ok(Some(
        services::notifications::unread_count(&ctx.services.db, user.id).await?,
    ))
}

/// A page of the caller's notifications, newest first (`after`: the previous `next`;
/// `limit`: at most 20, 20 when 0).
#[server(endpoint = "notifications/list")]
pub async fn list_notifications(
    #[server(default)] after: String,
    #[server(default)] limit: u64,
) -> Result<NotificationPageDto, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    let after = Some(after.trim()).filter(|after| !after.is_empty());
    let limit = if limit == 0 {
        services::notifications::PAGE
    } else {
        limit
    };
    let page = services::notifications::list(&ctx.services.db, user.id, after, limit).await?;
    let clock = crate::api::dates::Clock::new(&user.timezone, ctx.locale);
    Ok(NotificationPageDto {
        items: page
            .items
            .into_iter()
            .map(|row| server::dto(row, &clock))
            .collect(),
        next: page.next,
        unread: page.unread,
    })
}

/// Marks the caller's notification `id` read.
#[server(endpoint = "notifications/read")]
pub async fn mark_notification_read(id: String) -> Result<(), ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    services::notifications::mark_read(&ctx.services.db, user.id, &id).await?;
    Ok(())
}

/// Marks all the caller's notifications read.
#[server(endpoint = "notifications/read_all")]
pub async fn mark_all_notifications_read() -> Result<u64, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    Ok(services::notifications::mark_all_read(&ctx.services.db, user.id).await?)
}

/// The caller's choices per topic and channel.
#[server(endpoint = "notifications/preferences")]
pub async fn notification_preferences() -> Result<Vec<PreferenceDto>, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    Ok(services::notifications::Preferences::of(user)
        .all()
        .to_vec())
}

/// Saves the caller's choices: `choices[i][topic]`, `[in_app]`, `[email]` (a topic left
/// out is off on both; order messages stay on).
#[server(endpoint = "notifications/save_preferences")]
pub async fn save_notification_preferences(
    #[server(default)] choices: Vec<PreferenceForm>,
) -> Result<SaveOutcome, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let user = ctx.user()?;
    if choices.len() > Topic::ALL.len() * 2 {
        return Err(ApiError::new(domain::Refusal::TooManyValues {
            param: "choices".into(),
            max: Topic::ALL.len() as u32,
        }));
    }
    services::notifications::preferences::save(&ctx.services.db, user, &server::choices(&choices))
        .await?;
    Ok(SaveOutcome::Saved)
}

/// Applies an email's unsubscribe link (signed; a tampered one is refused). Needs no
/// session: the signature is the authority.
#[server(endpoint = "notifications/unsubscribe")]
pub async fn unsubscribe(token: String) -> Result<Vec<Topic>, ApiError> {
    let ctx = crate::api::context::Ctx::load().await?;
    let services = &ctx.services;
    Ok(
        services::notifications::outbox::unsubscribe(&services.db, &services.signer, &token)
            .await?,
    )
}
