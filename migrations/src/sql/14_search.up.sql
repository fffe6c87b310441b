-- Storefront search: full-text (tsvector) and typo-tolerant (pg_trgm) lookups over the
-- catalog. No new tables: expression indexes over the existing columns, and one
-- materialized view, the lexicon of catalog words that misspelt terms are corrected to.

-- The text a product is found by: name (weight A), style tags (B) and description (C),
-- English-stemmed so "dresses" finds "dress". One immutable function, so the GIN index
-- below and the search query use the very same expression.
CREATE FUNCTION product_search_document(name text, description text, tags text[])
RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(array_to_string(tags, ' '), '')), 'B')
        || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'C')
$$;

CREATE INDEX idx_products_search ON products
    USING gin (product_search_document(name, description, style_tags))
    WHERE deleted_at IS NULL;

-- Instant suggestions: substring and word-similarity matches on names.
CREATE INDEX idx_products_name_trgm ON products
    USING gin (lower(name) gin_trgm_ops)
    WHERE deleted_at IS NULL;

CREATE INDEX idx_brands_name_trgm ON brands USING gin (lower(name) gin_trgm_ops);

CREATE INDEX idx_categories_name_trgm ON categories USING gin (lower(name) gin_trgm_ops)
    WHERE is_active = true;

-- Approved translations are searched in the shopper's language (not stemmed: French and
-- Italian words are matched by prefix).
CREATE INDEX idx_product_translations_search ON product_translations
    USING gin (to_tsvector('simple'::regconfig, coalesce(name, '') || ' ' || coalesce(description, '')))
    WHERE status = 'APPROVED';

CREATE INDEX idx_product_translations_name_trgm ON product_translations
    USING gin (lower(name) gin_trgm_ops)
    WHERE status = 'APPROVED';

-- Every word of the visible catalog (names, descriptions, tags, brand and category names,
-- approved translations) with the number of texts it occurs in. Misspelt terms are
-- corrected to the most similar word here (`%`, similarity). Refreshed by the search
-- service (REFRESH MATERIALIZED VIEW CONCURRENTLY) after catalog changes.
CREATE MATERIALIZED VIEW search_lexicon AS
SELECT word, count(*)::integer AS frequency
FROM (
    SELECT unnest(tsvector_to_array(to_tsvector('simple'::regconfig, p.name || ' '
        || coalesce(p.description, '') || ' ' || array_to_string(p.style_tags, ' ')))) AS word
    FROM products p
    WHERE p.deleted_at IS NULL AND p.status IN ('ACTIVE', 'OUT_OF_STOCK')
      AND p.published_at <= now()
    UNION ALL
    SELECT unnest(tsvector_to_array(to_tsvector('simple'::regconfig, b.name))) FROM brands b
    UNION ALL
    SELECT unnest(tsvector_to_array(to_tsvector('simple'::regconfig, c.name)))
    FROM categories c WHERE c.is_active
    UNION ALL
    SELECT unnest(tsvector_to_array(to_tsvector('simple'::regconfig,
        coalesce(t.name, '') || ' ' || coalesce(t.description, ''))))
    FROM product_translations t WHERE t.status = 'APPROVED'
) words
WHERE length(word) >= 3 AND word !~ '^[0-9.,-]+$'
GROUP BY word;

CREATE UNIQUE INDEX idx_search_lexicon_word ON search_lexicon (word);

CREATE INDEX idx_search_lexicon_prefix ON search_lexicon (word text_pattern_ops);

CREATE INDEX idx_search_lexicon_trgm ON search_lexicon USING gin (word gin_trgm_ops);

-- Search analytics: recent searches and click-through by query.
CREATE INDEX idx_search_logs_created ON search_logs (created_at DESC);
