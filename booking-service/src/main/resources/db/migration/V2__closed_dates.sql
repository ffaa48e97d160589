-- Single dates on which nobody may book (holidays), besides the weekly off days:
-- "2026-12-31,2027-01-01" (settings.WeeklyHoursFormat).
alter table booking_settings add column closed_dates varchar(4000) not null default '';
