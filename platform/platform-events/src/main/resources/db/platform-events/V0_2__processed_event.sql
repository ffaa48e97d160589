-- Consumer-side idempotency: one row per (consumer, event id) a handler has applied. The primary
-- key makes the check-and-mark a single INSERT ... ON CONFLICT DO NOTHING inside the handler's
-- transaction, so the mark commits (or rolls back) together with the business change.
CREATE TABLE processed_event
(
  consumer     TEXT                     NOT NULL,
  event_id     UUID                     NOT NULL,
  processed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
