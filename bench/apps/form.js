// The form page of every bench app: builds a Site from the inputs, validates it on submit and
// shows the issues. It also validates once as soon as it runs and records when that result was
// ready (`performance.now()`, from navigation start) for bench/browser.mjs.
import { check } from './validator.js';

const form = document.getElementById('site');
const list = document.getElementById('issues');

function siteFromForm() {
  const f = new FormData(form);
  const text = (name) => {
    const v = String(f.get(name) ?? '');
    return v === '' ? undefined : v;
  };
  const id = text('customerId');
  return {
    customerId: id === undefined ? undefined : Number(id),
    siteName: text('siteName'),
    siteReference: text('siteReference'),
    startDate: text('startDate'),
    siteAddress: { address1: text('address1'), town: text('town'), postcode: text('postcode'), country: text('country') },
    siteContacts: [
      {
        contactName: text('contactName'),
        contactRole: text('contactRole'),
        contactTelephoneNumber: text('contactTelephoneNumber'),
        contactEmailAddress: text('contactEmailAddress'),
      },
    ],
  };
}

function show(result) {
  list.replaceChildren(
    ...result.issues.map((i) => {
      const li = document.createElement('li');
      li.textContent = `${i.path}: ${i.message}`;
      return li;
    }),
  );
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const result = check(siteFromForm());
  show(result);
  if (result.valid) list.textContent = 'Saved.';
});

const first = check(siteFromForm());
globalThis.__firstValidate = { ms: performance.now(), valid: first.valid, issues: first.issues.length };
show(first);
