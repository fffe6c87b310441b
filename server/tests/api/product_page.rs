//! The product page over HTTP: server-rendered HTML with title, price, SEO tags and
//! JSON-LD before any script runs, 404 for hidden or unknown slugs, and a recorded view.

use std::collections::HashMap;

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, Value};

use crate::helpers::{TestApp, eventually, spawn_seeded_app_with};

const BASE: &str = "https://luxeverse.example";
const VISIBLE: &str = "p.status IN ('ACTIVE', 'OUT_OF_STOCK') AND p.deleted_at IS NULL \
     AND p.published_at IS NOT NULL AND p.published_at <= now()";

async fn seeded_app() -> TestApp {
    spawn_seeded_app_with(HashMap::from([(
        "APP_BASE_URL".to_string(),
        BASE.to_string(),
    )]))
    .await
}

async fn one_row(
    db: &DatabaseConnection,
    sql: &str,
    values: impl IntoIterator<Item = Value>,
) -> sea_orm::QueryResult {
    db.query_one_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        sql,
        values,
    ))
    .await
    .unwrap()
    .unwrap_or_else(|| panic!("a row for {sql}"))
}

/// "$1,250.00" from "1250.00".
fn usd(amount: &str) -> String {
    let (whole, cents) = amount.split_once('.').unwrap_or((amount, "00"));
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("${grouped}.{cents:0<2}")
}

/// The page's schema.org JSON-LD, parsed.
fn json_ld(html: &str) -> serde_json::Value {
    let start = html
        .find(r#"<script type="application/ld+json">"#)
        .expect("a JSON-LD script")
        + r#"<script type="application/ld+json">"#.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

#[tokio::test]
async fn a_product_page_is_server_rendered_with_seo_and_records_a_view() {
    let app = seeded_app().await;
    let db = &app.db;

    let row = one_row(
        db,
        &format!(
            "SELECT p.id, p.slug, p.name, p.price::text AS price, p.currency, p.meta_title
             FROM products p
             WHERE {VISIBLE} AND p.currency = 'USD'
               AND EXISTS (SELECT 1 FROM product_media m WHERE m.product_id = p.id)
             ORDER BY p.slug LIMIT 1"
        ),
        [],
    )
    .await;
    let id: Uuid = row.try_get("", "id").unwrap();
    let slug: String = row.try_get("", "slug").unwrap();
    let name: String = row.try_get("", "name").unwrap();
    let price: String = row.try_get("", "price").unwrap();
    let meta_title: Option<String> = row.try_get("", "meta_title").unwrap();
    let amount = format!("{:.2}", price.parse::<f64>().unwrap());
    let views = async || -> i64 {
        one_row(
            db,
            "SELECT count(*) AS n FROM product_views WHERE product_id = $1",
            [id.into()],
        )
        .await
        .try_get("", "n")
        .unwrap()
    };
    let views_before = views().await;

    let response = app.get(&format!("/products/{slug}")).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    if let Ok(path) = std::env::var("PRODUCT_PAGE_DUMP") {
        std::fs::write(path, &html).unwrap();
    }
    // Everything below is in the HTML the server sent, before any script has run.
    let escaped = |s: &str| s.replace('&', "&amp;").replace('\'', "&#x27;");
    let title = meta_title.unwrap_or_else(|| name.clone());
    assert!(
        html.contains(&format!("<title>{} · LuxeVerse</title>", escaped(&title)))
            || html.contains(&format!("<title>{}", escaped(&title))),
        "title {title} in the page"
    );
    assert!(html.contains(&escaped(&name)), "product name in the page");
    assert!(
        html.contains(&usd(&amount)),
        "price {} in the page",
        usd(&amount)
    );
    let canonical = format!(r#"<link href="{BASE}/products/{slug}" rel="canonical">"#);
    assert!(html.contains(&canonical), "canonical link");
    assert!(html.contains(r#"property="og:title""#), "og:title");
    assert!(
        html.contains(&format!(r#"property="og:image" content="{BASE}/"#)),
        "absolute og:image"
    );
    assert!(html.contains(r#"property="og:type" content="product""#));
    assert!(html.contains(&format!(
        r#"property="product:price:amount" content="{amount}""#
    )));

    let ld = json_ld(&html);
    assert_eq!(ld["@type"], "Product");
    assert_eq!(ld["name"], name.as_str());
    assert_eq!(ld["offers"]["price"], amount.as_str());
    assert_eq!(ld["offers"]["priceCurrency"], "USD");

    // The view is queued and the server writes its queue within a second.
    let views_after = eventually(|| async {
        let now = views().await;
        (now > views_before).then_some(now)
    })
    .await;
    assert_eq!(
        views_after,
        Some(views_before + 1),
        "one product_views row recorded"
    );

    // A draft's slug and an unknown slug are not found.
    let draft: String = one_row(
        db,
        "SELECT slug FROM products WHERE status = 'DRAFT' ORDER BY slug LIMIT 1",
        [],
    )
    .await
    .try_get("", "slug")
    .unwrap();
    for missing in [draft.as_str(), "no-such-piece-anywhere"] {
        let response = app.get(&format!("/products/{missing}")).await;
        assert_eq!(response.status(), 404, "{missing}");
        let html = response.text().await.unwrap();
        assert!(html.contains("This page has slipped away"), "{missing}");
        assert!(!html.contains("application/ld+json"), "{missing}");
    }
}
