//! Bulk validation of NDJSON (one JSON value per line), for back-end scripts that check
//! thousands of records before an import. Lines are parsed and validated inside wasm, with no
//! JavaScript objects built; only the issues of bad lines come back.
//!
//! [`NdjsonValidator`] takes the input in chunks of any size (a file stream); chunks may split
//! lines and UTF-8 sequences. [`validate_ndjson`] is the one-shot form.

use super::engine::{Pointer, Scratch, Walker};
use super::issue::{Issue, IssueKind};
use super::wire::Writer;
use super::{validate_from, Error, Options, Report};
use crate::rules::message::{template, Template};
use crate::schema::Kind;

/// Sentences for `json` (a line that is not JSON).
pub const MESSAGES: &[Template] = &[
    template("json", &[], "The line is not valid JSON at column {column}: {message}."),
    template("json", &[], "The line is not valid JSON."),
];

/// Longest line accepted; a longer one is reported as invalid and skipped, so one runaway
/// line cannot hold the whole input in memory.
pub const MAX_LINE_BYTES: usize = 64 << 20;

/// Invalid lines whose issues a report keeps unless told otherwise: a report's size is bounded
/// whatever the input (`'{}\n'.repeat(1e6)` once grew wasm memory to 3.3 GiB); every line is
/// still counted.
pub const DEFAULT_MAX_INVALID_LINES: usize = 1000;

/// How to validate an NDJSON input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NdjsonOptions {
    /// Options applied to each record (`max_issues` bounds each line's issues).
    pub record: Options,
    /// Keep the issues of at most this many invalid lines (all of them are still counted);
    /// `None` keeps every one.
    pub max_invalid_lines: Option<usize>,
}

impl Default for NdjsonOptions {
    fn default() -> Self {
        NdjsonOptions { record: Options::default(), max_invalid_lines: Some(DEFAULT_MAX_INVALID_LINES) }
    }
}

/// The issues of one invalid line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineIssues {
    /// 1-based line number in the input (blank lines count).
    pub line: u64,
    /// The line's issues, in document order (one `json` issue for a line that is not JSON).
    pub issues: Vec<Issue>,
    /// True when issues past the record options' `max_issues` were left out.
    pub truncated: bool,
}

/// The outcome of validating an NDJSON input.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NdjsonReport {
    /// Non-blank lines, each one record.
    pub records: u64,
    /// Lines without an issue.
    pub valid: u64,
    /// Lines with at least one issue (all counted, kept or not).
    pub invalid: u64,
    /// Invalid lines in input order, up to `max_invalid_lines`.
    pub invalid_lines: Vec<LineIssues>,
    /// True when `invalid_lines` was cut short by `max_invalid_lines`.
    pub truncated: bool,
}

/// Validates NDJSON input chunk by chunk.
pub struct NdjsonValidator {
    kind: Kind,
    options: NdjsonOptions,
    /// The walker and buffers of the JSON text reader, reused for every line.
    walker: Walker,
    scratch: Scratch,
    /// Where kept issues go when the report is wanted encoded ([`NdjsonValidator::encoded`]):
    /// each invalid line is encoded as it is found, so its issues are freed at once.
    wire: Option<Writer>,
    /// The JSON Pointer of the issue being encoded (one buffer for all of them).
    path: Pointer,
    /// Invalid lines kept so far (in `report.invalid_lines` or in `wire`).
    kept: usize,
    /// The start of a line whose end has not arrived yet.
    pending: Vec<u8>,
    /// The pending line is longer than [`MAX_LINE_BYTES`]: drop bytes until its end.
    skipping: bool,
    line: u64,
    report: NdjsonReport,
}

impl std::fmt::Debug for NdjsonValidator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NdjsonValidator")
            .field("line", &self.line)
            .field("report", &self.report)
            .finish_non_exhaustive()
    }
}

impl NdjsonValidator {
    /// A validator for records of schema `schema`.
    pub fn new(schema: &str, options: NdjsonOptions) -> Result<Self, Error> {
        let entry = super::entry(schema)?;
        Ok(NdjsonValidator {
            kind: entry.root,
            options,
            walker: Walker::new(options.record),
            scratch: Scratch::default(),
            wire: None,
            path: Pointer::default(),
            kept: 0,
            pending: Vec::new(),
            skipping: false,
            line: 0,
            report: NdjsonReport::default(),
        })
    }

    /// Validates every line that `chunk` completes; keeps the unfinished end for later.
    pub fn push(&mut self, mut chunk: &[u8]) {
        while let Some(nl) = newline(chunk) {
            let (head, rest) = (&chunk[..nl], &chunk[nl + 1..]);
            if self.pending.is_empty() && !self.skipping && head.len() <= MAX_LINE_BYTES {
                self.record(head);
            } else {
                self.extend_pending(head);
                let line = std::mem::take(&mut self.pending);
                self.finish_line(&line);
            }
            chunk = rest;
        }
        self.extend_pending(chunk);
    }

    /// This validator, keeping the issues of invalid lines in the encoded form JavaScript reads
    /// (`wire.rs`) rather than as [`Issue`]s: see `finish_encoded`. The wasm bindings' path,
    /// public (hidden) only so that `examples/ndjson_native.rs` can time it natively.
    #[doc(hidden)]
    pub fn encoded(mut self) -> Self {
        self.wire = Some(Writer::default());
        self
    }

    /// The report, encoded (`wire::ndjson_report`'s form). Hidden, as `encoded`.
    #[doc(hidden)]
    pub fn finish_encoded(self) -> Vec<u8> {
        let (report, lines, wire) = self.finish_all();
        match wire {
            Some(w) => w.finish_ndjson(&report, lines),
            None => super::wire::ndjson_report(&report, lines),
        }
    }

    /// Validates the last line (if the input does not end with a newline) and reports.
    pub fn finish(self) -> NdjsonReport {
        self.finish_all().0
    }

    fn finish_all(mut self) -> (NdjsonReport, u64, Option<Writer>) {
        if !self.pending.is_empty() || self.skipping {
            let line = std::mem::take(&mut self.pending);
            self.finish_line(&line);
        }
        (self.report, self.line, self.wire)
    }

    /// The counts so far (for progress reporting on long streams).
    pub fn progress(&self) -> (u64, u64, u64) {
        (self.report.records, self.report.valid, self.report.invalid)
    }

    fn extend_pending(&mut self, bytes: &[u8]) {
        if self.skipping {
            return;
        }
        if self.pending.len() + bytes.len() > MAX_LINE_BYTES {
            self.pending = Vec::new();
            self.skipping = true;
        } else {
            self.pending.extend_from_slice(bytes);
        }
    }

    fn finish_line(&mut self, line: &[u8]) {
        if std::mem::take(&mut self.skipping) {
            self.line += 1;
            self.report.records += 1;
            let message = format!("the line is longer than {MAX_LINE_BYTES} bytes");
            self.invalid(vec![Issue { path: String::new(), kind: IssueKind::Json { message, column: 1 } }], false);
        } else {
            self.record(line);
        }
    }

    fn record(&mut self, line: &[u8]) {
        self.line += 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        // A UTF-8 byte order mark starts some exported files: it is not part of the JSON.
        let line = if self.line == 1 { line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line) } else { line };
        if line.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        self.report.records += 1;
        // UTF-8 is checked once for the whole line (the text reader then skips its per-string
        // check); parsing and validation are one pass, with no tree built.
        let mut truncated = false;
        let issues = match std::str::from_utf8(line) {
            Err(e) => {
                let message = "the line is not valid UTF-8".to_owned();
                vec![Issue {
                    path: String::new(),
                    kind: IssueKind::Json { message, column: e.valid_up_to() as u64 + 1 },
                }]
            }
            Ok(text) => {
                // Once no more issues are kept, a line only needs its verdict.
                let full = self.options.max_invalid_lines.is_none_or(|max| self.kept < max);
                let options = Options { abort_early: self.options.record.abort_early || !full, ..self.options.record };
                // The JSON text reader answers for almost every line; what it hands back
                // (syntax errors, repeated keys, unusual numbers) serde_json reads again.
                self.walker.reset(options, !full);
                match self.walker.check_text(&self.kind, text, &mut self.scratch) {
                    Ok(()) if !full => {
                        if self.walker.has_issues() {
                            self.report.invalid += 1;
                            self.report.truncated = true;
                        } else {
                            self.report.valid += 1;
                        }
                        return;
                    }
                    Ok(()) if self.wire.is_some() => return self.encode_walker_issues(),
                    Ok(()) => {
                        truncated = self.walker.truncated();
                        self.walker.take_issues()
                    }
                    Err(_) => {
                        let report = Self::with_serde(&self.kind, options, text);
                        truncated = report.truncated;
                        report.issues
                    }
                }
            }
        };
        if issues.is_empty() {
            self.report.valid += 1;
        } else {
            self.invalid(issues, truncated);
        }
    }

    /// The verdict of a line the text reader read, its issues (if kept) encoded straight from
    /// the walker: no [`Issue`] or path `String` is built per issue.
    fn encode_walker_issues(&mut self) {
        let count = self.walker.live();
        if count == 0 {
            self.report.valid += 1;
            return;
        }
        if !self.keep_invalid() {
            return;
        }
        let Some(w) = &mut self.wire else { return };
        // The count goes first on the wire: it must be what the drain then writes.
        w.ndjson_line(self.line, count, self.walker.truncated());
        let drained = self.walker.drain_issues(&mut self.path, |path, kind| w.issue_at(path, &kind, None));
        debug_assert_eq!(drained, count, "the live count is what the walker drains");
    }

    /// One line through serde_json and the seed (what the text reader hands back).
    fn with_serde(kind: &Kind, options: Options, text: &str) -> Report {
        let checked = validate_from(kind, options, |w, k| {
            let mut de = serde_json::Deserializer::from_str(text);
            w.check(k, &mut de)?;
            de.end()
        });
        checked.unwrap_or_else(|e| Report {
            issues: vec![Issue {
                path: String::new(),
                kind: IssueKind::Json { message: parse_message(&e), column: e.column() as u64 },
            }],
            truncated: false,
        })
    }

    /// Counts an invalid line; true when its issues are kept (fewer than `max_invalid_lines`
    /// lines were kept before it).
    fn keep_invalid(&mut self) -> bool {
        self.report.invalid += 1;
        if self.options.max_invalid_lines.is_some_and(|max| self.kept >= max) {
            self.report.truncated = true;
            return false;
        }
        self.kept += 1;
        true
    }

    fn invalid(&mut self, issues: Vec<Issue>, truncated: bool) {
        if !self.keep_invalid() {
            return;
        }
        match &mut self.wire {
            Some(w) => {
                w.ndjson_line(self.line, issues.len(), truncated);
                for i in &issues {
                    w.issue(i, None);
                }
            }
            None => self.report.invalid_lines.push(LineIssues { line: self.line, issues, truncated }),
        }
    }
}

/// The first `\n` in `bytes`: memchr (SIMD) natively.
#[cfg(not(target_arch = "wasm32"))]
#[inline]
fn newline(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', bytes)
}

/// The first `\n` in `bytes`. In wasm memchr's portable version reads `usize` words, four
/// bytes on wasm32; this reads eight (wasm has 64-bit integers): the line split took 4% of the
/// time with memchr, about half with this.
#[cfg(target_arch = "wasm32")]
#[inline]
fn newline(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for w in &mut words {
        let x = u64::from_le_bytes(<[u8; 8]>::try_from(w).unwrap_or([0; 8])) ^ (ONES * u64::from(b'\n'));
        let m = x.wrapping_sub(ONES) & !x & HIGHS;
        if m != 0 {
            return Some(at + (m.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    words.remainder().iter().position(|&b| b == b'\n').map(|i| at + i)
}

/// serde_json's message without its " at line 1 column 7" suffix (the column is a param).
fn parse_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Validates a whole NDJSON input against `schema`.
pub fn validate_ndjson(schema: &str, input: &[u8], options: NdjsonOptions) -> Result<NdjsonReport, Error> {
    let mut v = NdjsonValidator::new(schema, options)?;
    v.push(input);
    Ok(v.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ADDRESS: &str = r#"{"address1":"1 High St","town":"London","postcode":"SW1A 1AA","country":"GB"}"#;

    fn input(lines: &[&str]) -> String {
        lines.join("\n")
    }

    fn codes(r: &NdjsonReport) -> Vec<(u64, Vec<(String, &'static str)>)> {
        r.invalid_lines
            .iter()
            .map(|l| (l.line, l.issues.iter().map(|i| (i.path.clone(), i.code())).collect()))
            .collect()
    }

    #[test]
    fn counts_records_and_reports_bad_lines_by_number() {
        let bad = ADDRESS.replace("GB", "UK");
        let text = input(&[ADDRESS, "", &bad, "{not json", ADDRESS, "  ", "[]"]);
        let r = validate_ndjson("Address", text.as_bytes(), NdjsonOptions::default()).unwrap();
        assert_eq!((r.records, r.valid, r.invalid, r.truncated), (5, 2, 3, false));
        assert_eq!(
            codes(&r),
            [
                (3, vec![("/country".to_owned(), "countryCode")]),
                (4, vec![("".to_owned(), "json")]),
                (7, vec![("".to_owned(), "type")]),
            ]
        );
        let IssueKind::Json { column, message } = &r.invalid_lines[1].issues[0].kind else { panic!() };
        assert_eq!(*column, 2);
        assert!(!message.contains("line"), "{message}");
    }

    #[test]
    fn chunks_may_split_lines_and_characters_anywhere() {
        let bad = ADDRESS.replace("London", "Łódź <x>");
        let text = format!("{ADDRESS}\r\n{bad}\n{ADDRESS}");
        let whole = validate_ndjson("Address", text.as_bytes(), NdjsonOptions::default()).unwrap();
        assert_eq!((whole.records, whole.invalid), (3, 1));
        for size in [1, 2, 3, 7, 64] {
            let mut v = NdjsonValidator::new("Address", NdjsonOptions::default()).unwrap();
            for chunk in text.as_bytes().chunks(size) {
                v.push(chunk);
            }
            assert_eq!(v.finish(), whole, "chunk size {size}");
        }
    }

    #[test]
    fn invalid_utf8_is_a_json_issue() {
        let mut bytes = ADDRESS.as_bytes().to_vec();
        bytes[15] = 0xFF;
        let r = validate_ndjson("Address", &bytes, NdjsonOptions::default()).unwrap();
        assert_eq!(codes(&r), [(1, vec![("".to_owned(), "json")])]);
    }

    #[test]
    fn max_invalid_lines_keeps_counting() {
        let text = input(&["1", "2", "3", ADDRESS]);
        let opts = NdjsonOptions { max_invalid_lines: Some(2), ..NdjsonOptions::default() };
        assert_eq!(NdjsonOptions::default().max_invalid_lines, Some(DEFAULT_MAX_INVALID_LINES));
        let r = validate_ndjson("Address", text.as_bytes(), opts).unwrap();
        assert_eq!((r.records, r.valid, r.invalid, r.invalid_lines.len(), r.truncated), (4, 1, 3, 2, true));
    }

    #[test]
    fn a_byte_order_mark_starts_the_first_line_only() {
        let text = format!("\u{FEFF}{ADDRESS}\n\u{FEFF}{ADDRESS}");
        let r = validate_ndjson("Address", text.as_bytes(), NdjsonOptions::default()).unwrap();
        assert_eq!((r.records, r.valid), (2, 1));
        assert_eq!(codes(&r), [(2, vec![("".to_owned(), "json")])]);
        // Split across chunks, byte by byte, it is still the first line's.
        let mut v = NdjsonValidator::new("Address", NdjsonOptions::default()).unwrap();
        for b in text.as_bytes() {
            v.push(std::slice::from_ref(b));
        }
        assert_eq!(v.finish(), r);
    }

    #[test]
    fn every_line_is_bounded_whole_or_in_pieces() {
        // One line past the bound inside a single chunk, and the same line fed in pieces.
        let long = format!("{}\n{ADDRESS}\n", " ".repeat(MAX_LINE_BYTES + 1));
        let whole = validate_ndjson("Address", long.as_bytes(), NdjsonOptions::default()).unwrap();
        assert_eq!((whole.records, whole.valid, whole.invalid), (2, 1, 1));
        assert_eq!(codes(&whole), [(1, vec![("".to_owned(), "json")])]);
        let mut v = NdjsonValidator::new("Address", NdjsonOptions::default()).unwrap();
        for chunk in long.as_bytes().chunks(1 << 20) {
            v.push(chunk);
        }
        assert_eq!(v.finish(), whole);
        // At the bound exactly, the line is read (blank: not a record).
        let at = format!("{}\n{ADDRESS}", " ".repeat(MAX_LINE_BYTES));
        let r = validate_ndjson("Address", at.as_bytes(), NdjsonOptions::default()).unwrap();
        assert_eq!((r.records, r.valid), (1, 1));
    }

    #[test]
    fn a_line_with_millions_of_bad_items_keeps_a_bounded_report() {
        let line = format!("[{}]", vec!["1"; 2_000_000].join(","));
        let opts = NdjsonOptions { max_invalid_lines: Some(1), ..NdjsonOptions::default() };
        let r = validate_ndjson("Address", format!("{line}\n{line}").as_bytes(), opts).unwrap();
        assert_eq!((r.records, r.invalid, r.invalid_lines.len(), r.truncated), (2, 2, 1, true));
        // The root is an array where an object is expected: one issue, not two million.
        assert_eq!(r.invalid_lines[0].issues.len(), 1);
        let contacts = format!(r#"{{"siteContacts":[{}]}}"#, vec!["0"; 2_000_000].join(","));
        let r = validate_ndjson("Site", contacts.as_bytes(), opts).unwrap();
        let kept = &r.invalid_lines[0];
        assert_eq!((kept.issues.len(), kept.truncated), (crate::validate::DEFAULT_MAX_ISSUES, true));
        // Encoded as lines come, the line says it was cut.
        let mut v = NdjsonValidator::new("Site", opts).unwrap().encoded();
        v.push(contacts.as_bytes());
        assert_eq!(v.finish_encoded(), crate::validate::wire::ndjson_report(&r, 1));
    }

    #[test]
    fn encoding_as_lines_come_gives_the_encoded_report() {
        let bad = ADDRESS.replace("GB", "UK");
        // Unknown keys (their pointers are never reused: the same length, other text).
        let (odd, odder) = (ADDRESS.replacen('{', r#"{"x~/y":1,"#, 1), ADDRESS.replacen('{', r#"{"x~/z":1,"#, 1));
        let text = input(&[ADDRESS, "", &bad, "{not json", &bad, "[]", ADDRESS, &bad, &odd, &odder, &bad, "[]", &odd]);
        for (max, unknown) in [(None, false), (None, true), (Some(0), false), (Some(2), true), (Some(9), false)] {
            let record = Options { report_unknown_fields: unknown, ..Options::default() };
            let opts = NdjsonOptions { max_invalid_lines: max, record };
            let mut plain = NdjsonValidator::new("Address", opts).unwrap();
            let mut streamed = NdjsonValidator::new("Address", opts).unwrap().encoded();
            for chunk in text.as_bytes().chunks(5) {
                plain.push(chunk);
                streamed.push(chunk);
            }
            let (report, lines, _) = plain.finish_all();
            assert_eq!(streamed.finish_encoded(), crate::validate::wire::ndjson_report(&report, lines), "{max:?}");
        }
    }

    #[test]
    fn unknown_schema_is_an_error() {
        assert!(matches!(validate_ndjson("Nope", b"", NdjsonOptions::default()), Err(Error::UnknownSchema { .. })));
        let r = validate_ndjson("Address", b"", NdjsonOptions::default()).unwrap();
        assert_eq!(r, NdjsonReport::default());
    }
}
