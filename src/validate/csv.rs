//! Bulk validation of CSV, for back-end scripts that check a spreadsheet export before an
//! import. The header row names a field per column, by JSON Pointer (`/siteAddress/postcode`)
//! or dotted path (`siteContacts.0.contactName`); each row becomes the nested body with the
//! model's types and is validated as it is read, inside wasm, in one pass.
//!
//! **Cells to values** (the rules of [`crate::schema::input`], which the form helper `formBody`
//! also follows, held equal by a differential test; nothing is guessed and nothing is trimmed):
//! - an empty cell is absent (the member is left out);
//! - integer field: `^-?[0-9]+$` is the number, anything else stays a string (so the
//!   validator reports `type`); number field: `^-?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$`
//!   is the number, anything else stays a string; boolean field: exactly `true` / `false`,
//!   anything else stays a string; string fields: the text as is;
//! - an object (or array) whose cells are all empty is absent; array items are built by
//!   index, trailing items whose cells are all empty are dropped, and an all-empty item
//!   before a non-empty one becomes `{}` (so its issues point at real columns);
//! - a row whose cells are all empty is skipped, like a blank line.
//!
//! A header cell that names no field of the schema (or an object, an array, or a field another
//! column already names) is a [`CsvError`] before any row is read: every row would fail
//! otherwise. A row that cannot be read (a cell that is not UTF-8, a cell count other than the
//! header's, a record larger than [`MAX_RECORD_BYTES`]) is one issue with code `json` at the
//! root, the code of an unreadable record (as for NDJSON).
//!
//! Parsing is csv-core's (the `csv` crate's parser; see Cargo.toml): RFC 4180 quoting with
//! doubled quotes, `\n`, `\r\n` or `\r` line ends, newlines inside quoted cells. A UTF-8 BOM
//! before the header is dropped. Input arrives in chunks of any size ([`CsvValidator::push`]);
//! chunks may split records, cells, characters and the BOM.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

use super::issue::{Issue, IssueKind};
use super::schema::Kind;
use super::value::Value;
use super::{parse_pointer, resolve_at, validate_kind, Error, Options};
use crate::schema::input::{text_value, TextValue};

/// Largest record (bytes of its cells), as for an NDJSON line: a longer one is reported and
/// skipped, so one runaway quoted cell cannot hold the whole input in memory.
pub const MAX_RECORD_BYTES: usize = super::ndjson::MAX_LINE_BYTES;
/// Most cells in one record (a row of commas is a record of empty cells).
pub const MAX_CELLS: usize = 100_000;
/// Largest array index a header may name (`siteContacts.999.contactName`): items are built
/// by index, so the index bounds the memory of every row.
pub const MAX_ARRAY_INDEX: usize = 9_999;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How to read and validate a CSV input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// Options applied to each record.
    pub record: Options,
    /// Keep the issues of at most this many invalid records (all of them are still counted);
    /// by default as many as NDJSON keeps lines, `None` for every one.
    pub max_invalid_records: Option<usize>,
    /// The cell separator, one ASCII byte (`,` by default; `;` for some spreadsheet locales).
    pub delimiter: u8,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            record: Options::default(),
            max_invalid_records: Some(super::ndjson::DEFAULT_MAX_INVALID_LINES),
            delimiter: b',',
        }
    }
}

/// Why a CSV input cannot be validated at all (as opposed to rows with issues).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CsvError {
    /// The schema name is unknown, or the options are unusable.
    Schema(Error),
    /// A header cell cannot be used: `column` is its 1-based position, `cell` its text.
    Header {
        /// 1-based position of the column.
        column: usize,
        /// The header cell's text.
        cell: String,
        /// Why it cannot be used (no such field, an object, a duplicate…).
        reason: String,
    },
    /// The delimiter is not one ASCII byte other than a quote or line end.
    Delimiter {
        /// The delimiter given.
        delimiter: String,
    },
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvError::Schema(e) => e.fmt(f),
            CsvError::Header { column, cell, reason } => {
                write!(f, "CSV header column {column} ({cell:?}): {reason}")
            }
            CsvError::Delimiter { delimiter } => write!(
                f,
                "the CSV delimiter must be one ASCII character other than a quote or a line end, not {delimiter:?}"
            ),
        }
    }
}

impl std::error::Error for CsvError {}

impl From<Error> for CsvError {
    fn from(e: Error) -> Self {
        CsvError::Schema(e)
    }
}

/// One issue of a record, with the header cell of the column its path names (`None` when no
/// column names exactly that path: a missing object, an array's item count, the root).
#[derive(Debug, Clone, PartialEq)]
pub struct CsvIssue {
    /// The issue, its path into the record's body.
    pub issue: Issue,
    /// The header cell of its column, when one names exactly that path.
    pub column: Option<String>,
}

/// The issues of one invalid record.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordIssues {
    /// 1-based number of the record among the data records (the header is not counted, nor
    /// are rows whose cells are all empty).
    pub record: u64,
    /// 1-based physical line where the record starts (counting `\n`; blank lines and newlines
    /// inside quoted cells included), as an editor shows it.
    pub line: u64,
    /// The record's issues, in document order.
    pub issues: Vec<CsvIssue>,
    /// True when issues past the record options' `max_issues` were left out.
    pub truncated: bool,
}

/// The outcome of validating a CSV input.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CsvReport {
    /// Data records (rows below the header that are not all empty).
    pub records: u64,
    /// Records without an issue.
    pub valid: u64,
    /// Records with at least one issue (all counted, kept or not).
    pub invalid: u64,
    /// Invalid records in input order, up to `max_invalid_records`.
    pub invalid_records: Vec<RecordIssues>,
    /// True when `invalid_records` was cut short by `max_invalid_records`.
    pub truncated: bool,
    /// The header cells, as read.
    pub columns: Vec<String>,
}

/// What a header names: one column per leaf, arranged as the body they build.
#[derive(Debug)]
enum Node {
    /// A scalar field, read from cell `cell`.
    Leaf { cell: usize, kind: Kind },
    /// An object's members, in the order the header first names them.
    Object(Vec<(String, Node)>),
    /// An array's items by index (`None` where no column names that item).
    Array(Vec<Option<Node>>),
}

/// The header, resolved against a schema: the tree of columns and, per JSON Pointer, the
/// column that names it (to label issues).
#[derive(Debug)]
struct Mapping {
    /// The schema's root kind, which each built body is validated against.
    kind: Kind,
    root: Node,
    columns: Vec<String>,
    by_pointer: HashMap<String, usize>,
}

/// The value of a non-empty cell for a field of `kind` (module doc: cells to values; the rules
/// are [`crate::schema::input`]'s, shared with the form helper). A number too large for a double
/// is ±Infinity, which the validator reports as a `type` issue.
fn cell_value<'a>(kind: &Kind, text: &'a str) -> Value<'a> {
    match text_value(kind, text) {
        TextValue::Bool(b) => Value::Bool(b),
        TextValue::Number(n) => Value::Number(n),
        TextValue::Text(t) => Value::String(Cow::Borrowed(t)),
    }
}

impl Node {
    fn build<'a>(&self, cells: &[&'a str]) -> Option<Value<'a>> {
        match self {
            Node::Leaf { cell, kind } => {
                let text = cells.get(*cell).copied().unwrap_or("");
                (!text.is_empty()).then(|| cell_value(kind, text))
            }
            Node::Object(members) => {
                let built: Vec<(Cow<'a, str>, Value<'a>)> = members
                    .iter()
                    .filter_map(|(name, node)| node.build(cells).map(|v| (Cow::Owned(name.clone()), v)))
                    .collect();
                (!built.is_empty()).then_some(Value::Object(built))
            }
            Node::Array(items) => {
                let mut built: Vec<Option<Value<'a>>> =
                    items.iter().map(|n| n.as_ref().and_then(|n| n.build(cells))).collect();
                let last = built.iter().rposition(Option::is_some)?;
                built.truncate(last + 1);
                Some(Value::Array(built.into_iter().map(|v| v.unwrap_or(Value::Object(Vec::new()))).collect()))
            }
        }
    }
}

/// RFC 6901 escaping of one segment.
fn escape(segment: &str) -> Cow<'_, str> {
    if segment.contains(['~', '/']) {
        Cow::Owned(segment.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(segment)
    }
}

/// The segments a header cell names: a JSON Pointer when it starts with `/`, else a dotted path.
fn segments_of(cell: &str) -> Option<Vec<Cow<'_, str>>> {
    if cell.starts_with('/') {
        parse_pointer(cell)
    } else if cell.is_empty() {
        None
    } else {
        Some(cell.split('.').map(Cow::Borrowed).collect())
    }
}

/// An array index as a pointer writes it: `0`, or digits without a leading zero.
fn array_index(segment: &str) -> Result<usize, String> {
    let canonical = segment == "0"
        || (!segment.starts_with('0') && !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()));
    let n = segment
        .parse::<usize>()
        .ok()
        .filter(|_| canonical)
        .ok_or_else(|| format!("{segment:?} is not an array index"))?;
    if n > MAX_ARRAY_INDEX {
        return Err(format!("array index {n} is above {MAX_ARRAY_INDEX}, the largest a column may name"));
    }
    Ok(n)
}

impl Mapping {
    fn new(schema: &str, root: &Kind, cells: Vec<String>) -> Result<Mapping, CsvError> {
        let mut mapping = Mapping { kind: *root, root: fresh(root), columns: Vec::new(), by_pointer: HashMap::new() };
        for (i, cell) in cells.iter().enumerate() {
            let header = |reason: String| CsvError::Header { column: i + 1, cell: cell.clone(), reason };
            let segments = segments_of(cell).ok_or_else(|| {
                header(if cell.is_empty() {
                    "the header cell is empty; every column must name a field".into()
                } else {
                    "not a JSON Pointer".into()
                })
            })?;
            let resolved = resolve_at(root, &segments).map_err(|reason| {
                let trimmed = cell.trim();
                let hint = if trimmed != cell && segments_of(trimmed).is_some_and(|s| resolve_at(root, &s).is_ok()) {
                    " (the cell has white space around the name; cells are not trimmed)"
                } else {
                    ""
                };
                header(format!("not a field of {schema}: {reason}{hint}"))
            })?;
            match resolved.kind {
                Kind::Object(s) => {
                    return Err(header(format!(
                        "names the object {}; name its fields instead, e.g. {cell}.{}",
                        s.name,
                        s.fields.iter().find(|f| f.required).or(s.fields.first()).map_or("field", |f| f.name)
                    )))
                }
                Kind::Array(_) => return Err(header(format!("names an array; name its items instead, e.g. {cell}.0"))),
                _ => {}
            }
            let pointer: String = segments.iter().map(|s| format!("/{}", escape(s))).collect();
            if let Some(&earlier) = mapping.by_pointer.get(&pointer) {
                return Err(header(format!(
                    "names the same field as column {} ({:?}): {pointer}",
                    earlier + 1,
                    cells[earlier]
                )));
            }
            insert(&mut mapping.root, root, &segments, i, resolved.kind).map_err(header)?;
            mapping.by_pointer.insert(pointer, i);
        }
        mapping.columns = cells;
        Ok(mapping)
    }

    fn column_of(&self, path: &str) -> Option<String> {
        self.by_pointer.get(path).map(|&i| self.columns[i].clone())
    }
}

/// An empty node for a value of `kind`.
fn fresh(kind: &Kind) -> Node {
    match kind {
        Kind::Array(_) => Node::Array(Vec::new()),
        _ => Node::Object(Vec::new()),
    }
}

/// Adds the leaf `cell` (a field of `leaf` kind) at `segments` below `node` (of `kind`).
fn insert(node: &mut Node, kind: &Kind, segments: &[Cow<'_, str>], cell: usize, leaf: Kind) -> Result<(), String> {
    let Some((first, rest)) = segments.split_first() else {
        *node = Node::Leaf { cell, kind: leaf };
        return Ok(());
    };
    match (node, kind) {
        (Node::Object(members), Kind::Object(s)) => {
            let field = s.field(first).ok_or_else(|| format!("{} has no field {first:?}", s.name))?;
            let at = match members.iter().position(|(n, _)| n == first.as_ref()) {
                Some(at) => at,
                None => {
                    members.push((first.to_string(), fresh(&field.kind)));
                    members.len() - 1
                }
            };
            insert(&mut members[at].1, &field.kind, rest, cell, leaf)
        }
        (Node::Array(items), Kind::Array(a)) => {
            let index = array_index(first)?;
            if items.len() <= index {
                items.resize_with(index + 1, || None);
            }
            let item = items[index].get_or_insert_with(|| fresh(&a.items));
            insert(item, &a.items, rest, cell, leaf)
        }
        (_, Kind::Any) => Err("cannot name a part of a value of any type".into()),
        _ => Err("cannot descend into a value of this type".into()),
    }
}

/// The `json` issue of a record that cannot be read; `column` is the 1-based cell at fault.
fn unreadable(message: String, column: usize) -> Issue {
    Issue { path: String::new(), kind: IssueKind::Json { message, column: column as u64 } }
}

/// A record as cells: `Ok` with every cell's text, or why it cannot be read (message, cell).
fn cells_of<'a>(bytes: &'a [u8], ends: &[usize], columns: usize) -> Result<Vec<&'a str>, (String, usize)> {
    let mut cells = Vec::with_capacity(ends.len());
    let mut start = 0;
    for (i, &end) in ends.iter().enumerate() {
        let bytes = bytes.get(start..end).unwrap_or_default();
        let text = std::str::from_utf8(bytes).map_err(|_| (format!("cell {} is not valid UTF-8", i + 1), i + 1))?;
        cells.push(text);
        start = end;
    }
    if columns != 0 && cells.len() != columns {
        let at = cells.len().min(columns) + 1;
        return Err((format!("the record has {} cells; the header has {columns}", cells.len()), at));
    }
    Ok(cells)
}

/// One data record as the parser hands it on.
pub(crate) struct Row<'a> {
    pub record: u64,
    pub line: u64,
    /// The body (`None` when its cells are all empty), or why the record cannot be read.
    pub value: Result<Option<Value<'a>>, Issue>,
}

/// The parsing half shared by the validator and [`csv_values`]: chunks in, header resolved,
/// rows out as values.
struct CsvReader {
    schema: String,
    root: Kind,
    parser: Reader,
    mapping: Option<Mapping>,
    /// Bytes of a BOM seen so far at the very start (a chunk may split it).
    lead: Vec<u8>,
    started: bool,
    out: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    ends_len: usize,
    /// The record in progress went past a bound: its cells are dropped until its end.
    oversize: bool,
    /// Line counting: the current line, and whether the record in progress has begun (blank
    /// lines before it are not its own).
    line: u64,
    record_line: u64,
    in_record: bool,
    record: u64,
    /// A header error, given again on every later call (the next record is no header).
    failed: Option<CsvError>,
}

impl CsvReader {
    fn new(schema: &str, options: &CsvOptions) -> Result<CsvReader, CsvError> {
        let entry = super::entry(schema)?;
        let d = options.delimiter;
        if !d.is_ascii() || matches!(d, b'"' | b'\r' | b'\n') {
            return Err(CsvError::Delimiter { delimiter: char::from(d).to_string() });
        }
        Ok(CsvReader {
            schema: schema.to_owned(),
            root: entry.root,
            parser: ReaderBuilder::new().delimiter(d).build(),
            mapping: None,
            lead: Vec::new(),
            started: false,
            out: vec![0; 4096],
            out_len: 0,
            ends: vec![0; 64],
            ends_len: 0,
            oversize: false,
            line: 1,
            record_line: 1,
            in_record: false,
            record: 0,
            failed: None,
        })
    }

    /// Feeds a chunk; `row` gets each data record it completes.
    fn push(&mut self, mut chunk: &[u8], row: &mut dyn FnMut(&Mapping, Row<'_>)) -> Result<(), CsvError> {
        if !self.started {
            // Hold back the start until it is known whether it is a BOM.
            let take = (BOM.len() - self.lead.len()).min(chunk.len());
            self.lead.extend_from_slice(&chunk[..take]);
            chunk = &chunk[take..];
            if self.lead.len() < BOM.len() && BOM.starts_with(&self.lead) {
                return Ok(());
            }
            self.started = true;
            let lead = std::mem::take(&mut self.lead);
            if lead != BOM {
                self.feed(&lead, row)?;
            }
        }
        self.feed(chunk, row)
    }

    /// Reads the last record and reports the end.
    fn finish(&mut self, row: &mut dyn FnMut(&Mapping, Row<'_>)) -> Result<(), CsvError> {
        if !self.started {
            self.started = true;
            let lead = std::mem::take(&mut self.lead);
            if lead != BOM {
                self.feed(&lead, row)?;
            }
        }
        self.step(&[], row).map(|_| ())
    }

    fn feed(&mut self, mut input: &[u8], row: &mut dyn FnMut(&Mapping, Row<'_>)) -> Result<(), CsvError> {
        while !input.is_empty() {
            let used = self.step(input, row)?;
            if used == 0 {
                break; // the parser is at its end and takes nothing more
            }
            input = &input[used..];
        }
        Ok(())
    }

    /// Runs the parser on `input` (empty: the end) until it needs more; returns bytes used.
    fn step(&mut self, input: &[u8], row: &mut dyn FnMut(&Mapping, Row<'_>)) -> Result<usize, CsvError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        let mut used = 0;
        loop {
            let (res, nin, nout, nend) =
                self.parser.read_record(&input[used..], &mut self.out[self.out_len..], &mut self.ends[self.ends_len..]);
            self.count_lines(&input[used..used + nin]);
            used += nin;
            self.out_len += nout;
            self.ends_len += nend;
            match res {
                ReadRecordResult::InputEmpty => return Ok(used),
                ReadRecordResult::End => return Ok(used),
                ReadRecordResult::OutputFull => {
                    if self.out.len() >= MAX_RECORD_BYTES {
                        self.oversize = true;
                        self.out_len = 0;
                    } else {
                        let len = (self.out.len() * 2).min(MAX_RECORD_BYTES);
                        self.out.resize(len, 0);
                    }
                }
                ReadRecordResult::OutputEndsFull => {
                    if self.ends.len() > MAX_CELLS {
                        self.oversize = true;
                        self.ends_len = 0;
                    } else {
                        let len = self.ends.len() * 2;
                        self.ends.resize(len, 0);
                    }
                }
                ReadRecordResult::Record => {
                    self.record_done(row)?;
                    if input.is_empty() {
                        continue; // at the end: read on until End
                    }
                    return Ok(used);
                }
            }
        }
    }

    fn count_lines(&mut self, consumed: &[u8]) {
        let mut rest = consumed;
        if !self.in_record {
            // The parser skips line ends before a record: those are blank lines.
            let skip = rest.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
            self.line += memchr::memchr_iter(b'\n', &rest[..skip]).count() as u64;
            rest = &rest[skip..];
            if !rest.is_empty() {
                self.in_record = true;
                self.record_line = self.line;
            }
        }
        self.line += memchr::memchr_iter(b'\n', rest).count() as u64;
    }

    /// The mapping of the header record (its cells are in `out` / `ends`).
    fn header(&self, out_len: usize, ends_len: usize, oversize: bool) -> Result<Mapping, CsvError> {
        if oversize {
            return Err(CsvError::Header {
                column: 1,
                cell: String::new(),
                reason: format!("the header is larger than {MAX_RECORD_BYTES} bytes or {MAX_CELLS} cells"),
            });
        }
        let mut cells = Vec::with_capacity(ends_len);
        let mut start = 0;
        for (i, &end) in self.ends[..ends_len].iter().enumerate() {
            let bytes = self.out[..out_len].get(start..end).unwrap_or_default();
            let text = std::str::from_utf8(bytes).map_err(|_| CsvError::Header {
                column: i + 1,
                cell: String::from_utf8_lossy(bytes).into_owned(),
                reason: "the header cell is not valid UTF-8".into(),
            })?;
            cells.push(text.to_owned());
            start = end;
        }
        Mapping::new(&self.schema, &self.root, cells)
    }

    fn record_done(&mut self, row: &mut dyn FnMut(&Mapping, Row<'_>)) -> Result<(), CsvError> {
        let (out_len, ends_len, oversize) = (self.out_len, self.ends_len, self.oversize);
        self.out_len = 0;
        self.ends_len = 0;
        self.oversize = false;
        self.in_record = false;
        let line = self.record_line;
        let Some(mapping) = &self.mapping else {
            return match self.header(out_len, ends_len, oversize) {
                Ok(m) => {
                    self.mapping = Some(m);
                    Ok(())
                }
                Err(e) => {
                    self.failed = Some(e.clone());
                    Err(e)
                }
            };
        };
        let value = if oversize {
            Err(unreadable(format!("the record is larger than {MAX_RECORD_BYTES} bytes or {MAX_CELLS} cells"), 1))
        } else {
            cells_of(&self.out[..out_len], &self.ends[..ends_len], mapping.columns.len())
                .map(|cells| mapping.root.build(&cells))
                .map_err(|(message, cell)| unreadable(message, cell))
        };
        if matches!(value, Ok(None)) {
            return Ok(()); // every cell empty: a blank row
        }
        self.record += 1;
        row(mapping, Row { record: self.record, line, value });
        Ok(())
    }
}

/// Validates CSV input chunk by chunk.
pub struct CsvValidator {
    reader: CsvReader,
    options: CsvOptions,
    report: CsvReport,
}

impl fmt::Debug for CsvValidator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CsvValidator").field("schema", &self.reader.schema).field("report", &self.report).finish()
    }
}

impl CsvValidator {
    /// A validator for records of schema `schema`.
    pub fn new(schema: &str, options: CsvOptions) -> Result<Self, CsvError> {
        Ok(CsvValidator { reader: CsvReader::new(schema, &options)?, options, report: CsvReport::default() })
    }

    /// Validates every record this chunk completes; keeps the unfinished end for later. Fails
    /// when the chunk completes a header that cannot be used (and then on every later call).
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), CsvError> {
        let (options, report) = (&self.options, &mut self.report);
        self.reader.push(chunk, &mut |m, r| judge(options, report, m, r))
    }

    /// Validates the last record and reports.
    pub fn finish(mut self) -> Result<CsvReport, CsvError> {
        let (options, report) = (&self.options, &mut self.report);
        self.reader.finish(&mut |m, r| judge(options, report, m, r))?;
        if let Some(m) = &self.reader.mapping {
            self.report.columns = m.columns.clone();
        }
        Ok(self.report)
    }

    /// The counts so far: records, valid, invalid (for progress on long streams).
    pub fn progress(&self) -> (u64, u64, u64) {
        (self.report.records, self.report.valid, self.report.invalid)
    }
}

fn judge(options: &CsvOptions, report: &mut CsvReport, mapping: &Mapping, row: Row<'_>) {
    report.records += 1;
    let full = options.max_invalid_records.is_none_or(|max| report.invalid_records.len() < max);
    let mut truncated = false;
    let issues = match row.value {
        Err(issue) => vec![issue],
        Ok(None) => Vec::new(),
        Ok(Some(value)) => {
            // Once no more issues are kept, a record only needs its verdict.
            let record = Options { abort_early: options.record.abort_early || !full, ..options.record };
            let checked = validate_kind(&mapping.kind, &value, record);
            truncated = checked.truncated;
            checked.issues
        }
    };
    if issues.is_empty() {
        report.valid += 1;
        return;
    }
    report.invalid += 1;
    if !full {
        report.truncated = true;
        return;
    }
    let issues = issues.into_iter().map(|issue| CsvIssue { column: mapping.column_of(&issue.path), issue }).collect();
    report.invalid_records.push(RecordIssues { record: row.record, line: row.line, issues, truncated });
}

/// Validates a whole CSV input against `schema`.
pub fn validate_csv(schema: &str, input: &[u8], options: CsvOptions) -> Result<CsvReport, CsvError> {
    let mut v = CsvValidator::new(schema, options)?;
    v.push(input)?;
    v.finish()
}

/// One data record's body (borrowing the record's cells), or the issue that makes it unreadable.
#[derive(Debug)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // read by csvRecords (src/wasm/csv.rs)
pub struct CsvValue<'a> {
    /// As in [`RecordIssues`].
    pub record: u64,
    pub line: u64,
    pub value: Result<Value<'a>, Issue>,
}

/// Each data record's body, for sending after validation: the same mapping as
/// [`validate_csv`] (a number too large for a double is ±infinity in both). Returns the header
/// cells.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // csvRecords (src/wasm/csv.rs)
pub fn csv_values(
    schema: &str,
    input: &[u8],
    delimiter: u8,
    each: &mut dyn FnMut(CsvValue<'_>),
) -> Result<Vec<String>, CsvError> {
    let options = CsvOptions { delimiter, ..CsvOptions::default() };
    let mut reader = CsvReader::new(schema, &options)?;
    let mut sink = |_: &Mapping, r: Row<'_>| {
        if let Some(value) = r.value.transpose() {
            each(CsvValue { record: r.record, line: r.line, value });
        }
    };
    reader.push(input, &mut sink)?;
    reader.finish(&mut sink)?;
    Ok(reader.mapping.map(|m| m.columns).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CSV typings (hand-written, `src/js/index.d.ts`) quote these bounds.
    #[test]
    fn the_typings_quote_the_bounds() {
        let d = include_str!("../js/index.d.ts");
        assert!(d.contains(&format!("larger than {MAX_RECORD_BYTES} bytes) has one issue")), "MAX_RECORD_BYTES");
        assert!(d.contains(&format!("items up to index {MAX_ARRAY_INDEX})")), "MAX_ARRAY_INDEX");
    }
    use crate::schema::input::{is_integer_text, is_number_text};

    const HEADER: &str = "customerId,siteName,siteReference,startDate,siteAddress.address1,siteAddress.town,\
        /siteAddress/postcode,siteAddress.country,siteContacts.0.contactName,siteContacts.0.contactRole,\
        siteContacts.0.contactTelephoneNumber";
    const ROW: &str = "12,Head Office,HO-1,2024-01-01,1 High Street,London,SW1A 1AA,GB,Jane Doe,ACCOUNTS,020 7946 0000";

    fn csv(rows: &[&str]) -> String {
        rows.join("\n")
    }

    fn report(text: &str) -> CsvReport {
        validate_csv("Site", text.as_bytes(), CsvOptions::default()).unwrap()
    }

    /// `(path, code, column)` of an issue.
    type Found = (String, &'static str, Option<String>);

    /// `(record, line, [(path, code, column)])` of each invalid record.
    fn found(r: &CsvReport) -> Vec<(u64, u64, Vec<Found>)> {
        r.invalid_records
            .iter()
            .map(|rec| {
                let issues =
                    rec.issues.iter().map(|i| (i.issue.path.clone(), i.issue.code(), i.column.clone())).collect();
                (rec.record, rec.line, issues)
            })
            .collect()
    }

    /// The bodies `csv_values` builds, as JSON.
    fn values(schema: &str, text: &str) -> Vec<serde_json::Value> {
        let mut out = Vec::new();
        csv_values(schema, text.as_bytes(), b',', &mut |v| out.push(v.value.map(|v| v.to_json()).unwrap_or_default()))
            .unwrap();
        out
    }

    fn header_error(schema: &str, text: &str) -> String {
        let e = validate_csv(schema, text.as_bytes(), CsvOptions::default()).unwrap_err();
        assert!(matches!(e, CsvError::Header { .. }), "{e:?}");
        e.to_string()
    }

    #[test]
    fn rows_become_nested_bodies_with_the_model_types() {
        let r = report(&csv(&[HEADER, ROW, ROW]));
        assert_eq!((r.records, r.valid, r.invalid, r.truncated), (2, 2, 0, false));
        assert_eq!(r.columns.len(), 11);
        assert_eq!(r.columns[6], "/siteAddress/postcode");
        let [v] = &values("Site", &csv(&[HEADER, ROW]))[..] else { panic!() };
        assert_eq!(
            *v,
            serde_json::json!({
                "customerId": 12, "siteName": "Head Office", "siteReference": "HO-1", "startDate": "2024-01-01",
                "siteAddress": { "address1": "1 High Street", "town": "London", "postcode": "SW1A 1AA", "country": "GB" },
                "siteContacts": [{ "contactName": "Jane Doe", "contactRole": "ACCOUNTS", "contactTelephoneNumber": "020 7946 0000" }],
            })
        );
    }

    #[test]
    fn cells_are_coerced_exactly_by_the_rules() {
        for (text, int, num) in [
            ("0", true, true),
            ("-0", true, true),
            ("007", true, true),
            ("-12", true, true),
            ("1.5", false, true),
            ("1.", false, true),
            (".5", false, true),
            ("-.5", false, true),
            ("1e5", false, true),
            ("1E+05", false, true),
            ("2.5e-3", false, true),
            ("", false, false),
            ("-", false, false),
            ("+1", false, false),
            (" 1", false, false),
            ("1 ", false, false),
            ("1,000", false, false),
            ("0x1F", false, false),
            (".", false, false),
            ("-.", false, false),
            ("1e", false, false),
            ("e5", false, false),
            ("1e+", false, false),
            ("1.5.2", false, false),
            ("Infinity", false, false),
            ("NaN", false, false),
            ("١٢", false, false),
        ] {
            assert_eq!(is_integer_text(text), int, "integer {text:?}");
            assert_eq!(is_number_text(text), num, "number {text:?}");
        }
        let int = Kind::Integer(crate::validate::schema::Integer {
            width: crate::validate::schema::Width::Int64,
            minimum: None,
            maximum: None,
            choices: None,
        });
        let num = Kind::Number(crate::validate::schema::Number { minimum: None, maximum: None });
        assert_eq!(cell_value(&int, "-0"), Value::Number(-0.0));
        assert_eq!(cell_value(&int, "1.0"), Value::String("1.0".into()));
        assert_eq!(cell_value(&num, "1."), Value::Number(1.0));
        let huge = format!("1{}", "0".repeat(400));
        assert_eq!(cell_value(&int, &huge), Value::Number(f64::INFINITY));
        assert_eq!(cell_value(&num, &format!("-{huge}")), Value::Number(f64::NEG_INFINITY));
        assert_eq!(cell_value(&Kind::Boolean, "true"), Value::Bool(true));
        assert_eq!(cell_value(&Kind::Boolean, "false"), Value::Bool(false));
        for not_bool in ["TRUE", "True", "1", "yes", " true"] {
            assert_eq!(cell_value(&Kind::Boolean, not_bool), Value::String(not_bool.into()));
        }
    }

    #[test]
    fn wrong_cells_are_type_issues_at_their_columns() {
        let header = "customerId,siteName,repaymentPlanAmount,siteContacts.0.contactNameToAppearOnInvoice";
        let r = validate_csv("Site", csv(&[header, "12.0,007,1.5e2,yes"]).as_bytes(), CsvOptions::default()).unwrap();
        let [(1, 2, issues)] = &found(&r)[..] else { panic!("{r:?}") };
        let typed: Vec<_> = issues.iter().filter(|i| i.1 == "type").map(|i| (i.0.as_str(), i.2.as_deref())).collect();
        assert_eq!(
            typed,
            [
                ("/customerId", Some("customerId")),
                ("/siteContacts/0/contactNameToAppearOnInvoice", Some("siteContacts.0.contactNameToAppearOnInvoice"))
            ]
        );
        // siteName "007" is a valid string; 1.5e2 a valid number; nothing else is a type issue.
        assert!(!issues.iter().any(|i| i.0 == "/siteName" || i.0 == "/repaymentPlanAmount"), "{issues:?}");
        // Nothing is trimmed: " 12" is text in an integer field.
        let [v] = &values("Site", "customerId,siteName\n 12 , Head ")[..] else { panic!() };
        assert_eq!(*v, serde_json::json!({ "customerId": " 12 ", "siteName": " Head " }));
    }

    #[test]
    fn empty_cells_objects_and_trailing_items_are_absent() {
        let header =
            "siteName,siteAddress.town,siteAddress.postcode,siteContacts.0.contactName,siteContacts.1.contactName,\
                      siteContacts.2.contactName,siteContacts.2.contactRole";
        let v = values("Site", &csv(&[header, "A,,,x,,,", "B,Leeds,,,,y,", "C,,,,,,", ",,,,,,"]));
        assert_eq!(
            v,
            [
                serde_json::json!({ "siteName": "A", "siteContacts": [{ "contactName": "x" }] }),
                serde_json::json!({
                    "siteName": "B", "siteAddress": { "town": "Leeds" },
                    "siteContacts": [{}, {}, { "contactName": "y" }],
                }),
                serde_json::json!({ "siteName": "C" }),
            ],
            "the all-empty row is skipped"
        );
        // An item named only from index 1 gets a `{}` before it; its issues point at real columns.
        let r = report(&csv(&["siteContacts.1.contactName", "Ann"]));
        let [(1, 2, issues)] = &found(&r)[..] else { panic!("{r:?}") };
        let contact0: Vec<_> = issues.iter().filter(|i| i.0.starts_with("/siteContacts/0")).collect();
        assert!(contact0.iter().all(|i| i.1 == "required" && i.2.is_none()), "{contact0:?}");
        assert!(issues.iter().any(|i| i.0 == "/siteName" && i.1 == "required" && i.2.is_none()));
        // An empty cell of a named column: `required` at exactly that column.
        let r = report(&csv(&[HEADER, &ROW.replace("Head Office", "")]));
        assert_eq!(found(&r), [(1, 2, vec![("/siteName".into(), "required", Some("siteName".into()))])]);
    }

    #[test]
    fn header_cells_that_name_no_field_fail_before_any_row() {
        let e = header_error("Site", "siteName,siteNmae\n");
        assert!(
            e.starts_with("CSV header column 2 (\"siteNmae\"): not a field of Site: Site has no field \"siteNmae\""),
            "{e}"
        );
        assert!(header_error("Site", "siteName, siteReference").contains("cells are not trimmed"));
        assert!(header_error("Site", "siteAddress\nx")
            .contains("names the object Address; name its fields instead, e.g. siteAddress.address1"));
        assert!(header_error("Site", "siteContacts")
            .contains("names an array; name its items instead, e.g. siteContacts.0"));
        assert!(header_error("Site", "siteContacts.0").contains("names the object ContactDetails"));
        assert!(header_error("Site", "siteName,/siteName")
            .contains("names the same field as column 1 (\"siteName\"): /siteName"));
        assert!(header_error("Site", "siteName,").contains("column 2 (\"\"): the header cell is empty"));
        assert!(header_error("Site", "siteName.x").contains("cannot descend"));
        for bad in ["siteContacts.01.contactName", "siteContacts.-1.contactName", "siteContacts.+1.contactName"] {
            assert!(header_error("Site", bad).contains("is not an array index"), "{bad}");
        }
        assert!(header_error("Site", "siteContacts.10000.contactName").contains("above 9999"));
        assert!(validate_csv("Site", b"siteContacts.9999.contactName\nx", CsvOptions::default()).is_ok());
        let bad_utf8 = validate_csv("Site", b"site\xFFName\n", CsvOptions::default()).unwrap_err();
        assert!(bad_utf8.to_string().contains("not valid UTF-8"), "{bad_utf8}");
        // Streaming: the error comes with the chunk that completes the header, and stays.
        let mut v = CsvValidator::new("Site", CsvOptions::default()).unwrap();
        assert!(v.push(b"siteName,nope").is_ok());
        assert!(v.push(b"\nA,B\n").is_err());
        assert!(v.push(b"siteName\nA\n").is_err(), "a later record is no header");
        assert!(matches!(
            validate_csv("Nope", b"", CsvOptions::default()),
            Err(CsvError::Schema(Error::UnknownSchema { .. }))
        ));
    }

    #[test]
    fn quoting_line_ends_and_line_numbers() {
        let text = "siteName,siteReference,siteAddress.town\r\n\
                    \"Head, Office\",\"HO \"\"1\"\"\",London\r\n\
                    \r\n\
                    \"Two\nlines\",X,\"York\"\r\n\
                    Last,<bad>,Bath";
        let v = values("Site", text);
        assert_eq!(v[0]["siteName"], "Head, Office");
        assert_eq!(v[0]["siteReference"], "HO \"1\"");
        assert_eq!(v[1]["siteName"], "Two\nlines");
        assert_eq!(v[2]["siteAddress"]["town"], "Bath");
        let r = validate_csv("Site", text.as_bytes(), CsvOptions::default()).unwrap();
        assert_eq!(r.records, 3);
        let lines: Vec<_> = r.invalid_records.iter().map(|x| (x.record, x.line)).collect();
        assert_eq!(lines, [(1, 2), (2, 4), (3, 6)], "blank line and the newline in a quoted cell counted");
        let reference = |rec: &RecordIssues| rec.issues.iter().any(|i| i.issue.path == "/siteReference");
        assert!(reference(&r.invalid_records[0]), "a quote is not in the name pattern (R3)");
        assert!(!reference(&r.invalid_records[1]));
        assert!(reference(&r.invalid_records[2]), "<bad> fails the name pattern");
        // Old Mac line ends (\r alone) end records too.
        assert_eq!(values("Site", "siteName\rA\rB").len(), 2);
    }

    #[test]
    fn a_bom_is_dropped_even_when_split() {
        let text = format!("\u{FEFF}{}", csv(&[HEADER, ROW]));
        assert_eq!(report(&text).valid, 1);
        for size in 1..=4 {
            let mut v = CsvValidator::new("Site", CsvOptions::default()).unwrap();
            for chunk in text.as_bytes().chunks(size) {
                v.push(chunk).unwrap();
            }
            assert_eq!(v.finish().unwrap().valid, 1, "chunk size {size}");
        }
        // A lone partial BOM is data (and then not a field name).
        assert!(validate_csv("Site", b"\xEF\xBBsiteName", CsvOptions::default()).is_err());
        assert_eq!(validate_csv("Site", b"\xEF\xBB\xBF", CsvOptions::default()).unwrap(), CsvReport::default());
        assert_eq!(validate_csv("Site", b"", CsvOptions::default()).unwrap(), CsvReport::default());
    }

    #[test]
    fn unreadable_records_are_one_json_issue_and_reading_goes_on() {
        let mut bytes = csv(&[HEADER, ROW, ROW, "12,short", ROW]).into_bytes();
        let second = HEADER.len() + 1 + ROW.len() + 1;
        bytes[second + 3] = 0xFF; // inside "Head Office" of record 2
        let r = validate_csv("Site", &bytes, CsvOptions::default()).unwrap();
        assert_eq!((r.records, r.valid, r.invalid), (4, 2, 2));
        assert_eq!(found(&r), [(2, 3, vec![("".into(), "json", None)]), (3, 4, vec![("".into(), "json", None)])]);
        let IssueKind::Json { message, column } = &r.invalid_records[0].issues[0].issue.kind else { panic!() };
        assert_eq!((message.as_str(), *column), ("cell 2 is not valid UTF-8", 2));
        let IssueKind::Json { message, column } = &r.invalid_records[1].issues[0].issue.kind else { panic!() };
        assert_eq!((message.as_str(), *column), ("the record has 2 cells; the header has 11", 3));
    }

    #[test]
    fn a_record_past_the_bound_is_reported_and_skipped() {
        let big = "x".repeat(MAX_RECORD_BYTES + 1);
        let text = format!("siteName,siteReference\n\"{big}\",a\nOK,Fine\n");
        let r = validate_csv("Site", text.as_bytes(), CsvOptions::default()).unwrap();
        assert_eq!((r.records, r.invalid), (2, 2));
        let IssueKind::Json { message, .. } = &r.invalid_records[0].issues[0].issue.kind else { panic!() };
        assert!(message.starts_with("the record is larger than"), "{message}");
        assert_eq!(r.invalid_records[1].line, 3, "the next record is read as usual");
        assert!(r.invalid_records[1].issues.iter().all(|i| i.issue.code() == "required"));
    }

    #[test]
    fn chunks_may_split_anything() {
        let mut text = format!("\u{FEFF}{HEADER}\r\n{ROW}\r\n\"{}\",{}\r\n", "Łódź \"\"x\"\"\n2", &ROW[3..]);
        text.push_str(&ROW.replace("GB", "UK"));
        let whole = report(&text);
        assert_eq!((whole.records, whole.invalid), (3, 2));
        for size in [1, 2, 3, 5, 7, 64, 4096] {
            let mut v = CsvValidator::new("Site", CsvOptions::default()).unwrap();
            for chunk in text.as_bytes().chunks(size) {
                v.push(chunk).unwrap();
            }
            assert_eq!(v.finish().unwrap(), whole, "chunk size {size}");
        }
    }

    #[test]
    fn options_bound_the_kept_issues_and_pick_the_delimiter() {
        let bad = ROW.replace("GB", "UK");
        let text = csv(&[HEADER, &bad, &bad, &bad, ROW]);
        let opts = CsvOptions { max_invalid_records: Some(2), ..CsvOptions::default() };
        let r = validate_csv("Site", text.as_bytes(), opts).unwrap();
        assert_eq!((r.records, r.valid, r.invalid, r.invalid_records.len(), r.truncated), (4, 1, 3, 2, true));
        let opts = CsvOptions { delimiter: b';', ..CsvOptions::default() };
        let r =
            validate_csv("Site", csv(&[&HEADER.replace(',', ";"), &ROW.replace(',', ";")]).as_bytes(), opts).unwrap();
        assert_eq!(r.valid, 1);
        for d in [b'"', b'\n', b'\r', 0xE9] {
            let opts = CsvOptions { delimiter: d, ..CsvOptions::default() };
            assert!(matches!(validate_csv("Site", b"", opts), Err(CsvError::Delimiter { .. })));
        }
    }
}
