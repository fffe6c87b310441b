-- Audit log, system settings, feature flags and performance metrics.
-- Mirrors the data model (shared/seed/schema.prisma) with the deviations in design.md.

CREATE TABLE audit_logs (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid,
    action varchar(100) NOT NULL,
    entity_type varchar(50) NOT NULL,
    entity_id uuid NOT NULL,
    old_values jsonb,
    new_values jsonb,
    ip_address inet,
    user_agent text,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT audit_logs_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_audit_logs_user ON audit_logs (user_id, created_at DESC);

CREATE INDEX idx_audit_logs_entity ON audit_logs (entity_type, entity_id, created_at DESC);

CREATE INDEX idx_audit_logs_date ON audit_logs (created_at DESC);

CREATE TABLE system_settings (
    key varchar(100) NOT NULL,
    value jsonb NOT NULL,
    description text,
    updated_by uuid,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT system_settings_pkey PRIMARY KEY (key)
);

CREATE TRIGGER system_settings_set_updated_at BEFORE UPDATE ON system_settings
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE feature_flags (
    key varchar(100) NOT NULL,
    enabled boolean NOT NULL DEFAULT false,
    rollout numeric(5,2) NOT NULL DEFAULT 0,
    user_groups text[] NOT NULL DEFAULT '{}',
    targeting_rules jsonb,
    description text,
    metadata jsonb,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT feature_flags_pkey PRIMARY KEY (key)
);

CREATE INDEX idx_feature_flags_enabled ON feature_flags (enabled);

CREATE TRIGGER feature_flags_set_updated_at BEFORE UPDATE ON feature_flags
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE performance_metrics (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    metric_type varchar(100) NOT NULL,
    value numeric(10,3) NOT NULL,
    unit varchar(20),
    page varchar(255),
    user_agent text,
    metadata jsonb,
    recorded_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT performance_metrics_pkey PRIMARY KEY (id)
);

CREATE INDEX idx_performance_metrics ON performance_metrics (metric_type, recorded_at DESC);

CREATE INDEX idx_performance_metrics_date ON performance_metrics (recorded_at DESC);

ALTER TABLE audit_logs ADD CONSTRAINT audit_logs_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE system_settings ADD CONSTRAINT system_settings_updated_by_fkey
    FOREIGN KEY (updated_by) REFERENCES users (id)
    ON DELETE SET NULL ON UPDATE CASCADE;
