//! Prints the differential test's generated corpus (tests/common/gen.rs) for tests that hold
//! other layers to java.util.regex, such as elevate-billing's package-level differential test
//! (tests/js/java-differential.test.mjs): one line per pattern, `PATTERN_HEX \t INPUT_HEX …`,
//! strings as UTF-16 code units in 4 hex digits each (tests/oracle/Oracle.java's input).
//!
//! `cargo run -p java-regex --example corpus -- SEED COUNT`. One pattern in ten gets a lone
//! surrogate (or a pair) between its characters, as a JavaScript string may hold.

#[path = "../tests/common/gen.rs"]
mod gen;

use gen::{gen_input, gen_regex, pattern_chars, Rng};

fn hex(units: &[u16]) -> String {
    units.iter().map(|u| format!("{u:04x}")).collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let count: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let mut r = Rng(seed | 1);
    let mut out = String::new();
    for _ in 0..count {
        let source = gen_regex(&mut r, 0, &mut Vec::new());
        let mut pattern: Vec<u16> = source.encode_utf16().collect();
        if r.chance(10) {
            let at = r.below(pattern.len() + 1);
            let inside_pair = at > 0 && at < pattern.len() && (0xDC00..0xE000).contains(&pattern[at]);
            if !inside_pair {
                let ins: Vec<u16> = match r.below(3) {
                    0 => vec![0xD800 + r.below(0x400) as u16],
                    1 => vec![0xDC00 + r.below(0x400) as u16],
                    _ => vec![0xD83D, 0xDE00],
                };
                pattern.splice(at..at, ins);
            }
        }
        let extra = pattern_chars(&source);
        out.push_str(&hex(&pattern));
        for _ in 0..12 {
            out.push('\t');
            out.push_str(&hex(&gen_input(&mut r, &extra)));
        }
        out.push('\n');
    }
    print!("{out}");
}
