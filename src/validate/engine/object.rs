//! What every reader of objects shares once an object's members are read: the required
//! fields, the cross-field rules and flag uniqueness ([`rules`]), over what the reader kept
//! ([`Given`]). The serde seed ([`super::seed`]) and the JSON text reader ([`super::text`])
//! both end each object here, so the two cannot disagree on a rule.

use super::plan::{bit, Plan, Planned};
use super::{Seg, Walker, MAX_FIELDS};
use crate::rules::condition;
use crate::rules::issue::IssueKind;
use crate::rules::{any_of, equals_if, required, required_if, single_flag};
use crate::schema::Schema;

/// What an object reader kept of the members it read.
pub(super) trait Given: condition::Members {
    /// Fields whose key was given (even with `null`).
    fn given(&self) -> u64;
    /// Fields given with a value.
    fn present_mask(&self) -> u64;
    /// The member position of a given field (its last occurrence).
    fn at(&self, fi: usize) -> u32;
    /// Members read.
    fn count(&self) -> u32;
    /// Each array field read with a flag, with its flagged items `(item index, flag position)`.
    fn each_flags(&self, f: impl FnMut(usize, &[(usize, u32)]));
}

/// Required fields, conditional rules and flag uniqueness, once every member was read. The
/// order issues are emitted in does not matter: their positions sort them. Each field is
/// reported at most once (the first rule that finds it missing or wrong wins).
pub(super) fn rules(w: &mut Walker, schema: &'static Schema, plan: &Plan, m: &impl Given) {
    let name = |fi: usize| schema.fields.get(fi).map_or("", |f| f.name);
    // A missing field sorts after every member; a null one stays at its place.
    let at = |fi: usize| if m.given() & bit(fi) != 0 { m.at(fi) as usize } else { m.count() as usize + fi };
    let report = |w: &mut Walker, fi: usize, kind: IssueKind| {
        w.enter(Seg::Name(name(fi)), at(fi));
        w.emit(kind);
        w.leave();
    };
    let mut reported = 0u64;
    let missing_required = plan.required & !m.present_mask();
    if missing_required != 0 {
        for fi in 0..schema.fields.len().min(MAX_FIELDS) {
            if missing_required & bit(fi) != 0 {
                report(w, fi, required::issue());
            }
        }
        reported |= missing_required;
    }
    for rule in &plan.rules {
        let (target, issue) = match rule {
            Planned::RequiredIf { field, when } => (*field, required_if::check(*field, when.field, when.source, m)),
            Planned::AnyOf { fields, names } => (fields.first().copied().unwrap_or(0), any_of::check(fields, names, m)),
            Planned::EqualsIf { field, value, when } => {
                (*field, equals_if::check(*field, *value, when.field, when.source, m))
            }
            Planned::AtMostOneFlag { .. } => continue,
        };
        if let Some(issue) = issue.filter(|_| reported & bit(target) == 0) {
            report(w, target, issue);
            reported |= bit(target);
        }
    }
    // At most one item of an array may have its flag set; report the second and later.
    m.each_flags(|fi, items| {
        let Some(&(first, _)) = items.first() else { return };
        let Some(flag) = plan.flag_of_array(fi) else { return };
        for &(item, pos) in items.iter().skip(1) {
            w.enter(Seg::Name(name(fi)), m.at(fi) as usize);
            w.enter(Seg::Index(item), item);
            w.enter(Seg::Name(flag), pos as usize);
            w.emit(single_flag::issue(first));
            w.leave();
            w.leave();
            w.leave();
        }
    });
}
