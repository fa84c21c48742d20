//! A whole-string DFA over UTF-8 bytes, as a table: regex-automata builds and minimizes the
//! dense DFA here, at build time; we keep its byte classes, its transitions renumbered from
//! the start state (0), which states accept at the end of the input, and its dead state.

use regex_automata::dfa::{dense, Automaton, StartKind};
use regex_automata::nfa::thompson;
use regex_automata::util::start;
use regex_automata::Anchored;
use regex_syntax::hir::{Hir, Look};

use crate::{syntax, Error};

/// The table form of a DFA: from state `s` on byte `b` go to
/// `next[s * stride + classes[b]]`; the input matches if the state reached at its end accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DfaTable {
    pub classes: Vec<u8>,
    pub stride: usize,
    pub next: Vec<u16>,
    pub accept: Vec<bool>,
    /// The state no input leaves (the runner stops there).
    pub dead: u16,
}

impl DfaTable {
    pub fn is_match(&self, value: &str) -> bool {
        let mut s = 0usize;
        for &b in value.as_bytes() {
            s = usize::from(self.next[s * self.stride + usize::from(self.classes[usize::from(b)])]);
            if s == usize::from(self.dead) {
                return false;
            }
        }
        self.accept[s]
    }
}

/// Builds the table of `hir`, matched against the whole value.
pub(crate) fn build(hir: &Hir) -> Result<DfaTable, Error> {
    let whole = Hir::concat(vec![Hir::look(Look::Start), hir.clone(), Hir::look(Look::End)]);
    let nfa = thompson::Compiler::new().build_from_hir(&whole).map_err(|e| syntax(e.to_string()))?;
    let dfa = dense::Builder::new()
        .configure(dense::Config::new().minimize(true).start_kind(StartKind::Anchored))
        .build_from_nfa(&nfa)
        .map_err(|e| syntax(e.to_string()))?;
    let byte_classes = dfa.byte_classes();
    // The alphabet ends with the end-of-input class, which is not a byte.
    let stride = byte_classes.alphabet_len() - 1;
    let classes: Vec<u8> = (0..=255u8).map(|b| byte_classes.get(b)).collect();
    let mut representative = vec![0u8; stride];
    for b in (0..=255u8).rev() {
        representative[usize::from(byte_classes.get(b))] = b;
    }
    let first = dfa.start_state(&start::Config::new().anchored(Anchored::Yes)).map_err(|e| syntax(e.to_string()))?;
    let mut states = vec![first];
    let mut next = Vec::new();
    let mut i = 0;
    while i < states.len() {
        let s = states[i];
        i += 1;
        for &b in &representative {
            let t = dfa.next_state(s, b);
            let id = match states.iter().position(|&x| x == t) {
                Some(id) => id,
                None => {
                    states.push(t);
                    states.len() - 1
                }
            };
            next.push(u16::try_from(id).map_err(|_| syntax("the DFA has more than 65,536 states"))?);
        }
    }
    if states.iter().any(|&s| dfa.is_quit_state(s)) {
        return Err(syntax("the DFA has quit states (a Unicode word boundary?)"));
    }
    let accept = states.iter().map(|&s| dfa.is_match_state(dfa.next_eoi_state(s))).collect();
    // Every complete dense DFA has a dead state; a pattern that can always still match
    // (`.*`) never reaches it, and then no state is numbered `states.len()`.
    let dead = states.iter().position(|&s| dfa.is_dead_state(s)).unwrap_or(states.len());
    let dead = u16::try_from(dead).map_err(|_| syntax("the DFA has more than 65,536 states"))?;
    Ok(DfaTable { classes, stride, next, accept, dead })
}
