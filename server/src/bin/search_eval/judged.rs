//! The judged queries (`bench/search-judged.json`): each product's grade for a query
//! from the catalogue's attributes, and the metrics of a ranking against the grades.

use std::collections::HashMap;

use sea_orm::prelude::{Decimal, Uuid};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde::Deserialize;

#[derive(Deserialize)]
pub(crate) struct Judged {
    pub(crate) queries: Vec<Judgement>,
}

#[derive(Deserialize)]
pub(crate) struct Judgement {
    pub(crate) query: String,
    pub(crate) kind: String,
    pub(crate) grades: Vec<Clause>,
}

/// Predicates a product must all satisfy for `grade` (a list means any of).
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct Clause {
    pub(crate) grade: u8,
    pub(crate) name: Option<String>,
    pub(crate) name_has: Vec<String>,
    pub(crate) sku: Vec<String>,
    pub(crate) brand: Vec<String>,
    pub(crate) category: Vec<String>,
    pub(crate) material: Vec<String>,
    pub(crate) color: Vec<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) price_max: Option<Decimal>,
    pub(crate) price_min: Option<Decimal>,
}

pub(crate) struct Product {
    pub(crate) id: Uuid,
    pub(crate) name: String,
    pub(crate) skus: Vec<String>,
    pub(crate) brand: String,
    pub(crate) categories: [String; 2],
    pub(crate) material: String,
    pub(crate) color: String,
    pub(crate) tags: Vec<String>,
    pub(crate) price: Decimal,
}

impl Clause {
    fn holds(&self, p: &Product) -> bool {
        let any = |wanted: &[String], value: &str| {
            wanted.is_empty() || wanted.iter().any(|w| w.eq_ignore_ascii_case(value))
        };
        self.name
            .as_ref()
            .is_none_or(|n| n.eq_ignore_ascii_case(&p.name))
            && (self.name_has.is_empty() || self.name_has.iter().any(|n| p.name.contains(n)))
            && (self.sku.is_empty() || self.sku.iter().any(|s| p.skus.contains(s)))
            && any(&self.brand, &p.brand)
            && (self.category.is_empty() || p.categories.iter().any(|c| any(&self.category, c)))
            && any(&self.material, &p.material)
            && any(&self.color, &p.color)
            && (self.tags.is_empty() || self.tags.iter().any(|t| p.tags.contains(t)))
            && self.price_max.is_none_or(|max| p.price <= max)
            && self.price_min.is_none_or(|min| p.price >= min)
    }
}

pub(crate) fn grade(judgement: &Judgement, product: &Product) -> u8 {
    judgement
        .grades
        .iter()
        .filter(|clause| clause.holds(product))
        .map(|clause| clause.grade)
        .max()
        .unwrap_or(0)
}

pub(crate) async fn products(db: &DatabaseConnection) -> Vec<Product> {
    let sql = "SELECT p.id, p.name, p.sku || ARRAY(SELECT v.sku::text FROM product_variants v \
                 WHERE v.product_id = p.id) AS skus, coalesce(b.slug, '') AS brand, \
               c.slug AS category, coalesce(pc.slug, '') AS parent, \
               coalesce(p.materials->>'primary', '') AS material, \
               coalesce(p.color_analysis->>'family', '') AS color, p.style_tags AS tags, p.price \
               FROM products p LEFT JOIN brands b ON b.id = p.brand_id \
               JOIN categories c ON c.id = p.category_id \
               LEFT JOIN categories pc ON pc.id = c.parent_id \
               WHERE p.deleted_at IS NULL AND p.status IN ('ACTIVE', 'OUT_OF_STOCK') \
               AND p.published_at <= now()";
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("the catalogue reads");
    rows.iter()
        .map(|row| {
            let get = |column: &str| row.try_get::<String>("", column).expect(column);
            Product {
                id: row.try_get("", "id").expect("id"),
                name: get("name"),
                skus: row.try_get("", "skus").expect("skus"),
                brand: get("brand"),
                categories: [get("category"), get("parent")],
                material: get("material"),
                color: get("color"),
                tags: row.try_get("", "tags").expect("tags"),
                price: row.try_get("", "price").expect("price"),
            }
        })
        .collect()
}

/// nDCG@10 and recall@50 of one ranking against the grades.
pub(crate) fn metrics(ranked: &[Uuid], grades: &HashMap<Uuid, u8>) -> (f64, Option<f64>) {
    let gain = |grade: u8| f64::from((1u32 << grade) - 1);
    let dcg: f64 = ranked
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, id)| gain(grades.get(id).copied().unwrap_or(0)) / ((i + 2) as f64).log2())
        .sum();
    let mut ideal: Vec<u8> = grades.values().copied().filter(|g| *g > 0).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, g)| gain(*g) / ((i + 2) as f64).log2())
        .sum();
    let relevant = grades.values().filter(|g| **g >= 2).count();
    let found = ranked
        .iter()
        .take(50)
        .filter(|id| grades.get(*id).is_some_and(|g| *g >= 2))
        .count();
    let ndcg = if idcg > 0.0 { dcg / idcg } else { 0.0 };
    (ndcg, (relevant > 0).then(|| found as f64 / relevant as f64))
}
