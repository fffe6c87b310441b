-- Notifications.
-- Mirrors the data model (shared/seed/schema.prisma) with the deviations in design.md.

CREATE TABLE notifications (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL,
    type notification_type NOT NULL,
    title varchar(255) NOT NULL,
    message text NOT NULL,
    order_id uuid,
    product_id uuid,
    channels text[] NOT NULL DEFAULT ARRAY['in_app']::text[],
    is_read boolean NOT NULL DEFAULT false,
    read_at timestamptz,
    action_url varchar(500),
    action_label varchar(100),
    expires_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT notifications_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_notifications_user ON notifications (user_id, is_read, created_at DESC);

CREATE INDEX idx_notifications_expires ON notifications (expires_at) WHERE expires_at IS NOT NULL;

ALTER TABLE notifications ADD CONSTRAINT notifications_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE notifications ADD CONSTRAINT notifications_order_id_fkey
    FOREIGN KEY (order_id) REFERENCES orders (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE notifications ADD CONSTRAINT notifications_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE SET NULL ON UPDATE CASCADE;
