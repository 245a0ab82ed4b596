//! Evaluates a cluster a few times, for profilers (`valgrind --tool=callgrind`, `perf`).
//!
//! Arguments, all optional: the number of units (1,000), of evaluations (5), and `clone` to
//! clone and drop the results of one evaluation that many times instead — the cost of the result
//! types alone (their allocations and copies), a floor under any evaluation that returns them.
#[path = "../benches/cluster.rs"]
mod cluster;

fn main() {
    let mut args = std::env::args().skip(1);
    let units = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_000);
    let times = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let doc = cluster::cluster(units);
    if args.next().is_some_and(|a| a == "clone") {
        let results = doc.evaluate();
        for _ in 0..times {
            std::hint::black_box(results.clone());
        }
    } else {
        for _ in 0..times {
            std::hint::black_box(doc.evaluate());
        }
    }
}
