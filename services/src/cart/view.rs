//! The bag as the shopper sees it: every line priced now, with what changed since it was
//! added and what stands in the way of checking out.

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement};

use super::{CartError, CartOwner, find_cart};
use crate::pricing::{LINE_COLUMNS, variant_title};
use domain::Refusal;
use entities::carts;

/// The unit price moved since the line was added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceChange {
    pub old: Decimal,
    pub new: Decimal,
}

impl PriceChange {
    pub fn message(&self, name: &str) -> String {
        let direction = if self.new < self.old {
            "dropped"
        } else {
            "gone up"
        };
        format!(
            "The price of {name} has {direction} from {} to {}.",
            self.old, self.new
        )
    }
}

/// One line of the bag, priced now.
#[derive(Clone, Debug, PartialEq)]
pub struct CartLine {
    pub item_id: Uuid,
    pub variant_id: Uuid,
    pub product_id: Uuid,
    pub product_name: String,
    pub product_slug: String,
    pub variant_title: Option<String>,
    pub sku: String,
    pub quantity: i32,
    /// The current price of one unit (what checkout charges).
    pub unit_price: Decimal,
    pub price_at_time: Decimal,
    /// `Some` when the current price differs from `price_at_time`.
    pub price_change: Option<PriceChange>,
    pub line_total: Decimal,
    /// Units that can be sold now.
    pub available: i32,
    pub purchasable: bool,
    pub personalization: Option<Json>,
    /// Why the line cannot be bought as it is (sold out, fewer left, unavailable).
    pub problem: Option<Refusal>,
}

/// The bag as the shopper sees it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CartView {
    /// `None` when the owner has no cart yet.
    pub cart_id: Option<Uuid>,
    pub currency: String,
    pub lines: Vec<CartLine>,
    /// Sum of line totals at current prices (before discount, shipping and tax).
    pub subtotal: Decimal,
    /// Units in the bag.
    pub item_count: i32,
    pub coupon_code: Option<String>,
}

impl CartView {
    pub fn has_price_changes(&self) -> bool {
        self.lines.iter().any(|line| line.price_change.is_some())
    }

    /// Whether every line can be bought as it is.
    pub fn is_ready_for_checkout(&self) -> bool {
        !self.lines.is_empty() && self.lines.iter().all(|line| line.problem.is_none())
    }
}

/// The owner's bag, priced now. An owner without a cart gets an empty view.
pub async fn view(db: &impl ConnectionTrait, owner: CartOwner) -> Result<CartView, CartError> {
    let Some(cart) = find_cart(db, owner).await? else {
        return Ok(CartView {
            currency: "USD".into(),
            ..Default::default()
        });
    };
    view_of(db, &cart).await
}

pub(super) async fn view_of(
    db: &impl ConnectionTrait,
    cart: &carts::Model,
) -> Result<CartView, CartError> {
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            format!(
                "SELECT {LINE_COLUMNS}, ci.id AS item_id, ci.quantity, ci.price_at_time, ci.personalization \
                 FROM cart_items ci JOIN product_variants v ON v.id = ci.variant_id \
                 JOIN products p ON p.id = v.product_id \
                 WHERE ci.cart_id = $1 ORDER BY ci.added_at, ci.id"
            ),
            [cart.id.into()],
        ))
        .await?;
    let mut view = CartView {
        cart_id: Some(cart.id),
        currency: cart.currency.clone(),
        coupon_code: cart.coupon_code.clone(),
        ..Default::default()
    };
    for row in rows {
        let unit_price: Decimal = row.try_get("", "unit_price")?;
        let price_at_time: Decimal = row.try_get("", "price_at_time")?;
        let quantity: i32 = row.try_get("", "quantity")?;
        let available: i32 = row.try_get("", "available")?;
        let purchasable: bool = row.try_get("", "purchasable")?;
        let product_name: String = row.try_get("", "product_name")?;
        let problem = if !purchasable {
            Some(Refusal::NoLongerAvailable {
                name: product_name.clone(),
            })
        } else if available <= 0 {
            Some(Refusal::SoldOut {
                name: product_name.clone(),
            })
        } else if quantity > available {
            Some(Refusal::OnlyLeft {
                name: product_name.clone(),
                available,
            })
        } else {
            None
        };
        let line_total = crate::pricing::round_cents(unit_price * Decimal::from(quantity));
        view.subtotal += line_total;
        view.item_count += quantity;
        view.currency = row.try_get("", "currency")?;
        view.lines.push(CartLine {
            item_id: row.try_get("", "item_id")?,
            variant_id: row.try_get("", "variant_id")?,
            product_id: row.try_get("", "product_id")?,
            product_slug: row.try_get("", "product_slug")?,
            variant_title: variant_title(&row),
            sku: row.try_get("", "sku")?,
            quantity,
            unit_price,
            price_at_time,
            price_change: (unit_price != price_at_time).then_some(PriceChange {
                old: price_at_time,
                new: unit_price,
            }),
            line_total,
            available,
            purchasable,
            personalization: row.try_get("", "personalization")?,
            problem,
            product_name,
        });
    }
    Ok(view)
}
