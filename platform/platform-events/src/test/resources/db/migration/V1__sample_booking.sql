CREATE TABLE sample_booking
(
  id     UUID PRIMARY KEY,
  org_id UUID NOT NULL,
  title  TEXT NOT NULL
);

-- No unique constraint on purpose: a duplicate application would show up as a second row.
CREATE TABLE sample_booking_view
(
  event_id   UUID NOT NULL,
  booking_id UUID NOT NULL,
  title      TEXT NOT NULL
);
