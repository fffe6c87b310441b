//! Changing the bag: adding a piece, setting or removing a line, accepting the current
//! prices and remembering a coupon code; each in one transaction holding the owner's lock.

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, IntoActiveModel,
    QueryFilter, Statement,
};

use super::view::view_of;
use super::{CartError, CartOwner, CartView, begin_for, find_cart, get_or_create, touch, view};
use crate::pricing::{LINE_COLUMNS, MAX_LINE_QUANTITY, variant_title};
use entities::cart_items;

/// A variant as a cart sees it.
pub(super) struct VariantInfo {
    pub(super) product_id: Uuid,
    pub(super) name: String,
    pub(super) title: Option<String>,
    pub(super) unit_price: Decimal,
    pub(super) available: i32,
    pub(super) purchasable: bool,
}

pub(super) async fn variant_info(
    db: &impl ConnectionTrait,
    variant_id: Uuid,
) -> Result<Option<VariantInfo>, DbErr> {
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            format!(
                "SELECT {LINE_COLUMNS} FROM product_variants v JOIN products p ON p.id = v.product_id \
                 WHERE v.id = $1"
            ),
            [variant_id.into()],
        ))
        .await?;
    row.map(|row| {
        Ok(VariantInfo {
            product_id: row.try_get("", "product_id")?,
            name: row.try_get("", "product_name")?,
            title: variant_title(&row),
            unit_price: row.try_get("", "unit_price")?,
            available: row.try_get("", "available")?,
            purchasable: row.try_get("", "purchasable")?,
        })
    })
    .transpose()
}

/// The line of `variant_id` without personalisation, if the cart has one.
pub(super) async fn plain_line(
    txn: &DatabaseTransaction,
    cart_id: Uuid,
    variant_id: Uuid,
) -> Result<Option<cart_items::Model>, DbErr> {
    cart_items::Entity::find()
        .filter(cart_items::Column::CartId.eq(cart_id))
        .filter(cart_items::Column::VariantId.eq(variant_id))
        .filter(cart_items::Column::Personalization.is_null())
        .one(txn)
        .await
}

/// Checks that `quantity` units of `variant` may sit in a bag that already holds
/// `in_cart` of them (the caller passes the new total as `quantity`).
pub(super) fn check_quantity(
    info: &VariantInfo,
    quantity: i32,
    in_cart: i32,
) -> Result<(), CartError> {
    if !info.purchasable {
        return Err(CartError::Unavailable {
            name: info.name.clone(),
        });
    }
    if quantity > MAX_LINE_QUANTITY {
        return Err(CartError::LineLimit {
            name: info.name.clone(),
        });
    }
    if info.available <= 0 {
        return Err(CartError::SoldOut {
            name: info.name.clone(),
        });
    }
    if quantity > info.available {
        return Err(CartError::NotEnoughStock {
            name: info.name.clone(),
            available: info.available,
            in_cart,
        });
    }
    Ok(())
}

/// Adds `quantity` units of a variant (summed with the plain line already there).
/// `added_from` records where the shopper clicked (e.g. `"product_page"`).
pub async fn add_item(
    db: &DatabaseConnection,
    owner: CartOwner,
    variant_id: Uuid,
    quantity: i32,
    added_from: Option<&str>,
) -> Result<CartView, CartError> {
    if !(1..=MAX_LINE_QUANTITY).contains(&quantity) {
        return Err(CartError::InvalidQuantity);
    }
    let txn = begin_for(db, owner).await?;
    let info = variant_info(&txn, variant_id)
        .await?
        .ok_or(CartError::UnknownVariant)?;
    let cart = get_or_create(&txn, owner).await?;
    match plain_line(&txn, cart.id, variant_id).await? {
        Some(line) => {
            // Both are at most the cap, but a stored line is not trusted to be.
            let total = line.quantity.saturating_add(quantity);
            check_quantity(&info, total, line.quantity)?;
            let mut active = line.into_active_model();
            active.quantity = Set(total);
            active.update(&txn).await?;
        }
        None => {
            check_quantity(&info, quantity, 0)?;
            cart_items::ActiveModel {
                id: Set(Uuid::new_v4()),
                cart_id: Set(cart.id),
                product_id: Set(info.product_id),
                variant_id: Set(variant_id),
                quantity: Set(quantity),
                price_at_time: Set(info.unit_price),
                added_from: Set(added_from.map(|from| from.chars().take(50).collect())),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    touch(&txn, cart.id).await?;
    let view = view_of(&txn, &cart).await?;
    txn.commit().await?;
    Ok(view)
}

/// Sets the quantity of the line `item_id`; 0 removes it. Lowering is always allowed;
/// raising is capped by stock.
pub async fn set_quantity(
    db: &DatabaseConnection,
    owner: CartOwner,
    item_id: Uuid,
    quantity: i32,
) -> Result<CartView, CartError> {
    if quantity < 0 {
        return Err(CartError::InvalidQuantity);
    }
    let txn = begin_for(db, owner).await?;
    let cart = find_cart(&txn, owner).await?.ok_or(CartError::NotInCart)?;
    let line = cart_items::Entity::find_by_id(item_id)
        .filter(cart_items::Column::CartId.eq(cart.id))
        .one(&txn)
        .await?
        .ok_or(CartError::NotInCart)?;
    if quantity == 0 {
        line.delete(&txn).await?;
    } else if quantity != line.quantity {
        if quantity > line.quantity {
            let info = variant_info(&txn, line.variant_id)
                .await?
                .ok_or(CartError::UnknownVariant)?;
            check_quantity(&info, quantity, line.quantity)?;
        } else if quantity > MAX_LINE_QUANTITY {
            return Err(CartError::InvalidQuantity);
        }
        let mut active = line.into_active_model();
        active.quantity = Set(quantity);
        active.update(&txn).await?;
    }
    touch(&txn, cart.id).await?;
    let view = view_of(&txn, &cart).await?;
    txn.commit().await?;
    Ok(view)
}

/// Removes the line `item_id`.
pub async fn remove_item(
    db: &DatabaseConnection,
    owner: CartOwner,
    item_id: Uuid,
) -> Result<CartView, CartError> {
    set_quantity(db, owner, item_id, 0).await
}

/// The shopper has seen the new prices: `price_at_time` becomes the current price on
/// every line, so the notices go away.
pub async fn accept_current_prices(
    db: &DatabaseConnection,
    owner: CartOwner,
) -> Result<CartView, CartError> {
    let txn = begin_for(db, owner).await?;
    let Some(cart) = find_cart(&txn, owner).await? else {
        txn.commit().await?;
        return view(db, owner).await;
    };
    txn.execute_raw(Statement::from_sql_and_values(
        txn.get_database_backend(),
        "UPDATE cart_items ci SET price_at_time = COALESCE(v.price, p.price), updated_at = now() \
         FROM product_variants v JOIN products p ON p.id = v.product_id \
         WHERE ci.cart_id = $1 AND v.id = ci.variant_id",
        [cart.id.into()],
    ))
    .await?;
    let view = view_of(&txn, &cart).await?;
    txn.commit().await?;
    Ok(view)
}

/// Remembers the coupon code the shopper entered (checked by pricing when quoting), or
/// forgets it with `None`.
pub async fn set_coupon_code(
    db: &DatabaseConnection,
    owner: CartOwner,
    code: Option<&str>,
) -> Result<CartView, CartError> {
    let txn = begin_for(db, owner).await?;
    let cart = get_or_create(&txn, owner).await?;
    let code = code
        .map(|code| code.trim().to_uppercase())
        .filter(|code| !code.is_empty())
        .map(|code| code.chars().take(50).collect::<String>());
    let mut active = cart.clone().into_active_model();
    active.coupon_code = Set(code);
    let cart = active.update(&txn).await?;
    let view = view_of(&txn, &cart).await?;
    txn.commit().await?;
    Ok(view)
}
