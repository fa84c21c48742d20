// Readable renderings of what the package and the server say: validation issues as data
// (path, code, message), and each error class of the client with its fields.

import {
  ElevateApiError,
  ElevateNetworkError,
  ElevateTimeoutError,
  ElevateTokenError,
  ElevateValidationError,
} from 'elevate-billing';
import { h, json } from './dom';
import { elementFor, type PlaceableIssue } from './fields';

/** A link that moves the focus to a field (a plain `#id` link would only scroll there). */
function fieldLink(target: HTMLElement, content: Node): HTMLAnchorElement {
  const a = h('a', { href: `#${target.id}` }, content);
  a.addEventListener('click', (event) => {
    event.preventDefault();
    const control = target instanceof HTMLFieldSetElement ? target.querySelector<HTMLElement>('input, select, button') : target;
    control?.focus();
  });
  return a;
}

/** Issues as a table; a path links to its field when `scope` has one, and rows follow the form's order. */
export function issueTable(issues: readonly PlaceableIssue[], scope?: HTMLElement): HTMLTableElement {
  const order = scope ? [...scope.querySelectorAll('[data-pointer]')] : [];
  const placed = issues.map((issue) => ({ issue, target: scope ? elementFor(scope, issue.path) : null }));
  const position = (el: HTMLElement | null) => (el ? order.indexOf(el) : order.length);
  placed.sort((a, b) => position(a.target) - position(b.target));
  const rows = placed.map(({ issue, target }) => {
    const path = issue.path || '(the whole body)';
    return h(
      'tr',
      {},
      h('td', {}, target ? fieldLink(target, h('code', {}, path)) : h('code', {}, path)),
      h('td', {}, h('code', {}, issue.code ?? '')),
      h('td', {}, issue.message),
    );
  });
  return h(
    'table',
    { class: 'issues' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Path'), h('th', { scope: 'col' }, 'Code'), h('th', { scope: 'col' }, 'Message'))),
    h('tbody', {}, ...rows),
  );
}

/** A titled block for a failure, with `role="alert"` so it is announced. */
function failure(title: string, ...children: Node[]): HTMLElement {
  return h('div', { class: 'failure', role: 'alert' }, h('h3', {}, title), ...children);
}

const pair = (term: string, value: string | number | undefined): Node[] =>
  value === undefined ? [] : [h('dt', {}, term), h('dd', {}, String(value))];

/** Any error a call can end with, rendered with what it carries. */
export function renderError(e: unknown, scope?: HTMLElement): HTMLElement {
  if (e instanceof ElevateValidationError) {
    return failure('Not sent: the request breaks the server’s rules', h('p', {}, e.message), issueTable(e.issues, scope));
  }
  if (e instanceof ElevateApiError) {
    const body = e.body === null || e.body === undefined ? null : h('pre', { class: 'json' }, typeof e.body === 'string' ? e.body : json(e.body));
    return failure(
      `The server answered ${e.status} (${e.kind})`,
      h('dl', {}, ...pair('Kind', e.kind), ...pair('Status', e.status), ...pair('Request', `${e.method} ${e.url}`), ...pair('Message', e.message)),
      // The server's complaints, placed at their fields by the form (ElevateApiError.issues).
      ...(e.issues.some((i) => i.path !== '') ? [h('p', {}, 'The server says:'), issueTable(e.issues, scope)] : []),
      ...(body ? [h('p', {}, 'Response body:'), body] : []),
    );
  }
  if (e instanceof ElevateTimeoutError) {
    return failure('The server did not answer in time', h('p', {}, e.message));
  }
  if (e instanceof ElevateNetworkError) {
    return failure('No answer from the server', h('p', {}, e.message), h('p', {}, 'Is the API running at the base URL in Settings (and does it allow this origin, CORS)?'));
  }
  if (e instanceof ElevateTokenError) {
    return failure('No usable token', h('p', {}, e.message), h('p', {}, 'Enter the API token in Settings.'));
  }
  return failure('Something went wrong', h('p', {}, e instanceof Error ? `${e.name}: ${e.message}` : String(e)));
}

/** A server record: a one-line summary and the full JSON. */
export function renderRecord(title: string, record: unknown): HTMLElement {
  return h('div', { class: 'success', role: 'status' }, h('h3', {}, title), h('details', {}, h('summary', {}, 'The server’s answer (JSON)'), h('pre', { class: 'json' }, json(record))));
}
