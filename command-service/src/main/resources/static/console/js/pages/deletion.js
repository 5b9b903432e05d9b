// One deletion: its purge job, a timeline from the request to the receipt, what the audit log says about it, the
// signed receipt as a document to read, check and download, and the downstream consumers' answers (with the
// completion receipt once they all answered, where the API gives one).
import { get } from '../api.js';
import { verifyJws } from '../jws.js';
import { failure } from '../main.js';
import { h, jobState, message, poll, progress, time } from '../view.js';
import { completionDocument, downstreamSection } from './ledger.js';

export function render(main, jobId) {
  const body = h('div', { id: 'deletion' });
  main.append(h('p', {}, h('a', { href: '#/deletions' }, '← All deletions')), body);
  let stopped = false;
  let stopPolling = null;
  let shown = '';
  // a receipt is drawn once and kept across redraws, so that its check result and download stay
  let receiptNode = null;
  let completionNode = null;
  const refresh = async () => {
    try {
      const detail = await get(`/api/v1/admin/purges/${jobId}`);
      const { job, receipt } = detail;
      const downstream = detail.downstream || [];
      const audit = await get(`/api/v1/admin/audit?target_id=${job.root_id}&limit=100`);
      if (stopped) return;
      const seen = JSON.stringify([detail, audit.data]);
      if (seen !== shown) {
        shown = seen;
        if (receipt && !receiptNode) receiptNode = receiptDocument(receipt);
        if (detail.completion_receipt && !completionNode) {
          completionNode = completionDocument(detail.completion_receipt, job.job_id);
        }
        body.replaceChildren(...page(job, receipt, audit.data, receiptNode),
          ...downstreamSection(job, downstream, 'completion_receipt' in detail, completionNode));
      }
      // a purged job whose consumers have all answered (or that has none) no longer changes: stop asking; a failed
      // one may be retried from anywhere, so it is watched
      const waiting = downstream.length > 0 && (!(job.downstream && job.downstream.complete)
        || ('completion_receipt' in detail && !detail.completion_receipt));
      if ((receipt && !waiting) || job.state === 'cancelled') {
        stopped = true;
        if (stopPolling) stopPolling();
      }
    } catch (error) {
      failure(error, body);
    }
  };
  stopPolling = poll(() => (stopped ? null : refresh()));
  return () => stopPolling();
}

function page(job, receipt, audit, receiptNode) {
  return [
    h('h1', {}, `Deletion of ${job.root_type} ${job.root_id}`),
    h('dl', { class: 'facts' },
      fact('State', jobState(job.state)),
      fact('Org', job.org_id),
      fact('Purge job', job.job_id),
      fact('Requested by', job.requested_by || '—'),
      fact('Attempts', String(job.attempts))),
    job.last_error ? h('section', {}, h('h2', {}, 'Last error'), h('pre', { class: 'error-text' }, job.last_error)) : null,
    h('h2', {}, 'Progress'),
    progress(job),
    h('h2', {}, 'Timeline'),
    timeline(job, receipt, audit),
    h('h2', {}, 'Receipt'),
    receipt ? receiptNode : message('info', job.state === 'completed'
      ? 'The purge has completed; its receipt arrives in a moment.'
      : 'No receipt yet: a receipt is signed once the purge has completed and verification found nothing left.'),
  ];
}

function fact(name, value) {
  return [h('dt', {}, name), h('dd', {}, value)];
}

function timeline(job, receipt, audit) {
  const signed = receipt ? JSON.parse(receipt.body_text) : null;
  const v = signed && signed.verification;
  const steps = [
    ['Requested', job.requested_at, job.requested_by ? `by ${job.requested_by}` : ''],
    ['Grace period ends; the purge may run', job.run_at, ''],
    ['Fenced and purge started', job.started_at || (signed && signed.purge_started_at),
      'the dataset is hidden and locked; then vectors, objects and rows are deleted, step by step'],
    ['Current step', null, job.state === 'running' ? job.step || '' : null],
    ['Verified: nothing left', signed && signed.completed_at, v
      ? `${v.rows_remaining} rows, ${v.vectors_remaining} vectors, ${v.object_versions_remaining} object versions and `
        + `${v.multipart_uploads_remaining} uploads remain, under ${v.prefix_count} prefixes` : null],
    ['Receipt signed', signed && signed.completed_at, receipt ? `${receipt.algorithm}, key ${receipt.key_id}` : null],
    ['Failed', job.state === 'failed' ? job.completed_at : null, job.state === 'failed' ? job.last_error : null],
  ];
  const audited = audit.map((entry) => [`Audit: ${entry.action} (${entry.outcome})`, entry.at, entry.actor]);
  return h('ol', { class: 'timeline' },
    steps.filter(([, at, detail]) => at || detail).concat(audited)
      .map(([what, at, detail]) => h('li', {}, h('span', { class: 'what' }, what), ' ', at ? time(at) : null,
        detail ? h('div', { class: 'help' }, detail) : null)));
}

function receiptDocument(receipt) {
  const r = JSON.parse(receipt.body_text);
  const v = r.verification;
  const result = h('div', { id: 'receipt-check', 'aria-live': 'polite' });
  // the file is the worker's verify request as it is ({jws}, or body, signature and key_id for an HMAC receipt),
  // with the receipt readable beside it
  const download = receipt.jws ? { jws: receipt.jws, receipt: r }
    : { body: receipt.body_text, signature: receipt.signature, key_id: receipt.key_id, algorithm: receipt.algorithm,
      receipt: r };
  const file = new Blob([JSON.stringify(download, null, 2)], { type: 'application/json' });
  return h('article', { id: 'receipt', class: 'card receipt' },
    h('h3', {}, `Receipt ${r.receipt_id}`),
    h('p', {}, `The ${r.root_type} ${r.root_id} of org ${r.org_id}, asked for by ${r.requested_by}, was purged. `
      + `Deleted: ${r.counts.vectors} vectors, ${r.counts.objects} objects, ${r.counts.rows} rows.`),
    h('dl', { class: 'facts' },
      fact('Requested at', time(r.requested_at)),
      fact('Purge started at', time(r.purge_started_at)),
      fact('Completed at', time(r.completed_at)),
      fact('Rows remaining', String(v.rows_remaining)),
      fact('Vectors remaining', String(v.vectors_remaining)),
      fact('Object versions remaining', String(v.object_versions_remaining)),
      fact('Multipart uploads remaining', String(v.multipart_uploads_remaining)),
      fact('Prefixes looked under', `${v.prefix_count} (SHA-256 ${v.prefixes_sha256 || '—'})`),
      fact('Signature', h('code', { class: 'wrap' }, `${receipt.algorithm} ${receipt.signature}`)),
      fact('Signing key', receipt.key_id)),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'check-receipt', onclick: () => check(receipt, r, result) }, 'Verify receipt'),
      h('a', { class: 'button', id: 'download-receipt', href: URL.createObjectURL(file),
        download: `receipt-${r.job_id}.json` }, 'Download receipt (JSON)')),
    result);
}

/**
 * The console checks a JWS receipt itself, as any auditor could: its signature against the public keys published at
 * /.well-known/jwks.json (ES256 with the browser's own WebCrypto), its payload against the receipt shown, and that
 * nothing was left. An HMAC receipt (from before receipts were JWS) only the worker can check.
 */
async function check(receipt, r, result) {
  const v = r.verification;
  const zero = v.rows_remaining === 0 && v.vectors_remaining === 0 && v.object_versions_remaining === 0
    && v.multipart_uploads_remaining === 0;
  const command = `curl -s -X POST $LETHE_WORKER/api/v1/receipts/verify -H 'Content-Type: application/json' `
    + `-d @receipt-${r.job_id}.json`;
  if (!receipt.jws) {
    result.replaceChildren(
      message('error', 'This receipt is HMAC-signed (from before receipts were JWS): only the purge worker can check '
        + 'its signature. Download it and have the worker verify it (the downloaded file is the request body):'),
      h('pre', {}, command));
    return;
  }
  let signed = false;
  let reason = '';
  try {
    signed = await verifyJws(receipt.jws, receipt.body_text);
    reason = signed ? '' : 'the signature does not match the published key, or the payload is not this receipt';
  }
  catch (error) {
    reason = error.message;
  }
  const ok = signed && zero;
  result.replaceChildren(
    message(ok ? 'ok' : 'error', ok
      ? `Verified here: the ES256 signature checks against public key ${receipt.key_id} of /.well-known/jwks.json, `
        + 'the signed payload is this receipt, and it says nothing was left in any store.'
      : `This receipt does not verify: ${reason || 'it says something was left'}.`),
    h('p', {}, 'Anyone can check it the same way with the published keys and a JOSE library, or have the worker '
      + 'verify the downloaded file (it is the request body):'),
    h('pre', {}, command));
}
