//! The email channel: a background job sends what [`super::notify`] wrote with `email`
//! in its channels, and marks it sent (`email_sent` and `email_sent_at:<unix seconds>`
//! join the row's channels).
//!
//! Safe with several servers: each shopper's mail is sent under a transaction-level
//! advisory lock on that shopper (a second server skips them this round), and the rows
//! are marked sent in the same transaction. Order updates go at once, one email each.
//! Alerts (price drops, restocks) are batched: at most one alert email per shopper per
//! 24 hours, carrying every alert waiting since the last, with a signed one-click
//! unsubscribe link (and `List-Unsubscribe` headers) for their topics.

use chrono::{DateTime, Duration, Utc};
use sea_orm::prelude::*;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, QueryFilter, QueryOrder, Statement,
    TransactionTrait,
};

use super::copy::email_words;
use super::{preferences, topic_of};
use crate::auth::tokens::TokenSigner;
use crate::mail::{Mailer, OutgoingMail};
use domain::locale::Locale;
use domain::read::notifications::Topic;
use entities::{notifications, users};

/// First key of the per-shopper advisory lock.
const LOCK_KEY: i32 = 0x4e4f_5446; // "NOTF"
/// At most this many shoppers per run.
const SHOPPERS_PER_RUN: i64 = 200;
/// The shortest time between two alert emails to one shopper.
pub const ALERT_EMAIL_GAP: Duration = Duration::hours(24);
const SENT: &str = "email_sent";
const SENT_AT: &str = "email_sent_at:";

/// Where the outbox sends from and links to.
#[derive(Clone, Copy)]
pub struct Outbox<'a> {
    pub db: &'a DatabaseConnection,
    pub mailer: &'a Mailer,
    pub signer: &'a TokenSigner,
    pub base_url: &'a str,
}

/// What a run sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sent {
    pub emails: usize,
    pub notifications: usize,
}

impl Outbox<'_> {
    /// Sends what is due at `now`.
    pub async fn run(&self, now: DateTime<Utc>) -> Result<Sent, DbErr> {
        let waiting: Vec<Uuid> = self
            .db
            .query_all_raw(Statement::from_sql_and_values(
                self.db.get_database_backend(),
                "SELECT DISTINCT user_id FROM notifications \
                 WHERE 'email' = ANY(channels) AND NOT ('email_sent' = ANY(channels)) \
                 LIMIT $1",
                [SHOPPERS_PER_RUN.into()],
            ))
            .await?
            .into_iter()
            .map(|row| row.try_get::<Uuid>("", "user_id"))
            .collect::<Result<_, _>>()?;
        let mut sent = Sent::default();
        for user_id in waiting {
            match self.send_for(user_id, now).await {
                Ok(more) => {
                    sent.emails += more.emails;
                    sent.notifications += more.notifications;
                }
                // One shopper's failure (say, the mail server) leaves the rest to go.
                Err(error) => tracing::warn!(%error, %user_id, "notification email not sent"),
            }
        }
        Ok(sent)
    }

    async fn send_for(&self, user_id: Uuid, now: DateTime<Utc>) -> Result<Sent, DbErr> {
        let txn = self.db.begin().await?;
        if !locked(&txn, user_id).await? {
            return Ok(Sent::default());
        }
        let pending = notifications::Entity::find()
            .filter(notifications::Column::UserId.eq(user_id))
            .filter(Expr::cust(
                "'email' = ANY(channels) AND NOT ('email_sent' = ANY(channels))",
            ))
            .order_by_asc(notifications::Column::CreatedAt)
            .all(&txn)
            .await?;
        let user = users::Entity::find_by_id(user_id).one(&txn).await?;
        let Some(user) = user.filter(|user| user.deleted_at.is_none()) else {
            // Nobody to write to: mark them so they are not looked at again.
            mark_sent(
                &txn,
                &pending.iter().map(|row| row.id).collect::<Vec<_>>(),
                now,
            )
            .await?;
            txn.commit().await?;
            return Ok(Sent::default());
        };
        let (alerts, updates): (Vec<_>, Vec<_>) = pending
            .into_iter()
            .partition(|row| topic_of(row.r#type).is_alert());
        let mut sent = Sent::default();
        for update in &updates {
            self.send(self.compose(&user, std::slice::from_ref(update), None))
                .await?;
            mark_sent(&txn, &[update.id], now).await?;
            sent.emails += 1;
            sent.notifications += 1;
        }
        let due = match last_alert_email(&txn, user_id).await? {
            Some(last) => now - last >= ALERT_EMAIL_GAP,
            None => true,
        };
        if !alerts.is_empty() && due {
            let mut topics: Vec<Topic> = alerts.iter().map(|row| topic_of(row.r#type)).collect();
            topics.dedup();
            let link = unsubscribe_url(self.signer, self.base_url, user_id, &topics);
            self.send(self.compose(&user, &alerts, Some(link))).await?;
            mark_sent(
                &txn,
                &alerts.iter().map(|row| row.id).collect::<Vec<_>>(),
                now,
            )
            .await?;
            sent.emails += 1;
            sent.notifications += alerts.len();
        }
        txn.commit().await?;
        Ok(sent)
    }

    async fn send(&self, mail: OutgoingMail) -> Result<(), DbErr> {
        self.mailer
            .send(mail)
            .await
            .map_err(|error| DbErr::Custom(format!("mail: {error}")))
    }

    fn compose(
        &self,
        user: &users::Model,
        rows: &[notifications::Model],
        unsubscribe: Option<String>,
    ) -> OutgoingMail {
        let locale = Locale::parse(&user.preferred_language).unwrap_or_default();
        let words = email_words(locale);
        let link = |row: &notifications::Model| {
            row.action_url
                .as_deref()
                .filter(|path| path.starts_with('/') && !path.starts_with("//"))
                .map(|path| format!("{}{path}", self.base_url))
        };
        let (subject, mut text) = match rows {
            [one] if unsubscribe.is_none() => (
                one.title.clone(),
                format!("{}\n\n{}\n\n{}\n", words.greeting, one.title, one.message),
            ),
            many => (
                (words.alerts_subject)(many.len()),
                format!("{}\n\n{}\n", words.greeting, words.alerts_intro),
            ),
        };
        let listed = !(rows.len() == 1 && unsubscribe.is_none());
        for row in rows {
            if listed {
                text.push_str(&format!("\n· {}\n  {}\n", row.title, row.message));
            }
            if let (Some(url), Some(label)) = (link(row), row.action_label.as_deref()) {
                text.push_str(&format!("  {label}: {url}\n"));
            }
        }
        text.push_str(&format!("\n{}\n", words.sign_off));
        if let Some(url) = &unsubscribe {
            text.push_str(&format!("\n{} {url}\n", words.unsubscribe));
        }
        text.push_str(&format!(
            "{} {}/account/settings#notifications\n",
            words.settings, self.base_url
        ));
        OutgoingMail {
            to: user.email.clone(),
            subject,
            text,
            html: None,
            unsubscribe: unsubscribe.as_deref().map(one_click_url),
        }
    }
}

/// Takes the shopper's lock for this transaction; false when another server has it.
async fn locked(txn: &DatabaseTransaction, user_id: Uuid) -> Result<bool, DbErr> {
    let row = txn
        .query_one_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked",
            [LOCK_KEY.into(), user_id.to_string().into()],
        ))
        .await?;
    Ok(match row {
        Some(row) => row.try_get("", "locked")?,
        None => false,
    })
}

async fn mark_sent(
    txn: &DatabaseTransaction,
    ids: &[Uuid],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if ids.is_empty() {
        return Ok(());
    }
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "UPDATE notifications SET channels = channels || ARRAY[$2, $3]::text[] WHERE id = ANY($1)",
        [
            ids.to_vec().into(),
            SENT.into(),
            format!("{SENT_AT}{}", now.timestamp()).into(),
        ],
    ))
    .await?;
    Ok(())
}

/// When the shopper was last sent an alert email.
async fn last_alert_email(
    txn: &DatabaseTransaction,
    user_id: Uuid,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    let row = txn
        .query_one_raw(Statement::from_sql_and_values(
            txn.get_database_backend(),
            "SELECT max(split_part(c, ':', 2)::bigint) AS at \
             FROM notifications n, unnest(n.channels) c \
             WHERE n.user_id = $1 AND n.type IN ('PRICE_DROP', 'BACK_IN_STOCK') \
               AND c LIKE 'email\\_sent\\_at:%'",
            [user_id.into()],
        ))
        .await?;
    let at: Option<i64> = match row {
        Some(row) => row.try_get("", "at")?,
        None => None,
    };
    Ok(at.and_then(|at| DateTime::<Utc>::from_timestamp(at, 0)))
}

/// The signed one-click link that stops `topics` by email for `user_id`.
pub fn unsubscribe_url(
    signer: &TokenSigner,
    base_url: &str,
    user_id: Uuid,
    topics: &[Topic],
) -> String {
    let codes: Vec<&str> = topics.iter().map(|topic| topic.code()).collect();
    let token = signer.seal(&format!("unsubscribe:{user_id}:{}", codes.join(",")));
    format!("{base_url}/notifications/unsubscribe?token={token}")
}

/// The link mail clients post to (RFC 8058), for the `List-Unsubscribe` header.
pub fn one_click_url(page_url: &str) -> String {
    page_url.replacen(
        "/notifications/unsubscribe?",
        "/notifications/unsubscribe/one-click?",
        1,
    )
}

/// Applies an unsubscribe link's token: email stops for its topics. Tampered or foreign
/// tokens are [`super::NotificationError::LinkInvalid`]. Idempotent.
pub async fn unsubscribe(
    db: &impl ConnectionTrait,
    signer: &TokenSigner,
    token: &str,
) -> Result<Vec<Topic>, super::NotificationError> {
    let invalid = || super::NotificationError::LinkInvalid;
    let value = signer.unseal(token.trim()).ok_or_else(invalid)?;
    let rest = value.strip_prefix("unsubscribe:").ok_or_else(invalid)?;
    let (user, codes) = rest.split_once(':').ok_or_else(invalid)?;
    let user_id = Uuid::parse_str(user).map_err(|_| invalid())?;
    let topics: Vec<Topic> = codes
        .split(',')
        .map(Topic::parse)
        .collect::<Option<_>>()
        .ok_or_else(invalid)?;
    for topic in topics.iter().filter(|topic| !topic.always_on()) {
        if !preferences::stop_email(db, user_id, *topic).await? {
            return Err(invalid());
        }
    }
    Ok(topics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unsubscribe_link_is_signed_for_its_user_and_topics() {
        let signer = TokenSigner::new("test secret");
        let user = Uuid::new_v4();
        let url = unsubscribe_url(&signer, "https://luxeverse.test", user, &[Topic::PriceDrop]);
        let token = url.split("token=").nth(1).unwrap();
        assert_eq!(
            signer.unseal(token).unwrap(),
            format!("unsubscribe:{user}:price_drop")
        );
        assert!(TokenSigner::new("another secret").unseal(token).is_none());
    }
}
