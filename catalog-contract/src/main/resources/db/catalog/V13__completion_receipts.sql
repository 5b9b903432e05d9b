-- The completion receipt (README, Downstream consumers): when the ledger closes a deletion (its purge verified, every
-- required consumer answered), the command service signs a JWS naming the deletion, the store receipt it follows and
-- each acknowledgement, in the transaction that closes it. One per deletion; it outlives the purge. The command
-- service's own; the worker has no grant (afterMigrate.sql revokes what it does not list).
create table completion_receipts (
    deletion_id uuid primary key references deletion_ledger (deletion_id),
    -- the payload exactly as signed (the JWS's payload, UTF-8)
    body        text not null,
    jws         text not null,
    key_id      text not null,
    issued_at   timestamptz not null
);

-- The command service's own completion keys join the worker's in receipt_keys as they first sign, so that the JWK set
-- keeps every key that signed a receipt this service holds; which service a key belongs to tells a store receipt
-- from a completion receipt at verification (one signed with the other's key is refused).
alter table receipt_keys add column issuer text not null default 'purge-worker'
    check (issuer in ('purge-worker', 'command-service'));
