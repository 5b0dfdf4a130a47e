-- Work of the crawler that one app instance at a time does for the whole deployment, claimed by a
-- conditional update of its row and renewed while it goes on; a lease past its time belongs to an
-- instance that stopped and is taken over.
create table crawler_lease (
    name         varchar(64)  not null primary key,
    holder       varchar(100),
    lease_until  timestamp
);
-- Draining the durable ingest queue: two instances draining the same rows would index each twice.
insert into crawler_lease (name) values ('ingest-queue-drain');
