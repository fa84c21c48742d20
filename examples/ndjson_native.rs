//! Native timing of bulk NDJSON validation, on the input of `bench/fixtures.mjs` (`Site`
//! records, every other one with a bad postcode). For instruction counts run it under
//! callgrind: `valgrind --tool=callgrind target/release/examples/ndjson_native 20000`.
//!   cargo run --release --example ndjson_native -- [records] [valid|invalid|half] [count|every]
//! (`count`: `maxInvalidLines: 0`; `every`: every invalid line's issues kept, as bench/bulk.mjs's
//! "half, one thread"; neither: the default, the first 1,000 invalid lines' issues.)

use std::time::Instant;

use elevate_billing::{NdjsonOptions, NdjsonValidator};

fn site(i: usize, bad: bool) -> String {
    let postcode = if bad { format!("P{i}#") } else { "SW1A 1AA".to_owned() };
    format!(
        concat!(
            r#"{{"customerId":{},"siteName":"Head Office {}","siteReference":"HO-{}","startDate":"2024-02-29","#,
            r#""siteAddress":{{"address1":"{} High Street","town":"London","postcode":"{}","country":"GB"}},"#,
            r#""siteContacts":[{{"contactName":"Jane O'Neil","contactRole":"ACCOUNTS","contactTelephoneNumber":"020 7946 0000","#,
            r#""contactEmailAddress":"jane.oneil@example.co.uk","contactNameToAppearOnInvoice":true,"receiveInvoiceBy":"EMAIL"}}]}}"#
        ),
        12 + i,
        i,
        i,
        i + 1,
        postcode
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let mix = args.get(2).map_or("half", String::as_str);
    let counting = args.get(3).is_some_and(|s| s == "count");
    let every = args.get(3).is_some_and(|s| s == "every");
    let lines: Vec<String> = (0..n)
        .map(|i| {
            let bad = match mix {
                "valid" => false,
                "invalid" => true,
                _ => i % 2 == 1,
            };
            site(i, bad)
        })
        .collect();
    let text = lines.join("\n");
    let max_invalid_lines = if counting {
        Some(0)
    } else if every {
        None
    } else {
        NdjsonOptions::default().max_invalid_lines
    };
    let options = NdjsonOptions { max_invalid_lines, ..NdjsonOptions::default() };
    let t = Instant::now();
    // As the wasm export does: validate, then encode the report for JavaScript.
    let mut v = NdjsonValidator::new("Site", options).expect("Site is a schema").encoded();
    v.push(text.as_bytes());
    let encoded = v.finish_encoded();
    let s = t.elapsed().as_secs_f64();
    // The counts, from the report's header (version, form, then records, valid, invalid as f64).
    let count = |at: usize| f64::from_le_bytes(encoded[at..at + 8].try_into().expect("a report header"));
    println!(
        "{n} records ({mix}{}): {} valid, {} invalid, {} bytes of report; {:.0} records/s, {:.0} MB/s",
        if counting {
            ", counting"
        } else if every {
            ", every issue kept"
        } else {
            ""
        },
        count(10),
        count(18),
        encoded.len(),
        n as f64 / s,
        text.len() as f64 / s / 1e6
    );
}
