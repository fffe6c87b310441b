//! English.

use domain::read::notifications::Topic;

use super::NotificationsText;

pub static EN: NotificationsText = NotificationsText {
    title: "Notifications",
    loading: "Loading your notifications…",
    empty: "You have no notifications yet. We will tell you here when an order moves or a saved piece changes.",
    unread: "New",
    mark_read: "Mark as read",
    marked_read: "Marked as read.",
    all_read: "All your notifications are read.",
    older: "Older notifications",
    topics: |topic| match topic {
        Topic::Order => "Order updates",
        Topic::PriceDrop => "Price drops",
        Topic::BackInStock => "Back in stock",
        Topic::ExclusiveAccess => "Early access",
        Topic::Membership => "Membership",
        Topic::Recommendations => "Recommendations",
        Topic::Social => "Community",
        Topic::Live => "Live shopping",
    },
    preferences_heading: "Notifications",
    preferences_intro: "Choose what we tell you, in the app and by email. Order updates and security messages always reach you; alerts come at most once a day by email.",
    topic: "Topic",
    in_app: "In the app",
    email: "By email",
    always_on: "Always on",
    save: "Save preferences",
    saving: "Saving…",
    saved: "Your notification preferences are saved.",
    unsubscribe_title: "Unsubscribe",
    unsubscribe_body: "Stop the emails this link was sent with? You will still see these notifications in your account.",
    unsubscribe_confirm: "Stop these emails",
    unsubscribing: "Stopping…",
    unsubscribed: |topics| format!("Done: no more emails about {topics}."),
    manage: "Choose what we send you",
};
