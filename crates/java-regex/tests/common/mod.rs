//! The oracle: one `java Oracle.java` process, cases streamed through it (see Oracle.java).
#![allow(dead_code)]

pub mod gen;

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

/// Java's verdict on one pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Compiled; per input: '1', '0', 'X' (threw), 'S' (stack overflow).
    Compiled(String),
    /// PatternSyntaxException description and index.
    Refused(String, i64),
    /// Another exception class from Pattern.compile.
    Threw(String),
}

pub struct Oracle {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

pub fn hex(units: &[u16]) -> String {
    units.iter().map(|u| format!("{u:04x}")).collect()
}

fn unhex(s: &str) -> Vec<u16> {
    (0..s.len() / 4).filter_map(|i| u16::from_str_radix(s.get(4 * i..4 * i + 4)?, 16).ok()).collect()
}

/// Whether a JVM is available; panics when ELEVATE_REQUIRE_JAVA=1 and it is not.
pub fn java_available() -> bool {
    let ok = Command::new("java")
        .arg("-version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok && std::env::var("ELEVATE_REQUIRE_JAVA").as_deref() == Ok("1") {
        panic!("ELEVATE_REQUIRE_JAVA=1 but `java -version` failed: install a JDK (apt-get install -y default-jdk-headless)");
    }
    if !ok {
        eprintln!("SKIPPED: no `java` on PATH (set ELEVATE_REQUIRE_JAVA=1 to make this an error)");
    }
    ok
}

impl Oracle {
    pub fn start() -> Oracle {
        let src = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oracle/Oracle.java");
        let mut child = Command::new("java")
            .args(["-Xss16m", "-XX:TieredStopAtLevel=1", src])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start java Oracle.java");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = BufReader::new(child.stdout.take().expect("stdout"));
        Oracle { child, stdin, stdout }
    }

    /// Asks Java about one pattern and its inputs.
    pub fn ask(&mut self, pattern: &[u16], inputs: &[Vec<u16>]) -> Verdict {
        let mut line = hex(pattern);
        for i in inputs {
            line.push('\t');
            line.push_str(&hex(i));
        }
        line.push('\n');
        self.stdin.write_all(line.as_bytes()).expect("write to java");
        self.stdin.flush().expect("flush");
        let mut resp = String::new();
        self.stdout.read_line(&mut resp).expect("read from java");
        let resp = resp.trim_end_matches('\n');
        let mut parts = resp.split('\t');
        match parts.next() {
            Some("C") => Verdict::Compiled(parts.next().unwrap_or("").to_string()),
            Some("E") => {
                let desc = String::from_utf16_lossy(&unhex(parts.next().unwrap_or("")));
                let idx = parts.next().and_then(|s| s.parse().ok()).unwrap_or(-1);
                Verdict::Refused(desc, idx)
            }
            Some("T") => Verdict::Threw(parts.next().unwrap_or("").to_string()),
            _ => panic!("unexpected oracle output {resp:?}"),
        }
    }
}

impl Drop for Oracle {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Our verdict in the oracle's terms. A budget overrun is 'B' (no Java counterpart).
pub fn ours(pattern: &str, inputs: &[Vec<u16>]) -> Verdict {
    verdict(java_regex::Regex::new(pattern), inputs)
}

/// [`ours`] for a pattern given as UTF-16 (lone surrogates and all).
pub fn ours_utf16(pattern: &[u16], inputs: &[Vec<u16>]) -> Verdict {
    verdict(java_regex::Regex::new_utf16(pattern), inputs)
}

fn verdict(compiled: Result<java_regex::Regex, java_regex::Error>, inputs: &[Vec<u16>]) -> Verdict {
    match compiled {
        Err(e) => {
            if e.index().is_none() && e.description().starts_with("Index ") {
                Verdict::Threw("java.lang.ArrayIndexOutOfBoundsException".into())
            } else {
                Verdict::Refused(e.description().to_string(), e.index().map_or(-1, |i| i as i64))
            }
        }
        Ok(re) => Verdict::Compiled(
            inputs
                .iter()
                .map(|i| match java_regex::__matches_detail(&re, i, 50_000_000) {
                    Ok(Some(true)) => '1',
                    Ok(Some(false)) => '0',
                    Ok(None) => 'X',
                    Err(_) => 'B',
                })
                .collect(),
        ),
    }
}
