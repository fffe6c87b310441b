-- Email campaigns and coupons.
-- Mirrors the data model (shared/seed/schema.prisma) with the deviations in design.md.

CREATE TABLE email_campaigns (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    name varchar(255) NOT NULL,
    subject varchar(255) NOT NULL,
    type varchar(50) NOT NULL,
    html_content text,
    text_content text,
    target_segment jsonb,
    status varchar(50) NOT NULL DEFAULT 'DRAFT',
    scheduled_at timestamptz,
    sent_at timestamptz,
    sent_count integer NOT NULL DEFAULT 0,
    open_count integer NOT NULL DEFAULT 0,
    click_count integer NOT NULL DEFAULT 0,
    conversion_count integer NOT NULL DEFAULT 0,
    revenue_generated numeric(10,2) NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT email_campaigns_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_campaigns_segment ON email_campaigns USING gin (target_segment);

CREATE TRIGGER email_campaigns_set_updated_at BEFORE UPDATE ON email_campaigns
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE coupons (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    code varchar(50) NOT NULL,
    description text,
    discount_type varchar(20) NOT NULL,
    discount_value numeric(10,2) NOT NULL,
    minimum_amount numeric(10,2),
    applicable_products uuid[] NOT NULL DEFAULT '{}',
    applicable_categories uuid[] NOT NULL DEFAULT '{}',
    applicable_brands uuid[] NOT NULL DEFAULT '{}',
    usage_limit integer,
    usage_count integer NOT NULL DEFAULT 0,
    usage_limit_per_user integer,
    valid_from timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    valid_until timestamptz,
    first_purchase_only boolean NOT NULL DEFAULT false,
    membership_tiers membership_tier[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT coupons_pkey PRIMARY KEY (id),
    CONSTRAINT coupons_code_key UNIQUE (code)
);

CREATE INDEX idx_coupons_code ON coupons (code);

CREATE TRIGGER coupons_set_updated_at BEFORE UPDATE ON coupons
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE coupon_uses (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    coupon_id uuid NOT NULL,
    user_id uuid NOT NULL,
    order_id uuid NOT NULL,
    discount_amount numeric(10,2) NOT NULL,
    used_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT coupon_uses_pkey PRIMARY KEY (id),
    CONSTRAINT coupon_uses_coupon_id_order_id_key UNIQUE (coupon_id, order_id)
);

CREATE INDEX idx_coupon_uses_user ON coupon_uses (user_id);

ALTER TABLE coupon_uses ADD CONSTRAINT coupon_uses_coupon_id_fkey
    FOREIGN KEY (coupon_id) REFERENCES coupons (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE coupon_uses ADD CONSTRAINT coupon_uses_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE coupon_uses ADD CONSTRAINT coupon_uses_order_id_fkey
    FOREIGN KEY (order_id) REFERENCES orders (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;
