// A deletion's downstream ledger: each consumer asked about it, where it stands in words, when it answered and when it
// is due; and, where the API gives one, the completion receipt signed once every required consumer answered.
import { payloadText, verifyJws } from '../jws.js';
import { ackState, h, ledgerSummary, message, time } from '../view.js';

const OUTCOMES = { deleted: 'deleted its copy', nothing_held: 'held nothing', failed: 'could not delete' };

export function downstreamSection(job, entries, completionKnown, completionNode) {
  const parts = [h('h2', {}, 'Downstream consumers')];
  if (!entries.length) {
    parts.push(message('info', 'No downstream consumer is asked about this deletion.'));
    return parts;
  }
  parts.push(ledgerSummary(job.downstream), h('table', { id: 'downstream', class: 'ledger-table' },
    h('thead', {}, h('tr', {},
      ['Consumer', 'Required', 'State', 'Answered at', 'Answer', 'Due by'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, entries.map((entry) => h('tr', { dataset: { consumer: entry.consumer } },
      h('td', {}, entry.consumer),
      h('td', {}, entry.required ? 'required' : 'optional (not waited for)'),
      h('td', {}, ackState(entry.state)),
      h('td', {}, time(entry.acked_at)),
      h('td', {}, entry.outcome ? OUTCOMES[entry.outcome] || entry.outcome : '—'),
      h('td', {}, entry.due_at ? time(entry.due_at) : h('span', { class: 'none' }, 'once the purge begins')))))));
  if (completionKnown) {
    parts.push(h('h2', {}, 'Completion receipt'), completionNode || message('info',
      'Signed once the purge\'s receipt is signed and every required consumer has answered deleted or nothing held.'));
  }
  return parts;
}

/** The completion receipt ({jws, issued_at, key_id}): its signed content readable, a check and a download. */
export function completionDocument(completion, jobId) {
  let content = null;
  try {
    content = JSON.parse(payloadText(completion.jws));
  } catch {
    content = null;
  }
  const result = h('div', { id: 'completion-receipt-check', 'aria-live': 'polite' });
  const file = new Blob([JSON.stringify({ jws: completion.jws, receipt: content }, null, 2)],
    { type: 'application/json' });
  const check = async () => {
    let signed = false;
    let reason = '';
    try {
      signed = await verifyJws(completion.jws, null);
    } catch (error) {
      reason = error.message;
    }
    result.replaceChildren(message(signed ? 'ok' : 'error', signed
      ? `Verified here: the ES256 signature checks against public key ${completion.key_id} of /.well-known/jwks.json.`
      : `This completion receipt does not verify: ${reason || 'the signature does not match the published key'}.`));
  };
  return h('article', { id: 'completion-receipt', class: 'card receipt' },
    h('dl', { class: 'facts' },
      fact('Issued at', time(completion.issued_at)),
      fact('Signing key', completion.key_id || '—')),
    content ? h('pre', {}, JSON.stringify(content, null, 2)) : message('error', 'Its content could not be read.'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'check-completion-receipt', onclick: check }, 'Verify completion receipt'),
      h('a', { class: 'button', id: 'download-completion-receipt', href: URL.createObjectURL(file),
        download: `completion-receipt-${jobId}.json` }, 'Download completion receipt (JSON)')),
    result);
}

function fact(name, value) {
  return [h('dt', {}, name), h('dd', {}, value)];
}
