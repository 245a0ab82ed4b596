//! Evaluates a 1,000-unit cluster a few times, for profilers (`valgrind --tool=callgrind`).
#[path = "../benches/cluster.rs"]
mod cluster;

fn main() {
    let doc = cluster::cluster(1_000);
    for _ in 0..5 {
        std::hint::black_box(doc.evaluate());
    }
}
