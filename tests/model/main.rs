//! Model tests: every field of every schema at its boundaries, and every cross-field rule.
//! One module per API area, mirroring `src/model/`, plus the validators that are not request
//! bodies: JSON Patch, query strings and product-defined formats.

mod support;

mod admin;
mod assignment;
mod customer;
mod customer_contact;
mod customer_invoice;
mod export;
mod inclusive;
mod inventory;
mod patch;
mod patch_values;
mod pricing;
mod product;
mod query;
mod reference;
mod semantics;
