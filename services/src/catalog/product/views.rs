//! Product views: one `product_views` row per page view and the product's `view_count`,
//! written as analytics (the commit does not wait for the WAL flush).

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement, TransactionSession, TransactionTrait};

/// `product_views.source` is varchar(50).
const SOURCE_MAX_CHARS: usize = 50;

/// Records one view of a product (the referrer goes to `source`, cut to its 50 characters)
/// and bumps the product's `view_count`, both in one transaction.
pub async fn record_view(
    db: &impl TransactionTrait,
    product_id: Uuid,
    user_id: Option<Uuid>,
    session_id: Option<Uuid>,
    referrer: Option<&str>,
) -> Result<(), DbErr> {
    let source = referrer
        .map(str::trim)
        .filter(|referrer| !referrer.is_empty())
        .map(|referrer| truncate_chars(referrer, SOURCE_MAX_CHARS));
    let txn = db.begin().await?;
    // A view is analytics, not a promise to the shopper: the commit does not wait for the
    // WAL flush, so a crash may lose the last fraction of a second of views, never leave
    // them half-written. Every product page writes one, so waiting would cost each page a
    // disk flush while it holds the product row's lock.
    txn.execute_unprepared("SET LOCAL synchronous_commit = off")
        .await?;
    // Both writes in one statement: the view row and the product's counter.
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "WITH view AS (
             INSERT INTO product_views (id, product_id, user_id, session_id, source)
             VALUES ($1, $2, $3, $4, $5)
         )
         UPDATE products SET view_count = view_count + 1 WHERE id = $2",
        [
            Uuid::new_v4().into(),
            product_id.into(),
            user_id.into(),
            session_id.into(),
            source.into(),
        ],
    ))
    .await?;
    txn.commit().await
}

fn truncate_chars(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referrers_are_cut_to_whole_characters() {
        assert_eq!(truncate_chars("abc", 50), "abc");
        let long = "é".repeat(60);
        assert_eq!(truncate_chars(&long, SOURCE_MAX_CHARS).chars().count(), 50);
    }
}
