//! `email_campaigns`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "email_campaigns")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(column_type = "String(StringLen::N(255))")]
    pub name: String,
    #[sea_orm(column_type = "String(StringLen::N(255))")]
    pub subject: String,
    #[sea_orm(column_type = "String(StringLen::N(50))")]
    pub r#type: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub html_content: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub text_content: Option<String>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub target_segment: Option<Json>,
    #[sea_orm(column_type = "String(StringLen::N(50))")]
    pub status: String,
    pub scheduled_at: Option<DateTimeWithTimeZone>,
    pub sent_at: Option<DateTimeWithTimeZone>,
    pub sent_count: i32,
    pub open_count: i32,
    pub click_count: i32,
    pub conversion_count: i32,
    #[sea_orm(column_type = "Decimal(Some((10, 2)))")]
    pub revenue_generated: Decimal,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
