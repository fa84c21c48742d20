//! The JSON Schema and OpenAPI exports: their structure (every `$ref` resolves, every endpoint
//! appears once, the components are the JSON Schemas' definitions) and that they carry the
//! model's rules. Whether their verdicts equal the validator's is the differential test
//! against ajv (`tests/js/differential.test.mjs`).

use elevate_billing::endpoints::{self, resources, Op};
use elevate_billing::export::{json_schema, openapi_document};
use elevate_billing::model::{self, SCHEMAS};
use serde_json::{json, Value};

/// Every `$ref` in `v` (with the JSON Pointer to where it sits).
fn refs<'a>(v: &'a Value, at: String, out: &mut Vec<(String, &'a str)>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                if k == "$ref" {
                    if let Value::String(r) = child {
                        out.push((at.clone(), r));
                    }
                }
                refs(child, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                refs(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[track_caller]
fn assert_refs_resolve(doc: &Value) -> usize {
    let mut found = Vec::new();
    refs(doc, String::new(), &mut found);
    for (at, r) in &found {
        let pointer = r.strip_prefix('#').unwrap_or_else(|| panic!("{at}: external $ref {r}"));
        assert!(doc.pointer(pointer).is_some_and(|t| !t.is_null()), "{at}: $ref {r} does not resolve");
    }
    found.len()
}

#[test]
fn every_schema_name_exports_a_2020_12_document_whose_refs_resolve() {
    for e in SCHEMAS {
        let doc = json_schema(e.name).unwrap();
        assert_eq!(doc["$schema"], "https://json-schema.org/draft/2020-12/schema", "{}", e.name);
        assert_eq!(doc["title"], e.name);
        assert!(doc["description"].as_str().is_some_and(|d| !d.is_empty()), "{}", e.name);
        assert!(assert_refs_resolve(&doc) > 0, "{}", e.name);
        // Each definition is used: nothing is exported that the schema does not reach.
        let text = doc.to_string();
        for key in doc["$defs"].as_object().unwrap().keys() {
            assert!(text.contains(&format!("\"#/$defs/{key}\"")), "{}: $defs/{key} is never referenced", e.name);
        }
    }
    assert!(json_schema("Nope").unwrap_err().to_string().contains("unknown schema"));
}

#[test]
fn objects_and_patterns_are_defined_once_and_the_two_sites_apart() {
    let doc = json_schema("Customer").unwrap();
    let defs = doc["$defs"].as_object().unwrap();
    assert_eq!(doc["$ref"], "#/$defs/Customer");
    // The site inside Customer.sites is the variant with customerId 0 (decisions R9).
    assert_eq!(defs["Customer"]["properties"]["sites"]["items"]["$ref"], "#/$defs/CustomerSite");
    assert_eq!(defs["CustomerSite"]["title"], "Site");
    assert_eq!(defs["CustomerSite"]["properties"]["customerId"]["enum"], json!([0]));
    assert!(!defs.contains_key("Site"));
    let site = json_schema("Site").unwrap();
    assert_eq!(site["$defs"]["Site"]["properties"]["customerId"]["minimum"], 1);
    // One definition per pattern, however many fields use it.
    let text = doc.to_string();
    let pattern = defs["pattern.NAME_CURLY"]["pattern"].as_str().unwrap();
    assert_eq!(text.matches(&serde_json::to_string(pattern).unwrap()).count(), 1);
    assert!(text.matches("\"#/$defs/pattern.NAME_CURLY\"").count() > 5);
}

#[test]
fn fields_carry_the_engine_reading_of_null_types_and_bounds() {
    let doc = json_schema("Site").unwrap();
    let site = &doc["$defs"]["Site"];
    let props = &site["properties"];
    // Required: no null. Optional: null or the value (decisions R9 reading of null).
    assert_eq!(props["siteName"]["type"], "string");
    assert_eq!(props["siteName"]["maxLength"], 100);
    assert_eq!(props["endDate"]["anyOf"], json!([{ "type": "string", "format": "date" }, { "type": "null" }]));
    assert!(site["required"].as_array().unwrap().contains(&json!("siteName")));
    assert!(!site["required"].as_array().unwrap().contains(&json!("id")));
    // Read-only: typed only.
    assert_eq!(props["id"]["readOnly"], true);
    assert_eq!(props["createdDate"]["anyOf"][0], json!({ "type": "string" }));
    // decisions R8: int64 within JavaScript's safe range; int32 at its width.
    let r = &props["repaymentPlanRemainingPeriods"]["anyOf"][0];
    assert_eq!(*r, json!({ "type": "integer", "format": "int64", "minimum": 0, "maximum": 240 }));
    let c = json_schema("Customer").unwrap();
    let owner = &c["$defs"]["Customer"]["properties"]["contractOwnerId"];
    assert_eq!((owner["format"].clone(), owner["minimum"].clone()), (json!("int32"), json!(-2147483648i64)));
    assert_eq!(c["$defs"]["Customer"]["properties"]["billingCycleId"]["maximum"], 9007199254740991i64);
    // decisions R7: assigned codes only.
    let country = &doc["$defs"]["Address"]["properties"]["country"];
    let codes = country["enum"].as_array().unwrap();
    assert_eq!(codes.len(), 249);
    assert!(codes.contains(&json!("GB")) && !codes.contains(&json!("UK")));
    // A regex-valued field is a string, and says why.
    let up = json_schema("UsageProduct").unwrap();
    let f = &up["$defs"]["UsageProduct"]["properties"]["productReferenceFormat"];
    assert_eq!(f["type"], "string");
    assert!(f["description"].as_str().unwrap().contains("cannot be said in JSON Schema"));
    assert_eq!(json_schema("JsonPatch").unwrap()["type"], "array");
}

#[test]
fn cross_field_rules_become_conditionals() {
    let c = json_schema("Customer").unwrap();
    let rule = &c["$defs"]["Customer"]["allOf"][0];
    assert_eq!(rule["if"]["required"], json!(["contractTerm"]));
    assert_eq!(rule["then"]["required"], json!(["contractTermStartDate"]));
    let sid = &c["$defs"]["SiteInvoiceDetails"]["allOf"][0]["anyOf"];
    assert_eq!(sid.as_array().unwrap().len(), 2);
    let contacts = &c["$defs"]["CustomerSite"]["properties"]["siteContacts"];
    assert_eq!((contacts["minContains"].clone(), contacts["maxContains"].clone()), (json!(0), json!(1)));
    let adhoc = json_schema("AdhocInventory").unwrap();
    let credit = &adhoc["$defs"]["AdhocInventory"]["allOf"][0];
    assert_eq!(credit["then"]["properties"]["billImmediately"]["const"], true);
    let patch = json_schema("JsonPatch").unwrap();
    let value_rule = &patch["$defs"]["JsonPatchOperation"]["allOf"][0];
    // `value` may be any JSON value, null included: present is enough.
    assert_eq!(value_rule["then"], json!({ "required": ["value"], "properties": { "value": true } }));
}

#[test]
fn the_openapi_document_has_every_endpoint_once_and_its_refs_resolve() {
    let doc = openapi_document();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(assert_refs_resolve(&doc) > 100);
    let paths = doc["paths"].as_object().unwrap();
    let mut operations = 0;
    let mut ids = Vec::new();
    for item in paths.values() {
        for (method, op) in item.as_object().unwrap() {
            if ["get", "head", "post", "patch", "delete", "put"].contains(&method.as_str()) {
                operations += 1;
                ids.push(op["operationId"].as_str().unwrap().to_owned());
            }
        }
    }
    let keys: Vec<String> = endpoints::endpoint_keys().collect();
    assert_eq!(operations, keys.len());
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), keys.len(), "operationIds are unique");
    for r in resources() {
        let record = r.schema;
        for e in r.endpoints {
            let item = &paths[e.path];
            let op = &item[e.method.as_str().to_ascii_lowercase()];
            assert_eq!(op["operationId"], format!("{}.{}", r.name, e.op.method_name()));
            // decisions R12: the API's server.
            assert_eq!(item["servers"][0]["url"], format!("{{host}}{}", r.api.base_path()));
            // Every placeholder is declared once, as a required path parameter.
            let declared: Vec<&str> = item["parameters"]
                .as_array()
                .map_or(vec![], |p| p.iter().map(|p| p["name"].as_str().unwrap()).collect());
            assert_eq!(declared, e.path_params().collect::<Vec<_>>(), "{}", e.path);
            let query = |name: &str| {
                op["parameters"]
                    .as_array()
                    .and_then(|ps| ps.iter().find(|p| p["name"] == name && p["in"] == "query"))
                    .cloned()
            };
            match e.op {
                Op::List => {
                    assert_eq!(query("page").unwrap()["required"], true);
                    assert_eq!(query("pageSize").unwrap()["schema"]["maximum"], 1000);
                    let items = &op["responses"]["200"]["content"]["application/json"]["schema"]["items"]["$ref"];
                    assert_eq!(*items, format!("#/components/schemas/{}", record.name));
                }
                Op::Exists => {
                    assert!(query("page").is_none());
                    assert_eq!(op["responses"]["200"]["headers"]["X-Total-Count"]["schema"]["type"], "integer");
                }
                Op::Create => {
                    let body = &op["requestBody"]["content"]["application/json"]["schema"]["$ref"];
                    assert_eq!(*body, format!("#/components/schemas/{}", e.body.unwrap().schema_name()));
                    assert!(op["responses"]["201"].is_object() && op["responses"]["409"].is_object());
                }
                Op::Update => {
                    let body = &op["requestBody"]["content"]["application/json-patch+json"]["schema"]["$ref"];
                    assert_eq!(*body, "#/components/schemas/JsonPatch");
                }
                Op::Get | Op::Delete => assert!(op["responses"]["404"].is_object()),
            }
            for f in e.filters {
                assert!(query(f.name).is_some(), "{} {}: filter {}", e.method.as_str(), e.path, f.name);
            }
        }
    }
    let level = &paths["/usage-rate-overrides/{assignmentLevel}/{usage_rate_override_id}"]["parameters"];
    assert_eq!(level[0]["schema"]["enum"], json!(["CUSTOMER", "SITE", "INVENTORY"]));
    assert_eq!(level[1]["schema"]["minimum"], 1);
    assert_eq!(doc["components"]["securitySchemes"]["bearerAuth"]["scheme"], "bearer");
    assert_eq!(doc["security"], json!([{ "bearerAuth": [] }]));
    let bases: Vec<&str> = doc["servers"].as_array().unwrap().iter().map(|s| s["url"].as_str().unwrap()).collect();
    assert_eq!(bases, ["{host}/v1", "{host}/v2"]);
    assert_eq!(doc["servers"][0]["variables"]["host"]["default"], endpoints::DEFAULT_HOST);
}

#[test]
fn openapi_components_are_the_json_schema_definitions() {
    let doc = openapi_document();
    let components = doc["components"]["schemas"].as_object().unwrap();
    for e in SCHEMAS {
        let js = json_schema(e.name).unwrap();
        for (key, def) in js["$defs"].as_object().unwrap() {
            let moved: Value =
                serde_json::from_str(&def.to_string().replace("\"#/$defs/", "\"#/components/schemas/")).unwrap();
            assert_eq!(components.get(key), Some(&moved), "{}: {key}", e.name);
        }
        assert!(components.contains_key(e.name), "{}", e.name);
    }
    for s in model::RESPONSE_SCHEMAS {
        assert!(components.contains_key(s.name), "{}", s.name);
    }
}
