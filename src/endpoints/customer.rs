//! Endpoints of the Customer and Sites API (api-facts §3.1).

use super::FilterKind::{Boolean, Date, DateTime, Id, String as Str};
use super::{create, exists, f, get, list, update, Api, Resource, CASCADE_END_DATE};
use crate::model::customer::{CUSTOMER, SITE};

pub(super) static RESOURCES: &[Resource] = &[
    Resource {
        name: "customers",
        schema: &CUSTOMER,
        api: Api::CustomerAndSites,
        endpoints: &[
            list(
                "/customers",
                &[
                    f("contractOwnerId", Id),
                    f("customerName", Str),
                    f("customerType", Str),
                    f("customerAccountNumber", Str),
                    f("billingCycleId", Id),
                    f("startDate", Date),
                    f("endDate", Date),
                    f("createdDate", DateTime),
                    f("updatedDate", DateTime),
                ],
                "G:billing-rest-customer/customers/getcustomers",
            ),
            create("/customers", &CUSTOMER, "R:billing-rest-customer/operation/createCustomer"),
            update("/customers/{customer_id}", "G:billing-rest-customer/customers/updatecustomer (path inferred)"),
        ],
    },
    Resource {
        name: "sites",
        schema: &SITE,
        api: Api::CustomerAndSites,
        endpoints: &[
            list(
                "/sites",
                &[
                    f("customerId", Id),
                    f("siteName", Str),
                    f("siteReference", Str),
                    f("createdDate", DateTime),
                    f("updatedDate", DateTime),
                    f("mandateStatus", Str),
                    f("mandateCreatedDate", Date),
                    f("mandateUpdatedDate", Date),
                    f("mandateReference", Str),
                ],
                "seed:002",
            ),
            exists(
                "/sites",
                &[
                    f("customerId", Id),
                    f("invoiceTemplateId", Id),
                    f("billingCycleId", Id),
                    f("siteName", Str),
                    f("siteReference", Str),
                    // Typed StringFilterParam, documented as "true or false" (api-facts §1.5).
                    f("activeSites", Boolean),
                    f("contractOwnerSubBrandId", Id),
                    f("adhocBillRunId", Id),
                ],
                "seed:002",
            ),
            create("/sites", &SITE, "seed:002"),
            get("/sites/{site_id}", "seed:002"),
            update("/sites/{site_id}", "seed:002").with_headers(&[CASCADE_END_DATE]),
        ],
    },
];
