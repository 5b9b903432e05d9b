-- A share token is a bearer secret: whoever reads the catalog could open every shared dataset with it. Only its
-- SHA-256 (hex, as the command service computes it) is kept from now on, as for API keys; the token is shown once,
-- when the link is created. The worker reads and deletes share_links by id and dataset only, so its grants and
-- statements are untouched.
alter table share_links add column token_sha256 text;
update share_links set token_sha256 = encode(sha256(convert_to(token, 'UTF8')), 'hex');
alter table share_links alter column token_sha256 set not null;
alter table share_links drop column token;
create unique index share_links_by_token_sha256 on share_links (token_sha256);
