// The inputs every contender gets, built once per process: a valid Site, a Site with one and
// with three defects, Customers with n sites (valid, or with one defect in the middle site),
// and NDJSON of Site records (half invalid).

export function site(i = 0) {
  return {
    customerId: 12 + i,
    siteName: `Head Office ${i}`,
    siteReference: `HO-${i}`,
    startDate: '2024-02-29',
    siteAddress: { address1: `${i + 1} High Street`, town: 'London', postcode: 'SW1A 1AA', country: 'GB' },
    siteContacts: [
      {
        contactName: "Jane O'Neil",
        contactRole: 'ACCOUNTS',
        contactTelephoneNumber: '020 7946 0000',
        contactEmailAddress: 'jane.oneil@example.co.uk',
        contactNameToAppearOnInvoice: true,
        receiveInvoiceBy: 'EMAIL',
      },
    ],
  };
}

/** One defect: a character the server's name pattern rejects. */
export function siteWithOneDefect() {
  const s = site();
  s.siteName = 'Head <Office>';
  return s;
}

/** Three defects: a bad character, an impossible date, an unassigned country code. */
export function invalidSite() {
  const s = site();
  s.siteName = 'Head <Office>';
  s.startDate = '2023-02-29';
  s.siteAddress.country = 'UK';
  return s;
}

export function customer(sites = 10) {
  return {
    contractOwnerId: 1,
    customerType: 'BUSINESS',
    customerName: 'Acme Telecom Ltd',
    customerAccountNumber: 'ACME-0001',
    startDate: '2024-01-01',
    billingCycleId: 3,
    onlineEmailAddress: 'billing@acme.example.com',
    sites: Array.from({ length: sites }, (_, i) => ({ ...site(i), customerId: 0 })),
  };
}

/** A Customer with `sites` sites, one of which (the middle one) has a postcode with '#'. */
export function customerWithOneDefect(sites) {
  const c = customer(sites);
  c.sites[sites >> 1].siteAddress.postcode = 'SW1A #1AA';
  return c;
}

/** `n` NDJSON lines of Site records; every other one has a defect. */
export function ndjson(n) {
  const lines = new Array(n);
  for (let i = 0; i < n; i++) {
    const s = site(i);
    if (i % 2 === 1) s.siteAddress.postcode = `P${i}#`;
    lines[i] = JSON.stringify(s);
  }
  return lines.join('\n');
}
