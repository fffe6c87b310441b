//! A product's published reviews: a page of them in the order asked, and their count,
//! histogram and average; authors are shown by first name and last initial.

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement};

use domain::read::reviews::{FitFeedback, ReviewQuery, ReviewSort};

use super::clamp_i64;

/// Shown for a review whose author has no name on file.
pub const ANONYMOUS_AUTHOR: &str = "A LuxeVerse client";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewSummary {
    /// Mean rating of approved reviews, one decimal place; `None` without reviews.
    pub average: Option<Decimal>,
    pub count: i64,
    /// Approved reviews per rating: index 0 is one star, index 4 five stars.
    pub histogram: [i64; 5],
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReviewView {
    pub id: Uuid,
    pub author: String,
    pub rating: i32,
    pub title: Option<String>,
    pub content: Option<String>,
    pub is_verified_purchase: bool,
    pub helpful_count: i32,
    pub not_helpful_count: i32,
    pub photos: Vec<String>,
    pub fit: Option<FitFeedback>,
    pub created_at: DateTimeWithTimeZone,
}

/// The `ORDER BY` of each sort; ties fall to the newest, then the id.
fn order_of(sort: ReviewSort) -> &'static str {
    match sort {
        ReviewSort::Helpful => "r.helpful_count DESC, r.created_at DESC, r.id DESC",
        ReviewSort::Newest => "r.created_at DESC, r.id DESC",
        ReviewSort::Highest => "r.rating DESC, r.created_at DESC, r.id DESC",
        ReviewSort::Lowest => "r.rating ASC, r.created_at DESC, r.id DESC",
    }
}

/// A product's published reviews (approved, or approved and then reported), in the
/// query's order and of its rating, with photos and the latest fit feedback.
pub async fn approved_reviews(
    db: &impl ConnectionTrait,
    product_id: Uuid,
    query: ReviewQuery,
    limit: u64,
    offset: u64,
) -> Result<Vec<ReviewView>, DbErr> {
    let sql = format!(
        "SELECT r.id, u.name AS author_name, r.rating, r.title, r.content,
                r.is_verified_purchase, r.helpful_count, r.not_helpful_count, r.media_urls,
                r.created_at, fit.fit
         FROM reviews r LEFT JOIN users u ON u.id = r.user_id
         LEFT JOIN LATERAL (SELECT a.new_values->>'fit' AS fit FROM audit_logs a
             WHERE a.entity_type = 'review' AND a.entity_id = r.id AND a.action = '{fit_action}'
             ORDER BY a.created_at DESC, a.id DESC LIMIT 1) fit ON TRUE
         WHERE r.product_id = $1 AND r.status IN {shown}
           AND ($4::int IS NULL OR r.rating = $4)
         ORDER BY {order}
         LIMIT $2 OFFSET $3",
        fit_action = crate::reviews::REVIEW_FIT,
        shown = crate::reviews::SHOWN_SQL,
        order = order_of(query.sort),
    );
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            [
                product_id.into(),
                clamp_i64(limit).into(),
                clamp_i64(offset).into(),
                query.rating.into(),
            ],
        ))
        .await?;
    rows.into_iter()
        .map(|row| {
            let author_name: Option<String> = row.try_get("", "author_name")?;
            let fit: Option<String> = row.try_get("", "fit")?;
            Ok(ReviewView {
                id: row.try_get("", "id")?,
                author: author_display_name(author_name.as_deref()),
                rating: row.try_get("", "rating")?,
                title: row.try_get("", "title")?,
                content: row.try_get("", "content")?,
                is_verified_purchase: row.try_get("", "is_verified_purchase")?,
                helpful_count: row.try_get("", "helpful_count")?,
                not_helpful_count: row.try_get("", "not_helpful_count")?,
                photos: row.try_get("", "media_urls")?,
                fit: fit.as_deref().and_then(FitFeedback::parse),
                created_at: row.try_get("", "created_at")?,
            })
        })
        .collect()
}

/// Count and histogram of published reviews, in one grouped query.
pub(super) async fn review_summary(
    db: &impl ConnectionTrait,
    product_id: Uuid,
) -> Result<ReviewSummary, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            format!(
                "SELECT rating, count(*) AS n FROM reviews
                 WHERE product_id = $1 AND status IN {}
                 GROUP BY rating",
                crate::reviews::SHOWN_SQL
            ),
            [product_id.into()],
        ))
        .await?;
    let mut counts = Vec::with_capacity(rows.len());
    for row in rows {
        counts.push((
            row.try_get::<i32>("", "rating")?,
            row.try_get::<i64>("", "n")?,
        ));
    }
    Ok(summarise_ratings(&counts))
}

/// Builds the summary from (rating, count) pairs; ratings outside 1..=5 are ignored.
pub fn summarise_ratings(counts: &[(i32, i64)]) -> ReviewSummary {
    let mut summary = ReviewSummary::default();
    let mut total = 0_i64;
    for &(rating, count) in counts {
        if (1..=5).contains(&rating) && count > 0 {
            summary.histogram[(rating - 1) as usize] += count;
            summary.count += count;
            total += i64::from(rating) * count;
        }
    }
    summary.average = average_rating(total, summary.count);
    summary
}

/// `total / count` rounded half away from zero to one decimal place.
pub fn average_rating(total: i64, count: i64) -> Option<Decimal> {
    if count <= 0 {
        return None;
    }
    let mean = Decimal::from(total) / Decimal::from(count);
    Some(mean.round_dp_with_strategy(
        1,
        sea_orm::sea_query::prelude::rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    ))
}

/// "Inès Morel" -> "Inès M."; a single name stays as it is; no name -> a neutral label.
pub fn author_display_name(name: Option<&str>) -> String {
    let mut words = name.unwrap_or_default().split_whitespace();
    let Some(first) = words.next() else {
        return ANONYMOUS_AUTHOR.to_string();
    };
    match words.last().and_then(|last| last.chars().next()) {
        Some(initial) => format!("{first} {}.", initial.to_uppercase()),
        None => first.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_show_first_name_and_last_initial() {
        assert_eq!(author_display_name(Some("Inès Morel")), "Inès M.");
        assert_eq!(author_display_name(Some("Oskar Nyström")), "Oskar N.");
        assert_eq!(
            author_display_name(Some("  Anna  Maria van der berg ")),
            "Anna B."
        );
        assert_eq!(author_display_name(Some("émile élan")), "émile É.");
        assert_eq!(author_display_name(Some("Madonna")), "Madonna");
        assert_eq!(author_display_name(Some("   ")), ANONYMOUS_AUTHOR);
        assert_eq!(author_display_name(None), ANONYMOUS_AUTHOR);
    }

    #[test]
    fn averages_round_half_away_from_zero_to_one_place() {
        assert_eq!(average_rating(0, 0), None);
        assert_eq!(average_rating(14, 3), Some(Decimal::new(47, 1))); // 4.666..
        assert_eq!(average_rating(13, 3), Some(Decimal::new(43, 1))); // 4.333..
        assert_eq!(average_rating(9, 2), Some(Decimal::new(45, 1))); // 4.5
        assert_eq!(average_rating(87, 20), Some(Decimal::new(44, 1))); // 4.35 -> 4.4
        assert_eq!(average_rating(5, 1), Some(Decimal::new(50, 1)));
    }

    #[test]
    fn rating_counts_become_a_histogram() {
        let summary = summarise_ratings(&[(5, 2), (3, 1), (0, 4), (6, 1)]);
        assert_eq!(summary.count, 3);
        assert_eq!(summary.histogram, [0, 0, 1, 0, 2]);
        assert_eq!(summary.average, Some(Decimal::new(43, 1)));
        assert_eq!(summarise_ratings(&[]), ReviewSummary::default());
    }
}
