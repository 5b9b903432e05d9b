-- The transactional outbox: an event row commits with the catalog change it describes; the relay publishes it to Kafka
-- (key = aggregate_id, the root id) and marks it published. Payloads are Avro single-object encoded.
create table outbox (
    id             bigserial primary key,
    event_id       uuid not null unique,
    aggregate_type text not null,
    aggregate_id   uuid not null,
    event_type     text not null,
    topic          text not null,
    payload        bytea not null,
    created_at     timestamptz not null default now(),
    published_at   timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
create index outbox_published on outbox (published_at) where published_at is not null;

-- Wakes the relay at once instead of at its next poll.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('lethe_outbox', '');
    return null;
end;
$$;
create trigger outbox_inserted after insert on outbox for each statement execute function outbox_notify();
