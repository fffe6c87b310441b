-- The inventory ledger.
-- Mirrors the data model (shared/seed/schema.prisma) with the deviations in design.md.

CREATE TABLE inventory_transactions (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    variant_id uuid NOT NULL,
    type varchar(50) NOT NULL,
    quantity integer NOT NULL,
    balance_after integer NOT NULL,
    order_item_id uuid,
    reason text,
    created_by uuid,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT inventory_transactions_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_inventory_transactions_variant ON inventory_transactions (variant_id, created_at DESC);

ALTER TABLE inventory_transactions ADD CONSTRAINT inventory_transactions_variant_id_fkey
    FOREIGN KEY (variant_id) REFERENCES product_variants (id)
    ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE inventory_transactions ADD CONSTRAINT inventory_transactions_order_item_id_fkey
    FOREIGN KEY (order_item_id) REFERENCES order_items (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE inventory_transactions ADD CONSTRAINT inventory_transactions_created_by_fkey
    FOREIGN KEY (created_by) REFERENCES users (id)
    ON DELETE SET NULL ON UPDATE CASCADE;
