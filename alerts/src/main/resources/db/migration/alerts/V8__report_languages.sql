-- Reports narrowed to article languages: codes one per line (ru, en, tg, uz, ky, kk, other); empty: every language.
-- Plain SQL that H2 and PostgreSQL both take; existing reports keep covering every language.
alter table report add column languages varchar(200) default '' not null;
