-- Receipts are signed as JWS (ES256) from now on. A receipt of the HMAC era keeps its hex HMAC in signature and has
-- neither column; a JWS receipt has its compact serialization (whose payload is body, byte for byte), signature is
-- its third part, and public_key the signing key's public JWK, which the command service publishes in its JWKS.
alter table receipts add column jws text;
alter table receipts add column public_key text;
comment on column receipts.jws is 'the receipt as a compact JWS (RFC 7515), payload = body; null: an HMAC receipt';
comment on column receipts.public_key is 'the public JWK of the key that signed jws';
