// The console's shell: sign-in, hash routes and the pages they show. Each page renders into <main> and may
// return a function that stops its polling when another page is shown.
import { ApiError, get, signIn, signOut, signedIn } from './api.js';
import { h, message } from './view.js';
import * as deletions from './pages/deletions.js';
import * as deletion from './pages/deletion.js';
import * as failed from './pages/failed.js';
import * as holds from './pages/holds.js';
import * as reconcile from './pages/reconcile.js';
import * as dlt from './pages/dlt.js';
import * as downstream from './pages/downstream.js';

const ROUTES = [
  [/^#\/deletions$/, deletions],
  [/^#\/deletion\/([0-9a-f-]{36})$/, deletion],
  [/^#\/failed$/, failed],
  [/^#\/holds$/, holds],
  [/^#\/reconcile$/, reconcile],
  [/^#\/dlt$/, dlt],
  [/^#\/downstream$/, downstream],
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let stop = null;

function signInPage(notice) {
  nav.hidden = true;
  const key = h('input', { id: 'key', name: 'key', type: 'password', autocomplete: 'off', required: true,
    spellcheck: 'false', 'aria-describedby': 'key-help' });
  const form = h('form', { id: 'sign-in', class: 'card narrow' },
    h('h1', {}, 'Sign in'),
    notice,
    h('label', { for: 'key' }, 'Operator API key'),
    key,
    h('p', { id: 'key-help', class: 'help' },
      'Kept in this browser tab only (sessionStorage) and sent to the API as a bearer token; closing the tab forgets it.'),
    h('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    signIn(key.value);
    try {
      await get('/api/v1/admin/purges?limit=1');
      if (!location.hash || location.hash === '#/' || location.hash === '#/sign-in') location.hash = '#/deletions';
      else route();
    } catch (error) {
      signOut();
      signInPage(message('error', refusal(error)));
    }
  });
  main.replaceChildren(form);
  key.focus();
}

/** What a refused key means, in words. */
export function refusal(error) {
  if (error instanceof ApiError && error.status === 403) return 'This key is not an operator key. Sign in with an operator key.';
  if (error instanceof ApiError && error.status === 401) return 'This key was refused: it is unknown, malformed or revoked.';
  if (error instanceof ApiError && error.status === 429) return `Too many attempts: ${error.message}`;
  return `The console could not reach the API: ${error.message}`;
}

async function route() {
  if (stop) stop();
  stop = null;
  if (!signedIn()) {
    signInPage();
    return;
  }
  nav.hidden = false;
  const hash = location.hash || '#/deletions';
  const found = ROUTES.map(([pattern, page]) => [hash.match(pattern), page]).find(([match]) => match);
  for (const link of nav.querySelectorAll('a')) {
    if (hash.startsWith(link.getAttribute('href'))) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (!found) {
    location.hash = '#/deletions';
    return;
  }
  const [match, page] = found;
  main.replaceChildren();
  try {
    stop = page.render(main, ...match.slice(1)) || null;
  } catch (error) {
    main.replaceChildren(message('error', error.message));
  }
  main.focus({ preventScroll: true });
}

/** A page's API failure: a refused key sends back to the sign-in form, anything else is shown in place. */
export function failure(error, where) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    signOut();
    if (stop) stop();
    stop = null;
    signInPage(message('error', refusal(error)));
    return;
  }
  where.replaceChildren(message('error', error.message));
}

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  if (stop) stop();
  stop = null;
  location.hash = '#/sign-in';
  signInPage(message('info', 'Signed out; the key is forgotten.'));
});
window.addEventListener('hashchange', route);
route();
