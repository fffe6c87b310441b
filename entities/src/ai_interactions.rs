//! `ai_interactions`: generated from the data model, then reviewed. See `migrations/src/sql/`.

use super::sea_orm_active_enums::*;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ai_interactions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Option<Uuid>,
    pub session_id: Option<Uuid>,
    pub interaction_type: AiInteractionType,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub input_data: Option<Json>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub output_data: Option<Json>,
    pub response_time_ms: Option<i32>,
    #[sea_orm(column_type = "Decimal(Some((3, 2)))", nullable)]
    pub confidence_score: Option<Decimal>,
    pub user_satisfaction: Option<i32>,
    #[sea_orm(column_type = "String(StringLen::N(50))", nullable)]
    pub model_version: Option<String>,
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
    #[sea_orm(
        belongs_to = "super::sessions::Entity",
        from = "Column::SessionId",
        to = "super::sessions::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Session,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Session.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
