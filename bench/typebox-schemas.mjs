// TypeBox (@sinclair/typebox 0.34) schemas for the benchmark, compiled with its TypeCompiler:
// Site and Customer written by hand the way a team using TypeBox would, with the same rules as
// bench/zod-schemas.mjs as far as TypeBox expresses them. Only for the benchmark; the package
// never reads these.
//
// What TypeBox cannot say, and how it is said here instead:
// - `pattern` compiles without the `u` flag, so `\p{L}` is unusable there: the patterned
//   fields are `Type.RegExp(/…/u, { minLength, maxLength })`, which keeps the flags;
// - a real calendar date: the `date` format, registered with FormatRegistry (TypeBox ships no
//   formats);
// - the cross-field rules are left out: TypeBox has no refinements, its compiled `contains`
//   always demands at least one match (so "at most one invoice contact" cannot be written), and
//   "receiveInvoiceBy on the invoice contact" / "contractTermStartDate with contractTerm" would
//   need each object written twice as a union. None of the benchmark's inputs depend on them.
// `Check` answers true or false and stops at the first failure; `Errors` would list them.

import { FormatRegistry, Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';

// Java's \s is [ \t\n\x0B\f\r] (decisions R2). The same expressions as zod-schemas.mjs.
const S = '\\t\\n\\v\\f\\r ';
const NAME = new RegExp(`^[A-Za-z0-9_\\p{L}${S}%£@&#=':;\`’,|!—–()\\\\/\\-+.?*]+$`, 'u');
const POSTCODE = new RegExp(`^[a-zA-Z0-9\\p{L}@.\\-+_${S}]+$`, 'u');
const PHONE = new RegExp(`^(?:|[a-zA-Z0-9\\p{L}${S}()@&.,-_£|]{4,100})$`, 'u');
const EMAIL =
  /^(?:[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*|"(?:[\x01-\x08\x0b\x0c\x0e-\x1f\x21\x23-\x5b\x5d-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])*")@(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?|\[(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?|[a-zA-Z0-9-]*[a-zA-Z0-9]:(?:[\x01-\x08\x0b\x0c\x0e-\x1f\x21-\x5a\x53-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])+)\])$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

FormatRegistry.Set('date', (s) => {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days;
});

const name = (minLength, maxLength) => Type.RegExp(NAME, { minLength, maxLength });
const int64 = (minimum = -Number.MAX_SAFE_INTEGER, maximum = Number.MAX_SAFE_INTEGER) => Type.Integer({ minimum, maximum });
const int32 = () => Type.Integer({ minimum: -2147483648, maximum: 2147483647 });
const date = () => Type.String({ format: 'date' });
const opt = (t) => Type.Optional(Type.Union([t, Type.Null()]));
const oneOf = (values) => Type.Union(values.map((x) => Type.Literal(x)));
const DELIVERY = ['EMAIL', 'POST', 'EMAIL_AND_POST'];

/** @param {string[]} countries the ISO 3166-1 alpha-2 codes */
export function schemas(countries) {
  const Address = Type.Object({
    businessName: opt(name(0, 100)),
    address1: name(1, 100),
    address2: opt(name(0, 100)),
    address3: opt(name(0, 100)),
    town: name(1, 50),
    county: opt(name(0, 30)),
    postcode: Type.RegExp(POSTCODE, { maxLength: 20 }),
    country: oneOf(countries),
  });
  const Contact = Type.Object({
    contactName: name(1, 100),
    contactTelephoneNumber: opt(Type.RegExp(PHONE, { minLength: 4, maxLength: 100 })),
    contactAlternativeTelephoneNumber: opt(Type.RegExp(PHONE, { minLength: 4, maxLength: 100 })),
    contactEmailAddress: opt(Type.RegExp(EMAIL, { maxLength: 255 })),
    contactRole: oneOf(['ACCOUNTS', 'TECHNICAL', 'SALES', 'GENERAL']),
    receiveInvoiceBy: opt(oneOf(DELIVERY)),
    receiveInvoiceSummaryBy: opt(oneOf(DELIVERY)),
    receiveElectronicSummaryReports: opt(Type.Boolean()),
    emailSuspended: opt(Type.Boolean()),
    contactNameToAppearOnInvoice: opt(Type.Boolean()),
    receiveEmailFraudAlert: opt(Type.Boolean()),
    receiveSmsFraudAlert: opt(Type.Boolean()),
  });
  const site = (customerId) =>
    Type.Object({
      customerId,
      siteName: name(1, 100),
      siteReference: name(1, 100),
      startDate: date(),
      endDate: opt(date()),
      siteAddress: Address,
      siteIdReceivingInvoice: opt(int64()),
      siteContacts: Type.Array(Contact, { minItems: 1 }),
      repaymentPlanAmount: opt(Type.Number({ minimum: 1, maximum: 100000 })),
      repaymentPlanRemainingPeriods: opt(int64(0, 240)),
    });
  const Site = site(int64(1));
  const Customer = Type.Object({
    contractOwnerId: int32(),
    contractOwnerSubBrandId: opt(int32()),
    customerType: oneOf(['RESIDENTIAL', 'BUSINESS', 'RESELLER', 'STAFF_MEMBER']),
    customerName: name(1, 100),
    customerAccountNumber: name(1, 100),
    startDate: date(),
    endDate: opt(date()),
    contractTerm: opt(int32()),
    contractTermStartDate: opt(date()),
    onlineEmailAddress: opt(Type.RegExp(EMAIL, { maxLength: 255 })),
    billingCycleId: int64(),
    sites: Type.Array(site(Type.Literal(0)), { minItems: 1, maxItems: 1000 }),
    creditThreshold: opt(Type.Number({ minimum: 0, maximum: 1e17 })),
  });
  return { Site: TypeCompiler.Compile(Site), Customer: TypeCompiler.Compile(Customer) };
}
