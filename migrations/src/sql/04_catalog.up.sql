-- The catalog: categories, brands, products, variants, media, collections and reviews.
-- Mirrors the data model (shared/seed/schema.prisma) with the deviations in design.md.

CREATE TABLE categories (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    parent_id uuid,
    slug varchar(255) NOT NULL,
    name varchar(255) NOT NULL,
    description text,
    image_url varchar(500),
    meta_title varchar(255),
    meta_description text,
    display_order integer NOT NULL DEFAULT 0,
    is_featured boolean NOT NULL DEFAULT false,
    is_active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT categories_pkey PRIMARY KEY (id),
    CONSTRAINT categories_slug_key UNIQUE (slug)
);

CREATE INDEX idx_categories_parent ON categories (parent_id) WHERE parent_id IS NOT NULL;

CREATE INDEX idx_categories_slug ON categories (slug) WHERE is_active = true;

CREATE TRIGGER categories_set_updated_at BEFORE UPDATE ON categories
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE brands (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    slug varchar(255) NOT NULL,
    name varchar(255) NOT NULL,
    logo_url varchar(500),
    description text,
    story text,
    is_verified boolean NOT NULL DEFAULT false,
    verified_at timestamptz,
    sustainability_score integer,
    certifications text[] NOT NULL DEFAULT '{}',
    website_url varchar(500),
    instagram_handle varchar(100),
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT brands_pkey PRIMARY KEY (id),
    CONSTRAINT brands_slug_key UNIQUE (slug)
);

CREATE TRIGGER brands_set_updated_at BEFORE UPDATE ON brands
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE products (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    sku varchar(100) NOT NULL,
    slug varchar(255) NOT NULL,
    name varchar(255) NOT NULL,
    description text,
    story text,
    category_id uuid NOT NULL,
    brand_id uuid,
    price numeric(10,2) NOT NULL,
    compare_at_price numeric(10,2),
    cost numeric(10,2),
    currency char(3) NOT NULL DEFAULT 'USD',
    status product_status NOT NULL DEFAULT 'DRAFT'::product_status,
    published_at timestamptz,
    featured_at timestamptz,
    ai_description text,
    product_embedding vector(384),
    color_analysis jsonb,
    style_tags text[] NOT NULL DEFAULT '{}',
    model_3d_url varchar(500),
    ar_enabled boolean NOT NULL DEFAULT false,
    virtual_try_on_enabled boolean NOT NULL DEFAULT false,
    meta_title varchar(255),
    meta_description text,
    materials jsonb,
    carbon_footprint numeric(10,2),
    recyclable boolean NOT NULL DEFAULT false,
    view_count integer NOT NULL DEFAULT 0,
    purchase_count integer NOT NULL DEFAULT 0,
    wishlist_count integer NOT NULL DEFAULT 0,
    is_featured boolean NOT NULL DEFAULT false,
    is_exclusive boolean NOT NULL DEFAULT false,
    is_limited_edition boolean NOT NULL DEFAULT false,
    launch_date timestamptz,
    pre_order_enabled boolean NOT NULL DEFAULT false,
    pre_order_end_date timestamptz,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at timestamptz,
    CONSTRAINT products_pkey PRIMARY KEY (id),
    CONSTRAINT products_sku_key UNIQUE (sku),
    CONSTRAINT products_slug_key UNIQUE (slug)
);

CREATE INDEX idx_products_status ON products (status, published_at DESC) WHERE deleted_at IS NULL;

CREATE INDEX idx_products_category ON products (category_id) WHERE deleted_at IS NULL;

CREATE INDEX idx_products_brand ON products (brand_id) WHERE deleted_at IS NULL;

CREATE INDEX idx_products_price ON products (price) WHERE status = 'ACTIVE' AND deleted_at IS NULL;

CREATE INDEX idx_products_sku ON products (sku) WHERE deleted_at IS NULL;

CREATE INDEX idx_products_slug ON products (slug) WHERE deleted_at IS NULL;

CREATE INDEX idx_product_embedding ON products USING hnsw (product_embedding vector_cosine_ops);

CREATE INDEX idx_products_materials ON products USING gin (materials);

CREATE INDEX idx_products_color_analysis ON products USING gin (color_analysis);

CREATE TRIGGER products_set_updated_at BEFORE UPDATE ON products
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE product_variants (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    product_id uuid NOT NULL,
    sku varchar(100) NOT NULL,
    size varchar(50),
    color varchar(100),
    material varchar(100),
    price numeric(10,2),
    compare_at_price numeric(10,2),
    inventory_quantity integer NOT NULL DEFAULT 0,
    inventory_reserved integer NOT NULL DEFAULT 0,
    low_stock_threshold integer NOT NULL DEFAULT 5,
    weight_value numeric(10,3),
    weight_unit varchar(10) NOT NULL DEFAULT 'kg',
    dimensions jsonb,
    is_available boolean NOT NULL DEFAULT true,
    available_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT product_variants_pkey PRIMARY KEY (id),
    CONSTRAINT product_variants_sku_key UNIQUE (sku)
);

CREATE INDEX idx_variants_product ON product_variants (product_id);

CREATE INDEX idx_variants_inventory ON product_variants (inventory_quantity) WHERE is_available = true;

CREATE TRIGGER product_variants_set_updated_at BEFORE UPDATE ON product_variants
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE product_media (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    product_id uuid NOT NULL,
    variant_id uuid,
    media_type varchar(20) NOT NULL,
    url varchar(500) NOT NULL,
    thumbnail_url varchar(500),
    alt_text varchar(255),
    width integer,
    height integer,
    duration_seconds integer,
    model_format varchar(20),
    file_size_bytes bigint,
    is_360_image boolean NOT NULL DEFAULT false,
    sequence_index integer,
    display_order integer NOT NULL DEFAULT 0,
    is_primary boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT product_media_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_media_product ON product_media (product_id, display_order);

CREATE INDEX idx_media_variant ON product_media (variant_id) WHERE variant_id IS NOT NULL;

CREATE TABLE collections (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    slug varchar(255) NOT NULL,
    name varchar(255) NOT NULL,
    description text,
    hero_image_url varchar(500),
    hero_video_url varchar(500),
    color_theme jsonb,
    is_manual boolean NOT NULL DEFAULT true,
    rules jsonb,
    is_active boolean NOT NULL DEFAULT true,
    display_order integer NOT NULL DEFAULT 0,
    featured_until timestamptz,
    meta_title varchar(255),
    meta_description text,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT collections_pkey PRIMARY KEY (id),
    CONSTRAINT collections_slug_key UNIQUE (slug)
);

CREATE TRIGGER collections_set_updated_at BEFORE UPDATE ON collections
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE collection_products (
    collection_id uuid NOT NULL,
    product_id uuid NOT NULL,
    display_order integer NOT NULL DEFAULT 0,
    added_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT collection_products_pkey PRIMARY KEY (collection_id, product_id)
);

CREATE INDEX idx_collection_products ON collection_products (collection_id, display_order);

CREATE TABLE reviews (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    product_id uuid NOT NULL,
    user_id uuid NOT NULL,
    order_item_id uuid,
    rating integer NOT NULL,
    title varchar(255),
    content text,
    is_verified_purchase boolean NOT NULL DEFAULT false,
    helpful_count integer NOT NULL DEFAULT 0,
    not_helpful_count integer NOT NULL DEFAULT 0,
    sentiment_score numeric(3,2),
    quality_score numeric(3,2),
    status review_status NOT NULL DEFAULT 'PENDING'::review_status,
    media_urls text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT reviews_pkey PRIMARY KEY (id),
    CONSTRAINT reviews_product_id_user_id_key UNIQUE (product_id, user_id)
);

CREATE INDEX idx_reviews_product ON reviews (product_id, status, rating DESC);

CREATE INDEX idx_reviews_user ON reviews (user_id);

CREATE TRIGGER reviews_set_updated_at BEFORE UPDATE ON reviews
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE review_interactions (
    user_id uuid NOT NULL,
    review_id uuid NOT NULL,
    is_helpful boolean NOT NULL,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT review_interactions_pkey PRIMARY KEY (user_id, review_id)
);

ALTER TABLE categories ADD CONSTRAINT categories_parent_id_fkey
    FOREIGN KEY (parent_id) REFERENCES categories (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE products ADD CONSTRAINT products_category_id_fkey
    FOREIGN KEY (category_id) REFERENCES categories (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE products ADD CONSTRAINT products_brand_id_fkey
    FOREIGN KEY (brand_id) REFERENCES brands (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE product_variants ADD CONSTRAINT product_variants_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE product_media ADD CONSTRAINT product_media_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE product_media ADD CONSTRAINT product_media_variant_id_fkey
    FOREIGN KEY (variant_id) REFERENCES product_variants (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE collection_products ADD CONSTRAINT collection_products_collection_id_fkey
    FOREIGN KEY (collection_id) REFERENCES collections (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE collection_products ADD CONSTRAINT collection_products_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE reviews ADD CONSTRAINT reviews_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE reviews ADD CONSTRAINT reviews_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE review_interactions ADD CONSTRAINT review_interactions_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE review_interactions ADD CONSTRAINT review_interactions_review_id_fkey
    FOREIGN KEY (review_id) REFERENCES reviews (id)
    ON DELETE CASCADE ON UPDATE CASCADE;
