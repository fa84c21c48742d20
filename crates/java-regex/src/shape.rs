//! `Regex::class_shape`: patterns that are "characters of one class, count in [min, max]",
//! optionally with an alternative that matches only `""` (`^$|[…]{4,100}`), read off the node
//! graph. Such a pattern matches exactly the strings whose code points (Java's walk: a
//! surrogate pair is one, a lone surrogate is one) all lie in the class and number between
//! min and max, or `""` when an alternative allows it. So a caller can match it with a table
//! lookup per character and name the first character the class does not allow.
//!
//! Why each node is allowed (for `matches()`, whose end is `LAST_ACCEPT`: position == end):
//! - the repeated class: `Char`, `CharGreedy`, `Curly`/`Ques` over one `Char` (any of greedy,
//!   lazy, possessive): each tries counts up to its maximum, so one of them reaches the end
//!   exactly when every code point is in the class and the count is in range;
//! - before it, only zero-width nodes that hold at position 0: `Begin` (`^`, `\A`) and group
//!   bookkeeping (`GroupHead`/`GroupTail`). Not the multiline `^` (`Caret`), which Java
//!   refuses at the end of input, so `(?m)^[a-z]*` does not match `""`;
//! - after it, zero-width nodes that hold at the end: `End` (`\z`), non-multiline `$`/`\Z`,
//!   group bookkeeping. Elsewhere they may hold too, but then `LAST_ACCEPT` fails anyway;
//! - a `Branch` of such chains, where every alternative but one is zero-width (it matches
//!   only `""`, and all of the nodes above hold on `""`).

use crate::ecma::ranges;
use crate::prog::{Kind, NodeId, Prog, Qtype, LAST_ACCEPT, MAX_REPS};
use crate::ClassShape;

/// What one alternative is.
enum Alt {
    /// Zero-width only: matches `""` alone.
    Empty,
    /// One class repeated: node of the class, min, max.
    Class(NodeId, u32, Option<u32>),
}

/// Bounded walks: the chains we accept are short.
const MAX_CHAIN: usize = 64;

pub(crate) fn class_shape(prog: &Prog) -> Option<ClassShape> {
    let mut id = prog.start;
    let mut steps = 0;
    // Zero-width prefix.
    loop {
        steps += 1;
        if steps > MAX_CHAIN {
            return None;
        }
        match prog.nodes.get(id as usize)?.kind {
            Kind::Begin | Kind::GroupHead(_) | Kind::GroupTail { .. } => id = prog.nodes.get(id as usize)?.next,
            _ => break,
        }
    }
    let alts: Vec<Alt> = match &prog.nodes.get(id as usize)?.kind {
        Kind::Branch(atoms, conn) => {
            let conn = *conn;
            if !suffix(prog, prog.nodes.get(conn as usize)?.next, LAST_ACCEPT) {
                return None;
            }
            atoms.iter().map(|a| a.map_or(Some(Alt::Empty), |a| alternative(prog, a, conn))).collect::<Option<_>>()?
        }
        _ => vec![alternative(prog, id, LAST_ACCEPT)?],
    };
    let mut class = None;
    let mut allow_empty = false;
    for alt in alts {
        match alt {
            Alt::Empty => allow_empty = true,
            Alt::Class(node, min, max) => {
                if class.is_some() {
                    return None;
                }
                class = Some((node, min, max));
            }
        }
    }
    let (node, min, max) = class?;
    let pred = match &prog.nodes.get(node as usize)?.kind {
        Kind::Char(p) | Kind::CharGreedy(p, _) => p,
        _ => return None,
    };
    // `None` when the predicate would throw for some code point (Java's `and(null)`).
    let ranges = ranges(|cp| pred.is(cp).ok(), |cp| pred.next_change(cp))?;
    Some(ClassShape { ranges, min, max, allow_empty })
}

/// One alternative from `id` up to `stop`: zero-width nodes, or a prefix, one repeated class
/// and a suffix.
fn alternative(prog: &Prog, mut id: NodeId, stop: NodeId) -> Option<Alt> {
    let mut steps = 0;
    loop {
        steps += 1;
        if steps > MAX_CHAIN {
            return None;
        }
        if id == stop {
            return Some(Alt::Empty);
        }
        let node = prog.nodes.get(id as usize)?;
        match &node.kind {
            Kind::Begin | Kind::GroupHead(_) | Kind::GroupTail { .. } => id = node.next,
            // Zero-width nodes that hold on "" but not before a class (see the module doc).
            Kind::End | Kind::Dollar(false) | Kind::UnixDollar(false) => {
                return suffix(prog, id, stop).then_some(Alt::Empty);
            }
            _ => {
                let (class, min, max) = repeated_class(prog, id)?;
                return suffix(prog, node.next, stop).then_some(Alt::Class(class, min, max));
            }
        }
    }
}

/// Whether the chain from `id` to `stop` is only zero-width nodes that hold at the end.
fn suffix(prog: &Prog, mut id: NodeId, stop: NodeId) -> bool {
    for _ in 0..MAX_CHAIN {
        if id == stop {
            return true;
        }
        let Some(node) = prog.nodes.get(id as usize) else { return false };
        match node.kind {
            Kind::End | Kind::Dollar(false) | Kind::UnixDollar(false) | Kind::GroupHead(_) | Kind::GroupTail { .. } => {
                id = node.next
            }
            _ => return false,
        }
    }
    false
}

/// A node that matches `min..=max` code points of one class: the node holding the predicate.
fn repeated_class(prog: &Prog, id: NodeId) -> Option<(NodeId, u32, Option<u32>)> {
    let bound = |n: i32| u32::try_from(n).ok();
    let single = |atom: NodeId| {
        let n = prog.nodes.get(atom as usize)?;
        (matches!(n.kind, Kind::Char(_)) && n.next == crate::prog::ACCEPT).then_some(atom)
    };
    match prog.nodes.get(id as usize)?.kind {
        Kind::Char(_) => Some((id, 1, Some(1))),
        Kind::CharGreedy(_, cmin) => Some((id, bound(cmin)?, None)),
        // `Independent` is an atomic group (`(?>…)`): once, not optional.
        Kind::Ques(atom, q) if q != Qtype::Independent => Some((single(atom)?, 0, Some(1))),
        Kind::Curly { atom, cmin, cmax, .. } => {
            let max = if cmax == MAX_REPS { None } else { Some(bound(cmax)?) };
            let min = bound(cmin)?;
            if max.is_some_and(|m| m < min) {
                return None;
            }
            Some((single(atom)?, min, max))
        }
        _ => None,
    }
}
