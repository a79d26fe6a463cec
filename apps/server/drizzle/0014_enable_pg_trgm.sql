-- Customer search (docs/customers.md) uses a trigram index; pg_trgm is a trusted extension
-- (PostgreSQL 13+), so the database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
