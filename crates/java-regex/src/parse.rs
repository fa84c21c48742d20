//! `Pattern.compile`: the parser, reproducing Java 17's recursive descent step by step
//! (same cursor moves, same lookahead, same error messages and indexes), because the
//! dialect *is* that parser: `[a&&]`, `[--0]`, `a{2}{3}`, `(?x)\p{L u}`, a trailing `\`
//! ("Unexpected internal error") and every other quirk fall out of its exact steps.

use crate::prog::{
    ctype, study, Kind, Node, NodeId, Pred, Prog, Qtype, SliceCase, TreeInfo, ACCEPT, LAST_ACCEPT, LOOKBEHIND_END,
    MAX_REPS,
};
use crate::unicode::{self, gc, CharClass};
use crate::Error;

// java.util.regex.Pattern flag bits.
const UNIX_LINES: u32 = 0x01;
const CASE_INSENSITIVE: u32 = 0x02;
const COMMENTS: u32 = 0x04;
const MULTILINE: u32 = 0x08;
const DOTALL: u32 = 0x20;
const UNICODE_CASE: u32 = 0x40;
const CANON_EQ: u32 = 0x80;
const UNICODE_CHARACTER_CLASS: u32 = 0x100;

/// Nesting of groups and classes we parse (Java's limit is its thread stack). Deeper
/// patterns get Java's own message for that case.
pub(crate) const MAX_DEPTH: u32 = 128;
/// Compiled size limit: nodes plus literal characters plus predicate terms.
pub(crate) const MAX_PROGRAM: usize = 100_000;

/// What an escape sequence turned out to be.
enum Esc {
    Char(u32),
    /// A meta escape; `Some` when it was created (`create`), in and out of classes.
    Node(Option<NodeId>),
    Pred(Option<Pred>),
}

struct Parser<'a> {
    pattern: &'a str,
    temp: Vec<u32>,
    pattern_length: usize,
    cursor: usize,
    flags0: u32,
    nodes: Vec<Node>,
    /// Latin-1 sets of the classes, shared and mutated while their class is parsed.
    bitsets: Vec<[u64; 4]>,
    capturing_group_count: u32,
    local_count: u32,
    named_groups: Vec<(String, u32)>,
    has_group_ref: bool,
    top_closure_nodes: Vec<NodeId>,
    depth: u32,
    size: usize,
}

type R<T> = Result<T, Error>;

fn is_digit(ch: u32) -> bool {
    (0x30..=0x39).contains(&ch)
}

fn is_supplementary(ch: u32) -> bool {
    ch >= 0x10000 || (0xD800..=0xDFFF).contains(&ch)
}

fn ch_string(cps: &[u32]) -> String {
    cps.iter().map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect()
}

/// Java's `(char) ch` for messages.
fn char16(ch: u32) -> String {
    char::from_u32(ch & 0xFFFF).unwrap_or('\u{FFFD}').to_string()
}

pub(crate) fn compile(pattern: &str) -> Result<Prog, Error> {
    compile_code_points(pattern, pattern.chars().map(u32::from).collect())
}

/// `Pattern.compile` on the pattern's code points as Java reads them (`codePointAt`: a lone
/// surrogate is one of them); `pattern` is only shown in errors.
pub(crate) fn compile_code_points(pattern: &str, mut temp: Vec<u32>) -> Result<Prog, Error> {
    let pattern_length = temp.len();
    if pattern_length > MAX_PROGRAM {
        return Err(Error::too_large(pattern));
    }
    temp.push(0);
    temp.push(0);
    let mut p = Parser {
        pattern,
        temp,
        pattern_length,
        cursor: 0,
        flags0: 0,
        nodes: Vec::new(),
        bitsets: Vec::new(),
        capturing_group_count: 1,
        local_count: 0,
        named_groups: Vec::new(),
        has_group_ref: false,
        top_closure_nodes: Vec::new(),
        depth: 0,
        size: 0,
    };
    p.add_raw(Kind::Accept, ACCEPT);
    p.add_raw(Kind::LastAccept, ACCEPT);
    p.add_raw(Kind::LookBehindEnd, ACCEPT);
    let start = if pattern_length == 0 {
        LAST_ACCEPT
    } else {
        p.remove_qe_quoting()?;
        let root = p.expr(LAST_ACCEPT)?;
        if p.pattern_length != p.cursor {
            return Err(if p.peek()? == u32::from(b')') {
                p.error("Unmatched closing ')'")
            } else {
                p.error("Unexpected internal error")
            });
        }
        root
    };
    let mut pos_sets = 0;
    if !p.has_group_ref {
        for id in std::mem::take(&mut p.top_closure_nodes) {
            if let Some(Node { kind: Kind::Loop { pos_index, .. }, .. }) = p.nodes.get_mut(id as usize) {
                *pos_index = Some(pos_sets);
                pos_sets += 1;
            }
        }
    }
    // Bit sets are final now: inline them.
    let bitsets = std::mem::take(&mut p.bitsets);
    for node in &mut p.nodes {
        match &mut node.kind {
            Kind::Char(pred) | Kind::CharNfc(pred) | Kind::CharGreedy(pred, _) => resolve_bits(pred, &bitsets),
            _ => {}
        }
    }
    Ok(Prog {
        nodes: p.nodes,
        start,
        groups: (p.capturing_group_count.max(10) as usize) * 2,
        locals: p.local_count as usize,
        pos_sets: pos_sets as usize,
    })
}

/// `Pred::Single(u32::MAX - id)` stands for bit set `id` while parsing (see `bits_ref`).
fn resolve_bits(pred: &mut Pred, bitsets: &[[u64; 4]]) {
    match pred {
        Pred::Bits(b) if b[0] == u64::MAX && b[1] == u64::MAX && b[3] == 0 => {
            let id = b[2] as usize;
            *pred = Pred::Bits(bitsets.get(id).copied().unwrap_or([0; 4]));
        }
        Pred::Not(p) => resolve_bits(p, bitsets),
        Pred::And(ps) | Pred::Or(ps) => ps.iter_mut().for_each(|p| resolve_bits(p, bitsets)),
        _ => {}
    }
}

/// A placeholder for bit set `id`, replaced by its final contents after parsing. (A real
/// Latin-1 set never has bits 0..63 and 64..127 all set with 192..255 all clear *and* a
/// small number in 128..191 only — but to be safe the parser never builds such a set
/// directly: `Bits` values only come from here.)
fn bits_ref(id: usize) -> Pred {
    Pred::Bits([u64::MAX, u64::MAX, id as u64, 0])
}

impl Parser<'_> {
    fn has(&self, f: u32) -> bool {
        self.flags0 & f != 0
    }

    fn error(&self, desc: impl Into<String>) -> Error {
        Error::syntax(desc.into(), self.cursor as i64 - 1, self.pattern)
    }

    /// `temp[i]`; past the end Java throws ArrayIndexOutOfBoundsException.
    fn t(&self, i: usize) -> R<u32> {
        self.temp.get(i).copied().ok_or_else(|| Error::internal(i, self.temp.len(), self.pattern))
    }

    fn add_raw(&mut self, kind: Kind, next: NodeId) -> NodeId {
        self.nodes.push(Node { kind, next });
        (self.nodes.len() - 1) as NodeId
    }

    fn add(&mut self, kind: Kind) -> R<NodeId> {
        self.size += 1;
        if let Kind::Slice(s, _) = &kind {
            self.size += s.len();
        }
        if self.size > MAX_PROGRAM {
            return Err(Error::too_large(self.pattern));
        }
        Ok(self.add_raw(kind, ACCEPT))
    }

    fn set_next(&mut self, id: NodeId, next: NodeId) {
        if let Some(n) = self.nodes.get_mut(id as usize) {
            n.next = next;
        }
    }

    fn next_of(&self, id: NodeId) -> NodeId {
        self.nodes.get(id as usize).map_or(ACCEPT, |n| n.next)
    }

    fn count_pred(&mut self, p: &Pred) -> R<()> {
        fn terms(p: &Pred) -> usize {
            match p {
                Pred::Not(q) => 1 + terms(q),
                Pred::And(ps) | Pred::Or(ps) => 1 + ps.iter().map(terms).sum::<usize>(),
                _ => 1,
            }
        }
        self.size += terms(p);
        if self.size > MAX_PROGRAM {
            return Err(Error::too_large(self.pattern));
        }
        Ok(())
    }

    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("Stack overflow during pattern compilation"));
        }
        Ok(())
    }

    // ---- cursor primitives (Pattern.peek/read/next/...) ----

    fn peek(&mut self) -> R<u32> {
        let ch = self.t(self.cursor)?;
        if self.has(COMMENTS) {
            return self.peek_past_whitespace(ch);
        }
        Ok(ch)
    }

    fn read(&mut self) -> R<u32> {
        let ch = self.t(self.cursor)?;
        self.cursor += 1;
        if self.has(COMMENTS) {
            return self.parse_past_whitespace(ch);
        }
        Ok(ch)
    }

    fn next(&mut self) -> R<u32> {
        self.cursor += 1;
        let ch = self.t(self.cursor)?;
        if self.has(COMMENTS) {
            return self.peek_past_whitespace(ch);
        }
        Ok(ch)
    }

    fn next_escaped(&mut self) -> R<u32> {
        self.cursor += 1;
        self.t(self.cursor)
    }

    fn peek_past_whitespace(&mut self, mut ch: u32) -> R<u32> {
        while ctype::is(ch, ctype::SPACE) || ch == u32::from(b'#') {
            while ctype::is(ch, ctype::SPACE) {
                self.cursor += 1;
                ch = self.t(self.cursor)?;
            }
            if ch == u32::from(b'#') {
                ch = self.peek_past_line()?;
            }
        }
        Ok(ch)
    }

    fn parse_past_whitespace(&mut self, mut ch: u32) -> R<u32> {
        while ctype::is(ch, ctype::SPACE) || ch == u32::from(b'#') {
            while ctype::is(ch, ctype::SPACE) {
                ch = self.t(self.cursor)?;
                self.cursor += 1;
            }
            if ch == u32::from(b'#') {
                ch = self.parse_past_line()?;
            }
        }
        Ok(ch)
    }

    fn parse_past_line(&mut self) -> R<u32> {
        let mut ch = self.t(self.cursor)?;
        self.cursor += 1;
        while ch != 0 && !self.is_line_separator(ch) {
            ch = self.t(self.cursor)?;
            self.cursor += 1;
        }
        if ch == 0 && self.cursor > self.pattern_length {
            self.cursor = self.pattern_length;
            ch = self.t(self.cursor)?;
            self.cursor += 1;
        }
        Ok(ch)
    }

    fn peek_past_line(&mut self) -> R<u32> {
        self.cursor += 1;
        let mut ch = self.t(self.cursor)?;
        while ch != 0 && !self.is_line_separator(ch) {
            self.cursor += 1;
            ch = self.t(self.cursor)?;
        }
        if ch == 0 && self.cursor > self.pattern_length {
            self.cursor = self.pattern_length;
            ch = self.t(self.cursor)?;
        }
        Ok(ch)
    }

    fn is_line_separator(&self, ch: u32) -> bool {
        if self.has(UNIX_LINES) {
            ch == 0x0A
        } else {
            ch == 0x0A || ch == 0x0D || (ch | 1) == 0x2029 || ch == 0x85
        }
    }

    fn skip(&mut self) -> R<u32> {
        let i = self.cursor;
        let ch = self.t(i + 1)?;
        self.cursor = i + 2;
        Ok(ch)
    }

    fn unread(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    fn accept(&mut self, ch: u32, msg: &str) -> R<()> {
        let mut test = self.t(self.cursor)?;
        self.cursor += 1;
        if self.has(COMMENTS) {
            test = self.parse_past_whitespace(test)?;
        }
        if ch != test {
            return Err(self.error(msg));
        }
        Ok(())
    }

    fn mark(&mut self, c: u32) {
        if let Some(slot) = self.temp.get_mut(self.pattern_length) {
            *slot = c;
        }
    }

    // ---- \Q...\E ----

    fn remove_qe_quoting(&mut self) -> R<()> {
        let p_len = self.pattern_length;
        let mut i = 0;
        while i + 1 < p_len {
            if self.t(i)? != u32::from(b'\\') {
                i += 1;
            } else if self.t(i + 1)? != u32::from(b'Q') {
                i += 2;
            } else {
                break;
            }
        }
        if i + 1 >= p_len {
            return Ok(());
        }
        let mut out: Vec<u32> = self.temp.get(..i).unwrap_or_default().to_vec();
        i += 2;
        let mut in_quote = true;
        let mut begin_quote = true;
        while i < p_len {
            let c = self.t(i)?;
            i += 1;
            if c >= 128 || ctype::is(c, ctype::ALPHA) {
                out.push(c);
            } else if is_digit(c) {
                if begin_quote {
                    // Keeps a preceding escape (\0, \x, \u) from absorbing the digit.
                    out.extend([u32::from(b'\\'), u32::from(b'x'), u32::from(b'3')]);
                }
                out.push(c);
            } else if c != u32::from(b'\\') {
                if in_quote {
                    out.push(u32::from(b'\\'));
                }
                out.push(c);
            } else if in_quote {
                if self.t(i)? == u32::from(b'E') {
                    i += 1;
                    in_quote = false;
                } else {
                    out.extend([u32::from(b'\\'), u32::from(b'\\')]);
                }
            } else if self.t(i)? == u32::from(b'Q') {
                i += 1;
                in_quote = true;
                begin_quote = true;
                continue;
            } else {
                out.push(c);
                if i != p_len {
                    out.push(self.t(i)?);
                    i += 1;
                }
            }
            begin_quote = false;
        }
        if out.len() > MAX_PROGRAM {
            return Err(Error::too_large(self.pattern));
        }
        self.pattern_length = out.len();
        out.extend([0, 0]);
        self.temp = out;
        Ok(())
    }

    // ---- expressions ----

    fn expr(&mut self, end: NodeId) -> R<NodeId> {
        self.enter()?;
        let mut prev: Option<NodeId> = None;
        let mut first_tail: Option<NodeId> = None;
        let mut branch: Option<NodeId> = None;
        let mut branch_conn: Option<NodeId> = None;
        loop {
            let (node, node_tail) = self.sequence(end)?;
            match prev {
                None => {
                    prev = Some(node);
                    first_tail = node_tail;
                }
                Some(pv) => {
                    let conn = match branch_conn {
                        Some(c) => c,
                        None => {
                            let c = self.add(Kind::BranchConn)?;
                            self.set_next(c, end);
                            branch_conn = Some(c);
                            c
                        }
                    };
                    let alt = if node == end {
                        None
                    } else {
                        if let Some(t) = node_tail {
                            self.set_next(t, conn);
                        }
                        Some(node)
                    };
                    if Some(pv) == branch {
                        if let Some(Node { kind: Kind::Branch(atoms, _), .. }) =
                            branch.and_then(|b| self.nodes.get_mut(b as usize))
                        {
                            atoms.push(alt);
                        }
                        self.size += 1;
                    } else {
                        let first = if pv == end {
                            None
                        } else {
                            if let Some(ft) = first_tail {
                                self.set_next(ft, conn);
                            }
                            Some(pv)
                        };
                        let b = self.add(Kind::Branch(vec![first, alt], conn))?;
                        branch = Some(b);
                        prev = Some(b);
                    }
                }
            }
            if self.peek()? != u32::from(b'|') {
                self.depth -= 1;
                return Ok(prev.unwrap_or(end));
            }
            self.next()?;
        }
    }

    /// Returns the head and (when not empty) the tail of the sequence.
    fn sequence(&mut self, end: NodeId) -> R<(NodeId, Option<NodeId>)> {
        let mut head: Option<NodeId> = None;
        let mut tail: Option<NodeId> = None;
        loop {
            let ch = self.peek()?;
            let node = match ch {
                0x28 => {
                    // '('
                    let Some((h, t)) = self.group0()? else { continue };
                    match tail {
                        None => head = Some(h),
                        Some(tl) => self.set_next(tl, h),
                    }
                    tail = Some(t);
                    continue;
                }
                0x5B => {
                    // '['
                    let p = self.clazz(true)?;
                    self.char_node(p, self.has(CANON_EQ))?
                }
                0x5C => {
                    // '\\'
                    let ch = self.next_escaped()?;
                    if ch == u32::from(b'p') || ch == u32::from(b'P') {
                        let comp = ch == u32::from(b'P');
                        let one_letter = self.property_brace()?;
                        let p = self.family(one_letter, comp)?;
                        self.char_node(p, self.has(CANON_EQ))?
                    } else {
                        self.unread();
                        self.atom()?
                    }
                }
                0x5E => {
                    // '^'
                    self.next()?;
                    if self.has(MULTILINE) {
                        if self.has(UNIX_LINES) {
                            self.add(Kind::UnixCaret)?
                        } else {
                            self.add(Kind::Caret)?
                        }
                    } else {
                        self.add(Kind::Begin)?
                    }
                }
                0x24 => {
                    // '$'
                    self.next()?;
                    let m = self.has(MULTILINE);
                    if self.has(UNIX_LINES) {
                        self.add(Kind::UnixDollar(m))?
                    } else {
                        self.add(Kind::Dollar(m))?
                    }
                }
                0x2E => {
                    // '.'
                    self.next()?;
                    let p = if self.has(DOTALL) {
                        Pred::All
                    } else if self.has(UNIX_LINES) {
                        Pred::UnixDot
                    } else {
                        Pred::Dot
                    };
                    self.add(Kind::Char(p))?
                }
                0x7C | 0x29 => break,
                0x3F | 0x2A | 0x2B => {
                    self.next()?;
                    return Err(self.error(format!("Dangling meta character '{}'", char16(ch))));
                }
                0 if self.cursor >= self.pattern_length => break,
                _ => self.atom()?,
            };
            let node = self.closure(node)?;
            match tail {
                None => head = Some(node),
                Some(tl) => self.set_next(tl, node),
            }
            tail = Some(node);
        }
        match (head, tail) {
            (Some(h), Some(t)) => {
                self.set_next(t, end);
                Ok((h, Some(t)))
            }
            _ => Ok((end, None)),
        }
    }

    /// After `\p`/`\P`: consumes `{` when present; true for the one-letter form.
    fn property_brace(&mut self) -> R<bool> {
        let ch = self.next()?;
        if ch != u32::from(b'{') {
            self.unread();
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn char_node(&mut self, p: Pred, nfc: bool) -> R<NodeId> {
        self.count_pred(&p)?;
        if nfc {
            self.add(Kind::CharNfc(p))
        } else {
            self.add(Kind::Char(p))
        }
    }

    fn atom(&mut self) -> R<NodeId> {
        let mut buffer: Vec<u32> = Vec::new();
        let mut prev = 0usize;
        let mut ch = self.peek()?;
        loop {
            match ch {
                0x2A | 0x2B | 0x3F | 0x7B => {
                    if buffer.len() > 1 {
                        self.cursor = prev;
                        buffer.pop();
                    }
                }
                0x24 | 0x2E | 0x5E | 0x28 | 0x5B | 0x7C | 0x29 => {}
                0x5C => {
                    let c = self.next_escaped()?;
                    if c == u32::from(b'p') || c == u32::from(b'P') {
                        if !buffer.is_empty() {
                            self.unread();
                        } else {
                            let comp = c == u32::from(b'P');
                            let one_letter = self.property_brace()?;
                            let p = self.family(one_letter, comp)?;
                            return self.char_node(p, self.has(CANON_EQ));
                        }
                    } else {
                        self.unread();
                        prev = self.cursor;
                        match self.escape(false, buffer.is_empty(), false)? {
                            Esc::Char(c) => {
                                buffer.push(c);
                                ch = self.peek()?;
                                continue;
                            }
                            Esc::Node(Some(n)) if buffer.is_empty() => return Ok(n),
                            Esc::Pred(Some(p)) if buffer.is_empty() => return self.char_node(p, false),
                            _ => self.cursor = prev,
                        }
                    }
                }
                0 if self.cursor >= self.pattern_length => {}
                _ => {
                    prev = self.cursor;
                    buffer.push(ch);
                    ch = self.next()?;
                    continue;
                }
            }
            break;
        }
        if buffer.len() == 1 {
            let p = self.single(buffer.first().copied().unwrap_or(0));
            self.char_node(p, false)
        } else {
            self.new_slice(buffer)
        }
    }

    fn new_slice(&mut self, buf: Vec<u32>) -> R<NodeId> {
        let (chars, case): (Vec<u32>, SliceCase) = if self.has(CASE_INSENSITIVE) {
            if self.has(UNICODE_CASE) {
                (buf.iter().map(|&c| unicode::fold(c)).collect(), SliceCase::Unicode)
            } else {
                (buf.iter().map(|&c| ctype::to_lower(c)).collect(), SliceCase::Ascii)
            }
        } else {
            (buf, SliceCase::Exact)
        };
        self.add(Kind::Slice(chars.into_boxed_slice(), case))
    }

    fn back_ref(&mut self, mut ref_num: u32) -> R<NodeId> {
        loop {
            let ch = self.peek()?;
            if !is_digit(ch) {
                break;
            }
            let new_ref = ref_num.saturating_mul(10).saturating_add(ch - 0x30);
            if self.capturing_group_count - 1 < new_ref {
                break;
            }
            ref_num = new_ref;
            self.read()?;
        }
        self.has_group_ref = true;
        let ci = self.has(CASE_INSENSITIVE).then(|| self.has(UNICODE_CASE));
        self.add(Kind::BackRef(ref_num * 2, ci))
    }

    fn escape(&mut self, inclass: bool, create: bool, isrange: bool) -> R<Esc> {
        let ch = self.skip()?;
        let uc = self.has(UNICODE_CHARACTER_CLASS);
        let c = char::from_u32(ch).unwrap_or('\0');
        // A predicate escape: the class uses it, or atom() makes a node of it.
        let pred = |_: &mut Self, p: Pred| -> R<Esc> { Ok(Esc::Pred(create.then_some(p))) };
        let node = |this: &mut Self, k: Kind| -> R<Esc> {
            if create {
                Ok(Esc::Node(Some(this.add(k)?)))
            } else {
                Ok(Esc::Node(None))
            }
        };
        match c {
            '0' => return Ok(Esc::Char(self.o()?)),
            '1'..='9' if !inclass => {
                if create {
                    let n = self.back_ref(ch - 0x30)?;
                    return Ok(Esc::Node(Some(n)));
                }
                return Ok(Esc::Node(None));
            }
            'A' if !inclass => return node(self, Kind::Begin),
            'B' if !inclass => return node(self, Kind::Bound(4, uc)),
            'D' => {
                return pred(self, if uc { Pred::Class(CharClass::Digit) } else { Pred::Ctype(ctype::DIGIT) }.negate())
            }
            'G' if !inclass => return node(self, Kind::LastMatch),
            'H' => return pred(self, Pred::HorizWs.negate()),
            'N' => return Ok(Esc::Char(self.n_escape()?)),
            'R' if !inclass => return node(self, Kind::LineEnding),
            'S' => {
                return pred(
                    self,
                    if uc { Pred::Class(CharClass::WhiteSpace) } else { Pred::Ctype(ctype::SPACE) }.negate(),
                )
            }
            'V' => return pred(self, Pred::VertWs.negate()),
            'W' => {
                return pred(self, if uc { Pred::Class(CharClass::Word) } else { Pred::Ctype(ctype::WORD) }.negate())
            }
            'X' if !inclass => return node(self, Kind::XGrapheme),
            'Z' if !inclass => {
                let k = if self.has(UNIX_LINES) { Kind::UnixDollar(false) } else { Kind::Dollar(false) };
                return node(self, k);
            }
            'a' => return Ok(Esc::Char(7)),
            'b' if !inclass => {
                if create {
                    if self.peek()? == u32::from(b'{') {
                        if self.skip()? == u32::from(b'g') {
                            if self.read()? == u32::from(b'}') {
                                return node(self, Kind::GraphemeBound);
                            }
                            return Err(self.error("Illegal/unsupported escape sequence"));
                        }
                        self.unread();
                        self.unread();
                    }
                    return node(self, Kind::Bound(3, uc));
                }
                return Ok(Esc::Node(None));
            }
            'c' => return Ok(Esc::Char(self.c_escape()?)),
            'd' => return pred(self, if uc { Pred::Class(CharClass::Digit) } else { Pred::Ctype(ctype::DIGIT) }),
            'e' => return Ok(Esc::Char(0x1B)),
            'f' => return Ok(Esc::Char(0x0C)),
            'h' => return pred(self, Pred::HorizWs),
            'k' if !inclass => {
                if self.read()? != u32::from(b'<') {
                    return Err(self.error("\\k is not followed by '<' for named capturing group"));
                }
                let first = self.read()?;
                let name = self.groupname(first)?;
                let Some(&(_, idx)) = self.named_groups.iter().find(|(n, _)| *n == name) else {
                    return Err(self.error(format!("named capturing group <{name}> does not exist")));
                };
                if create {
                    self.has_group_ref = true;
                    let ci = self.has(CASE_INSENSITIVE).then(|| self.has(UNICODE_CASE));
                    return node(self, Kind::BackRef(idx * 2, ci));
                }
                return Ok(Esc::Node(None));
            }
            'n' => return Ok(Esc::Char(0x0A)),
            'r' => return Ok(Esc::Char(0x0D)),
            's' => return pred(self, if uc { Pred::Class(CharClass::WhiteSpace) } else { Pred::Ctype(ctype::SPACE) }),
            't' => return Ok(Esc::Char(0x09)),
            'u' => return Ok(Esc::Char(self.u_escape()?)),
            'v' => {
                if isrange {
                    return Ok(Esc::Char(0x0B));
                }
                return pred(self, Pred::VertWs);
            }
            'w' => return pred(self, if uc { Pred::Class(CharClass::Word) } else { Pred::Ctype(ctype::WORD) }),
            'x' => return Ok(Esc::Char(self.x_escape()?)),
            'z' if !inclass => return node(self, Kind::End),
            'a'..='z' | 'A'..='Z' | '1'..='9' => {}
            _ => return Ok(Esc::Char(ch)),
        }
        Err(self.error("Illegal/unsupported escape sequence"))
    }

    // ---- character classes ----

    fn clazz(&mut self, consume: bool) -> R<Pred> {
        self.enter()?;
        let mut prev: Option<Pred> = None;
        let mut curr: Option<Pred> = None;
        let bits_id = self.bitsets.len();
        self.bitsets.push([0; 4]);
        let bits = bits_ref(bits_id);
        let mut is_neg = false;
        let mut has_bits = false;
        let mut ch = self.next()?;
        if ch == u32::from(b'^') && self.t(self.cursor.wrapping_sub(1))? == u32::from(b'[') {
            ch = self.next()?;
            is_neg = true;
        }
        loop {
            match ch {
                0x5B => {
                    let c = self.clazz(true)?;
                    curr = Some(c.clone());
                    prev = Some(match prev {
                        None => c,
                        Some(p) => p.union(c),
                    });
                    ch = self.peek()?;
                    continue;
                }
                0x26 => {
                    ch = self.next()?;
                    if ch == u32::from(b'&') {
                        ch = self.next()?;
                        let mut right: Option<Pred> = None;
                        while ch != u32::from(b']') && ch != u32::from(b'&') {
                            let c = if ch == u32::from(b'[') {
                                self.clazz(true)?
                            } else {
                                self.unread();
                                self.clazz(false)?
                            };
                            right = Some(match right {
                                None => c,
                                Some(r) => r.union(c),
                            });
                            ch = self.peek()?;
                        }
                        if has_bits {
                            match prev {
                                None => {
                                    prev = Some(bits.clone());
                                    curr = Some(bits.clone());
                                }
                                Some(p) => prev = Some(p.union(bits.clone())),
                            }
                            has_bits = false;
                        }
                        if right.is_some() {
                            curr = right.clone();
                        }
                        match prev {
                            None => match right {
                                None => return Err(self.error("Bad class syntax")),
                                Some(r) => prev = Some(r),
                            },
                            // Java's `and(null)` throws when evaluated: `Null` stands for it.
                            Some(p) => prev = Some(p.and(curr.clone().unwrap_or(Pred::Null))),
                        }
                    } else {
                        self.unread();
                        // A literal '&': falls through to range().
                        let c = self.range(bits_id)?;
                        self.after_range(c, &mut prev, &mut curr, &mut has_bits);
                        ch = self.peek()?;
                    }
                    continue;
                }
                0 if self.cursor >= self.pattern_length => return Err(self.error("Unclosed character class")),
                0x5D if prev.is_some() || has_bits => {
                    if consume {
                        self.next()?;
                    }
                    let mut result = match prev {
                        None => bits,
                        Some(p) if has_bits => p.union(bits),
                        Some(p) => p,
                    };
                    if is_neg {
                        result = result.negate();
                    }
                    self.depth -= 1;
                    return Ok(result);
                }
                _ => {}
            }
            let c = self.range(bits_id)?;
            self.after_range(c, &mut prev, &mut curr, &mut has_bits);
            ch = self.peek()?;
        }
    }

    fn after_range(&self, c: Option<Pred>, prev: &mut Option<Pred>, curr: &mut Option<Pred>, has_bits: &mut bool) {
        *curr = c.clone();
        match c {
            None => *has_bits = true,
            Some(c) => {
                *prev = Some(match prev.take() {
                    None => c,
                    Some(p) => p.union(c),
                })
            }
        }
    }

    fn bits_add(&mut self, id: usize, c: u32) {
        let mut set = |b: u32| {
            if let Some(w) = self.bitsets.get_mut(id).and_then(|s| s.get_mut((b / 64) as usize)) {
                *w |= 1 << (b % 64);
            }
        };
        if self.flags0 & CASE_INSENSITIVE != 0 {
            if c < 128 {
                set(ctype::to_upper(c));
                set(ctype::to_lower(c));
            } else if self.flags0 & UNICODE_CASE != 0 {
                let (l, u) = (unicode::to_lower(c), unicode::to_upper(c));
                if l < 256 {
                    set(l);
                }
                if u < 256 {
                    set(u);
                }
            }
        }
        set(c);
    }

    fn bits_or_single(&mut self, bits_id: usize, ch: u32) -> Option<Pred> {
        let special = matches!(ch, 0xFF | 0xB5 | 0x49 | 0x69 | 0x53 | 0x73 | 0x4B | 0x6B | 0xC5 | 0xE5);
        if ch < 256 && !(self.has(CASE_INSENSITIVE) && self.has(UNICODE_CASE) && special) {
            self.bits_add(bits_id, ch);
            return None;
        }
        Some(self.single(ch))
    }

    fn single(&self, ch: u32) -> Pred {
        if self.has(CASE_INSENSITIVE) {
            if self.has(UNICODE_CASE) {
                let upper = unicode::to_upper(ch);
                let lower = unicode::to_lower(upper);
                if upper != lower {
                    return Pred::SingleU(lower);
                }
            } else if ch < 128 {
                let (lower, upper) = (ctype::to_lower(ch), ctype::to_upper(ch));
                if lower != upper {
                    return Pred::SingleI(lower, upper);
                }
            }
        }
        Pred::Single(ch)
    }

    /// One element of a class; `None` when it went into the class's bit set.
    fn range(&mut self, bits_id: usize) -> R<Option<Pred>> {
        let mut ch = self.peek()?;
        if ch == u32::from(b'\\') {
            ch = self.next_escaped()?;
            if ch == u32::from(b'p') || ch == u32::from(b'P') {
                let comp = ch == u32::from(b'P');
                let one_letter = self.property_brace()?;
                return Ok(Some(self.family(one_letter, comp)?));
            }
            let isrange = self.t(self.cursor + 1)? == u32::from(b'-');
            self.unread();
            match self.escape(true, true, isrange)? {
                Esc::Char(c) => ch = c,
                Esc::Pred(p) => return Ok(Some(p.unwrap_or(Pred::Null))),
                Esc::Node(_) => return Ok(Some(Pred::Null)),
            }
        } else {
            self.next()?;
        }
        if self.peek()? == u32::from(b'-') {
            let end_range = self.t(self.cursor + 1)?;
            if end_range == u32::from(b'[') {
                return Ok(self.bits_or_single(bits_id, ch));
            }
            if end_range != u32::from(b']') {
                self.next()?;
                let m = self.peek()?;
                let m: i64 = if m == u32::from(b'\\') {
                    match self.escape(true, false, true)? {
                        Esc::Char(c) => i64::from(c),
                        _ => -1,
                    }
                } else {
                    self.next()?;
                    i64::from(m)
                };
                if m < i64::from(ch) {
                    return Err(self.error("Illegal character range"));
                }
                let m = m as u32;
                return Ok(Some(if self.has(CASE_INSENSITIVE) {
                    if self.has(UNICODE_CASE) {
                        Pred::CiRangeU(ch, m)
                    } else {
                        Pred::CiRange(ch, m)
                    }
                } else {
                    Pred::Range(ch, m)
                }));
            }
        }
        Ok(self.bits_or_single(bits_id, ch))
    }

    // ---- \p{...} ----

    fn family(&mut self, single_letter: bool, is_complement: bool) -> R<Pred> {
        self.next()?;
        let name: Vec<u32> = if single_letter {
            let c = self.t(self.cursor)?;
            // Java builds the name with `(char) c` for a BMP value.
            let c = if c < 0x10000 { c & 0xFFFF } else { c };
            self.read()?;
            vec![c]
        } else {
            let i = self.cursor;
            self.mark(u32::from(b'}'));
            while self.read()? != u32::from(b'}') {}
            self.mark(0);
            let j = self.cursor;
            if j > self.pattern_length {
                return Err(self.error("Unclosed character family"));
            }
            if i + 1 >= j {
                return Err(self.error("Empty character family"));
            }
            self.temp.get(i..j - 1).unwrap_or_default().to_vec()
        };
        let name = ch_string(&name);
        let ci = self.has(CASE_INSENSITIVE);
        let p = if let Some(eq) = name.find('=') {
            let value = &name[eq + 1..];
            let key = java_lower_english(&name[..eq]);
            let p = match key.as_str() {
                "sc" | "script" => unicode::script_by_name(value).map(Pred::Script),
                "blk" | "block" => unicode::block_by_name(value).map(Pred::Block),
                "gc" | "general_category" => for_property(value, ci),
                _ => None,
            };
            match p {
                Some(p) => p,
                None => return Err(self.error(format!("Unknown Unicode property {{name=<{key}>, value=<{value}>}}"))),
            }
        } else {
            let p = if let Some(block) = name.strip_prefix("In") {
                unicode::block_by_name(block).map(Pred::Block)
            } else if let Some(short) = name.strip_prefix("Is") {
                for_unicode_property(short, ci)
                    .or_else(|| for_property(short, ci))
                    .or_else(|| unicode::script_by_name(short).map(Pred::Script))
            } else {
                let mut p = None;
                if self.has(UNICODE_CHARACTER_CLASS) {
                    p = for_posix_name(&unicode::java_upper_root(&name), ci);
                }
                p.or_else(|| for_property(&name, ci))
            };
            match p {
                Some(p) => p,
                None => return Err(self.error(format!("Unknown character property name {{{name}}}"))),
            }
        };
        Ok(if is_complement { p.negate() } else { p })
    }

    // ---- groups ----

    fn groupname(&mut self, mut ch: u32) -> R<String> {
        let mut name = String::new();
        if !ctype::is(ch, ctype::ALPHA) {
            return Err(self.error("capturing group name does not start with a Latin letter"));
        }
        loop {
            name.push(char::from_u32(ch).unwrap_or('?'));
            ch = self.read()?;
            if !ctype::is(ch, ctype::ALNUM) {
                break;
            }
        }
        if ch != u32::from(b'>') {
            return Err(self.error("named capturing group is missing trailing '>'"));
        }
        Ok(name)
    }

    fn create_group(&mut self, anonymous: bool) -> R<(NodeId, NodeId)> {
        let local = self.local_count;
        self.local_count += 1;
        let group = if anonymous {
            0
        } else {
            self.capturing_group_count += 1;
            self.capturing_group_count - 1
        };
        let head = self.add(Kind::GroupHead(local))?;
        let tail = self.add(Kind::GroupTail { local, group: group * 2 })?;
        Ok((head, tail))
    }

    /// A group and its quantifier; `None` for a flags-only group `(?i)`.
    fn group0(&mut self) -> R<Option<(NodeId, NodeId)>> {
        self.enter()?;
        let r = self.group0_inner();
        self.depth -= 1;
        r
    }

    fn group0_inner(&mut self) -> R<Option<(NodeId, NodeId)>> {
        let mut capturing = false;
        let save = self.flags0;
        let save_tcn = self.top_closure_nodes.len();
        let (head, tail);
        let ch = self.next()?;
        if ch == u32::from(b'?') {
            let ch = self.skip()?;
            match char::from_u32(ch).unwrap_or('\0') {
                ':' => {
                    (head, tail) = self.create_group(true)?;
                    let body = self.expr(tail)?;
                    self.set_next(head, body);
                }
                '=' | '!' => {
                    let (h, t) = self.create_group(true)?;
                    let body = self.expr(t)?;
                    self.set_next(h, body);
                    head = self.add(if ch == u32::from(b'=') { Kind::Pos(h) } else { Kind::Neg(h) })?;
                    tail = head;
                }
                '>' => {
                    let (h, t) = self.create_group(true)?;
                    let body = self.expr(t)?;
                    self.set_next(h, body);
                    head = self.add(Kind::Ques(h, Qtype::Independent))?;
                    tail = head;
                }
                '<' => {
                    let ch = self.read()?;
                    if ch != u32::from(b'=') && ch != u32::from(b'!') {
                        let name = self.groupname(ch)?;
                        if self.named_groups.iter().any(|(n, _)| *n == name) {
                            return Err(self.error(format!("Named capturing group <{name}> is already defined")));
                        }
                        capturing = true;
                        (head, tail) = self.create_group(false)?;
                        self.named_groups.push((name, self.capturing_group_count - 1));
                        let body = self.expr(tail)?;
                        self.set_next(head, body);
                    } else {
                        let start = self.cursor;
                        let (h, t) = self.create_group(true)?;
                        let body = self.expr(t)?;
                        self.set_next(h, body);
                        self.set_next(t, LOOKBEHIND_END);
                        let mut info = TreeInfo::new();
                        study(&self.nodes, h, &mut info);
                        if !info.max_valid {
                            return Err(self.error("Look-behind group does not have an obvious maximum length"));
                        }
                        let supplementary = self
                            .temp
                            .get(start..self.pattern_length)
                            .unwrap_or_default()
                            .iter()
                            .any(|&c| is_supplementary(c));
                        head = self.add(Kind::Behind {
                            cond: h,
                            rmax: info.max,
                            rmin: info.min,
                            supplementary,
                            negated: ch == u32::from(b'!'),
                        })?;
                        tail = head;
                        self.top_closure_nodes.truncate(save_tcn);
                    }
                }
                '$' | '@' => return Err(self.error("Unknown group type")),
                _ => {
                    self.unread();
                    self.add_flag()?;
                    let ch = self.read()?;
                    if ch == u32::from(b')') {
                        return Ok(None);
                    }
                    if ch != u32::from(b':') {
                        return Err(self.error("Unknown inline modifier"));
                    }
                    (head, tail) = self.create_group(true)?;
                    let body = self.expr(tail)?;
                    self.set_next(head, body);
                }
            }
        } else {
            capturing = true;
            (head, tail) = self.create_group(false)?;
            let body = self.expr(tail)?;
            self.set_next(head, body);
        }
        self.accept(u32::from(b')'), "Unclosed group")?;
        self.flags0 = save;

        let node = self.closure(head)?;
        if node == head {
            return Ok(Some((node, tail)));
        }
        if head == tail {
            return Ok(Some((node, node)));
        }
        self.top_closure_nodes.truncate(save_tcn);
        let kind = self.nodes.get(node as usize).map(|n| n.kind.clone());
        match kind {
            Some(Kind::Ques(_, q)) => {
                if q == Qtype::Possessive {
                    return Ok(Some((node, node)));
                }
                let conn = self.add(Kind::BranchConn)?;
                self.set_next(tail, conn);
                let atoms = if q == Qtype::Greedy { vec![Some(head), None] } else { vec![None, Some(head)] };
                let b = self.add(Kind::Branch(atoms, conn))?;
                Ok(Some((b, conn)))
            }
            Some(Kind::Curly { cmin, cmax, qtype, .. }) => {
                if qtype == Qtype::Possessive {
                    return Ok(Some((node, node)));
                }
                let mut info = TreeInfo::new();
                if study(&self.nodes, head, &mut info) {
                    let (local, group) = match self.nodes.get(tail as usize).map(|n| &n.kind) {
                        Some(Kind::GroupTail { local, group }) => (*local, *group),
                        _ => return Err(self.error("Internal logic error")),
                    };
                    let atom = self.next_of(head);
                    let gc =
                        self.add(Kind::GroupCurly { atom, cmin, cmax, qtype, local, group, capture: capturing })?;
                    Ok(Some((gc, gc)))
                } else {
                    let begin = match self.nodes.get(head as usize).map(|n| &n.kind) {
                        Some(Kind::GroupHead(l)) => *l,
                        _ => return Err(self.error("Internal logic error")),
                    };
                    let count = self.local_count;
                    let lp = self.add(Kind::Loop {
                        body: head,
                        count,
                        begin,
                        cmin,
                        cmax,
                        pos_index: None,
                        lazy: qtype != Qtype::Greedy,
                    })?;
                    if qtype == Qtype::Greedy && cmax == MAX_REPS {
                        self.top_closure_nodes.push(lp);
                    }
                    let prolog = self.add(Kind::Prolog(lp))?;
                    self.local_count += 1;
                    self.set_next(tail, lp);
                    Ok(Some((prolog, lp)))
                }
            }
            _ => Err(self.error("Internal logic error")),
        }
    }

    fn add_flag(&mut self) -> R<()> {
        let mut ch = self.peek()?;
        loop {
            match char::from_u32(ch).unwrap_or('\0') {
                'i' => self.flags0 |= CASE_INSENSITIVE,
                'm' => self.flags0 |= MULTILINE,
                's' => self.flags0 |= DOTALL,
                'd' => self.flags0 |= UNIX_LINES,
                'u' => self.flags0 |= UNICODE_CASE,
                'c' => self.flags0 |= CANON_EQ,
                'x' => self.flags0 |= COMMENTS,
                'U' => self.flags0 |= UNICODE_CHARACTER_CLASS | UNICODE_CASE,
                '-' => {
                    self.next()?;
                    return self.sub_flag();
                }
                _ => return Ok(()),
            }
            ch = self.next()?;
        }
    }

    fn sub_flag(&mut self) -> R<()> {
        let mut ch = self.peek()?;
        loop {
            match char::from_u32(ch).unwrap_or('\0') {
                'i' => self.flags0 &= !CASE_INSENSITIVE,
                'm' => self.flags0 &= !MULTILINE,
                's' => self.flags0 &= !DOTALL,
                'd' => self.flags0 &= !UNIX_LINES,
                'u' => self.flags0 &= !UNICODE_CASE,
                'c' => self.flags0 &= !CANON_EQ,
                'x' => self.flags0 &= !COMMENTS,
                'U' => self.flags0 &= !(UNICODE_CHARACTER_CLASS | UNICODE_CASE),
                _ => return Ok(()),
            }
            ch = self.next()?;
        }
    }

    // ---- quantifiers ----

    fn qtype(&mut self) -> R<Qtype> {
        let ch = self.next()?;
        if ch == u32::from(b'?') {
            self.next()?;
            Ok(Qtype::Lazy)
        } else if ch == u32::from(b'+') {
            self.next()?;
            Ok(Qtype::Possessive)
        } else {
            Ok(Qtype::Greedy)
        }
    }

    fn curly(&mut self, prev: NodeId, cmin: i32) -> R<NodeId> {
        let q = self.qtype()?;
        if q == Qtype::Greedy {
            if let Some(Node { kind: Kind::Char(p), .. }) = self.nodes.get(prev as usize) {
                let p = p.clone();
                return self.add(Kind::CharGreedy(p, cmin));
            }
        }
        self.add(Kind::Curly { atom: prev, cmin, cmax: MAX_REPS, qtype: q })
    }

    fn closure(&mut self, prev: NodeId) -> R<NodeId> {
        match self.peek()? {
            0x3F => {
                let q = self.qtype()?;
                self.add(Kind::Ques(prev, q))
            }
            0x2A => self.curly(prev, 0),
            0x2B => self.curly(prev, 1),
            0x7B => {
                let mut ch = self.skip()?;
                if !is_digit(ch) {
                    return Err(self.error("Illegal repetition"));
                }
                let overflow = |this: &Self| this.error("Illegal repetition range");
                let mut cmin: i32 = 0;
                let cmax: i32;
                loop {
                    cmin = cmin
                        .checked_mul(10)
                        .and_then(|v| v.checked_add((ch - 0x30) as i32))
                        .ok_or_else(|| overflow(self))?;
                    ch = self.read()?;
                    if !is_digit(ch) {
                        break;
                    }
                }
                if ch == u32::from(b',') {
                    ch = self.read()?;
                    if ch == u32::from(b'}') {
                        self.unread();
                        return self.curly(prev, cmin);
                    }
                    let mut m: i32 = 0;
                    while is_digit(ch) {
                        m = m
                            .checked_mul(10)
                            .and_then(|v| v.checked_add((ch - 0x30) as i32))
                            .ok_or_else(|| overflow(self))?;
                        ch = self.read()?;
                    }
                    cmax = m;
                } else {
                    cmax = cmin;
                }
                if ch != u32::from(b'}') {
                    return Err(self.error("Unclosed counted closure"));
                }
                if cmax < cmin {
                    return Err(self.error("Illegal repetition range"));
                }
                self.unread();
                let q = self.qtype()?;
                if cmin == 0 && cmax == 1 {
                    self.add(Kind::Ques(prev, q))
                } else {
                    self.add(Kind::Curly { atom: prev, cmin, cmax, qtype: q })
                }
            }
            _ => Ok(prev),
        }
    }

    // ---- escapes with operands ----

    fn c_escape(&mut self) -> R<u32> {
        if self.cursor < self.pattern_length {
            return Ok(self.read()? ^ 64);
        }
        Err(self.error("Illegal control escape sequence"))
    }

    fn o(&mut self) -> R<u32> {
        let oct = |c: u32| (0x30..=0x37).contains(&c);
        let n = self.read()?;
        if oct(n) {
            let m = self.read()?;
            if oct(m) {
                let o = self.read()?;
                if oct(o) && (0x30..=0x33).contains(&n) {
                    return Ok((n - 0x30) * 64 + (m - 0x30) * 8 + (o - 0x30));
                }
                self.unread();
                return Ok((n - 0x30) * 8 + (m - 0x30));
            }
            self.unread();
            return Ok(n - 0x30);
        }
        Err(self.error("Illegal octal escape sequence"))
    }

    fn x_escape(&mut self) -> R<u32> {
        let n = self.read()?;
        if ctype::is(n, ctype::HEX) {
            let m = self.read()?;
            if ctype::is(m, ctype::HEX) {
                return Ok(hex_value(n) * 16 + hex_value(m));
            }
        } else if n == u32::from(b'{') && ctype::is(self.peek()?, ctype::HEX) {
            let mut ch: u32 = 0;
            let mut n;
            loop {
                n = self.read()?;
                if !ctype::is(n, ctype::HEX) {
                    break;
                }
                ch = (ch << 4) + hex_value(n);
                if ch > 0x10FFFF {
                    return Err(self.error("Hexadecimal codepoint is too big"));
                }
            }
            if n != u32::from(b'}') {
                return Err(self.error("Unclosed hexadecimal escape sequence"));
            }
            return Ok(ch);
        }
        Err(self.error("Illegal hexadecimal escape sequence"))
    }

    fn uxxxx(&mut self) -> R<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let ch = self.read()?;
            if !ctype::is(ch, ctype::HEX) {
                return Err(self.error("Illegal Unicode escape sequence"));
            }
            n = n * 16 + hex_value(ch);
        }
        Ok(n)
    }

    fn u_escape(&mut self) -> R<u32> {
        let n = self.uxxxx()?;
        if (0xD800..=0xDBFF).contains(&n) {
            let cur = self.cursor;
            if self.read()? == u32::from(b'\\') && self.read()? == u32::from(b'u') {
                let n2 = self.uxxxx()?;
                if (0xDC00..=0xDFFF).contains(&n2) {
                    return Ok(0x10000 + ((n - 0xD800) << 10) + (n2 - 0xDC00));
                }
            }
            self.cursor = cur;
        }
        Ok(n)
    }

    fn n_escape(&mut self) -> R<u32> {
        if self.read()? == u32::from(b'{') {
            let i = self.cursor;
            while self.read()? != u32::from(b'}') {
                if self.cursor >= self.pattern_length {
                    return Err(self.error("Unclosed character name escape sequence"));
                }
            }
            let name = ch_string(self.temp.get(i..self.cursor - 1).unwrap_or_default());
            return match crate::names::code_point_of(&name) {
                Some(cp) => Ok(cp),
                None => Err(self.error(format!("Unknown character name [{name}]"))),
            };
        }
        Err(self.error("Illegal character name escape sequence"))
    }
}

fn hex_value(ch: u32) -> u32 {
    match ch {
        0x30..=0x39 => ch - 0x30,
        0x41..=0x46 => ch - 0x41 + 10,
        0x61..=0x66 => ch - 0x61 + 10,
        _ => 0,
    }
}

/// `String.toLowerCase(Locale.ENGLISH)` for property keys (`\p{blK=…}` with a Kelvin sign
/// is `blk`, as in Java).
fn java_lower_english(s: &str) -> String {
    s.to_lowercase()
}

fn cat(mask: u32) -> Option<Pred> {
    Some(Pred::Category(mask))
}

const LU: u32 = 1 << gc::LU;
const LL: u32 = 1 << gc::LL;
const LT: u32 = 1 << gc::LT;

/// `CharPredicates.forProperty` (case-sensitive names).
fn for_property(name: &str, ci: bool) -> Option<Pred> {
    use CharClass as C;
    let case3 = LU | LL | LT;
    let cls = |c: C| Some(Pred::Class(c));
    let cased = |c: C| {
        if ci {
            Some(Pred::Or(vec![Pred::Class(C::LowerCase), Pred::Class(C::UpperCase), Pred::Class(C::TitleCase)]))
        } else {
            Some(Pred::Class(c))
        }
    };
    match name {
        "Cn" => cat(1 << gc::UNASSIGNED),
        "Lu" => cat(if ci { case3 } else { LU }),
        "Ll" => cat(if ci { case3 } else { LL }),
        "Lt" => cat(if ci { case3 } else { LT }),
        "Lm" => cat(1 << 4),
        "Lo" => cat(1 << 5),
        "Mn" => cat(1 << 6),
        "Me" => cat(1 << 7),
        "Mc" => cat(1 << 8),
        "Nd" => cat(1 << 9),
        "Nl" => cat(1 << 10),
        "No" => cat(1 << 11),
        "Zs" => cat(1 << 12),
        "Zl" => cat(1 << 13),
        "Zp" => cat(1 << 14),
        "Cc" => cat(1 << 15),
        "Cf" => cat(1 << 16),
        "Co" => cat(1 << 18),
        "Cs" => cat(1 << 19),
        "Pd" => cat(1 << 20),
        "Ps" => cat(1 << 21),
        "Pe" => cat(1 << 22),
        "Pc" => cat(1 << 23),
        "Po" => cat(1 << 24),
        "Sm" => cat(1 << 25),
        "Sc" => cat(1 << 26),
        "Sk" => cat(1 << 27),
        "So" => cat(1 << 28),
        "Pi" => cat(1 << 29),
        "Pf" => cat(1 << 30),
        "L" => cat(LU | LL | LT | 1 << 4 | 1 << 5),
        "M" => cat(1 << 6 | 1 << 7 | 1 << 8),
        "N" => cat(1 << 9 | 1 << 10 | 1 << 11),
        "Z" => cat(1 << 12 | 1 << 13 | 1 << 14),
        "C" => cat(1 << 15 | 1 << 16 | 1 << 18 | 1 << 19 | 1 << gc::UNASSIGNED),
        "P" => cat(1 << 20 | 1 << 21 | 1 << 22 | 1 << 23 | 1 << 24 | 1 << 29 | 1 << 30),
        "S" => cat(1 << 25 | 1 << 26 | 1 << 27 | 1 << 28),
        "LC" => cat(LU | LL | LT),
        "LD" => cat(LU | LL | LT | 1 << 4 | 1 << 5 | 1 << 9),
        "L1" => Some(Pred::Range(0, 0xFF)),
        "all" => Some(Pred::All),
        "ASCII" => Some(Pred::Range(0, 0x7F)),
        "Alnum" => Some(Pred::Ctype(ctype::ALNUM)),
        "Alpha" => Some(Pred::Ctype(ctype::ALPHA)),
        "Blank" => Some(Pred::Ctype(ctype::BLANK)),
        "Cntrl" => Some(Pred::Ctype(ctype::CNTRL)),
        "Digit" => Some(Pred::Range(0x30, 0x39)),
        "Graph" => Some(Pred::Ctype(ctype::GRAPH)),
        "Lower" => Some(if ci { Pred::Ctype(ctype::ALPHA) } else { Pred::Range(0x61, 0x7A) }),
        "Print" => Some(Pred::Range(0x20, 0x7E)),
        "Punct" => Some(Pred::Ctype(ctype::PUNCT)),
        "Space" => Some(Pred::Ctype(ctype::SPACE)),
        "Upper" => Some(if ci { Pred::Ctype(ctype::ALPHA) } else { Pred::Range(0x41, 0x5A) }),
        "XDigit" => Some(Pred::Ctype(ctype::HEX)),
        "javaLowerCase" => cased(C::LowerCase),
        "javaUpperCase" => cased(C::UpperCase),
        "javaAlphabetic" => cls(C::Alphabetic),
        "javaIdeographic" => cls(C::Ideographic),
        "javaTitleCase" => cased(C::TitleCase),
        "javaDigit" => cls(C::Digit),
        "javaDefined" => cls(C::Defined),
        "javaLetter" => cls(C::Letter),
        "javaLetterOrDigit" => cls(C::LetterOrDigit),
        "javaJavaIdentifierStart" => cls(C::JavaIdentifierStart),
        "javaJavaIdentifierPart" => cls(C::JavaIdentifierPart),
        "javaUnicodeIdentifierStart" => cls(C::UnicodeIdentifierStart),
        "javaUnicodeIdentifierPart" => cls(C::UnicodeIdentifierPart),
        "javaIdentifierIgnorable" => cls(C::IdentifierIgnorable),
        "javaSpaceChar" => cls(C::SpaceChar),
        "javaWhitespace" => cls(C::Whitespace),
        "javaISOControl" => cls(C::IsoControl),
        "javaMirrored" => cls(C::Mirrored),
        _ => None,
    }
}

/// `CharPredicates.getPosixPredicate` (`name` upper-cased).
fn for_posix_name(name: &str, ci: bool) -> Option<Pred> {
    use CharClass as C;
    let cased = |first: C| {
        Some(if ci {
            Pred::Or(vec![Pred::Class(C::LowerCase), Pred::Class(C::UpperCase), Pred::Class(C::TitleCase)])
        } else {
            Pred::Class(first)
        })
    };
    let c = |k: C| Some(Pred::Class(k));
    match name {
        "ALPHA" => c(C::Alphabetic),
        "LOWER" => cased(C::LowerCase),
        "UPPER" => cased(C::UpperCase),
        "SPACE" => c(C::WhiteSpace),
        "PUNCT" => c(C::Punctuation),
        "XDIGIT" => c(C::HexDigit),
        "ALNUM" => c(C::Alnum),
        "CNTRL" => c(C::Control),
        "DIGIT" => c(C::Digit),
        "BLANK" => c(C::Blank),
        "GRAPH" => c(C::Graph),
        "PRINT" => c(C::Print),
        _ => None,
    }
}

/// `CharPredicates.forUnicodeProperty`: binary properties, then POSIX names.
fn for_unicode_property(name: &str, ci: bool) -> Option<Pred> {
    use CharClass as C;
    let upper = unicode::java_upper_root(name);
    let cased = |first: C| {
        Some(if ci {
            Pred::Or(vec![Pred::Class(C::LowerCase), Pred::Class(C::UpperCase), Pred::Class(C::TitleCase)])
        } else {
            Pred::Class(first)
        })
    };
    let c = |k: C| Some(Pred::Class(k));
    let p = match upper.as_str() {
        "ALPHABETIC" => c(C::Alphabetic),
        "ASSIGNED" => c(C::Assigned),
        "CONTROL" => c(C::Control),
        "HEXDIGIT" | "HEX_DIGIT" => c(C::HexDigit),
        "IDEOGRAPHIC" => c(C::Ideographic),
        "JOINCONTROL" | "JOIN_CONTROL" => c(C::JoinControl),
        "LETTER" => c(C::Letter),
        "LOWERCASE" => cased(C::LowerCase),
        "NONCHARACTERCODEPOINT" | "NONCHARACTER_CODE_POINT" => c(C::NoncharacterCodePoint),
        "TITLECASE" => cased(C::TitleCase),
        "PUNCTUATION" => c(C::Punctuation),
        "UPPERCASE" => cased(C::UpperCase),
        "WHITESPACE" | "WHITE_SPACE" => c(C::WhiteSpace),
        "WORD" => c(C::Word),
        _ => None,
    };
    p.or_else(|| for_posix_name(&upper, ci))
}
