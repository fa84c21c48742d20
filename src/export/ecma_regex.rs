//! Prints a pattern's compiled form (the `regex-syntax` HIR the validator matches with) as an
//! ECMAScript regular expression for JSON Schema `pattern` (ECMA-262 with the `u` flag, as
//! ajv and browsers compile it).
//!
//! Why not paste the server's source: its Java dialect does not survive the trip. Under `u`,
//! an identity escape such as `\£` is a syntax error, `\s` and `\w` mean other sets, and
//! `,-_` ranges may be read differently by each tool. The HIR has none of those questions:
//! every class is a list of code point ranges, every literal a list of characters, both
//! printed as `\u{…}` escapes, so the exported pattern accepts exactly what
//! [`crate::validate::java_regex`] accepts (decisions R1, R2).

use std::fmt::{self, Write};

use regex_syntax::hir::{Class, Hir, HirKind, Look};

use crate::validate::java_regex::{self, PatternError};

/// Why a pattern has no ECMAScript form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The Java source does not compile (it could not be installed, so this is a bug).
    Pattern(PatternError),
    /// The compiled form uses something ECMAScript cannot say (named in the message).
    Unsupported(String),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Pattern(e) => e.fmt(f),
            ExportError::Unsupported(what) => write!(f, "{what} has no ECMAScript equivalent"),
        }
    }
}

impl std::error::Error for ExportError {}

/// The whole-value ECMAScript pattern for a Java-dialect `source`: the printed HIR anchored as
/// `^(?:…)$`, because JSON Schema `pattern` searches while the server matches the whole value
/// (decisions R1). In ECMAScript `$` without the `m` flag matches only at the very end.
pub fn whole_value_pattern(source: &str) -> Result<String, ExportError> {
    let (_, hir) = java_regex::parse(source).map_err(ExportError::Pattern)?;
    let mut out = String::from("^(?:");
    print(&hir, &mut out)?;
    out.push_str(")$");
    Ok(out)
}

/// Appends the ECMAScript form of `hir` to `out`.
pub fn print(hir: &Hir, out: &mut String) -> Result<(), ExportError> {
    match hir.kind() {
        HirKind::Empty => {}
        HirKind::Literal(lit) => {
            let text = std::str::from_utf8(&lit.0)
                .map_err(|_| ExportError::Unsupported("a literal that is not UTF-8".into()))?;
            for c in text.chars() {
                push_char(out, c);
            }
        }
        HirKind::Class(class) => print_class(class, out)?,
        HirKind::Look(look) => out.push_str(look_source(*look)?),
        HirKind::Repetition(rep) => {
            group_unless_atom(&rep.sub, out)?;
            match (rep.min, rep.max) {
                (0, None) => out.push('*'),
                (1, None) => out.push('+'),
                (0, Some(1)) => out.push('?'),
                (min, None) => {
                    let _ = write!(out, "{{{min},}}");
                }
                (min, Some(max)) if min == max => {
                    let _ = write!(out, "{{{min}}}");
                }
                (min, Some(max)) => {
                    let _ = write!(out, "{{{min},{max}}}");
                }
            }
            // Laziness cannot change whether a whole value matches; kept for fidelity.
            if !rep.greedy {
                out.push('?');
            }
        }
        // Groups only group here: a whole-value match never reads captures.
        HirKind::Capture(cap) => {
            out.push_str("(?:");
            print(&cap.sub, out)?;
            out.push(')');
        }
        HirKind::Concat(parts) => {
            for part in parts {
                if matches!(part.kind(), HirKind::Alternation(_)) {
                    out.push_str("(?:");
                    print(part, out)?;
                    out.push(')');
                } else {
                    print(part, out)?;
                }
            }
        }
        HirKind::Alternation(branches) => {
            for (i, branch) in branches.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                print(branch, out)?;
            }
        }
    }
    Ok(())
}

/// A quantifier applies to the atom before it: single characters and classes are atoms,
/// everything else goes in a non-capturing group (ECMAScript rejects a quantified assertion).
fn group_unless_atom(sub: &Hir, out: &mut String) -> Result<(), ExportError> {
    let atom = match sub.kind() {
        // A capture prints as its own group.
        HirKind::Class(_) | HirKind::Capture(_) => true,
        HirKind::Literal(lit) => std::str::from_utf8(&lit.0).is_ok_and(|s| s.chars().count() == 1),
        _ => false,
    };
    if atom {
        return print(sub, out);
    }
    out.push_str("(?:");
    print(sub, out)?;
    out.push(')');
    Ok(())
}

fn print_class(class: &Class, out: &mut String) -> Result<(), ExportError> {
    let ranges: Vec<(u32, u32)> = match class {
        Class::Unicode(u) => u.ranges().iter().map(|r| (r.start() as u32, r.end() as u32)).collect(),
        Class::Bytes(b) => {
            // Only ASCII bytes are characters; the validator never builds other byte classes.
            if b.ranges().iter().any(|r| r.end() > 0x7F) {
                return Err(ExportError::Unsupported("a class of non-ASCII bytes".into()));
            }
            b.ranges().iter().map(|r| (u32::from(r.start()), u32::from(r.end()))).collect()
        }
    };
    if ranges.is_empty() {
        // The empty class matches nothing; `[]` is ECMAScript but not portable.
        out.push_str(r"[^\u{0}-\u{10FFFF}]");
        return Ok(());
    }
    out.push('[');
    for (lo, hi) in ranges {
        push_code_point(out, lo);
        if hi > lo {
            if hi > lo + 1 {
                out.push('-');
            }
            push_code_point(out, hi);
        }
    }
    out.push(']');
    Ok(())
}

/// ASCII letters and digits as themselves (readable, never special); every other character as
/// `\u{HEX}`, valid in and out of classes under the `u` flag.
fn push_char(out: &mut String, c: char) {
    push_code_point(out, c as u32);
}

fn push_code_point(out: &mut String, cp: u32) {
    match char::from_u32(cp) {
        Some(c) if c.is_ascii_alphanumeric() => out.push(c),
        _ => {
            let _ = write!(out, r"\u{{{cp:X}}}");
        }
    }
}

/// Assertions. `\w` is ASCII in ECMAScript without the `i` flag, as in the HIR's ASCII looks.
fn look_source(look: Look) -> Result<&'static str, ExportError> {
    Ok(match look {
        Look::Start => "^",
        Look::End => "$",
        Look::StartLF => r"(?<![^\n])",
        Look::EndLF => r"(?![^\n])",
        // CRLF mode: \r or \n end a line, but the middle of \r\n is not a line boundary.
        Look::StartCRLF => r"(?<![^\n\r])(?!(?<=\r)\n)",
        Look::EndCRLF => r"(?![^\n\r])(?!(?<=\r)\n)",
        Look::WordAscii => r"\b",
        Look::WordAsciiNegate => r"\B",
        Look::WordStartAscii => r"\b(?=\w)",
        Look::WordEndAscii => r"\b(?<=\w)",
        Look::WordStartHalfAscii => r"(?<!\w)",
        Look::WordEndHalfAscii => r"(?!\w)",
        other => return Err(ExportError::Unsupported(format!("the assertion {other:?} (Unicode word boundary)"))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::java_regex::{compile, Limits};
    use crate::validate::PATTERNS;

    /// The printed pattern read back by the `regex` crate (whose syntax differs only in
    /// spelling `\u{…}` as `\x{…}` for the constructs printed without lookaround).
    fn reread(ecma: &str) -> regex::Regex {
        regex::Regex::new(&ecma.replace(r"\u{", r"\x{")).unwrap_or_else(|e| panic!("{ecma}: {e}"))
    }

    fn samples() -> Vec<String> {
        let mut v: Vec<String> = [
            "", " ", "a", "abc", "Zoë O’Brien", "O'Brien", "+44 20 7946 0000", "020<7946>0000", "SW1A 1AA", "GB", "gb",
            "SALES-01QTR2", "jane@example.co.uk", "jane@example", "o'neil+bills@example.co.uk", "\"a b\"@[127.0.0.1]",
            "Head <office>", "a\u{0B}b", "a\u{A0}b", "\t", "\u{2028}", "٣", "é", "😀", "𝐀𝐁𝐂𝐃", "£5", "—–", "x\ny",
            "abc\n", "\u{7F}", "~", "%£@&#=':;`’,|!_—–()\\/-+.?*",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        v.push("a".repeat(100));
        v.push("a".repeat(101));
        v
    }

    #[test]
    fn every_built_in_pattern_prints_and_means_the_same() {
        for d in &PATTERNS {
            let ecma = whole_value_pattern(d.source).unwrap_or_else(|e| panic!("{}: {e}", d.name));
            assert!(ecma.starts_with("^(?:") && ecma.ends_with(")$"), "{ecma}");
            let back = reread(&ecma);
            let ours = compile(d.source, Limits::BUILT_IN).unwrap();
            for s in samples() {
                assert_eq!(back.is_match(&s), ours.is_match(&s), "{} on {s:?}: {ecma}", d.name);
            }
        }
    }

    #[test]
    fn java_meanings_survive_printing() {
        let p = |src: &str| whole_value_pattern(src).unwrap();
        // decisions R2: `,-_` is the range U+002C..U+005F, `\s` is Java's ASCII whitespace.
        assert_eq!(p(r"[,-_]"), r"^(?:[\u{2C}-\u{5F}])$");
        assert_eq!(p(r"\s"), r"^(?:[\u{9}-\u{D}\u{20}])$");
        // Escaped punctuation is a literal, not an identity escape ECMAScript-u would reject.
        assert_eq!(p(r"\£x"), r"^(?:\u{A3}x)$");
        assert_eq!(p(r"^$|[a-z]{4,100}"), r"^(?:^$|[a-z]{4,100})$");
        assert_eq!(p(r"(ab)+c?"), r"^(?:(?:ab)+c?)$");
        assert_eq!(p(r"a|b(cd|e)"), r"^(?:a|b(?:cd|e))$");
        // Single characters in alternation become a class.
        assert_eq!(p(r"x(c|d)"), r"^(?:x(?:[cd]))$");
        assert_eq!(p(r"(?m)^a$"), r"^(?:(?<![^\n])a(?![^\n]))$");
        assert_eq!(p(r"\bx\B"), r"^(?:\bx\B)$");
        assert_eq!(p(r"[^\x00-\x{10FFFF}]"), r"^(?:[^\u{0}-\u{10FFFF}])$");
        assert_eq!(p(r"a{3}b{2,}c*?"), r"^(?:a{3}b{2,}c*?)$");
    }

    #[test]
    fn case_folding_is_spelled_out() {
        // (?i) is folded into classes by regex-syntax: ECMAScript needs no `i` flag.
        let ecma = whole_value_pattern("(?i)k").unwrap();
        assert!(ecma.contains('K') && ecma.contains('k'), "{ecma}");
        assert!(!reread(&ecma).is_match("x"));
    }

    #[test]
    fn bad_sources_are_errors_not_panics() {
        assert!(matches!(whole_value_pattern("("), Err(ExportError::Pattern(_))));
        assert!(!ExportError::Unsupported("x".into()).to_string().is_empty());
    }
}
