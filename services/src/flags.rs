//! Feature flags (`feature_flags`): a feature is on for a shopper when its row is enabled
//! and the shopper falls inside its rollout percentage (by a stable hash of their id, so
//! the same shopper always gets the same answer); visitors only at a full rollout. A flag
//! without a row is at the default its caller gives, so a feature ships on or off without
//! a row and the back office can turn it either way later.

use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, Statement};

/// "For you" on the home page and the account.
pub const FOR_YOU: &str = "for_you";

/// Whether `key` is on for `user_id` (a visitor when `None`).
pub async fn enabled(
    db: &impl ConnectionTrait,
    key: &str,
    user_id: Option<Uuid>,
    default: bool,
) -> Result<bool, DbErr> {
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "SELECT enabled, rollout FROM feature_flags WHERE key = $1",
            [key.into()],
        ))
        .await?;
    let Some(row) = row else {
        return Ok(default);
    };
    let on: bool = row.try_get("", "enabled")?;
    let rollout: Decimal = row.try_get("", "rollout")?;
    Ok(on && within(rollout, user_id))
}

/// Whether a shopper falls inside a rollout of `percent` (0 to 100).
fn within(percent: Decimal, user_id: Option<Uuid>) -> bool {
    if percent >= Decimal::ONE_HUNDRED {
        return true;
    }
    let Some(user_id) = user_id else {
        return false;
    };
    let bucket =
        u64::from_be_bytes(user_id.as_bytes()[..8].try_into().unwrap_or_default()) % 10_000;
    Decimal::from(bucket) < percent * Decimal::ONE_HUNDRED
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rollout_takes_its_share_of_shoppers_and_always_the_same_ones() {
        let shoppers: Vec<Uuid> = (0..2_000u128)
            .map(|n| Uuid::from_u128(n.wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835)))
            .collect();
        let share = |percent: i64| {
            shoppers
                .iter()
                .filter(|id| within(Decimal::from(percent), Some(**id)))
                .count()
        };
        assert_eq!(share(0), 0);
        assert_eq!(share(100), 2_000);
        let quarter = share(25);
        assert!((400..600).contains(&quarter), "{quarter}");
        assert_eq!(share(25), quarter);
        assert!(!within(Decimal::from(99), None));
        assert!(within(Decimal::from(100), None));
    }
}
