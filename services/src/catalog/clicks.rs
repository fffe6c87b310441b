//! Search result clicks as the storefront reports them: from the results page (by slug,
//! with JavaScript) or from the product page's `sl`/`sp` query parameters (by id).

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QuerySelect};

use entities::products;

/// Which product was opened.
#[derive(Clone, Copy, Debug)]
pub enum Opened<'a> {
    Id(Uuid),
    Slug(&'a str),
}

/// Records that the result `opened` of search `log_id` was opened at `position`. Unknown
/// or malformed ids and unknown slugs are ignored (`Ok(false)`).
pub async fn record(
    db: &impl ConnectionTrait,
    log_id: &str,
    opened: Opened<'_>,
    position: Option<i32>,
) -> Result<bool, DbErr> {
    let Ok(log_id) = Uuid::parse_str(log_id.trim()) else {
        return Ok(false);
    };
    let product_id = match opened {
        Opened::Id(id) => Some(id),
        Opened::Slug(slug) => {
            products::Entity::find()
                .select_only()
                .column(products::Column::Id)
                .filter(products::Column::Slug.eq(slug))
                .into_tuple::<Uuid>()
                .one(db)
                .await?
        }
    };
    match product_id {
        Some(product_id) => {
            super::search::record_search_click(db, log_id, product_id, position).await
        }
        None => Ok(false),
    }
}
