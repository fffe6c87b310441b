//! The look's shortlists: for a base piece, the nearest visible pieces of each of its
//! complementary categories, [`SHORTLIST`] of each, kept in process for
//! [`Shortlists::TTL`]. Reading them from the index is most of a look's cost and they
//! are the same for every shopper; what is shopper's own (what they own, what is in
//! their bag, the sizes they wear) and what moves by the minute (stock) is checked live
//! on the shortlist at every look ([`query::Among::Shortlist`]).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use sea_orm::DatabaseConnection;
use sea_orm::prelude::*;

use super::query::{self, Among, Base, Filter};
use crate::catalog::listing::TtlCache;

/// Nearest pieces per category a shortlist keeps.
pub const SHORTLIST: i64 = 24;

/// A base piece's shortlist: piece ids, and how many each category had.
#[derive(Clone, Debug, Default)]
pub struct Shortlist {
    pub pieces: Vec<Uuid>,
    pub per_category: HashMap<String, usize>,
}

impl Shortlist {
    /// Whether `category` may have more pieces than the shortlist holds (it was full).
    pub fn was_full(&self, category: &str) -> bool {
        self.per_category.get(category).copied().unwrap_or(0) >= SHORTLIST as usize
    }
}

/// The shortlists of the pieces looked at lately, per base piece (cheap to clone).
#[derive(Clone, Debug)]
pub struct Shortlists(TtlCache<Uuid, Arc<Shortlist>>);

impl Shortlists {
    pub const TTL: Duration = Duration::from_secs(60);
    /// Base pieces kept at most.
    pub const CAPACITY: usize = 5_000;
}

impl Default for Shortlists {
    fn default() -> Self {
        Shortlists(TtlCache::new(Self::TTL, Self::CAPACITY))
    }
}

impl Shortlists {
    /// The shortlist for `base` among `categories`, read when not fresh.
    pub async fn of(
        &self,
        db: &DatabaseConnection,
        base: &Base,
        categories: &[String],
    ) -> Result<Arc<Shortlist>, DbErr> {
        if let Some(found) = self.0.get(&base.id) {
            return Ok(found);
        }
        let among = Among::Categories {
            slugs: categories.to_vec(),
            per_category: SHORTLIST,
        };
        let found = query::candidates(db, base, &among, &Filter::default()).await?;
        let mut shortlist = Shortlist::default();
        for candidate in found {
            *shortlist
                .per_category
                .entry(candidate.category.clone())
                .or_default() += 1;
            shortlist.pieces.push(candidate.id);
        }
        let shortlist = Arc::new(shortlist);
        self.0.put(base.id, Arc::clone(&shortlist));
        Ok(shortlist)
    }
}
