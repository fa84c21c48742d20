//! Model tests: every field of every schema at its boundaries, and every cross-field rule.
//! One module per API area, mirroring `src/model/`.

mod support;

mod admin;
mod assignment;
mod customer;
mod inclusive;
mod inventory;
mod pricing;
mod product;
mod semantics;
