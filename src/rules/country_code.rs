//! `countryCode`: two capital letters (PAT-COUNTRY, [`super::pattern`]) that are also an
//! officially assigned ISO 3166-1 alpha-2 code (decisions R7): `UK`, `EU`, `XK`, `XX` fail,
//! and the issue suggests `GB` for `UK`.

use serde_json::{json, Map, Value};

use super::issue::IssueKind;
use super::js::{literal, Pool};
use super::message::{template, Cond, Template};

/// Sentences for `countryCode`.
pub const MESSAGES: &[Template] = &[
    template(
        "countryCode",
        &[Cond::Is("suggestion", "GB")],
        "{field}: {actual} is not an ISO 3166-1 country code; the United Kingdom is GB.",
    ),
    template("countryCode", &[], "{field}: {actual} is not an ISO 3166-1 country code; did you mean {suggestion}?"),
    template(
        "countryCode",
        &[Cond::Missing("suggestion")],
        "{field}: {actual} is not an ISO 3166-1 alpha-2 country code.",
    ),
    template("countryCode", &[], "{field} is not an ISO 3166-1 alpha-2 country code."),
];

/// Common unassigned codes and the assigned code people mean by them.
pub const SUGGESTIONS: &[(&str, &str)] = &[("UK", "GB"), ("EN", "GB"), ("EL", "GR")];

/// The officially assigned ISO 3166-1 alpha-2 codes (249, as published by the ISO 3166
/// Maintenance Agency), sorted (decisions R7); looked up through a bit table built from it.
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
    match *code.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => ASSIGNED[usize::from(a - b'A')] & (1 << (b - b'A')) != 0,
        _ => false,
    }
}

/// [`COUNTRY_CODES`] as a bit per second letter for each first letter, built at compile time:
/// every address asks, and a bit test is cheaper than a binary search of string compares.
static ASSIGNED: [u32; 26] = assigned_bits();

const fn assigned_bits() -> [u32; 26] {
    let mut bits = [0u32; 26];
    let mut i = 0;
    while i < COUNTRY_CODES.len() {
        let code = COUNTRY_CODES[i].as_bytes();
        bits[(code[0] - b'A') as usize] |= 1 << (code[1] - b'A');
        i += 1;
    }
    bits
}

/// The assigned code people usually mean by a common unassigned one (`UK` → `GB`).
pub fn country_suggestion(code: &str) -> Option<&'static str> {
    SUGGESTIONS.iter().find(|(c, _)| *c == code).map(|(_, s)| *s)
}

/// The issue for a string that is not an assigned code; none after a length issue (the
/// length already says what is wrong).
pub fn check(s: &str, length_issue: bool) -> Option<IssueKind> {
    (!length_issue && !is_country_code(s))
        .then(|| IssueKind::CountryCode { actual: s.to_owned(), suggestion: country_suggestion(s).map(str::to_owned) })
}

/// JavaScript: the same check of string `x`.
pub fn js(pool: &mut Pool) -> String {
    let codes = pool.constant(format!("new Set({})", literal(&json!(COUNTRY_CODES.as_slice()))));
    let map: Map<String, Value> = SUGGESTIONS.iter().map(|(c, s)| ((*c).to_owned(), Value::from(*s))).collect();
    let suggest = pool.constant(format!("new Map(Object.entries({}))", literal(&Value::Object(map))));
    format!(
        "if (!li && !{codes}.has(x)) c.e(k, mi, \"countryCode\", {suggest}.has(x) ? {{ actual: x, suggestion: {suggest}.get(x) }} : {{ actual: x }});\n"
    )
}

/// JSON Schema keyword: the assigned codes.
pub fn json_schema(m: &mut Map<String, Value>) {
    m.insert("enum".into(), json!(COUNTRY_CODES.as_slice()));
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_bit_table_is_the_list() {
        for a in b'@'..=b'[' {
            for b in b'@'..=b'[' {
                let code = String::from_utf8(vec![a, b]).unwrap();
                assert_eq!(is_country_code(&code), COUNTRY_CODES.contains(&code.as_str()), "{code}");
            }
        }
    }
}
