//! Regular expressions in the server's dialect (Java `java.util.regex`), matched the way the
//! server matches them: against the whole value (decisions R1, R2).
//!
//! Written here because no crate reads Java's dialect: we translate it into the syntax of
//! `regex-syntax` (same crate family as `regex`, linear time, no backtracking) and keep
//! Java's meanings where the two differ:
//! - `\w`, `\d`, `\s`, `\b` and the POSIX classes (`\p{Alpha}`…) are ASCII, as in Java
//!   without `UNICODE_CHARACTER_CLASS`; `\s` includes `\x0B`;
//! - `.` excludes Java's line terminators (`\n \r \u0085 \u2028 \u2029`) unless `(?s)`;
//! - an escaped punctuation character is always literal (Java `\<` is `<`, not a boundary);
//! - inside a class, `--` and `~~` are literal (they are set operators in `regex-syntax`).
//!
//! Constructs a finite automaton cannot honour (backreferences, lookaround, possessive
//! quantifiers, atomic groups) are rejected with a clear [`PatternError`], never guessed.
//!
//! A pattern of the shape "characters of one class, count in [m, n]" (optionally `^$|…`)
//! compiles to [`CharSet`], a 128-bit ASCII table plus sorted ranges for other characters:
//! that is every static pattern of the API but the e-mail one, so the hot path is a table
//! lookup per character and the mismatch can name the first offending character.

use std::fmt;

use regex_syntax::hir::{Class, Hir, HirKind, Look};

use super::patterns::Mismatch;

/// Bounds on a pattern and its compiled size, so a hostile pattern cannot exhaust memory.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest accepted source, in characters.
    pub max_source_chars: usize,
    /// `regex` compiled-program size limit, in bytes.
    pub max_compiled_bytes: usize,
}

impl Limits {
    /// For the patterns shipped in this crate.
    pub const BUILT_IN: Limits = Limits { max_source_chars: 4096, max_compiled_bytes: 4 << 20 };
    /// For patterns that come from users or from API data (product formats).
    pub const USER: Limits = Limits { max_source_chars: 1024, max_compiled_bytes: 1 << 20 };
}

/// Why a pattern cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PatternError {
    /// The pattern is longer than the limit.
    TooLong { limit: usize, actual: usize },
    /// The pattern is not valid in the Java dialect, or uses a construct not supported here.
    Syntax { message: String },
    /// The compiled pattern would exceed the size limit.
    TooBig { limit: usize },
    /// `set_pattern` got a name that is not in the pattern table.
    UnknownName { name: String, known: String },
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PatternError::TooLong { limit, actual } => {
                write!(f, "the pattern is {actual} characters long; at most {limit} are accepted")
            }
            PatternError::Syntax { message } => write!(f, "invalid pattern: {message}"),
            PatternError::TooBig { limit } => {
                write!(f, "the pattern compiles to more than {limit} bytes; simplify it")
            }
            PatternError::UnknownName { name, known } => {
                write!(f, "unknown pattern name {name:?}; known names: {known}")
            }
        }
    }
}

impl std::error::Error for PatternError {}

fn syntax(message: impl Into<String>) -> PatternError {
    PatternError::Syntax { message: message.into() }
}

/// A compiled whole-string pattern.
#[derive(Debug)]
pub struct Compiled {
    source: String,
    matcher: Matcher,
}

#[derive(Debug)]
enum Matcher {
    Class(ClassShape),
    Regex(regex::Regex),
}

/// `allow_empty` or `min..=max` characters of `set`.
#[derive(Debug)]
struct ClassShape {
    allow_empty: bool,
    min: u32,
    max: Option<u32>,
    set: CharSet,
}

/// A set of characters: a bit per ASCII character plus sorted, disjoint ranges above.
#[derive(Debug, Clone)]
pub struct CharSet {
    ascii: u128,
    ranges: Box<[(u32, u32)]>,
}

impl CharSet {
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let c = c as u32;
        if c < 128 {
            return self.ascii & (1u128 << c) != 0;
        }
        self.ranges
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }
}

impl Compiled {
    /// The Java-dialect source this was compiled from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// True when the fast class matcher is used (no general regex engine).
    pub fn is_class_shaped(&self) -> bool {
        matches!(self.matcher, Matcher::Class(_))
    }

    /// Whole-string match of `value`.
    pub fn check(&self, value: &str) -> Result<(), Mismatch> {
        match &self.matcher {
            Matcher::Regex(re) => {
                if re.is_match(value) {
                    Ok(())
                } else {
                    Err(Mismatch::NoMatch)
                }
            }
            Matcher::Class(shape) => {
                if value.is_empty() {
                    return if shape.allow_empty || shape.min == 0 { Ok(()) } else { Err(Mismatch::Count) };
                }
                let mut count = 0u32;
                let mut index = 0usize;
                for ch in value.chars() {
                    if !shape.set.contains(ch) {
                        return Err(Mismatch::Char { ch, index });
                    }
                    count = count.saturating_add(1);
                    index += ch.len_utf16();
                }
                if count < shape.min || shape.max.is_some_and(|m| count > m) {
                    return Err(Mismatch::Count);
                }
                Ok(())
            }
        }
    }

    /// Convenience: does `value` match?
    pub fn is_match(&self, value: &str) -> bool {
        self.check(value).is_ok()
    }
}

/// Compiles `source` (Java dialect) for whole-string matching.
pub fn compile(source: &str, limits: Limits) -> Result<Compiled, PatternError> {
    let chars = source.chars().count();
    if chars > limits.max_source_chars {
        return Err(PatternError::TooLong { limit: limits.max_source_chars, actual: chars });
    }
    let (translated, hir) = parse(source)?;
    let matcher = match class_shape(&hir) {
        Some(shape) => Matcher::Class(shape),
        None => {
            let re = regex::RegexBuilder::new(&format!("^(?:{translated})$"))
                .size_limit(limits.max_compiled_bytes)
                .dfa_size_limit(limits.max_compiled_bytes)
                .nest_limit(64)
                .build()
                .map_err(|e| match e {
                    regex::Error::CompiledTooBig(_) => PatternError::TooBig { limit: limits.max_compiled_bytes },
                    other => syntax(first_line(&other.to_string())),
                })?;
            Matcher::Regex(re)
        }
    };
    Ok(Compiled { source: source.to_owned(), matcher })
}

/// The pattern as `regex-syntax` reads it: the translated source and its HIR. This is the
/// form [`compile`] matches with, so the exporters print it (`crate::export`) instead of
/// re-reading the Java text: an exported pattern then means exactly what the validator checks.
pub fn parse(source: &str) -> Result<(String, Hir), PatternError> {
    let translated = translate(source)?;
    let hir = regex_syntax::ParserBuilder::new()
        .nest_limit(64)
        .build()
        .parse(&translated)
        .map_err(|e| syntax(first_line(&e.to_string())))?;
    Ok((translated, hir))
}

fn first_line(s: &str) -> String {
    // regex-syntax errors are multi-line with a caret diagram; keep the summary line.
    s.lines().rev().find(|l| l.starts_with("error:")).unwrap_or(s).trim_start_matches("error: ").to_owned()
}

// ---- fast-path analysis -------------------------------------------------------------------

fn class_shape(hir: &Hir) -> Option<ClassShape> {
    let mut allow_empty = false;
    let mut rep: Option<(u32, Option<u32>, &Class)> = None;
    let branches: Vec<&Hir> = match hir.kind() {
        HirKind::Alternation(alts) => alts.iter().collect(),
        _ => vec![hir],
    };
    for b in branches {
        let b = strip_anchors(b)?;
        match b {
            None => allow_empty = true,
            Some(h) => {
                if rep.is_some() {
                    return None;
                }
                rep = Some(repetition_of_class(h)?);
            }
        }
    }
    let (min, max, class) = rep?;
    let set = match class {
        Class::Unicode(u) => {
            let mut ascii = 0u128;
            let mut ranges = Vec::new();
            for r in u.ranges() {
                let (lo, hi) = (r.start() as u32, r.end() as u32);
                for c in lo..=hi.min(127) {
                    ascii |= 1u128 << c;
                }
                if hi >= 128 {
                    ranges.push((lo.max(128), hi));
                }
            }
            CharSet { ascii, ranges: ranges.into_boxed_slice() }
        }
        Class::Bytes(_) => return None,
    };
    Some(ClassShape { allow_empty, min, max, set })
}

/// `Ok(None)` for a branch that matches only the empty string (`^$`, empty), `Ok(Some(h))`
/// for the branch without leading `^` / trailing `$`, `None` when anchors are elsewhere.
fn strip_anchors(h: &Hir) -> Option<Option<&Hir>> {
    let is_edge = |h: &Hir| matches!(h.kind(), HirKind::Look(Look::Start | Look::End));
    match h.kind() {
        HirKind::Empty => Some(None),
        HirKind::Look(Look::Start | Look::End) => Some(None),
        HirKind::Concat(parts) => {
            let rest: Vec<&Hir> = parts.iter().filter(|p| !is_edge(p)).collect();
            // Anchors may only sit at the ends of the branch.
            let first_inner = parts.iter().position(|p| !is_edge(p));
            let last_inner = parts.iter().rposition(|p| !is_edge(p));
            match (rest.len(), first_inner, last_inner) {
                (0, _, _) => Some(None),
                (1, Some(a), Some(b)) if a == b => Some(Some(rest[0])),
                _ => None,
            }
        }
        _ => Some(Some(h)),
    }
}

fn repetition_of_class(h: &Hir) -> Option<(u32, Option<u32>, &Class)> {
    match h.kind() {
        HirKind::Class(c) => Some((1, Some(1), c)),
        HirKind::Capture(c) => repetition_of_class(&c.sub),
        HirKind::Repetition(r) => match r.sub.kind() {
            HirKind::Class(c) => Some((r.min, r.max, c)),
            _ => None,
        },
        _ => None,
    }
}

// ---- translation ----------------------------------------------------------------------------

const JAVA_DOT: &str = r"[^\n\r\x{85}\x{2028}\x{2029}]";
const WORD: &str = r"0-9A-Za-z_";
const DIGIT: &str = r"0-9";
const SPACE: &str = r"\t\n\x0B\f\r ";
const HSPACE: &str = r" \t\xA0\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}";
const VSPACE: &str = r"\n\x0B\f\r\x{85}\x{2028}\x{2029}";

/// Translates a Java-dialect pattern into `regex-syntax` syntax with the same meaning.
pub fn translate(src: &str) -> Result<String, PatternError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len() + 32);
    let mut i = 0;
    let mut class_depth = 0usize;
    // Dot-all state per open group, so `(?s)` scopes like Java's.
    let mut dotall = false;
    let mut saved: Vec<bool> = Vec::new();
    let mut comments = false;
    while i < chars.len() {
        let c = chars[i];
        if class_depth > 0 {
            match c {
                '\\' => i = escape(&chars, i, true, &mut out)?,
                '[' => {
                    class_depth += 1;
                    out.push('[');
                    i += 1;
                    if chars.get(i) == Some(&'^') {
                        out.push('^');
                        i += 1;
                    }
                }
                ']' => {
                    class_depth -= 1;
                    out.push(']');
                    i += 1;
                }
                '-' if out.ends_with('-') => {
                    out.push_str(r"\x{2D}");
                    i += 1;
                }
                '~' => {
                    out.push_str(r"\x{7E}");
                    i += 1;
                }
                _ => {
                    out.push(c);
                    i += 1;
                }
            }
            continue;
        }
        match c {
            '\\' => i = escape(&chars, i, false, &mut out)?,
            '[' => {
                class_depth = 1;
                out.push('[');
                i += 1;
                if chars.get(i) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                // Java reads a `]` right after `[` or `[^` as an error; keep it literal-free.
            }
            '(' => {
                saved.push(dotall);
                i += 1;
                if chars.get(i) != Some(&'?') {
                    out.push('(');
                    continue;
                }
                i += 1;
                match chars.get(i) {
                    Some('=') | Some('!') => return Err(syntax("lookahead (?= or (?! is not supported")),
                    Some('>') => return Err(syntax("atomic groups (?> are not supported")),
                    Some(':') => {
                        out.push_str("(?:");
                        i += 1;
                    }
                    Some('<') => match chars.get(i + 1) {
                        Some('=') | Some('!') => return Err(syntax("lookbehind (?<= or (?<! is not supported")),
                        _ => {
                            // Named group (?<name>…): same syntax in both.
                            out.push_str("(?<");
                            i += 1;
                        }
                    },
                    _ => {
                        // Inline flags: (?idmsuxU-idmsuxU) or (?flags:…)
                        let mut on = true;
                        let mut kept = String::new();
                        loop {
                            match chars.get(i) {
                                Some('-') => {
                                    on = false;
                                    kept.push('-');
                                }
                                Some(&f @ ('i' | 'm' | 's' | 'x')) => {
                                    if f == 's' {
                                        dotall = on;
                                    }
                                    if f == 'x' {
                                        comments = on;
                                    }
                                    kept.push(f);
                                }
                                // UNICODE_CASE and UNIX_LINES: no effect on a whole-value
                                // match of a single-line string worth modelling.
                                Some('u') | Some('d') => {}
                                Some('U') => {
                                    return Err(syntax("(?U) (UNICODE_CHARACTER_CLASS) is not supported"))
                                }
                                Some(')') => {
                                    // Flags apply to the rest of the enclosing group.
                                    saved.pop();
                                    if !kept.is_empty() && kept != "-" {
                                        out.push_str("(?");
                                        out.push_str(kept.trim_end_matches('-'));
                                        out.push(')');
                                    }
                                    i += 1;
                                    break;
                                }
                                Some(':') => {
                                    out.push_str("(?");
                                    out.push_str(kept.trim_end_matches('-'));
                                    out.push(':');
                                    i += 1;
                                    break;
                                }
                                Some(other) => {
                                    return Err(syntax(format!("unknown inline flag {other:?}")))
                                }
                                None => return Err(syntax("unclosed group")),
                            }
                            i += 1;
                        }
                    }
                }
            }
            ')' => {
                dotall = saved.pop().ok_or_else(|| syntax("unopened group: unbalanced )"))?;
                out.push(')');
                i += 1;
            }
            '.' => {
                out.push_str(if dotall { "(?s:.)" } else { JAVA_DOT });
                i += 1;
            }
            '*' | '+' | '?' | '}' => {
                out.push(c);
                i += 1;
                if chars.get(i) == Some(&'+') {
                    return Err(syntax("possessive quantifiers (*+, ++, ?+, {n}+) are not supported"));
                }
                if chars.get(i) == Some(&'?') {
                    out.push('?');
                    i += 1;
                }
            }
            '#' if !comments => {
                out.push_str(r"\#");
                i += 1;
            }
            ' ' if !comments => {
                out.push_str(r"\x20");
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    if class_depth > 0 {
        return Err(syntax("unclosed character class"));
    }
    Ok(out)
}

/// Translates the escape starting at `chars[i] == '\\'`; returns the index after it.
fn escape(chars: &[char], i: usize, in_class: bool, out: &mut String) -> Result<usize, PatternError> {
    let Some(&e) = chars.get(i + 1) else {
        return Err(syntax("the pattern ends with a lone backslash"));
    };
    let set = |out: &mut String, body: &str, negated: bool| {
        match (in_class, negated) {
            (true, false) => out.push_str(body),
            (_, true) => {
                out.push_str("[^");
                out.push_str(body);
                out.push(']');
            }
            (false, false) => {
                out.push('[');
                out.push_str(body);
                out.push(']');
            }
        }
    };
    let mut next = i + 2;
    match e {
        'w' | 'W' => set(out, WORD, e == 'W'),
        'd' | 'D' => set(out, DIGIT, e == 'D'),
        's' | 'S' => set(out, SPACE, e == 'S'),
        'h' | 'H' => set(out, HSPACE, e == 'H'),
        'v' | 'V' => set(out, VSPACE, e == 'V'),
        'b' | 'B' if !in_class => out.push_str(if e == 'b' { r"(?-u:\b)" } else { r"(?-u:\B)" }),
        'A' if !in_class => out.push_str(r"\A"),
        'z' if !in_class => out.push_str(r"\z"),
        'Z' if !in_class => out.push_str(r"(?:\n?\z)"),
        'R' if !in_class => out.push_str(r"(?:\r\n|[\n\x0B\f\r\x{85}\x{2028}\x{2029}])"),
        't' => out.push_str(r"\t"),
        'n' => out.push_str(r"\n"),
        'r' => out.push_str(r"\r"),
        'f' => out.push_str(r"\f"),
        'a' => out.push_str(r"\x07"),
        'e' => out.push_str(r"\x1B"),
        'c' => {
            let x = chars.get(i + 2).ok_or_else(|| syntax(r"\c needs a control letter"))?;
            push_literal(out, char::from_u32((*x as u32) ^ 64).ok_or_else(|| syntax(r"bad \c escape"))?);
            next = i + 3;
        }
        '0' => {
            // Java octal: \0n, \0nn, \0mnn (m <= 3).
            let mut v = 0u32;
            let mut j = i + 2;
            let max_digits = if chars.get(j).is_some_and(|d| ('0'..='3').contains(d)) { 3 } else { 2 };
            while j < chars.len() && j < i + 2 + max_digits && ('0'..='7').contains(&chars[j]) {
                v = v * 8 + chars[j].to_digit(8).unwrap_or(0);
                j += 1;
            }
            if j == i + 2 {
                return Err(syntax(r"illegal octal escape \0"));
            }
            push_literal(out, char::from_u32(v).ok_or_else(|| syntax("bad octal escape"))?);
            next = j;
        }
        'x' => {
            let (v, j) = if chars.get(i + 2) == Some(&'{') {
                let end = chars[i + 3..].iter().position(|&c| c == '}').ok_or_else(|| syntax(r"unclosed \x{"))?;
                (hex(&chars[i + 3..i + 3 + end])?, i + 4 + end)
            } else {
                (hex(chars.get(i + 2..i + 4).ok_or_else(|| syntax(r"\x needs two hex digits"))?)?, i + 4)
            };
            push_literal(out, char::from_u32(v).ok_or_else(|| syntax(r"\x escape is not a character"))?);
            next = j;
        }
        'u' => {
            let v = hex(chars.get(i + 2..i + 6).ok_or_else(|| syntax(r"\u needs four hex digits"))?)?;
            next = i + 6;
            let ch = if (0xD800..0xDC00).contains(&v) {
                // A surrogate pair written as \uD83D\uDE00.
                let lo = match (chars.get(next), chars.get(next + 1)) {
                    (Some('\\'), Some('u')) => hex(chars.get(next + 2..next + 6).unwrap_or(&[]))?,
                    _ => return Err(syntax("lone surrogate in \\u escape")),
                };
                if !(0xDC00..0xE000).contains(&lo) {
                    return Err(syntax("lone surrogate in \\u escape"));
                }
                next += 6;
                char::from_u32(0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00))
            } else {
                char::from_u32(v)
            };
            push_literal(out, ch.ok_or_else(|| syntax("lone surrogate in \\u escape"))?);
        }
        'p' | 'P' => {
            let (name, j) = if chars.get(i + 2) == Some(&'{') {
                let end = chars[i + 3..].iter().position(|&c| c == '}').ok_or_else(|| syntax(r"unclosed \p{"))?;
                (chars[i + 3..i + 3 + end].iter().collect::<String>(), i + 4 + end)
            } else {
                (chars.get(i + 2).ok_or_else(|| syntax(r"\p needs a property"))?.to_string(), i + 3)
            };
            property(&name, e == 'P', in_class, out)?;
            next = j;
        }
        'Q' => {
            // \Q…\E quotes everything up to \E (or the end).
            let mut j = i + 2;
            while j < chars.len() && !(chars[j] == '\\' && chars.get(j + 1) == Some(&'E')) {
                push_literal(out, chars[j]);
                j += 1;
            }
            next = if j < chars.len() { j + 2 } else { j };
        }
        '1'..='9' | 'k' => return Err(syntax("backreferences are not supported")),
        'G' | 'X' | 'N' | 'E' | 'b' | 'B' | 'A' | 'z' | 'Z' | 'R' => {
            return Err(syntax(format!(r"\{e} is not supported here")));
        }
        c if c.is_ascii_alphanumeric() => {
            return Err(syntax(format!(r"illegal or unsupported escape sequence \{c}")));
        }
        // Any other escaped character is itself (Java).
        c => push_literal(out, c),
    }
    Ok(next)
}

fn hex(digits: &[char]) -> Result<u32, PatternError> {
    let s: String = digits.iter().collect();
    if s.is_empty() || s.len() > 8 {
        return Err(syntax(format!("bad hexadecimal escape {s:?}")));
    }
    u32::from_str_radix(&s, 16).map_err(|_| syntax(format!("bad hexadecimal escape {s:?}")))
}

fn push_literal(out: &mut String, c: char) {
    use fmt::Write;
    if c.is_ascii_alphanumeric() {
        out.push(c);
    } else {
        let _ = write!(out, r"\x{{{:X}}}", c as u32);
    }
}

/// Java `\p{name}`: POSIX classes are US-ASCII; general categories as in Unicode.
fn property(name: &str, negated: bool, in_class: bool, out: &mut String) -> Result<(), PatternError> {
    let posix = match name {
        "Lower" => Some("a-z"),
        "Upper" => Some("A-Z"),
        "ASCII" => Some(r"\x00-\x7F"),
        "Alpha" => Some("a-zA-Z"),
        "Digit" => Some("0-9"),
        "Alnum" => Some("a-zA-Z0-9"),
        "Punct" => Some(r"!-/:-@\[-`{-\x7E"),
        "Graph" => Some(r"!-\x7E"),
        "Print" => Some(r"\x20-\x7E"),
        "Blank" => Some(r" \t"),
        "Cntrl" => Some(r"\x00-\x1F\x7F"),
        "XDigit" => Some("0-9a-fA-F"),
        "Space" => Some(SPACE),
        _ => None,
    };
    if let Some(body) = posix {
        match (in_class, negated) {
            (true, false) => out.push_str(body),
            (_, true) => {
                out.push_str("[^");
                out.push_str(body);
                out.push(']');
            }
            (false, false) => {
                out.push('[');
                out.push_str(body);
                out.push(']');
            }
        }
        return Ok(());
    }
    let bare = name
        .strip_prefix("general_category=")
        .or_else(|| name.strip_prefix("gc="))
        .or_else(|| name.strip_prefix("Is"))
        .unwrap_or(name);
    let category = match bare {
        "Letter" => "L",
        "Digit" => "Nd",
        "Punctuation" => "P",
        "Control" => "Cc",
        other => other,
    };
    const CATEGORIES: &[&str] = &[
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "LC", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd",
        "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Co",
        "Cs", "Cn",
    ];
    if !CATEGORIES.contains(&category) {
        return Err(syntax(format!(
            r"\p{{{name}}} is not supported (general categories such as \p{{L}} and the POSIX classes are)"
        )));
    }
    out.push_str(if negated { r"\P{" } else { r"\p{" });
    out.push_str(category);
    out.push('}');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(src: &str, value: &str) -> bool {
        compile(src, Limits::USER).unwrap_or_else(|e| panic!("{src}: {e}")).is_match(value)
    }

    #[test]
    fn matches_the_whole_value() {
        assert!(m("[0-9]{3,11}", "123"));
        assert!(!m("[0-9]{3,11}", "x123"));
        assert!(!m("abc", "abcd"));
        assert!(m("a|b", "b"));
        assert!(!m("a|b", "ab"));
    }

    #[test]
    fn java_shorthand_classes_are_ascii() {
        assert!(m(r"\w+", "abc_09"));
        assert!(!m(r"\w+", "é"));
        assert!(!m(r"\d", "٣")); // Arabic-Indic digit three
        assert!(m(r"\s", "\u{0B}"));
        assert!(!m(r"\s", "\u{A0}"));
        assert!(m(r"\p{Alpha}+", "abcXYZ"));
        assert!(!m(r"\p{Alpha}", "é"));
        assert!(m(r"\p{L}+", "Zoë"));
        assert!(m(r"\p{IsL}+", "Zoë"));
    }

    #[test]
    fn dot_excludes_java_line_terminators_unless_dotall() {
        assert!(!m(".", "\u{2028}"));
        assert!(!m(".", "\r"));
        assert!(m("(?s).", "\r"));
        assert!(m("(?s:.)", "\n"));
        assert!(!m("(?s:a)(.)", "a\n"));
    }

    #[test]
    fn escaped_punctuation_is_literal() {
        assert!(m(r"\<\>", "<>"));
        assert!(m(r"\£", "£"));
        assert!(m(r"[\-]", "-"));
        assert!(m(r"\Qa.b\E", "a.b"));
        assert!(!m(r"\Qa.b\E", "axb"));
    }

    #[test]
    fn comma_dash_underscore_is_a_range() {
        // decisions R2: ,-_ spans U+002C..U+005F.
        assert!(m(r"[,-_]", "<"));
        assert!(m(r"[,-_]", "/"));
        assert!(!m(r"[,-_]", "+"));
        assert!(!m(r"[,-_]", "!"));
    }

    #[test]
    fn set_operators_of_regex_syntax_stay_literal_in_java() {
        assert!(m(r"[+--]", ","));
        assert!(m(r"[~]", "~"));
        assert!(m(r"[a-z&&[^b]]+", "ac"));
        assert!(!m(r"[a-z&&[^b]]+", "ab"));
    }

    #[test]
    fn unsupported_constructs_are_clear_errors() {
        for src in [r"(a)\1", "(?=a)a", "(?<!a)b", "a*+", "(?>a)", r"\p{IsLatin}", r"\k<x>", r"\y", "(a", "[a"] {
            let err = compile(src, Limits::USER).expect_err(src);
            assert!(matches!(err, PatternError::Syntax { .. }), "{src}: {err:?}");
            assert!(!err.to_string().is_empty());
        }
    }

    #[test]
    fn limits_bound_source_and_compiled_size() {
        let long = "a".repeat(1025);
        assert_eq!(
            compile(&long, Limits::USER).unwrap_err(),
            PatternError::TooLong { limit: 1024, actual: 1025 }
        );
        let huge = r"(?:\p{L}{1,100}){1,100}x";
        assert!(matches!(compile(huge, Limits::USER).unwrap_err(), PatternError::TooBig { .. }));
    }

    #[test]
    fn class_shaped_patterns_report_the_first_bad_character() {
        let c = compile(r"^$|[a-z]{2,3}", Limits::USER).unwrap();
        assert!(c.is_class_shaped());
        assert_eq!(c.check(""), Ok(()));
        assert_eq!(c.check("ab"), Ok(()));
        assert_eq!(c.check("a"), Err(Mismatch::Count));
        assert_eq!(c.check("abcd"), Err(Mismatch::Count));
        assert_eq!(c.check("😀aB"), Err(Mismatch::Char { ch: '😀', index: 0 }));
        assert_eq!(c.check("a😀B"), Err(Mismatch::Char { ch: '😀', index: 1 }));
        assert_eq!(c.check("aaB"), Err(Mismatch::Char { ch: 'B', index: 2 }));
    }

    #[test]
    fn surrogate_pairs_and_hex_escapes() {
        assert!(m(r"\uD83D\uDE00", "😀"));
        assert!(m(r"\x{1F600}", "😀"));
        assert!(m(r"\x41", "A"));
        assert!(m(r"\0101", "A"));
        assert!(m(r"\cJ", "\n"));
    }
}
