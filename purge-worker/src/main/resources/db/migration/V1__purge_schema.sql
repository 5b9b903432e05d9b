-- The purge worker's own schema. Its tables (jobs, checkpoints, receipts) arrive with the purge engine.
comment on schema purge is 'Lethe purge worker: purge jobs, checkpoints and receipts';
