-- Membership transactions and the loyalty points ledger.
-- Mirrors the data model (shared/seed/schema.prisma) with the deviations in design.md.

CREATE TABLE membership_transactions (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL,
    type varchar(50) NOT NULL,
    from_tier membership_tier,
    to_tier membership_tier NOT NULL,
    amount numeric(10,2),
    currency char(3) NOT NULL DEFAULT 'USD',
    payment_transaction_id uuid,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz,
    reason text,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT membership_transactions_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_membership_transactions_user ON membership_transactions (user_id, created_at DESC);

CREATE TABLE loyalty_points (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL,
    type varchar(50) NOT NULL,
    points integer NOT NULL,
    balance_after integer NOT NULL,
    source varchar(50),
    order_id uuid,
    expires_at timestamptz,
    description text,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT loyalty_points_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_loyalty_points_user ON loyalty_points (user_id, created_at DESC);

CREATE INDEX idx_loyalty_points_expires ON loyalty_points (expires_at) WHERE expires_at IS NOT NULL AND points > 0;

ALTER TABLE membership_transactions ADD CONSTRAINT membership_transactions_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE membership_transactions ADD CONSTRAINT membership_transactions_payment_transaction_id_fkey
    FOREIGN KEY (payment_transaction_id) REFERENCES payment_transactions (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE loyalty_points ADD CONSTRAINT loyalty_points_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE loyalty_points ADD CONSTRAINT loyalty_points_order_id_fkey
    FOREIGN KEY (order_id) REFERENCES orders (id)
    ON DELETE SET NULL ON UPDATE CASCADE;
