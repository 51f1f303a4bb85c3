//! Which corpus options apply to which subcommand. Every subcommand that reads a
//! corpus shares [`super::CorpusArgs`]; each declares the groups of narrow options
//! it takes ([`Takes`], in its `SPEC`), and an option of [`NARROW`] outside them is
//! hidden from its `--help` and refused there (exit 2) when given, so that
//! `terms --window 3` says it does nothing instead of running as plain `terms`.

use clap::parser::ValueSource;
use clap::ArgMatches;

/// The groups of narrow options: each subcommand declares those it takes (its
/// `SPEC.takes`), and every other narrow option is hidden from its help and refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Takes {
    /// What counting does: the memory limit, the timings, the ignored terms.
    Counting,
    /// The n-gram orders (`--ngrams`).
    NgramOrders,
    /// The n-gram table's threshold.
    NgramTable,
    /// The co-occurrence scope and window.
    CoocScope,
    /// Ordered pairs.
    CoocOrder,
    /// The co-occurrence table's thresholds and kinds.
    CoocTable,
    /// Stopwords kept in the tables that leave them out.
    KeepStopwords,
    /// The user's stopword list.
    StopwordList,
    /// Groups.
    Groups,
    /// The keyness table's threshold.
    Keyness,
    /// The candidate languages and the detector's mode.
    LanguageMix,
    /// Dates and the trends.
    Trends,
}

impl Takes {
    /// Every group: for the subcommands that take them all.
    pub(super) const ALL: &'static [Takes] = &[
        Takes::Counting,
        Takes::NgramOrders,
        Takes::NgramTable,
        Takes::CoocScope,
        Takes::CoocOrder,
        Takes::CoocTable,
        Takes::KeepStopwords,
        Takes::StopwordList,
        Takes::Groups,
        Takes::Keyness,
        Takes::LanguageMix,
        Takes::Trends,
    ];
}

/// Options that change the output of some subcommands only.
pub(super) struct Narrow {
    /// Their ids (the fields of `CorpusArgs`).
    pub(super) ids: &'static [&'static str],
    /// The group a subcommand takes to take them.
    pub(super) group: Takes,
    /// What they change, for the refusal.
    pub(super) changes: &'static str,
}

/// Every narrow option. The rest (input, normalization, tokens, threads, quiet,
/// and --allow-partial) apply to every corpus subcommand.
pub(super) const NARROW: &[Narrow] = &[
    Narrow {
        ids: &["memory_limit"],
        group: Takes::Counting,
        changes: "how the counts are held and how long a document may be",
    },
    Narrow {
        ids: &["timings"],
        group: Takes::Counting,
        changes: "nothing it prints: it times the counting stages",
    },
    Narrow {
        ids: &["ngrams"],
        group: Takes::NgramOrders,
        changes: "the orders of the n-gram table (`corpstat ngrams` takes -n)",
    },
    Narrow {
        ids: &["ngram_min_count"],
        group: Takes::NgramTable,
        changes: "the n-gram table",
    },
    Narrow {
        ids: &["cooc_scope", "window"],
        group: Takes::CoocScope,
        changes: "the co-occurrence table and its N (summary.json's cooccurrence_n)",
    },
    Narrow {
        ids: &["ordered"],
        group: Takes::CoocOrder,
        changes: "the co-occurrence table and its N (collocates always give both sides)",
    },
    Narrow {
        ids: &["min_count", "cooc_all_kinds"],
        group: Takes::CoocTable,
        changes: "the co-occurrence table",
    },
    Narrow {
        ids: &["keep_stopwords"],
        group: Takes::KeepStopwords,
        changes: "the distinctive, co-occurrence, group-term and keyness tables",
    },
    Narrow {
        ids: &["stopwords", "stopwords_mode"],
        group: Takes::StopwordList,
        changes: "which terms are stopwords (terms.csv's stopword column, and the tables that leave them out)",
    },
    Narrow {
        ids: &["ignore"],
        group: Takes::Counting,
        changes: "the counted text (kwic finds every occurrence)",
    },
    Narrow {
        ids: &["group_by"],
        group: Takes::Groups,
        changes: "the group tables and charts, and summary.json's orthography.groups that `check` reads (`corpstat compare` groups by its two inputs)",
    },
    Narrow {
        ids: &["keyness_min_count"],
        group: Takes::Keyness,
        changes: "the keyness table",
    },
    Narrow {
        ids: &["langs", "detect_every_sentence"],
        group: Takes::LanguageMix,
        changes: "the language mix and the stopwords it selects",
    },
    Narrow {
        ids: &["time_field", "calendar", "date_format", "period", "trend_min_count"],
        group: Takes::Trends,
        changes: "the trend tables and charts, and summary.json's trends that `check` reads",
    },
];

/// The ids of the narrow options outside the groups `taken`: hidden from a
/// subcommand's help and refused there.
pub(super) fn not_taken(taken: &[Takes]) -> impl Iterator<Item = &'static str> + '_ {
    NARROW
        .iter()
        .filter(|n| !taken.contains(&n.group))
        .flat_map(|n| n.ids.iter().copied())
}

/// The refusal of the first narrow option given on the command line to a
/// subcommand that does not take it; `taken` is each subcommand's name with the
/// groups it takes (`None`: it reads no corpus), in order.
pub(super) fn refusal(
    matches: &ArgMatches,
    taken: &[(String, Option<&'static [Takes]>)],
) -> Option<String> {
    let (sub, sub_matches) = matches.subcommand()?;
    let groups = taken.iter().find(|(name, _)| name == sub)?.1?;
    let id = not_taken(groups)
        .find(|id| sub_matches.value_source(id) == Some(ValueSource::CommandLine))?;
    let narrow = NARROW.iter().find(|n| n.ids.contains(&id))?;
    let takers: Vec<&str> = taken
        .iter()
        .filter(|(_, groups)| groups.is_some_and(|g| g.contains(&narrow.group)))
        .map(|(name, _)| name.as_str())
        .collect();
    Some(format!(
        "--{} does not apply to `corpstat {sub}`: it changes {}, which `{sub}` does not print (it applies to {})",
        id.replace('_', "-"),
        narrow.changes,
        takers.join(", ")
    ))
}
