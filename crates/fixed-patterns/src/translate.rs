//! Java regex syntax → `regex-syntax` syntax with the same meaning. A hand-written scanner:
//! no crate reads Java's dialect (java-regex parses it, but into its own node graph, which no
//! DFA builder reads). Java meanings kept where the two differ:
//! - `\w`, `\d`, `\s`, `\b` and the POSIX classes (`\p{Alpha}`…) are ASCII, as in Java
//!   without `UNICODE_CHARACTER_CLASS`; `\s` includes `\x0B`;
//! - `.` excludes Java's line terminators (`\n \r \u0085 \u2028 \u2029`) unless `(?s)`;
//! - an escaped punctuation character is always literal (Java `\<` is `<`, not a boundary);
//! - inside a class, `--` and `~~` are literal (they are set operators in `regex-syntax`).
//!
//! Constructs a finite automaton cannot honour (backreferences, lookaround, possessive
//! quantifiers, atomic groups) are errors. Only the fixed patterns go through here; the main
//! crate's tests hold their compiled forms to java-regex, the Java-exact engine.

use std::fmt;

use super::{syntax, Error as PatternError};

const JAVA_DOT: &str = r"[^\n\r\x{85}\x{2028}\x{2029}]";
const WORD: &str = r"0-9A-Za-z_";
const DIGIT: &str = r"0-9";
const SPACE: &str = r"\t\n\x0B\f\r ";
const HSPACE: &str = r" \t\xA0\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}";
const VSPACE: &str = r"\n\x0B\f\r\x{85}\x{2028}\x{2029}";

/// Flags that scope like Java's: set by `(?s)` / `(?i)` / `(?x)`, restored when the
/// enclosing group closes.
#[derive(Clone, Copy, Default)]
struct Mode {
    dotall: bool,
    /// Java's CASE_INSENSITIVE without UNICODE_CASE: ASCII letters only. Done here (letters
    /// become `[aA]`, classes gain their swapped-case letters) rather than by regex-syntax,
    /// whose Unicode folding is both wrong for Java and ~60 KB of tables in the `.wasm`.
    ascii_ci: bool,
    comments: bool,
}

/// Translates a Java-dialect pattern into `regex-syntax` syntax with the same meaning.
pub fn translate(src: &str) -> Result<String, PatternError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len() + 32);
    let mut i = 0;
    // Where each open class's items start in `out` (innermost last). Flags cannot change
    // inside a class, so one `ci` holds for all of them.
    let mut classes: Vec<usize> = Vec::new();
    let mut class_ci = false;
    let mut mode = Mode::default();
    let mut saved: Vec<Mode> = Vec::new();
    while i < chars.len() {
        let c = chars[i];
        if !classes.is_empty() {
            match c {
                '\\' => i = escape(&chars, i, true, false, &mut out)?,
                '[' => {
                    out.push('[');
                    i += 1;
                    if chars.get(i) == Some(&'^') {
                        out.push('^');
                        i += 1;
                    }
                    classes.push(out.len());
                }
                ']' => {
                    let start = classes.pop().unwrap_or(out.len());
                    if class_ci {
                        // Each class, nested ones included, is closed under ASCII case on its
                        // own: Java's (?i)[^b] excludes both b and B. The items become the
                        // union [items][swapped], which keeps any `&&` inside them intact.
                        let items = out.get(start..).unwrap_or("").to_owned();
                        let swapped = swap_ascii_case(&items);
                        if swapped != items {
                            out.truncate(start);
                            out.push('[');
                            out.push_str(&items);
                            out.push_str("][");
                            out.push_str(&swapped);
                            out.push(']');
                        }
                    }
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
            '\\' => i = escape(&chars, i, false, mode.ascii_ci, &mut out)?,
            '[' => {
                class_ci = mode.ascii_ci;
                out.push('[');
                i += 1;
                if chars.get(i) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                classes.push(out.len());
            }
            '(' => {
                saved.push(mode);
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
                                Some('i') => mode.ascii_ci = on,
                                Some(&f @ ('m' | 's' | 'x')) => {
                                    if f == 's' {
                                        mode.dotall = on;
                                    }
                                    if f == 'x' {
                                        mode.comments = on;
                                    }
                                    kept.push(f);
                                }
                                Some('u') if on => {
                                    return Err(syntax(
                                        "(?u) (UNICODE_CASE) is not supported: case-insensitive matching here is ASCII-only, as Java's default",
                                    ))
                                }
                                // UNIX_LINES: no effect on a whole-value match worth modelling.
                                Some('u') | Some('d') => {}
                                Some('U') => {
                                    return Err(syntax("(?U) (UNICODE_CHARACTER_CLASS) is not supported"))
                                }
                                Some(')') => {
                                    // Flags apply to the rest of the enclosing group.
                                    saved.pop();
                                    let kept = kept.trim_end_matches('-');
                                    if !kept.is_empty() {
                                        out.push_str("(?");
                                        out.push_str(kept);
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
                mode = saved.pop().ok_or_else(|| syntax("unopened group: unbalanced )"))?;
                out.push(')');
                i += 1;
            }
            '.' => {
                out.push_str(if mode.dotall { "(?s:.)" } else { JAVA_DOT });
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
            '#' if !mode.comments => {
                out.push_str(r"\#");
                i += 1;
            }
            ' ' if !mode.comments => {
                out.push_str(r"\x20");
                i += 1;
            }
            c if mode.ascii_ci && c.is_ascii_alphabetic() => {
                push_ci_letter(&mut out, c);
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    if !classes.is_empty() {
        return Err(syntax("unclosed character class"));
    }
    Ok(out)
}

/// Writes the class items `body` (`0-9A-Z`): as they are inside a class, as `[…]` outside one,
/// and as a nested `[^…]` when negated (which `regex-syntax` accepts inside a class too).
fn push_set(out: &mut String, body: &str, negated: bool, in_class: bool) {
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
}

/// Translates the escape starting at `chars[i] == '\\'`; returns the index after it.
fn escape(chars: &[char], i: usize, in_class: bool, ci: bool, out: &mut String) -> Result<usize, PatternError> {
    let Some(&e) = chars.get(i + 1) else {
        return Err(syntax("the pattern ends with a lone backslash"));
    };
    let set = |out: &mut String, body: &str, negated: bool| push_set(out, body, negated, in_class);
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
            literal(out, char::from_u32((*x as u32) ^ 64).ok_or_else(|| syntax(r"bad \c escape"))?, ci && !in_class);
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
            literal(out, char::from_u32(v).ok_or_else(|| syntax("bad octal escape"))?, ci && !in_class);
            next = j;
        }
        'x' => {
            let (v, j) = if chars.get(i + 2) == Some(&'{') {
                let end = chars[i + 3..].iter().position(|&c| c == '}').ok_or_else(|| syntax(r"unclosed \x{"))?;
                (hex(&chars[i + 3..i + 3 + end])?, i + 4 + end)
            } else {
                (hex(chars.get(i + 2..i + 4).ok_or_else(|| syntax(r"\x needs two hex digits"))?)?, i + 4)
            };
            literal(out, char::from_u32(v).ok_or_else(|| syntax(r"\x escape is not a character"))?, ci && !in_class);
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
            literal(out, ch.ok_or_else(|| syntax("lone surrogate in \\u escape"))?, ci && !in_class);
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
                literal(out, chars[j], ci && !in_class);
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
        c => literal(out, c, ci && !in_class),
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

/// A literal, as either case when it is an ASCII letter under `(?i)` outside a class.
fn literal(out: &mut String, c: char, ci: bool) {
    if ci && c.is_ascii_alphabetic() {
        push_ci_letter(out, c);
    } else {
        push_literal(out, c);
    }
}

/// An ASCII letter under `(?i)`: either case.
fn push_ci_letter(out: &mut String, c: char) {
    out.push('[');
    out.push(c.to_ascii_lowercase());
    out.push(c.to_ascii_uppercase());
    out.push(']');
}

/// The class items `items` (as this translator writes them) with every literal ASCII letter
/// in the other case; escapes (`\x{41}`, `\p{Lu}`, `\x0B`, `\[`) are copied unchanged.
fn swap_ascii_case(items: &str) -> String {
    let mut out = String::with_capacity(items.len());
    let mut it = items.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() });
            continue;
        }
        out.push(c);
        let Some(e) = it.next() else { break };
        out.push(e);
        match (e, it.peek()) {
            ('x' | 'p' | 'P', Some('{')) => {
                for d in it.by_ref() {
                    out.push(d);
                    if d == '}' {
                        break;
                    }
                }
            }
            ('x', _) => out.extend(it.by_ref().take(2)),
            ('p' | 'P', _) => out.extend(it.next()),
            _ => {}
        }
    }
    out
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
        push_set(out, body, negated, in_class);
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
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "LC", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps",
        "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Co", "Cs", "Cn",
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
