//! Bulk reports (NDJSON, CSV) in a compact binary form for the JavaScript decoder
//! (`src/js/wire.js`), which builds exactly the objects JSON text of the
//! same report would give: `{ records, valid, invalid, invalidLines: [{ line, errors, truncated? }],
//! truncated }`, each error `{ path, code, params, message }` (CSV: `invalidRecords` of
//! `{ record, line, errors }`, errors with `column`, and `columns`).
//!
//! Why not JSON text (what crossed before) or a general format such as MessagePack: a report
//! repeats a few strings thousands of times (paths, codes, param names, messages), and JSON
//! text makes the decoder build each again; here every distinct string crosses once and is
//! decoded once. Messages are not formatted here at all: the decoder formats them in
//! JavaScript from `path`, `code` and `params` with the same templates
//! (`src/js/core/message.js`), once per distinct issue: an issue repeated on many lines
//! carries the number of the message formatted for its first occurrence.
//!
//! Layout (integers are LEB128 varints unless said otherwise):
//!
//! ```text
//! report  = version:u8 form:u8(1 ndjson, 2 csv) records:f64 valid:f64 invalid:f64
//!           lines:f64 truncated:u8 nstrings string* [csv: ncolumns string-id*] nentries entry*
//! string  = nbytes utf8-bytes
//! entry   = ndjson: line counted issue*          csv: record line counted issue*
//! counted = nissues * 2 + (1 when issues past `maxIssues` were left out, else 0)
//! issue   = message-id [path:string-id code:string-id params:value, when message-id is new]
//!           [csv: column:(0 | string-id + 1)]
//! value   = 0 null | 1 false | 2 true | 3 uint | 4 f64:8 bytes LE | 5 string-id
//!         | 6 count:u32 LE value* (array) | 7 count:u32 LE (key:string-id value)* (object)
//! ```
//!
//! `message-id` numbers distinct `(path, code, params)` in order of first occurrence, and only
//! a new number (one past the largest so far) is followed by its path, code and params: a
//! repeated issue is its number alone, and the decoder builds it again from the first
//! occurrence (it formats the message once, there). Values follow
//! serde_json's serialisation (a non-finite number is `null`, an integer beyond 2^53 a
//! double), so the decoded objects equal `JSON.parse` of serde_json's text.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::ser::{self, Serialize};

use super::csv::CsvReport;
use super::issue::{Issue, IssueKind};
use super::ndjson::NdjsonReport;

/// The version byte the decoder checks.
pub const VERSION: u8 = 3;
/// The `form` byte of an NDJSON report.
const NDJSON: u8 = 1;
/// The `form` byte of a CSV report.
const CSV: u8 = 2;

/// Passes through hashes computed by [`hash_bytes`].
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type ByHash<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// A fast hash of a few dozen bytes (word-at-a-time multiply-rotate).
fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = 0x243F_6A88_85A3_08D3u64 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(23);
    }
    for &b in chunks.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17);
    }
    h ^ (h >> 29)
}

/// Builds one encoded report.
#[derive(Default)]
pub struct Writer {
    /// The string table: bytes, and where each string starts.
    text: Vec<u8>,
    starts: Vec<u32>,
    string_ids: ByHash<u32>,
    /// The entries.
    body: Vec<u8>,
    entries: u64,
    /// Message numbers by the hash of an issue's key (its `path code params` with every
    /// string inline, see [`Writer::issue_at`]): (number, where the key is in `keys`, its
    /// length).
    messages: ByHash<(u32, u32, u32)>,
    next_message: u32,
    /// The keys of the distinct issues, back to back.
    keys: Vec<u8>,
    /// While an issue's key is written: strings go inline (length and bytes), not as ids.
    inline: bool,
    /// Ids of `&'static str`s (codes, param names) by address: most strings of an issue are
    /// these, and an address of static text always holds the same text.
    statics: ByHash<(usize, usize, u32)>,
    /// The last few distinct issues, compared as data before any key is written: in bulk
    /// input the same few defects come back line after line. The one used last is first.
    recent: Vec<Recent>,
}

/// A distinct issue in [`Writer::recent`] and its message number.
struct Recent {
    path: String,
    kind: IssueKind,
    id: u32,
}

/// How many issues [`Writer::recent`] holds: a linear search, so a few.
const RECENT: usize = 8;

/// True when `==` on two `IssueKind`s of this kind means they encode alike: no `f64` or JSON
/// value inside (`-0.0 == 0.0`, and `NaN` is never equal).
fn comparable(kind: &IssueKind) -> bool {
    use IssueKind as K;
    match kind {
        K::Required { when, .. } => when.is_none(),
        K::Type { .. }
        | K::MinLength { .. }
        | K::MaxLength { .. }
        | K::Pattern { .. }
        | K::MinItems { .. }
        | K::MaxItems { .. }
        | K::Format { .. }
        | K::CountryCode { .. }
        | K::SingleInvoiceContact { .. }
        | K::UnknownField { .. }
        | K::Json { .. }
        | K::PatchTarget { .. }
        | K::QuerySyntax { .. } => true,
        K::Enum { .. } | K::Minimum { .. } | K::Maximum { .. } | K::Dependency { .. } | K::PatchTest { .. } => false,
    }
}

/// An entry's issue count with its `truncated` flag in the low bit.
fn counted(issues: usize, truncated: bool) -> u64 {
    (issues as u64) << 1 | u64::from(truncated)
}

fn varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const UINT: u8 = 3;
const F64: u8 = 4;
const STRING: u8 = 5;
const ARRAY: u8 = 6;
const OBJECT: u8 = 7;

/// Every constant of the layout the decoder reads, by the name `src/js/wire.js` imports it
/// under: generated into `core/gen/contract.js` as `WIRE` (src/export/js), never restated in
/// JavaScript.
pub const CONSTANTS: [(&str, u8); 11] = [
    ("VERSION", VERSION),
    ("NDJSON", NDJSON),
    ("CSV", CSV),
    ("NULL", NULL),
    ("FALSE", FALSE),
    ("TRUE", TRUE),
    ("UINT", UINT),
    ("F64", F64),
    ("STRING", STRING),
    ("ARRAY", ARRAY),
    ("OBJECT", OBJECT),
];

/// Largest integer a double holds exactly; beyond it an integer goes as a double, rounded as
/// `JSON.parse` rounds serde_json's digits.
const EXACT: u64 = 1 << 53;

impl Writer {
    /// The id of `s` in the string table.
    fn string(&mut self, s: &str) -> u32 {
        let h = hash_bytes(s.as_bytes());
        if let Some(&id) = self.string_ids.get(&h) {
            let from = self.starts[id as usize] as usize;
            let to = self.starts.get(id as usize + 1).map_or(self.text.len(), |&t| t as usize);
            if &self.text[from..to] == s.as_bytes() {
                return id;
            }
        }
        // New (or a hash collision: then the string is stored twice, which costs only a
        // second formatting of the messages that use it).
        let id = self.starts.len() as u32;
        self.starts.push(self.text.len() as u32);
        self.text.extend_from_slice(s.as_bytes());
        self.string_ids.insert(h, id);
        id
    }

    fn string_ref(&mut self, s: &str) {
        if self.inline {
            return self.inline_string(s);
        }
        let id = self.string(s);
        varint(&mut self.body, u64::from(id));
    }

    /// [`Writer::string_ref`] for static text, looked up by address.
    fn static_ref(&mut self, s: &'static str) {
        if self.inline {
            return self.inline_string(s);
        }
        let (at, len) = (s.as_ptr() as usize, s.len());
        let key = ((at as u64) ^ ((len as u64) << 48)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let id = match self.statics.get(&key) {
            Some(&(a, l, id)) if (a, l) == (at, len) => id,
            _ => {
                let id = self.string(s);
                self.statics.insert(key, (at, len, id));
                id
            }
        };
        varint(&mut self.body, u64::from(id));
    }

    /// A string written into an issue's key: its length and bytes.
    fn inline_string(&mut self, s: &str) {
        varint(&mut self.body, s.len() as u64);
        self.body.extend_from_slice(s.as_bytes());
    }

    /// Starts an NDJSON entry: the line number, how many issues follow and whether others
    /// were left out (`max_issues`).
    pub fn ndjson_line(&mut self, line: u64, issues: usize, truncated: bool) {
        self.entries += 1;
        varint(&mut self.body, line);
        varint(&mut self.body, counted(issues, truncated));
    }

    /// Starts a CSV entry.
    pub fn csv_record(&mut self, record: u64, line: u64, issues: usize, truncated: bool) {
        self.entries += 1;
        varint(&mut self.body, record);
        varint(&mut self.body, line);
        varint(&mut self.body, counted(issues, truncated));
    }

    /// One issue of the current entry (and, for CSV, its column).
    pub fn issue(&mut self, issue: &Issue, column: Option<Option<&str>>) {
        self.issue_at(&issue.path, &issue.kind, column);
    }

    /// [`Writer::issue`] from its parts: the walker hands them over without building an
    /// [`Issue`] (see `Walker::drain_issues`).
    pub fn issue_at(&mut self, path: &str, kind: &IssueKind, column: Option<Option<&str>>) {
        let comparable = comparable(kind);
        let seen = if comparable { self.recent.iter().position(|r| r.kind == *kind && r.path == path) } else { None };
        match seen {
            Some(at) => {
                // Most recently used first: the one found moves to the front, the others down.
                self.recent[..=at].rotate_right(1);
                varint(&mut self.body, u64::from(self.recent[0].id));
            }
            None => {
                let id = self.distinct(path, kind);
                if comparable {
                    let r = Recent { path: path.to_owned(), kind: kind.clone(), id };
                    // In front; when full, the least recently used (the last) goes.
                    if self.recent.len() == RECENT {
                        self.recent.pop();
                    }
                    self.recent.insert(0, r);
                }
            }
        }
        if let Some(column) = column {
            match column {
                None => self.body.push(0),
                Some(c) => {
                    let id = self.string(c);
                    varint(&mut self.body, u64::from(id) + 1);
                }
            }
        }
    }

    /// Writes the message number of an issue not in [`Writer::recent`], and its path, code and
    /// params when the number is new; returns the number.
    fn distinct(&mut self, path: &str, kind: &IssueKind) -> u32 {
        // Most issues repeat one seen before (the same defect on many lines). The issue's key,
        // its strings inline, costs a copy and a hash; a repeat then crosses as its message
        // number alone, with no string looked up in the table.
        let start = self.body.len();
        self.inline = true;
        self.content(path, kind);
        self.inline = false;
        let h = hash_bytes(&self.body[start..]);
        let known = self.messages.get(&h).copied().filter(|&(_, at, len)| {
            self.keys.get(at as usize..(at + len) as usize).is_some_and(|k| k == &self.body[start..])
        });
        match known {
            Some((id, _, _)) => {
                self.body.truncate(start);
                varint(&mut self.body, u64::from(id));
                id
            }
            None => {
                // New (or a hash collision: then this issue takes the entry, and the other one
                // is numbered again when it comes back, which costs a second message).
                let id = self.next_message;
                self.next_message += 1;
                let at = self.keys.len() as u32;
                self.keys.extend_from_slice(&self.body[start..]);
                self.messages.insert(h, (id, at, (self.body.len() - start) as u32));
                self.body.truncate(start);
                varint(&mut self.body, u64::from(id));
                self.content(path, kind);
                id
            }
        }
    }

    /// An issue's path, code and params.
    fn content(&mut self, path: &str, kind: &IssueKind) {
        let start = self.body.len();
        self.string_ref(path);
        self.static_ref(kind.code());
        if kind.serialize(ParamsOf(self)).is_err() {
            // Params are plain data; should one ever fail, it is `{}` rather than a broken report.
            self.body.truncate(start);
            self.string_ref(path);
            self.string_ref(kind.code());
            self.body.push(OBJECT);
            self.body.extend_from_slice(&0u32.to_le_bytes());
        }
    }

    /// The NDJSON report whose entries were written here, with the counts of `r` (its
    /// `invalid_lines` are not read) and `lines` read.
    pub fn finish_ndjson(self, r: &NdjsonReport, lines: u64) -> Vec<u8> {
        self.finish(NDJSON, [r.records, r.valid, r.invalid, lines], r.truncated, None)
    }

    /// The whole report: `counts` are records, valid, invalid and lines read (NDJSON) or 0.
    fn finish(mut self, form: u8, counts: [u64; 4], truncated: bool, columns: Option<&[String]>) -> Vec<u8> {
        let column_ids: Vec<u32> = columns.unwrap_or(&[]).iter().map(|c| self.string(c)).collect();
        let mut out = Vec::with_capacity(48 + self.text.len() + self.starts.len() * 2 + self.body.len());
        out.push(VERSION);
        out.push(form);
        for n in counts {
            out.extend_from_slice(&(n as f64).to_le_bytes());
        }
        out.push(u8::from(truncated));
        varint(&mut out, self.starts.len() as u64);
        for (i, &from) in self.starts.iter().enumerate() {
            let to = self.starts.get(i + 1).map_or(self.text.len(), |&t| t as usize);
            varint(&mut out, (to - from as usize) as u64);
            out.extend_from_slice(&self.text[from as usize..to]);
        }
        if columns.is_some() {
            varint(&mut out, column_ids.len() as u64);
            for id in column_ids {
                varint(&mut out, u64::from(id));
            }
        }
        varint(&mut out, self.entries);
        out.extend_from_slice(&self.body);
        out
    }
}

/// An NDJSON report, encoded; `lines` is how many lines were read (the parallel validator
/// numbers the lines of later chunks from it).
pub fn ndjson_report(r: &NdjsonReport, lines: u64) -> Vec<u8> {
    let mut w = Writer::default();
    for l in &r.invalid_lines {
        w.ndjson_line(l.line, l.issues.len(), l.truncated);
        for i in &l.issues {
            w.issue(i, None);
        }
    }
    w.finish_ndjson(r, lines)
}

/// A CSV report, encoded.
pub fn csv_report(r: &CsvReport) -> Vec<u8> {
    let mut w = Writer::default();
    for rec in &r.invalid_records {
        w.csv_record(rec.record, rec.line, rec.issues.len(), rec.truncated);
        for i in &rec.issues {
            w.issue(&i.issue, Some(i.column.as_deref()));
        }
    }
    w.finish(CSV, [r.records, r.valid, r.invalid, 0], r.truncated, Some(&r.columns))
}

/// Serialises only the `params` of an [`IssueKind`](super::issue::IssueKind) (serialised by serde as the struct
/// `{ code, params }`, adjacently tagged): `code` is written from [`Issue::code`].
struct ParamsOf<'w>(&'w mut Writer);

impl<'w> ser::Serializer for ParamsOf<'w> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ParamsField<'w>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<ParamsField<'w>, Error> {
        Ok(ParamsField(self.0, false))
    }

    fn serialize_bool(self, _: bool) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_i8(self, _: i8) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_i16(self, _: i16) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_i32(self, _: i32) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_i64(self, _: i64) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_u8(self, _: u8) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_u16(self, _: u16) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_u32(self, _: u32) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_u64(self, _: u64) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_char(self, _: char) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_str(self, _: &str) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, _: &T) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(Error)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(Error)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(Error)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Error)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Error)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Error)
    }
}

/// The fields of `{ code, params }`: `params` is written, `code` skipped. The flag says
/// whether `params` came (a kind without params would be `{}`).
struct ParamsField<'w>(&'w mut Writer, bool);

impl ser::SerializeStruct for ParamsField<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        if key == "params" {
            self.1 = true;
            value.serialize(Value(self.0))?;
        }
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        if !self.1 {
            self.0.body.push(OBJECT);
            self.0.body.extend_from_slice(&0u32.to_le_bytes());
        }
        Ok(())
    }
}

/// Why a value could not be written (a map key that is not a string or a number: serde_json
/// refuses those too).
#[derive(Debug)]
pub struct Error;

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the value cannot be encoded")
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Error
    }
}

/// Writes any serde value, as serde_json would see it.
struct Value<'w>(&'w mut Writer);

/// An array or object being written: where its count goes, and the count so far.
struct Compound<'w> {
    w: &'w mut Writer,
    at: usize,
    count: u32,
}

impl<'w> Compound<'w> {
    fn open(w: &'w mut Writer, tag: u8) -> Compound<'w> {
        w.body.push(tag);
        let at = w.body.len();
        w.body.extend_from_slice(&0u32.to_le_bytes());
        Compound { w, at, count: 0 }
    }
    fn close(self) -> Result<(), Error> {
        self.w.body[self.at..self.at + 4].copy_from_slice(&self.count.to_le_bytes());
        Ok(())
    }
    fn element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.count += 1;
        v.serialize(Value(&mut *self.w))
    }
    fn key(&mut self, k: &'static str) {
        self.count += 1;
        self.w.static_ref(k);
    }

    fn key_text(&mut self, k: &str) {
        self.count += 1;
        self.w.string_ref(k);
    }
}

impl Value<'_> {
    fn uint(self, n: u64) -> Result<(), Error> {
        if n > EXACT {
            return self.float(n as f64);
        }
        self.0.body.push(UINT);
        varint(&mut self.0.body, n);
        Ok(())
    }
    fn int(self, n: i64) -> Result<(), Error> {
        if n >= 0 {
            self.uint(n as u64)
        } else {
            self.float(n as f64)
        }
    }
    fn float(self, n: f64) -> Result<(), Error> {
        if n.is_finite() {
            self.0.body.push(F64);
            self.0.body.extend_from_slice(&n.to_le_bytes());
        } else {
            self.0.body.push(NULL);
        }
        Ok(())
    }
    fn str(self, s: &str) -> Result<(), Error> {
        self.0.body.push(STRING);
        self.0.string_ref(s);
        Ok(())
    }
}

impl<'w> ser::Serializer for Value<'w> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w>;
    type SerializeTuple = Compound<'w>;
    type SerializeTupleStruct = Compound<'w>;
    type SerializeTupleVariant = Variant<'w>;
    type SerializeMap = MapWriter<'w>;
    type SerializeStruct = Compound<'w>;
    type SerializeStructVariant = Variant<'w>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.0.body.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.int(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.int(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.int(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.uint(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.uint(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.uint(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.uint(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.float(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float(v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.str(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut c = Compound::open(self.0, ARRAY);
        for b in v {
            c.element(b)?;
        }
        c.close()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.0.body.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        let mut c = Compound::open(self.0, OBJECT);
        c.key(variant);
        v.serialize(Value(&mut *c.w))?;
        c.close()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'w>, Error> {
        Ok(Compound::open(self.0, ARRAY))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'w>, Error> {
        Ok(Compound::open(self.0, ARRAY))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'w>, Error> {
        Ok(Compound::open(self.0, ARRAY))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Variant<'w>, Error> {
        Ok(Variant::open(self.0, variant, ARRAY))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<MapWriter<'w>, Error> {
        Ok(MapWriter(Compound::open(self.0, OBJECT)))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'w>, Error> {
        Ok(Compound::open(self.0, OBJECT))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Variant<'w>, Error> {
        Ok(Variant::open(self.0, variant, OBJECT))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
        self.key(key);
        v.serialize(Value(&mut *self.w))
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// `{ variant: [...] }` or `{ variant: {...} }`, as serde_json writes enum variants.
struct Variant<'w> {
    inner: Compound<'w>,
}

impl<'w> Variant<'w> {
    fn open(w: &'w mut Writer, variant: &str, tag: u8) -> Variant<'w> {
        w.body.push(OBJECT);
        w.body.extend_from_slice(&1u32.to_le_bytes());
        w.string_ref(variant);
        Variant { inner: Compound::open(w, tag) }
    }
}

impl ser::SerializeTupleVariant for Variant<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        self.inner.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.inner.close()
    }
}

impl ser::SerializeStructVariant for Variant<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
        self.inner.key(key);
        v.serialize(Value(&mut *self.inner.w))
    }
    fn end(self) -> Result<(), Error> {
        self.inner.close()
    }
}

/// A map: keys are strings, or numbers and booleans written as strings (as serde_json does).
struct MapWriter<'w>(Compound<'w>);

impl ser::SerializeMap for MapWriter<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        let text = serde_json::to_value(key).map_err(|_| Error)?;
        let text = match text {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Bool(b) => b.to_string(),
            _ => return Err(Error),
        };
        self.0.key_text(&text);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        v.serialize(Value(&mut *self.0.w))
    }
    fn end(self) -> Result<(), Error> {
        self.0.close()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::ndjson::LineIssues;

    /// A minimal decoder (the JavaScript one's logic), to check the encoding round-trips to
    /// what serde_json gives.
    struct Reader<'a> {
        b: &'a [u8],
        i: usize,
        strings: Vec<String>,
    }

    impl Reader<'_> {
        fn u8(&mut self) -> u8 {
            self.i += 1;
            self.b[self.i - 1]
        }
        fn varint(&mut self) -> u64 {
            let (mut n, mut shift) = (0u64, 0);
            loop {
                let b = self.u8();
                n |= u64::from(b & 0x7f) << shift;
                if b < 0x80 {
                    return n;
                }
                shift += 7;
            }
        }
        fn f64(&mut self) -> f64 {
            self.i += 8;
            f64::from_le_bytes(self.b[self.i - 8..self.i].try_into().unwrap())
        }
        fn u32(&mut self) -> u32 {
            self.i += 4;
            u32::from_le_bytes(self.b[self.i - 4..self.i].try_into().unwrap())
        }
        fn string(&mut self) -> String {
            let id = self.varint() as usize;
            self.strings[id].clone()
        }
        fn value(&mut self) -> serde_json::Value {
            use serde_json::Value as V;
            match self.u8() {
                NULL => V::Null,
                FALSE => V::Bool(false),
                TRUE => V::Bool(true),
                UINT => V::from(self.varint()),
                F64 => serde_json::json!(self.f64()),
                STRING => V::String(self.string()),
                ARRAY => {
                    let n = self.u32();
                    V::Array((0..n).map(|_| self.value()).collect())
                }
                OBJECT => {
                    let n = self.u32();
                    V::Object((0..n).map(|_| (self.string(), self.value())).collect())
                }
                t => panic!("tag {t}"),
            }
        }
    }

    type Lines = Vec<(u64, bool, Vec<serde_json::Value>)>;

    fn decode_ndjson(bytes: &[u8]) -> (Vec<f64>, bool, Lines) {
        let mut r = Reader { b: bytes, i: 0, strings: Vec::new() };
        assert_eq!((r.u8(), r.u8()), (VERSION, 1));
        let counts = (0..4).map(|_| r.f64()).collect();
        let truncated = r.u8() == 1;
        for _ in 0..r.varint() {
            let n = r.varint() as usize;
            r.strings.push(String::from_utf8(r.b[r.i..r.i + n].to_vec()).unwrap());
            r.i += n;
        }
        let mut messages = Vec::new();
        let mut lines = Vec::new();
        for _ in 0..r.varint() {
            let line = r.varint();
            let counted = r.varint();
            let mut errors = Vec::new();
            for _ in 0..counted >> 1 {
                let id = r.varint() as usize;
                if id == messages.len() {
                    let path = r.string();
                    let code = r.string();
                    let params = r.value();
                    let message = crate::validate::message::message(&path, &code, &params);
                    messages
                        .push(serde_json::json!({ "path": path, "code": code, "params": params, "message": message }));
                }
                errors.push(messages[id].clone());
            }
            lines.push((line, counted & 1 == 1, errors));
        }
        assert_eq!(r.i, bytes.len());
        (counts, truncated, lines)
    }

    #[test]
    fn issues_decode_to_what_serde_json_writes() {
        let when =
            crate::rules::issue::When { field: "a".into(), equals: Some(true.into()), one_of: None, present: None };
        let kinds = vec![
            IssueKind::required(),
            IssueKind::Required { when: Some(when.clone()), any_of: None },
            IssueKind::Pattern {
                pattern: "POSTCODE".into(),
                character: Some("#".into()),
                index: Some(3),
                reason: None,
                suggestion: None,
                format: None,
            },
            IssueKind::Enum { allowed: vec!["A".into(), 2.into(), serde_json::Value::Null] },
            IssueKind::Minimum { limit: 1.5, actual: -2.0 },
            IssueKind::Maximum { limit: 1e300, actual: f64::INFINITY },
            IssueKind::MaxLength { limit: 100, actual: 101 },
            IssueKind::Dependency { expected: true.into(), when },
            IssueKind::Json { message: "expected value".into(), column: 2 },
            IssueKind::Type { expected: "integer".into(), actual: "string".into() },
        ];
        let issues: Vec<Issue> =
            kinds.into_iter().enumerate().map(|(i, kind)| Issue { path: format!("/a~1b/{}", i % 3), kind }).collect();
        let report = NdjsonReport {
            records: 7,
            valid: 3,
            invalid: 4,
            invalid_lines: vec![
                LineIssues { line: 2, issues: issues.clone(), truncated: false },
                LineIssues { line: 1 << 40, issues: issues[..3].to_vec(), truncated: true },
            ],
            truncated: true,
        };
        let (counts, truncated, lines) = decode_ndjson(&ndjson_report(&report, 9));
        assert_eq!((counts, truncated), (vec![7.0, 3.0, 4.0, 9.0], true));
        for ((line, cut, errors), want) in lines.iter().zip(&report.invalid_lines) {
            assert_eq!((*line, *cut), (want.line, want.truncated));
            let want: Vec<serde_json::Value> =
                want.issues.iter().map(|i| serde_json::from_str(&serde_json::to_string(i).unwrap()).unwrap()).collect();
            assert_eq!(errors, &want);
        }
    }
}
