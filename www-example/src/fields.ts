// Form controls bound to JSON Pointers of a request body (`data-pointer`): rendering, reading
// values, building the body, and placing the package's issues next to the field they concern.
// No rule lives here: whether a field is required and which values a select offers come from
// the package's model (`describeField`).

import { describeField, validateField, type SchemaName } from 'elevate-billing';
import { h } from './dom';

/** How an input's text becomes a JSON value; the package then judges that value. */
export type Kind = 'text' | 'number' | 'select' | 'checkbox';

export interface FieldSpec {
  /** The member name: the last segment of the pointer. */
  name: string;
  label: string;
  kind?: Kind;
  hint?: string;
  inputmode?: string;
  autocomplete?: string;
}

export type Control = HTMLInputElement | HTMLSelectElement;

/** A stable element id for a pointer within a form (`prefix` keeps forms apart). */
export const fieldId = (prefix: string, pointer: string): string => `${prefix}${pointer.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** Does the schema require this field? */
export function isRequired(schema: SchemaName, pointer: string): boolean {
  return describeField(schema, pointer).required;
}

/** The values an enum field accepts. */
export function allowedValues(schema: SchemaName, pointer: string): string[] {
  return (describeField(schema, pointer).allowed ?? []).map(String);
}

/** One labelled control with its hint and message elements. */
export function field(schema: SchemaName, prefix: string, pointer: string, spec: FieldSpec): HTMLElement {
  const id = fieldId(prefix, pointer);
  const kind = spec.kind ?? 'text';
  const required = isRequired(schema, pointer);
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const common = { id, name: pointer, 'data-pointer': pointer, 'data-kind': kind, 'aria-describedby': hintId };
  let control: Control;
  if (kind === 'select') {
    const options = allowedValues(schema, pointer).map((v) => h('option', { value: v }, v));
    control = h('select', { ...common, 'aria-required': required ? 'true' : undefined }, h('option', { value: '' }, required ? 'Choose…' : '(none)'), ...options);
  } else {
    control = h('input', {
      ...common,
      type: kind === 'checkbox' ? 'checkbox' : 'text',
      inputmode: spec.inputmode ?? (kind === 'number' ? 'numeric' : undefined),
      autocomplete: spec.autocomplete ?? 'off',
      spellcheck: 'false',
      'aria-required': required && kind !== 'checkbox' ? 'true' : undefined,
    });
  }
  const suffix = kind === 'checkbox' ? null : required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : ' (optional)';
  const label = h('label', { for: id }, spec.label, suffix);
  const hint = spec.hint ? h('small', { id: hintId, class: 'hint' }, spec.hint) : null;
  const message = h('p', { id: `${id}-msg`, class: 'msg' });
  return kind === 'checkbox'
    ? h('div', { class: 'field check' }, control, label, hint, message)
    : h('div', { class: 'field' }, label, control, hint, message);
}

/** A fieldset standing for an object or array of the body, with a message element of its own. */
export function group(prefix: string, pointer: string, container: 'object' | 'array', legend: string, ...children: Node[]): HTMLFieldSetElement {
  const id = fieldId(prefix, pointer);
  return h(
    'fieldset',
    { id, 'data-pointer': pointer, 'data-container': container },
    h('legend', {}, legend),
    h('p', { id: `${id}-msg`, class: 'msg' }),
    ...children,
  );
}

/** The JSON value of a control: an empty input is "not given" (undefined), never "". */
export function readValue(el: Control): unknown {
  if (el instanceof HTMLInputElement && el.type === 'checkbox') return el.checked ? true : undefined;
  const text = el.value;
  if (text === '') return undefined;
  if (el.dataset.kind === 'number' && /^\s*-?\d+(\.\d+)?\s*$/.test(text)) return Number(text);
  return text;
}

/** Sets `value` at `pointer` in `doc`, creating objects (or arrays before an index) on the way. */
function setAt(doc: Record<string, unknown>, pointer: string, value: unknown, keep: boolean): void {
  const keys = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: Record<string, unknown> = doc;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      if (!(keep && key in node)) node[key] = value;
    } else {
      node[key] ??= /^\d+$/.test(keys[i + 1]) ? [] : {};
      node = node[key] as Record<string, unknown>;
    }
  });
}

/** The request body the enabled controls of `scope` describe, in document order. */
export function readBody(scope: HTMLElement): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const el of scope.querySelectorAll<HTMLElement>('[data-pointer]')) {
    if (el.matches(':disabled')) continue;
    const pointer = el.dataset.pointer ?? '';
    if (el.dataset.container) setAt(body, pointer, el.dataset.container === 'array' ? [] : {}, true);
    else {
      const value = readValue(el as Control);
      if (value !== undefined) setAt(body, pointer, value, false);
    }
  }
  return body;
}

/**
 * What is placed by a field: the package's issues (`ValidationIssue`) and the server's
 * (`ElevateApiError.issues`, `ServerIssue`) alike, by their JSON Pointer `path`.
 */
export interface PlaceableIssue {
  path: string;
  message: string;
  code?: string | null;
}

/** Shows `issues` by `el` (a control or a fieldset) and sets its ARIA state. */
export function showIssues(el: HTMLElement, issues: readonly PlaceableIssue[]): void {
  const message = document.getElementById(`${el.id}-msg`);
  message?.replaceChildren(...issues.map((i) => h('span', { 'data-code': i.code ?? 'server' }, i.message)));
  const invalid = issues.length > 0;
  if (!(el instanceof HTMLFieldSetElement)) {
    if (invalid) el.setAttribute('aria-invalid', 'true');
    else el.removeAttribute('aria-invalid');
  }
  const hint = document.getElementById(`${el.id}-hint`);
  const describedBy = [hint?.id, invalid ? message?.id : undefined].filter(Boolean).join(' ');
  if (describedBy) el.setAttribute('aria-describedby', describedBy);
  else el.removeAttribute('aria-describedby');
}

/** Checks one control with `validateField` and shows the result. */
export function checkField(schema: SchemaName, el: Control): void {
  showIssues(el, validateField(schema, el.dataset.pointer ?? '', readValue(el)).errors);
}

/** The element an issue belongs to: the control at its path, else the nearest enclosing group. */
export function elementFor(scope: HTMLElement, path: string): HTMLElement | null {
  for (let p = path; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const el = scope.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(p)}"]`);
    if (el && !el.matches(':disabled')) return el;
    if (p === '') return null;
  }
}

/** Clears every message of `scope`, then shows each issue by its element. Returns the issues no element took. */
export function placeIssues(scope: HTMLElement, issues: readonly PlaceableIssue[]): PlaceableIssue[] {
  for (const el of scope.querySelectorAll<HTMLElement>('[data-pointer]')) showIssues(el, []);
  const byElement = new Map<HTMLElement, PlaceableIssue[]>();
  const unplaced: PlaceableIssue[] = [];
  for (const issue of issues) {
    const el = elementFor(scope, issue.path);
    if (el) byElement.set(el, [...(byElement.get(el) ?? []), issue]);
    else unplaced.push(issue);
  }
  for (const [el, list] of byElement) showIssues(el, list);
  return unplaced;
}
