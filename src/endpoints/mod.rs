//! Every documented endpoint of the Elevate API, as data (api-facts §3.1, §4.1, §5.1, §6.1,
//! §7.1, §8). One table, three readers: the client builds its resource objects from it, the
//! query validator takes each endpoint's filters from it, and the OpenAPI export describes it.
//!
//! Endpoints whose page exists but whose method or path the docs do not show are marked
//! `inferred` in their `source`; the client offers them, the docs are the judge.

use crate::schema::{Field, Schema};

/// The API an endpoint belongs to; it decides the base path (decisions R12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Api {
    /// Customers, sites and their contacts (`/v1`).
    CustomerAndSites,
    /// Usage and rental products, categories, custom fields (`/v2`).
    Products,
    /// Rate cards, rates, inclusive usage plans, discount plans (`/v2`).
    Pricing,
    /// Products held by customers and sites (`/v2`).
    ProductInventory,
    /// Rate cards and plans assigned to customers and sites (`/v1`).
    PricingAssignment,
    /// Custom field definitions (`/v1`).
    Admin,
}

impl Api {
    /// Every API, in the order of the integration guide's areas.
    pub const ALL: [Api; 6] =
        [Api::CustomerAndSites, Api::Products, Api::Pricing, Api::ProductInventory, Api::PricingAssignment, Api::Admin];

    /// The key of `baseUrls` in the client options (`ApiName` in TypeScript).
    pub fn key(self) -> &'static str {
        match self {
            Api::CustomerAndSites => "customer",
            Api::Products => "product",
            Api::Pricing => "pricing",
            Api::ProductInventory => "inventory",
            Api::PricingAssignment => "assignment",
            Api::Admin => "admin",
        }
    }

    /// Version path of the API's major version (decisions R12).
    pub fn base_path(self) -> &'static str {
        match self {
            Api::CustomerAndSites | Api::PricingAssignment | Api::Admin => "/v1",
            Api::Products | Api::Pricing | Api::ProductInventory => "/v2",
        }
    }

    /// The documentation's title and version.
    pub fn title(self) -> &'static str {
        match self {
            Api::CustomerAndSites => "Elevate Customer and Sites API 1.41",
            Api::Products => "Elevate Products API 2.13",
            Api::Pricing => "Elevate Pricing API 2.22",
            Api::ProductInventory => "Elevate Product Inventory API 2.24",
            Api::PricingAssignment => "Elevate Pricing Assignment API 1.15",
            Api::Admin => "Elevate Admin API 1.44",
        }
    }
}

/// The default host of every API (decisions R12).
pub const DEFAULT_HOST: &str = "https://rest.elevatebilling.com";

/// HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Reads a record or a page of records.
    Get,
    /// Asks whether matching records exist.
    Head,
    /// Creates a record.
    Post,
    /// Changes a record with JSON Patch.
    Patch,
    /// Deletes a record.
    Delete,
}

impl Method {
    /// The method as written on the wire (`"GET"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Head => "HEAD",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Safe to repeat: the client retries only these.
    pub fn is_idempotent_read(self) -> bool {
        matches!(self, Method::Get | Method::Head)
    }
}

/// What an endpoint does; also the name of the client method (`client.sites.list`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// GET a page of records (`page`, `pageSize`, `sort`, `fields`, filters).
    List,
    /// HEAD: do matching records exist? (`X-Total-Count`).
    Exists,
    /// GET one record by id.
    Get,
    /// POST a new record.
    Create,
    /// PATCH a record with JSON Patch.
    Update,
    /// DELETE a record.
    Delete,
}

impl Op {
    /// The client method's name (`"list"`), in Rust and JavaScript alike.
    pub fn method_name(self) -> &'static str {
        match self {
            Op::List => "list",
            Op::Exists => "exists",
            Op::Get => "get",
            Op::Create => "create",
            Op::Update => "update",
            Op::Delete => "delete",
        }
    }
}

/// The value language of a query filter (api-facts §1.5, decisions R11).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    /// `xyz` | `in:x,y` | `like:xyz`
    String,
    /// An id `n` (also `in:` lists of ids).
    Id,
    /// `yyyy-MM-dd` with optional `lt:` / `gt:` / `gtn:`.
    Date,
    /// `yyyy-MM-ddTHH:mm:ssZ` with optional `lt:` / `gt:`.
    DateTime,
    /// `true` | `false`.
    Boolean,
    /// One of the listed values (a string filter whose values the docs enumerate).
    Enum(&'static [&'static str]),
}

impl FilterKind {
    /// The prefixes a value of this kind may carry (`lt` for `lt:2024-01-01`), decisions R11.
    /// The query validator, its messages and the exported documentation all read them here.
    pub const fn operators(self) -> &'static [&'static str] {
        match self {
            FilterKind::String => &["in", "like"],
            FilterKind::Id => &["in"],
            FilterKind::Date => &["lt", "gt", "gtn"],
            FilterKind::DateTime => &["lt", "gt"],
            FilterKind::Boolean | FilterKind::Enum(_) => &[],
        }
    }
}

/// The values of a Boolean filter, and of boolean option headers.
pub const BOOLEAN_VALUES: &[&str] = &["true", "false"];

/// Most values of one `in:` list (api-facts §1.5); a longer list belongs in several requests
/// (URL length). `inList` refuses more, and `validateQuery` reports more as `maxItems`.
pub const MAX_IN_VALUES: usize = 1000;

/// `lt:, gt: or gtn:`: prefixes in an English sentence.
pub(crate) fn prefixes_in_words(operators: &[&str]) -> String {
    let items: Vec<String> = operators.iter().map(|o| format!("{o}:")).collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// A query parameter of an endpoint, besides paging.
#[derive(Debug, Clone, Copy)]
pub struct Filter {
    /// The parameter's name (`siteName`).
    pub name: &'static str,
    /// The language of its values.
    pub kind: FilterKind,
    /// The endpoint refuses a call without it.
    pub required: bool,
}

const fn f(name: &'static str, kind: FilterKind) -> Filter {
    Filter { name, kind, required: false }
}

/// A request header the API documents as an option of one endpoint.
#[derive(Debug, Clone, Copy)]
pub struct Header {
    /// The option name in the client (`cascadeEndDate`).
    pub option: &'static str,
    /// The header on the wire (`cascade_end_date`).
    pub name: &'static str,
    /// What it does.
    pub doc: &'static str,
}

/// `cascade_end_date` on `PATCH /sites/{site_id}` (api-facts §1.6).
pub const CASCADE_END_DATE: Header = Header {
    option: "cascadeEndDate",
    name: "cascade_end_date",
    doc: "Cascade the site's new end date to all its inventories (only when the patch sets an end date).",
};
/// `disable_adding_linked_rentals` on `POST /rental-product-inventories` (api-facts §1.6).
pub const DISABLE_ADDING_LINKED_RENTALS: Header = Header {
    option: "disableAddingLinkedRentals",
    name: "disable_adding_linked_rentals",
    doc: "Do not create child rental product inventories for the product's child rental products.",
};
/// `summary` on the pricing endpoints that offer lightweight records (api-facts §1.6).
pub const SUMMARY: Header =
    Header { option: "summary", name: "summary", doc: "Return lightweight summary objects instead of full ones." };

/// The body an endpoint takes.
#[derive(Debug, Clone, Copy)]
pub enum Body {
    /// A record of this schema (a schema of [`crate::model::SCHEMAS`]).
    Record(&'static Schema),
    /// A JSON Patch document (api-facts §1.8), judged against the resource's schema.
    JsonPatch,
}

impl Body {
    /// The schema name `validate()` takes for this body (`"Site"`, `"JsonPatch"`).
    pub fn schema_name(self) -> &'static str {
        match self {
            Body::Record(s) => s.name,
            Body::JsonPatch => "JsonPatch",
        }
    }
}

/// One endpoint.
#[derive(Debug, Clone, Copy)]
pub struct Endpoint {
    /// What it does (the client method).
    pub op: Op,
    /// The HTTP method; retries depend on it.
    pub method: Method,
    /// Path below the API's base, with `{param}` placeholders (`/sites/{site_id}`).
    pub path: &'static str,
    /// What the request body must be, if the endpoint takes one.
    pub body: Option<Body>,
    /// Filters in documentation order.
    pub filters: &'static [Filter],
    /// `page` and `pageSize` (required), `sort` and `fields` apply.
    pub paged: bool,
    /// `fields` applies (GET by id).
    pub fields: bool,
    /// Option headers it documents.
    pub headers: &'static [Header],
    /// Where the docs show it.
    pub source: &'static str,
}

impl Endpoint {
    /// The names of the `{…}` placeholders of the path, in order.
    pub fn path_params(&self) -> impl Iterator<Item = &'static str> {
        self.path.split('/').filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
    }
}

/// A resource of the client (`client.sites`) and its endpoints.
#[derive(Debug)]
pub struct Resource {
    /// Property name on the client (`sites`).
    pub name: &'static str,
    /// Schema of its records (`Site`), for types and validation: a request-body schema or
    /// one of [`crate::model::RESPONSE_SCHEMAS`].
    pub schema: &'static Schema,
    /// The API it belongs to: its base path and `baseUrls` key.
    pub api: Api,
    /// Its endpoints, at most one per [`Op`].
    pub endpoints: &'static [Endpoint],
}

impl Resource {
    /// The endpoint that does `op`, if the resource has one.
    pub fn endpoint(&self, op: Op) -> Option<&'static Endpoint> {
        self.endpoints.iter().find(|e| e.op == op)
    }
}

// Constructors for the tables: each operation's fixed shape, so an entry states only what varies.
const fn shape(op: Op, method: Method, path: &'static str, source: &'static str) -> Endpoint {
    Endpoint { op, method, path, body: None, filters: &[], paged: false, fields: false, headers: &[], source }
}
const fn list(path: &'static str, filters: &'static [Filter], source: &'static str) -> Endpoint {
    Endpoint { filters, paged: true, ..shape(Op::List, Method::Get, path, source) }
}
const fn exists(path: &'static str, filters: &'static [Filter], source: &'static str) -> Endpoint {
    Endpoint { filters, ..shape(Op::Exists, Method::Head, path, source) }
}
const fn get(path: &'static str, source: &'static str) -> Endpoint {
    Endpoint { fields: true, ..shape(Op::Get, Method::Get, path, source) }
}
const fn create(path: &'static str, body: &'static Schema, source: &'static str) -> Endpoint {
    Endpoint { body: Some(Body::Record(body)), ..shape(Op::Create, Method::Post, path, source) }
}
const fn update(path: &'static str, source: &'static str) -> Endpoint {
    Endpoint { body: Some(Body::JsonPatch), ..shape(Op::Update, Method::Patch, path, source) }
}
const fn delete(path: &'static str, source: &'static str) -> Endpoint {
    shape(Op::Delete, Method::Delete, path, source)
}

impl Endpoint {
    const fn with_headers(mut self, headers: &'static [Header]) -> Self {
        self.headers = headers;
        self
    }
}

mod admin;
mod assignment;
mod customer;
mod inventory;
mod pricing;
mod product;

/// Every resource, one table per API, in the order of the integration guide's areas.
static AREAS: [&[Resource]; 6] = [
    customer::RESOURCES,
    product::RESOURCES,
    pricing::RESOURCES,
    inventory::RESOURCES,
    assignment::RESOURCES,
    admin::RESOURCES,
];

/// Every resource of every API: the client's resources, the OpenAPI paths, the query filters.
pub fn resources() -> impl Iterator<Item = &'static Resource> + Clone {
    AREAS.iter().flat_map(|area| area.iter())
}

/// The record field a path placeholder stands for (`assignmentLevel` in the assignment
/// paths), or `None` for an id (an integer >= 1, decisions R8, also given as a digit string).
/// The client's validation, the TypeScript signatures and the OpenAPI parameters all ask this.
pub(crate) fn path_field(resource: &Resource, placeholder: &str) -> Option<&'static Field> {
    resource.schema.field(placeholder)
}

/// The resource called `name` (`"sites"`).
pub fn resource(name: &str) -> Option<&'static Resource> {
    resources().find(|r| r.name == name)
}

/// The endpoint written `"GET /sites"` or `"HEAD /sites"` (method, a space, the path as
/// documented), with its resource.
pub fn endpoint(key: &str) -> Option<(&'static Resource, &'static Endpoint)> {
    let (method, path) = key.split_once(' ')?;
    resources().find_map(|r| r.endpoints.iter().find(|e| e.method.as_str() == method && e.path == path).map(|e| (r, e)))
}

/// Every endpoint key (`"GET /sites"`), for errors and generated types.
pub fn endpoint_keys() -> impl Iterator<Item = String> {
    resources().flat_map(|r| r.endpoints.iter().map(|e| format!("{} {}", e.method.as_str(), e.path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record the API answers with has its id (api-facts §1.7: a created resource comes back
    /// with it), so the response types may say so; only read-only fields are "returned".
    #[test]
    fn every_resource_record_with_an_id_returns_it() {
        for r in resources() {
            if let Some(id) = r.schema.field("id") {
                assert!(id.returned, "{}.id of resource {} is not marked returned", r.schema.name, r.name);
            }
        }
        for s in crate::model::all_object_schemas() {
            for f in s.fields {
                assert!(!f.returned || f.read_only, "{}.{} is returned but not read-only", s.name, f.name);
            }
        }
    }

    #[test]
    fn resource_names_are_unique_and_every_resource_has_endpoints() {
        let mut names: Vec<_> = resources().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), resources().count());
        assert_eq!(names.len(), 28);
        for r in resources() {
            assert!(!r.endpoints.is_empty(), "{}", r.name);
            // One endpoint per operation, so each client method is unambiguous.
            for e in r.endpoints {
                assert_eq!(r.endpoints.iter().filter(|o| o.op == e.op).count(), 1, "{}.{:?}", r.name, e.op);
            }
        }
    }

    #[test]
    fn endpoint_keys_resolve_and_are_unique() {
        let keys: Vec<String> = endpoint_keys().collect();
        for k in &keys {
            assert_eq!(keys.iter().filter(|o| *o == k).count(), 1, "{k}");
            let (_, e) = endpoint(k).unwrap();
            assert_eq!(format!("{} {}", e.method.as_str(), e.path), *k);
        }
        assert!(endpoint("GET /nope").is_none());
        assert!(endpoint("nonsense").is_none());
    }

    #[test]
    fn records_and_bodies_are_schemas_of_the_model() {
        for r in resources() {
            // A record type the client and exports can name (request or response-only).
            let record = crate::model::record_schema(r.schema.name);
            assert!(
                record.is_some_and(|s| std::ptr::eq(s, r.schema)),
                "{}: {} is not a record schema",
                r.name,
                r.schema.name
            );
            // A body the client posts must be validatable by name.
            for e in r.endpoints {
                if let Some(Body::Record(s)) = e.body {
                    let entry = crate::model::schema(s.name);
                    assert!(entry.is_some(), "{} {}: body {} is not in SCHEMAS", e.method.as_str(), e.path, s.name);
                }
            }
        }
    }

    #[test]
    fn shapes_follow_the_operation() {
        for r in resources() {
            for e in r.endpoints {
                let params: Vec<_> = e.path_params().collect();
                match e.op {
                    Op::List => assert!(e.paged && params.is_empty() && e.method == Method::Get),
                    Op::Exists => assert!(!e.paged && e.method == Method::Head),
                    Op::Create => assert!(
                        matches!(e.body, Some(Body::Record(s)) if std::ptr::eq(s, r.schema)) && params.is_empty()
                    ),
                    Op::Update => assert!(matches!(e.body, Some(Body::JsonPatch)) && !params.is_empty()),
                    Op::Get | Op::Delete => assert!(params.len() == 1),
                }
            }
        }
    }
}
