// The dead-letter topic: a dry run lists what a replay would re-deliver; a real replay is confirmed first.
import { post } from '../api.js';
import { failure } from '../main.js';
import { confirmAction, h, message } from '../view.js';

export function render(main) {
  const result = h('div', { id: 'dlt-result', 'aria-live': 'polite' });
  const replay = async (dry) => {
    if (!dry && !await confirmAction('Replay the dead letters?',
      'Every record of lethe.deletions.DLT is re-published to lethe.deletions, once.', 'Replay')) {
      return;
    }
    result.replaceChildren(message('info', 'Reading the topic…'));
    try {
      const answer = await post(`/api/v1/admin/dlt/replay?dry_run=${dry}`);
      result.replaceChildren(
        message('ok', `${dry ? 'Dry run: a replay would re-deliver' : 'Re-delivered'} ${answer.records.length} `
          + `record${answer.records.length === 1 ? '' : 's'}.`),
        answer.records.length ? records(answer.records) : null);
    } catch (error) {
      failure(error, result);
    }
  };
  main.append(h('h1', {}, 'Dead letters'),
    h('p', { class: 'help' }, 'Deletion records the worker could not decode or accept, with the reason it gave.'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'dlt-dry-run', onclick: () => replay(true) }, 'Dry run of a replay'),
      h('button', { type: 'button', id: 'dlt-replay', class: 'quiet', onclick: () => replay(false) }, 'Replay…')),
    result);
}

function records(list) {
  return h('table', {},
    h('thead', {}, h('tr', {}, ['Partition', 'Offset', 'Key', 'Event', 'Reason'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, list.map((r) => h('tr', {}, h('td', {}, String(r.partition)), h('td', {}, String(r.offset)),
      h('td', {}, h('code', {}, r.key || '—')), h('td', {}, r.event_type || '—'), h('td', {}, r.reason || '—')))));
}
