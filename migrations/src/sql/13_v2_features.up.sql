-- V2 features: virtual closet, outfits, sizing, live shopping and translations.
-- Mirrors the data model (shared/seed/schema.prisma) with the deviations in design.md.

CREATE TABLE virtual_closet_items (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL,
    product_id uuid NOT NULL,
    variant_id uuid,
    purchase_date timestamptz,
    order_id uuid,
    acquisition_type varchar(50) NOT NULL DEFAULT 'purchased',
    wear_count integer NOT NULL DEFAULT 0,
    last_worn_date timestamptz,
    occasions text[] NOT NULL DEFAULT '{}',
    custom_categories text[] NOT NULL DEFAULT '{}',
    seasons text[] NOT NULL DEFAULT '{}',
    colors text[] NOT NULL DEFAULT '{}',
    cost_per_wear numeric(10,2),
    versatility_score numeric(3,2),
    compatibility_scores jsonb,
    notes text,
    rating integer,
    is_active boolean NOT NULL DEFAULT true,
    donated_at timestamptz,
    sold_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT virtual_closet_items_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_virtual_closet_user ON virtual_closet_items (user_id, is_active);

CREATE INDEX idx_virtual_closet_worn ON virtual_closet_items (user_id, last_worn_date);

CREATE TRIGGER virtual_closet_items_set_updated_at BEFORE UPDATE ON virtual_closet_items
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE outfit_recommendations (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL,
    name varchar(255),
    base_product_id uuid NOT NULL,
    style_score numeric(3,2) NOT NULL,
    occasion_tags text[] NOT NULL DEFAULT '{}',
    season_tags text[] NOT NULL DEFAULT '{}',
    color_harmony_score numeric(3,2) NOT NULL,
    liked boolean,
    saved boolean NOT NULL DEFAULT false,
    purchased boolean NOT NULL DEFAULT false,
    view_count integer NOT NULL DEFAULT 0,
    share_count integer NOT NULL DEFAULT 0,
    ai_reasoning jsonb,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT outfit_recommendations_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_outfit_recommendations_user ON outfit_recommendations (user_id, created_at DESC);

CREATE INDEX idx_outfit_recommendations_score ON outfit_recommendations (style_score DESC);

CREATE TRIGGER outfit_recommendations_set_updated_at BEFORE UPDATE ON outfit_recommendations
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE outfit_recommendation_items (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    recommendation_id uuid NOT NULL,
    product_id uuid NOT NULL,
    "itemType" varchar(50) NOT NULL,
    is_optional boolean NOT NULL DEFAULT false,
    alternative_rank integer,
    match_score numeric(3,2) NOT NULL,
    CONSTRAINT outfit_recommendation_items_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_outfit_items_recommendation ON outfit_recommendation_items (recommendation_id);

CREATE TABLE size_profiles (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL,
    measurements jsonb NOT NULL,
    measurement_unit varchar(10) NOT NULL DEFAULT 'cm',
    preferred_fit varchar(50) NOT NULL DEFAULT 'regular',
    brand_sizes jsonb,
    body_type varchar(50),
    fit_profile jsonb,
    is_public boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT size_profiles_pkey PRIMARY KEY (id),
    CONSTRAINT size_profiles_user_id_key UNIQUE (user_id)
);

CREATE TRIGGER size_profiles_set_updated_at BEFORE UPDATE ON size_profiles
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE size_recommendations (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    size_profile_id uuid NOT NULL,
    variant_id uuid NOT NULL,
    recommended_size varchar(50) NOT NULL,
    confidence_score numeric(3,2) NOT NULL,
    fit_notes jsonb,
    user_feedback varchar(50),
    actual_size_purchased varchar(50),
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT size_recommendations_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_size_recommendations ON size_recommendations (size_profile_id, variant_id);

CREATE TABLE live_shopping_events (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    title varchar(255) NOT NULL,
    description text,
    host_id uuid NOT NULL,
    scheduled_start timestamptz NOT NULL,
    scheduled_end timestamptz NOT NULL,
    actual_start timestamptz,
    actual_end timestamptz,
    status live_event_status NOT NULL DEFAULT 'SCHEDULED'::live_event_status,
    stream_url varchar(500),
    stream_key varchar(255),
    recording_url varchar(500),
    thumbnail_url varchar(500),
    banner_url varchar(500),
    chat_enabled boolean NOT NULL DEFAULT true,
    max_viewers integer,
    viewer_count integer NOT NULL DEFAULT 0,
    peak_viewers integer NOT NULL DEFAULT 0,
    unique_viewers integer NOT NULL DEFAULT 0,
    average_view_time integer,
    total_sales numeric(10,2) NOT NULL DEFAULT 0,
    conversion_rate numeric(5,2),
    exclusive_code varchar(50),
    discount_percentage integer,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT live_shopping_events_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_live_events_schedule ON live_shopping_events (scheduled_start);

CREATE INDEX idx_live_events_status ON live_shopping_events (status);

CREATE TRIGGER live_shopping_events_set_updated_at BEFORE UPDATE ON live_shopping_events
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE live_event_products (
    event_id uuid NOT NULL,
    product_id uuid NOT NULL,
    display_order integer NOT NULL DEFAULT 0,
    featured_at timestamptz,
    featured_duration integer,
    event_price numeric(10,2),
    click_count integer NOT NULL DEFAULT 0,
    purchase_count integer NOT NULL DEFAULT 0,
    CONSTRAINT live_event_products_pkey PRIMARY KEY (event_id, product_id)
);

CREATE INDEX idx_live_event_products ON live_event_products (event_id, display_order);

CREATE TABLE live_event_participations (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    event_id uuid NOT NULL,
    user_id uuid NOT NULL,
    joined_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    left_at timestamptz,
    watch_time_seconds integer NOT NULL DEFAULT 0,
    chat_message_count integer NOT NULL DEFAULT 0,
    reaction_count integer NOT NULL DEFAULT 0,
    purchased_products uuid[] NOT NULL DEFAULT '{}',
    total_spent numeric(10,2) NOT NULL DEFAULT 0,
    CONSTRAINT live_event_participations_pkey PRIMARY KEY (id),
    CONSTRAINT live_event_participations_event_id_user_id_key UNIQUE (event_id, user_id)
);

CREATE INDEX idx_live_participations_event ON live_event_participations (event_id);

CREATE INDEX idx_live_participations_user ON live_event_participations (user_id);

CREATE TABLE product_translations (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    product_id uuid NOT NULL,
    language_code varchar(10) NOT NULL,
    name varchar(255),
    description text,
    story text,
    meta_title varchar(255),
    meta_description text,
    status translation_status NOT NULL DEFAULT 'PENDING'::translation_status,
    is_auto_translated boolean NOT NULL DEFAULT false,
    translated_by uuid,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT product_translations_pkey PRIMARY KEY (id),
    CONSTRAINT product_translations_product_id_language_code_key UNIQUE (product_id, language_code)
);

CREATE INDEX idx_product_translations_language ON product_translations (language_code);

CREATE INDEX idx_product_translations_status ON product_translations (status);

CREATE TRIGGER product_translations_set_updated_at BEFORE UPDATE ON product_translations
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE category_translations (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    category_id uuid NOT NULL,
    language_code varchar(10) NOT NULL,
    name varchar(255),
    description text,
    meta_title varchar(255),
    meta_description text,
    status translation_status NOT NULL DEFAULT 'PENDING'::translation_status,
    is_auto_translated boolean NOT NULL DEFAULT false,
    translated_by uuid,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT category_translations_pkey PRIMARY KEY (id),
    CONSTRAINT category_translations_category_id_language_code_key UNIQUE (category_id, language_code)
);

CREATE INDEX idx_category_translations_language ON category_translations (language_code);

CREATE TRIGGER category_translations_set_updated_at BEFORE UPDATE ON category_translations
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE collection_translations (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    collection_id uuid NOT NULL,
    language_code varchar(10) NOT NULL,
    name varchar(255),
    description text,
    meta_title varchar(255),
    meta_description text,
    status translation_status NOT NULL DEFAULT 'PENDING'::translation_status,
    is_auto_translated boolean NOT NULL DEFAULT false,
    translated_by uuid,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT collection_translations_pkey PRIMARY KEY (id),
    CONSTRAINT collection_translations_collection_id_language_code_key UNIQUE (collection_id, language_code)
);

CREATE INDEX idx_collection_translations_language ON collection_translations (language_code);

CREATE TRIGGER collection_translations_set_updated_at BEFORE UPDATE ON collection_translations
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE brand_translations (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    brand_id uuid NOT NULL,
    language_code varchar(10) NOT NULL,
    description text,
    story text,
    status translation_status NOT NULL DEFAULT 'PENDING'::translation_status,
    is_auto_translated boolean NOT NULL DEFAULT false,
    translated_by uuid,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT brand_translations_pkey PRIMARY KEY (id),
    CONSTRAINT brand_translations_brand_id_language_code_key UNIQUE (brand_id, language_code)
);

CREATE INDEX idx_brand_translations_language ON brand_translations (language_code);

CREATE TRIGGER brand_translations_set_updated_at BEFORE UPDATE ON brand_translations
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE virtual_closet_items ADD CONSTRAINT virtual_closet_items_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE virtual_closet_items ADD CONSTRAINT virtual_closet_items_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE virtual_closet_items ADD CONSTRAINT virtual_closet_items_variant_id_fkey
    FOREIGN KEY (variant_id) REFERENCES product_variants (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE virtual_closet_items ADD CONSTRAINT virtual_closet_items_order_id_fkey
    FOREIGN KEY (order_id) REFERENCES orders (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE outfit_recommendations ADD CONSTRAINT outfit_recommendations_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE outfit_recommendations ADD CONSTRAINT outfit_recommendations_base_product_id_fkey
    FOREIGN KEY (base_product_id) REFERENCES products (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE outfit_recommendation_items ADD CONSTRAINT outfit_recommendation_items_recommendation_id_fkey
    FOREIGN KEY (recommendation_id) REFERENCES outfit_recommendations (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE outfit_recommendation_items ADD CONSTRAINT outfit_recommendation_items_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE size_profiles ADD CONSTRAINT size_profiles_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE size_recommendations ADD CONSTRAINT size_recommendations_size_profile_id_fkey
    FOREIGN KEY (size_profile_id) REFERENCES size_profiles (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE size_recommendations ADD CONSTRAINT size_recommendations_variant_id_fkey
    FOREIGN KEY (variant_id) REFERENCES product_variants (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE live_shopping_events ADD CONSTRAINT live_shopping_events_host_id_fkey
    FOREIGN KEY (host_id) REFERENCES users (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE live_event_products ADD CONSTRAINT live_event_products_event_id_fkey
    FOREIGN KEY (event_id) REFERENCES live_shopping_events (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE live_event_products ADD CONSTRAINT live_event_products_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE live_event_participations ADD CONSTRAINT live_event_participations_event_id_fkey
    FOREIGN KEY (event_id) REFERENCES live_shopping_events (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE live_event_participations ADD CONSTRAINT live_event_participations_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE product_translations ADD CONSTRAINT product_translations_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE category_translations ADD CONSTRAINT category_translations_category_id_fkey
    FOREIGN KEY (category_id) REFERENCES categories (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE collection_translations ADD CONSTRAINT collection_translations_collection_id_fkey
    FOREIGN KEY (collection_id) REFERENCES collections (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE brand_translations ADD CONSTRAINT brand_translations_brand_id_fkey
    FOREIGN KEY (brand_id) REFERENCES brands (id)
    ON DELETE CASCADE ON UPDATE CASCADE;
