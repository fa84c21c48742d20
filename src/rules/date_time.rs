//! `format: date-time`: RFC 3339 with `Z` or an offset, as the date-time filters show it
//! (decisions R8), on a real calendar day.

use serde_json::{Map, Value};

use super::date::{digits, is_date};
use super::issue::IssueKind;
use super::message::{template, Cond, Template};

/// Sentences for `format: date-time`.
pub const MESSAGES: &[Template] = &[template(
    "format",
    &[Cond::Is("format", "date-time")],
    "{field} must be a date and time such as 2024-02-29T13:45:00Z (or with an offset such as +01:00).",
)];

/// The format's name in issues, descriptions and exports.
pub const NAME: &str = crate::schema::TextFormat::DateTime.name();

/// RFC 3339 `yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:mm)`, as the date-time filters show it
/// (decisions R8). Upper-case `T` and `Z` only; no leap second; offsets up to ±18:00.
pub fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 || !is_date(s.get(0..10).unwrap_or("")) || b[10] != b'T' {
        return false;
    }
    let time_ok = b[13] == b':'
        && b[16] == b':'
        && digits(&b[11..13]).is_some_and(|h| h < 24)
        && digits(&b[14..16]).is_some_and(|m| m < 60)
        && digits(&b[17..19]).is_some_and(|s| s < 60);
    if !time_ok {
        return false;
    }
    let mut rest = &b[19..];
    if rest.first() == Some(&b'.') {
        let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=9).contains(&n) {
            return false;
        }
        rest = &rest[1 + n..];
    }
    match rest {
        [b'Z'] => true,
        [sign, h1, h2, b':', m1, m2] if *sign == b'+' || *sign == b'-' => {
            let (h, m) = (digits(&[*h1, *h2]), digits(&[*m1, *m2]));
            matches!((h, m), (Some(h), Some(m)) if m < 60 && (h < 18 || (h == 18 && m == 0)))
        }
        _ => false,
    }
}

/// The lexical part of [`is_date_time`] as a regular expression, valid in ECMAScript and in the
/// `regex` crate alike, for the exported JSON Schemas: `format: date-time` alone would also
/// accept a lower-case `t`/`z`, a space separator, leap seconds, offsets such as `+2300` or
/// `+23:00` and any number of fraction digits, all of which this module rejects. Together
/// with a calendar check of the date (what `format: date-time` adds) it is exactly
/// [`is_date_time`]; a test below holds the two together (the JavaScript validators use it too).
pub const DATE_TIME_PATTERN: &str = concat!(
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:[.][0-9]{1,9})?",
    "(?:Z|[+-](?:(?:0[0-9]|1[0-7]):[0-5][0-9]|18:00))$",
);

/// The issue for a string that is not a date-time.
pub fn check(s: &str) -> Option<IssueKind> {
    (!is_date_time(s)).then(|| IssueKind::Format { format: NAME.into(), reason: None })
}

/// JavaScript: the same check of string `x` (the lexical pattern, then the calendar).
pub fn js(pool: &mut super::js::Pool) -> String {
    let re = pool.constant(format!("new RegExp({})", super::js::quote(DATE_TIME_PATTERN)));
    format!("if (!isDateTime(x, {re})) c.e(k, mi, \"format\", {{ format: {} }});\n", super::js::quote(NAME))
}

/// JSON Schema keywords: `format: date-time` is looser than decisions R8 (lower-case t/z,
/// leap seconds, any offset), so the lexical pattern says the rest.
pub fn json_schema(m: &mut Map<String, Value>) {
    m.insert("format".into(), NAME.into());
    m.insert("pattern".into(), DATE_TIME_PATTERN.into());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times_at_their_boundaries() {
        for ok in [
            "2024-02-29T23:59:59Z",
            "2024-01-01T00:00:00.5Z",
            "2024-01-01T00:00:00.123456789+18:00",
            "2024-01-01T00:00:00-05:30",
        ] {
            assert!(is_date_time(ok), "{ok}");
        }
        for bad in [
            "2024-01-01T24:00:00Z",
            "2024-01-01T23:60:00Z",
            "2024-01-01T23:59:60Z",
            "2024-01-01t00:00:00Z",
            "2024-01-01T00:00:00z",
            "2024-01-01T00:00:00",
            "2024-01-01T00:00:00+18:01",
            "2024-01-01T00:00:00.Z",
            "2024-01-01T00:00:00.1234567890Z",
            "2023-02-29T00:00:00Z",
            "2024-01-01 00:00:00Z",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }

    #[test]
    fn the_exported_date_time_pattern_plus_a_calendar_date_is_is_date_time() {
        // Read by regex-syntax's own parser, as a JSON Schema consumer reads the pattern.
        let re = regex_automata::nfa::thompson::pikevm::PikeVM::new(DATE_TIME_PATTERN).unwrap();
        let mut cache = re.create_cache();
        let mut exported = |s: &str| re.is_match(&mut cache, s) && is_date(s.get(0..10).unwrap_or(""));
        let mut cases: Vec<String> = Vec::new();
        for date in ["2024-02-29", "2023-02-29", "2024-13-01", "0000-01-01", "2024-1-01"] {
            for sep in ["T", "t", " ", "", "TT"] {
                for time in ["00:00:00", "23:59:59", "24:00:00", "23:60:00", "23:59:60", "9:00:00", "12:00"] {
                    for frac in ["", ".", ".5", ".123456789", ".1234567890", ",5"] {
                        for zone in [
                            "Z", "z", "", "+00:00", "-18:00", "+18:00", "+18:01", "+17:59", "+19:00", "+0100", "+01",
                            "-00:60", "ZZ",
                        ] {
                            cases.push(format!("{date}{sep}{time}{frac}{zone}"));
                        }
                    }
                }
            }
        }
        cases.push("２０２４-01-01T00:00:00Z".into());
        cases.push("2024-01-01T00:00:00Z\n".into());
        cases.push(
            "2024-01-01T00:00:00Z
"
            .into(),
        );
        let mut accepted = 0;
        for c in &cases {
            assert_eq!(exported(c), is_date_time(c), "{c:?}");
            accepted += usize::from(is_date_time(c));
        }
        // Two real dates x two times x three fractions x five zones.
        assert_eq!(accepted, 2 * 2 * 3 * 5);
    }
}
