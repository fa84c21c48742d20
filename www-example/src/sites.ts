// The Sites page: a paged, filtered list (`client.sites.list`, with the total from
// `client.sites.exists`, i.e. HEAD and X-Total-Count) and an editor whose JSON Patch is checked
// with `validatePatch` against the site as loaded, previewed, then sent with
// `client.sites.update(id, ops, { cascadeEndDate })`.

import { ElevateApiError, ElevateValidationError, like, validatePatch, validateQuery, type JsonPatchOperation, type Site } from 'elevate-billing';
import { byId, h, json } from './dom';
import { field, placeIssues, readValue, type Control } from './fields';
import { issueTable, renderError, renderRecord } from './render';
import { getClient } from './settings';

const PAGE_SIZES = ['5', '10', '25'];
const EDITABLE = ['siteName', 'siteReference', 'endDate'] as const;

/** A filter input; `pointer` is the query parameter, where validateQuery reports its issues. */
function filterField(pointer: string, label: string, hint: string): HTMLElement {
  const id = `s${pointer.replace('/', '-')}`;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('input', { id, type: 'text', 'data-pointer': pointer, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-hint` }),
    h('small', { id: `${id}-hint`, class: 'hint' }, hint),
    h('p', { id: `${id}-msg`, class: 'msg' }),
  );
}

export function setupSites(): { reload: () => void; show: () => void } {
  const section = byId('sites');
  const filterForm = h(
    'form',
    { id: 'sites-filter', role: 'search', 'aria-label': 'Filter sites', novalidate: true },
    filterField('/siteName', 'Site name', 'A like: pattern; % matches any text, e.g. Head%'),
    filterField('/customerId', 'Customer id', 'e.g. 1'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 's-pageSize' }, 'Sites per page'),
      h('select', { id: 's-pageSize', 'data-pointer': '/pageSize' }, ...PAGE_SIZES.map((n) => h('option', { value: n, selected: n === '10' }, n))),
      h('p', { id: 's-pageSize-msg', class: 'msg' }),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Search')),
  );
  const [nameInput, customerInput] = [...filterForm.querySelectorAll('input')];
  const pageSizeSelect = filterForm.querySelector('select')!;
  const status = h('p', { id: 'sites-status', role: 'status' });
  const tbody = h('tbody');
  const table = h(
    'table',
    { id: 'sites-table', class: 'list' },
    h('caption', {}, 'Sites'),
    h('thead', {}, h('tr', {}, ...['Id', 'Customer', 'Name', 'Reference', 'Start date', 'End date', ''].map((t) => h('th', { scope: 'col' }, t)))),
    tbody,
  );
  const prev = h('button', { type: 'button' }, 'Previous page');
  const next = h('button', { type: 'button' }, 'Next page');
  const problem = h('div', { id: 'sites-problem' });
  const editor = siteEditor(() => void load());
  section.append(filterForm, status, problem, table, h('nav', { class: 'pager', 'aria-label': 'Pages of sites' }, prev, next), editor.element);

  let page = 1;
  let loaded = false;
  const filters = () => ({
    siteName: nameInput.value ? like(nameInput.value) : undefined,
    customerId: customerInput.value || undefined,
  });
  const query = () => ({ ...filters(), page, pageSize: Number(pageSizeSelect.value) });

  async function load(): Promise<void> {
    loaded = true;
    const q = query();
    if (!validateQuery('GET /sites', q).valid) return void checkFilters();
    status.textContent = 'Loading…';
    problem.replaceChildren();
    try {
      const client = getClient();
      const [sites, count] = await Promise.all([client.sites.list(q), client.sites.exists(filters())]);
      tbody.replaceChildren(...sites.map((site) => row(site, editor.open)));
      const pages = count.total === null ? null : Math.max(1, Math.ceil(count.total / q.pageSize));
      status.textContent = `Page ${page}${pages ? ` of ${pages}` : ''}${count.total === null ? '' : ` · ${count.total} ${count.total === 1 ? 'site' : 'sites'}`}`;
      prev.disabled = page <= 1;
      next.disabled = sites.length < q.pageSize || (pages !== null && page >= pages);
    } catch (e) {
      if (e instanceof ElevateValidationError) placeIssues(filterForm, e.issues);
      status.textContent = 'The sites could not be loaded.';
      problem.replaceChildren(renderError(e, filterForm));
    }
  }

  /** The filters as typed, checked with validateQuery; returns whether they can be sent. */
  function checkFilters(): boolean {
    const r = validateQuery('GET /sites', query());
    placeIssues(filterForm, r.errors);
    return r.valid;
  }

  filterForm.addEventListener('input', checkFilters);
  pageSizeSelect.addEventListener('change', () => {
    page = 1;
    void load();
  });
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    page = 1;
    void load();
  });
  prev.addEventListener('click', () => {
    page -= 1;
    void load();
  });
  next.addEventListener('click', () => {
    page += 1;
    void load();
  });

  return {
    reload: () => {
      if (loaded) void load();
    },
    show: () => {
      if (!loaded) void load();
    },
  };
}

function row(site: Site, edit: (site: Site) => void): HTMLTableRowElement {
  const button = h('button', { type: 'button', 'aria-label': `Edit site ${site.id} ${site.siteName}` }, 'Edit');
  button.addEventListener('click', () => edit(site));
  return h(
    'tr',
    { 'data-site-id': String(site.id) },
    h('td', {}, site.id ?? ''),
    h('td', {}, site.customerId),
    h('td', {}, site.siteName),
    h('td', {}, site.siteReference),
    h('td', {}, site.startDate),
    h('td', {}, site.endDate ?? ''),
    h('td', {}, button),
  );
}

/** The operations turning `current` into what the editor's controls say. */
function diff(current: Site, form: HTMLElement): JsonPatchOperation[] {
  const ops: JsonPatchOperation[] = [];
  for (const name of EDITABLE) {
    const value = readValue(form.querySelector<Control>(`[data-pointer="/${name}"]`)!);
    const had = current[name] !== undefined && current[name] !== null;
    if (value === undefined) {
      if (had) ops.push({ op: 'remove', path: `/${name}` });
    } else if (value !== current[name]) {
      ops.push({ op: had ? 'replace' : 'add', path: `/${name}`, value });
    }
  }
  return ops;
}

function siteEditor(onSaved: () => void): { element: HTMLElement; open: (site: Site) => void } {
  const title = h('h3', { id: 'edit-title', tabindex: '-1' });
  const cascade = h('input', { id: 'e-cascade', type: 'checkbox', 'aria-describedby': 'e-cascade-hint' });
  const opsPreview = h('pre', { id: 'edit-ops', class: 'json' });
  const docPreview = h('pre', { id: 'edit-document', class: 'json' });
  const issues = h('div', { id: 'edit-issues' });
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save changes');
  const cancel = h('button', { type: 'button' }, 'Close');
  const result = h('div', { id: 'edit-result', tabindex: '-1' });
  const form = h(
    'form',
    { id: 'site-edit-form', novalidate: true },
    h(
      'div',
      { class: 'grid' },
      field('Site', 'e', '/siteName', { name: 'siteName', label: 'Site name' }),
      field('Site', 'e', '/siteReference', { name: 'siteReference', label: 'Site reference' }),
      field('Site', 'e', '/endDate', { name: 'endDate', label: 'End date', hint: 'yyyy-MM-dd' }),
    ),
    h(
      'div',
      { class: 'field check' },
      cascade,
      h('label', { for: cascade.id }, 'Also end the site’s inventories'),
      h('small', { id: 'e-cascade-hint', class: 'hint' }, 'cascade_end_date: applies when the patch sets an end date'),
    ),
    h('h4', {}, 'JSON Patch to send'),
    opsPreview,
    issues,
    h('details', {}, h('summary', {}, 'The site after the patch (preview)'), docPreview),
    h('div', { class: 'actions' }, save, cancel),
  );
  const element = h('section', { id: 'site-editor', 'aria-labelledby': title.id, hidden: true }, title, form, result);
  let current: Site | null = null;

  /** Checks the edit with validatePatch and shows issues, operations and the patched site. */
  function check(): { ops: JsonPatchOperation[]; valid: boolean } {
    const ops = diff(current!, form);
    const r = validatePatch('Site', current, ops);
    placeIssues(form, r.errors);
    opsPreview.textContent = ops.length ? json(ops) : '(no changes)';
    docPreview.textContent = r.document === undefined ? '(the patch does not apply)' : json(r.document);
    issues.replaceChildren(...(r.errors.length ? [h('p', {}, 'The patched site would break these rules:'), issueTable(r.errors, form)] : []));
    save.disabled = ops.length === 0;
    return { ops, valid: r.valid };
  }

  /** Fills the editor from `site`, the document patches are checked against. */
  function fill(site: Site): void {
    current = site;
    title.textContent = `Edit site ${site.id} “${site.siteName}”`;
    for (const name of EDITABLE) form.querySelector<Control>(`[data-pointer="/${name}"]`)!.value = site[name] ?? '';
    cascade.checked = false;
    check();
  }

  function open(site: Site): void {
    fill(site);
    element.hidden = false;
    result.replaceChildren();
    form.querySelector<HTMLElement>('[data-pointer]')!.focus();
  }

  form.addEventListener('input', (event) => {
    if ((event.target as HTMLElement).dataset.pointer) check();
  });
  cancel.addEventListener('click', () => {
    element.hidden = true;
    current = null;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { ops, valid } = check();
    if (!valid || ops.length === 0) return issues.querySelector('a')?.focus();
    save.disabled = true;
    result.replaceChildren(h('p', { role: 'status' }, 'Saving…'));
    try {
      const id = current!.id!;
      const updated = await getClient().sites.update(id, ops, { cascadeEndDate: cascade.checked });
      if (updated) fill(updated);
      result.replaceChildren(renderRecord(`Site ${id} updated`, updated ?? null));
      onSaved();
    } catch (e) {
      // A 409 (the reference another site of the customer has) goes next to its field.
      if (e instanceof ElevateApiError) placeIssues(form, e.issues);
      result.replaceChildren(renderError(e, form));
      save.disabled = false;
    }
    result.focus();
  });
  return { element, open };
}
