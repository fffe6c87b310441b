//! The listing pages over HTTP: server-rendered HTML for `/products` and the category
//! page against the seeded demo catalog, friendly messages for bad filters, no drafts.

use entities::products;
use entities::sea_orm_active_enums::ProductStatus;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use services::catalog::listing::{ListingQuery, list_products};

use crate::helpers::{escaped, spawn_app, spawn_seeded_app};

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(key, value)| (key.to_string(), value.to_string()))
        .collect()
}

/// The `data-price` values of the product cards, in document order.
fn card_prices(html: &str) -> Vec<f64> {
    html.split(r#"data-price=""#)
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().parse::<f64>().unwrap())
        .collect()
}

async fn get_html(app: &crate::helpers::TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    response.text().await.unwrap()
}

#[tokio::test]
async fn products_page_renders_the_filtered_listing_in_price_order() {
    let app = spawn_seeded_app().await;
    let db = &app.db;

    let html = get_html(&app, "/products?category=women&sort=price_asc").await;

    let query =
        ListingQuery::from_pairs(&pairs(&[("category", "women"), ("sort", "price_asc")])).unwrap();
    let expected = list_products(db, &query, 24).await.unwrap();
    assert!(
        expected.products.len() >= 2,
        "the demo catalog has women's pieces"
    );
    // Every product of the first page is in the HTML, in the service's (price) order.
    let mut last = 0;
    for card in &expected.products {
        let name = escaped(&card.name);
        let at = html[last..]
            .find(&name)
            .unwrap_or_else(|| panic!("{} missing or out of order", card.name));
        last += at + name.len();
    }
    let prices = card_prices(&html);
    assert_eq!(prices.len(), expected.products.len());
    assert!(
        prices.windows(2).all(|pair| pair[0] <= pair[1]),
        "prices ascend: {prices:?}"
    );
    assert!(html.contains(r#"role="status""#));
    assert!(html.contains(&format!("of {} piece", expected.total)));
    assert!(html.contains(r#"action="/products""#), "a GET filter form");
    assert!(html.contains(r#"name="description""#));
    assert!(
        html.contains("<title>All pieces · LuxeVerse</title>"),
        "title"
    );
    if expected.next_cursor.is_some() {
        assert!(html.contains("cursor="), "a load more link");
    }

    // The category page sets the filter from its path.
    let html = get_html(&app, "/categories/women?sort=price_asc").await;
    assert!(html.contains("<title>Women · LuxeVerse</title>"));
    let prices = card_prices(&html);
    assert_eq!(prices.len(), expected.products.len());
    assert!(html.contains(&escaped(&expected.products[0].name)));
}

#[tokio::test]
async fn a_bad_parameter_gets_a_friendly_message_not_a_500() {
    let app = spawn_app().await;

    for path in [
        "/products?min_price=cheap",
        "/products?sort=sideways",
        "/products?min_price=500&max_price=100",
        "/products?sort=price_asc&cursor=not-a-cursor",
    ] {
        let response = app.get(path).await;
        assert!(
            !response.status().is_server_error(),
            "{path}: {}",
            response.status()
        );
        let html = response.text().await.unwrap();
        assert!(
            html.contains("We could not apply the “"),
            "{path}: no message"
        );
        assert!(html.contains(r#"role="alert""#), "{path}");
        assert!(!html.contains("Something went wrong"), "{path}");
    }
}

#[tokio::test]
async fn drafts_never_appear_on_listing_pages() {
    let app = spawn_seeded_app().await;
    let db = &app.db;

    let drafts = products::Entity::find()
        .filter(products::Column::Status.eq(ProductStatus::Draft))
        .all(db)
        .await
        .unwrap();
    assert!(!drafts.is_empty(), "the demo catalog has drafts");

    let pages = vec![
        get_html(&app, "/products").await,
        get_html(&app, "/products?sort=newest").await,
        get_html(&app, "/products?sort=price_desc").await,
        get_html(&app, "/categories/women").await,
    ];
    for draft in &drafts {
        for html in &pages {
            assert!(
                !html.contains(&escaped(&draft.name)),
                "draft {} is listed",
                draft.name
            );
            assert!(!html.contains(&format!("/products/{}\"", draft.slug)));
        }
    }
}

#[tokio::test]
async fn the_first_row_of_pictures_loads_first_and_the_rest_lazily() {
    let app = spawn_seeded_app().await;
    for path in ["/products", "/search?q=cashmere"] {
        let html = get_html(&app, path).await;
        let cards: Vec<&str> = html
            .split(r#"<div class="product-card__media">"#)
            .skip(1)
            .map(|card| &card[..card.find('>').unwrap_or(card.len())])
            .collect();
        assert!(cards.len() > 4, "{path}: {} cards", cards.len());
        for (index, image) in cards.iter().enumerate() {
            let eager =
                image.contains(r#"loading="eager""#) && image.contains(r#"fetchpriority="high""#);
            let lazy =
                image.contains(r#"loading="lazy""#) && image.contains(r#"fetchpriority="auto""#);
            assert!(
                if index < 4 { eager } else { lazy },
                "{path}: card {index} is {image}"
            );
        }
    }
    // A category's hero picture is the page's largest paint.
    let html = get_html(&app, "/categories/women").await;
    let at = html
        .find(r#"class="listing__hero-image""#)
        .expect("the category has a hero picture");
    let tag = &html[html[..at].rfind('<').unwrap()..at + html[at..].find('>').unwrap()];
    assert!(tag.contains(r#"fetchpriority="high""#), "{tag}");
    assert!(!tag.contains("lazy"), "{tag}");
}
