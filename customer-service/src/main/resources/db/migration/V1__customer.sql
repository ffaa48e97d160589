-- Customer data that is not identity (seed 002), per organisation (seed 004), including the walk-in
-- clients job cards use (seed 000). Identity (names, email, phone) of a linked customer lives in
-- auth-service only; full_name/mobile/email/notes are filled for standalone clients only.
CREATE TABLE customer
(
  id                             UUID PRIMARY KEY,
  org_id                         UUID                     NOT NULL,
  user_id                        UUID,
  code                           TEXT                     NOT NULL,
  street_address                 TEXT,
  city                           TEXT,
  state                          TEXT,
  postal_code                    TEXT,
  country                        TEXT,
  company_name                   TEXT,
  business_type                  TEXT,
  tax_id                         TEXT,
  emergency_contact_name         TEXT,
  emergency_contact_phone        TEXT,
  emergency_contact_relationship TEXT,
  is_verified                    BOOLEAN                  NOT NULL DEFAULT FALSE,
  customer_since                 DATE                     NOT NULL,
  last_service_date              DATE,
  total_services                 INTEGER                  NOT NULL DEFAULT 0 CHECK (total_services >= 0),
  preferred_contact_method       TEXT                     NOT NULL DEFAULT 'email',
  notify_email                   BOOLEAN                  NOT NULL DEFAULT TRUE,
  notify_sms                     BOOLEAN                  NOT NULL DEFAULT FALSE,
  notify_push                    BOOLEAN                  NOT NULL DEFAULT FALSE,
  full_name                      TEXT,
  -- as the caller wrote it, cleaned of spaces, dashes and parentheses (seed 000 echoes it)
  mobile                         TEXT,
  -- E.164 in the organisation's region: what uniqueness and look-ups compare
  mobile_e164                    TEXT,
  email                          TEXT,
  notes                          TEXT,
  is_active                      BOOLEAN                  NOT NULL DEFAULT TRUE,
  created_at                     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at                     TIMESTAMP WITH TIME ZONE NOT NULL,
  version                        BIGINT                   NOT NULL DEFAULT 0,
  -- The invariants concurrency could break are constraints (DESIGN.md "Data"); NULLs are distinct,
  -- so standalone clients (no user) and linked customers (no mobile) never collide.
  CONSTRAINT customer_org_user_key UNIQUE (org_id, user_id),
  CONSTRAINT customer_org_mobile_key UNIQUE (org_id, mobile_e164),
  CONSTRAINT customer_org_code_key UNIQUE (org_id, code),
  CONSTRAINT customer_identity_not_duplicated CHECK (user_id IS NULL OR (mobile_e164 IS NULL AND full_name IS NULL)),
  CONSTRAINT customer_mobile_pair CHECK ((mobile IS NULL) = (mobile_e164 IS NULL))
);

CREATE INDEX customer_org_created_idx ON customer (org_id, created_at DESC, id);
CREATE INDEX customer_org_city_idx ON customer (org_id, lower(city));

-- Per-organisation code sequence: one upsert hands out the next number atomically (the row lock
-- serialises concurrent creations in one organisation until their transactions end).
CREATE TABLE customer_code_counter
(
  org_id     UUID PRIMARY KEY,
  last_value BIGINT NOT NULL
);
