//! Facet counts: for each filter dimension, the values and how many products match with
//! each, counting every filter but the dimension's own (counted by `index`).

use sea_orm::prelude::Decimal;

/// A facet value and how many products match with it (and all the other filters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    /// What goes into the query string (a slug for categories and brands).
    pub value: String,
    pub label: String,
    pub count: u64,
}

/// Counts per filter value. Each dimension is counted with every filter applied except
/// its own.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facets {
    /// Leaf categories (products hang off leaves), by name.
    pub categories: Vec<FacetCount>,
    pub brands: Vec<FacetCount>,
    pub sizes: Vec<FacetCount>,
    pub colors: Vec<FacetCount>,
    pub materials: Vec<FacetCount>,
    pub price_min: Option<Decimal>,
    pub price_max: Option<Decimal>,
    /// Products that would match with `in_stock` set.
    pub in_stock: u64,
}

impl Facets {
    /// Values by label (sizes in their natural order), as the sidebar lists them.
    pub(super) fn order(&mut self) {
        for list in [
            &mut self.categories,
            &mut self.brands,
            &mut self.colors,
            &mut self.materials,
        ] {
            list.sort_by(|a, b| a.label.cmp(&b.label).then_with(|| a.value.cmp(&b.value)));
        }
        self.sizes
            .sort_by_cached_key(|facet| size_rank(&facet.value));
    }
}

/// Letter sizes in their natural order, then numeric sizes by number, then the rest.
fn size_rank(size: &str) -> (u8, u64, String) {
    const LETTERS: [&str; 8] = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL"];
    if let Some(index) = LETTERS.iter().position(|letter| *letter == size) {
        return (0, index as u64, String::new());
    }
    if let Ok(number) = size.parse::<u64>() {
        return (1, number, String::new());
    }
    (2, 0, size.to_string())
}
