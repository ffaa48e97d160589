-- The dashboard's counters (counts.Counts): an organisation's notifications since an instant, by
-- when the event happened.
create index ix_notification_org_occurred on notification (org_id, occurred_at);
