//! `live_shopping_events`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use super::sea_orm_active_enums::*;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "live_shopping_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(column_type = "String(StringLen::N(255))")]
    pub title: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub description: Option<String>,
    pub host_id: Uuid,
    pub scheduled_start: DateTimeWithTimeZone,
    pub scheduled_end: DateTimeWithTimeZone,
    pub actual_start: Option<DateTimeWithTimeZone>,
    pub actual_end: Option<DateTimeWithTimeZone>,
    pub status: LiveEventStatus,
    #[sea_orm(column_type = "String(StringLen::N(500))", nullable)]
    pub stream_url: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(255))", nullable)]
    pub stream_key: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(500))", nullable)]
    pub recording_url: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(500))", nullable)]
    pub thumbnail_url: Option<String>,
    #[sea_orm(column_type = "String(StringLen::N(500))", nullable)]
    pub banner_url: Option<String>,
    pub chat_enabled: bool,
    pub max_viewers: Option<i32>,
    pub viewer_count: i32,
    pub peak_viewers: i32,
    pub unique_viewers: i32,
    pub average_view_time: Option<i32>,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))")]
    pub total_sales: Decimal,
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", nullable)]
    pub conversion_rate: Option<Decimal>,
    #[sea_orm(column_type = "String(StringLen::N(50))", nullable)]
    pub exclusive_code: Option<String>,
    pub discount_percentage: Option<i32>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::HostId",
        to = "super::users::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Host,
    #[sea_orm(has_many = "super::live_event_products::Entity")]
    LiveEventProducts,
    #[sea_orm(has_many = "super::live_event_participations::Entity")]
    LiveEventParticipations,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Host.def()
    }
}

impl Related<super::live_event_products::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::LiveEventProducts.def()
    }
}

impl Related<super::live_event_participations::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::LiveEventParticipations.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
