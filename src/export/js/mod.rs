//! The JavaScript validators of the package's form path, generated from the model tables:
//! straight-line code per object schema (as ajv generates from JSON Schema), calling each rule's
//! JavaScript check ([`crate::rules`]) and the hand-written runtime (`src/js/core/runtime.js`).
//! They report exactly the issues the Rust engine reports (same paths, codes, params and
//! order; `tests/js/engine-differential.test.mjs` holds the two together), without WebAssembly,
//! so a form validates synchronously, in any runtime, in a few kilobytes.
//!
//! Written by `elevate-codegen js DIR` into `src/js/core/gen/` at build time:
//! - `validators.js`: one function per object schema and per distinct field kind, and the
//!   tables `validate`, `validateField` and the Standard Schema adapter read (those of the
//!   object schemas' fields made on first use);
//! - `tables.js`: limits, the pattern slots, the message templates and their vocabulary;
//! - `describe.js`: what `describeField` returns for each field (imported only by it);
//! - `endpoints.js`: the query parameters of each endpoint (imported only by `validateQuery`);
//! - `contract.js`: the constants the hand-written JavaScript shares with the engine (the
//!   message prefix, the bulk reports' wire format), tiny so that every bundle may import it.

mod tables;

#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))] // __patternSlot (src/wasm/export.rs)
pub use tables::pattern_slot;

use serde_json::Value;

use crate::validate::describe::describe_resolved;
use crate::validate::Resolved;

/// What every message of an Error the package throws starts with (in Rust, `src/wasm`; in
/// JavaScript, `PREFIX` of the generated `contract.js`), so a caller can tell ours apart.
pub const MESSAGE_PREFIX: &str = "elevate-billing: ";

/// The bounds of what crosses into the engine: checked by `src/wasm/args.rs` (the floor, for
/// the raw exports too) and first by the package's wrappers (`src/js/engine/`, `client.js`),
/// which read them as `BOUNDARY` from the generated `contract.js`.
pub mod boundary {
    /// Longest name accepted (schema, endpoint, pattern, operation): far beyond any real one.
    pub const MAX_NAME_UNITS: usize = 1024;
    /// Longest short text accepted (a JSON Pointer, a regex source, a product reference, a label),
    /// in UTF-16 code units.
    pub const MAX_TEXT_UNITS: usize = 1 << 20;
    /// Longest JSON text accepted (a request body, a test oracle's value), in UTF-16 code units:
    /// at most 3 bytes each in wasm memory while it is read.
    pub const MAX_JSON_UNITS: usize = 16 << 20;
    /// Largest byte input of one call (a chunk of NDJSON or CSV); the package's wrappers feed
    /// larger inputs in chunks of [`CHUNK_BYTES`].
    pub const MAX_BYTES: usize = 64 << 20;
    /// The size of the chunks the package's wrappers feed to the bulk validators.
    pub const CHUNK_BYTES: usize = 1 << 20;
}

/// The generated modules, by file name.
pub fn modules() -> Vec<(&'static str, String)> {
    let (validators, descriptions) = generate(model::SCHEMAS);
    vec![
        ("validators.js", validators),
        ("tables.js", tables::tables_module()),
        ("describe.js", tables::describe_module(&descriptions)),
        ("endpoints.js", tables::endpoints_module()),
        ("contract.js", tables::contract_module()),
    ]
}

use std::collections::HashMap;
use std::fmt::Write;
use std::ptr;

use crate::model::{self, SchemaEntry};
use crate::rules::js::{quote, Pool};
use crate::rules::{
    any_of, choices, country_code, date, date_time, equals_if, integer, items, json_pointer, length, pattern, range,
    regex_format, required, required_if, single_flag, types,
};
use crate::schema::{Array, Field, Kind, Rule, Schema, Text, TextFormat};

/// The validators for `entries` (tests pass their own), and the descriptions their tables
/// name (`describe.js`).
pub fn generate(entries: &[SchemaEntry]) -> (String, Vec<(String, Value)>) {
    let mut g = Gen::default();
    for e in entries {
        g.visit(&e.root);
    }
    // Object functions first, so kind functions can name them; kinds are added as fields ask.
    let mut objects = String::new();
    for i in 0..g.objects.len() {
        let s = g.objects[i];
        let body = g.object_fn(i, s);
        objects.push_str(&body);
    }
    let mut roots = Vec::new();
    for e in entries {
        let f = g.kind_fn(&e.root, false);
        let d = g.describe(Resolved { kind: e.root, required: true, field: None, parent: None });
        let below = g.descent(&e.root);
        roots.push(format!("[{}, [{f}, true, {below}, {}, {}]]", quote(e.name), quote(&d), quote(e.root.type_name())));
    }
    let mut tables = Vec::new();
    for s in g.objects.clone() {
        let mut fields = Vec::new();
        for f in s.fields {
            let fun = g.kind_fn(&f.kind, false);
            let d = g.describe(Resolved { kind: f.kind, required: f.must_be_given(), field: Some(f), parent: Some(s) });
            let below = g.descent(&f.kind);
            fields.push(format!(
                "[{}, [{fun}, {}, {below}, {}, {}]]",
                quote(f.name),
                f.must_be_given(),
                quote(&d),
                quote(f.kind.type_name())
            ));
        }
        tables.push(format!("  [{}, new Map([{}])]", quote(s.name), fields.join(", ")));
    }
    let any_check = g.kind_fn(&Kind::Any, false);
    let any_describe = g.describe(Resolved { kind: Kind::Any, required: false, field: None, parent: None });
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Generated by elevate-billing {} from its model (src/export/js); do not edit.\n\
         import {{ OMIT, read, isDate, isDateTime, isJsonPointer }} from '../runtime.js';\n",
        env!("CARGO_PKG_VERSION")
    );
    for (name, expr) in &g.pool.constants {
        let _ = writeln!(out, "const {name} = {expr};");
    }
    out.push_str(&objects);
    for body in &g.kinds {
        out.push_str(body);
    }
    let _ = writeln!(
        out,
        "/** Schema name → entry of the root value: [check, must be given, descent, description key, JSON type]. */\n\
         export const ROOTS = new Map([\n  {}\n]);",
        roots.join(",\n  ")
    );
    let _ = writeln!(
        out,
        "/** The entry of a value below any JSON value (a JSON Patch operation's `value`). */\n\
         export const ANY = [{any_check}, false, \"any\", {}, \"json\"];",
        quote(&any_describe)
    );
    // A function, not a literal at module scope: `validate` never reads these tables, and compiling
    // and running them at import took about a millisecond of Node's cold start (bench/README.md §5).
    let _ = writeln!(
        out,
        "/** Object schemas, by index: [name, field name → entry]; made on first use. */\n\
         let objectTables = null;\n\
         export function objects() {{\n  return (objectTables ??= [\n{}\n  ]);\n}}",
        tables.join(",\n")
    );
    (out, g.descriptions)
}

#[derive(Default)]
struct Gen {
    /// Object schemas, in order of first reach; `o{i}` checks `objects[i]`.
    objects: Vec<&'static Schema>,
    /// Kind functions (`k{i}`), deduplicated by their text.
    kinds: Vec<String>,
    by_body: HashMap<String, usize>,
    pool: Pool,
    /// `describeField` results, deduplicated: key → description.
    descriptions: Vec<(String, Value)>,
}

impl Gen {
    fn visit(&mut self, kind: &Kind) {
        match kind {
            Kind::Object(s) => {
                if self.objects.iter().any(|o| ptr::eq(*o, *s)) {
                    return;
                }
                self.objects.push(s);
                for f in s.fields {
                    self.visit(&f.kind);
                }
            }
            Kind::Array(a) => self.visit(&a.items),
            _ => {}
        }
    }

    fn index(&self, s: &Schema) -> usize {
        self.objects.iter().position(|o| ptr::eq(*o, s)).unwrap_or(usize::MAX)
    }

    /// How a JSON Pointer descends below a value of `kind`: `[object index, null]` for an
    /// object, `[-1, item entry]` for an array (an entry is `[check, must be given, descent,
    /// description key, JSON type]`), `"any"` below any JSON value, `null` for a leaf.
    fn descent(&mut self, kind: &Kind) -> String {
        match kind {
            Kind::Object(s) => format!("[{}, null]", self.index(s)),
            Kind::Array(a) => {
                let item = self.kind_fn(&a.items, false);
                let below = self.descent(&a.items);
                let d = self.describe(Resolved { kind: a.items, required: true, field: None, parent: None });
                format!("[-1, [{item}, true, {below}, {}, {}]]", quote(&d), quote(a.items.type_name()))
            }
            Kind::Any => "\"any\"".into(),
            _ => "null".into(),
        }
    }

    /// The key of `at`'s description in `describe.js`.
    fn describe(&mut self, at: Resolved) -> String {
        let d = Value::Object(describe_resolved(&at));
        if let Some((k, _)) = self.descriptions.iter().find(|(_, v)| *v == d) {
            return k.clone();
        }
        let key = format!("d{}", self.descriptions.len());
        self.descriptions.push((key.clone(), d));
        key
    }

    /// The name of the function checking a value of `kind` (`type_only` for read-only fields):
    /// `(x, c, k, mi, fl)`, where `x` is the value read (never OMIT, possibly null), `k` and `mi`
    /// the member name or index and position it is reported at, `fl` whether the caller wants
    /// the position of a `true` flag member back (`AtMostOneFlag`).
    fn kind_fn(&mut self, kind: &Kind, type_only: bool) -> String {
        let body = self.kind_body(kind, type_only);
        if let Some(&i) = self.by_body.get(&body) {
            return format!("k{i}");
        }
        let i = self.kinds.len();
        let mut f = String::new();
        let _ = write!(f, "function k{i}(x, c, k, mi, fl) {{\n{body}}}\n");
        self.kinds.push(f);
        self.by_body.insert(body, i);
        format!("k{i}")
    }

    fn kind_body(&mut self, kind: &Kind, type_only: bool) -> String {
        let mut b = String::new();
        match kind {
            Kind::String(t) => {
                let _ = writeln!(b, "if (typeof x !== \"string\") return {};", types::js(kind));
                if !type_only {
                    b.push_str(&self.text(t));
                }
            }
            Kind::Integer(i) => b.push_str(&integer::js(i, type_only, &mut self.pool)),
            Kind::Number(n) => {
                let _ = writeln!(
                    b,
                    "if (typeof x !== \"number\" || x !== x || x === Infinity || x === -Infinity) return {};",
                    types::js(kind)
                );
                if !type_only {
                    b.push_str(&range::js(n.minimum, n.maximum));
                }
            }
            Kind::Boolean => {
                let _ = writeln!(b, "if (typeof x !== \"boolean\") return {};", types::js(kind));
            }
            Kind::Any => b.push_str("c.any(x, k, mi);\n"),
            Kind::Object(s) => {
                let _ = writeln!(
                    b,
                    "if (typeof x !== \"object\" || x === null || Array.isArray(x)) return {};",
                    types::js(kind)
                );
                if type_only {
                    b.push_str("if (c.cyc(x)) return c.e(k, mi, \"type\", { expected: \"object\", actual: \"cycle\" });\nc.drain(x);\n");
                } else {
                    let _ = writeln!(
                        b,
                        "if (!c.enter(x)) return c.e(k, mi, \"type\", {{ expected: \"object\", actual: \"cycle\" }});\n\
                         c.into(k, mi);\nconst r = o{}(x, c, fl);\nc.out(k);\nc.leave();\nreturn r;",
                        self.index(s)
                    );
                }
            }
            Kind::Array(a) => {
                let _ = writeln!(b, "if (!Array.isArray(x)) return {};", types::js(kind));
                if type_only {
                    b.push_str("if (c.cyc(x)) return c.e(k, mi, \"type\", { expected: \"array\", actual: \"cycle\" });\nc.drain(x);\n");
                } else {
                    b.push_str(&self.array(a));
                }
            }
        }
        b
    }

    /// A string's checks, in the engine's order (`engine/checks.rs`).
    fn text(&mut self, t: &Text) -> String {
        let mut b = String::from("let li = false;\n");
        b.push_str(&length::js(t));
        if let Some(c) = t.choices {
            b.push_str(&choices::js_str(c, &mut self.pool));
            return b;
        }
        if let Some(p) = t.pattern {
            b.push_str(&pattern::js(p));
        }
        match t.format {
            None => {}
            Some(TextFormat::Date) => b.push_str(&date::js()),
            Some(TextFormat::DateTime) => b.push_str(&date_time::js(&mut self.pool)),
            Some(TextFormat::JsonPointer) => b.push_str(&json_pointer::js()),
            Some(TextFormat::CountryCode) => b.push_str(&country_code::js(&mut self.pool)),
            Some(TextFormat::Regex) => b.push_str(&regex_format::js()),
        }
        b
    }

    /// An array's items (null for a left-out item, as JSON.stringify writes it), then its
    /// bounds; returns the flagged items `[index, flag position, …]` when `fl` asks.
    fn array(&mut self, a: &Array) -> String {
        let item = self.kind_fn(&a.items, false);
        format!(
            "if (!c.enter(x)) return c.e(k, mi, \"type\", {{ expected: \"array\", actual: \"cycle\" }});\n\
             const n = c.len(x);\n\
             c.into(k, mi);\n\
             let g, j;\n\
             try {{\n\
             for (j = 0; j < n; j++) {{\n\
             if (c.done()) break;\n\
             const y = read(x[j], j);\n\
             const r = {item}(y === OMIT ? null : y, c, j, j, fl);\n\
             if (fl && r >= 0) (g ??= []).push(j, r);\n\
             }}\n\
             }} catch (e) {{\n\
             throw c.fail(e, j);\n\
             }}\n\
             c.out(k);\n\
             c.leave();\n\
             {}return g;\n",
            items::js(a)
        )
    }

    /// `function o{i}(v, c, fl)`: the members of object schema `s`, in `Object.keys` order, then
    /// its required fields and rules. Returns the position of its flag member when `fl` and
    /// that member is `true`, else -1.
    fn object_fn(&mut self, i: usize, s: &'static Schema) -> String {
        let plan = ObjectPlan::new(s, self.flag_of(s));
        let mut b = String::new();
        let _ = writeln!(b, "// {}\nfunction o{i}(v, c, fl) {{", super::type_name(s));
        b.push_str("const ks = c.keys(v);\nlet m = 0;\n");
        for fi in 0..s.fields.len() {
            let mut vars = Vec::new();
            if plan.position[fi] {
                vars.push(format!("a{fi} = -1"));
            }
            if plan.present[fi] {
                vars.push(format!("p{fi} = false"));
            }
            if plan.value[fi] {
                vars.push(format!("v{fi}"));
            }
            if plan.reported[fi] {
                vars.push(format!("r{fi} = false"));
            }
            if plan.flags[fi] {
                vars.push(format!("g{fi}"));
            }
            if !vars.is_empty() {
                let _ = writeln!(b, "let {};", vars.join(", "));
            }
        }
        b.push_str("let k, i;\ntry {\nfor (i = 0; i < ks.length; i++) {\nif (c.done()) break;\nk = ks[i];\nconst x = read(v[k], k);\nif (x === OMIT) continue;\nconst mi = m++;\nswitch (k) {\n");
        for (fi, f) in s.fields.iter().enumerate() {
            let _ = writeln!(b, "case {}:", quote(f.name));
            if plan.position[fi] {
                let _ = writeln!(b, "a{fi} = mi;");
            }
            if !matches!(f.kind, Kind::Any) {
                b.push_str("if (x === null) break;\n");
            }
            if plan.present[fi] {
                let _ = writeln!(b, "p{fi} = true;");
            }
            if plan.value[fi] {
                let _ = writeln!(b, "v{fi} = x;");
            }
            let fun = self.kind_fn(&f.kind, f.read_only);
            let wants_flags = plan.flags[fi] && !f.read_only;
            if wants_flags {
                let _ = writeln!(b, "g{fi} = {fun}(x, c, k, mi, true);");
            } else {
                let _ = writeln!(b, "{fun}(x, c, k, mi, false);");
            }
            b.push_str("break;\n");
        }
        b.push_str("default:\nc.skip(x, k, mi);\n}\n}\n} catch (e) {\nthrow c.fail(e, k);\n}\nif (!c.done()) {\n");
        for (fi, f) in s.fields.iter().enumerate() {
            if f.must_be_given() {
                b.push_str(&required::js_missing(f.name, fi));
            }
        }
        for r in s.rules {
            b.push_str(&self.rule(s, r));
        }
        b.push_str("}\n");
        match plan.flag {
            Some(fi) => {
                let _ = writeln!(b, "return fl && v{fi} === true ? a{fi} : -1;\n}}");
            }
            None => b.push_str("return -1;\n}\n"),
        }
        b
    }

    /// The flag an `AtMostOneFlag` rule reads in items of schema `s`, if any rule does.
    fn flag_of(&self, s: &Schema) -> Option<&'static str> {
        self.objects.iter().flat_map(|o| o.rules.iter().map(move |r| (*o, r))).find_map(|(o, r)| match *r {
            Rule::AtMostOneFlag { array, flag } => match o.field(array).map(|f| &f.kind) {
                Some(Kind::Array(a)) if matches!(a.items, Kind::Object(item) if ptr::eq(item, s)) => Some(flag),
                _ => None,
            },
            _ => None,
        })
    }

    fn rule(&mut self, s: &Schema, r: &Rule) -> String {
        let idx = |name: &str| s.fields.iter().position(|f| f.name == name);
        match *r {
            Rule::RequiredIf { field, when } => match (idx(field), idx(when.field())) {
                (Some(f), Some(w)) => required_if::js(field, f, w, when),
                _ => String::new(),
            },
            Rule::AnyOf { fields } => {
                let found: Vec<usize> = fields.iter().filter_map(|n| idx(n)).collect();
                if found.len() == fields.len() {
                    any_of::js(&found, fields)
                } else {
                    String::new()
                }
            }
            Rule::EqualsIf { field, value, when } => match (idx(field), idx(when.field())) {
                (Some(f), Some(w)) => equals_if::js(field, f, value, w, when),
                _ => String::new(),
            },
            Rule::AtMostOneFlag { array, flag } => match idx(array) {
                Some(f) => single_flag::js(array, f, flag),
                None => String::new(),
            },
        }
    }
}

/// Which variables an object function keeps per field.
struct ObjectPlan {
    /// `a{fi}`: member position when given (required fields, rule targets, flags).
    position: Vec<bool>,
    /// `p{fi}`: there and not null.
    present: Vec<bool>,
    /// `v{fi}`: the value, for conditions and the flag.
    value: Vec<bool>,
    /// `r{fi}`: already reported by a required or rule check.
    reported: Vec<bool>,
    /// `g{fi}`: flagged items of an `AtMostOneFlag` array.
    flags: Vec<bool>,
    /// The flag member callers may ask about.
    flag: Option<usize>,
}

impl ObjectPlan {
    fn new(s: &Schema, flag: Option<&str>) -> ObjectPlan {
        let n = s.fields.len();
        let mut p = ObjectPlan {
            position: vec![false; n],
            present: vec![false; n],
            value: vec![false; n],
            reported: vec![false; n],
            flags: vec![false; n],
            flag: None,
        };
        let idx = |name: &str| s.fields.iter().position(|f: &Field| f.name == name);
        let target = |p: &mut ObjectPlan, fi: usize| {
            p.position[fi] = true;
            p.present[fi] = true;
            p.reported[fi] = true;
        };
        for (fi, f) in s.fields.iter().enumerate() {
            if f.must_be_given() {
                target(&mut p, fi);
            }
        }
        for r in s.rules {
            match *r {
                Rule::RequiredIf { field, when } | Rule::EqualsIf { field, when, .. } => {
                    if let Some(fi) = idx(field) {
                        target(&mut p, fi);
                        p.value[fi] = true;
                    }
                    if let Some(w) = idx(when.field()) {
                        p.present[w] = true;
                        p.value[w] = true;
                    }
                }
                Rule::AnyOf { fields } => {
                    for (j, name) in fields.iter().enumerate() {
                        if let Some(fi) = idx(name) {
                            p.present[fi] = true;
                            if j == 0 {
                                target(&mut p, fi);
                            }
                        }
                    }
                }
                Rule::AtMostOneFlag { array, .. } => {
                    if let Some(fi) = idx(array) {
                        p.position[fi] = true;
                        p.flags[fi] = true;
                    }
                }
            }
        }
        if let Some(fi) = flag.and_then(idx) {
            p.position[fi] = true;
            p.value[fi] = true;
            p.flag = Some(fi);
        }
        p
    }
}

#[cfg(test)]
mod tests;
