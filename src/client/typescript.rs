//! TypeScript declarations of the API client, generated from the endpoint table so that each
//! resource's methods, path parameters, filters and header options are exactly the table's.
//! Appended to `types.d.ts` by `elevate-codegen dts`.
//!
//! Record types are the resources' schema interfaces by name (`Site`); request bodies are
//! `SchemaTypes["…"]` of the endpoint's body schema (`JsonPatch` for updates).

use std::fmt::Write;

use crate::client::error::ApiErrorKind;
use crate::client::options::{DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS};
use crate::client::pagination::DEFAULT_PAGE_SIZE;

/// `createMany`'s default and largest concurrency (the runtime's constants, src/js/client.js;
/// a test holds them equal).
pub const CREATE_MANY_CONCURRENCY: u32 = 4;
pub const MAX_CREATE_MANY_CONCURRENCY: u32 = 64;
use crate::endpoints::{path_field, resources, Api, Endpoint, Filter, FilterKind, Op, Resource, DEFAULT_HOST};
use crate::export::typescript::{quote, ts_type};
use crate::model::query::max_page_size;

/// The client's declarations (to follow the model's in `types.d.ts`).
pub fn declarations() -> String {
    let mut out = String::from("\n// ---- API client, generated from the endpoint table (src/endpoints/) ----\n\n");
    common(&mut out);
    for r in resources() {
        resource(&mut out, r);
    }
    client(&mut out);
    out
}

fn union(values: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    values.into_iter().map(|v| quote(v.as_ref())).collect::<Vec<_>>().join(" | ")
}

fn common(out: &mut String) {
    let apis: Vec<String> =
        Api::ALL.iter().map(|a| format!(" * - `{}`: {} ({})", a.key(), a.title(), a.base_path())).collect();
    let _ = writeln!(
        out,
        "/**\n * The Elevate APIs, keys of `ElevateClientOptions.baseUrls`:\n{}\n */\nexport type ApiName = {};\n",
        apis.join("\n"),
        union(Api::ALL.iter().map(|a| a.key()))
    );
    let kinds: Vec<String> = ApiErrorKind::ALL.iter().map(|k| quote(k.as_str())).collect();
    let _ = write!(
        out,
        r#"/** A function with the signature of `fetch` (the global one, or a wrapper for tests and proxies). */
export type FetchLike = (input: any, init?: any) => Promise<any>;

/** An `AbortSignal` (declared structurally so these types need no DOM library). */
export interface AbortSignalLike {{
  readonly aborted: boolean;
  readonly reason?: any;
  addEventListener(...args: any[]): void;
  removeEventListener(...args: any[]): void;
}}

/** Options of `new ElevateClient(…)`. Unknown options are rejected. */
export interface ElevateClientOptions {{
  /** Host of every API; each API's version path is appended (decisions R12). A URL ending in a version path (`http://host/v1`) means its host. Default {host}. */
  baseUrl?: string;
  /** Full base URL (version path included) of some APIs, e.g. a test server for one of them. */
  baseUrls?: Partial<Record<ApiName, string>>;
  /** Bearer token, or a function giving one (or a promise of one), called before every request. */
  token: string | (() => string | Promise<string>);
  /** Timeout of each attempt, in ms. Default {timeout}. */
  timeoutMs?: number;
  /**
   * Retries, honouring `Retry-After` (up to 60 s) or backing off exponentially. GET and HEAD: after
   * network errors, timeouts and 429/502/503/504. POST, PATCH and DELETE only after answers that
   * prove nothing was done: 429, and 503 with Retry-After; never after a timeout, a dropped
   * connection or another 5xx. In a browser, a failure that looks like CORS (no answer yet from
   * that origin) is not retried. Default {retries}, at most 10.
   */
  retries?: number;
  /** Validate bodies and queries before sending; an invalid request throws ElevateValidationError and sends nothing. Default true. */
  validate?: boolean;
  /** The `fetch` to use. Default: the global one. */
  fetch?: FetchLike;
}}

/** Options every call accepts. */
export interface CallOptions {{
  /** Aborting rejects the call with an `AbortError` and stops its retries. */
  signal?: AbortSignalLike;
}}

/** Options of `get`: which fields to return. */
export interface GetOptions extends CallOptions {{
  /** Field names (`"id,name"` or `["id", "name"]`); omitted fields come back null. */
  fields?: string | string[];
}}

/** Options of `createMany`; other members are the `create` call's own options. */
export interface CreateManyOptions<T> extends CallOptions {{
  /** Items in flight at once, 1..{max_concurrency}. Default {concurrency}. */
  concurrency?: number;
  /** After each item settles, in completion order. If it throws, no more items start and the batch rejects with that error. */
  onProgress?: (progress: CreateManyProgress<T>) => void;
}}

/** One item's outcome, shaped as `Promise.allSettled`'s, with its position in the input. */
export type CreateOutcome<T> =
  | {{ status: "fulfilled"; value: T; index: number }}
  | {{ status: "rejected"; reason: ElevateError | TypeError; index: number }};

/** What `onProgress` receives. */
export interface CreateManyProgress<T> {{
  /** The item that settled (its position in the input) and its outcome. */
  index: number;
  outcome: CreateOutcome<T>;
  /** Items settled so far, of which succeeded and failed. */
  done: number;
  succeeded: number;
  failed: number;
  /** The number of items when `items` is an array; undefined for another iterable. */
  total: number | undefined;
}}

/** The answer of an exists-check (HEAD). */
export interface ExistsResult {{
  exists: boolean;
  /** `X-Total-Count`: matching records; `null` if a 200 did not carry a readable count. 0 on 404. */
  total: number | null;
}}

/** `page` (from 1) and `pageSize` (1..{max_page}) are required on list calls (api-facts §1.4). */
export interface PagingParams {{
  page: number;
  pageSize: number;
  /** Field names, each optionally suffixed `:desc` (`"name:desc,id"` or an array). */
  sort?: string | string[];
  /** Field names to return (`"id,name"` or an array). */
  fields?: string | string[];
}}

/** The query of `iterate`: a list query whose paging is done for you (`pageSize` default {page_size}). */
export type IterateQuery<Q> = Omit<Q, "page" | "pageSize"> & {{ page?: number; pageSize?: number }};

/** A String filter: an exact value, `inList([...])`, `like(...)`, or an array (sent as `in:`). */
export type StringFilter = string | readonly string[];
/** An Id filter: an id, `inList([...])`, or an array of ids. */
export type IdFilter = number | string | readonly (number | string)[];
/** A Date filter: `yyyy-MM-dd`, or {date_forms} of one. */
export type DateFilter = string;
/** A DateTime filter: `yyyy-MM-ddTHH:mm:ssZ`, or {date_time_forms} of one. */
export type DateTimeFilter = string;
/** A Boolean filter. */
export type BooleanFilter = boolean | "true" | "false";


/** What an ElevateApiError means (from its status; `invalidResponse` is a 2xx the client cannot read). */
export type ApiErrorKind = {kinds};

/** Base class of the client's errors (wrong arguments throw TypeError instead). */
export declare class ElevateError extends Error {{
  constructor(message: string, details?: {{ cause?: unknown; endpoint?: string; code?: "noValidator" }});
  /** The endpoint (`"POST /sites"`) when the error concerns one before sending. */
  readonly endpoint?: string;
  /** `"noValidator"`: validation was asked for but this build cannot validate that body; nothing was sent. */
  readonly code?: "noValidator";
}}

/** A non-2xx response, or a 2xx whose body is not what the endpoint returns. */
export declare class ElevateApiError extends ElevateError {{
  constructor(message: string, details?: Partial<Pick<ElevateApiError, "status" | "kind" | "method" | "url" | "body" | "serverMessage" | "attempts" | "headers" | "retryAfter" | "issues">>);
  readonly status: number;
  readonly kind: ApiErrorKind;
  readonly method: string;
  /** The request URL (it never holds the token). */
  readonly url: string;
  /** The parsed JSON body, else its text, else null. Any echo of the token is redacted. */
  readonly body: unknown;
  /** The server's own explanation alone (from the body's message/error/errors/detail), when it gave one. */
  readonly serverMessage: string | null;
  /** Requests made, retries included. */
  readonly attempts: number;
  /** The response's headers by lower-case name (repeated ones joined with ", "), without Authorization, Set-Cookie and Cookie; the token redacted. In a browser, only the headers CORS exposes. */
  readonly headers: Record<string, string>;
  /** The wait the response's Retry-After asked for, in whole seconds; null when it had none (or none readable). */
  readonly retryAfter: number | null;
  /** The server's complaints at the fields they name (`path` a JSON Pointer, "" for the request as a whole), read from the error body's shape (Spring's error attributes, RFC 9457 problem details with field lists, `errors: [{{ field, message }}]`, "Validation failed (field: message)"); the raw body stays in `body`. */
  readonly issues: ServerIssue[];
}}

/** The request breaks the server's rules; nothing was sent. */
export declare class ElevateValidationError extends ElevateError {{
  constructor(message: string, details?: {{ issues?: ValidationIssue[]; endpoint?: string }});
  readonly issues: ValidationIssue[];
}}

/** No response (connection refused or reset, DNS, CORS), after any retries. */
export declare class ElevateNetworkError extends ElevateError {{
  constructor(message: string, details?: {{ method?: string; url?: string; attempts?: number; maybeCors?: boolean; cause?: unknown }});
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  /** True for a browser's opaque fetch failure from an origin that has never answered the page: what a request blocked by CORS looks like. The message then says which headers the API must allow (Authorization, Content-Type) and expose (X-Total-Count); it was not retried. */
  readonly maybeCors?: boolean;
}}

/** An attempt outlasted `timeoutMs`, after any retries. */
export declare class ElevateTimeoutError extends ElevateNetworkError {{
  constructor(message: string, details?: {{ method?: string; url?: string; attempts?: number; timeoutMs?: number }});
  readonly timeoutMs: number;
}}

/** The call's `signal` fired; `name` is "AbortError" and `cause` the signal's reason. */
export declare class ElevateAbortError extends ElevateError {{
  constructor(message: string, details?: {{ method?: string; url?: string; cause?: unknown; sent?: false }});
  readonly method: string;
  readonly url: string;
  /** false for a `createMany` item that was never sent because the signal fired first. */
  readonly sent?: false;
}}

/** The token, or the token provider, gave no usable token (the message never quotes a token). */
export declare class ElevateTokenError extends ElevateError {{}}

/** `inList(["a", "b"])` is `"in:a,b"`: a String or Id filter matching any of the values (none may contain ","). */
export declare function inList(values: readonly (string | number)[]): `in:${{string}}`;
/** `like("Acme%")` is `"like:Acme%"`: a String filter pattern. */
export declare function like(pattern: string): `like:${{string}}`;
/** `lt("2024-01-01")` is `"lt:2024-01-01"`: a Date or DateTime filter, before. */
export declare function lt(value: string): `lt:${{string}}`;
/** `gt("2024-01-01")` is `"gt:2024-01-01"`: a Date or DateTime filter, after. */
export declare function gt(value: string): `gt:${{string}}`;
/** `gtn("2024-01-01")` is `"gtn:2024-01-01"`: a Date filter form the docs list without defining. */
export declare function gtn(value: string): `gtn:${{string}}`;

"#,
        host = DEFAULT_HOST,
        timeout = DEFAULT_TIMEOUT_MS,
        retries = DEFAULT_RETRIES,
        concurrency = CREATE_MANY_CONCURRENCY,
        max_concurrency = MAX_CREATE_MANY_CONCURRENCY,
        max_page = max_page_size(),
        page_size = DEFAULT_PAGE_SIZE,
        date_forms = builder_forms(FilterKind::Date),
        date_time_forms = builder_forms(FilterKind::DateTime),
        kinds = kinds.join(" | "),
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

/// `` `lt(...)`, `gt(...)` ``: the builder functions of a filter kind's operators.
fn builder_forms(kind: FilterKind) -> String {
    kind.operators().iter().map(|o| format!("`{o}(...)`")).collect::<Vec<_>>().join(", ")
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

fn client(out: &mut String) {
    out.push_str(
        "/**\n * A typed client of the Elevate REST API on `fetch`: one property per resource, one method per\n * endpoint. Bodies and queries are validated before sending (option `validate`), reads are retried,\n * and every failure is an `ElevateError` subclass (wrong arguments: `TypeError`).\n */\nexport declare class ElevateClient {\n  constructor(options: ElevateClientOptions);\n",
    );
    for r in resources() {
        let _ = writeln!(out, "  readonly {}: {}Resource;", r.name, pascal(r.name));
    }
    out.push_str(
        "  /** The options in force; the token shows as \"[redacted]\". */\n  toJSON(): Record<string, unknown>;\n}\n",
    );
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

    #[test]
    fn names_convert() {
        assert_eq!(camel("rental_product_category_id"), "rentalProductCategoryId");
        assert_eq!(camel("assignmentLevel"), "assignmentLevel");
        assert_eq!(pascal("usageRateCardAssignments"), "UsageRateCardAssignments");
    }
}
