//! Regular expressions in the server's dialect (Java `java.util.regex`, decisions R2), matched
//! against the whole value (decisions R1): the API's own patterns in force ([`patterns`]),
//! product-defined formats that arrive as data ([`user`], decisions R10), and their
//! ECMAScript form for the exports and the JavaScript validators ([`ecma`]).

pub mod ecma;
pub mod java;
pub mod patterns;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub use java::{ClassInfo, Compiled, Limits, PatternError};
pub use patterns::{reset_pattern, set_pattern, Mismatch};

/// Compiles a regex that comes from data (a product's reference format) once, then serves it
/// from a bounded cache (decisions R10). Errors are cached too, so a bad format costs one
/// compile however often it is checked.
pub fn user(source: &str) -> Result<Arc<Compiled>, PatternError> {
    const CAPACITY: usize = 256;
    type Cache = HashMap<String, Result<Arc<Compiled>, PatternError>>;
    static CACHE: Mutex<Option<Cache>> = Mutex::new(None);
    let mut guard = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    let cache = guard.get_or_insert_with(HashMap::new);
    if let Some(hit) = cache.get(source) {
        return hit.clone();
    }
    let compiled = java::compile(source, Limits::USER).map(Arc::new);
    if cache.len() >= CAPACITY {
        // Formats are few per tenant; dropping the whole cache on overflow keeps memory bounded
        // without bookkeeping, and recompiling is cheap.
        cache.clear();
    }
    cache.insert(source.to_owned(), compiled.clone());
    compiled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_regexes_are_cached_with_their_errors() {
        let a = user("[0-9]{3,11}").unwrap();
        let b = user("[0-9]{3,11}").unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert!(user("(").is_err());
        assert_eq!(user("(").unwrap_err(), user("(").unwrap_err());
    }
}
