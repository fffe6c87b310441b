-- Commerce settings read by services/src/pricing and services/src/checkout (issue 6).
-- These rows are the settings' one source: the code has no built-in copy, and a
-- missing key makes checkout unavailable (misconfigured). Admins edit these rows.
-- Amounts and rates are decimal strings (never floats).
--   commerce.shipping_methods: methods with a flat rate, an optional free-shipping
--     threshold on merchandise after discount, delivery days and countries (null = all).
--   commerce.tax_rates: rate (fraction) per destination country, whether shipping is
--     taxed, the receipt label; "default" for the rest.
--   commerce.loyalty: points per currency unit of merchandise after discount, expiry.
INSERT INTO system_settings (key, value, description) VALUES
('commerce.shipping_methods', '{"methods": [
  {"code": "standard", "name": "Standard", "carrier": "DHL", "rate": "15.00", "free_over": "500.00", "min_days": 3, "max_days": 5, "countries": null},
  {"code": "express", "name": "Express", "carrier": "DHL Express", "rate": "35.00", "free_over": "1500.00", "min_days": 1, "max_days": 2, "countries": null},
  {"code": "courier", "name": "Same-day courier", "carrier": "LuxeVerse Courier", "rate": "75.00", "free_over": null, "min_days": 0, "max_days": 1, "countries": ["US", "GB", "FR", "IT"]}
]}'::jsonb,
 'Shipping methods: code, name, carrier, rate, free_over (merchandise after discount), min_days, max_days, countries (null = everywhere we deliver).'),
('commerce.tax_rates', '{
  "default": {"rate": "0", "shipping_taxable": false, "label": "Tax"},
  "countries": {
    "AE": {"rate": "0.05", "shipping_taxable": true, "label": "VAT"},
    "AT": {"rate": "0.20", "shipping_taxable": true, "label": "USt"},
    "AU": {"rate": "0.10", "shipping_taxable": true, "label": "GST"},
    "BE": {"rate": "0.21", "shipping_taxable": true, "label": "TVA"},
    "CA": {"rate": "0.13", "shipping_taxable": true, "label": "HST"},
    "CH": {"rate": "0.081", "shipping_taxable": true, "label": "MWST"},
    "DE": {"rate": "0.19", "shipping_taxable": true, "label": "MwSt"},
    "DK": {"rate": "0.25", "shipping_taxable": true, "label": "Moms"},
    "ES": {"rate": "0.21", "shipping_taxable": true, "label": "IVA"},
    "FI": {"rate": "0.255", "shipping_taxable": true, "label": "ALV"},
    "FR": {"rate": "0.20", "shipping_taxable": true, "label": "TVA"},
    "GB": {"rate": "0.20", "shipping_taxable": true, "label": "VAT"},
    "GR": {"rate": "0.24", "shipping_taxable": true, "label": "FPA"},
    "IE": {"rate": "0.23", "shipping_taxable": true, "label": "VAT"},
    "IT": {"rate": "0.22", "shipping_taxable": true, "label": "IVA"},
    "JP": {"rate": "0.10", "shipping_taxable": true, "label": "Consumption tax"},
    "KR": {"rate": "0.10", "shipping_taxable": true, "label": "VAT"},
    "LU": {"rate": "0.17", "shipping_taxable": true, "label": "TVA"},
    "MC": {"rate": "0.20", "shipping_taxable": true, "label": "TVA"},
    "MX": {"rate": "0.16", "shipping_taxable": true, "label": "IVA"},
    "NL": {"rate": "0.21", "shipping_taxable": true, "label": "BTW"},
    "NO": {"rate": "0.25", "shipping_taxable": true, "label": "MVA"},
    "PL": {"rate": "0.23", "shipping_taxable": true, "label": "VAT"},
    "PT": {"rate": "0.23", "shipping_taxable": true, "label": "IVA"},
    "SE": {"rate": "0.25", "shipping_taxable": true, "label": "Moms"},
    "SG": {"rate": "0.09", "shipping_taxable": true, "label": "GST"},
    "US": {"rate": "0.0875", "shipping_taxable": false, "label": "Sales tax"}
  }
}'::jsonb,
 'Tax by destination country: rate (fraction), shipping_taxable, label; "default" applies elsewhere. Prices are before tax.'),
('commerce.loyalty', '{"points_per_currency_unit": "1", "expires_after_days": 365}'::jsonb,
 'Loyalty points earned on paid orders: points_per_currency_unit of merchandise after discount, expires_after_days.')
ON CONFLICT (key) DO NOTHING;
