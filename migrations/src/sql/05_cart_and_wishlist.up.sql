-- Carts and wishlists.
-- Mirrors the data model (shared/seed/schema.prisma) with the deviations in design.md.

CREATE TABLE carts (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid,
    session_id uuid,
    is_abandoned boolean NOT NULL DEFAULT false,
    abandoned_at timestamptz,
    reminder_sent_at timestamptz,
    currency char(3) NOT NULL DEFAULT 'USD',
    subtotal numeric(10,2) NOT NULL DEFAULT 0,
    tax_amount numeric(10,2) NOT NULL DEFAULT 0,
    shipping_amount numeric(10,2) NOT NULL DEFAULT 0,
    discount_amount numeric(10,2) NOT NULL DEFAULT 0,
    total numeric(10,2) NOT NULL DEFAULT 0,
    coupon_code varchar(50),
    gift_card_codes text[] NOT NULL DEFAULT '{}',
    expires_at timestamptz NOT NULL DEFAULT (CURRENT_TIMESTAMP + INTERVAL '30 days'),
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT carts_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_carts_user ON carts (user_id) WHERE user_id IS NOT NULL;

CREATE INDEX idx_carts_session ON carts (session_id) WHERE session_id IS NOT NULL;

CREATE INDEX idx_carts_abandoned ON carts (is_abandoned, abandoned_at) WHERE is_abandoned = true;

CREATE TRIGGER carts_set_updated_at BEFORE UPDATE ON carts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE cart_items (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    cart_id uuid NOT NULL,
    product_id uuid NOT NULL,
    variant_id uuid NOT NULL,
    quantity integer NOT NULL DEFAULT 1,
    price_at_time numeric(10,2) NOT NULL,
    personalization jsonb,
    added_from varchar(50),
    recommendation_score numeric(3,2),
    added_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT cart_items_pkey PRIMARY KEY (id),
    CONSTRAINT idx_cart_items_unique UNIQUE (cart_id, variant_id)
);

CREATE INDEX idx_cart_items_cart ON cart_items (cart_id);

CREATE TRIGGER cart_items_set_updated_at BEFORE UPDATE ON cart_items
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE wishlists (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL,
    name varchar(255) NOT NULL DEFAULT 'My Wishlist',
    is_public boolean NOT NULL DEFAULT false,
    share_token varchar(100),
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT wishlists_pkey PRIMARY KEY (id),
    CONSTRAINT wishlists_share_token_key UNIQUE (share_token)
);

CREATE INDEX idx_wishlists_user ON wishlists (user_id);

CREATE INDEX idx_wishlists_share ON wishlists (share_token) WHERE share_token IS NOT NULL;

CREATE TRIGGER wishlists_set_updated_at BEFORE UPDATE ON wishlists
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE wishlist_items (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    wishlist_id uuid NOT NULL,
    product_id uuid NOT NULL,
    variant_id uuid,
    notify_price_drop boolean NOT NULL DEFAULT true,
    notify_back_in_stock boolean NOT NULL DEFAULT true,
    price_when_added numeric(10,2),
    notes text,
    added_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT wishlist_items_pkey PRIMARY KEY (id),
    CONSTRAINT wishlist_items_wishlist_id_product_id_variant_id_key UNIQUE (wishlist_id, product_id, variant_id)
);

CREATE INDEX idx_wishlist_items ON wishlist_items (wishlist_id);

ALTER TABLE carts ADD CONSTRAINT carts_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE carts ADD CONSTRAINT carts_session_id_fkey
    FOREIGN KEY (session_id) REFERENCES sessions (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE cart_items ADD CONSTRAINT cart_items_cart_id_fkey
    FOREIGN KEY (cart_id) REFERENCES carts (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE cart_items ADD CONSTRAINT cart_items_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE cart_items ADD CONSTRAINT cart_items_variant_id_fkey
    FOREIGN KEY (variant_id) REFERENCES product_variants (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE wishlists ADD CONSTRAINT wishlists_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE wishlist_items ADD CONSTRAINT wishlist_items_wishlist_id_fkey
    FOREIGN KEY (wishlist_id) REFERENCES wishlists (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE wishlist_items ADD CONSTRAINT wishlist_items_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE wishlist_items ADD CONSTRAINT wishlist_items_variant_id_fkey
    FOREIGN KEY (variant_id) REFERENCES product_variants (id)
    ON DELETE SET NULL ON UPDATE CASCADE;
