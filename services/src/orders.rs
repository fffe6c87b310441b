//! Orders as their owner sees them. An order belongs to the user who placed it (a guest's
//! `GUEST` user for a guest checkout); anyone else's order is reported as missing, so
//! order numbers cannot be probed.

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder};

use crate::checkout::{ShippingAddress, shipping_address_of};
use entities::{order_items, orders};

/// An order with its lines and delivery address.
#[derive(Clone, Debug)]
pub struct OwnedOrder {
    pub order: orders::Model,
    pub items: Vec<order_items::Model>,
    pub shipping_address: Option<ShippingAddress>,
}

/// `user_id`'s order numbered `order_number`, or `None` (also for someone else's).
pub async fn find_owned(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    order_number: &str,
) -> Result<Option<orders::Model>, DbErr> {
    orders::Entity::find()
        .filter(orders::Column::OrderNumber.eq(order_number.trim()))
        .filter(orders::Column::UserId.eq(user_id))
        .one(db)
        .await
}

/// The order with its lines (in the order they were placed), for its owner only.
pub async fn owned_with_items(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    order_number: &str,
) -> Result<Option<OwnedOrder>, DbErr> {
    let Some(order) = find_owned(db, user_id, order_number).await? else {
        return Ok(None);
    };
    let items = order_items::Entity::find()
        .filter(order_items::Column::OrderId.eq(order.id))
        .order_by_asc(order_items::Column::Id)
        .all(db)
        .await?;
    Ok(Some(OwnedOrder {
        shipping_address: shipping_address_of(&order),
        order,
        items,
    }))
}
