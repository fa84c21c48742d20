//! Per-schema facts the engine needs on every object, computed once per schema and cached:
//! hashes of the field names (key lookup is a hash compare, then one string compare), which
//! fields are required, which values the rules read, and the rules with field indices resolved.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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
        Plan { hashes: fields.iter().map(|f| hash(f.name)).collect(), required, captured, rules }
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

    /// The flag an `AtMostOneFlag` rule checks in the items of array field `fi`.
    pub fn flag_of_array(&self, fi: usize) -> Option<&'static str> {
        self.rules.iter().find_map(|r| match *r {
            Planned::AtMostOneFlag { array, flag } if array == fi => Some(flag),
            _ => None,
        })
    }
}

/// Hashes a schema's address (already unique and well spread).
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

thread_local! {
    /// Plans are leaked on purpose: there is one per static schema, so memory is bounded by
    /// the model, and a `&'static Plan` needs no reference counting on the hot path.
    static PLANS: RefCell<HashMap<usize, &'static Plan, BuildHasherDefault<AddressHasher>>> =
        RefCell::new(HashMap::default());
}

/// The plan of `schema`, computed on first use.
pub(super) fn plan(schema: &'static Schema) -> &'static Plan {
    let key = schema as *const Schema as usize;
    PLANS.with(|plans| {
        if let Some(p) = plans.borrow().get(&key) {
            return *p;
        }
        let p: &'static Plan = Box::leak(Box::new(Plan::new(schema)));
        plans.borrow_mut().insert(key, p);
        p
    })
}
