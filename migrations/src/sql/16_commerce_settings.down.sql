DELETE FROM system_settings
WHERE key IN ('commerce.shipping_methods', 'commerce.tax_rates', 'commerce.loyalty');
