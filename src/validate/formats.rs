//! String formats beyond patterns: calendar dates, date-times, country codes and JSON
//! Pointers (regex-valued fields are compiled by [`crate::regex::user`]).
//!
//! Dates are parsed by hand: the grammar is fixed-width and tiny, and a date library would
//! cost more in `.wasm` size than this whole module.

/// `yyyy-MM-dd` naming a real day of the proleptic Gregorian calendar (decisions R8).
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && ymd(&b[0..4], &b[5..7], &b[8..10]).is_some()
}

fn digits(b: &[u8]) -> Option<u32> {
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
/// [`is_date_time`]; a test below holds the two together.
pub const DATE_TIME_PATTERN: &str = concat!(
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:[.][0-9]{1,9})?",
    "(?:Z|[+-](?:(?:0[0-9]|1[0-7]):[0-5][0-9]|18:00))$",
);

/// The officially assigned ISO 3166-1 alpha-2 codes (249, as published by the ISO 3166
/// Maintenance Agency), sorted so lookups can binary-search (decisions R7).
pub static COUNTRY_CODES: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD",
    "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA",
    "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE",
    "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA",
    "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK",
    "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP",
    "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT",
    "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS",
    "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ",
    "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS",
    "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST",
    "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW",
    "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA",
    "ZM", "ZW",
];

/// Is `code` an assigned ISO 3166-1 alpha-2 code?
pub fn is_country_code(code: &str) -> bool {
    COUNTRY_CODES.binary_search(&code).is_ok()
}

/// The assigned code people usually mean by a common unassigned one (`UK` → `GB`).
pub fn country_suggestion(code: &str) -> Option<&'static str> {
    match code {
        "UK" | "EN" => Some("GB"),
        "EL" => Some("GR"),
        _ => None,
    }
}

/// RFC 6901: empty, or `/`-separated tokens where `~` is only followed by `0` or `1`.
pub fn is_json_pointer(s: &str) -> bool {
    if s.is_empty() {
        return true;
    }
    if !s.starts_with('/') {
        return false;
    }
    let b = s.as_bytes();
    b.iter().enumerate().all(|(i, &c)| c != b'~' || matches!(b.get(i + 1), Some(b'0' | b'1')))
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

    #[test]
    fn country_list_is_sorted_complete_and_excludes_user_assigned_codes() {
        assert!(COUNTRY_CODES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(COUNTRY_CODES.len(), 249);
        for ok in ["GB", "US", "AX", "ZW", "SS", "BQ", "CW", "SX"] {
            assert!(is_country_code(ok), "{ok}");
        }
        for bad in ["UK", "EU", "XK", "XX", "AA", "ZZ", "gb", "G", "GBR"] {
            assert!(!is_country_code(bad), "{bad}");
        }
        assert_eq!(country_suggestion("UK"), Some("GB"));
    }

    #[test]
    fn json_pointers() {
        for ok in ["", "/", "/a", "/a~0b/~1", "/sites/0/siteName"] {
            assert!(is_json_pointer(ok), "{ok}");
        }
        for bad in ["a", "/a~", "/a~2", "#/a"] {
            assert!(!is_json_pointer(bad), "{bad}");
        }
    }
}
