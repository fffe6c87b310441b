//! The demo catalog: `server seed`, and the README's run command on an empty database.
//! `server seed --products N` loads the demo catalog plus generated pieces up to N
//! products, for load tests ([`seed_scaled`]).
//!
//! Deterministic (the same products, ids and art every time) and idempotent (a marker in
//! `system_settings` records that the catalog is in, and how many products it has; a second
//! run of the same size changes nothing, a run of another size is refused). All rows go in
//! one transaction; embeddings are computed before it opens, once per distinct text.

pub mod art;
pub mod catalog;
pub mod plan;
pub mod sizes;

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use entities::{
    brand_translations, brands, categories, category_translations, collection_products,
    collection_translations, collections, product_media, product_translations, product_variants,
    products, reviews, sea_orm_active_enums::*, style_profiles, system_settings, users, wishlists,
};
use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, Statement,
    TransactionTrait,
};
use serde_json::json;
use services::embedder::{EmbedError, Embedder};
use services::password::{HashError, hash_password};

use plan::{PlannedProduct, epoch, stable_id};

/// Key of the `system_settings` row that marks the demo catalog as seeded.
pub const SEED_MARKER: &str = "demo_catalog";

/// A demo sign-in, documented in the README.
pub struct DemoAccount {
    pub email: &'static str,
    pub password: &'static str,
    pub name: &'static str,
    pub role: UserRole,
    pub tier: MembershipTier,
}

pub const DEMO_ACCOUNTS: [DemoAccount; 3] = [
    DemoAccount {
        email: "admin@luxeverse.test",
        password: "Atelier-Admin-2026",
        name: "Céleste Marchand",
        role: UserRole::Admin,
        tier: MembershipTier::Obsidian,
    },
    DemoAccount {
        email: "ada@luxeverse.test",
        password: "Silk-and-Cashmere-2026",
        name: "Ada Lindqvist",
        role: UserRole::Customer,
        tier: MembershipTier::Sapphire,
    },
    DemoAccount {
        email: "marco@luxeverse.test",
        password: "Naples-Tailoring-2026",
        name: "Marco Bellini",
        role: UserRole::Customer,
        tier: MembershipTier::Diamond,
    },
];

/// Clients who wrote the demo reviews; they have no password and cannot sign in.
const REVIEWERS: [&str; 10] = [
    "Inès Morel",
    "Giulia Ferri",
    "Hannah Okafor",
    "Luca Romano",
    "Sofia Almeida",
    "Émile Laurent",
    "Noor Haddad",
    "Oskar Nyström",
    "Yuki Tanaka",
    "Clara Weiss",
];

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(
        "the catalog already holds {0} products that were not seeded here; seeding only fills an empty catalog"
    )]
    NotEmpty(u64),
    #[error(
        "the database already holds a seeded catalog of {seeded} products; {requested} were asked for. Seed an empty database instead"
    )]
    OtherSize { seeded: u64, requested: u64 },
    #[error("a scaled catalog holds from {min} to {max} products; {requested} were asked for")]
    Size {
        requested: usize,
        min: usize,
        max: usize,
    },
    #[error("computing product embeddings failed: {0}")]
    Embed(#[from] EmbedError),
    #[error(transparent)]
    Hash(#[from] HashError),
    #[error("database error while seeding: {0}")]
    Database(#[from] DbErr),
    #[error("writing product art to {path}: {source}")]
    Art {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

#[derive(Debug)]
pub struct SeedReport {
    /// False when the catalog was already there and nothing was written.
    pub seeded: bool,
    pub elapsed: Duration,
    pub embedding_time: Duration,
    /// Products in the catalog this run asked for.
    pub products: usize,
    /// Distinct embedding texts computed (0 when nothing was seeded).
    pub embedded_texts: usize,
    pub art_files_written: usize,
    /// Rows per table after seeding, every table of the model.
    pub table_counts: Vec<(String, i64)>,
}

/// Seeds the demo catalog unless it is already there, then (re)writes missing or stale
/// art files into `art_dir` (normally `public/images`).
pub async fn seed_demo(
    db: &DatabaseConnection,
    embedder: &dyn Embedder,
    art_dir: Option<&Path>,
) -> Result<SeedReport, SeedError> {
    seed_plan(db, embedder, art_dir, plan::catalog()).await
}

/// Largest catalog [`seed_scaled`] generates.
pub const MAX_SCALED_PRODUCTS: usize = 100_000;

/// Seeds the demo catalog plus generated pieces up to `total` products
/// ([`plan::scaled_catalog`]), with the same idempotence as [`seed_demo`]: a second run of
/// the same size does nothing, and a database seeded at another size is refused.
pub async fn seed_scaled(
    db: &DatabaseConnection,
    embedder: &dyn Embedder,
    art_dir: Option<&Path>,
    total: usize,
) -> Result<SeedReport, SeedError> {
    if !(plan::DEMO_PRODUCTS..=MAX_SCALED_PRODUCTS).contains(&total) {
        return Err(SeedError::Size {
            requested: total,
            min: plan::DEMO_PRODUCTS,
            max: MAX_SCALED_PRODUCTS,
        });
    }
    seed_plan(db, embedder, art_dir, plan::scaled_catalog(total)).await
}

async fn seed_plan(
    db: &DatabaseConnection,
    embedder: &dyn Embedder,
    art_dir: Option<&Path>,
    mut plan: plan::CatalogPlan,
) -> Result<SeedReport, SeedError> {
    let started = Instant::now();
    let products = std::mem::take(&mut plan.products);
    let marker = system_settings::Entity::find_by_id(SEED_MARKER.to_string())
        .one(db)
        .await?;
    let already = marker.is_some();
    if let Some(seeded) = marker.and_then(|row| row.value.get("products")?.as_u64())
        && seeded != products.len() as u64
    {
        return Err(SeedError::OtherSize {
            seeded,
            requested: products.len() as u64,
        });
    }
    let mut embedding_time = Duration::ZERO;
    let mut embedded_texts = 0;
    if !already {
        let existing = products::Entity::find().count(db).await?;
        if existing > 0 {
            return Err(SeedError::NotEmpty(existing));
        }
        let embed_started = Instant::now();
        let (embeddings, distinct) = embed_products(embedder, &products)?;
        embedded_texts = distinct;
        embedding_time = embed_started.elapsed();
        for (row, vector) in plan.product_rows.iter_mut().zip(embeddings) {
            row.product_embedding = Set(Some(PgVector::from(vector)));
        }
        let accounts = hash_accounts()?;
        let txn = db.begin().await?;
        insert_catalog(&txn, plan).await?;
        insert_people(&txn, &products, accounts).await?;
        system_settings::ActiveModel {
            key: Set(SEED_MARKER.to_string()),
            value: Set(json!({
                "version": 1,
                "products": products.len(),
                "seeded_from": epoch().to_rfc3339(),
            })),
            description: Set(Some(if products.len() == plan::DEMO_PRODUCTS {
                "The demo catalog is loaded (server seed).".to_string()
            } else {
                format!(
                    "The demo catalog and generated pieces, {} products in all, are loaded (server seed --products {}).",
                    products.len(),
                    products.len()
                )
            })),
            updated_by: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        // Search corrects misspellings against the catalogue's words: learn the new ones.
        services::catalog::search::refresh_lexicon(db).await?;
        // A freshly loaded catalogue has no planner statistics until autovacuum gets to
        // it (a minute or more later): until then PostgreSQL guesses, and search, for
        // one, filters every product through `to_tsvector` instead of using its GIN index
        // (3x slower). Gather them now.
        db.execute_unprepared("ANALYZE").await?;
    }
    sizes::insert_charts(db).await?;
    // Generated pieces reuse the demo products' art: only the demo's files are written.
    let art_files_written = match art_dir {
        Some(dir) => write_art(dir, &products[..products.len().min(plan::DEMO_PRODUCTS)])?,
        None => 0,
    };
    Ok(SeedReport {
        seeded: !already,
        elapsed: started.elapsed(),
        embedding_time,
        products: products.len(),
        embedded_texts,
        art_files_written,
        table_counts: table_counts(db).await?,
    })
}

/// One vector per product, computed once per distinct embedding text (generated pieces
/// that differ only by capsule line share theirs), in batches of 32 in first-seen order.
/// Also returns how many distinct texts went through the model.
fn embed_products(
    embedder: &dyn Embedder,
    products: &[PlannedProduct],
) -> Result<(Vec<Vec<f32>>, usize), EmbedError> {
    let mut distinct: Vec<String> = Vec::new();
    let mut index_of: HashMap<String, usize> = HashMap::new();
    let slots: Vec<usize> = products
        .iter()
        .map(|product| {
            let text = product.embedding_text();
            *index_of.entry(text.clone()).or_insert_with(|| {
                distinct.push(text);
                distinct.len() - 1
            })
        })
        .collect();
    let mut vectors = Vec::with_capacity(distinct.len());
    for chunk in distinct.chunks(32) {
        let batch: Vec<&str> = chunk.iter().map(String::as_str).collect();
        vectors.extend(embedder.embed(&batch)?);
    }
    let count = distinct.len();
    Ok((
        slots
            .into_iter()
            .map(|slot| vectors[slot].clone())
            .collect(),
        count,
    ))
}

/// Inserts rows in chunks that stay well under PostgreSQL's bind-parameter limit.
async fn insert_all<A>(txn: &DatabaseTransaction, rows: Vec<A>) -> Result<(), DbErr>
where
    A: ActiveModelTrait + Send,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(200).collect();
        A::Entity::insert_many(chunk)
            .exec_without_returning(txn)
            .await?;
    }
    Ok(())
}

async fn insert_catalog(txn: &DatabaseTransaction, plan: plan::CatalogPlan) -> Result<(), DbErr> {
    insert_all::<categories::ActiveModel>(txn, plan.categories).await?;
    insert_all::<brands::ActiveModel>(txn, plan.brands).await?;
    insert_all::<collections::ActiveModel>(txn, plan.collections).await?;
    insert_all::<products::ActiveModel>(txn, plan.product_rows).await?;
    insert_all::<product_variants::ActiveModel>(txn, plan.variants).await?;
    insert_all::<product_media::ActiveModel>(txn, plan.media).await?;
    insert_all::<collection_products::ActiveModel>(txn, plan.collection_products).await?;
    insert_all::<product_translations::ActiveModel>(txn, plan.product_translations).await?;
    insert_all::<category_translations::ActiveModel>(txn, plan.category_translations).await?;
    insert_all::<brand_translations::ActiveModel>(txn, plan.brand_translations).await?;
    insert_all::<collection_translations::ActiveModel>(txn, plan.collection_translations).await?;
    // One by one: a multi-row insert binds the enum array `membership_tiers` as text[],
    // which PostgreSQL will not cast implicitly; the single-row insert casts it.
    for coupon in plan.coupons {
        coupon.insert(txn).await?;
    }
    Ok(())
}

fn hash_accounts() -> Result<Vec<String>, HashError> {
    DEMO_ACCOUNTS
        .iter()
        .map(|account| hash_password(account.password))
        .collect()
}

/// Demo accounts (each with the default wishlist and an empty style profile, as
/// registration creates them), the reviewers, and their reviews.
async fn insert_people(
    txn: &DatabaseTransaction,
    products: &[PlannedProduct],
    password_hashes: Vec<String>,
) -> Result<(), DbErr> {
    let mut people = Vec::new();
    let mut wishlist_rows = Vec::new();
    let mut profiles = Vec::new();
    for (account, hash) in DEMO_ACCOUNTS.iter().zip(password_hashes) {
        let id = stable_id("user", account.email);
        people.push(users::ActiveModel {
            id: Set(id),
            email: Set(account.email.to_string()),
            email_verified: Set(Some(epoch())),
            password_hash: Set(Some(hash)),
            name: Set(Some(account.name.to_string())),
            role: Set(account.role),
            membership_tier: Set(account.tier),
            ..Default::default()
        });
        wishlist_rows.push(wishlists::ActiveModel {
            id: Set(stable_id("wishlist", account.email)),
            user_id: Set(id),
            ..Default::default()
        });
        profiles.push(style_profiles::ActiveModel {
            id: Set(stable_id("style-profile", account.email)),
            user_id: Set(id),
            ..Default::default()
        });
    }
    let reviewer_ids: Vec<Uuid> = REVIEWERS
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let email = format!("client{}@luxeverse.test", index + 1);
            let id = stable_id("user", &email);
            // Every row of one multi-row insert must set the same columns.
            people.push(users::ActiveModel {
                id: Set(id),
                email: Set(email),
                email_verified: Set(None),
                password_hash: Set(None),
                name: Set(Some(String::from(*name))),
                role: Set(UserRole::Customer),
                membership_tier: Set(MembershipTier::Pearl),
                ..Default::default()
            });
            id
        })
        .collect();
    insert_all(txn, people).await?;
    insert_all(txn, wishlist_rows).await?;
    insert_all(txn, profiles).await?;

    let mut review_rows = Vec::new();
    for (index, product) in products.iter().enumerate() {
        // Two in three products have reviews, from one to three clients each.
        let count = match index % 3 {
            0 => 3,
            1 => 1,
            _ => 0,
        };
        for reviewer in 0..count {
            let author = reviewer_ids[(index + reviewer * 3) % reviewer_ids.len()];
            review_rows.push(plan::review_row(product, reviewer, author));
        }
    }
    insert_all::<reviews::ActiveModel>(txn, review_rows).await
}

/// Writes each art file unless an identical one is already there.
fn write_art(dir: &Path, products: &[PlannedProduct]) -> Result<usize, SeedError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| SeedError::Art { path, source }
    };
    let mut written = 0;
    let mut write = |path: std::path::PathBuf, svg: String| -> Result<(), SeedError> {
        if std::fs::read_to_string(&path).ok().as_deref() != Some(svg.as_str()) {
            std::fs::write(&path, svg).map_err(io(&path))?;
            written += 1;
        }
        Ok(())
    };
    for sub in ["products", "categories", "collections"] {
        let path = dir.join(sub);
        std::fs::create_dir_all(&path).map_err(io(&path))?;
    }
    for product in products {
        for (name, svg) in art::product_art(product) {
            write(dir.join("products").join(name), svg)?;
        }
    }
    for department in catalog::DEPARTMENTS.iter() {
        let hex = catalog::COLOURS[department.slug.len() % catalog::COLOURS.len()].hex;
        write(
            dir.join("categories")
                .join(format!("{}.svg", department.slug)),
            art::banner_svg(department.name, hex),
        )?;
        for leaf in department.leaves {
            write(
                dir.join("categories").join(format!("{}.svg", leaf.slug)),
                art::banner_svg(&format!("{} · {}", department.name, leaf.name), hex),
            )?;
        }
    }
    for (index, collection) in catalog::COLLECTIONS.iter().enumerate() {
        write(
            dir.join("collections")
                .join(format!("{}.svg", collection.slug)),
            art::banner_svg(collection.name, catalog::COLOURS[index * 2].hex),
        )?;
    }
    Ok(written)
}

/// Row counts of every table in the schema, by name.
pub async fn table_counts(db: &DatabaseConnection) -> Result<Vec<(String, i64)>, DbErr> {
    let backend = db.get_database_backend();
    let tables = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT table_name::text AS name FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
               AND table_name <> 'seaql_migrations' ORDER BY table_name",
        ))
        .await?;
    let mut counts = Vec::with_capacity(tables.len());
    for row in tables {
        let name: String = row.try_get("", "name")?;
        // Table names come from the catalog, not from input; quoted all the same.
        let count = db
            .query_one_raw(Statement::from_string(
                backend,
                format!(
                    "SELECT count(*) AS n FROM \"{}\"",
                    name.replace('"', "\"\"")
                ),
            ))
            .await?
            .map(|row| row.try_get::<i64>("", "n"))
            .transpose()?
            .unwrap_or(0);
        counts.push((name, count));
    }
    Ok(counts)
}
