// The records a mock starts with when no seed is given: customers with their sites, enough
// rental product categories to page through (23), and one of each product and rate card.
// Every record is a valid body of its resource's schema plus its id, as if created through
// the API (a customer's sites are also records of `sites`, with the customer's id).

const pad = (n) => String(n).padStart(2, '0');
const address = (town) => ({ address1: '1 High Street', town, postcode: 'SW1A 1AA', country: 'GB' });
const contact = { contactName: 'Jane Doe', contactRole: 'ACCOUNTS', contactTelephoneNumber: '020 7946 0000' };
const site = (id, siteName, town) => ({
  id,
  customerId: 0,
  siteName,
  siteReference: `S-${id}`,
  startDate: '2024-01-01',
  siteAddress: address(town),
  siteContacts: [{ ...contact }],
});
const customer = (id, customerName, customerAccountNumber, customerType, startDate, contractOwnerId, sites) => ({
  id,
  contractOwnerId,
  customerType,
  customerName,
  customerAccountNumber,
  startDate,
  billingCycleId: contractOwnerId,
  sites,
});

/** A fresh copy of the default records, by resource name (the client's property names). */
export function defaultSeed() {
  return {
    customers: [
      customer(1, 'Acme Ltd', 'ACME-1', 'BUSINESS', '2024-01-01', 1, [site(1, 'Head Office', 'London'), site(2, 'Depot', 'Leeds'), site(3, 'Shop 1', 'York')]),
      customer(2, 'Acme Holdings', 'ACME-2', 'BUSINESS', '2024-02-01', 1, [site(4, 'Head Office', 'Bristol'), site(5, 'Warehouse', 'Bath')]),
      customer(3, 'Beta Household', 'BETA-1', 'RESIDENTIAL', '2024-03-01', 2, [site(6, 'Home', 'Hull')]),
    ],
    rentalProductCategories: Array.from({ length: 23 }, (_, i) => ({
      id: i + 1,
      name: `Category ${pad(i + 1)}`,
      startDate: `2024-01-${pad((i % 28) + 1)}`,
      contractOwnerIds: [1],
    })),
    usageProducts: [
      { id: 1, name: 'Voice minutes', usageProductCategoryId: 1, direction: 'OUTBOUND', availableFrom: '2024-01-01', productReferenceFormat: '[0-9]{3,11}' },
    ],
    rentalProducts: [
      { id: 1, rentalProductCategoryId: 1, productType: 'PRODUCT', name: 'Broadband line', invoicePresentationName: 'Broadband', supplierId: 1, taxBandId: 1, availableFrom: '2024-01-01' },
    ],
    usageRateCards: [
      { id: 1, contractOwnerIds: [1], name: 'Standard voice', rateCardType: 'SELL', availableFrom: '2024-01-01', usageProductId: 1, decimalPlaces: 4, priceRoundingStyle: 'MATHEMATICAL', defaultMinCharge: 0 },
    ],
    rentalRateCards: [{ id: 1, contractOwnerIds: [1], name: 'Standard rental', rentalProductCategoryId: 1, rentalRateCardType: 'SELL', availableFrom: '2024-01-01' }],
  };
}
