-- Seed 004's customer_type: an individual or a business. Every customer so far was created as an
-- individual (seed 004's signup does the same).
ALTER TABLE customer
  ADD COLUMN customer_type TEXT NOT NULL DEFAULT 'individual'
    CONSTRAINT customer_type_known CHECK (customer_type IN ('individual', 'business'));
