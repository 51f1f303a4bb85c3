//! The tables of a partial, with their columns: the one list the writer, the
//! reader and `docs/PARTIALS.md` follow.

/// How a column is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text, never null.
    Text,
    /// UTF-8 text or null.
    OptionalText,
    /// A signed 64-bit integer.
    Integer,
    /// A 64-bit float.
    Float,
}

/// One column of a partial table.
#[derive(Debug)]
pub struct PartialColumn {
    /// Its name.
    pub name: &'static str,
    /// How it is stored.
    pub kind: ColumnType,
    /// What it holds, and how the reduce combines it.
    pub doc: &'static str,
}

/// One Parquet table of a partial.
#[derive(Debug)]
pub struct PartialTable {
    /// Its file name.
    pub name: &'static str,
    /// The columns that identify a row: the reduce groups by them.
    pub key: &'static [&'static str],
    /// Every column, in file order.
    pub columns: &'static [PartialColumn],
}

const fn col(name: &'static str, kind: ColumnType, doc: &'static str) -> PartialColumn {
    PartialColumn { name, kind, doc }
}

use ColumnType::{Float, Integer, OptionalText, Text};

/// Every term with its totals.
pub const TERMS: PartialTable = PartialTable {
    name: "terms.parquet",
    key: &["term"],
    columns: &[
        col("term", Text, "the term (normalized form)"),
        col("count", Integer, "occurrences; SUM"),
        col("doc_freq", Integer, "documents that hold it; SUM"),
        col("sentence_freq", Integer, "sentences that hold it; SUM"),
        col("first_seen", Integer, "shard × 2^40 + token offset in the shard of its first occurrence; MIN"),
        col("kind", Text, "token kind of its first occurrence: the kind of the row with the least first_seen (arg_min / min_by)"),
        col("script", Text, "its script, a function of the term: any row's (MIN)"),
    ],
};

/// Surface forms other than the term itself.
pub const SURFACES: PartialTable = PartialTable {
    name: "surfaces.parquet",
    key: &["term", "form"],
    columns: &[
        col("term", Text, "the term"),
        col(
            "form",
            Text,
            "a form written in the text that normalizes to the term",
        ),
        col("count", Integer, "occurrences written so; SUM"),
    ],
};

/// N-grams of order 2 and more.
pub const NGRAMS: PartialTable = PartialTable {
    name: "ngrams.parquet",
    key: &["n", "gram"],
    columns: &[
        col("n", Integer, "the order"),
        col(
            "gram",
            Text,
            "its terms, joined by one space (terms never hold whitespace)",
        ),
        col("count", Integer, "occurrences; SUM"),
        col("doc_freq", Integer, "documents that hold it; SUM"),
    ],
};

/// Co-occurring pairs, in the scope of the options.
pub const PAIRS: PartialTable = PartialTable {
    name: "pairs.parquet",
    key: &["term_a", "term_b"],
    columns: &[
        col(
            "term_a",
            Text,
            "the first term (the smaller text, unless pairs are ordered)",
        ),
        col("term_b", Text, "the second term"),
        col(
            "count",
            Integer,
            "windows, sentences or documents in which they co-occur; SUM",
        ),
    ],
};

/// Every document.
pub const DOCUMENTS: PartialTable = PartialTable {
    name: "documents.parquet",
    key: &["shard", "document"],
    columns: &[
        col("shard", Integer, "the shard's order"),
        col(
            "document",
            Integer,
            "the document's place in its shard, from 0",
        ),
        col("id", Text, "its id"),
        col("source", Text, "the file it came from"),
        col("line", Integer, "its line in the file (0 for a whole file)"),
        col(
            "group",
            OptionalText,
            "its group, when the input stage decides it",
        ),
        col("bytes", Integer, "its size in UTF-8 bytes"),
        col("tokens", Integer, "tokens"),
        col("sentences", Integer, "sentences with at least one token"),
        col("mtld_forward", Float, "MTLD factors, reading forward"),
        col("mtld_backward", Float, "MTLD factors, reading backward"),
        col(
            "switches",
            Integer,
            "language switches between its sentences",
        ),
        col(
            "mixed_sentences",
            Integer,
            "its sentences whose words are in two or more scripts",
        ),
        col(
            "switch_pairs",
            Text,
            "its switches as `from>to:count`, separated by spaces, in code order",
        ),
        col(
            "orthography",
            Text,
            "its orthography ledger as `step:count` for the counts above 0, separated by spaces, in name order",
        ),
    ],
};

/// The words of each language and script in each document.
pub const DOCUMENT_LANGUAGES: PartialTable = PartialTable {
    name: "document_languages.parquet",
    key: &["shard", "document", "language", "script"],
    columns: &[
        col("shard", Integer, "the shard's order"),
        col("document", Integer, "the document's place in its shard"),
        col("language", Text, "ISO 639-3 code, und when undetermined"),
        col("script", Text, "script"),
        col("words", Integer, "words"),
    ],
};

/// Each document's terms, for TF-IDF with the corpus' document frequencies.
pub const DOCUMENT_TERMS: PartialTable = PartialTable {
    name: "document_terms.parquet",
    key: &["shard", "document", "term"],
    columns: &[
        col("shard", Integer, "the shard's order"),
        col("document", Integer, "the document's place in its shard"),
        col("term", Text, "a term of the document"),
        col("count", Integer, "its occurrences in the document"),
    ],
};

/// The tokens at each shard's edges that MATTR windows across shards need.
pub const MATTR_EDGES: PartialTable = PartialTable {
    name: "mattr_edges.parquet",
    key: &["shard", "edge", "position"],
    columns: &[
        col("shard", Integer, "the shard's order"),
        col(
            "edge",
            Text,
            "head (the shard's first window - 1 tokens) or tail (its last window tokens)",
        ),
        col("position", Integer, "the token's place in the edge, from 0"),
        col("term", Text, "the token's term"),
    ],
};

/// Every table of a partial, in the order they are written.
pub const PARTIAL_TABLES: &[&PartialTable] = &[
    &TERMS,
    &SURFACES,
    &NGRAMS,
    &PAIRS,
    &DOCUMENTS,
    &DOCUMENT_LANGUAGES,
    &DOCUMENT_TERMS,
    &MATTR_EDGES,
];

#[cfg(test)]
mod tests {
    use super::PARTIAL_TABLES;

    /// docs/PARTIALS.md lists every table, and every column under its table, in file order.
    #[test]
    fn partials_md_documents_every_column() {
        let doc = include_str!("../../docs/PARTIALS.md");
        for table in PARTIAL_TABLES {
            let heading = format!("### `{}`", table.name);
            let at = doc
                .find(&heading)
                .unwrap_or_else(|| panic!("{heading} is missing"));
            let section = &doc[at + heading.len()..];
            let section = &section[..section.find("\n#").unwrap_or(section.len())];
            let mut from = 0;
            for column in table.columns {
                let cell = format!("| `{}` |", column.name);
                let found = section[from..]
                    .find(&cell)
                    .unwrap_or_else(|| panic!("{}: {cell} is missing or out of order", table.name));
                from += found + cell.len();
            }
        }
    }
}
