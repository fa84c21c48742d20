//! Native timings of the regex layer: product formats (`validate_product_reference`, the
//! `format: regex` check of a product's format fields) and the API's fixed patterns.
//! `cargo run --release --example regex-timing` prints one line per case (median of 7 rounds);
//! bench/README.md ("Product formats and fixed patterns") records the numbers. Not a test:
//! nothing here is asserted.

use std::hint::black_box;
use std::time::Instant;

use elevate_billing::bench::{fixed_pattern, regex_format};
use elevate_billing::{validate_product_reference, Pattern};

/// Median nanoseconds per call of `f` over 7 rounds of `n` calls.
fn time(n: u32, mut f: impl FnMut(u32)) -> f64 {
    let mut rounds: Vec<f64> = (0..7)
        .map(|r| {
            let t = Instant::now();
            for i in 0..n {
                f(r * n + i);
            }
            t.elapsed().as_nanos() as f64 / f64::from(n)
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds[3]
}

fn line(what: &str, ns: f64) {
    if ns >= 10_000.0 {
        println!("{what:<78} {:>10.1} µs", ns / 1000.0);
    } else {
        println!("{what:<78} {ns:>10.0} ns");
    }
}

fn main() {
    let cases: [(&str, &str, &str); 5] = [
        ("class format, cached", "[0-9]{3,11}", "01234567890"),
        ("class format, cached, mismatch", "[0-9]{3,11}", "0123x567890"),
        ("general format, cached", r"[A-Z]{2}-\d{4}(?:-[A-Z]{1,3})?", "AB-1234-XYZ"),
        (
            "general format, cached, 64-char reference",
            r"(?:[a-z0-9]+\.)+[a-z]{2,}",
            "abcdefghij.klmnopqrstu.vwxyz01234.56789abcdef.ghijklmnopq.rstuvw",
        ),
        ("alternation format, cached", r"(?:SIM|ESIM)-[0-9]{10}|[0-9]{11}", "ESIM-0123456789"),
    ];
    for (what, format, reference) in cases {
        black_box(validate_product_reference(format, reference));
        line(
            &format!("validate_product_reference: {what}"),
            time(20_000, |_| {
                black_box(validate_product_reference(black_box(format), black_box(reference)));
            }),
        );
    }
    // A new format each call: compile + check (the cache misses). Formats differ by a literal,
    // so their size stays the same.
    line(
        "validate_product_reference: new general format each call (compile)",
        time(2_000, |i| {
            let format = format!(r"[A-Z]{{2}}-\d{{4}}(?:-[A-Z]{{1,3}})?(?:#{i})?");
            black_box(validate_product_reference(&format, "AB-1234-XYZ"));
        }),
    );
    line(
        "validate_product_reference: new class format each call (compile)",
        time(2_000, |i| {
            let format = format!("[0-9]{{3,{}}}", i % 100_000 + 11);
            black_box(validate_product_reference(&format, "01234567890"));
        }),
    );
    line(
        "format: regex check of a product's format, new each call (compile)",
        time(2_000, |i| {
            let format = format!(r"(?:SIM|ESIM)-[0-9]{{10}}|[0-9]{{11}}|#{i}");
            black_box(regex_format(&format));
        }),
    );
    line(
        "format: regex check of a product's format, cached",
        time(20_000, |_| {
            black_box(regex_format(black_box(r"(?:SIM|ESIM)-[0-9]{10}|[0-9]{11}")));
        }),
    );
    let fixed: [(&str, Pattern, &str); 5] = [
        ("EMAIL, valid", Pattern::Email, "o'neil+bills@example.co.uk"),
        ("EMAIL, invalid", Pattern::Email, "jane@example"),
        ("PHONE, valid", Pattern::Phone, "020 7946 0000"),
        ("NAME_CURLY, valid 40 chars", Pattern::NameCurly, "Zoë O’Brien & Sons (Holdings) Ltd, Leeds"),
        ("NON_BLANK, valid", Pattern::NonBlank, "  tag value  "),
    ];
    for (what, p, value) in fixed {
        black_box(fixed_pattern(p, value, false));
        line(
            &format!("fixed pattern {what}"),
            time(200_000, |_| {
                black_box(fixed_pattern(p, black_box(value), false));
            }),
        );
    }
}
