use super::*;

const COLUMNS: &[Column] = &[text("term", "the term"), number("count", "how often")];

fn sample() -> Table {
    Table {
        columns: COLUMNS.into(),
        rows: vec![
            vec!["في".into(), "12".into()],
            vec!["a,b".into(), "3".into()],
        ],
    }
}

fn print(format: Format) -> String {
    let mut out = Vec::new();
    sample().write(format, CsvCells::Exact, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The CSV cells are data: `@NUM`, `-5` and `=x` stay as they are unless the
/// formula guard is asked for, which marks text cells (never numbers).
#[test]
fn cells_are_exact_unless_the_formula_guard_is_asked_for() {
    let table = Table {
        columns: COLUMNS.into(),
        rows: vec![
            vec!["@NUM".into(), "-5".into()],
            vec!["=HYPERLINK(1)".into(), "3".into()],
        ],
    };
    let write = |cells: CsvCells| {
        let mut out = Vec::new();
        table.write(Format::Csv, cells, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    assert_eq!(
        write(CsvCells::Exact),
        "term,count\n@NUM,-5\n=HYPERLINK(1),3\n"
    );
    assert_eq!(
        write(CsvCells::FormulaGuard),
        "term,count\n'@NUM,-5\n'=HYPERLINK(1),3\n"
    );
}

#[test]
fn formats() {
    assert_eq!(print(Format::Csv), "term,count\nفي,12\n\"a,b\",3\n");
    assert_eq!(print(Format::Tsv), "term\tcount\nفي\t12\na,b\t3\n");
    assert_eq!(
        print(Format::Table),
        "term  count\n\u{2068}في\u{2069}       \u{2068}12\u{2069}\na,b       3\n"
            .replace("a,b       3", "\u{2068}a,b\u{2069}       \u{2068}3\u{2069}")
    );
    let json: serde_json::Value = serde_json::from_str(&print(Format::Json)).unwrap();
    assert_eq!(json[0]["term"], "في");
    assert_eq!(json[0]["count"], 12);
}

/// Columns are padded by the width a terminal gives their text: an Arabic
/// mark and a ZWNJ take none, a CJK character two.
#[test]
fn table_cells_are_padded_by_display_width() {
    let table = Table {
        columns: COLUMNS.into(),
        rows: vec![
            vec!["كَتَبَ".into(), "1".into()],
            vec!["می\u{200C}شود".into(), "2".into()],
            vec!["中文".into(), "3".into()],
            vec!["abcd".into(), "4".into()],
        ],
    };
    let mut out = Vec::new();
    table
        .write(Format::Table, CsvCells::Exact, &mut out)
        .unwrap();
    let text = String::from_utf8(out).unwrap();
    let rows: Vec<String> = text
        .lines()
        .skip(1)
        .map(|l| l.replace(['\u{2068}', '\u{2069}'], ""))
        .collect();
    // كتب shows 3 columns, میشود 5, 中文 4, abcd 4: each padded to 5, then two
    // spaces, then the count right-aligned in the 5 columns of "count".
    assert_eq!(rows[0], format!("كَتَبَ{}1", " ".repeat(2 + 2 + 4)));
    assert_eq!(rows[1], format!("می\u{200C}شود{}2", " ".repeat(2 + 4)));
    assert_eq!(rows[2], format!("中文{}3", " ".repeat(1 + 2 + 4)));
    assert_eq!(rows[3], format!("abcd{}4", " ".repeat(1 + 2 + 4)));
}

#[test]
fn json_rows_keep_column_order_and_types() {
    let table = Table {
        columns: vec![
            text("term", ""),
            number("count", ""),
            boolean("stopword", ""),
            number("idf", ""),
        ]
        .into(),
        rows: vec![vec!["zebra".into(), "3".into(), "true".into(), "".into()]],
    };
    let mut out = Vec::new();
    table
        .write(Format::Json, CsvCells::Exact, &mut out)
        .unwrap();
    let text = String::from_utf8(out).unwrap();
    let compact: String = text.split_whitespace().collect();
    assert_eq!(
        compact,
        r#"[{"term":"zebra","count":3,"stopword":true,"idf":null}]"#
    );
}

#[test]
fn chunked_csv_equals_csv_written_in_order() {
    let row = |i: usize| {
        let term = match i % 3 {
            0 => format!("term {i}, with \"quotes\""),
            1 => format!("line\nbreak {i}"),
            _ => format!("في {i}"),
        };
        vec![term, i.to_string()]
    };
    for len in [0, 1, CSV_CHUNK_ROWS, 3 * CSV_CHUNK_ROWS + 17] {
        let mut in_order = Vec::new();
        write_csv(COLUMNS, (0..len).map(row), CsvCells::Exact, &mut in_order).unwrap();
        let mut chunked = Vec::new();
        write_csv_chunked(COLUMNS, len, &row, CsvCells::Exact, &mut chunked).unwrap();
        assert_eq!(chunked, in_order, "{len} rows");
    }
}

#[test]
fn fast_floats_equal_the_standard_formatting() {
    let mut values = vec![
        0.0,
        -0.0,
        1e-9,
        -1e-9,
        5e-7,
        -4e-7,
        1.5e-6,
        2.5e-6,
        1.0000005,
        999_999.999_999_5,
        1e6,
        -1e6,
        1e300,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MIN_POSITIVE,
    ];
    // Values whose seventh decimal is 5, and their neighbours.
    for k in 0..20_000u64 {
        let half = (k as f64 + 0.5) / 1e6;
        values.extend([half, f64::from_bits(half.to_bits() + 1), -half]);
        values.push(f64::from_bits(half.to_bits().saturating_sub(1)));
    }
    // Every magnitude, from raw bits.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..200_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        values.push(f64::from_bits(x));
        values.push((x % 10_000_000_000) as f64 / 1e4);
    }
    for value in values {
        assert_eq!(float(value), format!("{value:.6}"), "{value:e}");
    }
}

#[test]
fn floats_have_fixed_precision() {
    assert_eq!(float(1.0 / 3.0), "0.333333");
    assert_eq!(float(2.0), "2.000000");
    assert_eq!(round(0.1234567), 0.123457);
}
