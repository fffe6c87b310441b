//! `users`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use super::sea_orm_active_enums::*;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique, column_type = "String(StringLen::N(255))")]
    pub email: String,
    pub email_verified: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "String(StringLen::N(255))", nullable)]
    pub password_hash: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(255))", nullable)]
    pub name: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(500))", nullable)]
    pub avatar_url: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(50))", nullable)]
    pub phone: Option<String>,
    pub phone_verified: Option<DateTimeWithTimeZone>,
    pub role: UserRole,
    pub membership_tier: MembershipTier,
    pub membership_expires_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "Char(Some(3))")]
    pub preferred_currency: String,
    #[sea_orm(column_type = "String(StringLen::N(10))")]
    pub preferred_language: String,
    #[sea_orm(column_type = "String(StringLen::N(50))")]
    pub timezone: String,
    pub style_profile_completed: bool,
    pub ai_consent: bool,
    pub personalization_level: i32,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub feature_flags: Option<Json>,
    pub last_login_at: Option<DateTimeWithTimeZone>,
    pub login_count: i32,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
    pub deleted_at: Option<DateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::oauth_accounts::Entity")]
    OauthAccounts,
    #[sea_orm(has_many = "super::sessions::Entity")]
    Sessions,
    #[sea_orm(has_one = "super::style_profiles::Entity")]
    StyleProfiles,
    #[sea_orm(has_many = "super::ai_interactions::Entity")]
    AiInteractions,
    #[sea_orm(has_many = "super::carts::Entity")]
    Carts,
    #[sea_orm(has_many = "super::wishlists::Entity")]
    Wishlists,
    #[sea_orm(has_many = "super::orders::Entity")]
    Orders,
    #[sea_orm(has_many = "super::order_status_history::Entity")]
    OrderStatusHistory,
    #[sea_orm(has_many = "super::payment_methods::Entity")]
    PaymentMethods,
    #[sea_orm(has_many = "super::reviews::Entity")]
    Reviews,
    #[sea_orm(has_many = "super::review_interactions::Entity")]
    ReviewInteractions,
    #[sea_orm(has_many = "super::addresses::Entity")]
    Addresses,
    #[sea_orm(has_many = "super::product_views::Entity")]
    ProductViews,
    #[sea_orm(has_many = "super::search_logs::Entity")]
    SearchLogs,
    #[sea_orm(has_many = "super::coupon_uses::Entity")]
    CouponUses,
    #[sea_orm(has_many = "super::notifications::Entity")]
    Notifications,
    #[sea_orm(has_many = "super::membership_transactions::Entity")]
    MembershipTransactions,
    #[sea_orm(has_many = "super::loyalty_points::Entity")]
    LoyaltyPoints,
    #[sea_orm(has_many = "super::inventory_transactions::Entity")]
    InventoryTransactions,
    #[sea_orm(has_many = "super::audit_logs::Entity")]
    AuditLogs,
    #[sea_orm(has_many = "super::system_settings::Entity")]
    SystemSettings,
    #[sea_orm(has_many = "super::virtual_closet_items::Entity")]
    VirtualClosetItems,
    #[sea_orm(has_many = "super::outfit_recommendations::Entity")]
    OutfitRecommendations,
    #[sea_orm(has_one = "super::size_profiles::Entity")]
    SizeProfiles,
    #[sea_orm(has_many = "super::live_shopping_events::Entity")]
    LiveShoppingEvents,
    #[sea_orm(has_many = "super::live_event_participations::Entity")]
    LiveEventParticipations,
}

impl Related<super::oauth_accounts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OauthAccounts.def()
    }
}

impl Related<super::sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sessions.def()
    }
}

impl Related<super::style_profiles::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StyleProfiles.def()
    }
}

impl Related<super::ai_interactions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AiInteractions.def()
    }
}

impl Related<super::carts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Carts.def()
    }
}

impl Related<super::wishlists::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Wishlists.def()
    }
}

impl Related<super::orders::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Orders.def()
    }
}

impl Related<super::order_status_history::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OrderStatusHistory.def()
    }
}

impl Related<super::payment_methods::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PaymentMethods.def()
    }
}

impl Related<super::reviews::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Reviews.def()
    }
}

impl Related<super::review_interactions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ReviewInteractions.def()
    }
}

impl Related<super::addresses::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Addresses.def()
    }
}

impl Related<super::product_views::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProductViews.def()
    }
}

impl Related<super::search_logs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SearchLogs.def()
    }
}

impl Related<super::coupon_uses::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CouponUses.def()
    }
}

impl Related<super::notifications::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Notifications.def()
    }
}

impl Related<super::membership_transactions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MembershipTransactions.def()
    }
}

impl Related<super::loyalty_points::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::LoyaltyPoints.def()
    }
}

impl Related<super::inventory_transactions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::InventoryTransactions.def()
    }
}

impl Related<super::audit_logs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AuditLogs.def()
    }
}

impl Related<super::system_settings::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SystemSettings.def()
    }
}

impl Related<super::virtual_closet_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::VirtualClosetItems.def()
    }
}

impl Related<super::outfit_recommendations::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OutfitRecommendations.def()
    }
}

impl Related<super::size_profiles::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SizeProfiles.def()
    }
}

impl Related<super::live_shopping_events::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::LiveShoppingEvents.def()
    }
}

impl Related<super::live_event_participations::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::LiveEventParticipations.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
