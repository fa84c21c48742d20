//! Per-schema facts the engine needs on every object, computed once per schema and cached:
//! hashes of the field names (key lookup is a hash compare, then one string compare), which
//! fields are required, which values the rules read, and the rules with field indices resolved.

use std::cell::{Cell, RefCell};

use super::MAX_FIELDS;
use crate::schema::{Condition, Literal, Rule, Schema};

/// A rule's condition with its field resolved.
#[derive(Clone, Copy)]
pub(super) struct Cond {
    pub field: usize,
    pub source: Condition,
}

/// A rule with its fields resolved to indices.
pub(super) enum Planned {
    RequiredIf { field: usize, when: Cond },
    AnyOf { fields: Vec<usize>, names: &'static [&'static str] },
    EqualsIf { field: usize, value: Literal, when: Cond },
    AtMostOneFlag { array: usize, flag: &'static str },
}

pub(super) struct Plan {
    /// FNV-1a hash of each field name.
    hashes: Vec<u64>,
    /// Open-addressed table from [`key_hash`] to field index + 1 (0: empty slot), for the JSON
    /// text reader, which hashes a key from two word loads instead of byte by byte.
    keys: Vec<u8>,
    /// `keys.len() - 1` (a power of two minus one).
    key_mask: usize,
    /// Each field name's [`key_words`] and length, side by side, to compare a key without a
    /// byte loop (and without reaching into the 120-byte `Field`s on the hot path).
    words: Vec<(u64, u64, usize)>,
    /// The JSON text reader's guess of a member's field from the one before it (index + 1;
    /// slot 0 for the first member): the field that followed it last time. Records of one
    /// file mostly list their keys in one order, so the reader usually confirms the guess
    /// with two word compares instead of scanning and hashing the key. Plans are per thread,
    /// so a `Cell` is enough.
    guess: Vec<Cell<Guess>>,
    /// Fields that must be given (required and not read-only).
    pub required: u64,
    /// Fields whose values some rule reads.
    pub captured: u64,
    pub rules: Vec<Planned>,
}

/// FNV-1a: tiny, and good enough to tell a schema's field names apart.
pub(super) fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// A key's hash for [`Plan::field_of_bytes`], from its length and its first and last (up to)
/// eight bytes: field names of one schema differ in one of those, so probes are short, and the
/// JSON text reader gets both words with two loads ([`key_words`]).
#[inline]
pub(super) fn key_hash(head: u64, tail: u64, len: usize) -> usize {
    let h = (head ^ tail.rotate_left(29) ^ (len as u64)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 40) as usize
}

/// Equal bytes from 8 to `len - 8` of two slices of one length (the rest is compared as
/// [`key_words`]), a word at a time.
#[inline]
fn same_middle(a: &[u8], b: &[u8]) -> bool {
    let word = |s: &[u8], i: usize| s.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()).map(u64::from_le_bytes);
    let mut i = 8;
    while i + 8 < a.len() {
        if word(a, i) != word(b, i) {
            return false;
        }
        i += 8;
    }
    true
}

/// The first and last (up to) eight bytes of `key`, little-endian, zero-padded.
#[inline]
pub(super) fn key_words(key: &[u8]) -> (u64, u64) {
    let word = |b: &[u8]| {
        let mut w = [0u8; 8];
        let k = b.len().min(8);
        w[..k].copy_from_slice(&b[..k]);
        u64::from_le_bytes(w)
    };
    (word(key), word(&key[key.len().saturating_sub(8)..]))
}

pub(super) fn bit(fi: usize) -> u64 {
    1u64 << (fi % MAX_FIELDS)
}

impl Plan {
    fn new(schema: &'static Schema) -> Plan {
        let fields = &schema.fields[..schema.fields.len().min(MAX_FIELDS)];
        let index = |name: &str| fields.iter().position(|f| f.name == name);
        let cond = |c: Condition| index(c.field()).map(|field| Cond { field, source: c });
        let mut captured = 0;
        let mut rules = Vec::new();
        for rule in schema.rules {
            let planned = match *rule {
                Rule::RequiredIf { field, when } => index(field).zip(cond(when)).map(|(field, when)| {
                    captured |= bit(when.field);
                    Planned::RequiredIf { field, when }
                }),
                Rule::AnyOf { fields: names } => {
                    let fields: Vec<usize> = names.iter().filter_map(|n| index(n)).collect();
                    (fields.len() == names.len()).then_some(Planned::AnyOf { fields, names })
                }
                Rule::EqualsIf { field, value, when } => index(field).zip(cond(when)).map(|(field, when)| {
                    captured |= bit(field) | bit(when.field);
                    Planned::EqualsIf { field, value, when }
                }),
                Rule::AtMostOneFlag { array, flag } => index(array).map(|array| Planned::AtMostOneFlag { array, flag }),
            };
            // A rule naming an unknown field is a model bug (a model test forbids it); skip it
            // rather than panic.
            rules.extend(planned);
        }
        let required = fields.iter().enumerate().filter(|(_, f)| f.must_be_given()).fold(0, |m, (i, _)| m | bit(i));
        let slots = (fields.len() * 4).next_power_of_two().max(16);
        let mut keys = vec![0u8; slots];
        for (i, f) in fields.iter().enumerate() {
            let (head, tail) = key_words(f.name.as_bytes());
            let mut at = key_hash(head, tail, f.name.len()) & (slots - 1);
            while keys[at] != 0 {
                at = (at + 1) & (slots - 1);
            }
            keys[at] = i as u8 + 1;
        }
        Plan {
            hashes: fields.iter().map(|f| hash(f.name)).collect(),
            keys,
            key_mask: slots - 1,
            words: fields
                .iter()
                .map(|f| {
                    let (head, tail) = key_words(f.name.as_bytes());
                    (head, tail, f.name.len())
                })
                .collect(),
            guess: (0..=fields.len()).map(|_| Cell::new(Guess::NONE)).collect(),
            required,
            captured,
            rules,
        }
    }

    /// The index of the field called `key` in `schema` (the schema this plan is for).
    pub fn field(&self, schema: &Schema, key: &str) -> Option<usize> {
        let h = hash(key);
        self.hashes
            .iter()
            .enumerate()
            .find(|&(i, &fh)| fh == h && schema.fields.get(i).is_some_and(|f| f.name == key))
            .map(|(i, _)| i)
    }

    /// The index of the field whose name is the bytes `key`, given its [`key_words`] (the
    /// JSON text reader's lookup: a hash of the words, then the words compared, and only the
    /// middle of names longer than 16 bytes compared word by word).
    #[inline]
    pub fn field_of_key(&self, schema: &Schema, key: &[u8], (head, tail): (u64, u64)) -> Option<usize> {
        let mut at = key_hash(head, tail, key.len()) & self.key_mask;
        loop {
            let slot = *self.keys.get(at)?;
            if slot == 0 {
                return None;
            }
            let fi = usize::from(slot - 1);
            if self.words.get(fi) == Some(&(head, tail, key.len())) {
                let name = schema.fields.get(fi).map_or(&b""[..], |f| f.name.as_bytes());
                if name.len() == key.len() && same_middle(name, key) {
                    return Some(fi);
                }
            }
            at = (at + 1) & self.key_mask;
        }
    }

    /// The field a member probably names, after the member of field `prev` (`None`: the first
    /// member), with its name's words; see `guess`.
    #[inline]
    pub fn guess(&self, prev: Option<usize>) -> Guess {
        self.guess.get(prev.map_or(0, |p| p + 1)).map_or(Guess::NONE, Cell::get)
    }

    /// Remembers that field `fi` followed field `prev`.
    #[inline]
    pub fn learn(&self, prev: Option<usize>, fi: usize) {
        if let (Some(slot), Some(&(head, tail, len))) = (self.guess.get(prev.map_or(0, |p| p + 1)), self.words.get(fi))
        {
            slot.set(Guess { head, tail, len: len as u32, field: fi as u8 + 1 });
        }
    }

    /// The guessed field and its name's length when `key` (bytes starting with a member name,
    /// which run on past it) starts with that name followed by `"`. Everything the common case
    /// needs is in `g`, so nothing waits on a second lookup.
    #[inline]
    pub fn confirm(&self, schema: &Schema, g: Guess, key: &[u8]) -> Option<(usize, usize)> {
        let fi = usize::from(g.field.checked_sub(1)?);
        let n = g.len as usize;
        if key.get(n) != Some(&b'"') {
            return None;
        }
        let word = |i: usize| key.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()).map(u64::from_le_bytes);
        let same = match word(0) {
            None => schema.fields.get(fi).is_some_and(|f| key.get(..n) == Some(f.name.as_bytes())),
            Some(first) if n < 8 => first & ((1u64 << (8 * n)) - 1) == g.head,
            Some(first) => {
                first == g.head
                    && word(n - 8) == Some(g.tail)
                    && (n <= 16 || schema.fields.get(fi).is_some_and(|f| same_middle(f.name.as_bytes(), &key[..n])))
            }
        };
        same.then_some((fi, n))
    }

    /// The flag an `AtMostOneFlag` rule checks in the items of array field `fi`, with its
    /// index among the fields of the items' schema (the JSON text reader's form: no lookup per item).
    pub fn flag_field_of_array(&self, schema: &Schema, fi: usize) -> Option<(&'static str, Option<usize>)> {
        let flag = self.flag_of_array(fi)?;
        let index = match schema.fields.get(fi).map(|f| f.kind) {
            Some(crate::schema::Kind::Array(a)) => match a.items {
                crate::schema::Kind::Object(items) => items.fields.iter().position(|f| f.name == flag),
                _ => None,
            },
            _ => None,
        };
        Some((flag, index))
    }

    /// The flag an `AtMostOneFlag` rule checks in the items of array field `fi`.
    pub fn flag_of_array(&self, fi: usize) -> Option<&'static str> {
        self.rules.iter().find_map(|r| match *r {
            Planned::AtMostOneFlag { array, flag } if array == fi => Some(flag),
            _ => None,
        })
    }
}

/// A guess of the next member's field: its index + 1 (0: no guess) and its name's words and
/// length ([`key_words`]).
#[derive(Clone, Copy)]
pub(super) struct Guess {
    head: u64,
    tail: u64,
    len: u32,
    field: u8,
}

impl Guess {
    const NONE: Guess = Guess { head: 0, tail: 0, len: 0, field: 0 };

    /// The field guessed.
    pub fn field(self) -> Option<usize> {
        self.field.checked_sub(1).map(usize::from)
    }
}

thread_local! {
    /// The plans met so far, by schema address, in the order first used. Plans are leaked on
    /// purpose: there is one per static schema, so memory is bounded by the model, and a
    /// `&'static Plan` needs no reference counting on the hot path. A list, not a hash map:
    /// the model has a few dozen schemas, a walk meets the few it uses first, and a short
    /// scan of addresses is cheaper than hashing (bulk NDJSON asks three times a line).
    static PLANS: RefCell<Vec<(usize, &'static Plan)>> = const { RefCell::new(Vec::new()) };
}

/// The plan of `schema`, computed on first use.
pub(super) fn plan(schema: &'static Schema) -> &'static Plan {
    let key = schema as *const Schema as usize;
    PLANS.with(|plans| {
        if let Some(&(_, p)) = plans.borrow().iter().find(|(k, _)| *k == key) {
            return p;
        }
        let p: &'static Plan = Box::leak(Box::new(Plan::new(schema)));
        plans.borrow_mut().push((key, p));
        p
    })
}
