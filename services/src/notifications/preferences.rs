//! Which topics reach a shopper on which channel. Kept in the user's `feature_flags`
//! JSON under `"notifications"` (the model has no table for it): only what differs from
//! the defaults is stored, `{"price_drop": {"in_app": true, "email": false}, ...}`.
//! Order messages are always on, whatever is stored.

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{ActiveModelTrait, ConnectionTrait};
use serde_json::{Map, json};

use domain::read::notifications::{Channel, PreferenceDto, Topic};
use entities::users;

/// The key under `users.feature_flags`.
const KEY: &str = "notifications";

/// A shopper's choices for every topic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preferences(Vec<PreferenceDto>);

impl Preferences {
    /// The choices stored on `user` (defaults for the rest).
    pub fn of(user: &users::Model) -> Self {
        let stored = user
            .feature_flags
            .as_ref()
            .and_then(|flags| flags.get(KEY))
            .and_then(Json::as_object);
        Preferences(
            Topic::ALL
                .into_iter()
                .map(|topic| {
                    let choice = stored.and_then(|stored| stored.get(topic.code()));
                    let pick = |channel: Channel, default: bool| {
                        topic.always_on()
                            || choice
                                .and_then(|choice| choice.get(channel.code()))
                                .and_then(Json::as_bool)
                                .unwrap_or(default)
                    };
                    PreferenceDto {
                        topic,
                        in_app: pick(Channel::InApp, true),
                        email: pick(Channel::Email, topic.email_by_default()),
                    }
                })
                .collect(),
        )
    }

    pub fn all(&self) -> &[PreferenceDto] {
        &self.0
    }

    pub fn allows(&self, topic: Topic, channel: Channel) -> bool {
        self.0
            .iter()
            .find(|choice| choice.topic == topic)
            .is_some_and(|choice| match channel {
                Channel::InApp => choice.in_app,
                Channel::Email => choice.email,
            })
    }

    /// The channels a new notification on `topic` goes out on.
    pub fn channels(&self, topic: Topic) -> Vec<String> {
        Channel::ALL
            .into_iter()
            .filter(|channel| self.allows(topic, *channel))
            .map(|channel| channel.code().to_string())
            .collect()
    }
}

/// Stores `choices` for `user` (order messages stay on).
pub async fn save(
    db: &impl ConnectionTrait,
    user: &users::Model,
    choices: &[PreferenceDto],
) -> Result<Preferences, DbErr> {
    let mut stored = Map::new();
    for choice in choices.iter().filter(|choice| !choice.topic.always_on()) {
        stored.insert(
            choice.topic.code().into(),
            json!({ "in_app": choice.in_app, "email": choice.email }),
        );
    }
    let mut flags = user
        .feature_flags
        .clone()
        .filter(Json::is_object)
        .unwrap_or_else(|| json!({}));
    flags[KEY] = Json::Object(stored);
    let saved = users::ActiveModel {
        id: Set(user.id),
        feature_flags: Set(Some(flags)),
        updated_at: Set(chrono::Utc::now().into()),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(Preferences::of(&saved))
}

/// Turns off email for `topic` for `user_id` (the unsubscribe link), keeping the rest.
pub async fn stop_email(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    topic: Topic,
) -> Result<bool, DbErr> {
    let Some(user) = users::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(false);
    };
    let mut choices = Preferences::of(&user).0;
    for choice in choices.iter_mut().filter(|choice| choice.topic == topic) {
        choice.email = false;
    }
    save(db, &user, &choices).await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(flags: Option<Json>) -> users::Model {
        let now = chrono::Utc::now().into();
        users::Model {
            id: Uuid::new_v4(),
            email: "ada@example.test".into(),
            email_verified: None,
            password_hash: None,
            name: None,
            avatar_url: None,
            phone: None,
            phone_verified: None,
            role: entities::sea_orm_active_enums::UserRole::Customer,
            membership_tier: entities::sea_orm_active_enums::MembershipTier::Pearl,
            membership_expires_at: None,
            preferred_currency: "USD".into(),
            preferred_language: "en".into(),
            timezone: "UTC".into(),
            style_profile_completed: false,
            ai_consent: true,
            personalization_level: 5,
            feature_flags: flags,
            last_login_at: None,
            login_count: 0,
            created_at: now,
            updated_at: now,
            deleted_at: None,
        }
    }

    #[test]
    fn defaults_apply_until_a_choice_is_stored_and_orders_stay_on() {
        let fresh = Preferences::of(&user(None));
        assert!(fresh.allows(Topic::PriceDrop, Channel::Email));
        assert!(!fresh.allows(Topic::Recommendations, Channel::Email));
        assert!(fresh.allows(Topic::Recommendations, Channel::InApp));
        let chosen = Preferences::of(&user(Some(json!({
            "ab": {"hero": "b"},
            "notifications": {
                "price_drop": {"in_app": false, "email": false},
                "order": {"in_app": false, "email": false}
            }
        }))));
        assert_eq!(chosen.channels(Topic::PriceDrop), Vec::<String>::new());
        assert_eq!(chosen.channels(Topic::Order), ["in_app", "email"]);
        assert_eq!(chosen.channels(Topic::BackInStock), ["in_app", "email"]);
    }
}
