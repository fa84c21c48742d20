//! Differential test: java.util.regex itself (`java Oracle.java`, one JVM per run) against
//! this crate, on generated patterns and strings. Compile verdicts (accept/refuse, and for a
//! refusal Java's description and index) and match verdicts must agree.
//!
//! - Seeded: the seed is printed; `JAVA_REGEX_SEED=n` reproduces a run,
//!   `JAVA_REGEX_PATTERNS=n` sets the number of generated patterns.
//! - Runs when `java` is on PATH; with `ELEVATE_REQUIRE_JAVA=1` (CI) a missing JVM fails.
//! - Unicode versions: Java 17 follows Unicode 13, our tables Unicode 16 (decisions R15).
//!   Generated strings use a fixed adversarial alphabet whose code points all have
//!   Age <= 13.0, and generated patterns name only scripts and blocks Unicode 13 has, so
//!   the difference never shows here; tests/regressions.rs pins it (`\p{IsKawi}`).
//! - `\N{name}` with a real character name and `(?c)` (CANON_EQ) are not generated: both
//!   are documented gaps, pinned in tests/regressions.rs.
//! - A failure prints a shrunk case (pattern and input, minimal by deletion).

mod common;
use common::gen::{gen_input, gen_regex, pattern_chars, Rng};
use common::{java_available, ours, ours_utf16, Oracle, Verdict};

const FIXED: &[&str] = &[
    "[[:alpha:]]+",
    "a\\Z",
    "(?m)^$",
    "(?x)a\u{a0}b",
    "(?i)[^\\p{Lu}]",
    "[a&&]",
    "(?d).",
    "(?i)\\p{Lu}",
    "[--0]",
    "\\p{Letter}",
    "(?<a_b>x)",
    "a**",
    "[&&]",
    "\\p{IsLatin}",
    "\\p{InGreek}",
    "\\p{IsAlphabetic}",
    "\\p{javaDigit}",
    "\\p{sc=Latn}",
    "\\p{blk=Greek}",
    "(?u)",
    "(?U)",
    "a++",
    "(?>a|ab)c",
    "(?=a)a",
    "(?<=a)b",
    "(a)\\1",
    "(?<n>a)\\k<n>",
    "\\Ga",
    "\\X",
    "a\\b{g}",
    "a{0,65536}",
    "(?i)(?<n>a)",
    "[\\w-.]",
    "(?x)( ?i)a",
    "\\uFFFD",
    ".",
    "\\p{Cs}",
];

fn check(oracle: &mut Oracle, pattern: &str, inputs: &[Vec<u16>]) -> Option<(Verdict, Verdict)> {
    let pu: Vec<u16> = pattern.encode_utf16().collect();
    let java = oracle.ask(&pu, inputs);
    let us = ours(pattern, inputs);
    let agree = match (&java, &us) {
        (Verdict::Compiled(a), Verdict::Compiled(b)) => {
            // Java's StackOverflowError ('S') has no counterpart; our budget ('B') neither.
            a.len() == b.len() && a.chars().zip(b.chars()).all(|(x, y)| x == y || x == 'S' || y == 'B')
        }
        _ => java == us,
    };
    (!agree).then_some((java, us))
}

/// Deletes characters of the pattern and the input while the disagreement persists.
fn shrink(oracle: &mut Oracle, pattern: &str, input: Vec<u16>) -> (String, Vec<u16>) {
    let mut p: Vec<char> = pattern.chars().collect();
    let mut s = input;
    loop {
        let mut progress = false;
        let mut i = 0;
        while i < p.len() {
            let mut q = p.clone();
            q.remove(i);
            let qs: String = q.iter().collect();
            if check(oracle, &qs, std::slice::from_ref(&s)).is_some() {
                p = q;
                progress = true;
            } else {
                i += 1;
            }
        }
        let ps: String = p.iter().collect();
        let mut i = 0;
        while i < s.len() {
            let mut t = s.clone();
            t.remove(i);
            if check(oracle, &ps, std::slice::from_ref(&t)).is_some() {
                s = t;
                progress = true;
            } else {
                i += 1;
            }
        }
        if !progress {
            return (p.iter().collect(), s);
        }
    }
}

#[test]
fn java_agrees() {
    if !java_available() {
        return;
    }
    let seed: u64 = std::env::var("JAVA_REGEX_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64) | 1
    });
    let count: usize = std::env::var("JAVA_REGEX_PATTERNS").ok().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    eprintln!("differential seed {seed} (JAVA_REGEX_SEED={seed} reproduces), {count} generated patterns");
    let mut r = Rng(seed);
    let mut oracle = Oracle::start();
    let started = std::time::Instant::now();
    let (mut patterns, mut strings, mut compiled, mut refused) = (0usize, 0usize, 0usize, 0usize);
    let mut failures = Vec::new();
    let total = FIXED.len() + count;
    for n in 0..total {
        let pattern = match FIXED.get(n) {
            Some(p) => p.to_string(),
            None => gen_regex(&mut r, 0, &mut Vec::new()),
        };
        let extra = pattern_chars(&pattern);
        let inputs: Vec<Vec<u16>> = (0..12).map(|_| gen_input(&mut r, &extra)).collect();
        patterns += 1;
        strings += inputs.len();
        let pu: Vec<u16> = pattern.encode_utf16().collect();
        let java = oracle.ask(&pu, &inputs);
        match java {
            Verdict::Compiled(_) => compiled += 1,
            _ => refused += 1,
        }
        if let Some((java, us)) = check(&mut oracle, &pattern, &inputs) {
            let bad = match (&java, &us) {
                (Verdict::Compiled(a), Verdict::Compiled(b)) => {
                    a.chars().zip(b.chars()).position(|(x, y)| x != y && x != 'S' && y != 'B')
                }
                _ => None,
            };
            let input = bad.and_then(|i| inputs.get(i).cloned()).unwrap_or_default();
            let (sp, si) = shrink(&mut oracle, &pattern, input.clone());
            let (j2, u2) = check(&mut oracle, &sp, std::slice::from_ref(&si)).unwrap_or((java.clone(), us.clone()));
            failures.push(format!(
                "pattern {pattern:?} input {:?}: java {java:?}, ours {us:?}\n    shrunk: pattern {sp:?} input {:?}: java {j2:?}, ours {u2:?}",
                String::from_utf16_lossy(&input),
                String::from_utf16_lossy(&si)
            ));
            if failures.len() >= 10 {
                break;
            }
        }
    }
    eprintln!(
        "{patterns} patterns ({compiled} compiled by Java, {refused} refused), {strings} strings, {} disagreements, {:.1} s",
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "seed {seed}: Java and java-regex disagree:\n{}", failures.join("\n"));
}

/// Patterns as Java strings: generated patterns with raw lone surrogates (and pairs) put
/// between their characters, compiled from UTF-16 (`Regex::new_utf16`), as a pattern from
/// JavaScript arrives. Same verdicts as above.
#[test]
fn java_agrees_on_utf16_patterns() {
    if !java_available() {
        return;
    }
    let seed: u64 = std::env::var("JAVA_REGEX_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x0016_5ead);
    let count: usize = std::env::var("JAVA_REGEX_PATTERNS").ok().and_then(|s| s.parse().ok()).unwrap_or(10_000) / 5;
    eprintln!("UTF-16 pattern seed {seed} (JAVA_REGEX_SEED={seed} reproduces), {count} patterns");
    let mut r = Rng(seed | 1);
    let mut oracle = Oracle::start();
    let mut failures = Vec::new();
    let fixed: [&[u16]; 6] = [
        &[0xD800],
        &[0xD800, 0x2B],
        &[0x5B, 0xD800, 0x2D, 0xDBFF, 0x5D, 0x2B],
        &[0xDC00, 0x7C, 0x61],
        &[0x5C, 0xD800],
        &[0x5C, 0x70, 0x7B, 0xD800, 0x7D],
    ];
    for n in 0..fixed.len() + count {
        let pattern: Vec<u16> = match fixed.get(n) {
            Some(p) => p.to_vec(),
            None => {
                let mut units: Vec<u16> = gen_regex(&mut r, 0, &mut Vec::new()).encode_utf16().collect();
                for _ in 0..1 + r.below(2) {
                    let at = r.below(units.len() + 1);
                    // Not inside a pair.
                    if at > 0 && at < units.len() && (0xDC00..0xE000).contains(&units[at]) {
                        continue;
                    }
                    let ins: Vec<u16> = match r.below(4) {
                        0 => vec![0xD800 + r.below(0x400) as u16],
                        1 => vec![0xDC00 + r.below(0x400) as u16],
                        2 => vec![0xD83D, 0xDE00],
                        _ => vec![0xDBFF],
                    };
                    units.splice(at..at, ins);
                }
                units
            }
        };
        let extra: Vec<String> = pattern_chars(&String::from_utf16_lossy(&pattern));
        let mut inputs: Vec<Vec<u16>> = (0..12).map(|_| gen_input(&mut r, &extra)).collect();
        // The pattern's own surrogates as input.
        inputs.push(pattern.iter().copied().filter(|u| (0xD800..0xE000).contains(u)).collect());
        let java = oracle.ask(&pattern, &inputs);
        let us = ours_utf16(&pattern, &inputs);
        let agree = match (&java, &us) {
            (Verdict::Compiled(a), Verdict::Compiled(b)) => {
                a.len() == b.len() && a.chars().zip(b.chars()).all(|(x, y)| x == y || x == 'S' || y == 'B')
            }
            _ => java == us,
        };
        if !agree {
            failures.push(format!("pattern {pattern:04x?}: java {java:?}, ours {us:?}, inputs {inputs:04x?}"));
            if failures.len() >= 10 {
                break;
            }
        }
    }
    eprintln!("{} UTF-16 patterns, {} disagreements", fixed.len() + count, failures.len());
    assert!(failures.is_empty(), "seed {seed}: Java and java-regex disagree:\n{}", failures.join("\n"));
}
