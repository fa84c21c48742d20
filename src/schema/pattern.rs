//! Every validation pattern of the API, written once, in the server's (Java) dialect, with
//! where it comes from. Fields refer to these by [`Pattern`]; nothing else spells a pattern.
//!
//! This is data only: compiling and matching (and replacing a pattern at run time with
//! `set_pattern`, decisions R3) is the job of [`crate::regex`].

/// A named pattern of the Elevate API (the `PAT-…` ids of api-facts §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Pattern {
    /// PAT-NAME-CURLY: names and free text; includes the typographic apostrophe `’`.
    NameCurly,
    /// PAT-NAME-PLAIN: as [`Pattern::NameCurly`] without `’` (RentalDiscountPlan.name).
    NamePlain,
    /// PAT-PHONE: telephone numbers and inventory references.
    Phone,
    /// PAT-EMAIL: the `EmailAddress` schema.
    Email,
    /// PAT-POSTCODE.
    Postcode,
    /// PAT-COUNTRY: the `CountryCode` schema's pattern.
    Country,
    /// PAT-NOMINAL: nominal (ledger) codes.
    Nominal,
    /// A value that is not empty or whitespace only (AdhocInventory.invoiceGroupTagValue).
    NonBlank,
}

/// A pattern's definition: its public name, its source text and where that text comes from.
#[derive(Debug)]
pub struct PatternDef {
    /// The pattern this row defines.
    pub pattern: Pattern,
    /// Name used by [`set_pattern`](crate::set_pattern), in issue params and in the exported schemas.
    pub name: &'static str,
    /// The pattern in the server's Java dialect, as the server applies it.
    pub source: &'static str,
    /// Provenance: the documentation and the ruling that settle this text.
    pub origin: &'static str,
    /// What the pattern allows, in words, for messages and generated docs.
    pub allows: &'static str,
}

/// The pattern table. Order matches [`Pattern`]'s variants.
pub static PATTERNS: [PatternDef; 8] = [
    PatternDef {
        pattern: Pattern::NameCurly,
        name: "NAME_CURLY",
        // The docs cut this class after `\*`; decisions R3: the class is exactly the
        // visible characters, one or more of them.
        source: r"[\w\p{L}\s%£@&#=':;`’,|!_—–\(\)\\/\-\+\.\?\*]+",
        origin: "api-facts §2 PAT-NAME-CURLY (truncated in every rendering); decisions R2, R3",
        allows: "letters, digits, spaces and % £ @ & # = ' : ; ` ’ , | ! _ — – ( ) \\ / - + . ? *",
    },
    PatternDef {
        pattern: Pattern::NamePlain,
        name: "NAME_PLAIN",
        source: r"[\w\p{L}\s%£@&#=':;`',|!_—–\(\)\\/\-\+\.\?\*]+",
        origin: "api-facts §2 PAT-NAME-PLAIN (seed:003, truncated); decisions R3",
        allows: "letters, digits, spaces and % £ @ & # = ' : ; ` , | ! _ — – ( ) \\ / - + . ? *",
    },
    PatternDef {
        pattern: Pattern::Phone,
        name: "PHONE",
        // `,-_` is a range (U+002C..U+005F): it admits `/:;<=>?[\]^` and excludes `+`
        // (decisions R2). Kept exactly as the server applies it.
        source: r"^$|[a-zA-Z0-9\p{L}\s()@&.,-_£|]{4,100}",
        origin: "api-facts §2 PAT-PHONE (seed:002, full); decisions R2",
        allows: "letters, digits, spaces and ( ) @ & . , - / : ; < = > ? [ \\ ] ^ _ £ | (no +)",
    },
    PatternDef {
        pattern: Pattern::Email,
        name: "EMAIL",
        // decisions R4: the published RFC 5322 "general e-mail" expression whose visible
        // prefix the docs show, with a-zA-Z throughout.
        source: concat!(
            r#"(?:[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*"#,
            r#"|"(?:[\x01-\x08\x0b\x0c\x0e-\x1f\x21\x23-\x5b\x5d-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])*")"#,
            r#"@(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"#,
            r#"|\[(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?"#,
            r#"|[a-zA-Z0-9-]*[a-zA-Z0-9]:(?:[\x01-\x08\x0b\x0c\x0e-\x1f\x21-\x5a\x53-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])+)\])"#,
        ),
        origin: "api-facts §2 PAT-EMAIL (truncated); decisions R4",
        allows: "an e-mail address such as jane.doe@example.co.uk",
    },
    PatternDef {
        pattern: Pattern::Postcode,
        name: "POSTCODE",
        source: r"[a-zA-Z0-9\p{L}@.\-\+_\s]+",
        origin: "api-facts §2 PAT-POSTCODE (seed:002, full); decisions R6",
        allows: "letters, digits, spaces and @ . - + _",
    },
    PatternDef {
        pattern: Pattern::Country,
        name: "COUNTRY",
        source: r"[A-Z]{2}",
        origin: "api-facts §2 PAT-COUNTRY (seed:002, full); decisions R7",
        allows: "two capital letters",
    },
    PatternDef {
        pattern: Pattern::Nominal,
        name: "NOMINAL",
        // PAT-NOMINAL-DBL (`\\p{L}`) is an escaping slip in two pages: decisions R6.
        source: r"[a-zA-Z0-9\p{L}.\-_]*",
        origin: "api-facts §2 PAT-NOMINAL; decisions R6 (PAT-NOMINAL-DBL read as PAT-NOMINAL)",
        allows: "letters, digits and . - _",
    },
    PatternDef {
        pattern: Pattern::NonBlank,
        name: "NON_BLANK",
        // "not empty or whitespace only" (api-facts §5.5). Bean Validation's @NotBlank trims
        // with String.trim(), which removes every character up to U+0020.
        source: r"(?s).*[^\x00-\x20].*",
        origin: "api-facts §5.5 (AdhocInventory.invoiceGroupTagValue, prose)",
        allows: "at least one character that is not a space or a control character",
    },
];

impl Pattern {
    /// This pattern's definition in [`PATTERNS`].
    pub fn def(self) -> &'static PatternDef {
        &PATTERNS[self as usize]
    }

    /// The pattern whose public name is `name` (`"PHONE"`).
    pub fn from_name(name: &str) -> Option<Pattern> {
        PATTERNS.iter().find(|d| d.name == name).map(|d| d.pattern)
    }
}
