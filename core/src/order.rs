//! One stable sort for every ordering the crate and the app make.
//!
//! The standard library's stable sort is generic over its comparison: every `sort_by` with its
//! own closure is a copy of the whole algorithm, ≈ 3.5 KB of wasm each before gzip. The orderings
//! here (the ranking, the evaluation's plan, the grid's columns) sort positions with a comparison
//! passed by reference, which makes them one copy (BENCHMARKS.md § 3). The call through a
//! reference costs a few nanoseconds per comparison; none of them is on a path that compares more
//! than a few thousand times per evaluation.

use std::cmp::Ordering;

/// Sorts `positions` stably by `cmp` (equal elements keep their order).
pub fn sort_positions(positions: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    positions.sort_by(|&a, &b| cmp(a, b));
}

/// The positions `0..n` in the stable order `cmp` gives them.
pub fn sorted_positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    sort_positions(&mut positions, cmp);
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_is_stable_and_complete() {
        let keys = [3, 1, 2, 1, 3, 0];
        let order = sorted_positions(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
        // Equal keys keep their positions' order: 1 before 3, 0 before 4.
        assert_eq!(order, vec![5, 1, 3, 2, 0, 4]);
        let mut part = vec![4, 0];
        sort_positions(&mut part, &|a, b| b.cmp(&a));
        assert_eq!(part, vec![4, 0]);
    }
}
