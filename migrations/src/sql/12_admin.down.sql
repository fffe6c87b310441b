-- Reverts 12_admin.up.sql.

DROP TABLE IF EXISTS performance_metrics;
DROP TABLE IF EXISTS feature_flags;
DROP TABLE IF EXISTS system_settings;
DROP TABLE IF EXISTS audit_logs;
