//! `sessions`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    #[sea_orm(unique, column_type = "String(StringLen::N(255))")]
    pub session_token: String,
    pub ip_address: Option<IpNetwork>,
    #[sea_orm(column_type = "Text", nullable)]
    pub user_agent: Option<String>,
    pub expires_at: DateTimeWithTimeZone,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    User,
    #[sea_orm(has_many = "super::ai_interactions::Entity")]
    AiInteractions,
    #[sea_orm(has_many = "super::carts::Entity")]
    Carts,
    #[sea_orm(has_many = "super::product_views::Entity")]
    ProductViews,
    #[sea_orm(has_many = "super::search_logs::Entity")]
    SearchLogs,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
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

impl ActiveModelBehavior for ActiveModel {}
