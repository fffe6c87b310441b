//! The LuxeVerse schema, versioned. Each migration is one step of one domain;
//! `Migrator::up` applies whatever is pending, in order, and every step has a working
//! `down`. The schema itself is plain SQL in `sql/` (reviewed against the data model in
//! `shared/seed/schema.prisma`): enums, partial, GIN and HNSW indexes and triggers read
//! best as the SQL PostgreSQL runs.

pub use sea_orm_migration::prelude::*;

mod m20261125_000001_extensions;

pub struct Migrator;

/// A migration whose `up` and `down` are SQL scripts compiled into the binary.
struct SqlMigration {
    name: &'static str,
    up: &'static str,
    down: &'static str,
}

impl MigrationName for SqlMigration {
    fn name(&self) -> &str {
        self.name
    }
}

#[async_trait::async_trait]
impl MigrationTrait for SqlMigration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.get_connection().execute_unprepared(self.up).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(self.down)
            .await?;
        Ok(())
    }
}

macro_rules! sql_migration {
    ($name:literal, $file:literal) => {
        Box::new(SqlMigration {
            name: $name,
            up: include_str!(concat!("sql/", $file, ".up.sql")),
            down: include_str!(concat!("sql/", $file, ".down.sql")),
        }) as Box<dyn MigrationTrait>
    };
}

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_extensions::Migration),
            sql_migration!("m20261125_000002_types", "02_types"),
            sql_migration!(
                "m20261125_000003_users_and_sessions",
                "03_users_and_sessions"
            ),
            sql_migration!("m20261125_000004_catalog", "04_catalog"),
            sql_migration!("m20261125_000005_cart_and_wishlist", "05_cart_and_wishlist"),
            sql_migration!(
                "m20261125_000006_orders_and_payments",
                "06_orders_and_payments"
            ),
            sql_migration!(
                "m20261125_000007_interaction_and_analytics",
                "07_interaction_and_analytics"
            ),
            sql_migration!("m20261125_000008_marketing", "08_marketing"),
            sql_migration!("m20261125_000009_notifications", "09_notifications"),
            sql_migration!(
                "m20261125_000010_membership_and_loyalty",
                "10_membership_and_loyalty"
            ),
            sql_migration!("m20261125_000011_inventory", "11_inventory"),
            sql_migration!("m20261125_000012_admin", "12_admin"),
            sql_migration!("m20261125_000013_v2_features", "13_v2_features"),
            sql_migration!("m20261125_000014_search", "14_search"),
            sql_migration!(
                "m20261125_000015_catalog_performance",
                "15_catalog_performance"
            ),
            sql_migration!("m20261125_000016_commerce_settings", "16_commerce_settings"),
            sql_migration!("m20261204_000017_returns_settings", "17_returns_settings"),
        ]
    }
}
