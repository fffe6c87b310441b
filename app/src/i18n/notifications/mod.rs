//! The notifications page, the preferences in the settings and the unsubscribe page.
//! Read through [`notifications_text`] by those lazily loaded pages only; the bell's few
//! words are in [`super::common`].

use domain::read::notifications::Topic;

use super::in_page_language;

mod en;
mod fr;
mod it;

pub use en::EN;
pub use fr::FR;
pub use it::IT;

pub struct NotificationsText {
    pub title: &'static str,
    pub loading: &'static str,
    pub empty: &'static str,
    pub unread: &'static str,
    pub mark_read: &'static str,
    pub marked_read: &'static str,
    pub all_read: &'static str,
    pub older: &'static str,
    pub topics: fn(Topic) -> &'static str,

    // Preferences.
    pub preferences_heading: &'static str,
    pub preferences_intro: &'static str,
    pub topic: &'static str,
    pub in_app: &'static str,
    pub email: &'static str,
    pub always_on: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub saved: &'static str,

    // Unsubscribing from an email.
    pub unsubscribe_title: &'static str,
    pub unsubscribe_body: &'static str,
    pub unsubscribe_confirm: &'static str,
    pub unsubscribing: &'static str,
    /// The topics stopped, already joined.
    pub unsubscribed: fn(&str) -> String,
    pub manage: &'static str,
}

/// The notification pages' text in the page's language.
pub fn notifications_text() -> &'static NotificationsText {
    in_page_language([&EN, &FR, &IT])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_words_the_notifications_itself() {
        for other in [&FR, &IT] {
            assert_ne!(EN.empty, other.empty);
            assert_ne!(EN.preferences_intro, other.preferences_intro);
            assert_ne!((EN.unsubscribed)("x"), (other.unsubscribed)("x"));
            for topic in Topic::ALL {
                assert_ne!((EN.topics)(topic), (other.topics)(topic), "{topic:?}");
            }
        }
    }
}
