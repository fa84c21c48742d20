//! Prints a fixed pattern's HIR (what the class table or DFA matches) as an ECMAScript
//! regular expression for JSON Schema `pattern` and the JavaScript validators (ECMA-262 with
//! the `u` flag, as ajv and browsers compile it).
//!
//! Why not paste the server's source: its Java dialect does not survive the trip. Under `u`,
//! an identity escape such as `\£` is a syntax error, `\s` and `\w` mean other sets, and
//! `,-_` ranges may be read differently by each tool. The HIR has none of those questions:
//! every class is a list of code point ranges, every literal a list of characters, both
//! printed as `\u{…}` escapes, so the exported pattern accepts exactly what the validator
//! accepts (decisions R1, R2).

use std::fmt::{self, Write};

use regex_syntax::hir::{Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition};

/// Why a pattern has no ECMAScript form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError(pub String);

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} has no ECMAScript equivalent", self.0)
    }
}

impl std::error::Error for ExportError {}

/// The whole-value ECMAScript pattern for `hir`: printed and anchored as `^(?:…)$`, because
/// JSON Schema `pattern` searches while the server matches the whole value (decisions R1). In
/// ECMAScript `$` without the `m` flag matches only at the very end. Escape alternations are
/// made unambiguous first ([`unambiguous`]): the same language, but no exponential
/// backtracking in the engines that run JSON Schema patterns.
pub fn whole_value_pattern(hir: &Hir) -> Result<String, ExportError> {
    let mut out = String::from("^(?:");
    print(&unambiguous(hir), &mut out)?;
    out.push_str(")$");
    Ok(out)
}

/// Appends the ECMAScript form of `hir` to `out`.
pub fn print(hir: &Hir, out: &mut String) -> Result<(), ExportError> {
    match hir.kind() {
        HirKind::Empty => {}
        HirKind::Literal(lit) => {
            let text = std::str::from_utf8(&lit.0).map_err(|_| ExportError("a literal that is not UTF-8".into()))?;
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

/// The same language with one source of catastrophic backtracking removed: in an unbounded
/// repetition of an alternation `(?:C|xD)*` where the character `x` is matched by a
/// single-character branch, the characters that single-character branches match are taken
/// out of `D`. Sound because `x` then such a `d` is two iterations of single-character
/// branches anyway; needed because backtracking engines (ajv, browsers) otherwise try every
/// way to split a run of `x`s, exponentially many. The e-mail pattern of decisions R4 has this
/// shape in its address literal (`(?:[…\\…]|\\[…])+`): before this rewrite a 150-character
/// value took V8 about a second, and 255 characters would not finish.
pub fn unambiguous(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Repetition(rep) => {
            let sub = unambiguous(&rep.sub);
            let sub = if rep.max.is_none() { factor_escapes(sub) } else { sub };
            Hir::repetition(Repetition { min: rep.min, max: rep.max, greedy: rep.greedy, sub: Box::new(sub) })
        }
        HirKind::Capture(cap) => {
            Hir::capture(Capture { index: cap.index, name: cap.name.clone(), sub: Box::new(unambiguous(&cap.sub)) })
        }
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(unambiguous).collect()),
        HirKind::Alternation(branches) => Hir::alternation(branches.iter().map(unambiguous).collect()),
        _ => hir.clone(),
    }
}

/// The characters a single-character HIR matches (a class, or a literal of one character).
fn single_chars(hir: &Hir) -> Option<ClassUnicode> {
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => Some(c.clone()),
        HirKind::Literal(lit) => {
            let mut chars = std::str::from_utf8(&lit.0).ok()?.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(ClassUnicode::new([ClassUnicodeRange::new(c, c)])),
                _ => None,
            }
        }
        _ => None,
    }
}

fn factor_escapes(sub: Hir) -> Hir {
    let HirKind::Alternation(branches) = sub.kind() else { return sub };
    let mut singles = ClassUnicode::empty();
    for c in branches.iter().filter_map(single_chars) {
        singles.union(&c);
    }
    let rewritten = branches
        .iter()
        .filter_map(|b| {
            let HirKind::Concat(parts) = b.kind() else { return Some(b.clone()) };
            let [first, second] = parts.as_slice() else { return Some(b.clone()) };
            let (Some(x), HirKind::Class(Class::Unicode(d))) = (single_chars(first), second.kind()) else {
                return Some(b.clone());
            };
            let mut covered = x.clone();
            covered.intersect(&singles);
            if covered != x {
                return Some(b.clone());
            }
            let mut rest = d.clone();
            rest.difference(&singles);
            // Nothing left: the branch adds no string.
            (!rest.ranges().is_empty()).then(|| Hir::concat(vec![first.clone(), Hir::class(Class::Unicode(rest))]))
        })
        .collect();
    Hir::alternation(rewritten)
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
                return Err(ExportError("a class of non-ASCII bytes".into()));
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
        other => return Err(ExportError(format!("the assertion {other:?} (Unicode word boundary)"))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    use regex_automata::nfa::thompson::pikevm::{self, PikeVM};

    /// The printed pattern read back by regex-syntax (whose syntax differs only in spelling
    /// `\u{…}` as `\x{…}` for the constructs printed without lookaround).
    fn reread(ecma: &str) -> Result<ReadBack, String> {
        let vm = PikeVM::new(&ecma.replace(r"\u{", r"\x{")).map_err(|e| format!("{ecma}: {e}"))?;
        let cache = RefCell::new(vm.create_cache());
        Ok(ReadBack { vm, cache })
    }

    /// A printed pattern compiled by regex-syntax's own parser (not our Java translation).
    struct ReadBack {
        vm: PikeVM,
        cache: RefCell<pikevm::Cache>,
    }

    impl ReadBack {
        fn is_match(&self, s: &str) -> bool {
            self.vm.is_match(&mut self.cache.borrow_mut(), s)
        }
    }

    /// A Java-dialect source printed as ECMAScript, or the reason it could not be.
    fn print(source: &str) -> Result<String, String> {
        crate::compile(source).map(|c| c.ecma).map_err(|e| format!("{source}: {e}"))
    }

    /// The same source compiled to its class table or DFA.
    fn ours(source: &str) -> Result<crate::Compiled, String> {
        crate::compile(source).map_err(|e| format!("{source}: {e}"))
    }

    #[test]
    fn java_meanings_survive_printing() -> Result<(), String> {
        let p = |src: &str| print(src).unwrap_or_else(|e| e);
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
        Ok(())
    }

    #[test]
    fn escape_alternations_keep_their_language_without_the_ambiguity() -> Result<(), String> {
        // `\` has a single-character branch too, so the escape branch keeps only what no
        // single-character branch matches (tab and space).
        let src = r"(?:[a\\\]]|\\[a\t \]])+";
        let ecma = print(src)?;
        assert_eq!(ecma, r"^(?:(?:[\u{5C}\u{5D}a]|\u{5C}[\u{9}\u{20}])+)$");
        let back = reread(&ecma)?;
        let ours = ours(src)?;
        // Every string of up to five characters over the alphabet that matters.
        let alphabet = ['a', '\\', ']', '\t', ' ', 'x'];
        let mut words = vec![String::new()];
        for _ in 0..5 {
            words = words.iter().flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}"))).collect();
            for w in &words {
                assert_eq!(back.is_match(w), ours.is_match(w), "{w:?}");
            }
        }
        // A bounded repetition counts iterations: left alone.
        assert_eq!(print(r"(?:a|\\a){2}")?, r"^(?:(?:a|\u{5C}a){2})$");
        Ok(())
    }

    #[test]
    fn case_folding_is_spelled_out() -> Result<(), String> {
        // (?i) is folded into classes by regex-syntax: ECMAScript needs no `i` flag.
        let ecma = print("(?i)k")?;
        assert!(ecma.contains('K') && ecma.contains('k'), "{ecma}");
        assert!(!reread(&ecma)?.is_match("x"));
        Ok(())
    }

    #[test]
    fn bad_sources_are_errors_not_panics() {
        assert!(crate::compile("(").is_err());
        assert!(!ExportError("x".into()).to_string().is_empty());
    }
}
