//! Coupons (`coupons`): what a code takes off, or exactly why it does not apply.
//!
//! Rules, checked in this order (the first that fails is the reason given):
//! 1. the code exists (compared case-insensitively, surrounding spaces ignored);
//! 2. the validity window: not before `valid_from`, not after `valid_until`;
//! 3. the overall limit: `usage_count < usage_limit`;
//! 4. coupons with a per-user limit, first-purchase-only or membership tiers need a
//!    signed-in shopper (a `GUEST` user counts as signed out);
//! 5. membership tiers: the shopper's tier (PEARL once a paid membership has expired);
//! 6. first purchase only: no earlier order that was paid (confirmed or later);
//! 7. the per-user limit: the shopper's `coupon_uses`;
//! 8. scope: when any of `applicable_products`, `applicable_categories` (a category also
//!    covers its subcategories) or `applicable_brands` is non-empty, only lines matching
//!    at least one of them are eligible, and there must be one;
//! 9. the minimum: the bag's subtotal (all lines, before discount) reaches
//!    `minimum_amount`.
//!
//! Discount: `percentage` takes `discount_value` % of the eligible lines' total, rounded
//! to the cent half away from zero; `fixed` takes `discount_value`. Either is capped at
//! the eligible lines' total, so a total never goes below shipping and tax.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, Utc};
use domain::CouponRefusal;
use sea_orm::prelude::*;
use sea_orm::sea_query::Func;
use sea_orm::{ConnectionTrait, QueryFilter, Statement};

use super::{PricedLine, PricingError, round_cents};
use entities::sea_orm_active_enums::{MembershipTier, OrderStatus, UserRole};
use entities::{coupon_uses, coupons, orders, users};

/// Order statuses that mean the shopper has bought before.
pub const PURCHASED_STATUSES: [OrderStatus; 6] = [
    OrderStatus::Confirmed,
    OrderStatus::Processing,
    OrderStatus::Shipped,
    OrderStatus::Delivered,
    OrderStatus::Refunded,
    OrderStatus::Returned,
];

/// Why a coupon does not apply. The message is for the shopper.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CouponRejection {
    #[error("We do not recognise the code {code}. Check the spelling and try again.")]
    NotFound { code: String },
    #[error("The code {code} can be used from {}.", starts.format("%-d %B %Y"))]
    NotYetValid { code: String, starts: NaiveDate },
    #[error("The code {code} expired on {}.", ended.format("%-d %B %Y"))]
    Expired { code: String, ended: NaiveDate },
    #[error("The code {code} has been fully redeemed.")]
    UsageLimitReached { code: String },
    #[error("Sign in to use the code {code}.")]
    SignInRequired { code: String },
    #[error("The code {code} is reserved for {} members.", list_tiers(tiers))]
    MembershipRequired {
        code: String,
        tiers: Vec<MembershipTier>,
    },
    #[error("The code {code} is only for a first order.")]
    FirstPurchaseOnly { code: String },
    #[error("You have already used the code {code} the maximum number of times ({limit}).")]
    PerUserLimitReached { code: String, limit: i32 },
    #[error("The code {code} does not apply to any piece in your bag.")]
    NoEligibleItems { code: String },
    #[error(
        "The code {code} needs a subtotal of {minimum} {currency}; add {short_by} {currency} more to use it."
    )]
    MinimumNotMet {
        code: String,
        minimum: Decimal,
        short_by: Decimal,
        currency: String,
    },
    #[error("The code {code} cannot be used right now.")]
    Unsupported { code: String },
}

/// A coupon that applies, and what it takes off.
#[derive(Clone, Debug, PartialEq)]
pub struct AppliedCoupon {
    pub coupon_id: Uuid,
    pub code: String,
    pub description: Option<String>,
    pub discount: Decimal,
    /// Variants the discount was computed on.
    pub eligible_variants: Vec<Uuid>,
}

impl CouponRejection {
    /// The typed reason the shopper is shown.
    pub fn refusal(&self) -> CouponRefusal {
        use CouponRejection as C;
        match self {
            C::NotFound { code } => CouponRefusal::NotFound { code: code.clone() },
            C::NotYetValid { code, starts } => CouponRefusal::NotYetValid {
                code: code.clone(),
                starts: starts.to_string(),
            },
            C::Expired { code, ended } => CouponRefusal::Expired {
                code: code.clone(),
                ended: ended.to_string(),
            },
            C::UsageLimitReached { code } => {
                CouponRefusal::UsageLimitReached { code: code.clone() }
            }
            C::SignInRequired { code } => CouponRefusal::SignInRequired { code: code.clone() },
            C::MembershipRequired { code, tiers } => CouponRefusal::MembershipRequired {
                code: code.clone(),
                tiers: tiers
                    .iter()
                    .map(|tier| tier_name(tier).to_string())
                    .collect(),
            },
            C::FirstPurchaseOnly { code } => {
                CouponRefusal::FirstPurchaseOnly { code: code.clone() }
            }
            C::PerUserLimitReached { code, limit } => CouponRefusal::PerUserLimitReached {
                code: code.clone(),
                limit: *limit,
            },
            C::NoEligibleItems { code } => CouponRefusal::NoEligibleItems { code: code.clone() },
            C::MinimumNotMet {
                code,
                minimum,
                short_by,
                currency,
            } => CouponRefusal::MinimumNotMet {
                code: code.clone(),
                minimum: minimum.to_string(),
                short_by: short_by.to_string(),
                currency: currency.clone(),
            },
            C::Unsupported { code } => CouponRefusal::Unsupported { code: code.clone() },
        }
    }
}

fn tier_name(tier: &MembershipTier) -> &'static str {
    match tier {
        MembershipTier::Pearl => "Pearl",
        MembershipTier::Sapphire => "Sapphire",
        MembershipTier::Diamond => "Diamond",
        MembershipTier::Obsidian => "Obsidian",
    }
}

fn list_tiers(tiers: &[MembershipTier]) -> String {
    let names: Vec<&str> = tiers.iter().map(tier_name).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The shopper's membership tier now (a lapsed paid tier falls back to Pearl).
pub fn effective_tier(user: &users::Model) -> MembershipTier {
    match user.membership_expires_at {
        Some(expires) if expires <= Utc::now() => MembershipTier::Pearl,
        _ => user.membership_tier,
    }
}

/// Checks `code` for a bag of `lines` worth `subtotal`, bought by `user`.
pub async fn evaluate(
    db: &impl ConnectionTrait,
    code: &str,
    user: Option<&users::Model>,
    lines: &[PricedLine],
    subtotal: Decimal,
    currency: &str,
) -> Result<AppliedCoupon, PricingError> {
    let code = code.trim().to_uppercase();
    let coupon = coupons::Entity::find()
        .filter(sea_orm::sea_query::ExprTrait::eq(
            Expr::expr(Func::upper(Expr::col(coupons::Column::Code))),
            code.as_str(),
        ))
        .one(db)
        .await?
        .ok_or_else(|| CouponRejection::NotFound { code: code.clone() })?;
    let code = coupon.code.clone();
    let now = Utc::now();
    if coupon.valid_from > now {
        return Err(CouponRejection::NotYetValid {
            code,
            starts: coupon.valid_from.date_naive(),
        }
        .into());
    }
    if let Some(until) = coupon.valid_until
        && until <= now
    {
        return Err(CouponRejection::Expired {
            code,
            ended: until.date_naive(),
        }
        .into());
    }
    if coupon
        .usage_limit
        .is_some_and(|limit| coupon.usage_count >= limit)
    {
        return Err(CouponRejection::UsageLimitReached { code }.into());
    }
    let restricted = coupon.usage_limit_per_user.is_some()
        || coupon.first_purchase_only
        || !coupon.membership_tiers.is_empty();
    let shopper = user.filter(|user| user.role != UserRole::Guest);
    if restricted && shopper.is_none() {
        return Err(CouponRejection::SignInRequired { code }.into());
    }
    if let Some(shopper) = shopper {
        if !coupon.membership_tiers.is_empty()
            && !coupon.membership_tiers.contains(&effective_tier(shopper))
        {
            return Err(CouponRejection::MembershipRequired {
                code,
                tiers: coupon.membership_tiers.clone(),
            }
            .into());
        }
        if coupon.first_purchase_only {
            let earlier = orders::Entity::find()
                .filter(orders::Column::UserId.eq(shopper.id))
                .filter(orders::Column::Status.is_in(PURCHASED_STATUSES))
                .count(db)
                .await?;
            if earlier > 0 {
                return Err(CouponRejection::FirstPurchaseOnly { code }.into());
            }
        }
        if let Some(limit) = coupon.usage_limit_per_user {
            let used = coupon_uses::Entity::find()
                .filter(coupon_uses::Column::CouponId.eq(coupon.id))
                .filter(coupon_uses::Column::UserId.eq(shopper.id))
                .count(db)
                .await?;
            if used >= u64::try_from(limit.max(0)).unwrap_or(0) {
                return Err(CouponRejection::PerUserLimitReached { code, limit }.into());
            }
        }
    }

    let eligible = eligible_lines(db, &coupon, lines).await?;
    if eligible.is_empty() {
        return Err(CouponRejection::NoEligibleItems { code }.into());
    }
    if let Some(minimum) = coupon.minimum_amount
        && subtotal < minimum
    {
        return Err(CouponRejection::MinimumNotMet {
            code,
            minimum,
            short_by: minimum - subtotal,
            currency: currency.to_string(),
        }
        .into());
    }
    let base: Decimal = eligible.iter().map(|line| line.line_total).sum();
    let value = coupon.discount_value.max(Decimal::ZERO);
    let discount = match coupon.discount_type.trim().to_ascii_lowercase().as_str() {
        "percentage" | "percent" => {
            round_cents(base * value.min(Decimal::ONE_HUNDRED) / Decimal::ONE_HUNDRED)
        }
        "fixed" | "fixed_amount" | "amount" => round_cents(value),
        _ => return Err(CouponRejection::Unsupported { code }.into()),
    }
    .min(base);
    Ok(AppliedCoupon {
        coupon_id: coupon.id,
        code,
        description: coupon.description,
        discount,
        eligible_variants: eligible.iter().map(|line| line.variant_id).collect(),
    })
}

/// The lines the coupon's scope covers (all of them when it has no scope).
async fn eligible_lines<'a>(
    db: &impl ConnectionTrait,
    coupon: &coupons::Model,
    lines: &'a [PricedLine],
) -> Result<Vec<&'a PricedLine>, DbErr> {
    let scoped = !coupon.applicable_products.is_empty()
        || !coupon.applicable_categories.is_empty()
        || !coupon.applicable_brands.is_empty();
    if !scoped {
        return Ok(lines.iter().collect());
    }
    let ancestors = if coupon.applicable_categories.is_empty() {
        HashMap::new()
    } else {
        category_ancestors(db, lines.iter().map(|line| line.category_id).collect()).await?
    };
    let wanted_categories: HashSet<Uuid> = coupon.applicable_categories.iter().copied().collect();
    Ok(lines
        .iter()
        .filter(|line| {
            coupon.applicable_products.contains(&line.product_id)
                || line
                    .brand_id
                    .is_some_and(|brand| coupon.applicable_brands.contains(&brand))
                || ancestors
                    .get(&line.category_id)
                    .is_some_and(|chain| chain.iter().any(|id| wanted_categories.contains(id)))
        })
        .collect())
}

/// Each category with itself and all its ancestors.
async fn category_ancestors(
    db: &impl ConnectionTrait,
    leaves: Vec<Uuid>,
) -> Result<HashMap<Uuid, Vec<Uuid>>, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            "WITH RECURSIVE chain(leaf, id, parent_id, depth) AS ( \
               SELECT c.id, c.id, c.parent_id, 0 FROM categories c WHERE c.id = ANY($1) \
               UNION ALL \
               SELECT chain.leaf, c.id, c.parent_id, chain.depth + 1 \
               FROM categories c JOIN chain ON c.id = chain.parent_id WHERE chain.depth < 20) \
             SELECT leaf, id FROM chain",
            [leaves.into()],
        ))
        .await?;
    let mut chains: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for row in rows {
        let leaf: Uuid = row.try_get("", "leaf")?;
        chains.entry(leaf).or_default().push(row.try_get("", "id")?);
    }
    Ok(chains)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_read_as_a_list() {
        assert_eq!(
            list_tiers(&[MembershipTier::Diamond, MembershipTier::Obsidian]),
            "Diamond and Obsidian"
        );
        assert_eq!(
            list_tiers(&[
                MembershipTier::Pearl,
                MembershipTier::Sapphire,
                MembershipTier::Diamond
            ]),
            "Pearl, Sapphire and Diamond"
        );
    }

    #[test]
    fn every_rejection_names_the_code() {
        let code = "SAVE".to_string();
        let all = [
            CouponRejection::NotFound { code: code.clone() },
            CouponRejection::UsageLimitReached { code: code.clone() },
            CouponRejection::SignInRequired { code: code.clone() },
            CouponRejection::FirstPurchaseOnly { code: code.clone() },
            CouponRejection::NoEligibleItems { code: code.clone() },
            CouponRejection::MinimumNotMet {
                code: code.clone(),
                minimum: Decimal::new(500, 0),
                short_by: Decimal::new(1050, 2),
                currency: "USD".into(),
            },
        ];
        for rejection in all {
            assert!(rejection.to_string().contains("SAVE"), "{rejection}");
        }
    }
}
