// Failed purge jobs with their error, and a retry (confirmed): the job resumes from its last checkpoint.
import { post, get } from '../api.js';
import { failure } from '../main.js';
import { confirmAction, h, message, poll } from '../view.js';
import { jobTable } from './deletions.js';

export function render(main) {
  const status = h('div', { id: 'failed-status', 'aria-live': 'polite' });
  const list = h('div', { id: 'failed-table' });
  main.append(h('h1', {}, 'Failed jobs'),
    h('p', { class: 'help' }, 'A job that kept failing after its attempts. Its error is the store\'s own words; '
      + 'a retry runs it again from its last checkpoint.'),
    status, list);
  let shown = null;
  const refresh = async () => {
    try {
      const page = await get('/api/v1/admin/purges?state=failed&limit=100');
      // redrawn only when the list changed, so that an opened error stays open
      const seen = JSON.stringify(page.data);
      if (seen === shown) return;
      shown = seen;
      list.replaceChildren(page.data.length
        ? h('div', {}, page.data.map((job) => errorBlock(job)), jobTable(page.data, retryButton))
        : message('info', 'No failed jobs.'));
    } catch (error) {
      failure(error, list);
    }
  };
  const retryButton = (job) => h('button', { type: 'button', class: 'retry',
    'aria-label': `Retry the purge of ${job.root_type} ${job.root_id}`, onclick: async () => {
    const sure = await confirmAction('Retry this purge?',
      `The ${job.root_type} ${job.root_id} of org ${job.org_id} will be purged again from its last checkpoint.`,
      'Retry purge');
    if (!sure) return;
    try {
      await post(`/api/v1/admin/purges/${job.job_id}/retry`);
      status.replaceChildren(message('ok', `Retry asked for job ${job.job_id}; it leaves this list once the worker has `
        + 'taken it (its attempts start again from 0).'), h('p', {}, h('a', { href: `#/deletion/${job.job_id}` },
        `Follow the ${job.root_type} ${job.root_id}`)));
      refresh();
    } catch (error) {
      failure(error, status);
    }
  } }, 'Retry');
  return poll(refresh, 5000);
}

function errorBlock(job) {
  return h('details', { class: 'error-detail', dataset: { root: job.root_id } },
    h('summary', {}, `Error of ${job.root_type} ${job.root_id} (attempt ${job.attempts})`),
    h('pre', { class: 'error-text' }, job.last_error || 'no error text'));
}
