//! The shopper's notifications as the bell and `/account/notifications` show them, and
//! their preferences per topic and channel.

use serde::{Deserialize, Serialize};

/// What a notification is about (one per `NotificationType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Topic {
    Order,
    PriceDrop,
    BackInStock,
    ExclusiveAccess,
    Membership,
    Recommendations,
    Social,
    Live,
}

impl Topic {
    pub const ALL: [Topic; 8] = [
        Topic::Order,
        Topic::PriceDrop,
        Topic::BackInStock,
        Topic::ExclusiveAccess,
        Topic::Membership,
        Topic::Recommendations,
        Topic::Social,
        Topic::Live,
    ];

    /// The topic's code in forms, preferences and unsubscribe links.
    pub fn code(self) -> &'static str {
        match self {
            Topic::Order => "order",
            Topic::PriceDrop => "price_drop",
            Topic::BackInStock => "back_in_stock",
            Topic::ExclusiveAccess => "exclusive_access",
            Topic::Membership => "membership",
            Topic::Recommendations => "recommendations",
            Topic::Social => "social",
            Topic::Live => "live",
        }
    }

    pub fn parse(code: &str) -> Option<Topic> {
        Self::ALL
            .into_iter()
            .find(|topic| topic.code() == code.trim())
    }

    /// Order messages always reach the shopper, in the app and by email.
    pub fn always_on(self) -> bool {
        self == Topic::Order
    }

    /// Whether a shopper hears about it by email unless they say otherwise.
    pub fn email_by_default(self) -> bool {
        matches!(
            self,
            Topic::Order
                | Topic::PriceDrop
                | Topic::BackInStock
                | Topic::ExclusiveAccess
                | Topic::Membership
        )
    }

    /// Price drops and restocks: batched into at most one email a day.
    pub fn is_alert(self) -> bool {
        matches!(self, Topic::PriceDrop | Topic::BackInStock)
    }
}

/// Where a notification is delivered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    InApp,
    Email,
}

impl Channel {
    pub const ALL: [Channel; 2] = [Channel::InApp, Channel::Email];

    /// The channel's code, as stored in `notifications.channels`.
    pub fn code(self) -> &'static str {
        match self {
            Channel::InApp => "in_app",
            Channel::Email => "email",
        }
    }
}

/// One notification in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationDto {
    pub id: String,
    pub topic: Topic,
    pub title: String,
    pub message: String,
    /// A path in the store (never another site).
    pub action_url: Option<String>,
    pub action_label: Option<String>,
    pub is_read: bool,
    pub at: String,
    pub at_iso: String,
}

/// A page of notifications, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationPageDto {
    pub items: Vec<NotificationDto>,
    /// Pass back as `after` for the next page.
    pub next: Option<String>,
    pub unread: u64,
}

/// Whether a topic reaches the shopper on each channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreferenceDto {
    pub topic: Topic,
    pub in_app: bool,
    pub email: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_round_trip_their_codes_and_orders_are_always_on() {
        for topic in Topic::ALL {
            assert_eq!(Topic::parse(topic.code()), Some(topic));
            assert!(!topic.always_on() || topic.email_by_default());
        }
        assert_eq!(Topic::parse("spam"), None);
        assert!(Topic::Order.always_on() && !Topic::PriceDrop.always_on());
        assert!(Topic::BackInStock.is_alert() && !Topic::Order.is_alert());
    }
}
