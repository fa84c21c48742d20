//! Walking every page of a list (api-facts §1.4: `page` from 1, `pageSize` 1..1000). List
//! responses are bare arrays with no total, so the walk ends at the first short page.

/// `pageSize` of `iterate` when none is given: few requests, modest memory per page.
// Read by the wasm client (and quoted by the typings, which a test holds to it).
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
pub const DEFAULT_PAGE_SIZE: u32 = 100;

/// The page after `page`, or `None` when the walk is over: a page with fewer records than
/// `page_size` is the last one. A page with *more* records than asked for means the server
/// ignored the paging parameters; following it could loop forever, so the walk stops too.
pub fn next_page(page: u32, page_size: u32, received: usize) -> Option<u32> {
    if page_size == 0 || received != page_size as usize {
        return None;
    }
    page.checked_add(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_stops_at_the_first_short_page() {
        assert_eq!(next_page(1, 10, 10), Some(2));
        assert_eq!(next_page(7, 10, 10), Some(8));
        assert_eq!(next_page(3, 10, 9), None);
        assert_eq!(next_page(1, 10, 0), None);
        assert_eq!(next_page(1, 10, 11), None, "paging ignored by the server");
        assert_eq!(next_page(1, 0, 0), None);
        assert_eq!(next_page(u32::MAX, 1, 1), None);
    }
}
