//! `Regex::to_ecmascript`: an ECMAScript (`u` flag) pattern with exactly this pattern's
//! whole-string language, when one is easy to prove.
//!
//! Translated: literals, every character class (each becomes the explicit code point ranges
//! our own predicate accepts, found by evaluating it between the points where its tables
//! change, so Unicode
//! properties, case-insensitivity and Java's class quirks carry over exactly and no JS
//! engine's Unicode version matters), `.`, groups, alternation, greedy and lazy quantifiers
//! over single-path atoms and over groups, lookahead, `^`/`\A` and a final `$`/`\Z`/`\z`.
//! Everything whose Java meaning differs from ECMAScript's or is not regular gives `None`:
//! back references, possessive and atomic groups, lookbehind (Java's bounded search),
//! `\b` (Unicode word characters in Java), `\G`, `\R`, `\X`, `\b{g}`, multiline anchors,
//! `(?c)` classes, and classes that would throw in Java. `tests/ecmascript.rs` checks the
//! result against Node's RegExp and this engine on generated strings.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::prog::{Kind, Node, NodeId, Pred, Qtype, SliceCase, ACCEPT, LAST_ACCEPT, MAX_REPS};
use crate::unicode;

/// Output larger than this is not worth a JSON Schema `pattern`.
const MAX_LEN: usize = 64 * 1024;
/// Distinct classes listed per pattern.
const MAX_CLASSES: usize = 256;

struct Tx<'a> {
    nodes: &'a [Node],
    classes: HashMap<String, String>,
    depth: u32,
}

/// Translates the program at `start`; `None` when there is no exact translation.
pub(crate) fn translate(nodes: &[Node], start: NodeId) -> Option<String> {
    let mut tx = Tx { nodes, classes: HashMap::new(), depth: 0 };
    let mut out = String::from("^(?:");
    tx.chain(start, LAST_ACCEPT, &mut out)?;
    out.push_str(")$");
    (out.len() <= MAX_LEN).then_some(out)
}

fn lit(out: &mut String, cp: u32) {
    match char::from_u32(cp) {
        Some(c) if c.is_ascii_alphanumeric() || c == '_' || c == ' ' => out.push(c),
        _ => {
            let _ = write!(out, "\\u{{{cp:X}}}");
        }
    }
}

/// The sorted inclusive ranges of code points for which `f` holds; `f` is constant on
/// `cp..next(cp)`.
pub(crate) fn ranges(f: impl Fn(u32) -> Option<bool>, next: impl Fn(u32) -> u32) -> Option<Vec<(u32, u32)>> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    let mut cp = 0u32;
    while cp <= 0x10FFFF {
        let end = next(cp).clamp(cp + 1, 0x11_0000);
        if f(cp)? {
            match out.last_mut() {
                Some(last) if last.1 + 1 == cp => last.1 = end - 1,
                _ => out.push((cp, end - 1)),
            }
        }
        cp = end;
    }
    Some(out)
}

fn class_text(rs: &[(u32, u32)]) -> String {
    if let [(a, b)] = rs {
        if a == b {
            let mut s = String::new();
            lit(&mut s, *a);
            return s;
        }
    }
    let mut s = String::from("[");
    for &(a, b) in rs {
        let _ = write!(s, "\\u{{{a:X}}}");
        if b > a {
            let _ = write!(s, "-\\u{{{b:X}}}");
        }
    }
    s.push(']');
    s
}

impl<'a> Tx<'a> {
    fn node(&self, id: NodeId) -> Option<&'a Node> {
        self.nodes.get(id as usize)
    }

    fn class(&mut self, key: String, f: impl Fn(u32) -> Option<bool>, next: impl Fn(u32) -> u32) -> Option<String> {
        if let Some(c) = self.classes.get(&key) {
            return Some(c.clone());
        }
        if self.classes.len() >= MAX_CLASSES {
            return None;
        }
        let text = class_text(&ranges(f, next)?);
        self.classes.insert(key, text.clone());
        Some(text)
    }

    fn pred(&mut self, p: &Pred) -> Option<String> {
        self.class(format!("{p:?}"), |cp| p.is(cp).ok(), |cp| p.next_change(cp))
    }

    /// One single-path atom (its chain is the node itself, then `ACCEPT`).
    fn atom(&mut self, id: NodeId, out: &mut String) -> Option<()> {
        let node = self.node(id)?;
        if node.next != ACCEPT {
            return None;
        }
        match &node.kind {
            Kind::Char(p) => out.push_str(&self.pred(p)?),
            Kind::Slice(..) => {
                out.push_str("(?:");
                self.slice(id, out)?;
                out.push(')');
            }
            _ => return None,
        }
        Some(())
    }

    fn slice(&mut self, id: NodeId, out: &mut String) -> Option<()> {
        let Kind::Slice(chars, case) = &self.node(id)?.kind else { return None };
        for &c in chars.iter() {
            match case {
                SliceCase::Exact => lit(out, c),
                SliceCase::Ascii => {
                    let text = self.class(
                        format!("ascii {c}"),
                        |ch| Some(c == ch || c == crate::prog::ctype::to_lower(ch)),
                        |cp| if cp < 128 { cp + 1 } else { Pred::Single(c).next_change(cp) },
                    )?;
                    out.push_str(&text);
                }
                SliceCase::Unicode => {
                    let text = self.class(
                        format!("fold {c}"),
                        |ch| Some(c == ch || c == unicode::fold(ch)),
                        |cp| Pred::SingleU(c).next_change(cp),
                    )?;
                    out.push_str(&text);
                }
            }
        }
        Some(())
    }

    fn quant(out: &mut String, cmin: i32, cmax: i32, lazy: bool) {
        match (cmin, cmax) {
            (0, MAX_REPS) => out.push('*'),
            (1, MAX_REPS) => out.push('+'),
            (m, MAX_REPS) => {
                let _ = write!(out, "{{{m},}}");
            }
            (0, 1) => out.push('?'),
            (m, n) if m == n => {
                let _ = write!(out, "{{{m}}}");
            }
            (m, n) => {
                let _ = write!(out, "{{{m},{n}}}");
            }
        }
        if lazy {
            out.push('?');
        }
    }

    /// The chain from `id` up to (not including) `stop`.
    fn chain(&mut self, mut id: NodeId, stop: NodeId, out: &mut String) -> Option<()> {
        self.depth += 1;
        if self.depth > 64 {
            return None;
        }
        while id != stop {
            let node = self.node(id)?;
            let next = node.next;
            match &node.kind {
                Kind::Char(p) => {
                    let p = p.clone();
                    out.push_str(&self.pred(&p)?);
                }
                Kind::Slice(..) => self.slice(id, out)?,
                Kind::Begin => out.push('^'),
                Kind::End => out.push('$'),
                // `$`/`\Z` right before the end of a whole-string match is just the end.
                Kind::Dollar(false) | Kind::UnixDollar(false) if next == LAST_ACCEPT => {}
                Kind::GroupHead(_) | Kind::GroupTail { .. } | Kind::BranchConn => {}
                Kind::CharGreedy(p, cmin) => {
                    let (p, cmin) = (p.clone(), *cmin);
                    out.push_str(&self.pred(&p)?);
                    Self::quant(out, cmin, MAX_REPS, false);
                }
                Kind::Ques(atom, q) if matches!(q, Qtype::Greedy | Qtype::Lazy) => {
                    let (atom, lazy) = (*atom, *q == Qtype::Lazy);
                    out.push_str("(?:");
                    self.atom(atom, out)?;
                    out.push(')');
                    Self::quant(out, 0, 1, lazy);
                }
                Kind::Curly { atom, cmin, cmax, qtype } if matches!(qtype, Qtype::Greedy | Qtype::Lazy) => {
                    let (atom, cmin, cmax, lazy) = (*atom, *cmin, *cmax, *qtype == Qtype::Lazy);
                    out.push_str("(?:");
                    self.atom(atom, out)?;
                    out.push(')');
                    Self::quant(out, cmin, cmax, lazy);
                }
                Kind::GroupCurly { atom, cmin, cmax, qtype, .. } if matches!(qtype, Qtype::Greedy | Qtype::Lazy) => {
                    let (atom, cmin, cmax, lazy) = (*atom, *cmin, *cmax, *qtype == Qtype::Lazy);
                    // Deterministic body: only fixed, single-path nodes.
                    if !self.fixed_single_path(atom) {
                        return None;
                    }
                    out.push_str("(?:");
                    self.chain(atom, ACCEPT, out)?;
                    out.push(')');
                    Self::quant(out, cmin, cmax, lazy);
                }
                Kind::Branch(atoms, conn) => {
                    let (atoms, conn) = (atoms.clone(), *conn);
                    out.push_str("(?:");
                    for (n, alt) in atoms.iter().enumerate() {
                        if n > 0 {
                            out.push('|');
                        }
                        if let Some(a) = alt {
                            self.chain(*a, conn, out)?;
                        }
                    }
                    out.push(')');
                    id = self.node(conn)?.next;
                    continue;
                }
                Kind::Prolog(lp) => {
                    let Kind::Loop { body, cmin, cmax, lazy, .. } = self.node(*lp)?.kind else { return None };
                    let lp = *lp;
                    out.push_str("(?:");
                    self.chain(body, lp, out)?;
                    out.push(')');
                    Self::quant(out, cmin, cmax, lazy);
                    id = self.node(lp)?.next;
                    continue;
                }
                Kind::Pos(cond) | Kind::Neg(cond) => {
                    let (cond, pos) = (*cond, matches!(node.kind, Kind::Pos(_)));
                    out.push_str(if pos { "(?=" } else { "(?!" });
                    self.chain(cond, ACCEPT, out)?;
                    out.push(')');
                }
                _ => return None,
            }
            id = next;
        }
        self.depth -= 1;
        Some(())
    }

    /// Whether the chain from `id` to `ACCEPT` has only characters, literals and groups.
    fn fixed_single_path(&self, mut id: NodeId) -> bool {
        let mut steps = 0;
        while id != ACCEPT {
            steps += 1;
            let Some(node) = self.node(id) else { return false };
            if steps > 10_000
                || !matches!(node.kind, Kind::Char(_) | Kind::Slice(..) | Kind::GroupHead(_) | Kind::GroupTail { .. })
            {
                return false;
            }
            id = node.next;
        }
        true
    }
}
