-- Whether the user is told when a source goes silent or fails: null follows their role (admins
-- and analysts are told, viewers are not), true or false is their own choice.
alter table users add column source_alerts boolean;
