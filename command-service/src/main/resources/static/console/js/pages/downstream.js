// Downstream: the acknowledgements overdue (required consumers that answered failed, or not by their deadline) and the
// registered consumers. Consumers are registered, changed and retired through the operator API (README, Downstream
// consumers and the ledger).
import { get } from '../api.js';
import { failure } from '../main.js';
import { ackState, h, message, poll, time } from '../view.js';

export function render(main) {
  const overdue = h('div', { id: 'overdue-table' });
  const consumers = h('div', { id: 'consumers-table' });
  main.append(h('h1', {}, 'Downstream'),
    h('h2', {}, 'Overdue acknowledgements'),
    h('p', { class: 'help' }, 'Required consumers that answered that they could not delete their copy, or have not '
      + 'answered by their deadline (the purge\'s start plus the consumer\'s ack deadline). Refreshed every 5 seconds.'),
    overdue,
    h('h2', {}, 'Consumers'),
    h('p', { class: 'help' }, 'Every deletion of a root type a live consumer holds waits for its answer when it is '
      + 'required.'),
    consumers);
  const refresh = async () => {
    try {
      const [late, registered] = await Promise.all([get('/api/v1/admin/deletions/overdue?limit=100'),
        get('/api/v1/admin/consumers?limit=100')]);
      overdue.replaceChildren(late.data.length ? overdueTable(late.data, late.meta.total)
        : message('ok', 'No acknowledgement is overdue.'));
      consumers.replaceChildren(registered.data.length ? consumerTable(registered.data)
        : message('info', 'No consumer is registered: deletions wait for no one downstream.'));
    } catch (error) {
      failure(error, overdue);
    }
  };
  return poll(refresh, 5000);
}

function overdueTable(data, total) {
  return h('div', {},
    h('p', { class: 'help' }, `${total} overdue or failed answer${total === 1 ? '' : 's'}`
      + (total > data.length ? `, the ${data.length} due first shown` : '')),
    h('table', {},
      h('thead', {}, h('tr', {}, ['Deletion of', 'Consumer', 'State', 'Purge began', 'Due by', 'Answered at']
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, data.map((entry) => h('tr', { dataset: { root: entry.root_id, consumer: entry.consumer } },
        h('td', {}, `${entry.root_type} ${entry.root_id}`, h('div', { class: 'help' }, `org ${entry.org_id}`)),
        h('td', {}, entry.consumer),
        h('td', {}, ackState(entry.state)),
        h('td', {}, time(entry.purge_started_at)),
        h('td', {}, time(entry.due_at)),
        h('td', {}, time(entry.acked_at)))))));
}

function consumerTable(data) {
  return h('table', {},
    h('thead', {}, h('tr', {}, ['Consumer', 'Root types', 'Ack deadline', 'Required', 'Registered', 'State']
      .map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, data.map((c) => h('tr', { dataset: { consumer: c.name } },
      h('td', {}, c.name, h('div', { class: 'help' }, h('code', {}, c.id))),
      h('td', {}, c.root_types.join(', ')),
      h('td', {}, h('code', {}, c.ack_deadline)),
      h('td', {}, c.required ? 'required' : 'optional'),
      h('td', {}, time(c.created_at), h('div', { class: 'help' }, c.created_by ? `by ${c.created_by}` : '')),
      h('td', {}, c.retired_at ? h('span', {}, 'retired ', time(c.retired_at)) : 'live')))));
}
