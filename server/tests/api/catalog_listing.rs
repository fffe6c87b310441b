//! The listing service against the seeded demo catalog: filters, facets, sorts, cursor
//! pagination and translations, cross-checked with plain SeaORM queries.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};

use entities::sea_orm_active_enums::{ProductStatus, ReviewStatus, TranslationStatus};
use entities::{
    brands, categories, collection_products, collections, product_translations, product_variants,
    products, reviews,
};
use sea_orm::prelude::{Decimal, Uuid};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    Set,
};
use services::catalog::listing::{
    ListingCache, ListingPage, ListingQuery, ListingQueryError, ProductCard, Sort, list_products,
    list_products_cached,
};

use crate::helpers::spawn_seeded_app;

fn query(items: &[(&str, &str)]) -> ListingQuery {
    let pairs: Vec<(String, String)> = items
        .iter()
        .map(|(key, value)| (key.to_string(), value.to_string()))
        .collect();
    ListingQuery::from_pairs(&pairs).expect("a valid query")
}

/// The whole catalog, loaded with SeaORM, to check the service's SQL against.
struct Catalog {
    all: Vec<products::Model>,
    visible: Vec<products::Model>,
    variants: HashMap<Uuid, Vec<product_variants::Model>>,
    categories: HashMap<Uuid, categories::Model>,
    brands: HashMap<Uuid, brands::Model>,
    /// Approved reviews: (rating sum, count) per product.
    ratings: HashMap<Uuid, (i64, i64)>,
}

impl Catalog {
    async fn load(db: &DatabaseConnection) -> Catalog {
        let all = products::Entity::find().all(db).await.unwrap();
        let now = chrono::Utc::now().fixed_offset();
        let visible = products::Entity::find()
            .filter(
                products::Column::Status.is_in([ProductStatus::Active, ProductStatus::OutOfStock]),
            )
            .filter(products::Column::DeletedAt.is_null())
            .filter(products::Column::PublishedAt.lte(now))
            .all(db)
            .await
            .unwrap();
        let mut variants: HashMap<Uuid, Vec<product_variants::Model>> = HashMap::new();
        for variant in product_variants::Entity::find().all(db).await.unwrap() {
            variants
                .entry(variant.product_id)
                .or_default()
                .push(variant);
        }
        let categories = categories::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|category| (category.id, category))
            .collect();
        let brands = brands::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|brand| (brand.id, brand))
            .collect();
        let mut ratings: HashMap<Uuid, (i64, i64)> = HashMap::new();
        for review in reviews::Entity::find()
            .filter(reviews::Column::Status.eq(ReviewStatus::Approved))
            .all(db)
            .await
            .unwrap()
        {
            let entry = ratings.entry(review.product_id).or_default();
            entry.0 += i64::from(review.rating);
            entry.1 += 1;
        }
        Catalog {
            all,
            visible,
            variants,
            categories,
            brands,
            ratings,
        }
    }

    fn product(&self, id: Uuid) -> &products::Model {
        self.all.iter().find(|product| product.id == id).unwrap()
    }

    fn in_category(&self, product: &products::Model, slug: &str) -> bool {
        let category = &self.categories[&product.category_id];
        category.slug == slug
            || category
                .parent_id
                .is_some_and(|parent| self.categories[&parent].slug == slug)
    }

    fn brand_slug(&self, product: &products::Model) -> Option<&str> {
        product
            .brand_id
            .map(|brand| self.brands[&brand].slug.as_str())
    }

    fn variants(&self, product: &products::Model) -> &[product_variants::Model] {
        self.variants
            .get(&product.id)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    fn has_size(&self, product: &products::Model, sizes: &[&str]) -> bool {
        self.variants(product)
            .iter()
            .any(|variant| variant.size.as_deref().is_some_and(|s| sizes.contains(&s)))
    }

    fn in_stock(&self, product: &products::Model) -> bool {
        self.variants(product).iter().any(|variant| {
            variant.is_available && variant.inventory_quantity - variant.inventory_reserved > 0
        })
    }

    fn average_rating(&self, id: Uuid) -> Option<Decimal> {
        self.ratings.get(&id).map(|(sum, count)| {
            (Decimal::from(*sum) / Decimal::from(*count)).round_dp_with_strategy(
                4,
                sea_orm::sea_query::prelude::rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            )
        })
    }

    fn review_count(&self, id: Uuid) -> i64 {
        self.ratings.get(&id).map_or(0, |(_, count)| *count)
    }

    fn visible_where(&self, keep: impl Fn(&products::Model) -> bool) -> Vec<&products::Model> {
        self.visible
            .iter()
            .filter(|product| keep(product))
            .collect()
    }

    /// Where `a` sorts relative to `b` under `sort`, computed in Rust.
    fn compare(&self, sort: Sort, a: Uuid, b: Uuid) -> Ordering {
        let (pa, pb) = (self.product(a), self.product(b));
        // DESC NULLS LAST for optional values.
        fn desc_nulls_last<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
            match (a, b) {
                (Some(a), Some(b)) => b.cmp(&a),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        let keys = match sort {
            Sort::Featured => pb
                .is_featured
                .cmp(&pa.is_featured)
                .then(desc_nulls_last(pa.featured_at, pb.featured_at))
                .then(pb.published_at.cmp(&pa.published_at)),
            Sort::Newest => pb.published_at.cmp(&pa.published_at),
            Sort::PriceAsc => pa.price.cmp(&pb.price),
            Sort::PriceDesc => pb.price.cmp(&pa.price),
            Sort::BestSelling => pb.purchase_count.cmp(&pa.purchase_count),
            Sort::TopRated => desc_nulls_last(self.average_rating(a), self.average_rating(b))
                .then(self.review_count(b).cmp(&self.review_count(a))),
        };
        keys.then(a.cmp(&b))
    }
}

/// Every page of `query`, following the cursors; asserts each page's total agrees.
async fn all_pages(db: &DatabaseConnection, query: &ListingQuery, limit: u32) -> Vec<ProductCard> {
    let mut cards = Vec::new();
    let mut current = query.clone();
    let mut first: Option<ListingPage> = None;
    for _ in 0..100 {
        let page = list_products(db, &current, limit).await.unwrap();
        assert!(page.products.len() <= limit as usize);
        if let Some(first) = &first {
            assert_eq!(
                page.total, first.total,
                "the total does not change with the page"
            );
        }
        cards.extend(page.products.iter().cloned());
        match &page.next_cursor {
            Some(cursor) => {
                assert_eq!(
                    page.products.len(),
                    limit as usize,
                    "only the last page is short"
                );
                current = query.with_cursor(Some(cursor)).unwrap();
                // The cursor survives the query string.
                current = ListingQuery::from_pairs(&current.to_pairs()).unwrap();
            }
            None => {
                let total = first.as_ref().map_or(page.total, |first| first.total);
                assert_eq!(cards.len() as u64, total, "every product is reached");
                return cards;
            }
        }
        first.get_or_insert(page);
    }
    panic!("more than 100 pages");
}

fn ids(cards: &[ProductCard]) -> Vec<Uuid> {
    cards.iter().map(|card| card.id).collect()
}

fn id_set<'a>(products: impl IntoIterator<Item = &'a products::Model>) -> HashSet<Uuid> {
    products.into_iter().map(|product| product.id).collect()
}

fn facet_map(counts: &[services::catalog::listing::FacetCount]) -> BTreeMap<String, u64> {
    counts
        .iter()
        .map(|facet| (facet.value.clone(), facet.count))
        .collect()
}

fn count_by<'a>(
    products: impl IntoIterator<Item = &'a products::Model>,
    mut keys: impl FnMut(&products::Model) -> Vec<String>,
) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for product in products {
        let mut product_keys = keys(product);
        product_keys.sort();
        product_keys.dedup();
        for key in product_keys {
            *counts.entry(key).or_insert(0) += 1;
        }
    }
    counts
}

#[tokio::test]
async fn listings_show_only_visible_products_and_filters_and_facets_match_the_catalog() {
    let app = spawn_seeded_app().await;
    let db = &app.db;
    let catalog = Catalog::load(db).await;

    // Drafts, archived and soft-deleted products exist, and never appear.
    let hidden: HashSet<Uuid> = catalog
        .all
        .iter()
        .filter(|product| {
            matches!(
                product.status,
                ProductStatus::Draft | ProductStatus::Archived | ProductStatus::Discontinued
            ) || product.deleted_at.is_some()
        })
        .map(|product| product.id)
        .collect();
    assert!(
        catalog.all.iter().any(|p| p.status == ProductStatus::Draft)
            && catalog
                .all
                .iter()
                .any(|p| p.status == ProductStatus::Archived)
            && catalog.all.iter().any(|p| p.deleted_at.is_some())
            && catalog
                .all
                .iter()
                .any(|p| p.status == ProductStatus::OutOfStock)
    );
    let everything = all_pages(db, &ListingQuery::default(), 100).await;
    let shown: HashSet<Uuid> = ids(&everything).into_iter().collect();
    assert_eq!(shown.len(), everything.len(), "no duplicates");
    assert!(shown.is_disjoint(&hidden));
    assert_eq!(shown, id_set(&catalog.visible));
    assert_eq!(catalog.visible.len() + hidden.len(), catalog.all.len());

    // Cards carry what the listing shows.
    for card in &everything {
        let product = catalog.product(card.id);
        assert_eq!(card.slug, product.slug);
        assert_eq!(card.name, product.name, "English is the base text");
        assert_eq!(card.price, product.price);
        assert_eq!(card.compare_at_price, product.compare_at_price);
        assert_eq!(card.currency, product.currency);
        assert_eq!(
            card.brand_name.as_deref(),
            product.brand_id.map(|b| catalog.brands[&b].name.as_str())
        );
        assert_eq!(card.in_stock, catalog.in_stock(product));
        assert_eq!(card.average_rating, catalog.average_rating(card.id));
        assert_eq!(card.review_count as i64, catalog.review_count(card.id));
        let url = card.image_url.as_deref().expect("a primary image");
        assert!(url.ends_with("-1.svg"), "{url}");
        assert!(card.image_alt.as_deref().unwrap().ends_with("front view"));
    }

    // A department includes its children; a leaf only itself.
    for slug in ["women", "women-dresses", "jewellery"] {
        let page = list_products(db, &query(&[("category", slug)]), 24)
            .await
            .unwrap();
        let expected = catalog.visible_where(|p| catalog.in_category(p, slug));
        assert!(!expected.is_empty());
        assert_eq!(page.total, expected.len() as u64, "{slug}");
        let expected = id_set(expected);
        assert!(page.products.iter().all(|card| expected.contains(&card.id)));
    }
    let women = list_products(db, &query(&[("category", "women")]), 24)
        .await
        .unwrap();
    let dresses = list_products(db, &query(&[("category", "women-dresses")]), 24)
        .await
        .unwrap();
    assert!(women.total > dresses.total);
    let nothing = list_products(db, &query(&[("category", "no-such-category")]), 24)
        .await
        .unwrap();
    assert_eq!((nothing.total, nothing.products.len()), (0, 0));
    assert!(nothing.next_cursor.is_none());

    // Brand.
    let brand = list_products(db, &query(&[("brand", "maison-aurelle")]), 100)
        .await
        .unwrap();
    let expected = catalog.visible_where(|p| catalog.brand_slug(p) == Some("maison-aurelle"));
    assert!(!expected.is_empty());
    assert_eq!(brand.total, expected.len() as u64);
    assert_eq!(
        ids(&brand.products).into_iter().collect::<HashSet<_>>(),
        id_set(expected)
    );

    // Collection, by slug, through collection_products.
    let collection = collections::Entity::find()
        .filter(collections::Column::Slug.eq("evening-hours"))
        .one(db)
        .await
        .unwrap()
        .expect("the demo collection exists");
    let members: HashSet<Uuid> = collection_products::Entity::find()
        .filter(collection_products::Column::CollectionId.eq(collection.id))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.product_id)
        .collect();
    let found = all_pages(db, &query(&[("collection", "evening-hours")]), 24).await;
    let expected = id_set(catalog.visible_where(|p| members.contains(&p.id)));
    assert!(!expected.is_empty());
    assert_eq!(ids(&found).into_iter().collect::<HashSet<_>>(), expected);

    // Price range, inclusive at both ends.
    let (min, max) = (Decimal::new(100, 0), Decimal::new(400, 0));
    let priced = all_pages(
        db,
        &query(&[("min_price", "100"), ("max_price", "400.00")]),
        24,
    )
    .await;
    let expected = catalog.visible_where(|p| p.price >= min && p.price <= max);
    assert!(!expected.is_empty() && expected.len() < catalog.visible.len());
    assert_eq!(
        ids(&priced).into_iter().collect::<HashSet<_>>(),
        id_set(expected)
    );
    assert!(
        priced
            .iter()
            .all(|card| card.price >= min && card.price <= max)
    );

    // Size: values of one filter are OR-ed.
    for sizes in [vec!["M"], vec!["M", "48"], vec!["One size"]] {
        let pairs: Vec<(&str, &str)> = sizes.iter().map(|size| ("size", *size)).collect();
        let found = all_pages(db, &query(&pairs), 24).await;
        let expected = catalog.visible_where(|p| catalog.has_size(p, &sizes));
        assert!(!expected.is_empty());
        assert_eq!(
            ids(&found).into_iter().collect::<HashSet<_>>(),
            id_set(expected),
            "{sizes:?}"
        );
    }

    // Flags.
    let sustainable = list_products(db, &query(&[("sustainable", "true")]), 24)
        .await
        .unwrap();
    let expected = catalog.visible_where(|p| p.style_tags.iter().any(|tag| tag == "sustainable"));
    assert_eq!(sustainable.total, expected.len() as u64);
    let limited = list_products(db, &query(&[("limited", "1")]), 24)
        .await
        .unwrap();
    assert_eq!(
        limited.total,
        catalog.visible_where(|p| p.is_limited_edition).len() as u64
    );
    let exclusive = list_products(db, &query(&[("exclusive", "1")]), 24)
        .await
        .unwrap();
    assert_eq!(
        exclusive.total,
        catalog.visible_where(|p| p.is_exclusive).len() as u64
    );
    let stocked = all_pages(db, &query(&[("in_stock", "true")]), 24).await;
    assert!(stocked.iter().all(|card| card.in_stock));
    assert_eq!(
        stocked.len(),
        catalog.visible_where(|p| catalog.in_stock(p)).len()
    );

    // Facets: each dimension counted with every other filter, but not its own.
    let filtered = query(&[
        ("category", "women"),
        ("size", "M"),
        ("max_price", "900"),
        ("in_stock", "1"),
    ]);
    let page = list_products(db, &filtered, 24).await.unwrap();
    let max_price = Decimal::new(900, 0);
    let women = |p: &products::Model| catalog.in_category(p, "women");
    let size_m = |p: &products::Model| catalog.has_size(p, &["M"]);
    let cheap = |p: &products::Model| p.price <= max_price;
    let stock = |p: &products::Model| catalog.in_stock(p);
    let matching = catalog.visible_where(|p| women(p) && size_m(p) && cheap(p) && stock(p));
    assert!(!matching.is_empty());
    assert_eq!(page.total, matching.len() as u64);

    let expected_sizes = count_by(
        catalog.visible_where(|p| women(p) && cheap(p) && stock(p)),
        |p| {
            catalog
                .variants(p)
                .iter()
                .filter_map(|v| v.size.clone())
                .collect()
        },
    );
    assert!(expected_sizes.len() > 1, "other sizes are still offered");
    assert_eq!(facet_map(&page.facets.sizes), expected_sizes);

    let expected_categories = count_by(
        catalog.visible_where(|p| size_m(p) && cheap(p) && stock(p)),
        |p| vec![catalog.categories[&p.category_id].slug.clone()],
    );
    assert!(
        expected_categories
            .keys()
            .any(|slug| slug.starts_with("men-"))
    );
    assert_eq!(facet_map(&page.facets.categories), expected_categories);
    assert!(page.facets.categories.iter().all(|facet| {
        catalog
            .categories
            .values()
            .any(|c| c.slug == facet.value && c.name == facet.label && c.parent_id.is_some())
    }));

    let expected_brands = count_by(matching.iter().copied(), |p| {
        catalog
            .brand_slug(p)
            .map(String::from)
            .into_iter()
            .collect()
    });
    assert_eq!(facet_map(&page.facets.brands), expected_brands);
    let expected_colors = count_by(matching.iter().copied(), |p| {
        catalog
            .variants(p)
            .iter()
            .filter_map(|v| v.color.clone())
            .collect()
    });
    assert_eq!(facet_map(&page.facets.colors), expected_colors);
    let expected_materials = count_by(matching.iter().copied(), |p| {
        catalog
            .variants(p)
            .iter()
            .filter_map(|v| v.material.clone())
            .collect()
    });
    assert_eq!(facet_map(&page.facets.materials), expected_materials);

    let unpriced = catalog.visible_where(|p| women(p) && size_m(p) && stock(p));
    assert_eq!(
        page.facets.price_min,
        unpriced.iter().map(|p| p.price).min()
    );
    assert_eq!(
        page.facets.price_max,
        unpriced.iter().map(|p| p.price).max()
    );
    assert_eq!(
        page.facets.in_stock,
        catalog
            .visible_where(|p| women(p) && size_m(p) && cheap(p) && stock(p))
            .len() as u64
    );
    // Without the in_stock filter, the in_stock facet still counts the stocked ones.
    let unfiltered = list_products(db, &query(&[("category", "women"), ("size", "M")]), 24)
        .await
        .unwrap();
    assert_eq!(
        unfiltered.facets.in_stock,
        catalog
            .visible_where(|p| women(p) && size_m(p) && stock(p))
            .len() as u64
    );
    assert_eq!(
        unfiltered.total,
        catalog.visible_where(|p| women(p) && size_m(p)).len() as u64
    );
}

#[tokio::test]
async fn every_sort_pages_through_each_visible_product_once_in_order() {
    let app = spawn_seeded_app().await;
    let db = &app.db;
    let catalog = Catalog::load(db).await;
    let visible = id_set(&catalog.visible);

    for sort in Sort::ALL {
        let query = query(&[("sort", sort.as_str())]);
        let cards = all_pages(db, &query, 24).await;
        let found = ids(&cards);
        let unique: HashSet<Uuid> = found.iter().copied().collect();
        assert_eq!(unique.len(), found.len(), "{sort:?}: no duplicates");
        assert_eq!(unique, visible, "{sort:?}: no gaps");
        for pair in found.windows(2) {
            assert_eq!(
                catalog.compare(sort, pair[0], pair[1]),
                Ordering::Less,
                "{sort:?}: {} before {}",
                catalog.product(pair[0]).slug,
                catalog.product(pair[1]).slug
            );
        }
    }
    // The sorts are not all the same order.
    let first = |cards: Vec<ProductCard>| cards[0].id;
    let by_price = first(all_pages(db, &query(&[("sort", "price_asc")]), 24).await);
    let by_price_desc = first(all_pages(db, &query(&[("sort", "price_desc")]), 24).await);
    assert_ne!(by_price, by_price_desc);

    // Paging a filtered listing, with a small page, also has no duplicates or gaps.
    let filtered = query(&[
        ("category", "women"),
        ("sort", "top_rated"),
        ("in_stock", "1"),
    ]);
    let cards = all_pages(db, &filtered, 7).await;
    let expected =
        id_set(catalog.visible_where(|p| catalog.in_category(p, "women") && catalog.in_stock(p)));
    assert_eq!(cards.len(), expected.len());
    assert_eq!(ids(&cards).into_iter().collect::<HashSet<_>>(), expected);

    // Bad cursors and bad parameters are errors, never panics.
    let bad = |items: &[(&str, &str)]| {
        let pairs: Vec<(String, String)> = items
            .iter()
            .map(|(key, value)| (key.to_string(), value.to_string()))
            .collect();
        ListingQuery::from_pairs(&pairs).unwrap_err()
    };
    assert_eq!(
        bad(&[("cursor", "not a cursor")]),
        ListingQueryError::BadCursor
    );
    assert_eq!(
        bad(&[("cursor", "eyJzIjoiZmVhdHVyZWQifQ")]),
        ListingQueryError::BadCursor
    );
    let page = list_products(db, &query(&[("sort", "newest")]), 24)
        .await
        .unwrap();
    let newest_cursor = page.next_cursor.unwrap();
    assert_eq!(
        bad(&[("sort", "price_asc"), ("cursor", &newest_cursor)]),
        ListingQueryError::CursorSortMismatch
    );
    let mut tampered = newest_cursor.clone();
    tampered.insert(3, '*');
    assert_eq!(
        bad(&[("sort", "newest"), ("cursor", &tampered)]),
        ListingQueryError::BadCursor
    );
    assert_eq!(
        bad(&[("min_price", "ten")]).to_string(),
        "min_price must be a number"
    );
    assert_eq!(bad(&[("sort", "x")]).to_string(), "unknown sort `x`");
    assert!(
        bad(&[("in_stock", "maybe")])
            .to_string()
            .contains("in_stock")
    );
    assert!(bad(&[("lang", "xx")]).to_string().contains("lang"));
    // A user's quote in a slug is refused, not sent to the database.
    assert!(
        bad(&[("brand", "x' OR '1'='1")])
            .to_string()
            .contains("brand")
    );
    // Values that are only ever bound: odd sizes simply match nothing.
    let odd = list_products(db, &query(&[("size", "M' OR 1=1 --")]), 24)
        .await
        .unwrap();
    assert_eq!(odd.total, 0);

    // French names come from approved translations, field by field falling back to the
    // base name: one translation without a name, one not approved yet.
    let french = product_translations::Entity::find()
        .filter(product_translations::Column::LanguageCode.eq("fr"))
        .all(db)
        .await
        .unwrap();
    let visible_french: Vec<&product_translations::Model> = french
        .iter()
        .filter(|t| visible.contains(&t.product_id))
        .collect();
    let nameless = visible_french[0].clone();
    let pending = visible_french[1].clone();
    let mut model = nameless.clone().into_active_model();
    model.name = Set(None);
    model.update(db).await.unwrap();
    let mut model = pending.clone().into_active_model();
    model.status = Set(TranslationStatus::Pending);
    model.update(db).await.unwrap();

    let cards = all_pages(db, &query(&[("lang", "fr")]), 100).await;
    let by_product: HashMap<Uuid, &product_translations::Model> =
        french.iter().map(|t| (t.product_id, t)).collect();
    for card in &cards {
        let base = &catalog.product(card.id).name;
        let expected = if card.id == nameless.product_id || card.id == pending.product_id {
            base.clone()
        } else {
            let translation = by_product[&card.id];
            assert_eq!(translation.status, TranslationStatus::Approved);
            translation.name.clone().unwrap_or_else(|| base.clone())
        };
        assert_eq!(&card.name, &expected);
    }
    assert!(
        cards
            .iter()
            .any(|card| card.name != catalog.product(card.id).name)
    );
    let english = all_pages(db, &query(&[("lang", "en")]), 100).await;
    assert!(
        english
            .iter()
            .all(|card| card.name == catalog.product(card.id).name)
    );
}

#[tokio::test]
async fn a_cached_listing_counts_filters_it_has_not_seen_as_a_live_one_does() {
    let app = spawn_seeded_app().await;
    let db = &app.db;
    let cache = ListingCache::default();
    let queries = [
        query(&[]),
        query(&[("category", "women")]),
        query(&[("category", "women"), ("size", "M"), ("max_price", "1500")]),
        query(&[("in_stock", "true"), ("sort", "price_desc")]),
        query(&[("color", "Black"), ("color", "Ivory"), ("min_price", "200")]),
        query(&[("brand", "no-such-house")]),
    ];
    for query in &queries {
        let live = list_products(db, query, 12).await.unwrap();
        let cached = list_products_cached(db, Some(&cache), query, 12)
            .await
            .unwrap();
        assert_eq!(cached, live, "{query:?}");
    }

    // The facet index is kept for the cache's time to live: a price change shows in live
    // counts at once, in the cache's counts for filters it has not seen only after that.
    let cheapest = products::Entity::find()
        .filter(products::Column::Status.eq(ProductStatus::Active))
        .filter(products::Column::DeletedAt.is_null())
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let mut repriced = cheapest.into_active_model();
    repriced.price = Set(Decimal::new(1, 2));
    repriced.update(db).await.unwrap();
    let unseen = query(&[("max_price", "0.50")]);
    assert_eq!(list_products(db, &unseen, 12).await.unwrap().total, 1);
    let stale = list_products_cached(db, Some(&cache), &unseen, 12)
        .await
        .unwrap();
    assert_eq!(
        stale.total, 0,
        "counted on the index read before the change"
    );
    let fresh = ListingCache::default();
    let recounted = list_products_cached(db, Some(&fresh), &unseen, 12)
        .await
        .unwrap();
    assert_eq!(recounted.total, 1);
}
