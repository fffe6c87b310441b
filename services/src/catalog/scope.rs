//! What a category, brand or collection page says about itself: its name, hero image,
//! description and story, in the shopper's language. An approved translation replaces the
//! base text field by field; a field the translation leaves empty keeps the base text.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value};

/// The kinds of listing that have a page of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Category,
    Brand,
    Collection,
}

/// A listing's own words and picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScopeDetail {
    pub slug: String,
    pub name: String,
    pub description: Option<String>,
    /// A brand's story; categories and collections have none.
    pub story: Option<String>,
    pub image_url: Option<String>,
    pub meta_description: Option<String>,
    /// The language whose approved translation was applied, if any.
    pub language: Option<String>,
}

/// `$1` is the slug, `$2` the language. Inactive categories and collections have no page.
fn sql(kind: ScopeKind) -> &'static str {
    match kind {
        ScopeKind::Category => {
            "SELECT s.slug, COALESCE(NULLIF(t.name, ''), s.name) AS name,
                    COALESCE(NULLIF(t.description, ''), s.description) AS description,
                    NULL::text AS story, s.image_url,
                    COALESCE(NULLIF(t.meta_description, ''), s.meta_description) AS meta_description,
                    t.language_code AS language
             FROM categories s
             LEFT JOIN category_translations t ON t.category_id = s.id
                  AND t.language_code = $2 AND t.status = 'APPROVED'
             WHERE s.slug = $1 AND s.is_active"
        }
        ScopeKind::Brand => {
            "SELECT s.slug, s.name,
                    COALESCE(NULLIF(t.description, ''), s.description) AS description,
                    COALESCE(NULLIF(t.story, ''), s.story) AS story,
                    s.logo_url AS image_url,
                    NULL::text AS meta_description,
                    t.language_code AS language
             FROM brands s
             LEFT JOIN brand_translations t ON t.brand_id = s.id
                  AND t.language_code = $2 AND t.status = 'APPROVED'
             WHERE s.slug = $1"
        }
        ScopeKind::Collection => {
            "SELECT s.slug, COALESCE(NULLIF(t.name, ''), s.name) AS name,
                    COALESCE(NULLIF(t.description, ''), s.description) AS description,
                    NULL::text AS story, s.hero_image_url AS image_url,
                    COALESCE(NULLIF(t.meta_description, ''), s.meta_description) AS meta_description,
                    t.language_code AS language
             FROM collections s
             LEFT JOIN collection_translations t ON t.collection_id = s.id
                  AND t.language_code = $2 AND t.status = 'APPROVED'
             WHERE s.slug = $1 AND s.is_active"
        }
    }
}

/// The page's details, or `None` when there is no such (active) category, brand or
/// collection. `lang` is a language code ("fr"); English needs no translation.
pub async fn scope_detail(
    db: &impl ConnectionTrait,
    kind: ScopeKind,
    slug: &str,
    lang: &str,
) -> Result<Option<ScopeDetail>, DbErr> {
    let statement = Statement::from_sql_and_values(
        DbBackend::Postgres,
        sql(kind),
        [Value::from(slug), Value::from(lang)],
    );
    let Some(row) = db.query_one_raw(statement).await? else {
        return Ok(None);
    };
    Ok(Some(ScopeDetail {
        slug: row.try_get("", "slug")?,
        name: row.try_get("", "name")?,
        description: row.try_get("", "description")?,
        story: row.try_get("", "story")?,
        image_url: row.try_get("", "image_url")?,
        meta_description: row.try_get("", "meta_description")?,
        language: row.try_get("", "language")?,
    }))
}
