// Every data call of the console: the operator's key, from this tab's sessionStorage only, as a bearer token.
// The key never goes into a URL, a cookie or localStorage, so it ends with the tab.

const KEY = 'lethe.operatorKey';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `The API answered ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function signedIn() {
  return sessionStorage.getItem(KEY) !== null;
}

export function signIn(key) {
  sessionStorage.setItem(KEY, key.trim());
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

export async function call(method, path, body) {
  const headers = { Authorization: `Bearer ${sessionStorage.getItem(KEY) || ''}`, Accept: 'application/json' };
  const init = { method, headers, cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const put = (path, body) => call('PUT', path, body);
export const del = (path, body) => call('DELETE', path, body);
