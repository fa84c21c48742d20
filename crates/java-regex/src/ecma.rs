//! `Regex::to_ecmascript`: an equivalent ECMAScript pattern, when one exists.

use crate::prog::{Node, NodeId};

/// Translates the program to an ECMAScript `u`-flag pattern with the same whole-string
/// language, or `None`.
pub(crate) fn translate(_nodes: &[Node], _start: NodeId, _groups: u32) -> Option<String> {
    None
}
