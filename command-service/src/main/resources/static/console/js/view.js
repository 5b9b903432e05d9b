// Small DOM helpers: elements are built with text nodes only (never innerHTML), so nothing the API returns can
// become markup.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const LOCAL = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A time in the browser's zone, with the UTC time on hover. */
export function time(iso) {
  if (!iso) return h('span', { class: 'none' }, '—');
  const at = new Date(iso);
  return h('time', { datetime: at.toISOString(), title: `UTC: ${at.toISOString()}` }, LOCAL.format(at));
}

/** A job's state in words; the colour only repeats them. */
const JOB_STATES = {
  scheduled: ['scheduled', 'waiting for its time to run'],
  running: ['purging', 'deleting now'],
  completed: ['purged', 'deleted, receipt signed'],
  failed: ['failed', 'stopped with an error; an operator may retry it'],
  cancelled: ['cancelled', 'will not run'],
};

export function jobState(state) {
  const [word, meaning] = JOB_STATES[state] || [state, ''];
  return h('span', { class: `state state-${state}`, title: meaning }, word);
}

export function jobStateWord(state) {
  return (JOB_STATES[state] || [state])[0];
}

/** Deleted so far of the total, per store: a bar and its numbers in words. */
export function progress(job) {
  const stores = [
    ['Vectors', job.vectors_deleted, job.vectors_total],
    ['Objects', job.objects_deleted, job.objects_total],
    ['Rows', job.rows_deleted, job.rows_total],
  ];
  return h('div', { class: 'progress' }, stores.map(([label, deleted, total]) => {
    const done = job.state === 'completed';
    const known = total !== null && total !== undefined;
    const words = known ? `${deleted} of ${total}` : done ? `${deleted}` : `${deleted}, total not counted yet`;
    // a finished store is a full bar, whatever it held; a total not yet counted, a bar without a value
    const max = Math.max(known ? total : deleted, 1);
    const bar = known || done ? h('progress', { max, value: done ? max : deleted }) : h('progress', {});
    bar.setAttribute('aria-label', `${label}: ${words}`);
    return h('div', { class: 'store' }, h('span', { class: 'label' }, label), bar, h('span', { class: 'count' }, words));
  }));
}

export function message(kind, text) {
  return h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function shortId(id) {
  return id ? `${id.slice(0, 8)}…` : '—';
}

/** Asks before an action that cannot be undone; resolves true only on an explicit confirm. */
export function confirmAction(title, text, label) {
  const dialog = document.getElementById('confirm');
  dialog.querySelector('#confirm-title').textContent = title;
  dialog.querySelector('#confirm-text').textContent = text;
  dialog.querySelector('#confirm-ok').textContent = label;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.showModal();
  });
}

/** Runs fn now and every few seconds while the tab is visible; returns what stops it. */
export function poll(fn, ms = 3000) {
  let stopped = false;
  const tick = async () => {
    if (!stopped && !document.hidden) await fn();
  };
  tick();
  const timer = setInterval(tick, ms);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

/** A downstream consumer's place in a deletion, in words; the colour only repeats them. */
const ACK_STATES = {
  waiting: ['waiting', 'no answer yet; its deadline has not passed'],
  acknowledged: ['acknowledged', 'it answered that it deleted its copy, or held none'],
  failed: ['failed', 'it answered that it could not delete its copy'],
  overdue: ['overdue', 'no answer by its deadline'],
};

export function ackState(state) {
  const [word, meaning] = ACK_STATES[state] || [state, ''];
  return h('span', { class: `state ack-${state}`, title: meaning }, word);
}

/** A deletion's downstream ledger counted, in words: "1 of 2 acknowledged; 1 overdue". */
export function ledgerSummary(downstream) {
  if (!downstream) return null;
  const { consumers, acknowledged, failed, overdue, complete } = downstream;
  const late = [failed ? `${failed} failed` : null, overdue ? `${overdue} overdue` : null].filter(Boolean);
  return h('div', { class: `ledger${late.length ? ' late' : ''}` },
    `Downstream: ${acknowledged} of ${consumers} acknowledged`,
    late.length ? h('strong', {}, `; ${late.join(', ')}`) : null,
    complete ? '; complete' : null);
}
