-- Idempotency-Keys now live in the platform's idempotency_key table (platform-events, V0_3), shared
-- by every service. The keys kept here expire within a day; a retry of one of them after this
-- migration is treated as a new request (and meets the slot it already holds: 422, not a second
-- booking).
drop table idempotency_record;
