//! The delivery address as ordered: a snapshot kept with the order (as JSON in
//! `orders.notes`, the schema having no address columns), from the address book or from
//! the checkout form.

use serde::{Deserialize, Serialize};

use crate::addresses::Address;
use entities::{addresses, orders};

/// The delivery address as ordered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingAddress {
    pub first_name: String,
    pub last_name: String,
    pub company: Option<String>,
    pub phone: Option<String>,
    pub address_line1: String,
    pub address_line2: Option<String>,
    pub city: String,
    pub state_province: Option<String>,
    pub postal_code: String,
    pub country_code: String,
}

impl ShippingAddress {
    /// The address as printed on a label, one line each, empty parts left out.
    pub fn lines(&self) -> Vec<String> {
        [
            Some(format!("{} {}", self.first_name, self.last_name)),
            self.company.clone(),
            Some(self.address_line1.clone()),
            self.address_line2.clone(),
            Some(format!("{} {}", self.postal_code, self.city)),
            self.state_province.clone(),
            Some(self.country_code.clone()),
        ]
        .into_iter()
        .flatten()
        .map(|line| line.trim().to_string())
        .filter(|line| !line.is_empty())
        .collect()
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct OrderNotes {
    pub(super) shipping_address: ShippingAddress,
}

/// The delivery address stored with an order by [`super::place_order`].
pub fn shipping_address_of(order: &orders::Model) -> Option<ShippingAddress> {
    let notes: OrderNotes = serde_json::from_str(order.notes.as_deref()?).ok()?;
    Some(notes.shipping_address)
}

impl From<addresses::Model> for ShippingAddress {
    fn from(a: addresses::Model) -> Self {
        ShippingAddress {
            first_name: a.first_name,
            last_name: a.last_name,
            company: a.company,
            phone: a.phone,
            address_line1: a.address_line1,
            address_line2: a.address_line2,
            city: a.city,
            state_province: a.state_province,
            postal_code: a.postal_code,
            country_code: a.country_code.trim().to_string(),
        }
    }
}

impl From<Address> for ShippingAddress {
    fn from(a: Address) -> Self {
        ShippingAddress {
            first_name: a.first_name,
            last_name: a.last_name,
            company: a.company,
            phone: a.phone,
            address_line1: a.address_line1,
            address_line2: a.address_line2,
            city: a.city,
            state_province: a.state_province,
            postal_code: a.postal_code,
            country_code: a.country_code.to_string(),
        }
    }
}
