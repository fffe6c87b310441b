//! The `Services` handle: every long-lived resource the business logic needs, built once at
//! start-up and cloned cheaply into each request (each field is itself a handle).

use sea_orm::DatabaseConnection;

use crate::analytics::Analytics;
use crate::auth::recovery::Links;
use crate::auth::tokens::TokenSigner;
use crate::catalog::listing::ListingCache;
use crate::catalog::product::ProductPageCache;
use crate::catalog::search::{QueryEmbeddings, TermCache};
use crate::embedder::MiniLmEmbedder;
use crate::mail::Mailer;
use crate::media::MediaStore;
use crate::oauth::OAuthProviders;
use crate::payments::Payments;
use crate::personal::feed::EditorialRow;

#[derive(Clone, Debug)]
pub struct Services {
    pub db: DatabaseConnection,
    /// Public base URL for links in emails, no trailing slash.
    pub base_url: String,
    pub mailer: Mailer,
    /// Signs verification and reset links and the OAuth sign-in cookie.
    pub signer: TokenSigner,
    /// Social sign-in providers configured by environment.
    pub oauth: OAuthProviders,
    /// Listing pages and facet counts, cached for a few seconds.
    pub listing_cache: ListingCache,
    /// Product pages' reads, cached for a few seconds.
    pub product_cache: ProductPageCache,
    /// Stripe (or the local fake): PaymentIntents, refunds, the webhook secret.
    pub payments: Payments,
    /// Product views and search logs waiting to be written in a batch.
    pub analytics: Analytics,
    /// How search terms were last planned (corrections, whole words, brands).
    pub search_terms: TermCache,
    /// Search queries' embeddings, for the hybrid search.
    pub search_embeddings: QueryEmbeddings,
    /// Uploaded pictures (review photos), stored by content under the data directory.
    pub media: MediaStore,
    /// all-MiniLM-L6-v2, loaded once per process: query and taste embeddings.
    pub embedder: MiniLmEmbedder,
    /// The "For you" row visitors see, kept for a minute.
    pub editorial_row: EditorialRow,
    /// Complete the look's shortlists per base piece (see `personal::look::shortlist`).
    pub look_shortlists: crate::personal::look::Shortlists,
}

impl Services {
    /// What emailed links are made with.
    pub fn links(&self) -> Links<'_> {
        Links {
            mailer: &self.mailer,
            signer: &self.signer,
            base_url: &self.base_url,
        }
    }
}
