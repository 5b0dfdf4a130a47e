-- Quiet hours per subscription (issue 17): whose quiet hours hold its messages (the owner's,
-- none, or its own window in the subscription's time zone), and whether it is urgent enough to
-- go out in them anyway. Existing subscriptions follow their owner's quiet hours, as new ones do.
alter table alert_subscription add column quiet_mode varchar(8) default 'USER' not null;
alter table alert_subscription add column quiet_start varchar(5);
alter table alert_subscription add column quiet_end varchar(5);
alter table alert_subscription add column quiet_weekends boolean default false not null;
alter table alert_subscription add column urgent boolean default false not null;
