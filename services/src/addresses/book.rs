//! A shopper's addresses in the database: only ever the owner's rows, and at most one
//! default of each type (writes touching the default lock the owner first).

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};

use super::{Address, AddressError, AddressForm, MAX_ADDRESSES};
use entities::{addresses, users};

/// The owner's addresses: shipping before billing, the default first, then oldest first.
pub async fn list(db: &DatabaseConnection, user_id: Uuid) -> Result<Vec<addresses::Model>, DbErr> {
    addresses::Entity::find()
        .filter(addresses::Column::UserId.eq(user_id))
        .order_by_desc(addresses::Column::Type)
        .order_by_desc(addresses::Column::IsDefault)
        .order_by_asc(addresses::Column::CreatedAt)
        .order_by_asc(addresses::Column::Id)
        .all(db)
        .await
}

/// One of the owner's addresses.
pub async fn get(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    id: Uuid,
) -> Result<addresses::Model, AddressError> {
    addresses::Entity::find_by_id(id)
        .filter(addresses::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .ok_or(AddressError::NotFound)
}

/// Opens a transaction holding the owner's `users` row lock: the owner's address writes
/// take turns, so "at most one default per type" holds under concurrency.
async fn begin_for(
    db: &DatabaseConnection,
    user_id: Uuid,
) -> Result<DatabaseTransaction, AddressError> {
    let txn = db.begin().await?;
    users::Entity::find_by_id(user_id)
        .select_only()
        .column(users::Column::Id)
        .lock_exclusive()
        .into_tuple::<Uuid>()
        .one(&txn)
        .await?
        .ok_or(AddressError::NotFound)?;
    Ok(txn)
}

/// Clears the default flag on the owner's other addresses of `kind`.
async fn clear_defaults(
    txn: &DatabaseTransaction,
    user_id: Uuid,
    kind: &str,
    except: Option<Uuid>,
) -> Result<(), DbErr> {
    let mut update = addresses::Entity::update_many()
        .col_expr(addresses::Column::IsDefault, Expr::value(false))
        .filter(addresses::Column::UserId.eq(user_id))
        .filter(addresses::Column::Type.eq(kind))
        .filter(addresses::Column::IsDefault.eq(true));
    if let Some(id) = except {
        update = update.filter(addresses::Column::Id.ne(id));
    }
    update.exec(txn).await?;
    Ok(())
}

async fn has_default(txn: &DatabaseTransaction, user_id: Uuid, kind: &str) -> Result<bool, DbErr> {
    Ok(addresses::Entity::find()
        .filter(addresses::Column::UserId.eq(user_id))
        .filter(addresses::Column::Type.eq(kind))
        .filter(addresses::Column::IsDefault.eq(true))
        .count(txn)
        .await?
        > 0)
}

/// Adds an address. It becomes the default of its type when asked, or when the owner
/// has no default of that type yet (so a first address is always the default).
pub async fn add(
    db: &DatabaseConnection,
    user_id: Uuid,
    form: &AddressForm,
) -> Result<addresses::Model, AddressError> {
    let address = Address::parse(form).map_err(AddressError::Invalid)?;
    let txn = begin_for(db, user_id).await?;
    let count = addresses::Entity::find()
        .filter(addresses::Column::UserId.eq(user_id))
        .count(&txn)
        .await?;
    if count >= MAX_ADDRESSES {
        return Err(AddressError::TooMany);
    }
    let is_default = if address.make_default {
        clear_defaults(&txn, user_id, address.kind, None).await?;
        true
    } else {
        !has_default(&txn, user_id, address.kind).await?
    };
    let mut active = addresses::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user_id),
        is_default: Set(is_default),
        ..Default::default()
    };
    address.apply(&mut active);
    let saved = active.insert(&txn).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Replaces the fields of one of the owner's addresses. `make_default` decides whether
/// it is the default of its (possibly new) type.
pub async fn update(
    db: &DatabaseConnection,
    user_id: Uuid,
    id: Uuid,
    form: &AddressForm,
) -> Result<addresses::Model, AddressError> {
    let address = Address::parse(form).map_err(AddressError::Invalid)?;
    let txn = begin_for(db, user_id).await?;
    let existing = get(&txn, user_id, id).await?;
    if address.make_default {
        clear_defaults(&txn, user_id, address.kind, Some(id)).await?;
    }
    let mut active = existing.into_active_model();
    active.is_default = Set(address.make_default);
    address.apply(&mut active);
    let saved = active.update(&txn).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Makes one of the owner's addresses the default of its type.
pub async fn set_default(
    db: &DatabaseConnection,
    user_id: Uuid,
    id: Uuid,
) -> Result<addresses::Model, AddressError> {
    let txn = begin_for(db, user_id).await?;
    let existing = get(&txn, user_id, id).await?;
    clear_defaults(&txn, user_id, &existing.r#type, Some(id)).await?;
    let saved = if existing.is_default {
        existing
    } else {
        let mut active = existing.into_active_model();
        active.is_default = Set(true);
        active.update(&txn).await?
    };
    txn.commit().await?;
    Ok(saved)
}

/// Deletes one of the owner's addresses. When it was the default, the most recently
/// added address of the same type (if any) takes its place.
pub async fn delete(db: &DatabaseConnection, user_id: Uuid, id: Uuid) -> Result<(), AddressError> {
    let txn = begin_for(db, user_id).await?;
    let existing = get(&txn, user_id, id).await?;
    addresses::Entity::delete_by_id(existing.id)
        .exec(&txn)
        .await?;
    if existing.is_default {
        let successor = addresses::Entity::find()
            .filter(addresses::Column::UserId.eq(user_id))
            .filter(addresses::Column::Type.eq(existing.r#type.as_str()))
            .order_by_desc(addresses::Column::CreatedAt)
            .order_by_desc(addresses::Column::Id)
            .one(&txn)
            .await?;
        if let Some(successor) = successor {
            let mut active = successor.into_active_model();
            active.is_default = Set(true);
            active.update(&txn).await?;
        }
    }
    txn.commit().await?;
    Ok(())
}
