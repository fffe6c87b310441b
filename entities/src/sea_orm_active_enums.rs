//! The model's enum types (`CREATE TYPE ... AS ENUM`), with exactly its labels.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "user_role")]
pub enum UserRole {
    #[sea_orm(string_value = "GUEST")]
    #[serde(rename = "GUEST")]
    Guest,
    #[sea_orm(string_value = "CUSTOMER")]
    #[serde(rename = "CUSTOMER")]
    Customer,
    #[sea_orm(string_value = "VIP")]
    #[serde(rename = "VIP")]
    Vip,
    #[sea_orm(string_value = "ADMIN")]
    #[serde(rename = "ADMIN")]
    Admin,
    #[sea_orm(string_value = "SUPER_ADMIN")]
    #[serde(rename = "SUPER_ADMIN")]
    SuperAdmin,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "membership_tier")]
pub enum MembershipTier {
    #[sea_orm(string_value = "PEARL")]
    #[serde(rename = "PEARL")]
    Pearl,
    #[sea_orm(string_value = "SAPPHIRE")]
    #[serde(rename = "SAPPHIRE")]
    Sapphire,
    #[sea_orm(string_value = "DIAMOND")]
    #[serde(rename = "DIAMOND")]
    Diamond,
    #[sea_orm(string_value = "OBSIDIAN")]
    #[serde(rename = "OBSIDIAN")]
    Obsidian,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "product_status")]
pub enum ProductStatus {
    #[sea_orm(string_value = "DRAFT")]
    #[serde(rename = "DRAFT")]
    Draft,
    #[sea_orm(string_value = "ACTIVE")]
    #[serde(rename = "ACTIVE")]
    Active,
    #[sea_orm(string_value = "OUT_OF_STOCK")]
    #[serde(rename = "OUT_OF_STOCK")]
    OutOfStock,
    #[sea_orm(string_value = "DISCONTINUED")]
    #[serde(rename = "DISCONTINUED")]
    Discontinued,
    #[sea_orm(string_value = "ARCHIVED")]
    #[serde(rename = "ARCHIVED")]
    Archived,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "order_status")]
pub enum OrderStatus {
    #[sea_orm(string_value = "PENDING")]
    #[serde(rename = "PENDING")]
    Pending,
    #[sea_orm(string_value = "PAYMENT_PROCESSING")]
    #[serde(rename = "PAYMENT_PROCESSING")]
    PaymentProcessing,
    #[sea_orm(string_value = "PAYMENT_FAILED")]
    #[serde(rename = "PAYMENT_FAILED")]
    PaymentFailed,
    #[sea_orm(string_value = "CONFIRMED")]
    #[serde(rename = "CONFIRMED")]
    Confirmed,
    #[sea_orm(string_value = "PROCESSING")]
    #[serde(rename = "PROCESSING")]
    Processing,
    #[sea_orm(string_value = "SHIPPED")]
    #[serde(rename = "SHIPPED")]
    Shipped,
    #[sea_orm(string_value = "DELIVERED")]
    #[serde(rename = "DELIVERED")]
    Delivered,
    #[sea_orm(string_value = "CANCELLED")]
    #[serde(rename = "CANCELLED")]
    Cancelled,
    #[sea_orm(string_value = "REFUNDED")]
    #[serde(rename = "REFUNDED")]
    Refunded,
    #[sea_orm(string_value = "RETURNED")]
    #[serde(rename = "RETURNED")]
    Returned,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "payment_status")]
pub enum PaymentStatus {
    #[sea_orm(string_value = "PENDING")]
    #[serde(rename = "PENDING")]
    Pending,
    #[sea_orm(string_value = "PROCESSING")]
    #[serde(rename = "PROCESSING")]
    Processing,
    #[sea_orm(string_value = "COMPLETED")]
    #[serde(rename = "COMPLETED")]
    Completed,
    #[sea_orm(string_value = "FAILED")]
    #[serde(rename = "FAILED")]
    Failed,
    #[sea_orm(string_value = "REFUNDED")]
    #[serde(rename = "REFUNDED")]
    Refunded,
    #[sea_orm(string_value = "PARTIALLY_REFUNDED")]
    #[serde(rename = "PARTIALLY_REFUNDED")]
    PartiallyRefunded,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "review_status")]
pub enum ReviewStatus {
    #[sea_orm(string_value = "PENDING")]
    #[serde(rename = "PENDING")]
    Pending,
    #[sea_orm(string_value = "APPROVED")]
    #[serde(rename = "APPROVED")]
    Approved,
    #[sea_orm(string_value = "REJECTED")]
    #[serde(rename = "REJECTED")]
    Rejected,
    #[sea_orm(string_value = "FLAGGED")]
    #[serde(rename = "FLAGGED")]
    Flagged,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "Enum",
    enum_name = "ai_interaction_type"
)]
pub enum AiInteractionType {
    #[sea_orm(string_value = "STYLE_QUIZ")]
    #[serde(rename = "STYLE_QUIZ")]
    StyleQuiz,
    #[sea_orm(string_value = "VISUAL_SEARCH")]
    #[serde(rename = "VISUAL_SEARCH")]
    VisualSearch,
    #[sea_orm(string_value = "CHAT")]
    #[serde(rename = "CHAT")]
    Chat,
    #[sea_orm(string_value = "RECOMMENDATION")]
    #[serde(rename = "RECOMMENDATION")]
    Recommendation,
    #[sea_orm(string_value = "OUTFIT_BUILDER")]
    #[serde(rename = "OUTFIT_BUILDER")]
    OutfitBuilder,
    #[sea_orm(string_value = "TREND_ALERT")]
    #[serde(rename = "TREND_ALERT")]
    TrendAlert,
    #[sea_orm(string_value = "SIZE_ADVISOR")]
    #[serde(rename = "SIZE_ADVISOR")]
    SizeAdvisor,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "notification_type")]
pub enum NotificationType {
    #[sea_orm(string_value = "ORDER_UPDATE")]
    #[serde(rename = "ORDER_UPDATE")]
    OrderUpdate,
    #[sea_orm(string_value = "PRICE_DROP")]
    #[serde(rename = "PRICE_DROP")]
    PriceDrop,
    #[sea_orm(string_value = "BACK_IN_STOCK")]
    #[serde(rename = "BACK_IN_STOCK")]
    BackInStock,
    #[sea_orm(string_value = "EXCLUSIVE_ACCESS")]
    #[serde(rename = "EXCLUSIVE_ACCESS")]
    ExclusiveAccess,
    #[sea_orm(string_value = "MEMBERSHIP_UPDATE")]
    #[serde(rename = "MEMBERSHIP_UPDATE")]
    MembershipUpdate,
    #[sea_orm(string_value = "AI_RECOMMENDATION")]
    #[serde(rename = "AI_RECOMMENDATION")]
    AiRecommendation,
    #[sea_orm(string_value = "SOCIAL_INTERACTION")]
    #[serde(rename = "SOCIAL_INTERACTION")]
    SocialInteraction,
    #[sea_orm(string_value = "LIVE_EVENT")]
    #[serde(rename = "LIVE_EVENT")]
    LiveEvent,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "translation_status")]
pub enum TranslationStatus {
    #[sea_orm(string_value = "PENDING")]
    #[serde(rename = "PENDING")]
    Pending,
    #[sea_orm(string_value = "APPROVED")]
    #[serde(rename = "APPROVED")]
    Approved,
    #[sea_orm(string_value = "REJECTED")]
    #[serde(rename = "REJECTED")]
    Rejected,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "live_event_status")]
pub enum LiveEventStatus {
    #[sea_orm(string_value = "SCHEDULED")]
    #[serde(rename = "SCHEDULED")]
    Scheduled,
    #[sea_orm(string_value = "LIVE")]
    #[serde(rename = "LIVE")]
    Live,
    #[sea_orm(string_value = "ENDED")]
    #[serde(rename = "ENDED")]
    Ended,
    #[sea_orm(string_value = "CANCELLED")]
    #[serde(rename = "CANCELLED")]
    Cancelled,
}
