//! A product's detail page: gallery, variants, reviews, recommendations.
