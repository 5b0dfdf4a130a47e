-- The user profile (dashboard/profile). email: where the user wants Outpost's mail, used only once
-- they followed the link sent to it (alert_email_confirmation, owner = the user, address = email).
-- time_zone: an IANA zone id, null while none is chosen (quiet hours then count in UTC).
-- quiet_start/quiet_end: the default daily window in which alerts wait (null: none); a window
-- that ends before it starts runs past midnight. quiet_weekends: Saturday and Sunday quiet all day.
alter table users add column email varchar(254);
alter table users add column time_zone varchar(64);
alter table users add column quiet_start time;
alter table users add column quiet_end time;
alter table users add column quiet_weekends boolean default false not null;
