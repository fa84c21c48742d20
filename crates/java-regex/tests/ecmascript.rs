//! `Regex::to_ecmascript` against Node's RegExp (`u` flag) and this engine, on generated
//! patterns and strings (the differential test's generators). Runs when `node` is on PATH.
//! `JAVA_REGEX_SEED` / `JAVA_REGEX_PATTERNS` as in differential.rs.

mod common;
use common::gen::{gen_input, gen_regex, pattern_chars, Rng};
use common::hex;
use java_regex::Regex;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

#[test]
fn ecmascript_translation_is_exact() {
    if !Command::new("node").arg("--version").stdout(Stdio::null()).status().is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: no `node` on PATH");
        return;
    }
    let seed: u64 = std::env::var("JAVA_REGEX_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(7);
    let count: usize = std::env::var("JAVA_REGEX_PATTERNS").ok().and_then(|s| s.parse().ok()).unwrap_or(2000);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oracle/ecma.mjs");
    let mut child =
        Command::new("node").arg(script).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("node");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut r = Rng(seed);
    let (mut translated, mut compiled, mut strings) = (0, 0, 0);
    let mut failures = Vec::new();
    let fixed =
        ["[a-z&&[^aeiou]]+\\d{2,}", "(?i)k\\p{Lu}", "(?iu)s+", "a$", "\\Aab\\z", "(ab|c)*d", "(?=a)\\w+", "x.y"];
    for n in 0..count + fixed.len() {
        let pattern = fixed.get(n).map_or_else(|| gen_regex(&mut r, 0, &mut Vec::new()), |p| p.to_string());
        let Ok(re) = Regex::new(&pattern) else { continue };
        compiled += 1;
        let Some(es) = re.to_ecmascript() else { continue };
        translated += 1;
        let extra = pattern_chars(&pattern);
        let inputs: Vec<Vec<u16>> = (0..16).map(|_| gen_input(&mut r, &extra)).collect();
        strings += inputs.len();
        let mut line = hex(&es.encode_utf16().collect::<Vec<_>>());
        for i in &inputs {
            line.push('\t');
            line.push_str(&hex(i));
        }
        writeln!(stdin, "{line}").expect("write");
        stdin.flush().expect("flush");
        let mut resp = String::new();
        stdout.read_line(&mut resp).expect("read");
        let resp = resp.trim_end();
        let ours: String = inputs
            .iter()
            .map(|i| match re.matches_utf16(i, 10_000_000) {
                Ok(true) => '1',
                Ok(false) => '0',
                Err(_) => 'B',
            })
            .collect();
        match resp.strip_prefix("C\t") {
            Some(js) if js == ours => {}
            Some(js) => {
                let k = js.chars().zip(ours.chars()).position(|(a, b)| a != b).unwrap_or(0);
                failures.push(format!(
                    "{pattern:?} -> {es:?}: input {:?} js {js} ours {ours}",
                    String::from_utf16_lossy(&inputs[k])
                ));
            }
            None => failures.push(format!("{pattern:?} -> {es:?}: {resp}")),
        }
        if failures.len() >= 10 {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    eprintln!(
        "seed {seed}: {compiled} compiled, {translated} translated, {strings} strings, {} failures",
        failures.len()
    );
    assert!(failures.is_empty(), "seed {seed}:\n{}", failures.join("\n"));
    assert!(translated > 0);
}
