//! `format: date`: `yyyy-MM-dd` naming a real day of the proleptic Gregorian calendar
//! (decisions R8), so `2024-02-30` fails although it has the right shape. Parsed by hand: the
//! grammar is fixed-width and tiny, and a date library would cost more `.wasm` than this file.

use serde_json::{Map, Value};

use super::issue::IssueKind;
use super::message::{template, Cond, Template};

/// Sentences for `format: date`.
pub const MESSAGES: &[Template] = &[template(
    "format",
    &[Cond::Is("format", "date")],
    "{field} must be a real date written yyyy-MM-dd, such as 2024-02-29.",
)];

/// The format's name in issues, descriptions and exports.
pub const NAME: &str = crate::schema::TextFormat::Date.name();

/// `yyyy-MM-dd` naming a real day of the proleptic Gregorian calendar (decisions R8).
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && ymd(&b[0..4], &b[5..7], &b[8..10]).is_some()
}

pub(super) fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
}

fn ymd(y: &[u8], m: &[u8], d: &[u8]) -> Option<()> {
    let (y, m, d) = (digits(y)?, digits(m)?, digits(d)?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some(())
}

/// The issue for a string that is not a date.
pub fn check(s: &str) -> Option<IssueKind> {
    (!is_date(s)).then(|| IssueKind::Format { format: NAME.into(), reason: None })
}

/// JavaScript: the same check of string `x` (the runtime's `isDate`).
pub fn js() -> String {
    format!("if (!isDate(x)) c.e(k, mi, \"format\", {{ format: {} }});\n", super::js::quote(NAME))
}

/// JSON Schema keyword (`format: date` is full-date of RFC 3339: the same grammar and calendar).
pub fn json_schema(m: &mut Map<String, Value>) {
    m.insert("format".into(), NAME.into());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_at_their_boundaries() {
        for ok in ["2024-02-29", "2000-02-29", "2023-12-31", "0001-01-01", "2023-01-31", "2023-04-30"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2024-02-30",
            "2023-04-31",
            "2023-13-01",
            "2023-00-10",
            "2023-01-00",
            "2023-1-01",
            "23-01-01",
            "2023/01/01",
            "2023-01-01T00:00:00Z",
            "",
            "２０２３-01-01",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
