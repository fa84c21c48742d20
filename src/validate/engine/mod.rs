//! The engine: checks a value against a [`Kind`] and collects every defect.
//!
//! It validates *while the value is being read*: the schema drives a serde `DeserializeSeed`
//! ([`seed`]), so JSON text (NDJSON lines, request bodies), a `serde_json::Value`, our own
//! [`Value`](super::value::Value) tree and the JavaScript encoder's stream all go through the
//! same code, and no tree is built for text. Strings are checked borrowed; only the values a
//! cross-field rule reads are kept.
//!
//! Rules of the walk (the contract of `validate`):
//! - every defect is one issue, and nothing cascades: a wrong type stops the checks below
//!   that value, a missing object is one `required` issue, a pattern failure that only
//!   restates a length failure is not reported twice;
//! - issues come out in document order: each issue carries the position of its path in the
//!   document (member index, array index; absent fields after the present ones, in schema
//!   order), and the list is stably sorted by it at the end, whatever order rules fire in;
//! - `null` on an optional field is the same as leaving it out (the server's JSON binding
//!   reads both as "no value"); on a required field it is a `required` issue;
//! - of a repeated key, the last occurrence counts (the earlier ones' issues are dropped).

mod checks;
mod object;
mod plan;
mod seed;
mod text;

use std::borrow::Cow;

use serde::de::{DeserializeSeed, Deserializer};

use super::issue::{Issue, IssueKind};
use super::Options;
use crate::schema::Kind;

pub(crate) use text::{Bail, Scratch};

pub(crate) use crate::schema::MAX_FIELDS;

/// A step of the path being read: a field of a schema, an array index, or any other key.
/// (Copy, so leaving a member is one store: the text of other keys lives in [`Walker::keys`].)
#[derive(Clone, Copy)]
enum Seg {
    Name(&'static str),
    Index(usize),
    /// The key at this index of [`Walker::keys`].
    Key(u32),
}

/// The JSON Pointer of an issue, kept between issues (and lines) with the steps it was written
/// from when they are all fields and indices: bulk input repeats the same path line after line.
#[derive(Default)]
pub(crate) struct Pointer {
    text: String,
    /// The steps `text` is, when none is `Step::Text` (whose text the walker frees); else empty
    /// with `text` not empty, or both empty for the root.
    steps: Vec<Step>,
}

impl Pointer {
    /// True when `text` is the pointer of `steps` (fields compared by address: a schema's
    /// names are static, and one address always holds the same text).
    fn is_of(&self, steps: &[Step]) -> bool {
        self.steps.len() == steps.len()
            && (!steps.is_empty() || self.text.is_empty())
            && self.steps.iter().zip(steps).all(|(a, b)| match (a, b) {
                (Step::Name(x), Step::Name(y)) => std::ptr::eq(*x, *y),
                (Step::Index(x), Step::Index(y)) => x == y,
                _ => false,
            })
    }

    fn build(&mut self, steps: &[Step], texts: &str) {
        self.text.clear();
        self.steps.clear();
        for &step in steps {
            self.text.push('/');
            match step {
                Step::Name(k) => escape_into(&mut self.text, k),
                Step::Text(from, to) => {
                    escape_into(&mut self.text, texts.get(from as usize..to as usize).unwrap_or(""))
                }
                Step::Index(i) => {
                    use std::fmt::Write;
                    let _ = write!(self.text, "{i}");
                }
            }
        }
        if steps.iter().all(|s| !matches!(s, Step::Text(..))) {
            self.steps.extend_from_slice(steps);
        }
    }
}

/// A step of a recorded issue's path: [`Seg`] with the text of a `Key` copied out (the walker
/// frees a key's text when it leaves the member).
#[derive(Clone, Copy)]
enum Step {
    Name(&'static str),
    Index(usize),
    /// This range of [`Walker::texts`].
    Text(u32, u32),
}

struct Found {
    /// The document position of the path, for the final ordering: this range of
    /// [`Walker::positions`] (one arena, so an issue allocates no vector of its own).
    at: std::ops::Range<u32>,
    /// Its path: this range of [`Walker::steps`]. The JSON Pointer text is written only when
    /// the issue is taken, into a buffer the caller may reuse ([`Walker::drain_issues`]).
    steps: std::ops::Range<u32>,
    kind: IssueKind,
    /// False once a later occurrence of the same key replaced the value it is about.
    alive: bool,
}

/// Collects the issues of one validation.
pub(crate) struct Walker {
    /// The path being read, each step with its document position.
    path: Vec<(Seg, u32)>,
    /// The text of the `Seg::Key` steps of this walk.
    keys: Vec<String>,
    found: Vec<Found>,
    /// The positions of every issue in `found`, back to back.
    positions: Vec<u32>,
    /// The path steps of every issue in `found`, back to back, and the text of their keys.
    steps: Vec<Step>,
    texts: String,
    opts: Options,
    /// Issues still alive in `found`.
    live: usize,
    /// Under `abort_early`: a value or an issue was skipped because an issue was alive.
    skipped: bool,
    /// Under `abort_early`: a repeated key took back every live issue after something was
    /// skipped, so this run cannot give the verdict (see [`Walker::revived`]); under
    /// `max_issues`: it took back issues after others had been left out.
    revived: bool,
    /// Issues not recorded because `max_issues` were live (counted, so the report can say it
    /// was cut).
    dropped: usize,
    /// Count issues without building them (bulk input past its kept issues needs only the
    /// verdict); see [`Walker::reset`].
    verdict_only: bool,
}

impl Walker {
    pub fn new(opts: Options) -> Self {
        Walker {
            path: Vec::with_capacity(8),
            keys: Vec::new(),
            found: Vec::new(),
            positions: Vec::new(),
            steps: Vec::new(),
            texts: String::new(),
            opts,
            live: 0,
            skipped: false,
            revived: false,
            dropped: 0,
            verdict_only: false,
        }
    }

    /// Makes a used walker new again, keeping its buffers (bulk input reuses one walker for
    /// every line). With `verdict_only`, issues are counted but not built: only
    /// [`Walker::has_issues`] is meaningful then.
    pub(crate) fn reset(&mut self, opts: Options, verdict_only: bool) {
        self.path.clear();
        self.keys.clear();
        self.found.clear();
        self.positions.clear();
        self.steps.clear();
        self.texts.clear();
        self.opts = opts;
        self.live = 0;
        self.skipped = false;
        self.revived = false;
        self.dropped = 0;
        self.verdict_only = verdict_only;
    }

    /// Reads JSON `text` as a value of `kind` with the JSON text reader (no serde): the same
    /// issues as [`Walker::check`] with serde_json, or [`Bail`] when the text needs serde_json
    /// after all (a syntax error, a repeated key…); the walker must then be reset.
    pub(crate) fn check_text(&mut self, kind: &Kind, text: &str, scratch: &mut Scratch) -> Result<(), Bail> {
        text::check(self, kind, text, scratch)
    }

    /// True when an issue is alive.
    pub(crate) fn has_issues(&self) -> bool {
        self.live > 0 || self.dropped > 0
    }

    /// True when issues were left out because `max_issues` were live.
    pub(crate) fn truncated(&self) -> bool {
        self.dropped > 0
    }

    /// The live issues, in document order, leaving the walker to be [`reset`](Walker::reset).
    pub(crate) fn take_issues(&mut self) -> Vec<Issue> {
        let mut issues = Vec::new();
        let mut path = Pointer::default();
        self.drain_issues(&mut path, |path, kind| issues.push(Issue { path: path.to_owned(), kind }));
        issues
    }

    /// Hands each live issue to `each` in document order, with its JSON Pointer written into
    /// `path` (a buffer the caller keeps, so bulk input builds no `String` per issue, and the
    /// pointer of the last issue again only when its path differs), leaving the walker to be
    /// [`reset`](Walker::reset). Returns how many there were.
    pub(crate) fn drain_issues(&mut self, path: &mut Pointer, mut each: impl FnMut(&str, IssueKind)) -> usize {
        if self.found.is_empty() {
            return 0;
        }
        self.found.retain(|f| f.alive);
        if self.found.len() > 1 {
            let positions = &self.positions;
            let of = |f: &Found| positions.get(f.at.start as usize..f.at.end as usize).unwrap_or(&[]);
            self.found.sort_by(|a, b| of(a).cmp(of(b)));
        }
        let count = self.found.len();
        for f in self.found.drain(..) {
            let steps = self.steps.get(f.steps.start as usize..f.steps.end as usize).unwrap_or(&[]);
            if !path.is_of(steps) {
                path.build(steps, &self.texts);
            }
            each(&path.text, f.kind);
        }
        self.positions.clear();
        self.steps.clear();
        self.texts.clear();
        count
    }

    /// How many issues are alive (what [`Walker::drain_issues`] will hand over).
    pub(crate) fn live(&self) -> usize {
        self.live
    }

    /// Starts below these pointer segments (for `validate_field`).
    pub fn at(mut self, segments: &[Cow<'_, str>]) -> Self {
        for s in segments {
            self.enter_key(s.to_string(), 0);
        }
        self
    }

    /// Reads `d` as a value of `kind` and records its defects. `null` at this level is a value
    /// (a type issue unless `kind` allows any JSON), not an absent field.
    pub fn check<'de, D: Deserializer<'de>>(&mut self, kind: &Kind, d: D) -> Result<(), D::Error> {
        seed::ValueSeed::new(self, *kind).deserialize(d).map(|_| ())
    }

    /// The live issues, in document order.
    pub fn finish(self) -> Vec<Issue> {
        self.into_report().issues
    }

    /// The live issues, in document order, and whether some were left out (`max_issues`).
    pub fn into_report(mut self) -> super::Report {
        let truncated = self.truncated();
        super::Report { issues: self.take_issues(), truncated }
    }

    /// True when the rest may be skipped: `abort_early` and an issue is alive. Every skip
    /// goes through here, so a later revival knows something went unchecked.
    #[inline]
    fn done(&mut self) -> bool {
        // Asked for every member: the usual answer (no `abort_early`) reads one flag.
        if !self.opts.abort_early || self.live == 0 {
            return false;
        }
        self.skipped = true;
        true
    }

    /// Under `abort_early`, a repeated key replaced the only issue after other values had
    /// been skipped: the verdict of this run is unknown and the value must be read again
    /// without early abort. (Only JSON text can repeat a key; JS objects cannot.)
    pub fn revived(&self) -> bool {
        self.revived
    }

    pub(crate) fn emit(&mut self, kind: IssueKind) {
        // Under abort_early the first issue is the only one recorded.
        if self.done() {
            return;
        }
        // Past `max_issues`, an issue is counted, not kept: memory stays bounded whatever the
        // value holds, and the walk (linear in the value) still ends with an exact verdict.
        if self.live >= self.opts.max_issues {
            self.dropped += 1;
            return;
        }
        self.live += 1;
        if self.verdict_only {
            return;
        }
        let from = self.positions.len() as u32;
        self.positions.extend(self.path.iter().map(|&(_, p)| p));
        let at = from..self.positions.len() as u32;
        let first = self.steps.len() as u32;
        for &(seg, _) in &self.path {
            let step = match seg {
                Seg::Name(k) => Step::Name(k),
                Seg::Index(i) => Step::Index(i),
                Seg::Key(k) => {
                    let start = self.texts.len() as u32;
                    self.texts.push_str(self.keys.get(k as usize).map_or("", String::as_str));
                    Step::Text(start, self.texts.len() as u32)
                }
            };
            self.steps.push(step);
        }
        let steps = first..self.steps.len() as u32;
        self.found.push(Found { at, steps, kind, alive: true });
    }

    fn enter(&mut self, seg: Seg, pos: usize) {
        self.path.push((seg, u32::try_from(pos).unwrap_or(u32::MAX)));
    }

    /// Enters a member whose key is not a field name of the schema.
    fn enter_key(&mut self, key: String, pos: usize) {
        self.keys.push(key);
        self.enter(Seg::Key(self.keys.len() as u32 - 1), pos);
    }

    fn leave(&mut self) {
        self.path.truncate(self.path.len().saturating_sub(1));
    }

    /// Leaves a member entered with [`Walker::enter_key`], freeing its key.
    fn leave_key(&mut self) {
        self.leave();
        self.keys.pop();
    }

    /// Drops the issues recorded in `range` (a member replaced by a later one of the same key).
    fn kill(&mut self, range: std::ops::Range<usize>) {
        for f in self.found.get_mut(range).into_iter().flatten() {
            if std::mem::replace(&mut f.alive, false) {
                self.live -= 1;
            }
        }
        self.revived |= self.opts.abort_early && self.skipped && self.live == 0;
        self.revived |= self.dropped > 0 && self.live < self.opts.max_issues;
    }

    fn type_issue(&mut self, kind: &Kind, actual: &str) {
        self.emit(crate::rules::types::issue(kind, actual));
    }
}

fn escape_into(path: &mut String, key: &str) {
    if !key.bytes().any(|b| b == b'~' || b == b'/') {
        return path.push_str(key);
    }
    for c in key.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}
