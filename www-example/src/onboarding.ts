// The onboarding form: a Customer with its first Site (POST /customers). Each control is bound
// to a JSON Pointer of the request body; it is checked with `validateField` as the user types,
// the whole body with `validate` on submit (cross-field rules), and then sent with
// `client.customers.create`.

import { ElevateApiError, ElevateValidationError, validate, type Customer } from 'elevate-billing';
import { byId, h } from './dom';
import { checkField, field, fieldId, group, placeIssues, readBody, type Control, type FieldSpec } from './fields';
import { issueTable, renderError, renderRecord } from './render';
import { getClient } from './settings';

const SCHEMA = 'Customer';
const P = 'c'; // id prefix of this form's controls
const DATE = 'yyyy-MM-dd';

const CUSTOMER: FieldSpec[] = [
  { name: 'customerName', label: 'Customer name' },
  { name: 'customerAccountNumber', label: 'Account number' },
  { name: 'customerType', label: 'Customer type', kind: 'select' },
  { name: 'contractOwnerId', label: 'Contract owner id', kind: 'number' },
  { name: 'billingCycleId', label: 'Billing cycle id', kind: 'number' },
  { name: 'startDate', label: 'Start date', hint: DATE },
  { name: 'contractTerm', label: 'Contract term (months)', kind: 'number' },
  { name: 'contractTermStartDate', label: 'Contract term start date', hint: DATE },
  { name: 'onlineEmailAddress', label: 'Online billing e-mail', inputmode: 'email', autocomplete: 'email' },
];
const SITE: FieldSpec[] = [
  { name: 'siteName', label: 'Site name' },
  { name: 'siteReference', label: 'Site reference' },
  { name: 'startDate', label: 'Site start date', hint: DATE },
];
const ADDRESS: FieldSpec[] = [
  { name: 'businessName', label: 'Business name' },
  { name: 'address1', label: 'Address line 1', autocomplete: 'address-line1' },
  { name: 'address2', label: 'Address line 2', autocomplete: 'address-line2' },
  { name: 'town', label: 'Town', autocomplete: 'address-level2' },
  { name: 'county', label: 'County' },
  { name: 'postcode', label: 'Postcode', autocomplete: 'postal-code' },
  { name: 'country', label: 'Country', hint: 'ISO code, e.g. GB', autocomplete: 'country' },
];
const CONTACT: FieldSpec[] = [
  { name: 'contactName', label: 'Name' },
  { name: 'contactRole', label: 'Role', kind: 'select' },
  { name: 'contactTelephoneNumber', label: 'Telephone', inputmode: 'tel', hint: 'e.g. 020 7946 0000' },
  { name: 'contactEmailAddress', label: 'E-mail', inputmode: 'email' },
  { name: 'contactNameToAppearOnInvoice', label: 'Name appears on the invoice', kind: 'checkbox' },
  { name: 'receiveInvoiceBy', label: 'Receives invoices by', kind: 'select' },
];
const INVOICE: FieldSpec[] = [
  { name: 'invoiceTemplateId', label: 'Invoice template id', kind: 'number' },
  { name: 'paymentTermsInDays', label: 'Payment terms (days)', kind: 'number' },
  { name: 'preferredPaymentDay', label: 'Preferred payment day', kind: 'number', hint: 'Day of the month' },
];

const SITE0 = '/sites/0';
const CONTACTS = `${SITE0}/siteContacts`;
const fields = (base: string, specs: FieldSpec[]): HTMLElement[] => specs.map((s) => field(SCHEMA, P, `${base}/${s.name}`, s));

/** One contact's fieldset; `values` restores the controls' state after the list is renumbered. */
function contactGroup(index: number, values: Map<string, string | boolean> = new Map()): HTMLFieldSetElement {
  const base = `${CONTACTS}/${index}`;
  const remove = h('button', { type: 'button', class: 'remove', 'data-remove': String(index) }, `Remove contact ${index + 1}`);
  const fs = group(P, base, 'object', `Contact ${index + 1}`, h('div', { class: 'grid' }, ...fields(base, CONTACT)), remove);
  for (const el of fs.querySelectorAll<Control>('[data-kind]')) {
    const v = values.get(el.dataset.pointer!.slice(base.length + 1));
    if (typeof v === 'boolean' && el instanceof HTMLInputElement) el.checked = v;
    else if (typeof v === 'string') el.value = v;
  }
  return fs;
}

/** The raw state of each contact's controls, keyed by field name. */
function contactValues(list: HTMLElement): Array<Map<string, string | boolean>> {
  return [...list.children].map((fs) => {
    const base = (fs as HTMLElement).dataset.pointer!;
    const entries = [...fs.querySelectorAll<Control>('[data-kind]')].map((el) => [
      el.dataset.pointer!.slice(base.length + 1),
      el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value,
    ] as const);
    return new Map(entries);
  });
}

export function setupOnboarding(onCreated: () => void): void {
  const section = byId('onboard');
  const contactList = h('div', { class: 'contacts' });
  const addContact = h('button', { type: 'button' }, 'Add a contact');
  const invoiceToggle = h('input', { id: 'c-invoice-toggle', type: 'checkbox', 'aria-controls': fieldId(P, `${SITE0}/siteInvoiceDetails`) });
  const invoice = group(P, `${SITE0}/siteInvoiceDetails`, 'object', 'Invoice details', h('div', { class: 'grid' }, ...fields(`${SITE0}/siteInvoiceDetails`, INVOICE)));
  invoice.disabled = invoice.hidden = true;
  // A site created inside POST /customers carries customerId 0 (decisions R9); the package checks it.
  const customerId = h('input', { type: 'hidden', value: '0', 'data-pointer': `${SITE0}/customerId`, 'data-kind': 'number' });
  const summary = h('div', { id: 'onboard-summary', class: 'summary', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Create customer');
  const result = h('div', { id: 'onboard-result', tabindex: '-1' });

  const form = h(
    'form',
    { id: 'onboard-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, 'Customer'), h('div', { class: 'grid' }, ...fields('', CUSTOMER))),
    group(
      P,
      SITE0,
      'object',
      'First site',
      customerId,
      h('div', { class: 'grid' }, ...fields(SITE0, SITE)),
      group(P, `${SITE0}/siteAddress`, 'object', 'Site address', h('div', { class: 'grid' }, ...fields(`${SITE0}/siteAddress`, ADDRESS))),
      group(P, CONTACTS, 'array', 'Contacts', contactList, addContact),
      h('div', { class: 'field check' }, invoiceToggle, h('label', { for: invoiceToggle.id }, 'This site receives invoices (add invoice details)')),
      invoice,
    ),
    summary,
    h('div', { class: 'actions' }, submit),
  );
  section.append(form, result);
  contactList.append(contactGroup(0));

  const renumber = (values: Array<Map<string, string | boolean>>) => contactList.replaceChildren(...values.map((v, i) => contactGroup(i, v)));
  addContact.addEventListener('click', () => {
    renumber([...contactValues(contactList), new Map()]);
    contactList.lastElementChild?.querySelector<HTMLElement>('[data-kind]')?.focus();
  });
  contactList.addEventListener('click', (event) => {
    const index = (event.target as HTMLElement).closest<HTMLElement>('[data-remove]')?.dataset.remove;
    if (index === undefined) return;
    renumber(contactValues(contactList).filter((_, i) => i !== Number(index)));
    addContact.focus();
  });
  invoiceToggle.addEventListener('change', () => {
    invoice.disabled = invoice.hidden = !invoiceToggle.checked;
  });

  // As the user types: this field alone.
  form.addEventListener('input', (event) => {
    const el = event.target as Control;
    if (el.dataset.pointer !== undefined && el.dataset.kind) checkField(SCHEMA, el);
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = readBody(form);
    const { valid, errors } = validate(SCHEMA, body);
    placeIssues(form, errors);
    if (!valid) {
      summary.hidden = false;
      summary.replaceChildren(h('h3', {}, `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} to fix before sending`), issueTable(errors, form));
      summary.focus();
      return;
    }
    summary.hidden = true;
    submit.disabled = true;
    result.replaceChildren(h('p', { role: 'status' }, 'Sending…'));
    try {
      // Checked above: `value` is the body, typed as a Customer.
      const checked = validate(SCHEMA, body);
      if (!checked.valid) return;
      const created = await getClient().customers.create(checked.value);
      result.replaceChildren(createdCustomer(created));
      onCreated();
    } catch (e) {
      // Ours and the server's issues go next to the fields they name.
      if (e instanceof ElevateValidationError || e instanceof ElevateApiError) placeIssues(form, e.issues);
      result.replaceChildren(renderError(e, form));
    } finally {
      submit.disabled = false;
      result.focus();
    }
  });
}

function createdCustomer(c: Customer): HTMLElement {
  const site = c.sites?.[0];
  const title = `Customer ${c.id} “${c.customerName}” created` + (site ? `, with site ${site.id} “${site.siteName}”` : '');
  return renderRecord(title, c);
}
