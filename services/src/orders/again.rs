//! "Buy again": an order's lines back in the shopper's bag at today's prices, each through
//! the bag's own rules (on sale, in stock, within the line cap), with a report of what
//! could not be added and why. When fewer are left than the order had, what is left goes
//! in and the line is reported as short.

use sea_orm::DatabaseConnection;
use sea_orm::prelude::*;

use super::{OrderError, find_owned, items_of};
use crate::cart::{self, CartError, CartOwner};
use domain::Refusal;

/// What went into the bag, and what did not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuyAgain {
    /// Product names added (in full or in part).
    pub added: Vec<String>,
    /// Product names left out or cut short, with why.
    pub skipped: Vec<(String, Refusal)>,
}

/// Puts `user_id`'s order `order_number` back in their bag.
pub async fn buy_again(
    db: &DatabaseConnection,
    user_id: Uuid,
    order_number: &str,
) -> Result<BuyAgain, OrderError> {
    let order = find_owned(db, user_id, order_number)
        .await?
        .ok_or(OrderError::NotFound)?;
    let owner = CartOwner::User(user_id);
    let mut report = BuyAgain::default();
    for item in items_of(db, order.id).await? {
        let name = item.product_name.clone();
        let added = cart::add_item(db, owner, item.variant_id, item.quantity, Some("buy_again"))
            .await
            .map(|_| ());
        let outcome = match added {
            Err(CartError::NotEnoughStock {
                available, in_cart, ..
            }) if available > in_cart => {
                // Take what is left, and say the line is short.
                let short = CartError::NotEnoughStock {
                    name: name.clone(),
                    available,
                    in_cart,
                };
                cart::add_item(
                    db,
                    owner,
                    item.variant_id,
                    available - in_cart,
                    Some("buy_again"),
                )
                .await
                .map(|_| Some(short))
            }
            other => other.map(|()| None),
        };
        match outcome {
            Ok(None) => report.added.push(name),
            Ok(Some(short)) => {
                report.added.push(name.clone());
                report.skipped.push((name, short.refusal()));
            }
            Err(CartError::Internal(error)) => return Err(error.into()),
            Err(error) => report.skipped.push((name, error.refusal())),
        }
    }
    Ok(report)
}
