-- A legal hold keeps a deleted dataset from being purged until an operator releases it.
alter table datasets
    add column legal_hold_reason text,
    add column legal_hold_at     timestamptz,
    add column legal_hold_by     text;

-- Who did what, when, with what outcome: every operator action and every purge.
create table audit (
    id          bigserial primary key,
    at          timestamptz not null default now(),
    actor       text not null,
    actor_org   uuid,
    action      text not null,
    target_type text,
    target_id   uuid,
    outcome     text not null,
    detail      jsonb not null default '{}'
);
create index audit_by_time on audit (at desc, id desc);
create index audit_by_target on audit (target_id, at desc);
