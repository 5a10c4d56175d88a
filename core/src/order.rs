//! Ordering lists by rank with one sort routine for the whole crate.
//!
//! Every `sort_by` on a new element type or closure compiles to its own copy of the
//! standard library's sort (about 3 KB of WebAssembly each, paid by every patient
//! loading the page). Here each list is ranked by two whole numbers and only the ranks
//! are sorted, so there is a single copy.

/// Sorts `items` by `rank` (smallest first), keeping the original order of items that
/// rank equal.
pub(crate) fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> [i64; 2]) {
    let mut ranked: Vec<([i64; 2], usize)> = items.iter().enumerate().map(|(i, t)| (rank(t), i)).collect();
    // The index makes every key unique, so an unstable sort keeps equal ranks in order.
    ranked.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(ranked.iter().filter_map(|&(_, i)| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_rank_and_keeps_ties_in_order() {
        let mut words = vec!["d", "b2", "a", "b1", "c", "b3"];
        sort_by_rank(&mut words, |w| [i64::from(w.as_bytes()[0]), 0]);
        assert_eq!(words, ["a", "b2", "b1", "b3", "c", "d"]);
        let mut pairs = vec![(1, 9), (0, 5), (1, 2), (0, 7)];
        sort_by_rank(&mut pairs, |&(a, b)| [-a, b]);
        assert_eq!(pairs, [(1, 2), (1, 9), (0, 5), (0, 7)]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_rank(&mut empty, |_| [0, 0]);
        assert!(empty.is_empty());
    }
}
