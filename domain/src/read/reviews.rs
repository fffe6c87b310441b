//! Reviews as the product page and the review form show them: the order a list is read
//! in, the rating filter, fit feedback, why a review is reported, and the shopper's own
//! review with what they may do with it.

use serde::{Deserialize, Serialize};

use crate::coded_enum;

coded_enum! {
    /// The order of a product's reviews (`?review_sort=`).
    #[derive(Default)]
    pub enum ReviewSort {
        /// Most found helpful first, then newest.
        #[default]
        Helpful => "helpful",
        Newest => "newest",
        Highest => "highest",
        Lowest => "lowest",
    }
}

coded_enum! {
    /// How a piece fits against its size, as a reviewer found it.
    pub enum FitFeedback {
        RunsSmall => "runs_small",
        TrueToSize => "true_to_size",
        RunsLarge => "runs_large",
    }
}

coded_enum! {
    /// Why a shopper reports a review to the moderators.
    pub enum ReportReason {
        /// Insults, threats or hate.
        Abusive => "abusive",
        /// Someone's personal data (a name, an address, a phone number).
        PersonalData => "personal_data",
        /// Not about this piece.
        Unrelated => "unrelated",
        /// Written by someone who cannot have bought or used it, or paid for.
        Fake => "fake",
        /// Advertising or links.
        Spam => "spam",
    }
}

/// Which reviews a list shows: their order and, optionally, one star rating.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ReviewQuery {
    pub sort: ReviewSort,
    /// 1 to 5; `None` for every rating.
    pub rating: Option<i32>,
}

impl ReviewQuery {
    /// From the page's query string; unknown values fall back to the default list.
    pub fn from_params(sort: Option<&str>, rating: Option<&str>) -> Self {
        ReviewQuery {
            sort: sort.and_then(ReviewSort::parse).unwrap_or_default(),
            rating: rating
                .and_then(|rating| rating.trim().parse::<i32>().ok())
                .filter(|rating| (1..=5).contains(rating)),
        }
    }

    pub fn is_default(&self) -> bool {
        *self == ReviewQuery::default()
    }
}

/// One review on the product page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewDto {
    pub id: String,
    pub author: String,
    pub rating: i32,
    pub title: Option<String>,
    pub content: Option<String>,
    pub is_verified_purchase: bool,
    pub helpful_count: i32,
    pub not_helpful_count: i32,
    /// Photo URLs (`/media/reviews/…`).
    pub photos: Vec<String>,
    pub fit: Option<FitFeedback>,
    /// ISO date, e.g. "2026-03-01".
    pub date: String,
}

/// The counts after a vote, as stored: the page shows these rather than its guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteCounts {
    pub helpful: i32,
    pub not_helpful: i32,
    /// The shopper's vote now.
    pub mine: bool,
}

/// Where the shopper's own review stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewState {
    /// Waiting for a moderator (new and edited reviews).
    Pending,
    /// On the product page.
    Published,
    /// Not published; the moderators said why.
    Rejected,
}

/// The shopper's own review of a piece, to show and edit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyReviewDto {
    pub id: String,
    pub rating: i32,
    pub title: String,
    pub content: String,
    pub fit: Option<FitFeedback>,
    pub photos: Vec<String>,
    pub state: ReviewState,
}

/// The review page: the piece, whether the shopper may review it, and their review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewPageDto {
    pub product_id: String,
    pub slug: String,
    pub name: String,
    pub brand: Option<String>,
    pub image: Option<String>,
    /// Bought (paid or delivered, not cancelled): reviews come from clients who did.
    pub may_review: bool,
    pub mine: Option<MyReviewDto>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_string_picks_a_sort_and_a_rating_or_falls_back() {
        assert!(ReviewQuery::from_params(None, None).is_default());
        let query = ReviewQuery::from_params(Some("lowest"), Some("2"));
        assert_eq!(query.sort, ReviewSort::Lowest);
        assert_eq!(query.rating, Some(2));
        assert!(ReviewQuery::from_params(Some("loudest"), Some("9")).is_default());
        assert_eq!(ReviewQuery::from_params(None, Some("0")).rating, None);
        assert_eq!(ReviewQuery::from_params(None, Some("five")).rating, None);
    }
}
