//! The compiled program: the node graph `java.util.regex.Pattern` builds, in an arena.
//!
//! Java's matcher is this graph walked by recursive `match` calls, and its results (which
//! repetition backs off, what a group holds when a back reference reads it) follow from the
//! graph's shape. So we build the same shape and walk it the same way (`exec.rs`), with an
//! explicit stack instead of recursion.

use crate::unicode::{self, CharClass};

pub(crate) type NodeId = u32;

/// `Pattern.accept`: a sub-match (group body, lookaround, repeated atom) succeeded.
pub(crate) const ACCEPT: NodeId = 0;
/// `Pattern.lastAccept`: the whole match succeeded if it reached the end (`matches()`).
pub(crate) const LAST_ACCEPT: NodeId = 1;
/// `LookBehindEndNode`: a lookbehind body must end where the lookbehind stands.
pub(crate) const LOOKBEHIND_END: NodeId = 2;

/// Java's `Integer.MAX_VALUE` repetition bound (`*`, `+`, `{n,}`).
pub(crate) const MAX_REPS: i32 = 0x7FFF_FFFF;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Qtype {
    Greedy,
    Lazy,
    Possessive,
    Independent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SliceCase {
    Exact,
    /// ASCII case-insensitive: pattern chars are ASCII-lower-cased.
    Ascii,
    /// Unicode case-insensitive: pattern chars are `fold`ed.
    Unicode,
}

#[derive(Clone, Debug)]
pub(crate) enum Kind {
    Accept,
    LastAccept,
    LookBehindEnd,
    Char(Pred),
    /// `NFCCharProperty` (CANON_EQ): see exec.rs.
    CharNfc(Pred),
    Slice(Box<[u32]>, SliceCase),
    Begin,
    End,
    Caret,
    UnixCaret,
    LastMatch,
    Dollar(bool),
    UnixDollar(bool),
    LineEnding,
    XGrapheme,
    GraphemeBound,
    /// `Bound`: type bits (LEFT 1, RIGHT 2, BOTH 3, NONE 4) and `(?U)` word definition.
    Bound(u8, bool),
    Ques(NodeId, Qtype),
    CharGreedy(Pred, i32),
    Curly {
        atom: NodeId,
        cmin: i32,
        cmax: i32,
        qtype: Qtype,
    },
    GroupCurly {
        atom: NodeId,
        cmin: i32,
        cmax: i32,
        qtype: Qtype,
        local: u32,
        group: u32,
        capture: bool,
    },
    BranchConn,
    /// Alternatives (`None`: an empty one, which goes straight to `conn`'s next).
    Branch(Vec<Option<NodeId>>, NodeId),
    GroupHead(u32),
    GroupTail {
        local: u32,
        group: u32,
    },
    Prolog(NodeId),
    Loop {
        body: NodeId,
        count: u32,
        begin: u32,
        cmin: i32,
        cmax: i32,
        pos_index: Option<u32>,
        lazy: bool,
    },
    /// Back reference: group index, and case-insensitivity (`Some(unicode)`).
    BackRef(u32, Option<bool>),
    Pos(NodeId),
    Neg(NodeId),
    Behind {
        cond: NodeId,
        rmax: i32,
        rmin: i32,
        supplementary: bool,
        negated: bool,
    },
}

#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub kind: Kind,
    pub next: NodeId,
}

/// A character predicate (Java's `CharPredicate` lambdas, as data).
#[derive(Clone, Debug)]
pub(crate) enum Pred {
    Single(u32),
    SingleI(u32, u32),
    SingleU(u32),
    Range(u32, u32),
    CiRange(u32, u32),
    CiRangeU(u32, u32),
    /// Latin-1 bit set (`BitClass`).
    Bits([u64; 4]),
    /// General category mask (bit n = `Character.getType` n).
    Category(u32),
    Script(u16),
    /// `None`: a block name with no code points.
    Block(Option<u16>),
    Class(CharClass),
    /// ASCII ctype mask (`ASCII.isType`), code points below 128 only.
    Ctype(u32),
    All,
    Dot,
    UnixDot,
    VertWs,
    HorizWs,
    Not(Box<Pred>),
    And(Vec<Pred>),
    Or(Vec<Pred>),
    /// Java's `and(null)` from `[[a]b&&]`: throws NullPointerException when reached.
    Null,
}

/// A Java exception thrown while matching (the whole `matches()` call fails).
#[derive(Debug)]
pub(crate) struct Thrown;

pub(crate) mod ctype {
    pub const UPPER: u32 = 0x100;
    pub const LOWER: u32 = 0x200;
    pub const DIGIT: u32 = 0x400;
    pub const SPACE: u32 = 0x800;
    pub const PUNCT: u32 = 0x1000;
    pub const CNTRL: u32 = 0x2000;
    pub const BLANK: u32 = 0x4000;
    pub const HEX: u32 = 0x8000;
    pub const UNDER: u32 = 0x10000;
    pub const ALPHA: u32 = UPPER | LOWER;
    pub const ALNUM: u32 = UPPER | LOWER | DIGIT;
    pub const GRAPH: u32 = PUNCT | UPPER | LOWER | DIGIT;
    pub const WORD: u32 = UPPER | LOWER | UNDER | DIGIT;

    /// `ASCII.getType`.
    pub fn of(ch: u32) -> u32 {
        match ch {
            0x09 => SPACE | CNTRL | BLANK,
            0x0A..=0x0D => SPACE | CNTRL,
            0x00..=0x1F | 0x7F => CNTRL,
            0x20 => SPACE | BLANK,
            0x30..=0x39 => DIGIT | HEX,
            0x41..=0x46 => UPPER | HEX,
            0x47..=0x5A => UPPER,
            0x61..=0x66 => LOWER | HEX,
            0x67..=0x7A => LOWER,
            0x5F => PUNCT | UNDER,
            0x21..=0x7E => PUNCT,
            _ => 0,
        }
    }

    pub fn is(ch: u32, t: u32) -> bool {
        of(ch) & t != 0
    }

    pub fn to_lower(ch: u32) -> u32 {
        if is(ch, UPPER) {
            ch + 0x20
        } else {
            ch
        }
    }

    pub fn to_upper(ch: u32) -> u32 {
        if is(ch, LOWER) {
            ch - 0x20
        } else {
            ch
        }
    }
}

impl Pred {
    /// Heap bytes below this predicate (nesting is bounded by the parser's depth limit).
    fn heap_bytes(&self) -> usize {
        match self {
            Pred::Not(p) => std::mem::size_of::<Pred>() + p.heap_bytes(),
            Pred::And(ps) | Pred::Or(ps) => {
                ps.capacity() * std::mem::size_of::<Pred>() + ps.iter().map(Pred::heap_bytes).sum::<usize>()
            }
            _ => 0,
        }
    }

    /// `CharPredicate.is(ch)`, left to right with Java's short-circuits. Recursion depth
    /// is bounded by class nesting (parser limit).
    pub(crate) fn is(&self, ch: u32) -> Result<bool, Thrown> {
        Ok(match self {
            Pred::Single(c) => ch == *c,
            Pred::SingleI(l, u) => ch == *l || ch == *u,
            Pred::SingleU(l) => ch == *l || *l == unicode::fold(ch),
            Pred::Range(l, u) => (*l..=*u).contains(&ch),
            Pred::CiRange(l, u) => {
                (*l..=*u).contains(&ch)
                    || (ch < 128
                        && ((*l..=*u).contains(&ctype::to_upper(ch)) || (*l..=*u).contains(&ctype::to_lower(ch))))
            }
            Pred::CiRangeU(l, u) => {
                if (*l..=*u).contains(&ch) {
                    return Ok(true);
                }
                let up = unicode::to_upper(ch);
                (*l..=*u).contains(&up) || (*l..=*u).contains(&unicode::to_lower(up))
            }
            Pred::Bits(b) => ch < 256 && b.get((ch / 64) as usize).is_some_and(|w| w >> (ch % 64) & 1 == 1),
            Pred::Category(mask) => unicode::category_in(*mask, ch),
            Pred::Script(s) => unicode::script(ch) == *s,
            Pred::Block(b) => b.is_some() && unicode::block(ch) == *b,
            Pred::Class(c) => c.is(ch),
            Pred::Ctype(t) => ch < 128 && ctype::is(ch, *t),
            Pred::All => true,
            Pred::Dot => !(ch == 0x0A || ch == 0x0D || (ch | 1) == 0x2029 || ch == 0x85),
            Pred::UnixDot => ch != 0x0A,
            Pred::VertWs => (0x0A..=0x0D).contains(&ch) || ch == 0x85 || ch == 0x2028 || ch == 0x2029,
            Pred::HorizWs => {
                matches!(ch, 0x09 | 0x20 | 0xA0 | 0x1680 | 0x180E | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000)
            }
            Pred::Not(p) => !p.is(ch)?,
            Pred::And(ps) => {
                for p in ps {
                    if !p.is(ch)? {
                        return Ok(false);
                    }
                }
                true
            }
            Pred::Or(ps) => {
                for p in ps {
                    if p.is(ch)? {
                        return Ok(true);
                    }
                }
                false
            }
            Pred::Null => return Err(Thrown),
        })
    }

    /// `a.union(b)`, flattened so evaluation depth stays bounded.
    pub(crate) fn union(self, other: Pred) -> Pred {
        match self {
            Pred::Or(mut v) => {
                v.push(other);
                Pred::Or(v)
            }
            p => Pred::Or(vec![p, other]),
        }
    }

    /// `a.and(b)`, flattened.
    pub(crate) fn and(self, other: Pred) -> Pred {
        match self {
            Pred::And(mut v) => {
                v.push(other);
                Pred::And(v)
            }
            p => Pred::And(vec![p, other]),
        }
    }

    pub(crate) fn negate(self) -> Pred {
        Pred::Not(Box::new(self))
    }
}

/// Java's `TreeInfo`, with Java's 32-bit wrapping arithmetic (it decides lookbehind
/// bounds, including the odd ones Java computes for `(?<=a*)`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct TreeInfo {
    pub min: i32,
    pub max: i32,
    pub max_valid: bool,
    pub deterministic: bool,
}

impl TreeInfo {
    pub(crate) fn new() -> TreeInfo {
        TreeInfo { min: 0, max: 0, max_valid: true, deterministic: true }
    }
    fn reset(&mut self) {
        *self = TreeInfo::new();
    }
}

/// What to do once the rest of a chain has been studied (Java does it on return).
enum PostStudy {
    Branch { min: i32, max: i32, max_valid: bool },
    Deterministic,
}

/// The program: nodes plus what the matcher needs to size its state.
#[derive(Clone, Debug)]
pub(crate) struct Prog {
    pub nodes: Vec<Node>,
    pub start: NodeId,
    pub groups: usize,
    pub locals: usize,
    pub pos_sets: usize,
}

impl Prog {
    /// Heap bytes held by the nodes (see `Regex::memory_usage`).
    pub(crate) fn heap_bytes(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<Node>()
            + self
                .nodes
                .iter()
                .map(|n| match &n.kind {
                    Kind::Char(p) | Kind::CharNfc(p) | Kind::CharGreedy(p, _) => p.heap_bytes(),
                    Kind::Slice(cs, _) => cs.len() * std::mem::size_of::<u32>(),
                    Kind::Branch(alts, _) => alts.capacity() * std::mem::size_of::<Option<NodeId>>(),
                    _ => 0,
                })
                .sum::<usize>()
    }

    pub(crate) fn node(&self, id: NodeId) -> &Node {
        // Every id the parser hands out indexes `nodes`; ACCEPT is the fallback.
        self.nodes.get(id as usize).unwrap_or(&ACCEPT_NODE)
    }
}

static ACCEPT_NODE: Node = Node { kind: Kind::Accept, next: ACCEPT };

/// `Node.study(info)` from `id` along `next`, as Java computes it.
pub(crate) fn study(nodes: &[Node], mut id: NodeId, info: &mut TreeInfo) -> bool {
    let mut post: Vec<PostStudy> = Vec::new();
    let mut ret;
    loop {
        let Some(node) = nodes.get(id as usize) else {
            ret = info.deterministic;
            break;
        };
        match &node.kind {
            Kind::Accept => {
                ret = info.deterministic;
                break;
            }
            Kind::Char(_) | Kind::CharNfc(_) => {
                info.min = info.min.wrapping_add(1);
                if matches!(node.kind, Kind::Char(_)) {
                    info.max = info.max.wrapping_add(1);
                } else {
                    info.deterministic = false;
                }
            }
            Kind::Slice(chars, _) => {
                info.min = info.min.wrapping_add(chars.len() as i32);
                info.max = info.max.wrapping_add(chars.len() as i32);
            }
            Kind::LineEnding => {
                info.min = info.min.wrapping_add(1);
                info.max = info.max.wrapping_add(2);
            }
            Kind::XGrapheme => {
                info.min = info.min.wrapping_add(1);
                info.deterministic = false;
            }
            Kind::Dollar(_) | Kind::UnixDollar(_) => post.push(PostStudy::Deterministic),
            Kind::Ques(atom, q) => {
                if *q != Qtype::Independent {
                    let min = info.min;
                    study(nodes, *atom, info);
                    info.min = min;
                    info.deterministic = false;
                } else {
                    study(nodes, *atom, info);
                }
            }
            Kind::CharGreedy(_, cmin) => {
                info.min = info.min.wrapping_add(*cmin);
                if info.max_valid {
                    info.max = info.max.wrapping_add(MAX_REPS);
                }
                info.deterministic = false;
            }
            Kind::Curly { atom, cmin, cmax, .. } | Kind::GroupCurly { atom, cmin, cmax, .. } => {
                let (min_l, max_l, max_v, detm) = (info.min, info.max, info.max_valid, info.deterministic);
                info.reset();
                study(nodes, *atom, info);
                let mut temp = info.min.wrapping_mul(*cmin).wrapping_add(min_l);
                if temp < min_l {
                    temp = 0xFFF_FFFF;
                }
                info.min = temp;
                if max_v & info.max_valid {
                    let temp = info.max.wrapping_mul(*cmax).wrapping_add(max_l);
                    info.max = temp;
                    if temp < max_l {
                        info.max_valid = false;
                    }
                } else {
                    info.max_valid = false;
                }
                info.deterministic = if info.deterministic && cmin == cmax { detm } else { false };
            }
            Kind::BranchConn => {
                ret = info.deterministic;
                break;
            }
            Kind::Branch(atoms, conn) => {
                let (mut min_l, mut max_l, mut max_v) = (info.min, info.max, info.max_valid);
                let mut min2 = i32::MAX;
                let mut max2 = -1i32;
                for atom in atoms {
                    info.reset();
                    if let Some(a) = atom {
                        study(nodes, *a, info);
                    }
                    min2 = min2.min(info.min);
                    max2 = max2.max(info.max);
                    max_v &= info.max_valid;
                }
                min_l = min_l.wrapping_add(min2);
                max_l = max_l.wrapping_add(max2);
                info.reset();
                post.push(PostStudy::Branch { min: min_l, max: max_l, max_valid: max_v });
                id = nodes.get(*conn as usize).map_or(ACCEPT, |c| c.next);
                continue;
            }
            Kind::Loop { .. } => {
                info.max_valid = false;
                info.deterministic = false;
                ret = false;
                break;
            }
            Kind::Prolog(_) => {
                info.max_valid = false;
                info.deterministic = false;
                ret = false;
                break;
            }
            Kind::BackRef(..) => info.max_valid = false,
            _ => {}
        }
        id = node.next;
    }
    while let Some(p) = post.pop() {
        match p {
            PostStudy::Branch { min, max, max_valid } => {
                info.min = info.min.wrapping_add(min);
                info.max = info.max.wrapping_add(max);
                info.max_valid &= max_valid;
                info.deterministic = false;
                ret = false;
            }
            PostStudy::Deterministic => ret = info.deterministic,
        }
    }
    ret
}

/// Whether `s[i..]` starts with a line terminator that `.` excludes (not UNIX_LINES).
pub(crate) fn is_line_terminator(u: u16) -> bool {
    u == 0x0A || u == 0x0D || (u | 1) == 0x2029 || u == 0x85
}

impl Pred {
    /// The first code point after `cp` where `self.is` might change value (so a class's
    /// code points can be listed with a few thousand evaluations, not 1.1 million).
    pub(crate) fn next_change(&self, cp: u32) -> u32 {
        let edge = |points: &[u32]| points.iter().copied().filter(|&p| p > cp).min().unwrap_or(0x11_0000);
        match self {
            Pred::Single(c) => edge(&[*c, c + 1]),
            Pred::SingleI(l, u) => edge(&[*l, l + 1, *u, u + 1]),
            Pred::Range(l, u) => edge(&[*l, u + 1]),
            Pred::CiRange(l, u) => {
                if cp < 128 {
                    cp + 1
                } else {
                    edge(&[*l, u + 1])
                }
            }
            Pred::SingleU(l) => unicode::next_case_change(cp).min(edge(&[*l, l + 1])),
            Pred::CiRangeU(l, u) => unicode::next_case_change(cp).min(edge(&[*l, u + 1])),
            Pred::Bits(_) | Pred::Ctype(_) => {
                if cp < 256 {
                    cp + 1
                } else {
                    0x11_0000
                }
            }
            Pred::Category(_) => unicode::next_category_change(cp),
            Pred::Script(_) => unicode::next_script_change(cp),
            Pred::Block(_) => unicode::next_block_change(cp),
            Pred::Class(c) => c.next_change(cp),
            Pred::Dot | Pred::UnixDot | Pred::VertWs | Pred::HorizWs => {
                if cp < 0x3001 {
                    cp + 1
                } else {
                    0x11_0000
                }
            }
            Pred::All | Pred::Null => 0x11_0000,
            Pred::Not(p) => p.next_change(cp),
            Pred::And(ps) | Pred::Or(ps) => ps.iter().map(|p| p.next_change(cp)).min().unwrap_or(0x11_0000),
        }
    }
}
