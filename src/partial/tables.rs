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

/// The column names of the partial tables, each written once: the tables below
/// and the reader (`read/`) both name columns through these.
pub mod columns {
    #![allow(missing_docs)]
    pub const BYTES: &str = "bytes";
    pub const COUNT: &str = "count";
    pub const DATE: &str = "date";
    pub const DOC_FREQ: &str = "doc_freq";
    pub const DOCUMENT: &str = "document";
    pub const EDGE: &str = "edge";
    pub const BAND: &str = "band";
    pub const FINGERPRINT: &str = "fingerprint";
    pub const FIRST_SEEN: &str = "first_seen";
    pub const FORM: &str = "form";
    pub const GRAM: &str = "gram";
    pub const GROUP: &str = "group";
    pub const ID: &str = "id";
    pub const KEY: &str = "key";
    pub const KIND: &str = "kind";
    pub const LANGUAGE: &str = "language";
    pub const LINE: &str = "line";
    pub const MINHASH: &str = "minhash";
    pub const QUALITY: &str = "quality";
    pub const MIXED_SENTENCES: &str = "mixed_sentences";
    pub const MTLD_BACKWARD: &str = "mtld_backward";
    pub const MTLD_FORWARD: &str = "mtld_forward";
    pub const N: &str = "n";
    pub const ORTHOGRAPHY: &str = "orthography";
    pub const POSITION: &str = "position";
    pub const SCRIPT: &str = "script";
    pub const SENTENCE_FREQ: &str = "sentence_freq";
    pub const SENTENCES: &str = "sentences";
    pub const SHARD: &str = "shard";
    pub const SOURCE: &str = "source";
    pub const SWITCH_PAIRS: &str = "switch_pairs";
    pub const SWITCHES: &str = "switches";
    pub const TERM: &str = "term";
    pub const TERM_A: &str = "term_a";
    pub const TERM_B: &str = "term_b";
    pub const TOKENS: &str = "tokens";
    pub const WORDS: &str = "words";
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
        col(columns::TERM, Text, "the term (normalized form)"),
        col(columns::COUNT, Integer, "occurrences; SUM"),
        col(columns::DOC_FREQ, Integer, "documents that hold it; SUM"),
        col(columns::SENTENCE_FREQ, Integer, "sentences that hold it; SUM"),
        col(columns::FIRST_SEEN, Integer, "shard × 2^40 + token offset in the shard of its first occurrence; MIN"),
        col(columns::KIND, Text, "token kind of its first occurrence: the kind of the row with the least first_seen (arg_min / min_by)"),
        col(columns::SCRIPT, Text, "its script, a function of the term: any row's (MIN)"),
    ],
};

/// Surface forms other than the term itself.
pub const SURFACES: PartialTable = PartialTable {
    name: "surfaces.parquet",
    key: &["term", "form"],
    columns: &[
        col(columns::TERM, Text, "the term"),
        col(
            columns::FORM,
            Text,
            "a form written in the text that normalizes to the term",
        ),
        col(columns::COUNT, Integer, "occurrences written so; SUM"),
    ],
};

/// N-grams of order 2 and more.
pub const NGRAMS: PartialTable = PartialTable {
    name: "ngrams.parquet",
    key: &["n", "gram"],
    columns: &[
        col(columns::N, Integer, "the order"),
        col(
            columns::GRAM,
            Text,
            "its terms, joined by one space (terms never hold whitespace)",
        ),
        col(columns::COUNT, Integer, "occurrences; SUM"),
        col(columns::DOC_FREQ, Integer, "documents that hold it; SUM"),
    ],
};

/// Co-occurring pairs, in the scope of the options.
pub const PAIRS: PartialTable = PartialTable {
    name: "pairs.parquet",
    key: &["term_a", "term_b"],
    columns: &[
        col(
            columns::TERM_A,
            Text,
            "the first term (the smaller text, unless pairs are ordered)",
        ),
        col(columns::TERM_B, Text, "the second term"),
        col(
            columns::COUNT,
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
        col(columns::SHARD, Integer, "the shard's order"),
        col(
            columns::DOCUMENT,
            Integer,
            "the document's place in its shard, from 0",
        ),
        col(columns::ID, Text, "its id"),
        col(columns::SOURCE, Text, "the file it came from"),
        col(columns::LINE, Integer, "its line in the file (0 for a whole file)"),
        col(
            columns::GROUP,
            OptionalText,
            "its group, when the input stage decides it",
        ),
        col(
            columns::DATE,
            OptionalText,
            "its date under `--time-field`, as a Gregorian `YYYY-MM-DD` (null without one)",
        ),
        col(columns::BYTES, Integer, "its size in UTF-8 bytes"),
        col(columns::TOKENS, Integer, "tokens"),
        col(columns::SENTENCES, Integer, "sentences with at least one token"),
        col(columns::MTLD_FORWARD, Float, "MTLD factors, reading forward"),
        col(columns::MTLD_BACKWARD, Float, "MTLD factors, reading backward"),
        col(
            columns::SWITCHES,
            Integer,
            "language switches between its sentences",
        ),
        col(
            columns::MIXED_SENTENCES,
            Integer,
            "its sentences whose words are in two or more scripts",
        ),
        col(
            columns::SWITCH_PAIRS,
            Text,
            "its switches as `from>to:count`, separated by spaces, in code order",
        ),
        col(
            columns::ORTHOGRAPHY,
            Text,
            "its orthography ledger as `step:count` for the counts above 0, separated by spaces, in name order",
        ),
        col(
            columns::FINGERPRINT,
            OptionalText,
            "the first 16 bytes of the SHA-256 of its folded token sequence, in hex (null without tokens): equal for exact duplicates, so `GROUP BY fingerprint HAVING count(*) > 1` lists them",
        ),
        col(
            columns::MINHASH,
            OptionalText,
            "its MinHash signature over shingles of 5 folded tokens: 112 values of 8 hex digits (null without tokens); the share of values two documents agree on estimates their Jaccard similarity",
        ),
        col(
            columns::QUALITY,
            OptionalText,
            "what its quality signals are made of, as `name:count` pairs separated by spaces (chars, word_chars, no_letter_words, url_email_words, hashes, ellipses, lines, terminal_lines, bullet_lines, ellipsis_lines, duplicate_lines, duplicate_line_chars, top_2gram_chars, top_3gram_chars, top_4gram_chars, stopwords, rule_stopwords when its language has a stopword rule, letters, main_script_letters, curly_brackets, lorem_ipsum); null when the quality signals were not counted",
        ),
    ],
};

/// The locality-sensitive hashing bands of each document's MinHash signature:
/// documents that share a band's key are candidate near duplicates.
pub const DOCUMENT_BANDS: PartialTable = PartialTable {
    name: "document_bands.parquet",
    key: &["shard", "document", "band"],
    columns: &[
        col(columns::SHARD, Integer, "the shard's order"),
        col(columns::DOCUMENT, Integer, "the document's place in its shard"),
        col(columns::BAND, Integer, "the band, 0 to 13 (8 signature values each)"),
        col(
            columns::KEY,
            Text,
            "a hash of the band's values, 16 hex digits: `GROUP BY band, key HAVING count(*) > 1` lists the candidate pairs",
        ),
    ],
};

/// The words of each language and script in each document.
pub const DOCUMENT_LANGUAGES: PartialTable = PartialTable {
    name: "document_languages.parquet",
    key: &["shard", "document", "language", "script"],
    columns: &[
        col(columns::SHARD, Integer, "the shard's order"),
        col(
            columns::DOCUMENT,
            Integer,
            "the document's place in its shard",
        ),
        col(
            columns::LANGUAGE,
            Text,
            "ISO 639-3 code, und when undetermined",
        ),
        col(columns::SCRIPT, Text, "script"),
        col(columns::WORDS, Integer, "words"),
    ],
};

/// Each document's terms, for TF-IDF with the corpus' document frequencies.
pub const DOCUMENT_TERMS: PartialTable = PartialTable {
    name: "document_terms.parquet",
    key: &["shard", "document", "term"],
    columns: &[
        col(columns::SHARD, Integer, "the shard's order"),
        col(
            columns::DOCUMENT,
            Integer,
            "the document's place in its shard",
        ),
        col(columns::TERM, Text, "a term of the document"),
        col(columns::COUNT, Integer, "its occurrences in the document"),
    ],
};

/// The tokens at each shard's edges that MATTR windows across shards need.
pub const MATTR_EDGES: PartialTable = PartialTable {
    name: "mattr_edges.parquet",
    key: &["shard", "edge", "position"],
    columns: &[
        col(columns::SHARD, Integer, "the shard's order"),
        col(
            columns::EDGE,
            Text,
            "head (the shard's first window - 1 tokens) or tail (its last window tokens)",
        ),
        col(
            columns::POSITION,
            Integer,
            "the token's place in the edge, from 0",
        ),
        col(columns::TERM, Text, "the token's term"),
    ],
};

/// Every table of a partial, in the order they are written.
pub const PARTIAL_TABLES: &[&PartialTable] = &[
    &TERMS,
    &SURFACES,
    &NGRAMS,
    &PAIRS,
    &DOCUMENTS,
    &DOCUMENT_BANDS,
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
