//! SQL pieces the search statements share: bound parameters, the storefront visibility
//! and in-stock conditions, prefix queries and `LIKE` escaping.

use sea_orm::{ConnectionTrait, DbErr, QueryResult, Statement, Value};

use crate::catalog::listing::Lang;

/// `term:*` for `to_tsquery`: terms are letters and digits only, so nothing in them is
/// tsquery syntax (and the text is bound as a parameter anyway).
pub(super) fn prefix_query(term: &str) -> String {
    format!("{term}:*")
}

/// Collects bound values and hands out their `$n` placeholders.
#[derive(Default)]
pub(super) struct Binder {
    values: Vec<Value>,
}

impl Binder {
    pub(super) fn bind(&mut self, value: impl Into<Value>) -> String {
        self.values.push(value.into());
        format!("${}", self.values.len())
    }

    pub(super) fn statement(self, db: &impl ConnectionTrait, sql: String) -> Statement {
        Statement::from_sql_and_values(db.get_database_backend(), sql, self.values)
    }
}

pub(super) const VISIBLE: &str = crate::catalog::storefront_visible!();

pub(super) const IN_STOCK: &str = "EXISTS (SELECT 1 FROM product_variants sv WHERE sv.product_id = p.id \
     AND sv.is_available AND sv.inventory_quantity - sv.inventory_reserved > 0)";

/// The language whose approved translations are searched and shown, if not English.
pub(super) fn translated(lang: Option<Lang>) -> Option<Lang> {
    lang.filter(|lang| *lang != Lang::En)
}

pub(super) fn count(row: &QueryResult, column: &str) -> Result<u64, DbErr> {
    Ok(row.try_get::<i64>("", column)?.max(0) as u64)
}

/// `LIKE` pattern text with its wildcards escaped (backslash is the default escape).
pub(super) fn like_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(ch);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(like_escape(r"50%_off\"), r"50\%\_off\\");
    }
}
