// valibot 1.x schemas for the benchmark: Site and Customer written by hand the way a team using
// valibot would, with the same rules as bench/zod-schemas.mjs (the package's rules, decisions
// R1–R9, as far as a hand-written schema goes). Only for the benchmark and the form apps of
// bench/apps; the package never reads these.
//
// What valibot cannot say as a plain schema, and how it is said here instead:
// - a real calendar date: `isoDate()` accepts 2023-02-29 (its regex checks ranges only), so a
//   `check` after it tests the calendar, as zod's `z.iso.date()` does;
// - the cross-field rules (the invoice contact needs `receiveInvoiceBy`, at most one invoice
//   contact per site, `contractTermStartDate` with `contractTerm`) are `check`s on the parent,
//   which valibot runs only once the object itself is valid (zod's `refine` likewise).
// Like zod's, the schema does not hold the rest of the model (siteInvoiceDetails, custom
// fields, read-only members): a team writes what its form sends.

import * as v from 'valibot';

// Java's \s is [ \t\n\x0B\f\r] (decisions R2). The same expressions as zod-schemas.mjs.
const S = '\\t\\n\\v\\f\\r ';
const NAME = new RegExp(`^[A-Za-z0-9_\\p{L}${S}%£@&#=':;\`’,|!—–()\\\\/\\-+.?*]+$`, 'u');
const POSTCODE = new RegExp(`^[a-zA-Z0-9\\p{L}@.\\-+_${S}]+$`, 'u');
const PHONE = new RegExp(`^(?:|[a-zA-Z0-9\\p{L}${S}()@&.,-_£|]{4,100})$`, 'u');
const EMAIL =
  /^(?:[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*|"(?:[\x01-\x08\x0b\x0c\x0e-\x1f\x21\x23-\x5b\x5d-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])*")@(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?|\[(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?|[a-zA-Z0-9-]*[a-zA-Z0-9]:(?:[\x01-\x08\x0b\x0c\x0e-\x1f\x21-\x5a\x53-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])+)\])$/;

/** @param {string} s YYYY-MM-DD (already checked by isoDate) */
function isCalendarDate(s) {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  const days = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d <= days;
}

const name = (min, max) => v.pipe(v.string(), v.minLength(min), v.maxLength(max), v.regex(NAME));
const int64 = (min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const int32 = () => v.pipe(v.number(), v.integer(), v.minValue(-2147483648), v.maxValue(2147483647));
const date = () => v.pipe(v.string(), v.isoDate(), v.check(isCalendarDate, 'not a calendar date'));
const opt = (s) => v.nullish(s);
const DELIVERY = ['EMAIL', 'POST', 'EMAIL_AND_POST'];

/** @param {string[]} countries the ISO 3166-1 alpha-2 codes */
export function schemas(countries) {
  const Address = v.object({
    businessName: opt(name(0, 100)),
    address1: name(1, 100),
    address2: opt(name(0, 100)),
    address3: opt(name(0, 100)),
    town: name(1, 50),
    county: opt(name(0, 30)),
    postcode: v.pipe(v.string(), v.maxLength(20), v.regex(POSTCODE)),
    country: v.picklist(countries),
  });
  const Contact = v.pipe(
    v.object({
      contactName: name(1, 100),
      contactTelephoneNumber: opt(v.pipe(v.string(), v.minLength(4), v.maxLength(100), v.regex(PHONE))),
      contactAlternativeTelephoneNumber: opt(v.pipe(v.string(), v.minLength(4), v.maxLength(100), v.regex(PHONE))),
      contactEmailAddress: opt(v.pipe(v.string(), v.maxLength(255), v.regex(EMAIL))),
      contactRole: v.picklist(['ACCOUNTS', 'TECHNICAL', 'SALES', 'GENERAL']),
      receiveInvoiceBy: opt(v.picklist(DELIVERY)),
      receiveInvoiceSummaryBy: opt(v.picklist(DELIVERY)),
      receiveElectronicSummaryReports: opt(v.boolean()),
      emailSuspended: opt(v.boolean()),
      contactNameToAppearOnInvoice: opt(v.boolean()),
      receiveEmailFraudAlert: opt(v.boolean()),
      receiveSmsFraudAlert: opt(v.boolean()),
    }),
    v.forward(
      v.check((c) => c.contactNameToAppearOnInvoice !== true || c.receiveInvoiceBy != null, 'receiveInvoiceBy is required on the invoice contact'),
      ['receiveInvoiceBy'],
    ),
  );
  const site = (customerId) =>
    v.pipe(
      v.object({
        customerId,
        siteName: name(1, 100),
        siteReference: name(1, 100),
        startDate: date(),
        endDate: opt(date()),
        siteAddress: Address,
        siteIdReceivingInvoice: opt(int64()),
        siteContacts: v.pipe(v.array(Contact), v.minLength(1)),
        repaymentPlanAmount: opt(v.pipe(v.number(), v.minValue(1), v.maxValue(100000))),
        repaymentPlanRemainingPeriods: opt(int64(0, 240)),
      }),
      v.forward(
        v.check((s) => s.siteContacts.filter((c) => c.contactNameToAppearOnInvoice === true).length <= 1, 'at most one invoice contact'),
        ['siteContacts'],
      ),
    );
  const Site = site(int64(1));
  const Customer = v.pipe(
    v.object({
      contractOwnerId: int32(),
      contractOwnerSubBrandId: opt(int32()),
      customerType: v.picklist(['RESIDENTIAL', 'BUSINESS', 'RESELLER', 'STAFF_MEMBER']),
      customerName: name(1, 100),
      customerAccountNumber: name(1, 100),
      startDate: date(),
      endDate: opt(date()),
      contractTerm: opt(int32()),
      contractTermStartDate: opt(date()),
      onlineEmailAddress: opt(v.pipe(v.string(), v.maxLength(255), v.regex(EMAIL))),
      billingCycleId: int64(),
      sites: v.pipe(v.array(site(v.literal(0))), v.minLength(1), v.maxLength(1000)),
      creditThreshold: opt(v.pipe(v.number(), v.minValue(0), v.maxValue(1e17))),
    }),
    v.forward(
      v.check((c) => c.contractTerm == null || c.contractTermStartDate != null, 'contractTermStartDate is required with contractTerm'),
      ['contractTermStartDate'],
    ),
  );
  return { Site, Customer };
}
