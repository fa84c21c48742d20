//! When to retry and how long to wait.
//!
//! - Idempotent reads (GET, HEAD: `Method::is_idempotent_read`) after a network failure, a
//!   timeout or a 429/502/503/504.
//! - Writes (POST, PATCH, DELETE) only after an answer that proves the request was not
//!   processed: 429 (a rate limiter refuses before the request is handled), and 503 *with*
//!   `Retry-After` (the server deliberately refuses for a while: maintenance, load shedding).
//!   Never after a timeout, a dropped connection, 500, 502, 504, or a 503 without
//!   `Retry-After` (a proxy's "upstream reset" 503 may come after the server created the
//!   record): the effect may already have happened, and a blind retry could create twice.

use std::time::{Duration, UNIX_EPOCH};

use crate::endpoints::Method;

/// First backoff step; the n-th retry waits about `BASE_DELAY_MS * 2^n`.
pub const BASE_DELAY_MS: u64 = 250;
/// Longest computed backoff.
pub const MAX_DELAY_MS: u64 = 8_000;
/// Longest `Retry-After` honoured. A server asking for more is shedding load for a while:
/// the call fails with its 429/503 at once instead of waiting minutes (or retrying early).
pub const MAX_RETRY_AFTER_MS: u64 = 60_000;

/// Statuses worth another try of a read: throttled, or a gateway that could not reach the server.
pub fn is_retryable_status(status: u16) -> bool {
    matches!(status, 429 | 502 | 503 | 504)
}

/// Whether an answer `status` (with or without `Retry-After`) may be retried for `method`
/// (module doc: reads on throttling and gateway errors; writes only when nothing was done).
pub fn may_retry_answer(method: Method, status: u16, has_retry_after: bool) -> bool {
    if method.is_idempotent_read() {
        is_retryable_status(status)
    } else {
        status == 429 || (status == 503 && has_retry_after)
    }
}

/// Exponential backoff with "equal jitter": retry `n` (0-based) waits a random time in
/// `[cap / 2, cap]` with `cap = min(MAX_DELAY_MS, BASE_DELAY_MS * 2^n)`, so clients that
/// failed together do not retry together, yet each wait is at least half the step.
pub fn backoff_ms(retry: u32, random: f64) -> u64 {
    let cap = BASE_DELAY_MS.saturating_mul(1u64.checked_shl(retry.min(32)).unwrap_or(u64::MAX)).min(MAX_DELAY_MS);
    let r = if random.is_finite() { random.clamp(0.0, 1.0) } else { 0.5 };
    cap / 2 + ((cap / 2) as f64 * r) as u64
}

/// The wait a `Retry-After` value asks for, in ms: delay-seconds or an HTTP date (RFC 9110
/// §10.2.3). A date in the past means "now". `None` if the value is neither.
pub fn parse_retry_after(value: &str, now_ms: f64) -> Option<u64> {
    let v = value.trim();
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        // Saturate rather than overflow on absurd values; they exceed the cap anyway.
        return Some(v.parse::<u64>().unwrap_or(u64::MAX).saturating_mul(1000));
    }
    let at = httpdate::parse_http_date(v).ok()?;
    let at_ms = at.duration_since(UNIX_EPOCH).unwrap_or(Duration::ZERO).as_millis();
    let now = if now_ms.is_finite() && now_ms > 0.0 { now_ms as u128 } else { 0 };
    Some(u64::try_from(at_ms.saturating_sub(now)).unwrap_or(u64::MAX))
}

/// What to do after a retryable failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Sleep this many ms, then try again.
    After(u64),
    /// The server asked for a longer pause than [`MAX_RETRY_AFTER_MS`]: fail now.
    GiveUp,
}

/// The wait before retry `retry` (0-based): the server's `Retry-After` when it gives a
/// readable one, else [`backoff_ms`].
pub fn wait_before_retry(retry: u32, retry_after: Option<&str>, now_ms: f64, random: f64) -> Wait {
    match retry_after.and_then(|v| parse_retry_after(v, now_ms)) {
        Some(ms) if ms > MAX_RETRY_AFTER_MS => Wait::GiveUp,
        Some(ms) => Wait::After(ms),
        None => Wait::After(backoff_ms(retry, random)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_throttling_and_gateway_statuses_are_retryable() {
        for s in [429, 502, 503, 504] {
            assert!(is_retryable_status(s), "{s}");
        }
        for s in [200, 400, 401, 404, 409, 500, 501, 505] {
            assert!(!is_retryable_status(s), "{s}");
        }
    }

    #[test]
    fn writes_are_retried_only_on_answers_that_prove_nothing_was_done() {
        for m in [Method::Post, Method::Patch, Method::Delete] {
            assert!(may_retry_answer(m, 429, false) && may_retry_answer(m, 429, true), "{m:?}");
            assert!(may_retry_answer(m, 503, true), "{m:?}");
            for s in [500, 502, 504, 400, 409] {
                assert!(!may_retry_answer(m, s, true), "{m:?} {s}");
            }
            assert!(!may_retry_answer(m, 503, false), "{m:?}: a 503 without Retry-After proves nothing");
        }
        for m in [Method::Get, Method::Head] {
            for s in [429, 502, 503, 504] {
                assert!(may_retry_answer(m, s, false), "{m:?} {s}");
            }
            assert!(!may_retry_answer(m, 500, true));
        }
    }

    #[test]
    fn backoff_doubles_within_jitter_bounds_and_is_capped() {
        for retry in 0..40 {
            let cap = (BASE_DELAY_MS << retry.min(20)).min(MAX_DELAY_MS);
            let lo = backoff_ms(retry, 0.0);
            let hi = backoff_ms(retry, 0.999_999);
            assert_eq!(lo, cap / 2, "retry {retry}");
            assert!(hi <= cap && hi >= cap - 1, "retry {retry}: {hi} vs {cap}");
            assert!(backoff_ms(retry, f64::NAN) <= cap);
        }
        assert_eq!(backoff_ms(0, 0.0), 125);
        assert_eq!(backoff_ms(1, 0.0), 250);
        assert_eq!(backoff_ms(2, 1.0), 1000);
        assert_eq!(backoff_ms(30, 1.0), MAX_DELAY_MS);
        assert_eq!(backoff_ms(u32::MAX, 1.0), MAX_DELAY_MS);
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        // 1994-11-06T08:49:37Z, the RFC's example date.
        let date_ms = 784_111_777_000.0;
        assert_eq!(parse_retry_after("0", 0.0), Some(0));
        assert_eq!(parse_retry_after(" 120 ", 0.0), Some(120_000));
        assert_eq!(parse_retry_after("99999999999999999999999", 0.0), Some(u64::MAX));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", date_ms - 5_000.0), Some(5_000));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", date_ms + 5_000.0), Some(0));
        // The obsolete formats HTTP still allows.
        assert_eq!(parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", date_ms - 1_000.0), Some(1_000));
        assert_eq!(parse_retry_after("Sun Nov  6 08:49:37 1994", date_ms - 2_000.0), Some(2_000));
        for bad in ["", "-1", "1.5", "soon", "Sun, 31 Feb 1994 08:49:37 GMT"] {
            assert_eq!(parse_retry_after(bad, 0.0), None, "{bad:?}");
        }
    }

    #[test]
    fn waits_honour_retry_after_up_to_the_cap() {
        assert_eq!(wait_before_retry(0, Some("2"), 0.0, 0.0), Wait::After(2_000));
        assert_eq!(wait_before_retry(0, Some("60"), 0.0, 0.0), Wait::After(60_000));
        assert_eq!(wait_before_retry(0, Some("61"), 0.0, 0.0), Wait::GiveUp);
        // Unreadable or absent: the backoff schedule.
        assert_eq!(wait_before_retry(1, Some("later"), 0.0, 0.0), Wait::After(250));
        assert_eq!(wait_before_retry(1, None, 0.0, 0.0), Wait::After(250));
    }
}
