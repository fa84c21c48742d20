#!/usr/bin/env node
// The integration guide's flow (seed:000, api-facts §1.3) with the typed client:
//   1. POST  /customers                     a customer with its first site
//   2. POST  /sites                         a second site
//   3. POST  /usage-product-inventories     a usage inventory with two product references
//   4. POST  /rental-product-inventories    a rental inventory
//   5. PATCH /usage-product-inventories/id  add a third reference (JSON Patch `add`)
//   6. PATCH /usage-product-references/id   update one reference (JSON Patch `add`, which also replaces)
//   7. POST  /usage-rate-card-assignments and /rental-rate-card-assignments
//
// Against a real server:  ELEVATE_BASE_URL=https://rest.elevatebilling.com ELEVATE_TOKEN=… node examples/onboard-customer.mjs
// Without them it starts the package's mock (elevate-billing/mock) and runs against it.
// Every body and query is validated before it is sent (ELEVATE_VALIDATE=false turns that off).
// Run `npm run build` first: this imports the built package from pkg/.

import { ElevateClient, ElevateValidationError, inList } from '../pkg/node.mjs';

const env = process.env;
let mock;
let baseUrl = env.ELEVATE_BASE_URL;
let token = env.ELEVATE_TOKEN;
if (!baseUrl || !token) {
  const { startMock } = await import('../pkg/mock/index.mjs');
  token = 'demo-token';
  mock = await startMock({ token });
  baseUrl = mock.url;
  console.log(`No ELEVATE_BASE_URL/ELEVATE_TOKEN: using the mock server at ${baseUrl}`);
}

const validate = env.ELEVATE_VALIDATE !== 'false';
const client = new ElevateClient({ baseUrl, token, validate });
const today = new Date().toISOString().slice(0, 10);

const contact = { contactName: 'Ann Lee', contactRole: 'ACCOUNTS', contactTelephoneNumber: '020 7946 0001', contactNameToAppearOnInvoice: true, receiveInvoiceBy: 'EMAIL', contactEmailAddress: 'ann@example.co.uk' };
const site = (name, reference) => ({
  siteName: name,
  siteReference: reference,
  startDate: today,
  siteAddress: { address1: '1 High Street', town: 'London', postcode: 'SW1A 1AA', country: 'GB' },
  siteContacts: [contact],
});

try {
  const customer = await client.customers.create({
      contractOwnerId: 1,
      customerType: 'BUSINESS',
      customerName: 'Gamma Telecom Ltd',
      customerAccountNumber: `GAMMA-${Date.now() % 100000}`,
      startDate: today,
      billingCycleId: 1,
      sites: [{ customerId: 0, ...site('Gamma HQ', 'G-HQ') }],
    });
  console.log(`1. created customer ${customer.id} "${customer.customerName}" with its primary site`);

  const sites = await client.sites.list({ page: 1, pageSize: 10, customerId: customer.id });
  const hq = sites[0];
  const depot = await client.sites.create({ customerId: customer.id, ...site('Gamma Depot', 'G-DEPOT') });
  console.log(`2. added site ${depot.id} "${depot.siteName}" (primary site is ${hq.id})`);

  const upi = await client.usageProductInventories.create({
      siteId: hq.id,
      usageProductId: 1,
      startDate: today,
      productReferences: [{ productReference: '02079460001', primary: true }, { productReference: '02079460002' }],
    });
  console.log(`3. created usage inventory ${upi.id} with references ${upi.productReferences.map((r) => r.productReference).join(', ')}`);

  const rpi = await client.rentalProductInventories.create(
      {
        siteId: hq.id,
        rentalProductId: 1,
        invoicePresentationProductName: 'Broadband line',
        supplierAccountId: 1,
        startDate: today,
        invoiceFrequency: 1,
        quantity: 1,
      },
      { disableAddingLinkedRentals: true },
    );
  console.log(`4. created rental inventory ${rpi.id} "${rpi.invoicePresentationProductName}"`);

  const added = await client.usageProductInventories.update(upi.id, [{ op: 'add', path: '/productReferences/-', value: { productReference: '02079460003' } }]);
  console.log(`5. added reference 02079460003 (the inventory now has ${added.productReferences.length} references)`);

  const second = added.productReferences.find((r) => r.productReference === '02079460002');
  const updated = await client.usageProductReferences.update(second.id, [{ op: 'add', path: '/label', value: 'Reception' }]);
  console.log(`6. updated reference ${second.id}: label "${updated.label}"`);

  const usage = await client.usageRateCardAssignments.create({ assignmentLevel: 'CUSTOMER', customerId: customer.id, usageRateCardId: 1, startDate: today, assignmentType: 'INVOICE' });
  const rental = await client.rentalRateCardAssignments.create({ assignmentLevel: 'CUSTOMER', customerId: customer.id, rentalRateCardId: 1, startDate: today });
  console.log(`7. assigned usage rate card 1 (assignment ${usage.id}) and rental rate card 1 (assignment ${rental.id})`);

  const count = await client.sites.exists({ customerId: customer.id, siteName: inList(['Gamma HQ', 'Gamma Depot']) });
  console.log(`Done: customer ${customer.id} has ${count.total} sites, ready to bill.`);
} catch (e) {
  if (e instanceof ElevateValidationError) {
    console.error(`Not sent: ${e.message}`);
    for (const issue of e.issues) console.error(`  ${issue.path}: ${issue.message}`);
  } else {
    console.error(`Failed: ${e.name}: ${e.message}`);
  }
  process.exitCode = 1;
} finally {
  await mock?.close();
}
