-- Idempotency-Key store (IdempotencyKeys): one row per (organisation, key), claimed in the
-- transaction that does the work and holding its answer once that transaction commits. The
-- primary key serialises concurrent duplicates: the second INSERT waits for the first to finish.
CREATE TABLE idempotency_key
(
  org_id          UUID                     NOT NULL,
  idempotency_key VARCHAR(200)             NOT NULL,
  operation       TEXT                     NOT NULL,
  request_hash    CHAR(64)                 NOT NULL,
  response_status INT,
  response_body   TEXT,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, idempotency_key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
