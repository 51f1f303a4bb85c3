//! Criterion benchmarks of the pipeline stages on the bundled multilingual seeds.
//! Run with `cargo bench`; throughput is reported in bytes per second.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

use corpstat::tokenize;
use corpstat::Analyzer;
use corpstat::LanguageDetector;
use corpstat::Normalizer;
use corpstat::{Document, Options};

fn seeds_text() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/ is part of the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed files are UTF-8"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn stages(c: &mut Criterion) {
    let text = seeds_text();
    let mut group = c.benchmark_group("seeds");
    group.throughput(Throughput::Bytes(text.len() as u64));
    let normalizer = Normalizer::default();
    group.bench_function("normalize", |b| {
        b.iter(|| normalizer.normalize(black_box(&text)).len())
    });
    let normalized = normalizer.normalize(&text);
    group.bench_function("tokenize", |b| {
        b.iter(|| tokenize(black_box(&normalized)).tokens.len())
    });
    // Words alone: corpstat's fast path against the unicode-segmentation it equals.
    group.bench_function("words", |b| {
        b.iter(|| corpstat::tokenize::words(black_box(&normalized)).len())
    });
    group.bench_function("unicode_words", |b| {
        b.iter(|| {
            unicode_segmentation::UnicodeSegmentation::unicode_words(black_box(normalized.as_str()))
                .count()
        })
    });
    let detector = LanguageDetector::new();
    group.bench_function("detect_lines", |b| {
        b.iter(|| {
            normalized
                .lines()
                .filter(|l| detector.detect(black_box(l)).reliable)
                .count()
        })
    });
    let analyzer = Analyzer::new(Options::default()).expect("default options are valid");
    group.bench_function("analyze_document", |b| {
        b.iter(|| {
            analyzer
                .analyze(Document::new("seeds", text.clone()))
                .tokens()
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
