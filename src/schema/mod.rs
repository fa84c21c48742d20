//! The schema description language: the ground floor of the crate.
//!
//! Every constraint of every Elevate request body is written once, as `static` data, in
//! [`crate::model`], in the terms defined here (kinds, fields, cross-field rules, integer
//! widths, the pattern table). The validator walks these descriptions; the TypeScript
//! declarations, JSON Schemas, the OpenAPI document and the JavaScript validators are
//! generated from them ([`crate::export`]). Nothing else restates a bound, a pattern or an enum.
//! This module imports nothing from the rest of the crate.
//!
//! The `const fn` builders below keep the model files short and readable:
//!
//! ```
//! use elevate_billing::schema::*;
//! const SITE_NAME: Field = field("siteName", string(1, 100).pattern(Pattern::NameCurly).kind())
//!     .required()
//!     .doc("Site name");
//! assert!(SITE_NAME.required);
//! ```

pub(crate) mod input;
mod pattern;

pub use pattern::{Pattern, PatternDef, PATTERNS};

/// Largest integer JavaScript represents exactly (decisions R8): the bound of `int64` fields.
pub const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// Deepest nesting of a value the validators read (API bodies are a few levels deep): the
/// JavaScript reader and patched documents stop there, so no walk can exhaust a stack.
pub const MAX_DEPTH: usize = 256;

/// Most array items and object members read from one value (a customer with 1000 sites is
/// about 60,000): the JavaScript reader and patched documents stop there.
pub const MAX_VALUES: usize = 4_000_000;

/// Issues a validation keeps by default (the first ones found; the rest are counted as left
/// out): far more than any real body has, and a bound on what a hostile value can make a
/// report hold. Both validators (the engine, the JavaScript one) use it.
pub const DEFAULT_MAX_ISSUES: usize = 100;

/// Most fields any schema has (the engine keeps presence in a 64-bit set; a model test checks it).
pub(crate) const MAX_FIELDS: usize = 64;

/// The shape of one object: its fields and the rules between them, under the name the API
/// documentation gives it. (The schema of any value, object or not, is a [`Kind`].)
#[derive(Debug)]
pub struct Schema {
    /// The documentation's schema name, e.g. `"Site"`; the name `validate()` takes.
    pub name: &'static str,
    /// One line saying what the object is, shown in generated types and schemas.
    pub doc: &'static str,
    /// Where the facts come from (`api-facts §3.3`).
    pub source: &'static str,
    /// The fields, in the documentation's order.
    pub fields: &'static [Field],
    /// Rules that relate several fields (decisions R9).
    pub rules: &'static [Rule],
}

/// One field of a [`Schema`].
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// JSON property name, exactly as on the wire (`siteName`).
    pub name: &'static str,
    /// The documentation's description, shortened.
    pub doc: &'static str,
    /// What a person filling in a form calls the field ("Site name"), when the field's name
    /// does not say it well by itself ([`Field::label`] otherwise reads the name). Messages
    /// name fields by it; a field name has one label across the model (a model test).
    pub label: Option<&'static str>,
    /// JSON type and constraints.
    pub kind: Kind,
    /// Must be present and not `null`.
    pub required: bool,
    /// Set by the server; type-checked when sent, otherwise ignored.
    pub read_only: bool,
    /// Always in the records the API answers with (a created record comes back with its id,
    /// api-facts §1.7; a site's dates, §3.3): the response types have it as required.
    pub returned: bool,
    /// The server's default when the field is omitted (documentation only).
    pub default: Option<Literal>,
}

/// The schema of one value: its JSON type together with its constraints. A registered
/// schema's root ([`crate::model::SchemaEntry::root`]) and every field's type are a `Kind`.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A JSON string.
    String(Text),
    /// A JSON number that must be an integer of the given width.
    Integer(Integer),
    /// Any finite JSON number.
    Number(Number),
    /// `true` or `false`.
    Boolean,
    /// A nested object described by another schema.
    Object(&'static Schema),
    /// A JSON array.
    Array(&'static Array),
    /// Any JSON value (a JSON Patch `value`); `null` counts as present.
    Any,
}

impl Kind {
    /// Every name [`Kind::type_name`] gives, for the generated TypeScript.
    pub const TYPE_NAMES: [&'static str; 7] = ["string", "integer", "number", "boolean", "object", "array", "json"];

    /// The JSON type name this kind expects (`"integer"`), as `type` issues and exports say it.
    pub const fn type_name(&self) -> &'static str {
        match self {
            Kind::String(_) => "string",
            Kind::Integer(_) => "integer",
            Kind::Number(_) => "number",
            Kind::Boolean => "boolean",
            Kind::Object(_) => "object",
            Kind::Array(_) => "array",
            Kind::Any => "json",
        }
    }
}

/// Constraints of a string value. Lengths count UTF-16 code units (decisions R5).
#[derive(Debug, Clone, Copy)]
pub struct Text {
    /// Fewest UTF-16 code units (`minLength`).
    pub min_length: u32,
    /// Most UTF-16 code units (`maxLength`); `None` when the docs give no bound.
    pub max_length: Option<u32>,
    /// Whole-string pattern in the server's dialect (decisions R1, R2).
    pub pattern: Option<Pattern>,
    /// A format checked beyond the pattern (a real calendar date, an assigned country code…).
    pub format: Option<TextFormat>,
    /// Allowed values (an enum of the API).
    pub choices: Option<&'static Choices>,
}

/// A named string enum of the API (`CustomerType`, `ContactRole`, …).
#[derive(Debug)]
pub struct Choices {
    /// The documentation's type name, used for the generated TypeScript union.
    pub name: &'static str,
    /// The allowed values, in the documentation's order.
    pub values: &'static [&'static str],
}

/// Formats checked beyond the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormat {
    /// `yyyy-MM-dd`, a real calendar date (decisions R8).
    Date,
    /// RFC 3339 with `Z` or an offset (decisions R8).
    DateTime,
    /// An officially assigned ISO 3166-1 alpha-2 code (decisions R7).
    CountryCode,
    /// The value is itself a regular expression in the server's dialect (decisions R10).
    Regex,
    /// An RFC 6901 JSON Pointer.
    JsonPointer,
}

impl TextFormat {
    /// Every format, for the generated TypeScript.
    pub const ALL: [TextFormat; 5] =
        [TextFormat::Date, TextFormat::DateTime, TextFormat::CountryCode, TextFormat::Regex, TextFormat::JsonPointer];

    /// The format name issues, descriptions and exports use (`"date-time"`).
    pub const fn name(self) -> &'static str {
        match self {
            TextFormat::Date => "date",
            TextFormat::DateTime => "date-time",
            TextFormat::CountryCode => "country-code",
            TextFormat::Regex => "regex",
            TextFormat::JsonPointer => "json-pointer",
        }
    }
}

/// Integer widths of the documentation (`int32`, `int64`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// A Java `int`: −2^31 to 2^31 − 1.
    Int32,
    /// A Java `long`, limited to what JavaScript holds exactly (decisions R8).
    Int64,
}

impl Width {
    /// Every width, for the generated TypeScript.
    pub const ALL: [Width; 2] = [Width::Int32, Width::Int64];

    /// The format name issues, descriptions and exports use (`"int32"`).
    pub const fn name(self) -> &'static str {
        match self {
            Width::Int32 => "int32",
            Width::Int64 => "int64",
        }
    }

    /// The smallest and largest value: int32's range, or for int64 the integers JavaScript
    /// holds exactly (decisions R8).
    pub fn bounds(self) -> (f64, f64) {
        match self {
            Width::Int32 => (f64::from(i32::MIN), f64::from(i32::MAX)),
            Width::Int64 => (-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER),
        }
    }
}

/// Constraints of an integer value.
#[derive(Debug, Clone, Copy)]
pub struct Integer {
    /// The documented width, which bounds the value (`format` issue past it).
    pub width: Width,
    /// Smallest value allowed, when the docs give one (an id is at least 1).
    pub minimum: Option<i64>,
    /// Largest value allowed, when the docs give one.
    pub maximum: Option<i64>,
    /// The only allowed values, when the context fixes them (a new customer's site has `customerId` 0).
    pub choices: Option<&'static [i64]>,
}

/// Constraints of a decimal number.
#[derive(Debug, Clone, Copy)]
pub struct Number {
    /// Smallest value allowed, inclusive.
    pub minimum: Option<f64>,
    /// Largest value allowed, inclusive.
    pub maximum: Option<f64>,
}

/// Constraints of an array value.
#[derive(Debug)]
pub struct Array {
    /// What every item must be.
    pub items: Kind,
    /// Fewest items (`minItems`).
    pub min_items: u32,
    /// Most items (`maxItems`), when bounded.
    pub max_items: Option<u32>,
}

/// A constant in a rule or a default.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Literal {
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A string.
    Str(&'static str),
}

impl Literal {
    /// The literal as JSON, for issue params and exported schemas.
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Literal::Bool(b) => b.into(),
            Literal::Int(i) => i.into(),
            Literal::Str(s) => s.into(),
        }
    }
}

/// When a cross-field rule applies.
#[derive(Debug, Clone, Copy)]
pub enum Condition {
    /// The field is present and not `null`.
    Present(&'static str),
    /// The field equals the literal.
    Equals(&'static str, Literal),
    /// The field is one of the strings.
    OneOf(&'static str, &'static [&'static str]),
}

/// A rule that relates several fields of one object (decisions R9).
#[derive(Debug, Clone, Copy)]
pub enum Rule {
    /// `field` is required when `when` holds (code `required`, on `field`).
    RequiredIf {
        /// The field the rule requires.
        field: &'static str,
        /// When it is required.
        when: Condition,
    },
    /// At least one of `fields` must be present (code `required`, on the first).
    AnyOf {
        /// The fields of which one is needed.
        fields: &'static [&'static str],
    },
    /// `field` must equal `value` when `when` holds (code `dependency`, on `field`).
    EqualsIf {
        /// The field the rule fixes.
        field: &'static str,
        /// The value it must have.
        value: Literal,
        /// When it must have it.
        when: Condition,
    },
    /// At most one item of the array `array` may have the boolean `flag` set to `true`
    /// (code `singleInvoiceContact`, on the second and later ones).
    AtMostOneFlag {
        /// The array field.
        array: &'static str,
        /// The boolean field of its items.
        flag: &'static str,
    },
}

impl Schema {
    /// The field called `name`, if the schema has one.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

impl Rule {
    /// The fields the rule constrains (not the ones its condition reads).
    pub fn targets(&self) -> Vec<&'static str> {
        match *self {
            Rule::RequiredIf { field, .. } | Rule::EqualsIf { field, .. } => vec![field],
            Rule::AnyOf { fields } => fields.to_vec(),
            Rule::AtMostOneFlag { array, .. } => vec![array],
        }
    }
}

impl Condition {
    /// The field the condition reads.
    pub const fn field(&self) -> &'static str {
        match *self {
            Condition::Present(f) | Condition::Equals(f, _) | Condition::OneOf(f, _) => f,
        }
    }
}

/// Words written their own way when a field name is read as words: acronyms stay in capitals.
const SPELLINGS: &[&str] = &["ID", "IDs", "DDI", "ISDN", "SMS", "VIP", "SI", "e-mail"];

/// A field name in words, for people: `siteName` → "Site name", `customerId` → "Customer ID",
/// `address1` → "Address 1". Only the first word is capitalised (sentence case).
pub(crate) fn words_of(name: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let chars: Vec<char> = name.chars().collect();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let boundary = match prev {
            None => false,
            Some(p) => {
                (c.is_ascii_uppercase() && (p.is_ascii_lowercase() || p.is_ascii_digit()))
                    || (c.is_ascii_uppercase()
                        && p.is_ascii_uppercase()
                        && next.is_some_and(|n| n.is_ascii_lowercase()))
                    || (c.is_ascii_digit() && !p.is_ascii_digit())
                    || (!c.is_ascii_digit() && p.is_ascii_digit())
            }
        };
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c == '_' || c == '-' {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        word.push(c);
    }
    if !word.is_empty() {
        words.push(word);
    }
    let shown: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let known = SPELLINGS.iter().find(|a| a.replace('-', "").eq_ignore_ascii_case(w));
            let lower = match known {
                Some(a) if a.chars().any(|c| c.is_ascii_uppercase()) => return (*a).to_owned(),
                Some(a) => (*a).to_owned(),
                None => w.to_ascii_lowercase(),
            };
            if i == 0 {
                let mut c = lower.chars();
                c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
            } else {
                lower
            }
        })
        .collect();
    shown.join(" ")
}

// ---- const builders used by the model files -------------------------------------------

/// An optional field; chain `.required()`, `.doc(..)`, `.read_only()`, `.default(..)`.
pub const fn field(name: &'static str, kind: Kind) -> Field {
    Field { name, doc: "", label: None, kind, required: false, read_only: false, returned: false, default: None }
}

impl Field {
    /// Whether a request must give this field: required and not set by the server.
    pub const fn must_be_given(&self) -> bool {
        self.required && !self.read_only
    }

    /// Must be given (unless also read-only: the server sets it).
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }
    /// Set by the server: typed, never required in a request.
    pub const fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }
    /// Read-only and always in the records the API answers with.
    pub const fn returned(mut self) -> Self {
        self.read_only = true;
        self.returned = true;
        self
    }
    /// The documentation's description of the field, for generated types and schemas.
    pub const fn doc(mut self, doc: &'static str) -> Self {
        self.doc = doc;
        self
    }
    /// Names the field for people where its name does not ("Address line 1" for `address1`).
    pub const fn label(mut self, label: &'static str) -> Self {
        self.label = Some(label);
        self
    }

    /// The field's label: the explicit one, or its name in words (`siteName` → "Site name").
    pub fn label_text(&self) -> String {
        self.label.map_or_else(|| words_of(self.name), str::to_owned)
    }

    /// The value the server assumes when the field is left out, as the docs state it.
    pub const fn default(mut self, value: Literal) -> Self {
        self.default = Some(value);
        self
    }
}

/// A string of `min..=max` UTF-16 code units.
pub const fn string(min: u32, max: u32) -> Text {
    Text { min_length: min, max_length: Some(max), pattern: None, format: None, choices: None }
}

/// A string with no documented constraint beyond its type.
pub const fn any_string() -> Text {
    Text { min_length: 0, max_length: None, pattern: None, format: None, choices: None }
}

impl Text {
    /// The whole value must match `pattern` (decisions R1).
    pub const fn pattern(mut self, pattern: Pattern) -> Self {
        self.pattern = Some(pattern);
        self
    }
    /// The value must also be in `format`.
    pub const fn format(mut self, format: TextFormat) -> Self {
        self.format = Some(format);
        self
    }
    /// This string as a field's kind.
    pub const fn kind(self) -> Kind {
        Kind::String(self)
    }
}

/// A `yyyy-MM-dd` date string.
pub const fn date() -> Kind {
    Kind::String(any_string().format(TextFormat::Date))
}

/// An RFC 3339 date-time string.
pub const fn date_time() -> Kind {
    Kind::String(any_string().format(TextFormat::DateTime))
}

/// A string that must be one of `choices`.
pub const fn one_of(choices: &'static Choices) -> Kind {
    Kind::String(Text { choices: Some(choices), ..any_string() })
}

/// A string whose value is a regular expression the server will apply (decisions R10).
pub const fn regex_string(max: Option<u32>) -> Kind {
    Kind::String(Text { max_length: max, ..any_string().format(TextFormat::Regex) })
}

/// An `int32` with no bounds beyond its width.
pub const fn int32() -> Integer {
    Integer { width: Width::Int32, minimum: None, maximum: None, choices: None }
}

/// An `int64` with no bounds beyond its width (and JavaScript's safe range, decisions R8).
pub const fn int64() -> Integer {
    Integer { width: Width::Int64, minimum: None, maximum: None, choices: None }
}

impl Integer {
    /// At least `minimum`.
    pub const fn min(mut self, minimum: i64) -> Self {
        self.minimum = Some(minimum);
        self
    }
    /// At most `maximum`.
    pub const fn max(mut self, maximum: i64) -> Self {
        self.maximum = Some(maximum);
        self
    }
    /// One of `values` (a context that fixes the value, as a new customer's sites do).
    pub const fn only(mut self, values: &'static [i64]) -> Self {
        self.choices = Some(values);
        self
    }
    /// This integer as a field's kind.
    pub const fn kind(self) -> Kind {
        Kind::Integer(self)
    }
}

/// A decimal number, optionally bounded.
pub const fn number(minimum: Option<f64>, maximum: Option<f64>) -> Kind {
    Kind::Number(Number { minimum, maximum })
}

/// A boolean.
pub const fn boolean() -> Kind {
    Kind::Boolean
}

/// An object of the given schema.
pub const fn object(schema: &'static Schema) -> Kind {
    Kind::Object(schema)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_lists_every_kind() {
        let kinds = [
            any_string().kind(),
            int32().kind(),
            number(None, None),
            boolean(),
            Kind::Object(&Schema { name: "X", doc: "", source: "", fields: &[], rules: &[] }),
            Kind::Array(&Array { items: Kind::Any, min_items: 0, max_items: None }),
            Kind::Any,
        ];
        let names: Vec<_> = kinds.iter().map(Kind::type_name).collect();
        assert_eq!(names, Kind::TYPE_NAMES);
    }

    #[test]
    fn field_names_read_as_words() {
        for (name, words) in [
            ("siteName", "Site name"),
            ("postcode", "Postcode"),
            ("id", "ID"),
            ("customerId", "Customer ID"),
            ("contractOwnerIds", "Contract owner IDs"),
            ("address1", "Address 1"),
            ("productReferenceMayBeDDIRange", "Product reference may be DDI range"),
            ("appliesToISDNOnly", "Applies to ISDN only"),
            ("receiveSmsFraudAlert", "Receive SMS fraud alert"),
            ("contactEmailAddress", "Contact e-mail address"),
            ("userEmail", "User e-mail"),
            ("emailSuspended", "E-mail suspended"),
        ] {
            assert_eq!(words_of(name), words, "{name}");
        }
    }
}
