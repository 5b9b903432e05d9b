// Deletions: the purge jobs of every org, by state, searchable, refreshed every few seconds so that progress moves;
// where consumers are asked about a deletion, how many have answered.
import { get } from '../api.js';
import { failure } from '../main.js';
import { h, jobState, ledgerSummary, message, poll, progress, time } from '../view.js';

const STATES = [
  ['scheduled,running,failed', 'Open (scheduled, purging or failed)'],
  ['scheduled,running,failed,completed,cancelled', 'All'],
  ['scheduled', 'Scheduled'],
  ['running', 'Purging'],
  ['failed', 'Failed'],
  ['completed', 'Purged'],
  ['cancelled', 'Cancelled'],
];

let chosen = { state: STATES[1][0], search: '' };

export function render(main) {
  const state = h('select', { id: 'state', name: 'state' },
    STATES.map(([value, label]) => h('option', { value, selected: value === chosen.state }, label)));
  const search = h('input', { id: 'search', name: 'search', type: 'search', value: chosen.search,
    placeholder: 'dataset, asset, job or org id, or who asked' });
  const summary = h('p', { id: 'deletions-summary', class: 'help', 'aria-live': 'polite' });
  const table = h('div', { id: 'deletions-table' });
  main.append(
    h('h1', {}, 'Deletions'),
    h('p', { class: 'help' }, 'Purge jobs of every org, newest change first, refreshed every 3 seconds.'),
    h('div', { class: 'filters' },
      h('label', { for: 'state' }, 'State'), state,
      h('label', { for: 'search' }, 'Search'), search),
    summary, table);
  let jobs = [];
  let total = 0;
  const show = () => {
    const words = chosen.search.trim().toLowerCase();
    const shown = jobs.filter((job) => !words || [job.root_id, job.job_id, job.org_id, job.requested_by]
      .some((value) => value && value.toLowerCase().includes(words)));
    summary.textContent = `${shown.length} shown of ${total} job${total === 1 ? '' : 's'}`
      + (total > jobs.length ? ` (the ${jobs.length} most recently changed are searched)` : '');
    table.replaceChildren(shown.length ? jobTable(shown) : message('info', 'No deletion matches.'));
  };
  state.addEventListener('change', () => {
    chosen.state = state.value;
    refresh();
  });
  search.addEventListener('input', () => {
    chosen.search = search.value;
    show();
  });
  const refresh = async () => {
    try {
      const page = await get(`/api/v1/admin/purges?state=${encodeURIComponent(chosen.state)}&limit=100`);
      jobs = page.data;
      total = page.meta.total;
      show();
    } catch (error) {
      failure(error, table);
    }
  };
  return poll(refresh);
}

export function jobTable(jobs, extra) {
  return h('table', { class: 'jobs' },
    h('thead', {}, h('tr', {},
      ['What', 'State', 'Requested', 'Runs from (expiry)', 'Progress per store', extra ? '' : null]
        .filter((c) => c !== null).map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, jobs.map((job) => h('tr', { dataset: { root: job.root_id, job: job.job_id } },
      h('td', {},
        h('a', { href: `#/deletion/${job.job_id}` }, `${job.root_type} ${job.root_id}`),
        h('div', { class: 'help' }, `org ${job.org_id}`)),
      h('td', {}, jobState(job.state), job.step ? h('div', { class: 'help' }, `step: ${job.step}`) : null,
        job.attempts > 1 ? h('div', { class: 'help' }, `attempt ${job.attempts}`) : null,
        ledgerSummary(job.downstream)),
      h('td', {}, time(job.requested_at), h('div', { class: 'help' }, job.requested_by ? `by ${job.requested_by}` : '')),
      h('td', {}, time(job.run_at)),
      h('td', {}, progress(job)),
      extra ? h('td', {}, extra(job)) : null))));
}
