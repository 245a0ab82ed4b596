//! Evaluation, scoring and ranking of the built-in pact at 5, 63, 1,000 and 10,000 units with
//! every figure filled in (criterion). `make bench` runs it and prints units per second.

mod cluster;

use cluster::cluster;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn evaluate(c: &mut Criterion) {
    let mut g = c.benchmark_group("evaluate");
    for n in [5usize, 63, 1_000, 10_000] {
        let doc = cluster(n);
        g.throughput(Throughput::Elements(n as u64));
        if n >= 1_000 {
            g.sample_size(20);
        }
        g.bench_with_input(BenchmarkId::from_parameter(n), &doc, |b, doc| {
            b.iter(|| black_box(doc.evaluate()))
        });
    }
    g.finish();
}

criterion_group!(benches, evaluate);
criterion_main!(benches);
