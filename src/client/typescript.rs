//! The API client's TypeScript declarations that the endpoint table decides, written to
//! `resources.d.ts` by `elevate-codegen dts-client`: the API names, the error kinds, and each
//! resource's methods, path parameters, filters and header options, exactly the table's. The
//! client's hand-written typings (options, results, error classes, filter builders) are in
//! `src/js/client.d.ts`, which imports these.
//!
//! Record types are the resources' schema interfaces by name (`Site`); request bodies are
//! `SchemaTypes["…"]` of the endpoint's body schema (`JsonPatch` for updates).

use std::fmt::Write;

use crate::client::error::ApiErrorKind;
use crate::endpoints::{path_field, resources, Api, Endpoint, Filter, FilterKind, Op, Resource};
use crate::export::typescript::{quote, ts_type};

/// The hand-written typings these declarations complete.
pub const CLIENT_DTS: &str = include_str!("../js/client.d.ts");

/// The generated declarations (`resources.d.ts`, without its imports).
pub fn declarations() -> String {
    let mut out = String::from("// ---- generated from the endpoint table (src/endpoints/) ----\n\n");
    names(&mut out);
    for r in resources() {
        resource(&mut out, r);
    }
    client(&mut out);
    out
}

fn union(values: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    values.into_iter().map(|v| quote(v.as_ref())).collect::<Vec<_>>().join(" | ")
}

/// `ApiName` and `ApiErrorKind`: the names the hand-written typings take from the tables.
fn names(out: &mut String) {
    let apis: Vec<String> =
        Api::ALL.iter().map(|a| format!(" * - `{}`: {} ({})", a.key(), a.title(), a.base_path())).collect();
    let _ = writeln!(
        out,
        "/**\n * The Elevate APIs, keys of `ElevateClientOptions.baseUrls`:\n{}\n */\nexport type ApiName = {};\n",
        apis.join("\n"),
        union(Api::ALL.iter().map(|a| a.key()))
    );
    let _ = writeln!(
        out,
        "/** What an ElevateApiError means (from its status; `invalidResponse` is a 2xx the client cannot read). */\nexport type ApiErrorKind = {};\n",
        union(ApiErrorKind::ALL.iter().map(|k| k.as_str()))
    );
}

/// `sites` → `Sites`.
fn pascal(name: &str) -> String {
    let mut c = name.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// `site_id` → `siteId`.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for ch in name.chars() {
        if ch == '_' {
            up = true;
        } else if up {
            out.extend(ch.to_uppercase());
            up = false;
        } else {
            out.push(ch);
        }
    }
    out
}

fn filter_type(kind: FilterKind) -> String {
    match kind {
        FilterKind::String => "StringFilter".into(),
        FilterKind::Id => "IdFilter".into(),
        FilterKind::Date => "DateFilter".into(),
        FilterKind::DateTime => "DateTimeFilter".into(),
        FilterKind::Boolean => "BooleanFilter".into(),
        // Exactly one of the values: the query validator takes no `in:` list here (R11).
        FilterKind::Enum(values) => union(values.iter()),
    }
}

fn filters_interface(out: &mut String, name: &str, doc: &str, extends: Option<&str>, filters: &[Filter]) {
    let ext = extends.map(|e| format!(" extends {e}")).unwrap_or_default();
    let _ = writeln!(out, "/** {doc} */\nexport interface {name}{ext} {{");
    for f in filters {
        let opt = if f.required { "" } else { "?" };
        let _ = writeln!(out, "  {}{opt}: {};", f.name, filter_type(f.kind));
    }
    out.push_str("}\n\n");
}

fn full_path(r: &Resource, e: &Endpoint) -> String {
    format!("{} {}{}", e.method.as_str(), r.api.base_path(), e.path)
}

fn resource(out: &mut String, r: &Resource) {
    let base = pascal(r.name);
    // What the API answers with (ids always there); request bodies keep the request types.
    let record = &crate::export::typescript::record_type(r.schema);
    let request = r.schema.name;
    let mut methods = String::new();
    for e in r.endpoints {
        let params: Vec<String> = e
            .path_params()
            .map(|p| {
                let ty = path_field(r, p).map_or_else(|| "number | string".to_owned(), |f| ts_type(&f.kind));
                format!("{}: {}", camel(p), ty)
            })
            .collect();
        let lead = params.iter().map(|p| format!("{p}, ")).collect::<String>();
        let headers: String = e.headers.iter().map(|h| format!(" /** {} */ {}?: boolean;", h.doc, h.option)).collect();
        let options =
            |base: &str| if headers.is_empty() { base.to_owned() } else { format!("{base} & {{{headers} }}") };
        let what = format!("{} (source: {})", full_path(r, e), e.source);
        let _ = match e.op {
            Op::List => {
                let q = format!("{base}ListQuery");
                filters_interface(out, &q, &format!("Query of {}.", full_path(r, e)), Some("PagingParams"), e.filters);
                let needs = if e.filters.iter().any(|f| f.required) { "" } else { "?" };
                writeln!(
                    methods,
                    "  /** One page of {record} records: {what}. */\n  list(query: {q}, options?: {opts}): Promise<{record}[]>;\n  /** Every {record} of every page, fetched page by page as the loop goes. */\n  iterate(query{needs}: IterateQuery<{q}>, options?: {opts}): AsyncIterableIterator<{record}>;",
                    opts = options("CallOptions")
                )
            }
            Op::Exists => {
                let q = format!("{base}ExistsFilters");
                filters_interface(out, &q, &format!("Filters of {}.", full_path(r, e)), None, e.filters);
                writeln!(methods, "  /** Whether {record} records match: {what}. */\n  exists(filters?: {q}, options?: CallOptions): Promise<ExistsResult>;")
            }
            Op::Get => writeln!(methods, "  /** One {record}: {what}. */\n  get({lead}options?: GetOptions): Promise<{record}>;"),
            Op::Create => writeln!(
                methods,
                "  /** Creates a {record}: {what}. Resolves with the server's answer (the record with its id). */\n  create(body: SchemaTypes[{body}], options?: {opts}): Promise<{record}>;\n  /** Creates each item with `create`, at most `concurrency` at a time; resolves to one outcome per item, in input order, and never rejects for one item's failure. */\n  createMany(items: Iterable<SchemaTypes[{body}]>, options?: {many}): Promise<CreateOutcome<{record}>[]>;",
                body = quote(e.body.map_or(request, |b| b.schema_name())),
                opts = options("CallOptions"),
                many = options(&format!("CreateManyOptions<{record}>")),
            ),
            Op::Update => writeln!(
                methods,
                "  /** Applies JSON Patch operations: {what}. Resolves with the server's answer, if any. Each `add`/`replace` value is validated as the field its path names; with `current` (the record as it is now) the whole patched record is validated, as `validatePatch` does. */\n  update({lead}ops: SchemaTypes[{}], options?: {}): Promise<{record} | undefined>;",
                quote(e.body.map_or("JsonPatch", |b| b.schema_name())),
                options(&format!("CallOptions & {{ current?: {request} }}"))
            ),
            Op::Delete => writeln!(methods, "  /** Deletes a {record}: {what}. */\n  delete({lead}options?: CallOptions): Promise<void>;"),
        };
    }
    let _ = writeln!(
        out,
        "/** `client.{}`: {record} records ({}). */\nexport interface {base}Resource {{\n{methods}}}\n",
        r.name,
        r.api.title()
    );
}

/// `ElevateClientResources`: one property per resource, which `ElevateClient` extends.
fn client(out: &mut String) {
    out.push_str("/** The resources of an `ElevateClient`, one property each (`client.sites`). */\nexport interface ElevateClientResources {\n");
    for r in resources() {
        let _ = writeln!(out, "  readonly {}: {}Resource;", r.name, pascal(r.name));
    }
    out.push_str("}\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_resource_gets_exactly_its_methods() {
        let d = declarations();
        for r in resources() {
            let start = d.find(&format!("export interface {}Resource {{", pascal(r.name))).unwrap();
            let body = &d[start..start + d[start..].find("\n}\n").unwrap()];
            for op in [Op::List, Op::Exists, Op::Get, Op::Create, Op::Update, Op::Delete] {
                let has = body.contains(&format!("\n  {}(", op.method_name()));
                assert_eq!(has, r.endpoint(op).is_some(), "{}.{}", r.name, op.method_name());
            }
            assert_eq!(body.contains("\n  iterate("), r.endpoint(Op::List).is_some());
            assert!(d.contains(&format!("  readonly {}: {}Resource;", r.name, pascal(r.name))));
        }
    }

    #[test]
    fn signatures_follow_the_table() {
        let d = declarations();
        assert!(d.contains("  list(query: SitesListQuery, options?: CallOptions): Promise<SiteRecord[]>;"));
        assert!(d.contains(
            "  iterate(query?: IterateQuery<SitesListQuery>, options?: CallOptions): AsyncIterableIterator<SiteRecord>;"
        ));
        assert!(d.contains("  get(siteId: number | string, options?: GetOptions): Promise<SiteRecord>;"));
        assert!(d.contains("  exists(filters?: SitesExistsFilters, options?: CallOptions): Promise<ExistsResult>;"));
        assert!(d.contains("  update(siteId: number | string, ops: SchemaTypes[\"JsonPatch\"], options?: CallOptions & { current?: Site } & { /**"));
        assert!(d.contains("cascadeEndDate?: boolean; }): Promise<SiteRecord | undefined>;"));
        assert!(d.contains("create(body: SchemaTypes[\"RentalProductInventory\"], options?: CallOptions & { /**"));
        assert!(d.contains("disableAddingLinkedRentals?: boolean; }): Promise<RentalProductInventoryRecord>;"));
        // createMany beside each create, with the create's own options.
        assert!(d.contains(
            "  createMany(items: Iterable<SchemaTypes[\"Site\"]>, options?: CreateManyOptions<SiteRecord>): Promise<CreateOutcome<SiteRecord>[]>;"
        ));
        assert!(d.contains("options?: CreateManyOptions<RentalProductInventoryRecord> & { /**"));
        for r in resources() {
            let start = d.find(&format!("export interface {}Resource {{", pascal(r.name))).unwrap();
            let body = &d[start..start + d[start..].find("\n}\n").unwrap()];
            assert_eq!(body.contains("\n  createMany("), r.endpoint(Op::Create).is_some(), "{}", r.name);
        }
        assert!(
            d.contains("  update(assignmentLevel: AssignmentLevel, usageRateCardAssignmentId: number | string, ops:")
        );
        assert!(d.contains("  delete(rentalProductCategoryId: number | string, options?: CallOptions): Promise<void>;"));
        // Filters with their kinds; a required filter makes the query (and iterate's) required.
        assert!(d.contains("export interface SitesListQuery extends PagingParams {\n  customerId?: IdFilter;\n  siteName?: StringFilter;"));
        assert!(d.contains("  activeSites?: BooleanFilter;"));
        assert!(d.contains("  usageRateCardId: IdFilter;"));
        assert!(d.contains("  iterate(query: IterateQuery<UsageRatesListQuery>"));
        // Enum filters take exactly one value, as the query validator does.
        assert!(d.contains("  assignmentLevel?: \"CUSTOMER\" | \"SITE\" | \"INVENTORY\";\n"));
        // Path values that are record fields are typed as the field; ids as numbers or digit strings.
        assert!(d.contains("  update(assignmentLevel: AssignmentLevel, usageRateCardAssignmentId: number | string, "));
        assert!(d.contains("export type ApiName = \"customer\" | \"product\" | \"pricing\" | \"inventory\" | \"assignment\" | \"admin\";"));
        assert!(d.contains("\"notFound\""));
        assert!(d.contains("\"invalidResponse\""));
    }

    /// The defaults and bounds the hand-written typings quote are the Rust constants, and they
    /// declare a builder for every filter form (and no other).
    #[test]
    fn hand_written_typings_quote_the_constants() {
        use crate::client::options::{
            CREATE_MANY_CONCURRENCY, DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS, MAX_CREATE_MANY_CONCURRENCY, MAX_RETRIES,
        };
        use crate::client::pagination::DEFAULT_PAGE_SIZE;
        use crate::client::query::FilterOp;
        use crate::endpoints::DEFAULT_HOST;
        let d = CLIENT_DTS;
        let forms = |kind: FilterKind| kind.operators().iter().map(|o| format!("`{o}(...)`")).collect::<Vec<_>>();
        for quoted in [
            format!("Default {DEFAULT_HOST}. */"),
            format!("Timeout of each attempt, in ms. Default {DEFAULT_TIMEOUT_MS}. */"),
            format!("Default {DEFAULT_RETRIES}, at most {MAX_RETRIES}."),
            format!("Items in flight at once, 1..{MAX_CREATE_MANY_CONCURRENCY}. Default {CREATE_MANY_CONCURRENCY}. */"),
            format!("`pageSize` (1..{}) are required", crate::model::query::max_page_size()),
            format!("(`pageSize` default {DEFAULT_PAGE_SIZE})"),
            format!("A Date filter: `yyyy-MM-dd`, or {} of one.", forms(FilterKind::Date).join(", ")),
            format!("A DateTime filter: `yyyy-MM-ddTHH:mm:ssZ`, or {} of one.", forms(FilterKind::DateTime).join(", ")),
        ] {
            assert!(d.contains(&quoted), "src/js/client.d.ts should say: {quoted}");
        }
        let builders: Vec<&str> = d
            .lines()
            .filter_map(|l| l.strip_prefix("export declare function "))
            .map(|l| l.split('(').next().unwrap_or(""))
            .collect();
        let expected: Vec<&str> = FilterOp::ALL.iter().map(|op| op.builder()).collect();
        assert_eq!(builders, expected);
    }

    #[test]
    fn names_convert() {
        assert_eq!(camel("rental_product_category_id"), "rentalProductCategoryId");
        assert_eq!(camel("assignmentLevel"), "assignmentLevel");
        assert_eq!(pascal("usageRateCardAssignments"), "UsageRateCardAssignments");
    }
}
