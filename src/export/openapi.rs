//! The OpenAPI 3.1 document of every endpoint of [`crate::endpoints`], with the model's
//! schemas as components (made by the same [`Generator`] as [`super::json_schema`], so a
//! component is byte for byte the `$defs` entry of the JSON Schema export).
//!
//! Paths are documented relative to their API's base (`/v1`, `/v2`, decisions R12): each path
//! item names its server, and the host is a server variable because every base URL is
//! configurable.

use serde_json::{json, Map, Value};

use super::json_schema::{Generator, DIALECT};
use crate::endpoints::{
    path_field, prefixes_in_words, resources, Api, Endpoint, FilterKind, Method, Op, Resource, BOOLEAN_VALUES,
    DEFAULT_HOST,
};
use crate::model::{self, query::LIST_QUERY, RESPONSE_SCHEMAS, SCHEMAS};
use crate::schema::Kind;
use crate::schema::MAX_SAFE_INTEGER;

/// The OpenAPI 3.1 document: every endpoint once, its parameters (path ids, paging, filters,
/// headers), request bodies, typed responses and the documented errors; `bearerAuth` security.
/// Generated on each call, so patterns replaced with `set_pattern` are reflected.
pub fn openapi_document() -> Value {
    let mut g = Generator::new("#/components/schemas/");
    // Every schema the client knows, even those no endpoint references (ListQuery).
    let mut roots = Map::new();
    for e in SCHEMAS {
        match e.root {
            Kind::Object(s) => {
                g.object_ref(s);
            }
            ref other => {
                let mut schema = g.kind(other);
                schema.insert("title".into(), e.name.into());
                schema.insert("description".into(), e.doc.into());
                roots.insert(e.name.into(), Value::Object(schema));
            }
        }
    }
    for s in RESPONSE_SCHEMAS {
        g.object_ref(s);
    }

    let mut paths = Map::new();
    for r in resources() {
        for e in r.endpoints {
            let item = paths.entry(e.path.to_owned()).or_insert_with(|| path_item(&mut g, r, e));
            if let Value::Object(item) = item {
                item.insert(e.method.as_str().to_ascii_lowercase(), operation(&mut g, r, e));
            }
        }
    }

    let mut schemas = g.into_defs();
    schemas.extend(roots);
    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": DIALECT,
        "info": {
            "title": "Elevate billing REST API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Every endpoint the elevate-billing client knows, generated from its model \
                (request bodies with the validator's own rules). The APIs and their versions: \
                each path item names its API's server.",
        },
        "servers": servers(),
        "security": [{ "bearerAuth": [] }],
        "tags": Api::ALL.iter().map(|a| json!({ "name": a.title(), "description": format!("Base path {}", a.base_path()) })).collect::<Vec<_>>(),
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": error_responses(),
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "bearerFormat": "JWT",
                    "description": "An API user's token: Authorization: Bearer <JWT> (api-facts §1.1).",
                },
            },
        },
    })
}

/// `{host}/v1` with the host as a variable (decisions R12).
fn server_at(base_path: &str, description: &str) -> Value {
    json!({
        "url": format!("{{host}}{base_path}"),
        "description": description,
        "variables": { "host": { "default": DEFAULT_HOST, "description": "Scheme and host of the Elevate REST service" } },
    })
}

/// The API's own server (path items name it; it overrides the document's).
fn server(api: Api) -> Value {
    server_at(api.base_path(), api.title())
}

/// The document's servers: each base path once, naming the APIs under it.
fn servers() -> Vec<Value> {
    let mut bases: Vec<(&str, Vec<&str>)> = Vec::new();
    for api in Api::ALL {
        match bases.iter_mut().find(|(b, _)| *b == api.base_path()) {
            Some((_, titles)) => titles.push(api.title()),
            None => bases.push((api.base_path(), vec![api.title()])),
        }
    }
    bases.iter().map(|(base, titles)| server_at(base, &titles.join(", "))).collect()
}

/// A path item: its API's server and the path parameters its operations share.
fn path_item(g: &mut Generator, r: &Resource, e: &Endpoint) -> Value {
    let params: Vec<Value> = e
        .path_params()
        .map(|name| {
            // A parameter that is a field of the record (`assignmentLevel`) takes that
            // field's schema; the others are ids (IdParam, decisions R8).
            let (schema, description) = match path_field(r, name) {
                Some(f) => (Value::Object(g.kind(&f.kind)), f.doc.to_owned()),
                None => (
                    json!({ "type": "integer", "format": "int64", "minimum": 1, "maximum": MAX_SAFE_INTEGER as i64 }),
                    "Identifier (IdParam): an integer >= 1".to_owned(),
                ),
            };
            json!({ "name": name, "in": "path", "required": true, "description": description, "schema": schema })
        })
        .collect();
    let mut item = Map::new();
    item.insert("servers".into(), json!([server(r.api)]));
    if !params.is_empty() {
        item.insert("parameters".into(), Value::Array(params));
    }
    Value::Object(item)
}

fn operation(g: &mut Generator, r: &Resource, e: &Endpoint) -> Value {
    let schema = r.schema.name;
    let summary = match e.op {
        Op::List => format!("List {schema} records, a page at a time"),
        Op::Exists => format!("Check whether {schema} records match the filters"),
        Op::Get => format!("Get one {schema}"),
        Op::Create => format!("Create a {schema}"),
        Op::Update => format!("Update a {schema} with JSON Patch"),
        Op::Delete => format!("Delete a {schema}"),
    };
    let mut op = Map::new();
    op.insert("operationId".into(), format!("{}.{}", r.name, e.op.method_name()).into());
    op.insert("summary".into(), summary.into());
    op.insert("description".into(), format!("Source: {}.", e.source).into());
    op.insert("tags".into(), json!([r.api.title()]));
    let params = parameters(g, r, e);
    if !params.is_empty() {
        op.insert("parameters".into(), Value::Array(params));
    }
    if let Some(body) = e.body {
        let media = if e.method == Method::Patch { "application/json-patch+json" } else { "application/json" };
        op.insert(
            "requestBody".into(),
            json!({ "required": true, "content": { media: { "schema": body_schema(g, body.schema_name()) } } }),
        );
    }
    op.insert("responses".into(), Value::Object(responses(g, r, e)));
    Value::Object(op)
}

/// A request body schema by name: an object schema's definition, or a root component.
fn body_schema(g: &mut Generator, name: &str) -> Value {
    match model::schema(name).map(|e| &e.root) {
        Some(Kind::Object(s)) => Value::Object(g.object_ref(s)),
        _ => Value::Object(g.reference(name)),
    }
}

/// Query parameters (paging from `ListQuery`, then filters) and special headers.
fn parameters(g: &mut Generator, r: &Resource, e: &Endpoint) -> Vec<Value> {
    let mut out = Vec::new();
    // decisions R11: list calls take the paging parameters; get-by-id calls only `fields`.
    for f in LIST_QUERY.fields.iter().filter(|f| e.paged || (e.fields && f.name == "fields")) {
        let mut description = f.doc.to_owned();
        if matches!(f.name, "sort" | "fields") {
            description.push_str(&format!("; names fields of {}", r.schema.name));
        }
        out.push(json!({
            "name": f.name,
            "in": "query",
            "required": e.paged && f.required,
            "description": description,
            "schema": Value::Object(g.kind(&f.kind)),
        }));
    }
    for f in e.filters {
        let (schema, description) = filter(f.kind);
        out.push(json!({ "name": f.name, "in": "query", "required": f.required, "description": description, "schema": schema }));
    }
    for h in e.headers {
        out.push(json!({
            "name": h.name,
            "in": "header",
            "required": false,
            "description": h.doc,
            "schema": { "type": "string", "enum": BOOLEAN_VALUES },
        }));
    }
    out
}

/// A filter's schema and its mini-language in words (api-facts §1.5, decisions R11).
fn filter(kind: FilterKind) -> (Value, String) {
    let text = json!({ "type": "string", "minLength": 1 });
    // lt: is before, gt: after; gtn: is listed by the docs without a definition (R11).
    let prefixes = prefixes_in_words(kind.operators());
    match kind {
        FilterKind::String => (text, "String filter: xyz (equals), in:x,y (one of), like:xyz (matches).".into()),
        FilterKind::Id => (text, "Id filter: an id such as 12, or in:12,13 (one of); ids are integers >= 0.".into()),
        FilterKind::Date => (
            text,
            format!("Date filter: yyyy-MM-dd (on that day), optionally after {prefixes} (lt: before, gt: after). The date must exist."),
        ),
        FilterKind::DateTime => (
            text,
            format!("Date-time filter: yyyy-MM-ddTHH:mm:ssZ (RFC 3339, Z or an offset), optionally after {prefixes} (lt: before, gt: after)."),
        ),
        FilterKind::Boolean => (json!({ "type": "string", "enum": BOOLEAN_VALUES }), "Boolean filter: true or false.".into()),
        FilterKind::Enum(values) => (json!({ "type": "string", "enum": values }), "One of the listed values.".into()),
    }
}

fn responses(g: &mut Generator, r: &Resource, e: &Endpoint) -> Map<String, Value> {
    // Every resource names a record schema (a model test checks it).
    let record_ref = |g: &mut Generator| Value::Object(g.object_ref(r.schema));
    let body = |description: String, schema: Value| json!({ "description": description, "content": { "application/json": { "schema": schema } } });
    let mut out = Map::new();
    match e.op {
        Op::List => {
            let items = record_ref(g);
            out.insert(
                "200".into(),
                body(format!("A page of {} records", r.schema.name), json!({ "type": "array", "items": items })),
            );
        }
        Op::Exists => {
            out.insert(
                "200".into(),
                json!({
                    "description": "Matching records exist",
                    "headers": { "X-Total-Count": {
                        "description": "The number of matching records",
                        "schema": { "type": "integer", "minimum": 0 },
                    } },
                }),
            );
        }
        Op::Get => {
            out.insert("200".into(), body(format!("The {}", r.schema.name), record_ref(g)));
        }
        Op::Create => {
            let created = record_ref(g);
            out.insert("200".into(), body(format!("The {} (some APIs answer 200)", r.schema.name), created.clone()));
            out.insert("201".into(), body(format!("The created {}, with its id", r.schema.name), created));
        }
        Op::Update => {
            out.insert("200".into(), body(format!("The updated {}", r.schema.name), record_ref(g)));
        }
        Op::Delete => {
            out.insert("200".into(), json!({ "description": "Deleted" }));
        }
    }
    // api-facts §1.7: the error statuses each kind of call documents.
    let mut errors = vec!["400", "401", "403"];
    if e.path_params().next().is_some() || e.op == Op::Exists {
        errors.push("404");
    }
    if e.op == Op::Create {
        errors.push("409");
    }
    if matches!(r.api, Api::ProductInventory | Api::PricingAssignment) {
        errors.extend(["412", "500", "501"]);
    }
    for status in errors {
        out.insert(status.into(), json!({ "$ref": format!("#/components/responses/{status}") }));
    }
    out
}

/// The documented error statuses (api-facts §1.7). Their body schema is not documented.
fn error_responses() -> Value {
    let mut m = Map::new();
    for (status, text) in [
        ("400", "Bad Request: malformed request or a server-side validation error; the body has details"),
        ("401", "Unauthorized: missing or invalid token, or a disabled user"),
        ("403", "Forbidden: authenticated but not permitted"),
        ("404", "Not Found: no such resource (for an exists check: nothing matched)"),
        ("409", "Conflict: the resource to be created already exists"),
        ("412", "Precondition Failed"),
        ("500", "Internal Server Error: contact Elevate support"),
        ("501", "Not Implemented Yet"),
    ] {
        m.insert(status.into(), json!({ "description": text }));
    }
    Value::Object(m)
}
