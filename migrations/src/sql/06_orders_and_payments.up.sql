-- Orders, their items and status history, payment methods and transactions.
-- Mirrors the data model (shared/seed/schema.prisma) with the deviations in design.md.

CREATE TABLE orders (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    order_number varchar(20) NOT NULL,
    user_id uuid NOT NULL,
    status order_status NOT NULL DEFAULT 'PENDING'::order_status,
    payment_status payment_status NOT NULL DEFAULT 'PENDING'::payment_status,
    customer_email varchar(255) NOT NULL,
    customer_phone varchar(50),
    currency char(3) NOT NULL DEFAULT 'USD',
    subtotal numeric(10,2) NOT NULL,
    tax_amount numeric(10,2) NOT NULL DEFAULT 0,
    shipping_amount numeric(10,2) NOT NULL DEFAULT 0,
    discount_amount numeric(10,2) NOT NULL DEFAULT 0,
    total numeric(10,2) NOT NULL,
    shipping_method varchar(100),
    shipping_carrier varchar(100),
    tracking_number varchar(255),
    estimated_delivery date,
    delivered_at timestamptz,
    fraud_score numeric(3,2),
    recommendation_influence numeric(3,2),
    notes text,
    admin_notes text,
    tags text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    cancelled_at timestamptz,
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT orders_order_number_key UNIQUE (order_number)
);

CREATE INDEX idx_orders_user ON orders (user_id, created_at DESC);

CREATE INDEX idx_orders_status ON orders (status, created_at DESC);

CREATE INDEX idx_orders_number ON orders (order_number);

CREATE INDEX idx_orders_created ON orders (created_at DESC);

CREATE TRIGGER orders_set_updated_at BEFORE UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE order_items (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    order_id uuid NOT NULL,
    product_id uuid NOT NULL,
    variant_id uuid NOT NULL,
    product_name varchar(255) NOT NULL,
    variant_title varchar(255),
    sku varchar(100) NOT NULL,
    quantity integer NOT NULL,
    unit_price numeric(10,2) NOT NULL,
    total_price numeric(10,2) NOT NULL,
    personalization jsonb,
    fulfilled_quantity integer NOT NULL DEFAULT 0,
    returned_quantity integer NOT NULL DEFAULT 0,
    refunded_quantity integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT order_items_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_order_items_order ON order_items (order_id);

CREATE INDEX idx_order_items_product ON order_items (product_id);

CREATE TABLE order_status_history (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    order_id uuid NOT NULL,
    status order_status NOT NULL,
    notes text,
    created_by uuid,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT order_status_history_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_order_status_history ON order_status_history (order_id, created_at DESC);

CREATE TABLE payment_methods (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL,
    type varchar(50) NOT NULL,
    provider varchar(50) NOT NULL,
    card_brand varchar(50),
    card_last4 varchar(4),
    card_exp_month integer,
    card_exp_year integer,
    billing_address_id uuid,
    last_used_at timestamptz,
    last_used_ip inet,
    failed_attempts integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    is_default boolean NOT NULL DEFAULT false,
    provider_customer_id varchar(255),
    provider_payment_method_id varchar(255),
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT payment_methods_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_payment_methods_user ON payment_methods (user_id);

CREATE TRIGGER payment_methods_set_updated_at BEFORE UPDATE ON payment_methods
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE payment_transactions (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    order_id uuid NOT NULL,
    payment_method_id uuid,
    type varchar(50) NOT NULL,
    status payment_status NOT NULL,
    amount numeric(10,2) NOT NULL,
    currency char(3) NOT NULL DEFAULT 'USD',
    provider varchar(50) NOT NULL,
    provider_transaction_id varchar(255),
    provider_response jsonb,
    failure_reason text,
    processed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT payment_transactions_pkey PRIMARY KEY (id),
    CONSTRAINT payment_transactions_provider_transaction_id_key UNIQUE (provider_transaction_id)
);

CREATE INDEX idx_payment_transactions_order ON payment_transactions (order_id);

CREATE INDEX idx_payment_transactions_provider ON payment_transactions (provider_transaction_id);

ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE order_items ADD CONSTRAINT order_items_order_id_fkey
    FOREIGN KEY (order_id) REFERENCES orders (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE order_items ADD CONSTRAINT order_items_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE order_items ADD CONSTRAINT order_items_variant_id_fkey
    FOREIGN KEY (variant_id) REFERENCES product_variants (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE order_status_history ADD CONSTRAINT order_status_history_order_id_fkey
    FOREIGN KEY (order_id) REFERENCES orders (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE order_status_history ADD CONSTRAINT order_status_history_created_by_fkey
    FOREIGN KEY (created_by) REFERENCES users (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE payment_methods ADD CONSTRAINT payment_methods_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE payment_methods ADD CONSTRAINT payment_methods_billing_address_id_fkey
    FOREIGN KEY (billing_address_id) REFERENCES addresses (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE payment_transactions ADD CONSTRAINT payment_transactions_order_id_fkey
    FOREIGN KEY (order_id) REFERENCES orders (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE payment_transactions ADD CONSTRAINT payment_transactions_payment_method_id_fkey
    FOREIGN KEY (payment_method_id) REFERENCES payment_methods (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE reviews ADD CONSTRAINT reviews_order_item_id_fkey
    FOREIGN KEY (order_item_id) REFERENCES order_items (id)
    ON DELETE SET NULL ON UPDATE CASCADE;
