//! Customer and Sites API 1.41 (`/v1`): `Customer`, `Site`, `Address`, `ContactDetails`,
//! `SiteInvoiceDetails`, `AssignedCustomField` (api-facts §3).

use crate::schema::Pattern;
use crate::schema::*;

use super::{email, name, phone};

// ---- enums ----------------------------------------------------------------------------------

pub static CUSTOMER_TYPE: Choices =
    Choices { name: "CustomerType", values: &["RESIDENTIAL", "BUSINESS", "RESELLER", "STAFF_MEMBER"] };
pub static CONTACT_ROLE: Choices =
    Choices { name: "ContactRole", values: &["ACCOUNTS", "TECHNICAL", "SALES", "GENERAL"] };
pub static RECEIVE_INVOICE_BY: Choices =
    Choices { name: "ReceiveInvoiceBy", values: &["EMAIL", "POST", "EMAIL_AND_POST"] };
pub static RECEIVE_INVOICE_SUMMARY_BY: Choices =
    Choices { name: "ReceiveInvoiceSummaryBy", values: &["EMAIL", "POST", "EMAIL_AND_POST"] };

// ---- Customer (§3.2) -----------------------------------------------------------------------

/// Body of `POST /customers`: a customer with its first (primary) site.
pub static CUSTOMER: Schema = Schema {
    name: "Customer",
    doc: "A customer, created together with its sites (POST /customers). The first site is the primary one.",
    source: "api-facts §3.2",
    fields: &[
        field("id", int64().kind()).read_only().returned().doc("Customer identifier"),
        field("contractOwnerId", int32().kind()).required().doc("Contract owner of the customer"),
        field("contractOwnerSubBrandId", int32().kind())
            .doc("Sub-brand of the contract owner; the owner's default sub-brand when omitted"),
        field("customerType", one_of(&CUSTOMER_TYPE)).required().doc("Type of customer"),
        field("customerName", name(1, 100)).required().doc("Customer name"),
        field("customerAccountNumber", name(1, 100)).required().doc("Customer account number"),
        field("startDate", date()).required().doc("Customer start date"),
        field("endDate", date()).doc("Customer end date"),
        field("contractTerm", int32().kind()).doc("Contract term in months; needs contractTermStartDate"),
        field("contractTermStartDate", date()).doc("Start of the contract term; required with contractTerm"),
        field("customerIsVip", boolean()).default(Literal::Bool(false)).doc("Deprecated: use customerMarker"),
        field("customerMarker", boolean())
            .default(Literal::Bool(false))
            .doc("Marks the customer for special handling (VIP, vulnerable…)"),
        field("externalCommissionAgentId", int64().kind()).doc("External commission agent"),
        field("onlineBillingRequired", boolean()).default(Literal::Bool(false)).doc("Online billing required"),
        field("onlineEmailAddress", email()).doc("E-mail address for online billing"),
        field("sendWelcomeEmailOn", date()).doc("Date to send the welcome e-mail"),
        field("billingCycleId", int64().kind()).required().doc("Billing cycle"),
        field("sites", Kind::Array(&Array { items: object(&CUSTOMER_SITE), min_items: 1, max_items: Some(1000) }))
            .required()
            .doc("The customer's sites (1 to 1000); the first is the primary site"),
        field("creditThreshold", number(Some(0.0), Some(100_000_000_000_000_000.0))).doc("Credit threshold"),
        field("tripwireId", int64().kind()).doc("Tripwire plan"),
        field(
            "customerContacts",
            Kind::Array(&Array { items: object(&CONTACT_DETAILS), min_items: 0, max_items: None }),
        )
        .doc("Customer-level contacts"),
    ],
    rules: &[Rule::RequiredIf { field: "contractTermStartDate", when: Condition::Present("contractTerm") }],
};

// ---- Site (§3.3) ---------------------------------------------------------------------------

/// The fields of a site; `customer_id` differs between `POST /sites` and a site inside
/// `POST /customers` (decisions R9).
const fn site_fields(customer_id: Field) -> [Field; 15] {
    [
        field("id", int64().kind()).read_only().returned().doc("Site identifier"),
        customer_id,
        field("siteName", name(1, 100)).required().doc("Site name"),
        field("siteReference", name(1, 100)).required().doc("Site reference"),
        field("startDate", date()).required().doc("Site start date"),
        field("endDate", date()).doc("Site end date"),
        field("createdDate", date_time()).read_only().returned().doc("Site created date"),
        field("updatedDate", date_time()).read_only().returned().doc("Site updated date"),
        field("siteAddress", object(&ADDRESS)).required().doc("Address of the site"),
        field("siteInvoiceDetails", object(&SITE_INVOICE_DETAILS))
            .doc("Invoice details if this site receives invoices"),
        field("siteIdReceivingInvoice", int64().kind())
            .doc("Another site that receives the invoices when this one has no invoice details"),
        field("siteContacts", Kind::Array(&SITE_CONTACTS)).required().doc("Contacts of the site (at least one)"),
        field("repaymentPlanAmount", number(Some(1.0), Some(100_000.0)))
            .doc("Repayment plan amount per period, in major currency units"),
        field("repaymentPlanRemainingPeriods", int64().min(0).max(240).kind())
            .doc("Repayment plan remaining periods (typically months)"),
        field("assignedCustomFields", Kind::Array(&ASSIGNED_CUSTOM_FIELDS)).doc("Custom field values of the site"),
    ]
}

static SITE_CONTACTS: Array = Array { items: object(&CONTACT_DETAILS), min_items: 1, max_items: None };
static ASSIGNED_CUSTOM_FIELDS: Array = Array { items: object(&ASSIGNED_CUSTOM_FIELD), min_items: 0, max_items: None };

const SITE_RULES: &[Rule] = &[Rule::AtMostOneFlag { array: "siteContacts", flag: "contactNameToAppearOnInvoice" }];

/// Body of `POST /sites`: a new site of an existing customer.
pub static SITE: Schema = Schema {
    name: "Site",
    doc: "A physical location of a customer (POST /sites).",
    source: "api-facts §3.3",
    fields: &site_fields(field("customerId", int64().min(1).kind()).required().doc("Customer the site belongs to")),
    rules: SITE_RULES,
};

/// A site inside `POST /customers`: the customer does not exist yet, so `customerId` is 0.
pub static CUSTOMER_SITE: Schema = Schema {
    name: "Site",
    doc: "A site created together with its customer (an item of Customer.sites).",
    source: "api-facts §3.3; decisions R9",
    fields: &site_fields(
        field("customerId", int64().only(&[0]).kind())
            .required()
            .doc("Set to 0: the customer is created in the same request"),
    ),
    rules: SITE_RULES,
};

// ---- Address (§3.4) ------------------------------------------------------------------------

/// A postal address (site, invoice and installation addresses).
pub static ADDRESS: Schema = Schema {
    name: "Address",
    doc: "A postal address.",
    source: "api-facts §3.4",
    fields: &[
        field("id", int64().kind()).read_only().doc("Internal identifier of the address"),
        field("businessName", name(0, 100)).doc("Business name"),
        field("address1", name(1, 100)).required().doc("Address line 1").label("Address line 1"),
        field("address2", name(0, 100)).doc("Address line 2").label("Address line 2"),
        field("address3", name(0, 100)).doc("Address line 3").label("Address line 3"),
        field("town", name(1, 50)).required().doc("Town"),
        field("county", name(0, 30)).doc("County"),
        // decisions R6: min 0 as documented, but the pattern needs at least one character.
        field("postcode", string(0, 20).pattern(Pattern::Postcode).kind()).required().doc("Postcode"),
        field("country", string(2, 2).pattern(Pattern::Country).format(TextFormat::CountryCode).kind())
            .required()
            .doc("ISO 3166-1 alpha-2 country code, e.g. GB"),
    ],
    rules: &[],
};

// ---- ContactDetails (§3.6) -----------------------------------------------------------------

/// A contact of a site or customer.
pub static CONTACT_DETAILS: Schema = Schema {
    name: "ContactDetails",
    doc: "A contact person of a site or customer.",
    source: "api-facts §3.6",
    fields: &[
        field("id", int64().kind()).read_only().doc("Contact identifier"),
        field("contactName", name(1, 100)).required().doc("Contact name"),
        // decisions R6: 4..100 and `^$|…` both apply, so "" fails minLength.
        field("contactTelephoneNumber", phone(4, 100)).doc("Telephone number, without '+' (the server rejects it)"),
        field("contactAlternativeTelephoneNumber", phone(4, 100))
            .doc("Alternative telephone number, without '+'")
            .label("Alternative telephone number"),
        field("contactEmailAddress", email()).doc("E-mail address"),
        field("contactRole", one_of(&CONTACT_ROLE)).required().doc("Role of the contact"),
        field("receiveInvoiceBy", one_of(&RECEIVE_INVOICE_BY))
            .doc("How invoices reach the contact; required when contactNameToAppearOnInvoice is true"),
        field("receiveInvoiceSummaryBy", one_of(&RECEIVE_INVOICE_SUMMARY_BY))
            .doc("How invoice summaries reach the contact"),
        field("receiveElectronicSummaryReports", boolean())
            .doc("Receives electronic summary reports")
            .label("Electronic summary reports"),
        field("emailSuspended", boolean()).default(Literal::Bool(false)).doc("The contact cannot receive e-mail"),
        field("contactNameToAppearOnInvoice", boolean())
            .default(Literal::Bool(false))
            .doc("This contact's name appears on the invoice; at most one contact per site")
            .label("Name on invoice"),
        field("receiveEmailFraudAlert", boolean()).default(Literal::Bool(false)).doc("Fraud alerts by e-mail"),
        field("receiveSmsFraudAlert", boolean()).default(Literal::Bool(false)).doc("Fraud alerts by SMS"),
    ],
    rules: &[Rule::RequiredIf {
        field: "receiveInvoiceBy",
        when: Condition::Equals("contactNameToAppearOnInvoice", Literal::Bool(true)),
    }],
};

// ---- SiteInvoiceDetails (§3.5; partly captured) --------------------------------------------

/// An item of `SiteInvoiceDetails.invoiceSummaryTemplateComponents` (known from samples only).
pub static INVOICE_SUMMARY_TEMPLATE_COMPONENT: Schema = Schema {
    name: "InvoiceSummaryTemplateComponent",
    doc: "A component of the invoice summary template and its position (from documentation samples).",
    source: "api-facts §3.5 (sample)",
    fields: &[
        field("id", int64().kind()).doc("Component identifier"),
        field("positionInTemplate", int32().kind()).doc("Position of the component in the template"),
    ],
    rules: &[],
};

/// How and where a site is invoiced. The docs capture field names and a few rules only; for
/// the rest, only the JSON type is checked (nothing more is documented).
pub static SITE_INVOICE_DETAILS: Schema = Schema {
    name: "SiteInvoiceDetails",
    doc: "Invoice details of a site that receives invoices.",
    source: "api-facts §3.5",
    fields: &[
        field("invoiceSummaryTemplateId", int64().kind()).doc("Invoice summary template; only settable on creation"),
        field("invoiceTemplateId", int64().kind()).required().doc("Invoice template; only settable on creation"),
        field(
            "electronicSummaryTemplateIds",
            Kind::Array(&Array { items: Kind::Integer(int64()), min_items: 0, max_items: None }),
        )
        .doc("Electronic summary templates"),
        field(
            "invoiceSummaryTemplateComponents",
            Kind::Array(&Array { items: object(&INVOICE_SUMMARY_TEMPLATE_COMPONENT), min_items: 0, max_items: None }),
        )
        .doc("Components of the invoice summary template")
        .label("Summary template components"),
        field("invoiceAddress", object(&ADDRESS)).doc("Address invoices are sent to"),
        field("accountPackageReference", any_string().kind()).doc("Account package reference"),
        field("paymentTermsInDays", int32().kind())
            .doc("Days until payment is due; this or preferredPaymentDay is required"),
        field("preferredPaymentDay", int32().kind())
            .doc("Day of the month payment is due (and collected); this or paymentTermsInDays is required"),
        field("paymentMethod", any_string().kind())
            .doc("Payment method (enum not captured in the docs; sample CHEQUE)"),
        field("mandateStatus", any_string().kind()).read_only().doc("Direct debit mandate status"),
        field("mandateCreatedDate", date_time()).read_only().doc("Mandate created date"),
        field("mandateUpdatedDate", date_time()).read_only().doc("Mandate updated date"),
        field("mandateReference", any_string().kind()).doc("Direct debit mandate reference"),
        field("thirdPartyCustomerReference", any_string().kind()).doc("Third-party customer reference"),
        field("directDebitReference", any_string().kind()).doc("Direct debit reference"),
        field("accountName", any_string().kind()).doc("Bank account name"),
        field("accountNumber", any_string().kind()).doc("Bank account number"),
        field("sortCode", any_string().kind()).doc("Bank sort code"),
        field("purchaseOrderNumber", any_string().kind()).doc("Purchase order number"),
        field("invoiceNotes", any_string().kind()).doc("Notes printed on invoices"),
        field("taxExempt", boolean()).doc("The site is exempt from tax"),
        field("taxRegistrationNumber", any_string().kind()).doc("Tax registration number"),
    ],
    rules: &[Rule::AnyOf { fields: &["paymentTermsInDays", "preferredPaymentDay"] }],
};

// ---- AssignedCustomField (§3.7; example only) ----------------------------------------------

/// A custom field value on a site. The docs give only an example, so only types are checked.
pub static ASSIGNED_CUSTOM_FIELD: Schema = Schema {
    name: "AssignedCustomField",
    doc: "A custom field value assigned to a site (see custom field definitions).",
    source: "api-facts §3.7 (example only)",
    fields: &[
        field("customFieldDefinitionId", int64().kind()).doc("Custom field definition (Admin API)"),
        field("label", any_string().kind()).doc("Label of the custom field"),
        field("value", any_string().kind()).doc("Value of the custom field"),
    ],
    rules: &[],
};
