//! What [`validate`](super::validate) and its siblings accept: a schema given by name or by
//! description ([`Target`]), and a value in any form a caller holds it ([`Input`]). One entry
//! point per operation; the trait picks the reader, so JSON text is still validated as it is
//! parsed (no tree is built) and a `serde_json::Value` is read in place.

use super::value::Value;
use super::{engine, entry, internal_error, validate_from, Error, Options, Report};
use crate::schema::Kind;

/// The methods behind [`Input`] and [`Target`], out of reach of other crates (the traits are
/// sealed: the readers are this crate's business).
pub(crate) mod sealed {
    use super::*;

    pub trait Input {
        /// Validates the input against `root`, with the reader suited to its form.
        fn validate_against(self, root: &Kind, options: Options) -> Result<Report, Error>;
        /// Calls `f` with the input as a [`Value`] (for validators that need the whole value
        /// before they judge it: patches, single fields).
        fn with_value<R>(self, f: impl FnOnce(&Value<'_>) -> R) -> Result<R, Error>;
    }

    pub trait Target {
        /// The description to validate against.
        fn root(&self) -> Result<Kind, Error>;
    }
}

/// A value to validate, in the form the caller holds it:
///
/// - `&str` / `&String`: JSON text, validated in one pass as it is parsed (no tree is built);
///   text that is not JSON is an [`Error::Json`];
/// - `&[u8]`: JSON text as bytes (UTF-8 is checked by the parser);
/// - `&serde_json::Value`: read in place;
/// - [`&Value`](Value): this crate's own tree (what the CSV reader and the JavaScript
///   bindings build).
///
/// Sealed: the forms are the readers this crate has.
pub trait Input: sealed::Input {}

/// What to validate against: a schema name from [`model::SCHEMAS`](crate::model::SCHEMAS)
/// (`"Site"`; an unknown name is an [`Error::UnknownSchema`]), or a description in hand, a
/// [`Kind`] (`Kind::Object(record)` for a record the API returns, `Kind::Any` for anything).
///
/// Sealed: these are the two ways a schema is named.
pub trait Target: sealed::Target {}

impl<T: sealed::Input> Input for T {}
impl<T: sealed::Target> Target for T {}

impl sealed::Target for &str {
    fn root(&self) -> Result<Kind, Error> {
        Ok(entry(self)?.root)
    }
}

impl sealed::Target for &String {
    fn root(&self) -> Result<Kind, Error> {
        self.as_str().root()
    }
}

impl sealed::Target for Kind {
    fn root(&self) -> Result<Kind, Error> {
        Ok(*self)
    }
}

impl sealed::Target for &Kind {
    fn root(&self) -> Result<Kind, Error> {
        Ok(**self)
    }
}

fn json_error(e: &serde_json::Error) -> Error {
    Error::Json { message: e.to_string() }
}

/// JSON text through `de`, in one pass: the walker reads it as it is parsed.
fn validate_text<'de, R: serde_json::de::Read<'de>>(
    root: &Kind,
    options: Options,
    de: impl Fn() -> serde_json::Deserializer<R>,
) -> Result<Report, Error> {
    validate_from(root, options, |w: &mut engine::Walker, k| {
        let mut de = de();
        w.check(k, &mut de)?;
        de.end()
    })
    .map_err(|e| json_error(&e))
}

impl sealed::Input for &str {
    fn validate_against(self, root: &Kind, options: Options) -> Result<Report, Error> {
        validate_text(root, options, || serde_json::Deserializer::from_str(self))
    }

    fn with_value<R>(self, f: impl FnOnce(&Value<'_>) -> R) -> Result<R, Error> {
        Ok(f(&Value::parse(self).map_err(|e| json_error(&e))?))
    }
}

impl sealed::Input for &String {
    fn validate_against(self, root: &Kind, options: Options) -> Result<Report, Error> {
        self.as_str().validate_against(root, options)
    }

    fn with_value<R>(self, f: impl FnOnce(&Value<'_>) -> R) -> Result<R, Error> {
        self.as_str().with_value(f)
    }
}

impl sealed::Input for &[u8] {
    fn validate_against(self, root: &Kind, options: Options) -> Result<Report, Error> {
        validate_text(root, options, || serde_json::Deserializer::from_slice(self))
    }

    fn with_value<R>(self, f: impl FnOnce(&Value<'_>) -> R) -> Result<R, Error> {
        let text = std::str::from_utf8(self).map_err(|e| Error::Json { message: e.to_string() })?;
        text.with_value(f)
    }
}

impl sealed::Input for &serde_json::Value {
    fn validate_against(self, root: &Kind, options: Options) -> Result<Report, Error> {
        // Reading a tree in memory cannot fail; should it ever, say so rather than claim validity.
        Ok(validate_from(root, options, |w, k| w.check(k, self)).unwrap_or_else(|e| internal_error(&e)))
    }

    fn with_value<R>(self, f: impl FnOnce(&Value<'_>) -> R) -> Result<R, Error> {
        Ok(f(&Value::from_json(self)))
    }
}

impl sealed::Input for &Value<'_> {
    fn validate_against(self, root: &Kind, options: Options) -> Result<Report, Error> {
        Ok(super::validate_kind(root, self, options))
    }

    fn with_value<R>(self, f: impl FnOnce(&Value<'_>) -> R) -> Result<R, Error> {
        Ok(f(self))
    }
}
