use super::*;

fn candidate(
    slug: &str,
    category: &str,
    colour: Option<&str>,
    distance: f64,
    rank: i64,
) -> Candidate {
    Candidate {
        id: Uuid::new_v4(),
        slug: slug.into(),
        name: slug.into(),
        brand_name: None,
        price: Decimal::new(10000, 2),
        currency: "USD".into(),
        image_url: None,
        category: category.into(),
        colour: colour.map(String::from),
        distance,
        rank,
        variants: vec![(Uuid::new_v4(), Some("One size".into()))],
    }
}

fn order(categories: &[&str]) -> Vec<String> {
    categories.iter().map(|c| String::from(*c)).collect()
}

#[test]
fn one_piece_per_category_in_the_tables_order_and_colour_can_outweigh_a_little_distance() {
    let found = vec![
        candidate("red-bag", "accessories-bags", Some("green"), 0.30, 1),
        candidate("black-bag", "accessories-bags", Some("black"), 0.35, 2),
        candidate("coat", "women-outerwear", Some("red"), 0.40, 1),
        candidate("far-coat", "women-outerwear", Some("red"), 0.90, 2),
    ];
    let look = pick(
        Some(ColourFamily::Red),
        found,
        &order(&["women-outerwear", "accessories-bags", "jewellery-earrings"]),
        false,
    );
    let slugs: Vec<&str> = look.iter().map(|c| c.piece.slug.as_str()).collect();
    // A green bag on a red dress clashes: the black one, a little further, wins.
    assert_eq!(slugs, ["coat", "black-bag"]);
    assert_eq!(look[0].reason.harmony, Harmony::Tonal);
    assert_eq!(look[1].reason.harmony, Harmony::Neutral);
    assert_eq!(look[1].reason.base_colour, Some(ColourFamily::Red));
}

#[test]
fn the_nearest_wins_when_colours_are_equal_and_pinned_looks_keep_their_order() {
    let found = vec![
        candidate("near", "jewellery-rings", Some("gold"), 0.2, 1),
        candidate("far", "jewellery-rings", Some("gold"), 0.5, 2),
    ];
    let look = pick(
        Some(ColourFamily::Black),
        found,
        &order(&["jewellery-rings"]),
        false,
    );
    assert_eq!(look.len(), 1);
    assert_eq!(look[0].piece.slug, "near");

    let pinned = vec![
        candidate("scarf", "accessories-scarves", None, 1.0, 1),
        candidate("bag", "accessories-bags", Some("blue"), 0.4, 1),
        candidate("second-bag", "accessories-bags", Some("blue"), 0.3, 1),
    ];
    let look = pick(None, pinned, &order(&["bag", "scarf", "second-bag"]), true);
    let slugs: Vec<&str> = look.iter().map(|c| c.piece.slug.as_str()).collect();
    assert_eq!(
        slugs,
        ["bag", "scarf"],
        "one piece per category, in the stylists' order"
    );
    assert!(look.iter().all(|c| c.reason.harmony == Harmony::Pinned));
    assert_eq!(why(&look[0].reason), "Chosen by our stylists.");
}

#[test]
fn a_shopper_is_not_offered_the_other_sizes_of_a_system_they_gave_a_size_for() {
    let usual = ["M".to_string(), "48".to_string()];
    let blocked = blocked_sizes(usual.iter());
    assert!(blocked.contains(&"S".to_string()) && blocked.contains(&"50".to_string()));
    assert!(!blocked.contains(&"M".to_string()) && !blocked.contains(&"48".to_string()));
    // No ring size given: every ring size is fine.
    assert!(!blocked.contains(&"6".to_string()));
    assert!(blocked_sizes([].iter()).is_empty());
}

#[test]
fn a_piece_in_one_size_goes_in_the_bag_as_is_and_a_sized_one_asks_for_its_size() {
    let one = candidate("scarf", "accessories-scarves", None, 0.5, 1);
    let mut sized = candidate("coat", "women-outerwear", None, 0.5, 1);
    sized.variants = vec![
        (Uuid::new_v4(), Some("L".into())),
        (Uuid::new_v4(), Some("XS".into())),
    ];
    let look = pick(
        None,
        vec![one, sized],
        &order(&["accessories-scarves", "women-outerwear"]),
        false,
    );
    let pieces: Vec<LookPiece> = look.iter().map(look_piece).collect();
    assert!(pieces[0].variant.is_some());
    assert_eq!(pieces[1].variant, None);
    let sizes: Vec<&str> = pieces[1].sizes.iter().map(|s| s.size.as_str()).collect();
    assert_eq!(sizes, ["XS", "L"], "smallest first");
    assert_eq!(why(&look[0].reason), "Closest in style to the piece.");
}
