//! `report --parquet`: the tables as typed Parquet beside the CSV files.

use super::util::{read_report, run, stderr};

/// `report seeds --parquet` with `extra`, into a temporary folder (kept while the
/// first value lives), which must succeed.
fn parquet_report(extra: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    let mut args = vec![
        "report",
        "seeds",
        "-o",
        out.to_str().unwrap(),
        "-q",
        "--parquet",
    ];
    args.extend_from_slice(extra);
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    (dir, out)
}

/// `report --parquet` writes every table also as Parquet, with the CSV's rows
/// and values, typed: integers, floats, booleans and text.
#[test]
fn report_parquet_holds_the_csv_values_typed() {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let (_dir, out) = parquet_report(&["--group-by", "lang"]);
    let csvs: Vec<String> = read_report(&out)
        .into_iter()
        .map(|f| f.0)
        .filter(|n| n.ends_with(".csv"))
        .collect();
    assert_eq!(csvs.len(), 13, "{csvs:?}");
    for csv_name in csvs {
        let parquet_name = csv_name.replace(".csv", ".parquet");
        let (header, rows) = parquet_rows(&out.join(&parquet_name));
        let mut csv = csv::Reader::from_path(out.join(&csv_name)).unwrap();
        let csv_header: Vec<String> = csv.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(header, csv_header, "{parquet_name}");
        let csv_rows: Vec<Vec<String>> = csv
            .records()
            .map(|r| {
                r.unwrap()
                    .iter()
                    .map(|c| corpstat::table::unmark_formula(c).to_string())
                    .collect()
            })
            .collect();
        assert_eq!(rows.len(), csv_rows.len(), "{parquet_name}");
        // The seeds hold no duplicates: that one table is empty.
        assert_eq!(
            rows.is_empty(),
            csv_name == "duplicates.csv",
            "{parquet_name}"
        );
        for (got, want) in rows.iter().zip(&csv_rows) {
            for (g, w) in got.iter().zip(want) {
                // Floats read back equal the CSV's; everything else prints the same.
                let same = g == w
                    || matches!((g.parse::<f64>(), w.parse::<f64>()), (Ok(a), Ok(b)) if a == b);
                assert!(same, "{parquet_name}: {g:?} against the CSV's {w:?}");
            }
        }
    }
    // The types: integers, floats and booleans where the CSV holds them.
    let file = std::fs::File::open(out.join("terms.parquet")).unwrap();
    let schema = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .schema()
        .clone();
    let type_of = |name: &str| {
        schema
            .field_with_name(name)
            .unwrap()
            .data_type()
            .to_string()
    };
    assert_eq!(type_of("count"), "Int64");
    assert_eq!(type_of("idf"), "Float64");
    assert_eq!(type_of("term"), "Utf8");
    assert_eq!(type_of("stopword"), "Boolean");
}

/// The header and rows (as text) of a Parquet file.
fn parquet_rows(path: &std::path::Path) -> (Vec<String>, Vec<Vec<String>>) {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let file = std::fs::File::open(path).unwrap();
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    // The schema's columns, which a table without rows has too.
    let header: Vec<String> = builder
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    let reader = builder.build().unwrap();
    let mut rows = Vec::new();
    for batch in reader {
        let batch = batch.unwrap();
        for row in 0..batch.num_rows() {
            rows.push(
                batch
                    .columns()
                    .iter()
                    .map(|c| arrow_cast::display::array_value_to_string(c, row).unwrap())
                    .collect(),
            );
        }
    }
    (header, rows)
}

/// `report --parquet` writes `document_terms.parquet`, the long document-term
/// table: its counts, summed over the documents, are terms.csv's counts, and its
/// documents are documents.csv's, in that order; no CSV of it is written.
#[test]
fn report_parquet_writes_the_document_term_table() {
    let (dir, out) = parquet_report(&[]);
    assert!(!out.join("document_terms.csv").exists());
    let (header, rows) = parquet_rows(&out.join("document_terms.parquet"));
    assert_eq!(header, ["document", "term", "count"]);
    let mut sums: std::collections::BTreeMap<String, u64> = Default::default();
    let mut documents: Vec<String> = Vec::new();
    for row in &rows {
        *sums.entry(row[1].clone()).or_default() += row[2].parse::<u64>().unwrap();
        if documents.last() != Some(&row[0]) {
            documents.push(row[0].clone());
        }
    }
    let mut terms = csv::Reader::from_path(out.join("terms.csv")).unwrap();
    let expected: std::collections::BTreeMap<String, u64> = terms
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[1].to_string(), r[2].parse().unwrap())
        })
        .collect();
    assert_eq!(sums, expected);
    let mut listed = csv::Reader::from_path(out.join("documents.csv")).unwrap();
    let ids: Vec<String> = listed
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(documents, ids);
    // Without --parquet the report keeps no document's terms and writes no such file.
    let plain = dir.path().join("plain");
    assert!(
        run(&["report", "seeds", "-o", plain.to_str().unwrap(), "-q"])
            .status
            .success()
    );
    assert!(!plain.join("document_terms.parquet").exists());
}
