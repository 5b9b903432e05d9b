// Legal holds: place one (with its reason) and release one, each confirmed and audited by the API. The API has no
// list of holds yet, so a dataset is named by its id; what was done to it shows from the audit log.
import { del, get, put } from '../api.js';
import { failure } from '../main.js';
import { confirmAction, h, message, time } from '../view.js';

export function render(main) {
  const status = h('div', { id: 'hold-status', 'aria-live': 'polite' });
  const history = h('div', { id: 'hold-history' });
  const dataset = h('input', { id: 'hold-dataset', name: 'dataset', required: true, spellcheck: 'false',
    pattern: '[0-9a-fA-F-]{36}', title: 'A dataset id (UUID)' });
  const reason = h('textarea', { id: 'hold-reason', name: 'reason', rows: 2, maxlength: 1000 });
  const act = async (placing) => {
    const id = dataset.value.trim();
    if (!dataset.checkValidity()) {
      dataset.reportValidity();
      return;
    }
    if (placing && !reason.value.trim()) {
      status.replaceChildren(message('error', 'A hold needs a reason.'));
      reason.focus();
      return;
    }
    const sure = await confirmAction(placing ? 'Place a legal hold?' : 'Release the legal hold?', placing
      ? `Dataset ${id} will not be purged while held, whatever its expiry.`
      : `Dataset ${id} may be purged at once if it is deleted and its grace period is over.`,
    placing ? 'Place hold' : 'Release hold');
    if (!sure) return;
    const body = reason.value.trim() ? { reason: reason.value.trim() } : undefined;
    try {
      const answer = placing ? await put(`/api/v1/admin/datasets/${id}/legal-hold`, body)
        : await del(`/api/v1/admin/datasets/${id}/legal-hold`, body);
      status.replaceChildren(message('ok', placing ? `Dataset ${id} is held.`
        : `Dataset ${id} is no longer held${answer.purge_requested ? '; its purge was asked for' : ''}.`));
    } catch (error) {
      failure(error, status);
    }
    showHistory(id, history);
  };
  main.append(h('h1', {}, 'Legal holds'),
    h('p', { class: 'help' }, 'A held dataset is never purged, nor anything it holds or references. '
      + 'A hold cannot be placed once its purge has begun.'),
    h('form', { class: 'card', id: 'hold-form', onsubmit: (event) => event.preventDefault() },
      h('label', { for: 'hold-dataset' }, 'Dataset id'), dataset,
      h('label', { for: 'hold-reason' }, 'Reason (required to place, optional to release)'), reason,
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'place-hold', onclick: () => act(true) }, 'Place hold'),
        h('button', { type: 'button', id: 'release-hold', class: 'quiet', onclick: () => act(false) }, 'Release hold'))),
    status, history);
}

async function showHistory(id, where) {
  try {
    const audit = await get(`/api/v1/admin/audit?target_id=${id}&limit=50`);
    const holds = audit.data.filter((entry) => entry.action.startsWith('legal-hold'));
    where.replaceChildren(h('h2', {}, `Holds of dataset ${id}`), holds.length
      ? h('ol', { class: 'timeline' }, holds.map((entry) => h('li', {},
        h('span', { class: 'what' }, `${entry.action === 'legal-hold.place' ? 'Placed' : 'Released'} (${entry.outcome})`),
        ' ', time(entry.at), h('div', { class: 'help' },
          `by ${entry.actor}${entry.detail && entry.detail.reason ? `: ${entry.detail.reason}` : ''}`))))
      : message('info', 'No hold was ever placed on it.'));
  } catch (error) {
    failure(error, where);
  }
}
