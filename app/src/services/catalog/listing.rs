//! Product listings: filters, facets, sorts and cursor pagination.
