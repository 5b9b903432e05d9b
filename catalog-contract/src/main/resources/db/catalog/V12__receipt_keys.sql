-- Receipts are signed as JWS (ES256) by the purge worker. The command service keeps each receipt's compact JWS beside
-- its body, and the public key that signed it, from the worker's snapshots (PurgeJobUpdated): the keys it serves at
-- /.well-known/jwks.json are exactly those of the receipts it holds, and arrive in the same transaction as the first
-- receipt each signed. It never holds a private key. A receipt of the HMAC era has no jws.
alter table purge_receipts add column jws text;

create table receipt_keys (
    key_id        text primary key,
    -- the public JWK (RFC 7517) as the worker sent it
    jwk           jsonb not null,
    first_seen_at timestamptz not null default now()
);
