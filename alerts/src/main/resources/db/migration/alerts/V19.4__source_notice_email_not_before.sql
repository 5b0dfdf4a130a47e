-- A source notice's email due in its recipient's quiet hours waits for their end: the mailer
-- leaves it PENDING with this time, and passes over it until then.
alter table alert_source_notice add column email_not_before timestamp;
