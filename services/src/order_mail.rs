//! The order confirmation email, sent once an order's payment is confirmed.

use sea_orm::prelude::*;
use sea_orm::{QueryOrder, prelude::Decimal};

use crate::mail::OutgoingMail;
use domain::locale::Locale;
use domain::money::format_price;
use entities::{order_items, orders};

/// Composes the confirmation for `order_id`: what was bought, the totals as charged and a
/// link to the order's confirmation page. `None` when there is no such order.
pub async fn confirmation(
    db: &impl ConnectionTrait,
    order_id: Uuid,
    base_url: &str,
) -> Result<Option<OutgoingMail>, DbErr> {
    let Some(order) = orders::Entity::find_by_id(order_id).one(db).await? else {
        return Ok(None);
    };
    let items = order_items::Entity::find()
        .filter(order_items::Column::OrderId.eq(order_id))
        .order_by_asc(order_items::Column::CreatedAt)
        .order_by_asc(order_items::Column::Sku)
        .all(db)
        .await?;
    Ok(Some(compose(&order, &items, base_url)))
}

fn compose(order: &orders::Model, items: &[order_items::Model], base_url: &str) -> OutgoingMail {
    let money = |amount: Decimal| format_price(&amount.to_string(), &order.currency, Locale::En);
    let mut text = format!(
        "Thank you for your order.\n\nOrder {} is confirmed and paid. We will write again when it ships.\n\n",
        order.order_number
    );
    for item in items {
        let title = match &item.variant_title {
            Some(variant) => format!("{} ({variant})", item.product_name),
            None => item.product_name.clone(),
        };
        text.push_str(&format!(
            "  {} × {title}  {}\n",
            item.quantity,
            money(item.total_price)
        ));
    }
    text.push_str(&format!("\nSubtotal  {}\n", money(order.subtotal)));
    if !order.discount_amount.is_zero() {
        text.push_str(&format!("Discount  -{}\n", money(order.discount_amount)));
    }
    text.push_str(&format!("Delivery  {}\n", money(order.shipping_amount)));
    text.push_str(&format!("Tax       {}\n", money(order.tax_amount)));
    text.push_str(&format!("Total     {}\n", money(order.total)));
    text.push_str(&format!(
        "\nYour order: {base_url}/checkout/confirmation/{}\n\nLuxeVerse client services\n",
        order.order_number
    ));
    OutgoingMail {
        to: order.customer_email.clone(),
        subject: format!("Your LuxeVerse order {}", order.order_number),
        text,
        html: None,
        unsubscribe: None,
    }
}
