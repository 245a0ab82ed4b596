//! Times `Document::evaluate` natively the way `bench/wasm-eval`'s page times it in Chromium, so
//! that `scripts/bench/browser.mjs` can measure both within the same minute and take their ratio
//! (criterion's figures are minutes old by then, and this machine's speed drifts between runs).
//!
//! Arguments: the number of units, then optionally the number of batches (20). The same
//! synthetic cluster (`core/benches/cluster.rs`), the same method: evaluations for 0.5 s first,
//! then batches of k evaluations, k doubled until a batch lasts 20 ms; prints one JSON line with
//! the median, lowest and highest time per evaluation over the batches, in milliseconds.
#[path = "../benches/cluster.rs"]
mod cluster;

use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let units: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_000);
    let samples: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(20)
        .max(1);
    let doc = cluster::cluster(units);
    let run = |k: u32| {
        for _ in 0..k {
            black_box(doc.evaluate());
        }
    };
    let t0 = Instant::now();
    while t0.elapsed() < Duration::from_millis(500) {
        run(1);
    }
    let mut k = 1u32;
    loop {
        let t0 = Instant::now();
        run(k);
        if t0.elapsed() >= Duration::from_millis(20) {
            break;
        }
        k *= 2;
    }
    let mut per: Vec<f64> = (0..samples)
        .map(|_| {
            let t0 = Instant::now();
            run(k);
            t0.elapsed().as_secs_f64() * 1e3 / f64::from(k)
        })
        .collect();
    per.sort_by(f64::total_cmp);
    let median = per[(per.len() / 2).min(per.len() - 1)];
    println!(
        "{{\"n\":{units},\"k\":{k},\"samples\":{samples},\"medianMs\":{median},\"lowMs\":{},\"highMs\":{}}}",
        per[0],
        per[per.len() - 1]
    );
}
