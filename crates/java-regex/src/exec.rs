//! `Matcher.matches()`: Java's recursive node walk, as a loop over an explicit stack.
//!
//! Each frame is one active `Node.match(matcher, i, seq)` call of Java's matcher, with its
//! locals and a resume point (`pc`). A sub-call's result is handed back to the frame below
//! when it returns; a call in tail position replaces its frame. So the walk visits exactly
//! Java's states in Java's order (hence the same results, including the odd ones), while
//! the step budget and the frame cap bound time and memory on any input.

use crate::grapheme::next_boundary;
use crate::prog::{ctype, Kind, NodeId, Prog, Qtype, SliceCase, Thrown};
use crate::unicode::{self, gc, CharClass};
use crate::utf16::{code_point_at, code_point_before, is_high, is_low};

/// Frames the walk may hold at once (32 bytes each). Java's own thread stack runs out far
/// sooner; past this we report the budget as exhausted rather than guess.
pub(crate) const MAX_FRAMES: usize = 1 << 18;

/// Why a walk stopped without an answer.
pub(crate) enum Stop {
    Budget,
    /// Java would throw from `matches()` (e.g. NullPointerException from `[[a]b&&]`).
    Thrown,
}

impl From<Thrown> for Stop {
    fn from(_: Thrown) -> Stop {
        Stop::Thrown
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Entry {
    Match,
    CurlyGreedy,
    GroupCurlyGreedy,
    GroupCurlyLazy,
    GroupCurlyPossessive,
    LoopInit,
}

#[derive(Clone, Copy, Debug)]
struct Frame {
    node: NodeId,
    entry: Entry,
    pc: u8,
    i: i32,
    j: i32,
    k: i32,
    a: i32,
    b: i32,
    c: i32,
}

enum Step {
    Call(Entry, NodeId, i32, i32),
    Tail(Entry, NodeId, i32, i32),
    Ret(bool),
}
use Step::{Call, Ret, Tail};

fn call(node: NodeId, i: i32) -> Step {
    Call(Entry::Match, node, i, 0)
}
fn tail(node: NodeId, i: i32) -> Step {
    Tail(Entry::Match, node, i, 0)
}

pub(crate) struct Exec<'p, 's> {
    prog: &'p Prog,
    s: &'s [u16],
    to: i32,
    groups: Vec<i32>,
    locals: Vec<i32>,
    pos_sets: Vec<Vec<u64>>,
    last: i32,
    lookbehind_to: i32,
    budget: u64,
    stack: Vec<Frame>,
}

impl<'p, 's> Exec<'p, 's> {
    pub(crate) fn new(prog: &'p Prog, s: &'s [u16], budget: u64) -> Exec<'p, 's> {
        Exec {
            prog,
            s,
            to: s.len() as i32,
            groups: vec![-1; prog.groups],
            locals: vec![-1; prog.locals],
            pos_sets: vec![Vec::new(); prog.pos_sets],
            last: 0,
            lookbehind_to: 0,
            budget,
            // Room for a simple format's whole match without regrowing.
            stack: Vec::with_capacity(64),
        }
    }

    fn spend(&mut self, n: u64) -> Result<(), Stop> {
        match self.budget.checked_sub(n) {
            Some(b) => {
                self.budget = b;
                Ok(())
            }
            None => {
                self.budget = 0;
                Err(Stop::Budget)
            }
        }
    }

    /// `seq.charAt(i)`: out of range, Java throws.
    fn cu(&self, i: i32) -> Result<u16, Thrown> {
        usize::try_from(i).ok().and_then(|i| self.s.get(i)).copied().ok_or(Thrown)
    }

    fn cp_at(&self, i: i32) -> Result<(u32, i32), Thrown> {
        let i = usize::try_from(i).map_err(|_| Thrown)?;
        if i >= self.s.len() {
            return Err(Thrown);
        }
        let (c, n) = code_point_at(self.s, i);
        Ok((c, n as i32))
    }

    fn group(&self, idx: u32) -> i32 {
        self.groups.get(idx as usize).copied().unwrap_or(-1)
    }

    fn set_group(&mut self, idx: u32, v: i32) {
        if let Some(g) = self.groups.get_mut(idx as usize) {
            *g = v;
        }
    }

    fn local(&self, idx: u32) -> i32 {
        self.locals.get(idx as usize).copied().unwrap_or(-1)
    }

    fn set_local(&mut self, idx: u32, v: i32) {
        if let Some(l) = self.locals.get_mut(idx as usize) {
            *l = v;
        }
    }

    fn pos_has(&self, set: u32, i: i32) -> bool {
        let (Some(bits), Ok(i)) = (self.pos_sets.get(set as usize), usize::try_from(i)) else { return false };
        bits.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    fn pos_add(&mut self, set: u32, i: i32) {
        let words = self.s.len() / 64 + 1;
        let (Some(bits), Ok(i)) = (self.pos_sets.get_mut(set as usize), usize::try_from(i)) else { return };
        if bits.is_empty() {
            bits.resize(words, 0);
        }
        if let Some(w) = bits.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    /// `matchRoot.match(matcher, 0, text)` in ENDANCHOR mode.
    pub(crate) fn run(&mut self) -> Result<bool, Stop> {
        if self.s.len() > i32::MAX as usize / 2 {
            return Err(Stop::Budget);
        }
        self.stack.push(Frame {
            node: self.prog.start,
            entry: Entry::Match,
            pc: 0,
            i: 0,
            j: 0,
            k: 0,
            a: 0,
            b: 0,
            c: 0,
        });
        let mut ret = false;
        loop {
            self.spend(1)?;
            let top = self.stack.len() - 1;
            let mut f = match self.stack.get(top) {
                Some(f) => *f,
                None => return Ok(ret),
            };
            let step = self.step(&mut f, ret)?;
            match step {
                Call(entry, node, i, j) => {
                    if let Some(slot) = self.stack.get_mut(top) {
                        *slot = f;
                    }
                    if self.stack.len() >= MAX_FRAMES {
                        return Err(Stop::Budget);
                    }
                    self.stack.push(Frame { node, entry, pc: 0, i, j, k: 0, a: 0, b: 0, c: 0 });
                }
                Tail(entry, node, i, j) => {
                    if let Some(slot) = self.stack.get_mut(top) {
                        *slot = Frame { node, entry, pc: 0, i, j, k: 0, a: 0, b: 0, c: 0 };
                    }
                }
                Ret(b) => {
                    self.stack.pop();
                    if self.stack.is_empty() {
                        return Ok(b);
                    }
                    ret = b;
                }
            }
        }
    }

    fn step(&mut self, f: &mut Frame, ret: bool) -> Result<Step, Stop> {
        let prog = self.prog;
        let node = prog.node(f.node);
        let next = node.next;
        let i = f.i;
        match f.entry {
            Entry::CurlyGreedy => return self.curly_greedy(f, ret),
            Entry::GroupCurlyGreedy => return self.group_curly_greedy(f, ret),
            Entry::GroupCurlyLazy | Entry::GroupCurlyPossessive => return self.group_curly_rest(f, ret),
            Entry::LoopInit => return Ok(self.loop_init(f, ret)),
            Entry::Match => {}
        }
        Ok(match &node.kind {
            Kind::Accept => {
                self.last = i;
                Ret(true)
            }
            Kind::LastAccept => {
                if i != self.to {
                    Ret(false)
                } else {
                    self.last = i;
                    Ret(true)
                }
            }
            Kind::LookBehindEnd => Ret(i == self.lookbehind_to),
            Kind::Char(p) => {
                if i >= 0 && i < self.to {
                    let (ch, n) = self.cp_at(i)?;
                    if i + n <= self.to && p.is(ch)? {
                        return Ok(tail(next, i + n));
                    }
                }
                Ret(false)
            }
            Kind::CharNfc(p) => {
                // Java normalizes multi-code-point clusters to NFC and tests the result when it
                // is one code point; we have no normalization data, so only single-code-point
                // clusters can match (documented in the README).
                if i >= 0 && i < self.to {
                    let (ch, n) = self.cp_at(i)?;
                    let j = next_boundary(self.s, i as usize, self.to as usize) as i32;
                    if i + n == j && p.is(ch)? {
                        return Ok(tail(next, j));
                    }
                }
                Ret(false)
            }
            Kind::Slice(chars, case) => {
                let mut x = i;
                self.spend(chars.len() as u64)?;
                for &c in chars.iter() {
                    if x < 0 || x >= self.to {
                        return Ok(Ret(false));
                    }
                    let (ch, n) = self.cp_at(x)?;
                    let ok = match case {
                        SliceCase::Exact => c == ch,
                        SliceCase::Ascii => c == ch || c == ctype::to_lower(ch),
                        SliceCase::Unicode => c == ch || c == unicode::fold(ch),
                    };
                    if !ok {
                        return Ok(Ret(false));
                    }
                    x += n;
                }
                tail(next, x)
            }
            Kind::Begin => {
                if i == 0 {
                    tail(next, i)
                } else {
                    Ret(false)
                }
            }
            Kind::End => {
                if i == self.to {
                    tail(next, i)
                } else {
                    Ret(false)
                }
            }
            Kind::Caret => {
                if i == self.to {
                    return Ok(Ret(false));
                }
                if i > 0 {
                    let ch = self.cu(i - 1)?;
                    if !crate::prog::is_line_terminator(ch) {
                        return Ok(Ret(false));
                    }
                    if ch == 0x0D && self.cu(i)? == 0x0A {
                        return Ok(Ret(false));
                    }
                }
                tail(next, i)
            }
            Kind::UnixCaret => {
                if i == self.to {
                    return Ok(Ret(false));
                }
                if i > 0 && self.cu(i - 1)? != 0x0A {
                    return Ok(Ret(false));
                }
                tail(next, i)
            }
            Kind::LastMatch => {
                if i != 0 {
                    Ret(false)
                } else {
                    tail(next, i)
                }
            }
            Kind::Dollar(multiline) => {
                let end = self.to;
                if !multiline {
                    if i < end - 2 {
                        return Ok(Ret(false));
                    }
                    if i == end - 2 && (self.cu(i)? != 0x0D || self.cu(i + 1)? != 0x0A) {
                        return Ok(Ret(false));
                    }
                }
                if i < end {
                    let ch = self.cu(i)?;
                    if ch == 0x0A {
                        if i > 0 && self.cu(i - 1)? == 0x0D {
                            return Ok(Ret(false));
                        }
                        if *multiline {
                            return Ok(tail(next, i));
                        }
                    } else if ch == 0x0D || ch == 0x85 || (ch | 1) == 0x2029 {
                        if *multiline {
                            return Ok(tail(next, i));
                        }
                    } else {
                        return Ok(Ret(false));
                    }
                }
                tail(next, i)
            }
            Kind::UnixDollar(multiline) => {
                let end = self.to;
                if i < end {
                    let ch = self.cu(i)?;
                    if ch == 0x0A {
                        if !multiline && i != end - 1 {
                            return Ok(Ret(false));
                        }
                        if *multiline {
                            return Ok(tail(next, i));
                        }
                    } else {
                        return Ok(Ret(false));
                    }
                }
                tail(next, i)
            }
            Kind::LineEnding => match f.pc {
                0 => {
                    if i < 0 || i >= self.to {
                        return Ok(Ret(false));
                    }
                    let ch = self.cu(i)?;
                    if matches!(ch, 0x0A | 0x0B | 0x0C | 0x85 | 0x2028 | 0x2029) {
                        return Ok(tail(next, i + 1));
                    }
                    if ch == 0x0D {
                        if i + 1 < self.to && self.cu(i + 1)? == 0x0A {
                            f.pc = 1;
                            return Ok(call(next, i + 2));
                        }
                        return Ok(tail(next, i + 1));
                    }
                    Ret(false)
                }
                _ => {
                    if ret {
                        Ret(true)
                    } else {
                        tail(next, i + 1)
                    }
                }
            },
            Kind::XGrapheme => {
                if i >= 0 && i < self.to {
                    let j = next_boundary(self.s, i as usize, self.to as usize);
                    self.spend((j as i32 - i) as u64)?;
                    tail(next, j as i32)
                } else {
                    Ret(false)
                }
            }
            Kind::GraphemeBound => {
                if i != 0 && i < self.to {
                    if is_high(self.cu(i - 1)?) && is_low(self.cu(i)?) {
                        return Ok(Ret(false));
                    }
                    // Java measures from `matcher.last`, wherever the last accept left it.
                    if self.last < 0 || self.last >= self.to {
                        return Err(Stop::Thrown);
                    }
                    let b = next_boundary(self.s, self.last as usize, self.to as usize) as i32;
                    self.spend((b - self.last).max(0) as u64)?;
                    if b > i {
                        return Ok(Ret(false));
                    }
                }
                tail(next, i)
            }
            Kind::Bound(ty, uword) => {
                let r = self.bound(i, *uword)?;
                if r & ty != 0 {
                    tail(next, i)
                } else {
                    Ret(false)
                }
            }
            Kind::Ques(atom, q) => match (q, f.pc) {
                (Qtype::Greedy, 0) => {
                    f.pc = 1;
                    call(*atom, i)
                }
                (Qtype::Greedy, 1) => {
                    if ret {
                        f.pc = 2;
                        call(next, self.last)
                    } else {
                        tail(next, i)
                    }
                }
                (Qtype::Greedy, _) => {
                    if ret {
                        Ret(true)
                    } else {
                        tail(next, i)
                    }
                }
                (Qtype::Lazy, 0) => {
                    f.pc = 1;
                    call(next, i)
                }
                (Qtype::Lazy, 1) => {
                    if ret {
                        Ret(true)
                    } else {
                        f.pc = 2;
                        call(*atom, i)
                    }
                }
                (Qtype::Lazy, _) => {
                    if ret {
                        tail(next, self.last)
                    } else {
                        Ret(false)
                    }
                }
                (Qtype::Possessive, 0) | (Qtype::Independent, 0) => {
                    f.pc = 1;
                    call(*atom, i)
                }
                (Qtype::Possessive, _) => tail(next, if ret { self.last } else { i }),
                (Qtype::Independent, _) => {
                    if ret {
                        tail(next, self.last)
                    } else {
                        Ret(false)
                    }
                }
            },
            Kind::CharGreedy(p, cmin) => {
                if f.pc == 0 {
                    // f.a = start, f.j = count, f.i = position.
                    let start = i;
                    let mut pos = i;
                    let mut n = 0;
                    while pos >= 0 && pos < self.to {
                        let (ch, len) = self.cp_at(pos)?;
                        if !p.is(ch)? {
                            break;
                        }
                        pos += len;
                        n += 1;
                    }
                    self.spend(n as u64)?;
                    f.a = start;
                    f.j = n;
                    f.i = pos;
                } else {
                    if ret {
                        return Ok(Ret(true));
                    }
                    if f.j == *cmin {
                        return Ok(Ret(false));
                    }
                    let (_, len) = if f.i > 0 { code_point_before(self.s, f.i as usize) } else { (0, 1) };
                    f.i = (f.i - len as i32).max(f.a);
                    f.j -= 1;
                }
                if f.j >= *cmin {
                    f.pc = 1;
                    call(next, f.i)
                } else {
                    Ret(false)
                }
            }
            Kind::Curly { atom, cmin, cmax, qtype } => {
                let (atom, cmin, cmax) = (*atom, *cmin, *cmax);
                loop {
                    match f.pc {
                        0 => {
                            if f.j < cmin {
                                f.pc = 1;
                                return Ok(call(atom, f.i));
                            }
                            match qtype {
                                Qtype::Greedy => return Ok(Tail(Entry::CurlyGreedy, f.node, f.i, f.j)),
                                Qtype::Lazy => f.pc = 10,
                                _ => f.pc = 20,
                            }
                        }
                        1 => {
                            if !ret {
                                return Ok(Ret(false));
                            }
                            f.i = self.last;
                            f.j += 1;
                            f.pc = 0;
                        }
                        10 => {
                            f.pc = 11;
                            return Ok(call(next, f.i));
                        }
                        11 => {
                            if ret {
                                return Ok(Ret(true));
                            }
                            if f.j >= cmax {
                                return Ok(Ret(false));
                            }
                            f.pc = 12;
                            return Ok(call(atom, f.i));
                        }
                        12 => {
                            if !ret || f.i == self.last {
                                return Ok(Ret(false));
                            }
                            f.i = self.last;
                            f.j += 1;
                            f.pc = 10;
                        }
                        20 => {
                            if f.j < cmax {
                                f.pc = 21;
                                return Ok(call(atom, f.i));
                            }
                            return Ok(tail(next, f.i));
                        }
                        _ => {
                            if !ret || f.i == self.last {
                                return Ok(tail(next, f.i));
                            }
                            f.i = self.last;
                            f.j += 1;
                            f.pc = 20;
                        }
                    }
                }
            }
            Kind::GroupCurly { atom, cmin, qtype, local, group, capture, .. } => {
                let (atom, cmin, local, group, capture) = (*atom, *cmin, *local, *group, *capture);
                loop {
                    match f.pc {
                        0 => {
                            f.a = self.local(local);
                            if capture {
                                f.b = self.group(group);
                                f.c = self.group(group + 1);
                            }
                            self.set_local(local, -1);
                            f.pc = 1;
                        }
                        1 => {
                            if f.j < cmin {
                                f.pc = 2;
                                return Ok(call(atom, f.i));
                            }
                            f.pc = 3;
                            let entry = match qtype {
                                Qtype::Greedy => Entry::GroupCurlyGreedy,
                                Qtype::Lazy => Entry::GroupCurlyLazy,
                                _ => Entry::GroupCurlyPossessive,
                            };
                            return Ok(Call(entry, f.node, f.i, f.j));
                        }
                        2 => {
                            if ret {
                                if capture {
                                    self.set_group(group, f.i);
                                    self.set_group(group + 1, self.last);
                                }
                                f.i = self.last;
                                f.j += 1;
                                f.pc = 1;
                            } else {
                                f.pc = 3;
                                return Ok(self.group_curly_restore(f, local, group, capture, false));
                            }
                        }
                        _ => return Ok(self.group_curly_restore(f, local, group, capture, ret)),
                    }
                }
            }
            Kind::BranchConn => tail(next, i),
            Kind::Branch(atoms, conn) => {
                if f.pc == 1 && ret {
                    return Ok(Ret(true));
                }
                let n = f.j as usize;
                let Some(alt) = atoms.get(n) else { return Ok(Ret(false)) };
                let target = alt.unwrap_or_else(|| prog.node(*conn).next);
                f.j += 1;
                if n + 1 == atoms.len() {
                    tail(target, i)
                } else {
                    f.pc = 1;
                    call(target, i)
                }
            }
            Kind::GroupHead(local) => {
                if f.pc == 0 {
                    f.a = self.local(*local);
                    self.set_local(*local, i);
                    f.pc = 1;
                    call(next, i)
                } else {
                    self.set_local(*local, f.a);
                    Ret(ret)
                }
            }
            Kind::GroupTail { local, group } => {
                if f.pc == 0 {
                    let tmp = self.local(*local);
                    if tmp >= 0 {
                        f.a = self.group(*group);
                        f.b = self.group(*group + 1);
                        self.set_group(*group, tmp);
                        self.set_group(*group + 1, i);
                        f.pc = 1;
                        call(next, i)
                    } else {
                        self.last = i;
                        Ret(true)
                    }
                } else if ret {
                    Ret(true)
                } else {
                    self.set_group(*group, f.a);
                    self.set_group(*group + 1, f.b);
                    Ret(false)
                }
            }
            Kind::Prolog(lp) => Tail(Entry::LoopInit, *lp, i, 0),
            Kind::Loop { body, count, begin, cmin, cmax, pos_index, lazy } => {
                let (body, count, cmin, cmax) = (*body, *count, *cmin, *cmax);
                match f.pc {
                    0 => {
                        if i > self.local(*begin) {
                            let c = self.local(count);
                            f.a = c;
                            if c < cmin {
                                self.set_local(count, c + 1);
                                f.pc = 1;
                                return Ok(call(body, i));
                            }
                            if *lazy {
                                f.pc = 3;
                                return Ok(call(next, i));
                            }
                            if c < cmax {
                                if let Some(set) = pos_index {
                                    if self.pos_has(*set, i) {
                                        return Ok(tail(next, i));
                                    }
                                }
                                self.set_local(count, c + 1);
                                f.pc = 2;
                                return Ok(call(body, i));
                            }
                        }
                        tail(next, i)
                    }
                    1 => {
                        if !ret {
                            self.set_local(count, f.a);
                        }
                        Ret(ret)
                    }
                    2 => {
                        if ret {
                            return Ok(Ret(true));
                        }
                        self.set_local(count, f.a);
                        if let Some(set) = pos_index {
                            self.pos_add(*set, i);
                        }
                        tail(next, i)
                    }
                    _ => {
                        if ret {
                            return Ok(Ret(true));
                        }
                        if f.a < cmax {
                            self.set_local(count, f.a + 1);
                            f.pc = 1;
                            return Ok(call(body, i));
                        }
                        Ret(false)
                    }
                }
            }
            Kind::BackRef(g, ci) => {
                let j = self.group(*g);
                let k = self.group(*g + 1);
                if j < 0 {
                    return Ok(Ret(false));
                }
                let size = k - j;
                if i + size > self.to {
                    return Ok(Ret(false));
                }
                self.spend(size.max(0) as u64)?;
                match ci {
                    None => {
                        for idx in 0..size {
                            if self.cu(i + idx)? != self.cu(j + idx)? {
                                return Ok(Ret(false));
                            }
                        }
                    }
                    Some(unicode_case) => {
                        let (mut x, mut y) = (i, j);
                        for _ in 0..size {
                            let (c1, n1) = self.cp_at(x)?;
                            let (c2, n2) = self.cp_at(y)?;
                            if c1 != c2 {
                                if *unicode_case {
                                    let (u1, u2) = (unicode::to_upper(c1), unicode::to_upper(c2));
                                    if u1 != u2 && unicode::to_lower(u1) != unicode::to_lower(u2) {
                                        return Ok(Ret(false));
                                    }
                                } else if ctype::to_lower(c1) != ctype::to_lower(c2) {
                                    return Ok(Ret(false));
                                }
                            }
                            x += n1;
                            y += n2;
                        }
                    }
                }
                tail(next, i + size)
            }
            Kind::Pos(cond) | Kind::Neg(cond) => {
                if f.pc == 0 {
                    f.pc = 1;
                    return Ok(call(*cond, i));
                }
                let positive = matches!(node.kind, Kind::Pos(_));
                if ret == positive {
                    tail(next, i)
                } else {
                    Ret(false)
                }
            }
            Kind::Behind { cond, rmax, rmin, supplementary, negated } => {
                let matched;
                if f.pc == 0 {
                    f.a = self.lookbehind_to;
                    self.lookbehind_to = i;
                    let (from, start) = if *supplementary {
                        let rmax_chars = count_chars(self.s, i, rmax.wrapping_neg());
                        let rmin_chars = count_chars(self.s, i, rmin.wrapping_neg());
                        ((i - rmax_chars).max(0), i - rmin_chars)
                    } else {
                        (i.wrapping_sub(*rmax).max(0), i.wrapping_sub(*rmin))
                    };
                    f.b = from;
                    f.j = start;
                    matched = false;
                } else {
                    matched = ret;
                    if !matched {
                        let step = if *supplementary && f.j > f.b { count_chars(self.s, f.j, -1) } else { 1 };
                        f.j -= step;
                    }
                }
                if !matched && f.j >= f.b && f.j >= 0 {
                    f.pc = 1;
                    return Ok(call(*cond, f.j));
                }
                self.lookbehind_to = f.a;
                if matched != *negated {
                    tail(next, i)
                } else {
                    Ret(false)
                }
            }
        })
    }

    fn group_curly_restore(&mut self, f: &Frame, local: u32, group: u32, capture: bool, ret: bool) -> Step {
        if !ret {
            self.set_local(local, f.a);
            if capture {
                self.set_group(group, f.b);
                self.set_group(group + 1, f.c);
            }
        }
        Ret(ret)
    }

    /// `Curly.match0`: greedy, assuming each repetition has the length of the first.
    fn curly_greedy(&mut self, f: &mut Frame, ret: bool) -> Result<Step, Stop> {
        let node = self.prog.node(f.node);
        let next = node.next;
        let Kind::Curly { atom, cmax, .. } = node.kind else { return Ok(Ret(false)) };
        // f.k = k, f.b = backLimit.
        loop {
            match f.pc {
                0 => {
                    if f.j >= cmax {
                        return Ok(tail(next, f.i));
                    }
                    f.b = f.j;
                    f.pc = 1;
                    return Ok(call(atom, f.i));
                }
                1 => {
                    if !ret {
                        return Ok(tail(next, f.i));
                    }
                    f.k = self.last - f.i;
                    if f.k == 0 {
                        return Ok(tail(next, f.i));
                    }
                    f.i = self.last;
                    f.j += 1;
                    f.pc = 2;
                }
                2 => {
                    if f.j < cmax {
                        f.pc = 3;
                        return Ok(call(atom, f.i));
                    }
                    f.pc = 5;
                }
                3 => {
                    if !ret {
                        f.pc = 5;
                    } else if f.i + f.k != self.last {
                        f.pc = 4;
                        return Ok(Call(Entry::CurlyGreedy, f.node, self.last, f.j + 1));
                    } else {
                        f.i += f.k;
                        f.j += 1;
                        f.pc = 2;
                    }
                }
                4 => {
                    if ret {
                        return Ok(Ret(true));
                    }
                    f.pc = 5;
                }
                5 => {
                    if f.j >= f.b {
                        f.pc = 6;
                        return Ok(call(next, f.i));
                    }
                    return Ok(Ret(false));
                }
                _ => {
                    if ret {
                        return Ok(Ret(true));
                    }
                    f.i -= f.k;
                    f.j -= 1;
                    f.pc = 5;
                }
            }
        }
    }

    /// `GroupCurly.match0`.
    fn group_curly_greedy(&mut self, f: &mut Frame, ret: bool) -> Result<Step, Stop> {
        let node = self.prog.node(f.node);
        let next = node.next;
        let Kind::GroupCurly { atom, cmax, group, capture, .. } = node.kind else { return Ok(Ret(false)) };
        // f.b = min, f.a/f.c = saved group, f.k = k.
        loop {
            match f.pc {
                0 => {
                    f.b = f.j;
                    if capture {
                        f.a = self.group(group);
                        f.c = self.group(group + 1);
                    }
                    if f.j >= cmax {
                        f.pc = 7;
                        continue;
                    }
                    f.pc = 1;
                    return Ok(call(atom, f.i));
                }
                1 => {
                    if !ret {
                        f.pc = 7;
                        continue;
                    }
                    f.k = self.last - f.i;
                    if f.k <= 0 {
                        if capture {
                            self.set_group(group, f.i);
                            self.set_group(group + 1, f.i + f.k);
                        }
                        f.i += f.k;
                        f.pc = 7;
                        continue;
                    }
                    f.pc = 2;
                }
                2 => {
                    if capture {
                        self.set_group(group, f.i);
                        self.set_group(group + 1, f.i + f.k);
                    }
                    f.i += f.k;
                    f.j += 1;
                    if f.j >= cmax {
                        f.pc = 5;
                        continue;
                    }
                    f.pc = 3;
                    return Ok(call(atom, f.i));
                }
                3 => {
                    if !ret {
                        f.pc = 5;
                    } else if f.i + f.k != self.last {
                        f.pc = 4;
                        return Ok(Call(Entry::GroupCurlyGreedy, f.node, f.i, f.j));
                    } else {
                        f.pc = 2;
                    }
                }
                4 => {
                    if ret {
                        return Ok(Ret(true));
                    }
                    f.pc = 5;
                }
                5 => {
                    if f.j > f.b {
                        f.pc = 6;
                        return Ok(call(next, f.i));
                    }
                    f.pc = 7;
                }
                6 => {
                    if ret {
                        if capture {
                            self.set_group(group + 1, f.i);
                            self.set_group(group, f.i - f.k);
                        }
                        return Ok(Ret(true));
                    }
                    f.i -= f.k;
                    if capture {
                        self.set_group(group + 1, f.i);
                        self.set_group(group, f.i - f.k);
                    }
                    f.j -= 1;
                    f.pc = 5;
                }
                _ => {
                    if capture {
                        self.set_group(group, f.a);
                        self.set_group(group + 1, f.c);
                    }
                    return Ok(tail(next, f.i));
                }
            }
        }
    }

    /// `GroupCurly.match1` (lazy) and `match2` (possessive).
    fn group_curly_rest(&mut self, f: &mut Frame, ret: bool) -> Result<Step, Stop> {
        let node = self.prog.node(f.node);
        let next = node.next;
        let Kind::GroupCurly { atom, cmax, group, capture, .. } = node.kind else { return Ok(Ret(false)) };
        if f.entry == Entry::GroupCurlyLazy {
            loop {
                match f.pc {
                    0 => {
                        f.pc = 1;
                        return Ok(call(next, f.i));
                    }
                    1 => {
                        if ret {
                            return Ok(Ret(true));
                        }
                        if f.j >= cmax {
                            return Ok(Ret(false));
                        }
                        f.pc = 2;
                        return Ok(call(atom, f.i));
                    }
                    _ => {
                        if !ret || f.i == self.last {
                            return Ok(Ret(false));
                        }
                        if capture {
                            self.set_group(group, f.i);
                            self.set_group(group + 1, self.last);
                        }
                        f.i = self.last;
                        f.j += 1;
                        f.pc = 0;
                    }
                }
            }
        }
        loop {
            match f.pc {
                0 => {
                    if f.j < cmax {
                        f.pc = 1;
                        return Ok(call(atom, f.i));
                    }
                    return Ok(tail(next, f.i));
                }
                _ => {
                    if !ret {
                        return Ok(tail(next, f.i));
                    }
                    if capture {
                        self.set_group(group, f.i);
                        self.set_group(group + 1, self.last);
                    }
                    if f.i == self.last {
                        return Ok(tail(next, f.i));
                    }
                    f.i = self.last;
                    f.j += 1;
                    f.pc = 0;
                }
            }
        }
    }

    /// `Loop.matchInit` / `LazyLoop.matchInit` (entered from the Prolog).
    fn loop_init(&mut self, f: &mut Frame, ret: bool) -> Step {
        let node = self.prog.node(f.node);
        let next = node.next;
        let Kind::Loop { body, count, cmin, cmax, lazy, .. } = node.kind else { return Ret(false) };
        match f.pc {
            0 => {
                f.a = self.local(count);
                if 0 < cmin {
                    self.set_local(count, 1);
                    f.pc = 1;
                    call(body, f.i)
                } else if lazy {
                    f.pc = 3;
                    call(next, f.i)
                } else if 0 < cmax {
                    self.set_local(count, 1);
                    f.pc = 2;
                    call(body, f.i)
                } else {
                    f.pc = 1;
                    call(next, f.i)
                }
            }
            1 => {
                self.set_local(count, f.a);
                Ret(ret)
            }
            2 => {
                if ret {
                    self.set_local(count, f.a);
                    Ret(true)
                } else {
                    f.pc = 1;
                    call(next, f.i)
                }
            }
            _ => {
                if ret {
                    self.set_local(count, f.a);
                    Ret(true)
                } else if 0 < cmax {
                    self.set_local(count, 1);
                    f.pc = 1;
                    call(body, f.i)
                } else {
                    self.set_local(count, f.a);
                    Ret(false)
                }
            }
        }
    }

    /// `Bound.check`: LEFT 1, RIGHT 2, NONE 4.
    fn bound(&mut self, i: i32, uword: bool) -> Result<u8, Stop> {
        let is_word = |ch: u32| {
            if uword {
                CharClass::Word.is(ch)
            } else {
                ch == u32::from(b'_') || unicode::is_letter_or_digit(ch)
            }
        };
        let mut left = false;
        if i > 0 {
            let (ch, _) = code_point_before(self.s, i as usize);
            left = is_word(ch) || (unicode::category(ch) == gc::MN && self.has_base(i - 1)?);
        }
        let mut right = false;
        if i < self.to {
            let (ch, _) = self.cp_at(i)?;
            right = is_word(ch) || (unicode::category(ch) == gc::MN && self.has_base(i)?);
        }
        Ok(if left ^ right {
            if right {
                1
            } else {
                2
            }
        } else {
            4
        })
    }

    fn has_base(&mut self, i: i32) -> Result<bool, Stop> {
        let mut x = i;
        while x >= 0 {
            self.spend(1)?;
            let (ch, _) = self.cp_at(x)?;
            if unicode::is_letter_or_digit(ch) {
                return Ok(true);
            }
            if unicode::category(ch) != gc::MN {
                return Ok(false);
            }
            x -= 1;
        }
        Ok(false)
    }
}

/// Pattern's `countChars(seq, index, n)`: code units spanned by `n` code points after
/// (n >= 0) or `-n` before `index`.
fn count_chars(s: &[u16], index: i32, n: i32) -> i32 {
    let Ok(idx) = usize::try_from(index) else { return 0 };
    if n >= 0 {
        if n == 1 && idx < s.len() && !s.get(idx).copied().is_some_and(is_high) {
            return 1;
        }
        let mut x = idx;
        let mut k = 0;
        while x < s.len() && k < n {
            let hi = s.get(x).copied().is_some_and(is_high);
            x += 1;
            if hi && s.get(x).copied().is_some_and(is_low) {
                x += 1;
            }
            k += 1;
        }
        return (x - idx) as i32;
    }
    crate::utf16::count_chars_back(s, idx.min(s.len()), n.unsigned_abs()) as i32
}
