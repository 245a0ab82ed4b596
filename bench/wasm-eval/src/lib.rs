//! Benchmark only (never part of the app): the rule crate's `Document::evaluate` compiled to
//! WebAssembly, on the same synthetic cluster as the native criterion bench
//! (`core/benches/cluster.rs`, included as is), so that `scripts/bench/browser.mjs` can time it in
//! Chromium and compare it with the native figures.
//!
//! JavaScript does the timing (`performance.now()` around [`Cluster::evaluate`]), so this crate
//! needs nothing from the browser; a batch of evaluations runs inside one call.

use std::hint::black_box;
use thidua_core::Document;
use wasm_bindgen::prelude::*;

#[path = "../../../core/benches/cluster.rs"]
mod cluster;

/// A cluster of units with every figure filled in and verified scores.
#[wasm_bindgen]
pub struct Cluster {
    doc: Document,
}

#[wasm_bindgen]
impl Cluster {
    /// The synthetic cluster of `units` units (`core/benches/cluster.rs`).
    #[wasm_bindgen(constructor)]
    pub fn new(units: usize) -> Cluster {
        Cluster {
            doc: cluster::cluster(units),
        }
    }

    /// Evaluates, scores and ranks the whole cluster `times` times (`Document::evaluate`, as the
    /// native bench does); returns the number of units ranked by the last evaluation.
    pub fn evaluate(&self, times: u32) -> usize {
        let mut ranked = 0;
        for _ in 0..times {
            ranked = black_box(self.doc.evaluate()).units.len();
        }
        ranked
    }

    /// The cluster as a document file (what storage keeps and import reads), for the app's
    /// benchmarks at 5, 63 and 1,000 units.
    pub fn json(&self) -> String {
        self.doc.to_json()
    }
}
