//! Which categories complete a look around a piece of a given category.
//!
//! The demo catalogue has no shoes or trousers as categories of their own, so each leaf
//! category lists what it has that a stylist would put with it, the most telling first
//! (a dress: outerwear, a bag, earrings, a necklace; a suit: a shirt, a belt, a watch,
//! a coat; a ceramic: the other home categories). A look never holds a piece of the base
//! piece's own category: no entry names its own key (checked by a test), and the query
//! leaves the base category out whatever the table says. A category missing from the
//! table gets no look.

/// Most pieces in a look (one per complementary category).
pub const MAX_PIECES: usize = 4;

/// `(base category, complementary categories)`, for every leaf of the catalogue.
pub const COMPLEMENTS: &[(&str, &[&str])] = &[
    (
        "women-dresses",
        &[
            "women-outerwear",
            "accessories-bags",
            "jewellery-earrings",
            "jewellery-necklaces",
        ],
    ),
    (
        "women-knitwear",
        &[
            "women-tailoring",
            "women-outerwear",
            "accessories-scarves",
            "jewellery-earrings",
        ],
    ),
    (
        "women-outerwear",
        &[
            "women-knitwear",
            "women-tailoring",
            "accessories-bags",
            "accessories-scarves",
        ],
    ),
    (
        "women-tailoring",
        &[
            "women-knitwear",
            "women-outerwear",
            "accessories-bags",
            "jewellery-necklaces",
        ],
    ),
    (
        "men-suits",
        &[
            "men-shirts",
            "accessories-belts",
            "jewellery-watches",
            "men-outerwear",
        ],
    ),
    (
        "men-shirts",
        &[
            "men-suits",
            "men-knitwear",
            "accessories-belts",
            "jewellery-watches",
        ],
    ),
    (
        "men-knitwear",
        &[
            "men-shirts",
            "men-outerwear",
            "accessories-scarves",
            "jewellery-watches",
        ],
    ),
    (
        "men-outerwear",
        &[
            "men-knitwear",
            "men-shirts",
            "accessories-scarves",
            "accessories-sunglasses",
        ],
    ),
    (
        "accessories-scarves",
        &[
            "women-outerwear",
            "women-knitwear",
            "accessories-bags",
            "jewellery-earrings",
        ],
    ),
    (
        "accessories-bags",
        &[
            "women-dresses",
            "accessories-scarves",
            "accessories-sunglasses",
            "jewellery-earrings",
        ],
    ),
    (
        "accessories-belts",
        &[
            "men-shirts",
            "men-knitwear",
            "jewellery-watches",
            "accessories-sunglasses",
        ],
    ),
    (
        "accessories-sunglasses",
        &[
            "women-dresses",
            "accessories-bags",
            "accessories-scarves",
            "jewellery-earrings",
        ],
    ),
    (
        "jewellery-necklaces",
        &[
            "women-dresses",
            "jewellery-earrings",
            "jewellery-rings",
            "accessories-bags",
        ],
    ),
    (
        "jewellery-earrings",
        &[
            "women-dresses",
            "jewellery-necklaces",
            "jewellery-rings",
            "accessories-bags",
        ],
    ),
    (
        "jewellery-rings",
        &[
            "jewellery-necklaces",
            "jewellery-earrings",
            "jewellery-watches",
            "women-dresses",
        ],
    ),
    (
        "jewellery-watches",
        &[
            "men-shirts",
            "men-suits",
            "accessories-belts",
            "accessories-sunglasses",
        ],
    ),
    (
        "home-ceramics",
        &["home-textiles", "home-glassware", "home-candles"],
    ),
    (
        "home-textiles",
        &["home-ceramics", "home-candles", "home-glassware"],
    ),
    (
        "home-glassware",
        &["home-ceramics", "home-candles", "home-textiles"],
    ),
    (
        "home-candles",
        &["home-ceramics", "home-glassware", "home-textiles"],
    ),
];

/// The categories that complete a look around a piece of `category`, never `category`
/// itself; empty for a category the table does not know.
pub fn complements(category: &str) -> Vec<String> {
    COMPLEMENTS
        .iter()
        .find(|(base, _)| *base == category)
        .map(|(_, others)| {
            others
                .iter()
                .filter(|other| **other != category)
                .take(MAX_PIECES)
                .map(|other| other.to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_category_completes_itself_and_every_complement_is_a_known_leaf() {
        for (base, others) in COMPLEMENTS {
            assert!(!others.contains(base), "{base} completes itself");
            assert!(!others.is_empty() && others.len() <= MAX_PIECES, "{base}");
            for other in *others {
                assert!(
                    COMPLEMENTS.iter().any(|(leaf, _)| leaf == other),
                    "{other} (for {base}) is not a leaf"
                );
            }
            let mut unique = others.to_vec();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), others.len(), "{base} repeats a category");
        }
    }

    #[test]
    fn a_dress_is_completed_by_outerwear_a_bag_and_jewellery_and_unknowns_by_nothing() {
        let dress = complements("women-dresses");
        assert_eq!(dress[0], "women-outerwear");
        assert!(dress.contains(&"accessories-bags".to_string()));
        assert!(dress.iter().any(|c| c.starts_with("jewellery-")));
        assert!(!dress.contains(&"women-dresses".to_string()));
        assert!(complements("gift-cards").is_empty());
    }
}
