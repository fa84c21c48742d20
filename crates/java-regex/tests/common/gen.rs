//! The differential tests' generators: patterns from a grammar over Java's constructs,
//! strings over an adversarial alphabet (all code points with Age <= 13.0).
#![allow(dead_code)]

pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    pub fn chance(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }
}

/// Adversarial alphabet (all Age <= 13.0): ASCII letters and case traps (ſ, K Kelvin, Å
/// Angstrom, ı, İ, ß, µ, ÿ, ǅ), digits of other scripts, meta punctuation, line terminators,
/// spaces, Greek final sigma, CJK and Hangul, combining marks, ZWJ, emoji, regional
/// indicators, mathematical letters, and lone surrogates.
pub const ALPHABET: &[&str] = &[
    "a",
    "b",
    "c",
    "k",
    "s",
    "x",
    "A",
    "B",
    "K",
    "S",
    "_",
    "0",
    "1",
    "9",
    "\u{17F}",
    "\u{212A}",
    "\u{212B}",
    "\u{E5}",
    "\u{C5}",
    "\u{131}",
    "\u{130}",
    "\u{DF}",
    "\u{1E9E}",
    "\u{B5}",
    "\u{FF}",
    "\u{178}",
    "\u{1C5}",
    "\u{E9}",
    "\u{C9}",
    "\u{663}",
    "\u{966}",
    "\u{FF11}",
    "-",
    ".",
    "*",
    "[",
    "]",
    "^",
    "$",
    "\\",
    "&",
    ":",
    "/",
    "\n",
    "\r",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    " ",
    "\t",
    "\u{A0}",
    "\u{3B1}",
    "\u{3A3}",
    "\u{3C3}",
    "\u{3C2}",
    "\u{4E2D}",
    "\u{D55C}",
    "\u{301}",
    "\u{200D}",
    "\u{1F600}",
    "\u{1F1EC}",
    "\u{1F1E7}",
    "\u{1D400}",
    "\u{A9}",
    "\u{B}",
    "\u{C}",
    "\u{0}",
];

pub const ATOMS: &[&str] = &[
    "a",
    "b",
    "c",
    "k",
    "K",
    "s",
    "S",
    "A",
    "x",
    "0",
    "1",
    "_",
    "-",
    ":",
    "&",
    "ſ",
    "\u{212A}",
    "é",
    "É",
    "ß",
    "σ",
    "Σ",
    "ς",
    "中",
    "😀",
    "\u{301}",
    ".",
    "\\.",
    "\\*",
    "\\\\",
    "\\[",
    "\\]",
    "\\-",
    "\\^",
    "\\$",
    "\\|",
    "\\(",
    "\\)",
    "\\{",
    "\\}",
    "\\n",
    "\\r",
    "\\t",
    "\\u0085",
    "\\u2028",
    "\\x41",
    "\\x{1F600}",
    "\\u00e9",
    "\\uD83D\\uDE00",
    "\\uD800",
    "\\x{DC00}",
    "\\0101",
    "\\07",
    "\\cA",
    "\\e",
    "\\a",
    "\\f",
    "\\w",
    "\\W",
    "\\d",
    "\\D",
    "\\s",
    "\\S",
    "\\h",
    "\\H",
    "\\v",
    "\\V",
    "\\R",
    "\\X",
    "\\pL",
    "\\p{L}",
    "\\p{Lu}",
    "\\p{Ll}",
    "\\p{IsLu}",
    "\\p{gc=Nd}",
    "\\p{general_category=Lu}",
    "\\p{IsLatin}",
    "\\p{IsGreek}",
    "\\p{sc=Grek}",
    "\\p{script=Latin}",
    "\\p{InGreek}",
    "\\p{InBasicLatin}",
    "\\p{blk=Latin-1 Supplement}",
    "\\p{block=CJK Unified Ideographs}",
    "\\p{Alpha}",
    "\\p{Punct}",
    "\\p{Lower}",
    "\\p{Upper}",
    "\\p{javaLowerCase}",
    "\\p{javaUpperCase}",
    "\\p{javaDigit}",
    "\\p{javaLetterOrDigit}",
    "\\p{javaWhitespace}",
    "\\p{javaMirrored}",
    "\\p{IsAlphabetic}",
    "\\p{IsWhite_Space}",
    "\\p{IsPunctuation}",
    "\\p{IsUppercase}",
    "\\p{IsLowercase}",
    "\\p{IsDigit}",
    "\\p{IsEmoji}",
    "\\p{Cs}",
    "\\p{Cn}",
    "\\p{So}",
    "\\p{Mn}",
    "\\p{L1}",
    "\\p{all}",
    "\\p{ASCII}",
    "\\PL",
    "\\P{Lu}",
    "\\p{Lt}",
    "\\p{IsTitlecase}",
    "\\Qa*\\E",
    "\\Q.\\E",
    "\\Q",
    "\\E",
    "\\N{CJK UNIFIED IDEOGRAPHS 4E2D}",
    "\\y",
    "\\",
    "\\1",
    "\\2",
    "\\b{g}",
    "\\p{IsKatakana}",
    "\\p{InBasıcLatin}",
    "\\p{blK=Greek}",
];

/// Pieces that make Java refuse, or parse oddly (dangling metas, broken escapes, …).
pub const TRAPS: &[&str] = &[
    "\\Q",
    "\\E",
    "\\y",
    "\\",
    "\\k<n>",
    "\\11",
    "[",
    "]",
    "{",
    "}",
    "(",
    ")",
    "*",
    "+",
    "?",
    "|",
    "#",
    " ",
    "\\p{Letter}",
    "\\p{}",
    "\\p{L",
    "\\b{x}",
    "{2}",
    "(?",
    "(?<",
    "(?<1>a)",
    "\\x{110000}",
    "\\u12",
    "\\c",
    "\\0",
    "\\08",
    "[]",
    "[^]",
    "[a-",
    "a{2,1}",
    "\\N{",
    "(?<=a*)",
    "(?<=a+b)",
    "(?<!a|bc)",
    "\\p{sc=Foo}",
];

pub const CLASS_ITEMS: &[&str] = &[
    "a",
    "b",
    "k",
    "s",
    "A",
    "K",
    "S",
    "-",
    "&",
    "^",
    "]",
    "[",
    ".",
    "ſ",
    "\u{212A}",
    "é",
    "σ",
    "😀",
    "\\w",
    "\\d",
    "\\s",
    "\\W",
    "\\D",
    "\\S",
    "\\h",
    "\\v",
    "\\p{L}",
    "\\p{Lu}",
    "\\P{Ll}",
    "\\pN",
    "\\p{IsGreek}",
    "\\p{InGreek}",
    "\\p{javaLowerCase}",
    "a-z",
    "A-Z",
    "0-9",
    "--0",
    ",-_",
    "a-\\x{1F600}",
    "\\x00-\\x7f",
    "\\u0100-\\u017F",
    "&&",
    "&&[a-k]",
    "&&[^b]",
    "[abc]",
    "[^a]",
    "\\-",
    "\\]",
    "\\[",
    "\\\\",
    "\\n",
    "\\r",
    "\\u0085",
    "\\u2028",
    "\\Q]\\E",
    ":alpha:",
    "\\b",
    "\\1",
    "a-",
    "z-a",
    "\\x{DC00}",
    "\\uD800",
];

pub fn gen_class(r: &mut Rng, depth: u32) -> String {
    let mut s = String::from("[");
    if r.chance(30) {
        s.push('^');
    }
    let n = 1 + r.below(4);
    for _ in 0..n {
        if depth < 2 && r.chance(12) {
            s.push_str(&gen_class(r, depth + 1));
        } else {
            let item: &&str = r.pick(CLASS_ITEMS);
            s.push_str(item);
        }
    }
    if r.chance(95) {
        s.push(']');
    }
    s
}

pub fn gen_quant(r: &mut Rng) -> String {
    let q = match r.below(10) {
        0..=2 => "*".to_string(),
        3..=4 => "+".to_string(),
        5..=6 => "?".to_string(),
        7 => format!("{{{}}}", r.below(4)),
        8 => format!("{{{},}}", r.below(3)),
        _ => {
            let a = r.below(3);
            format!("{{{},{}}}", a, a + r.below(3))
        }
    };
    match r.below(10) {
        0..=1 => q + "?",
        2..=3 => q + "+",
        _ => q,
    }
}

pub const FLAGS: &[&str] = &["i", "m", "s", "d", "u", "x", "U", "iu", "-i", "i-u", "mi", "sd", "ix", "xU", "-x"];

pub fn gen_regex(r: &mut Rng, depth: u32, names: &mut Vec<String>) -> String {
    let mut out = String::new();
    let terms = 1 + r.below(4);
    for _ in 0..terms {
        let piece = match r.below(20) {
            0..=6 => r.pick(ATOMS).to_string(),
            7 if r.chance(40) => r.pick(TRAPS).to_string(),
            7 => r.pick(ATOMS).to_string(),
            8..=10 => gen_class(r, 0),
            11 => r.pick(&["^", "$", "\\A", "\\Z", "\\z", "\\b", "\\B", "\\G"]).to_string(),
            12 => format!("(?{})", r.pick(FLAGS)),
            _ if depth >= 3 => r.pick(ATOMS).to_string(),
            13..=15 => {
                let inner = gen_regex(r, depth + 1, names);
                let open = match r.below(12) {
                    0..=3 => "(".to_string(),
                    4..=5 => "(?:".to_string(),
                    6 => {
                        let n = format!("n{}", names.len());
                        names.push(n.clone());
                        format!("(?<{}>", if r.chance(80) { "n".to_string() } else { n })
                    }
                    7 => r.pick(&["(?=", "(?!"]).to_string(),
                    8 => r.pick(&["(?<=", "(?<!"]).to_string(),
                    9 => "(?>".to_string(),
                    _ => format!("(?{}:", r.pick(FLAGS)),
                };
                format!("{open}{inner})")
            }
            16 => format!("{}|{}", gen_regex(r, depth + 1, names), gen_regex(r, depth + 1, names)),
            17 => format!("(?x) {} # c\n", gen_regex(r, depth + 1, names)),
            _ => format!("({})\\1", gen_regex(r, depth + 1, names)),
        };
        out.push_str(&piece);
        if r.chance(35) {
            out.push_str(&gen_quant(r));
        }
    }
    out
}

/// Literal characters of the pattern, to make matching strings likelier.
pub fn pattern_chars(p: &str) -> Vec<String> {
    p.chars().filter(|c| !"\\[](){}?*+|^$".contains(*c)).map(|c| c.to_string()).collect()
}

pub fn gen_input(r: &mut Rng, extra: &[String]) -> Vec<u16> {
    let len = if r.chance(80) { r.below(6) } else { r.below(14) };
    let mut units = Vec::new();
    for _ in 0..len {
        match r.below(20) {
            0 => units.push(0xD800 + r.below(0x400) as u16),
            1 => units.push(0xDC00 + r.below(0x400) as u16),
            2..=9 if !extra.is_empty() => units.extend(r.pick(extra).encode_utf16()),
            _ => units.extend((*r.pick(ALPHABET)).encode_utf16()),
        }
    }
    // Random lone surrogates can pair up into an arbitrary supplementary code point, maybe
    // one newer than Unicode 13: keep only the alphabet's pairs.
    let allowed: Vec<u16> = ALPHABET
        .iter()
        .chain(extra.iter().map(|s| s.as_str()).collect::<Vec<_>>().iter())
        .flat_map(|s| s.encode_utf16())
        .collect();
    for k in 1..units.len() {
        let (hi, lo) = (units[k - 1], units[k]);
        if (0xD800..0xDC00).contains(&hi) && (0xDC00..0xE000).contains(&lo) {
            let known = allowed.windows(2).any(|w| w[0] == hi && w[1] == lo);
            if !known {
                units[k] = 0x61;
            }
        }
    }
    units
}
