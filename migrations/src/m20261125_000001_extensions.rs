//! PostgreSQL extensions the schema relies on: `vector` (pgvector, embeddings and
//! HNSW indexes) and `pg_trgm` (typo-tolerant search).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const EXTENSIONS: [&str; 2] = ["vector", "pg_trgm"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for extension in EXTENSIONS {
            db.execute_unprepared(&format!("CREATE EXTENSION IF NOT EXISTS {extension}"))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for extension in EXTENSIONS.iter().rev() {
            db.execute_unprepared(&format!("DROP EXTENSION IF EXISTS {extension}"))
                .await?;
        }
        Ok(())
    }
}
