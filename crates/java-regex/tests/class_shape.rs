//! `Regex::class_shape` is exact: wherever it gives a shape, the shape's verdict is the
//! matcher's on every input (generated patterns and strings, seeded), and it finds the shapes
//! callers rely on. Runs without a JVM: the matcher itself is held to Java by
//! tests/differential.rs.

mod common;
use common::gen::{gen_class, gen_input, gen_quant, gen_regex, pattern_chars, Rng, ATOMS};
use java_regex::{ClassShape, Regex, DEFAULT_BUDGET};

fn shape(p: &str) -> Option<ClassShape> {
    Regex::new(p).unwrap_or_else(|e| panic!("{p}: {e}")).class_shape()
}

fn bounds(p: &str) -> Option<(u32, Option<u32>, bool)> {
    shape(p).map(|s| (s.min, s.max, s.allow_empty))
}

#[test]
fn shapes_callers_rely_on() {
    assert_eq!(bounds("[0-9]{3,11}"), Some((3, Some(11), false)));
    assert_eq!(bounds("^$|[a-zA-Z0-9\\p{L}\\s()@&.,-_£|]{4,100}"), Some((4, Some(100), true)));
    assert_eq!(bounds("[a-z]+"), Some((1, None, false)));
    assert_eq!(bounds("[a-z]*"), Some((0, None, false)));
    assert_eq!(bounds("[a-z]?"), Some((0, Some(1), false)));
    assert_eq!(bounds("[a-z]{2,}+"), Some((2, None, false)));
    assert_eq!(bounds("[a-z]{2,5}?"), Some((2, Some(5), false)));
    assert_eq!(bounds("x"), Some((1, Some(1), false)));
    assert_eq!(bounds("[A-Z]{2}"), Some((2, Some(2), false)));
    assert_eq!(bounds("^[a-z]+$"), Some((1, None, false)));
    assert_eq!(bounds("\\A[a-z]+\\z"), Some((1, None, false)));
    assert_eq!(bounds("([a-z]+)"), Some((1, None, false)));
    assert_eq!(bounds("(?:[a-z]+|)"), Some((1, None, true)));
    assert_eq!(bounds("^^[a-z]+$$"), Some((1, None, false)));
    // The class is Java's: `,-_` is a range, `\w` is ASCII, (?i) folds ASCII only.
    let phone = shape(r"[,-_]").unwrap();
    assert!(phone.contains('<' as u32) && !phone.contains('+' as u32));
    assert!(!shape(r"\w").unwrap().contains('é' as u32));
    let ci = shape("(?i)[a-c]").unwrap();
    assert!(ci.contains('B' as u32) && !ci.contains(0x212A));
    assert_eq!(shape("[\\uD800-\\uDFFF]").unwrap().ranges, vec![(0xD800, 0xDFFF)]);
}

#[test]
fn not_shapes() {
    for p in [
        "abc",
        "[a-z]+|[0-9]+",
        "(?m)^[a-z]*",
        "[a-z]+^",
        "$[a-z]+",
        "(?>[a-z])",
        "([a-z])+",
        "[a-z]+[0-9]",
        "(?=a)[a-z]",
        "[[a]b&&]",
        "\\b[a-z]+",
        "(?m)[a-z]+$",
        "(?c)[a-z]+",
    ] {
        assert_eq!(bounds(p), None, "{p}");
    }
}

/// Patterns that are likely to be shapes: a class, a character or `.` with a quantifier,
/// inside anchors, groups, flags and empty alternatives.
fn gen_shape_like(r: &mut Rng) -> String {
    let flags = ["", "(?i)", "(?iu)", "(?s)", "(?d)", "(?U)", "(?m)", "(?x)", "(?c)"];
    let pre = ["", "", "^", "\\A", "(", "(?:", "^(?:", "(?m)^", "\\G", "$"];
    let post = ["", "", "$", "\\z", "\\Z", ")", "$)", "(?m)$", "^", "\\b"];
    let atom = match r.below(4) {
        0 | 1 => gen_class(r, 0),
        2 => r.pick(ATOMS).to_string(),
        _ => r.pick(&[".", "a", "\\w", "\\p{L}", "\\s", "\\uD800", "\\x{1F600}", "[^a]"]).to_string(),
    };
    let quant = if r.chance(80) { gen_quant(r) } else { String::new() };
    let mut p = format!("{}{}{atom}{quant}{}", r.pick(&flags), r.pick(&pre), r.pick(&post));
    match r.below(6) {
        0 => p = format!("^$|{p}"),
        1 => p = format!("{p}|"),
        2 => p = format!("|{p}|$"),
        _ => {}
    }
    p
}

#[test]
fn shapes_agree_with_the_matcher() {
    let seed: u64 = std::env::var("JAVA_REGEX_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_c1a5);
    eprintln!("class-shape seed {seed} (JAVA_REGEX_SEED={seed} reproduces)");
    let mut r = Rng(seed | 1);
    let (mut shapes, mut strings) = (0usize, 0usize);
    for n in 0..15_000 {
        let p = if n % 4 == 0 { gen_regex(&mut r, 0, &mut Vec::new()) } else { gen_shape_like(&mut r) };
        let Ok(re) = Regex::new(&p) else { continue };
        let Some(shape) = re.class_shape() else { continue };
        shapes += 1;
        let extra = pattern_chars(&p);
        let mut inputs: Vec<Vec<u16>> = (0..16).map(|_| gen_input(&mut r, &extra)).collect();
        // Runs of characters of the class itself, at and around the bounds.
        let lens = [shape.min, shape.min.saturating_sub(1), shape.min + 1, shape.max.unwrap_or(9).min(60)];
        for len in if shape.ranges.is_empty() { &lens[..0] } else { &lens[..] } {
            let (lo, hi) = shape.ranges[r.below(shape.ranges.len())];
            let cp = lo + (r.next() % u64::from(hi - lo + 1)) as u32;
            let one: Vec<u16> = match char::from_u32(cp) {
                Some(c) => c.encode_utf16(&mut [0; 2]).to_vec(),
                None => vec![cp as u16],
            };
            inputs.push(one.iter().copied().cycle().take(one.len() * *len as usize).collect());
        }
        for input in &inputs {
            strings += 1;
            let expected = re.matches_utf16(input, DEFAULT_BUDGET).expect("within budget");
            assert_eq!(
                shape.matches_utf16(input),
                expected,
                "pattern {p:?} on {:?} ({input:04x?}): shape {:?}",
                String::from_utf16_lossy(input),
                (shape.min, shape.max, shape.allow_empty)
            );
        }
    }
    eprintln!("{shapes} class-shaped patterns, {strings} strings agree");
    assert!(shapes > 2_500, "the generator should find shapes ({shapes})");
}
