-- the interface language each user chose (en, ru); null until they choose, when the browser's decides
alter table users add column language varchar(8);
