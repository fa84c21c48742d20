//! The paging parameters of every list endpoint (api-facts §1.4, decisions R11).
//!
//! Filters differ per endpoint and live in [`crate::endpoints`]; the query validator
//! ([`crate::validate::query`]) reads both.

use crate::schema::*;

/// `page`, `pageSize`, `sort` and `fields` of a list call (`GET` of a collection).
pub static LIST_QUERY: Schema = Schema {
    name: "ListQuery",
    doc: "Paging and shaping parameters of a list call; the endpoint's filters come on top.",
    source: "api-facts §1.4; decisions R11",
    fields: &[
        field("page", int32().min(1).kind()).required().doc("Page number, from 1 (PageParam)"),
        field("pageSize", int32().min(1).max(1000).kind())
            .required()
            .doc("Results per page, 1 to 1000 (ResultsPerPageParam)"),
        field("sort", any_string().kind())
            .doc("Comma-separated field names, ascending unless followed by :desc, e.g. siteName:desc,id (SortParam)"),
        field("fields", any_string().kind())
            .doc("Comma-separated field names to return, e.g. id,siteName (FieldsParam)"),
    ],
    rules: &[],
};

/// The largest `pageSize` the API accepts, read from [`LIST_QUERY`] (1000, api-facts §1.4).
/// (Quoted by the hand-written client typings, which a test holds to it.)
#[cfg(test)]
pub(crate) fn max_page_size() -> i64 {
    match LIST_QUERY.field("pageSize").map(|f| f.kind) {
        Some(crate::schema::Kind::Integer(i)) => i.maximum.unwrap_or(i64::from(i32::MAX)),
        _ => i64::from(i32::MAX),
    }
}
