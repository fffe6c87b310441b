-- Style profiles, AI interactions, product views and search logs.
-- Mirrors the data model (shared/seed/schema.prisma) with the deviations in design.md.

CREATE TABLE style_profiles (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL,
    style_personas text[] NOT NULL DEFAULT '{}',
    favorite_colors text[] NOT NULL DEFAULT '{}',
    avoided_colors text[] NOT NULL DEFAULT '{}',
    preferred_brands text[] NOT NULL DEFAULT '{}',
    avoided_materials text[] NOT NULL DEFAULT '{}',
    measurements jsonb,
    typical_sizes jsonb,
    min_price_preference numeric(10,2),
    max_price_preference numeric(10,2),
    sweet_spot_price numeric(10,2),
    style_embedding vector(384),
    color_embedding vector(512),
    brand_embedding vector(512),
    prefers_sustainable boolean NOT NULL DEFAULT false,
    prefers_exclusive boolean NOT NULL DEFAULT false,
    early_adopter_score numeric(3,2) NOT NULL DEFAULT 0.5,
    luxury_affinity_score numeric(3,2) NOT NULL DEFAULT 0.5,
    style_history jsonb,
    seasonal_preferences jsonb,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT style_profiles_pkey PRIMARY KEY (id),
    CONSTRAINT style_profiles_user_id_key UNIQUE (user_id)
);

CREATE INDEX idx_style_embedding ON style_profiles USING hnsw (style_embedding vector_cosine_ops);

CREATE TRIGGER style_profiles_set_updated_at BEFORE UPDATE ON style_profiles
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE ai_interactions (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid,
    session_id uuid,
    interaction_type ai_interaction_type NOT NULL,
    input_data jsonb,
    output_data jsonb,
    response_time_ms integer,
    confidence_score numeric(3,2),
    user_satisfaction integer,
    model_version varchar(50),
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ai_interactions_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_ai_interactions_user ON ai_interactions (user_id, created_at DESC);

CREATE INDEX idx_ai_interactions_type ON ai_interactions (interaction_type, created_at DESC);

CREATE TABLE product_views (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    product_id uuid NOT NULL,
    user_id uuid,
    session_id uuid,
    source varchar(50),
    search_query text,
    recommendation_id uuid,
    view_duration_seconds integer,
    interactions jsonb,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT product_views_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_product_views_product ON product_views (product_id, created_at DESC);

CREATE INDEX idx_product_views_user ON product_views (user_id, created_at DESC) WHERE user_id IS NOT NULL;

CREATE INDEX idx_product_views_date ON product_views (created_at DESC);

CREATE TABLE search_logs (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid,
    session_id uuid,
    query text NOT NULL,
    filters jsonb,
    results_count integer,
    clicked_position integer,
    clicked_product_id uuid,
    response_time_ms integer,
    search_method varchar(50),
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT search_logs_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_search_logs_user ON search_logs (user_id, created_at DESC) WHERE user_id IS NOT NULL;

ALTER TABLE style_profiles ADD CONSTRAINT style_profiles_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE ai_interactions ADD CONSTRAINT ai_interactions_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE ai_interactions ADD CONSTRAINT ai_interactions_session_id_fkey
    FOREIGN KEY (session_id) REFERENCES sessions (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE product_views ADD CONSTRAINT product_views_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE product_views ADD CONSTRAINT product_views_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE product_views ADD CONSTRAINT product_views_session_id_fkey
    FOREIGN KEY (session_id) REFERENCES sessions (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE search_logs ADD CONSTRAINT search_logs_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE search_logs ADD CONSTRAINT search_logs_session_id_fkey
    FOREIGN KEY (session_id) REFERENCES sessions (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE search_logs ADD CONSTRAINT search_logs_clicked_product_id_fkey
    FOREIGN KEY (clicked_product_id) REFERENCES products (id)
    ON DELETE SET NULL ON UPDATE CASCADE;
