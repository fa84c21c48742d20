//! The JSON text reader: validates JSON text (an NDJSON line) while scanning its bytes, without
//! serde. It is the serde seed ([`super::seed`]) specialised to text, for bulk input where the
//! generic path costs most of the time: keys are matched to fields by a hash of two word loads
//! ([`super::plan::key_hash`]), strings are scanned eight bytes at a time and checked borrowed
//! (UTF-8 was checked once for the whole line), integers are read in place, and what objects
//! keep for their rules lives in buffers reused from line to line, so a valid line allocates
//! nothing.
//!
//! It gives exactly the seed's issues, in the same emission order (the rules at the end of an
//! object are the same code, [`super::object::rules`]). Whatever it does not reproduce itself
//! it hands back as [`Bail`], and the caller reads the text again with serde_json and the
//! seed: any syntax error (serde_json's message and column are the contract), a repeated key
//! (the last occurrence wins, which takes back issues), a number that is not a plain
//! non-negative integer (parsed by serde_json itself, so the same double comes out), an escape
//! it cannot decode plainly, nesting deeper than [`MAX_DEPTH`]. Hand-written because no JSON
//! crate validates while scanning against a schema; `tests` holds it to the seed.

use super::object::{rules, Given};
use super::plan::{self, bit, key_words, Plan};
use super::{Seg, Walker, MAX_FIELDS};
use crate::rules::condition::{self, Kept};
use crate::rules::issue::IssueKind;
use crate::rules::items;
use crate::schema::{Array, Kind, Schema};

/// The reader cannot answer for this text: read it again with serde_json and the seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bail;

type R<T> = Result<T, Bail>;

/// Nesting the reader handles itself (serde_json stops at 128; deeper text goes to it).
const MAX_DEPTH: u32 = 100;

/// A kept value of a member a rule reads. Strings are byte ranges: of the line, or of
/// [`Scratch::owned`] for strings that had escapes.
#[derive(Debug, Clone, Copy)]
enum Val {
    Bool(bool),
    Number(f64),
    Str { start: u32, end: u32, owned: bool },
    Other,
}

/// Buffers of the reader, reused across lines.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// Values kept by the objects being read (a stack: each object keeps a range).
    kept: Vec<(usize, Val)>,
    /// Flagged items `(index, flag position)` of arrays read with a flag (a stack of ranges).
    flags: Vec<(usize, u32)>,
    /// Array fields of the objects being read, with their ranges in `flags`.
    arrays: Vec<(usize, u32, u32)>,
    /// Member positions of given fields: each object being read has a window of one slot per
    /// field, from `at_top` (slots are written before they are read, so never cleared).
    at: Vec<u32>,
    at_top: usize,
    /// The decoded text of the last string with escapes.
    unescaped: String,
    /// Kept strings that had escapes.
    owned: String,
}

/// What a value was, for the rules of its parent object (the seed's `Seen`).
enum Seen {
    Absent,
    Val(Val),
    /// An object whose requested flag member is `true`, at this member position.
    Flagged(u32),
    /// An array read with a flag: its flagged items are this range of [`Scratch::flags`].
    Flags(u32, u32),
}

/// How to read one value (the seed's `ValueSeed` fields).
#[derive(Clone, Copy)]
struct Want {
    kind: Kind,
    null_is_absent: bool,
    capture: bool,
    type_only: bool,
    /// For an object (or the objects of an array): the flag member to report, and its field
    /// index in the object's schema when the parent's plan knows it.
    flag: Option<(&'static str, Option<usize>)>,
}

/// Reads `text` as one value of `kind`, recording its defects in `w` as the seed would.
pub(crate) fn check(w: &mut Walker, kind: &Kind, text: &str, scratch: &mut Scratch) -> R<()> {
    scratch.kept.clear();
    scratch.flags.clear();
    scratch.arrays.clear();
    scratch.owned.clear();
    scratch.at_top = 0;
    let mut r = Reader { text, b: text.as_bytes(), i: 0, depth: 0, w, s: scratch };
    r.ws();
    r.value(Want { kind: *kind, null_is_absent: false, capture: false, type_only: false, flag: None })?;
    r.ws();
    if r.i == r.b.len() {
        Ok(())
    } else {
        Err(Bail)
    }
}

struct Reader<'t, 'a> {
    text: &'t str,
    b: &'t [u8],
    i: usize,
    depth: u32,
    w: &'a mut Walker,
    s: &'a mut Scratch,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that ends a plain run of string text (`"`, `\`, or a
/// control character); the lowest one set is exact (the borrows only reach upward).
#[inline]
fn stops(x: u64) -> u64 {
    let q = x ^ (ONES * u64::from(b'"'));
    let e = x ^ (ONES * u64::from(b'\\'));
    let quote = q.wrapping_sub(ONES) & !q;
    let escape = e.wrapping_sub(ONES) & !e;
    let control = x.wrapping_sub(ONES * 0x20) & !x;
    (quote | escape | control) & HIGHS
}

/// Eight bytes of `b` from `at`, little-endian, if there are eight.
#[inline]
fn word(b: &[u8], at: usize) -> Option<u64> {
    let bytes: [u8; 8] = b.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(bytes))
}

fn hex(b: &[u8]) -> Option<u32> {
    let mut n = 0;
    for &c in b {
        n = n * 16 + char::from(c).to_digit(16)?;
    }
    Some(n)
}

impl Reader<'_, '_> {
    #[inline]
    fn ws(&mut self) {
        // Compact JSON has none: one compare in the common case.
        if self.b.get(self.i).is_some_and(|&c| c > b' ') {
            return;
        }
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    #[inline]
    fn peek(&self) -> R<u8> {
        self.b.get(self.i).copied().ok_or(Bail)
    }

    /// Skips whitespace and one expected byte.
    #[inline]
    fn expect(&mut self, c: u8) -> R<()> {
        self.ws();
        if self.peek()? != c {
            return Err(Bail);
        }
        self.i += 1;
        Ok(())
    }

    fn literal(&mut self, word: &[u8]) -> R<()> {
        // Byte by byte: a slice compare is a `memcmp` call in wasm.
        for (k, &c) in word.iter().enumerate() {
            if self.b.get(self.i + k) != Some(&c) {
                return Err(Bail);
            }
        }
        self.i += word.len();
        Ok(())
    }

    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Bail);
        }
        self.i += 1;
        Ok(())
    }

    /// At the opening quote: the string's raw content `(start, end)` and whether it has
    /// escapes; moves past the closing quote. A control character is a syntax error.
    #[inline]
    fn raw_string(&mut self) -> R<(usize, usize, bool)> {
        self.raw_string_ascii().map(|(start, end, escaped, _)| (start, end, escaped))
    }

    /// [`Reader::raw_string`], and whether the raw content is all ASCII.
    #[inline]
    fn raw_string_ascii(&mut self) -> R<(usize, usize, bool, bool)> {
        let start = self.i + 1;
        let mut j = start;
        let mut escaped = false;
        let mut high = 0u64;
        loop {
            while let Some(x) = word(self.b, j) {
                let m = stops(x);
                if m != 0 {
                    let k = m.trailing_zeros() / 8;
                    // The high bits of the bytes before the stop.
                    high |= x & HIGHS & ((1u64 << (8 * k)) - 1);
                    j += k as usize;
                    break;
                }
                high |= x & HIGHS;
                j += 8;
            }
            match self.b.get(j) {
                Some(b'"') => {
                    self.i = j + 1;
                    return Ok((start, j, escaped, high == 0));
                }
                Some(b'\\') => {
                    escaped = true;
                    j += 2;
                }
                Some(&c) if c < 0x20 => return Err(Bail),
                Some(&c) => {
                    high |= u64::from(c & 0x80);
                    j += 1;
                }
                None => return Err(Bail),
            }
        }
    }

    /// Decodes the escapes of `raw` into `scratch.unescaped`; any escape serde_json might
    /// read differently (a surrogate not in a pair, an unknown escape) is a [`Bail`].
    fn unescape(&mut self, start: usize, end: usize) -> R<()> {
        let raw = self.text.get(start..end).ok_or(Bail)?;
        let out = &mut self.s.unescaped;
        out.clear();
        let mut rest = raw;
        while let Some(k) = rest.find('\\') {
            out.push_str(&rest[..k]);
            let b = rest.as_bytes();
            let (c, used) = match b.get(k + 1).ok_or(Bail)? {
                b'"' => ('"', 2),
                b'\\' => ('\\', 2),
                b'/' => ('/', 2),
                b'b' => ('\u{8}', 2),
                b'f' => ('\u{c}', 2),
                b'n' => ('\n', 2),
                b'r' => ('\r', 2),
                b't' => ('\t', 2),
                b'u' => {
                    let hi = hex(b.get(k + 2..k + 6).ok_or(Bail)?).ok_or(Bail)?;
                    if (0xD800..0xDC00).contains(&hi) {
                        if b.get(k + 6..k + 8) != Some(b"\\u") {
                            return Err(Bail);
                        }
                        let lo = hex(b.get(k + 8..k + 12).ok_or(Bail)?).ok_or(Bail)?;
                        if !(0xDC00..0xE000).contains(&lo) {
                            return Err(Bail);
                        }
                        (char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)).ok_or(Bail)?, 12)
                    } else {
                        (char::from_u32(hi).ok_or(Bail)?, 6)
                    }
                }
                _ => return Err(Bail),
            };
            out.push(c);
            rest = rest.get(k + used..).ok_or(Bail)?;
        }
        out.push_str(rest);
        Ok(())
    }

    /// A number: a plain non-negative integer is read here; anything else by serde_json, on
    /// the token alone, so the double is the one the seed would get.
    fn number(&mut self) -> R<f64> {
        let b = self.b;
        let start = self.i;
        let mut j = start;
        let mut n: u64 = 0;
        while let Some(&c @ b'0'..=b'9') = b.get(j) {
            if j - start == 19 {
                break;
            }
            n = n * 10 + u64::from(c - b'0');
            j += 1;
        }
        let plain = j > start
            && (b[start] != b'0' || j == start + 1)
            && !matches!(b.get(j), Some(b'0'..=b'9' | b'.' | b'e' | b'E'));
        if plain {
            self.i = j;
            return Ok(n as f64);
        }
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = b.get(j) {
            j += 1;
        }
        let token = self.text.get(start..j).ok_or(Bail)?;
        self.i = j;
        serde_number(token).ok_or(Bail)
    }

    /// At a key's opening quote: the field it names (and its text when it names none and
    /// unknown fields are reported); moves past the closing quote. Out of line: most keys
    /// are the field [`Plan::guess`] says.
    #[inline(never)]
    fn key(&mut self, schema: &'static Schema, plan: &Plan) -> R<(Option<usize>, Option<String>)> {
        let (start, end, escaped) = self.raw_string()?;
        if escaped {
            self.unescape(start, end)?;
        }
        let key = if escaped { self.s.unescaped.as_bytes() } else { self.b.get(start..end).ok_or(Bail)? };
        let words = match (escaped, word(self.b, start)) {
            // The key is followed by at least `"` and `:`, so these loads stay in the line.
            (false, Some(head)) => {
                let n = end - start;
                if n >= 8 {
                    (head, word(self.b, end - 8).ok_or(Bail)?)
                } else {
                    let head = head & ((1u64 << (8 * n)) - 1);
                    (head, head)
                }
            }
            _ => key_words(key),
        };
        let field = plan.field_of_key(schema, key, words);
        let unknown_name = match field {
            None if self.w.opts.report_unknown_fields => {
                Some(if escaped { self.s.unescaped.clone() } else { self.text.get(start..end).ok_or(Bail)?.to_owned() })
            }
            _ => None,
        };
        Ok((field, unknown_name))
    }

    /// Skips one value, checking its syntax as serde_json would.
    fn skip(&mut self) -> R<()> {
        match self.peek()? {
            b'{' => {
                self.enter()?;
                self.ws();
                if self.peek()? == b'}' {
                    self.i += 1;
                } else {
                    loop {
                        self.ws();
                        if self.peek()? != b'"' {
                            return Err(Bail);
                        }
                        self.skip_string()?;
                        self.expect(b':')?;
                        self.ws();
                        self.skip()?;
                        self.ws();
                        match self.peek()? {
                            b',' => self.i += 1,
                            b'}' => {
                                self.i += 1;
                                break;
                            }
                            _ => return Err(Bail),
                        }
                    }
                }
                self.depth -= 1;
            }
            b'[' => {
                self.enter()?;
                self.ws();
                if self.peek()? == b']' {
                    self.i += 1;
                } else {
                    loop {
                        self.ws();
                        self.skip()?;
                        self.ws();
                        match self.peek()? {
                            b',' => self.i += 1,
                            b']' => {
                                self.i += 1;
                                break;
                            }
                            _ => return Err(Bail),
                        }
                    }
                }
                self.depth -= 1;
            }
            b'"' => self.skip_string()?,
            b't' => self.literal(b"true")?,
            b'f' => self.literal(b"false")?,
            b'n' => self.literal(b"null")?,
            b'-' | b'0'..=b'9' => {
                self.number()?;
            }
            _ => return Err(Bail),
        }
        Ok(())
    }

    fn skip_string(&mut self) -> R<()> {
        let (start, end, escaped) = self.raw_string()?;
        if escaped {
            self.unescape(start, end)?;
        }
        Ok(())
    }

    /// One value of `want.kind` at the walker's path (the seed's `ValueSeed::deserialize`).
    fn value(&mut self, want: Want) -> R<Seen> {
        if self.w.done() || matches!(want.kind, Kind::Any) {
            // JSON text carries no value `Any` would report.
            self.skip()?;
            return Ok(Seen::Val(Val::Other));
        }
        let kind = want.kind;
        match self.peek()? {
            b'"' => self.string_value(&kind, want.type_only, want.capture),
            b'-' | b'0'..=b'9' => {
                let n = self.number()?;
                self.w.number(&kind, n, want.type_only);
                Ok(Seen::Val(Val::Number(n)))
            }
            c @ (b't' | b'f') => {
                let v = c == b't';
                self.literal(if v { b"true" } else { b"false" })?;
                if !matches!(kind, Kind::Boolean) {
                    self.w.type_issue(&kind, "boolean");
                }
                Ok(Seen::Val(Val::Bool(v)))
            }
            b'n' => {
                self.literal(b"null")?;
                if want.null_is_absent {
                    return Ok(Seen::Absent);
                }
                self.w.type_issue(&kind, "null");
                Ok(Seen::Val(Val::Other))
            }
            b'[' => match kind {
                Kind::Array(a) if !want.type_only => self.array(a, want.flag),
                other => {
                    if !matches!(other, Kind::Array(_)) {
                        self.w.type_issue(&other, "array");
                    }
                    self.skip()?;
                    Ok(Seen::Val(Val::Other))
                }
            },
            b'{' => match kind {
                Kind::Object(s) if !want.type_only => self.object(s, want.flag),
                other => {
                    if !matches!(other, Kind::Object(_)) {
                        self.w.type_issue(&other, "object");
                    }
                    self.skip()?;
                    Ok(Seen::Val(Val::Other))
                }
            },
            _ => Err(Bail),
        }
    }

    /// A string where `kind` is expected (the seed's `visit_str`), at its opening quote.
    #[inline]
    fn string_value(&mut self, kind: &Kind, type_only: bool, capture: bool) -> R<Seen> {
        let (start, end, escaped, ascii) = self.raw_string_ascii()?;
        if escaped {
            self.unescape(start, end)?;
        }
        let s = if escaped { self.s.unescaped.as_str() } else { self.text.get(start..end).ok_or(Bail)? };
        match kind {
            Kind::String(t) if !type_only && ascii && !escaped => self.w.string_of_len(t, s, s.len() as u64),
            Kind::String(t) if !type_only => self.w.string(t, s),
            Kind::String(_) => {}
            other => self.w.type_issue(other, "string"),
        }
        if !capture {
            return Ok(Seen::Val(Val::Other));
        }
        let (start, end) = if escaped {
            let from = self.s.owned.len();
            self.s.owned.push_str(&self.s.unescaped);
            (from, self.s.owned.len())
        } else {
            (start, end)
        };
        Ok(Seen::Val(Val::Str { start: start as u32, end: end as u32, owned: escaped }))
    }

    /// The seed's `array`.
    fn array(&mut self, a: &'static Array, flag: Option<(&'static str, Option<usize>)>) -> R<Seen> {
        self.enter()?;
        let flags_start = self.s.flags.len();
        let mut count = 0usize;
        self.ws();
        if self.peek()? == b']' {
            self.i += 1;
        } else {
            loop {
                self.ws();
                if self.w.done() {
                    self.skip()?;
                } else {
                    self.w.enter(Seg::Index(count), count);
                    let item = Want { kind: a.items, null_is_absent: false, capture: false, type_only: false, flag };
                    let seen = self.value(item);
                    self.w.leave();
                    if let Seen::Flagged(pos) = seen? {
                        self.s.flags.push((count, pos));
                    }
                }
                count += 1;
                self.ws();
                match self.peek()? {
                    b',' => self.i += 1,
                    b']' => {
                        self.i += 1;
                        break;
                    }
                    _ => return Err(Bail),
                }
            }
        }
        self.depth -= 1;
        items::check(a, count as u64, &mut |issue| self.w.emit(issue));
        Ok(if flag.is_some() {
            Seen::Flags(flags_start as u32, self.s.flags.len() as u32)
        } else {
            Seen::Val(Val::Other)
        })
    }

    /// The seed's `object`.
    fn object(&mut self, schema: &'static Schema, flag: Option<(&'static str, Option<usize>)>) -> R<Seen> {
        self.enter()?;
        let plan = plan::plan(schema);
        let flag_field = flag
            .and_then(|(f, known)| known.or_else(|| plan.field_of_key(schema, f.as_bytes(), key_words(f.as_bytes()))));
        let capture = plan.captured | flag_field.map_or(0, bit);
        let kept_start = self.s.kept.len();
        let flags_start = self.s.flags.len();
        let arrays_start = self.s.arrays.len();
        let base = self.s.at_top;
        let fields = schema.fields.len().min(MAX_FIELDS);
        self.s.at_top += fields;
        if self.s.at.len() < self.s.at_top {
            self.s.at.resize(self.s.at_top, 0);
        }
        let mut m = Members { given: 0, present: 0, count: 0 };
        self.ws();
        if self.peek()? == b'}' {
            self.i += 1;
        } else {
            let mut last = None;
            loop {
                self.ws();
                if self.peek()? != b'"' {
                    return Err(Bail);
                }
                let guess = plan.guess(last);
                let known = plan.confirm(schema, guess, self.b.get(self.i + 1..).unwrap_or(&[]));
                let (field, unknown_name) = match known {
                    Some((fi, n)) => {
                        self.i += n + 2;
                        (Some(fi), None)
                    }
                    None => self.key(schema, plan)?,
                };
                if let Some(fi) = field {
                    if field != guess.field() {
                        plan.learn(last, fi);
                    }
                    last = Some(fi);
                }
                self.expect(b':')?;
                self.ws();
                let mi = m.count;
                m.count = m.count.saturating_add(1);
                match field.and_then(|fi| schema.fields.get(fi).map(|f| (fi, f))) {
                    None => self.unknown(unknown_name, mi)?,
                    Some((fi, field)) => {
                        let b = bit(fi);
                        if m.given & b != 0 {
                            // A repeated key: the last occurrence counts, taking back the
                            // issues of the earlier ones. The seed knows how.
                            return Err(Bail);
                        }
                        m.given |= b;
                        if let Some(slot) = self.s.at.get_mut(base + fi) {
                            *slot = mi;
                        }
                        self.w.enter(Seg::Name(field.name), mi as usize);
                        let seen = if matches!(field.kind, Kind::String(_))
                            && self.b.get(self.i) == Some(&b'"')
                            && !self.w.done()
                        {
                            // Most members are strings: straight to their checks.
                            self.string_value(&field.kind, field.read_only, capture & b != 0)
                        } else {
                            let want = Want {
                                kind: field.kind,
                                null_is_absent: true,
                                capture: capture & b != 0,
                                type_only: field.read_only,
                                flag: if matches!(field.kind, Kind::Array(_)) {
                                    plan.flag_field_of_array(schema, fi)
                                } else {
                                    None
                                },
                            };
                            self.value(want)
                        };
                        self.w.leave();
                        let seen = seen?;
                        if !matches!(seen, Seen::Absent) || matches!(field.kind, Kind::Any) {
                            m.present |= b;
                        }
                        match seen {
                            Seen::Flags(from, to) => self.s.arrays.push((fi, from, to)),
                            seen if capture & b != 0 => {
                                let v = match seen {
                                    Seen::Val(v) => v,
                                    _ => Val::Other,
                                };
                                self.s.kept.push((fi, v));
                            }
                            _ => {}
                        }
                    }
                }
                self.ws();
                match self.peek()? {
                    b',' => self.i += 1,
                    b'}' => {
                        self.i += 1;
                        break;
                    }
                    _ => return Err(Bail),
                }
            }
        }
        self.depth -= 1;
        Ok(self.close(schema, plan, &m, Marks { base, fields, kept_start, flags_start, arrays_start }, flag_field))
    }

    /// An unknown member: reported when its name was kept, skipped.
    #[inline(never)]
    fn unknown(&mut self, name: Option<String>, mi: u32) -> R<()> {
        if let Some(name) = name {
            self.w.enter_key(name, mi as usize);
            self.w.emit(IssueKind::UnknownField { allowed: None });
            self.w.leave_key();
        }
        self.skip()
    }

    /// The end of an object: its rules, whether its flag is set, and its buffers given back.
    /// Kept out of [`Reader::object`], whose member loop is the hot path.
    #[inline(never)]
    fn close(&mut self, schema: &'static Schema, plan: &Plan, m: &Members, at: Marks, flag: Option<usize>) -> Seen {
        let view = View {
            m,
            at: self.s.at.get(at.base..at.base + at.fields).unwrap_or(&[]),
            text: self.text,
            owned: &self.s.owned,
            kept: self.s.kept.get(at.kept_start..).unwrap_or(&[]),
            arrays: self.s.arrays.get(at.arrays_start..).unwrap_or(&[]),
            flags: &self.s.flags,
        };
        if !self.w.done() {
            rules(self.w, schema, plan, &view);
        }
        let flagged = flag
            .filter(|&fi| matches!(condition::Members::kept(&view, fi), Some(Kept::Bool(true))))
            .map(|fi| view.at(fi));
        self.s.at_top = at.base;
        self.s.kept.truncate(at.kept_start);
        self.s.flags.truncate(at.flags_start);
        self.s.arrays.truncate(at.arrays_start);
        match flagged {
            Some(pos) => Seen::Flagged(pos),
            None => Seen::Val(Val::Other),
        }
    }
}

/// Where an object's state starts in the [`Scratch`] buffers.
struct Marks {
    base: usize,
    fields: usize,
    kept_start: usize,
    flags_start: usize,
    arrays_start: usize,
}

/// Which members an object had.
struct Members {
    given: u64,
    present: u64,
    count: u32,
}

/// An object's members with where they were and the values it kept, for [`rules`].
struct View<'v> {
    m: &'v Members,
    /// Member positions by field (meaningful for given fields).
    at: &'v [u32],
    text: &'v str,
    owned: &'v str,
    kept: &'v [(usize, Val)],
    arrays: &'v [(usize, u32, u32)],
    flags: &'v [(usize, u32)],
}

impl Given for View<'_> {
    fn given(&self) -> u64 {
        self.m.given
    }
    fn present_mask(&self) -> u64 {
        self.m.present
    }
    fn at(&self, fi: usize) -> u32 {
        self.at.get(fi).copied().unwrap_or(0)
    }
    fn count(&self) -> u32 {
        self.m.count
    }
    fn each_flags(&self, mut f: impl FnMut(usize, &[(usize, u32)])) {
        for &(fi, from, to) in self.arrays {
            f(fi, self.flags.get(from as usize..to as usize).unwrap_or(&[]));
        }
    }
}

impl condition::Members for View<'_> {
    fn present(&self, field: usize) -> bool {
        self.m.present & bit(field) != 0
    }

    fn kept(&self, field: usize) -> Option<Kept<'_>> {
        if !self.present(field) {
            return None;
        }
        let (_, v) = self.kept.iter().rev().find(|(i, _)| *i == field)?;
        Some(match *v {
            Val::Bool(b) => Kept::Bool(b),
            Val::Number(n) => Kept::Number(n),
            Val::Str { start, end, owned } => {
                let from = if owned { self.owned } else { self.text };
                Kept::Str(from.get(start as usize..end as usize).unwrap_or(""))
            }
            Val::Other => Kept::Other,
        })
    }
}

/// A number token read by serde_json as the seed reads it (`u64`, `i64` or `f64`, as `f64`).
fn serde_number(token: &str) -> Option<f64> {
    struct ToF64;
    impl serde::de::Visitor<'_> for ToF64 {
        type Value = f64;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a number")
        }
        fn visit_u64<E>(self, n: u64) -> Result<f64, E> {
            Ok(n as f64)
        }
        fn visit_i64<E>(self, n: i64) -> Result<f64, E> {
            Ok(n as f64)
        }
        fn visit_f64<E>(self, n: f64) -> Result<f64, E> {
            Ok(n)
        }
    }
    let mut de = serde_json::Deserializer::from_str(token);
    let n = serde::Deserializer::deserialize_any(&mut de, ToF64).ok()?;
    de.end().ok()?;
    Some(n)
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
