// The reconciler's runs, newest first, with their reports; a dry run can be asked for (it removes nothing).
import { get, post } from '../api.js';
import { failure } from '../main.js';
import { h, message, poll, time } from '../view.js';

export function render(main) {
  const status = h('div', { id: 'reconcile-status', 'aria-live': 'polite' });
  const list = h('div', { id: 'reconcile-runs' });
  const refresh = async () => {
    try {
      const page = await get('/api/v1/admin/reconcile?limit=50');
      list.replaceChildren(page.data.length ? runs(page.data) : message('info', 'No reconciliation has run yet.'));
    } catch (error) {
      failure(error, list);
    }
  };
  const org = h('input', { id: 'reconcile-org', name: 'org', spellcheck: 'false', pattern: '[0-9a-fA-F-]{36}',
    title: 'An org id (UUID); empty for every org' });
  const dryRun = async () => {
    if (!org.checkValidity()) {
      org.reportValidity();
      return;
    }
    const only = org.value.trim() ? `&org_id=${encodeURIComponent(org.value.trim())}` : '';
    try {
      const run = await post(`/api/v1/admin/reconcile?dry_run=true${only}`);
      status.replaceChildren(message('ok', `Dry run ${run.run_id} asked for; its report shows below once it has run.`));
      refresh();
    } catch (error) {
      failure(error, status);
    }
  };
  main.append(h('h1', {}, 'Reconciler'),
    h('p', { class: 'help' }, 'Runs that look for stored data no catalog row owns. A dry run only reports; '
      + 'a run that removes is asked for through the API (README, Orphan reconciliation).'),
    h('div', { class: 'filters' }, h('label', { for: 'reconcile-org' }, 'Org id (empty: every org)'), org,
      h('button', { type: 'button', id: 'reconcile-dry-run', onclick: dryRun }, 'Ask for a dry run')),
    status, list);
  return poll(refresh);
}

function runs(data) {
  return h('table', { class: 'runs' },
    h('thead', {}, h('tr', {}, ['Run', 'State', 'Kind', 'Requested', 'Ended', 'Report'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, data.map((run) => h('tr', { dataset: { run: run.run_id } },
      h('td', {}, h('code', {}, run.run_id), h('div', { class: 'help' }, run.org_id ? `org ${run.org_id}` : 'every org')),
      h('td', {}, h('span', { class: `state state-${run.state}` }, run.state), run.error ? h('div', { class: 'help' }, run.error) : null),
      h('td', {}, run.dry_run ? 'dry run (reports only)' : 'removes what it finds',
        h('div', { class: 'help' }, `via ${run.requested_via}${run.safety_age ? `, spares younger than ${run.safety_age}` : ''}`)),
      h('td', {}, time(run.requested_at), h('div', { class: 'help' }, run.requested_by ? `by ${run.requested_by}` : '')),
      h('td', {}, time(run.completed_at)),
      h('td', {}, run.report ? h('details', {}, h('summary', {}, 'Report'), h('pre', {}, JSON.stringify(run.report, null, 2)))
        : 'none yet')))));
}
