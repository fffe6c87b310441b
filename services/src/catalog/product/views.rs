//! Product views: a batch of `product_views` rows and the viewed products' `view_count`,
//! written by the analytics queue (`crate::analytics`).

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement};

use crate::analytics::{BATCH, ProductView, placeholder_rows};

/// Writes `views` (in chunks of [`BATCH`]) and adds them to their products' `view_count`.
/// A view of a product since deleted is skipped; a user or session since deleted is
/// written as none. The products' rows are locked in id order, so two servers flushing at
/// once never deadlock.
pub async fn write_views(db: &impl ConnectionTrait, views: &[ProductView]) -> Result<(), DbErr> {
    for chunk in views.chunks(BATCH) {
        let mut values = Vec::with_capacity(chunk.len() * 6);
        for view in chunk {
            values.extend([
                view.id.into(),
                view.product_id.into(),
                view.user_id.into(),
                view.session_id.into(),
                view.source.clone().into(),
                view.recommendation_id.into(),
            ]);
        }
        let rows = placeholder_rows(
            &["uuid", "uuid", "uuid", "uuid", "text", "uuid"],
            chunk.len(),
        );
        let backend = db.get_database_backend();
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT p.id FROM products p \
                 JOIN (VALUES {rows}) AS v (id, product_id, user_id, session_id, source, rec) \
                 ON p.id = v.product_id ORDER BY p.id FOR NO KEY UPDATE OF p"
            ),
            values.clone(),
        ))
        .await?;
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "WITH v (id, product_id, user_id, session_id, source, rec) AS (VALUES {rows}),
                 written AS (
                     INSERT INTO product_views (id, product_id, user_id, session_id, source,
                                                recommendation_id)
                     SELECT v.id, v.product_id, u.id, s.id, v.source, v.rec FROM v
                     JOIN products p ON p.id = v.product_id
                     LEFT JOIN users u ON u.id = v.user_id
                     LEFT JOIN sessions s ON s.id = v.session_id
                     ON CONFLICT (id) DO NOTHING
                     RETURNING product_id
                 )
                 UPDATE products p SET view_count = p.view_count + counted.views
                 FROM (SELECT product_id, count(*) AS views FROM written GROUP BY product_id)
                     AS counted
                 WHERE p.id = counted.product_id"
            ),
            values,
        ))
        .await?;
    }
    Ok(())
}
