//! The LuxeVerse schema, versioned. Each migration is one step of one domain;
//! `Migrator::up` applies whatever is pending, in order.

pub use sea_orm_migration::prelude::*;

mod m20261125_000001_extensions;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(m20261125_000001_extensions::Migration)]
    }
}
