// zod 4 schemas for the benchmark: Site and Customer written by hand the way a team using
// zod today would, with the same rules as the package (decisions R1–R9) as far as zod
// expresses them. Only for the benchmark; the package never reads these.

import { z } from 'zod';

// Java's \s is [ \t\n\x0B\f\r] (decisions R2).
const S = '\\t\\n\\v\\f\\r ';
const NAME = new RegExp(`^[A-Za-z0-9_\\p{L}${S}%£@&#=':;\`’,|!—–()\\\\/\\-+.?*]+$`, 'u');
const POSTCODE = new RegExp(`^[a-zA-Z0-9\\p{L}@.\\-+_${S}]+$`, 'u');
const PHONE = new RegExp(`^(?:|[a-zA-Z0-9\\p{L}${S}()@&.,-_£|]{4,100})$`, 'u');
const EMAIL =
  /^(?:[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*|"(?:[\x01-\x08\x0b\x0c\x0e-\x1f\x21\x23-\x5b\x5d-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])*")@(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?|\[(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?|[a-zA-Z0-9-]*[a-zA-Z0-9]:(?:[\x01-\x08\x0b\x0c\x0e-\x1f\x21-\x5a\x53-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])+)\])$/;

const name = (min, max) => z.string().min(min).max(max).regex(NAME);
const int64 = () => z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const int32 = () => z.number().int().min(-2147483648).max(2147483647);
const date = () => z.iso.date();
const opt = (t) => t.nullish();

/** @param {string[]} countries the ISO 3166-1 alpha-2 codes */
export function schemas(countries) {
  const Address = z.object({
    businessName: opt(name(0, 100)),
    address1: name(1, 100),
    address2: opt(name(0, 100)),
    address3: opt(name(0, 100)),
    town: name(1, 50),
    county: opt(name(0, 30)),
    postcode: z.string().max(20).regex(POSTCODE),
    country: z.enum(countries),
  });
  const Contact = z
    .object({
      contactName: name(1, 100),
      contactTelephoneNumber: opt(z.string().min(4).max(100).regex(PHONE)),
      contactAlternativeTelephoneNumber: opt(z.string().min(4).max(100).regex(PHONE)),
      contactEmailAddress: opt(z.string().max(255).regex(EMAIL)),
      contactRole: z.enum(['ACCOUNTS', 'TECHNICAL', 'SALES', 'GENERAL']),
      receiveInvoiceBy: opt(z.enum(['EMAIL', 'POST', 'EMAIL_AND_POST'])),
      receiveInvoiceSummaryBy: opt(z.enum(['EMAIL', 'POST', 'EMAIL_AND_POST'])),
      receiveElectronicSummaryReports: opt(z.boolean()),
      emailSuspended: opt(z.boolean()),
      contactNameToAppearOnInvoice: opt(z.boolean()),
      receiveEmailFraudAlert: opt(z.boolean()),
      receiveSmsFraudAlert: opt(z.boolean()),
    })
    .refine((c) => c.contactNameToAppearOnInvoice !== true || c.receiveInvoiceBy != null, {
      path: ['receiveInvoiceBy'],
      message: 'receiveInvoiceBy is required on the invoice contact',
    });
  const site = (customerId) =>
    z
      .object({
        customerId,
        siteName: name(1, 100),
        siteReference: name(1, 100),
        startDate: date(),
        endDate: opt(date()),
        siteAddress: Address,
        siteIdReceivingInvoice: opt(int64()),
        siteContacts: z.array(Contact).min(1),
        repaymentPlanAmount: opt(z.number().min(1).max(100000)),
        repaymentPlanRemainingPeriods: opt(int64().min(0).max(240)),
      })
      .refine((s) => s.siteContacts.filter((c) => c.contactNameToAppearOnInvoice === true).length <= 1, {
        path: ['siteContacts'],
        message: 'at most one invoice contact',
      });
  const Site = site(int64().min(1));
  const Customer = z
    .object({
      contractOwnerId: int32(),
      contractOwnerSubBrandId: opt(int32()),
      customerType: z.enum(['RESIDENTIAL', 'BUSINESS', 'RESELLER', 'STAFF_MEMBER']),
      customerName: name(1, 100),
      customerAccountNumber: name(1, 100),
      startDate: date(),
      endDate: opt(date()),
      contractTerm: opt(int32()),
      contractTermStartDate: opt(date()),
      onlineEmailAddress: opt(z.string().max(255).regex(EMAIL)),
      billingCycleId: int64(),
      sites: z.array(site(z.literal(0))).min(1).max(1000),
      creditThreshold: opt(z.number().min(0).max(1e17)),
    })
    .refine((c) => c.contractTerm == null || c.contractTermStartDate != null, { path: ['contractTermStartDate'] });
  return { Site, Customer };
}
