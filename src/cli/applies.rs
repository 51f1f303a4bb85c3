//! Which corpus options apply to which subcommand: one list. Every subcommand that
//! reads a corpus shares [`super::CorpusArgs`]; an option in [`NARROW`] is hidden
//! from the `--help` of the subcommands whose output it does not change, and
//! refused there (exit 2) when given, so that `terms --window 3` says it does
//! nothing instead of running as plain `terms`.

use clap::parser::ValueSource;
use clap::{ArgMatches, Command};

/// Options that change the output of some subcommands only.
pub(super) struct Narrow {
    /// Their ids (the fields of `CorpusArgs`).
    pub(super) ids: &'static [&'static str],
    /// The subcommands whose output they change.
    pub(super) applies_to: &'static [&'static str],
    /// What they change, for the refusal.
    pub(super) changes: &'static str,
}

/// The subcommands that read a corpus (with `CorpusArgs`).
const CORPUS_SUBCOMMANDS: &[&str] = &[
    "report",
    "terms",
    "ngrams",
    "langs",
    "cooc",
    "stats",
    "check",
    "partial",
    "compare",
    "kwic",
    "collocates",
];

/// The subcommands that count the corpus: all but `kwic`, which only searches it.
const COUNTING: &[&str] = &[
    "report",
    "terms",
    "ngrams",
    "langs",
    "cooc",
    "stats",
    "check",
    "partial",
    "compare",
    "collocates",
];

/// The subcommands whose output shows the language mix, or the stopwords it selects.
const LANGUAGE_MIX: &[&str] = &[
    "report",
    "terms",
    "langs",
    "cooc",
    "stats",
    "check",
    "partial",
    "compare",
    "collocates",
];

/// Every narrow option. The rest (input, normalization, tokens, threads, quiet,
/// and --allow-partial) apply to every corpus subcommand.
pub(super) const NARROW: &[Narrow] = &[
    Narrow {
        ids: &["memory_limit"],
        applies_to: COUNTING,
        changes: "how the counts are held and how long a document may be",
    },
    Narrow {
        ids: &["timings"],
        applies_to: COUNTING,
        changes: "nothing it prints: it times the counting stages",
    },
    Narrow {
        ids: &["ngrams"],
        applies_to: &["report", "partial"],
        changes: "the orders of the n-gram table (`corpstat ngrams` takes -n)",
    },
    Narrow {
        ids: &["ngram_min_count"],
        applies_to: &["report", "ngrams", "partial"],
        changes: "the n-gram table",
    },
    Narrow {
        ids: &["cooc_scope", "window"],
        applies_to: &["report", "cooc", "stats", "check", "partial", "collocates"],
        changes: "the co-occurrence table and its N (summary.json's cooccurrence_n)",
    },
    Narrow {
        ids: &["ordered"],
        applies_to: &["report", "cooc", "stats", "check", "partial"],
        changes: "the co-occurrence table and its N (collocates always give both sides)",
    },
    Narrow {
        ids: &["min_count", "cooc_all_kinds"],
        applies_to: &["report", "cooc", "partial", "collocates"],
        changes: "the co-occurrence table",
    },
    Narrow {
        ids: &["keep_stopwords"],
        applies_to: &["report", "cooc", "compare", "partial", "collocates"],
        changes: "the distinctive, co-occurrence, group-term and keyness tables",
    },
    Narrow {
        ids: &["stopwords", "stopwords_mode"],
        applies_to: &["report", "terms", "cooc", "compare", "partial", "collocates"],
        changes: "which terms are stopwords (terms.csv's stopword column, and the tables that leave them out)",
    },
    Narrow {
        ids: &["ignore"],
        applies_to: COUNTING,
        changes: "the counted text (kwic finds every occurrence)",
    },
    Narrow {
        ids: &["group_by"],
        applies_to: &["report", "partial", "check"],
        changes: "the group tables and charts, and summary.json's orthography.groups that `check` reads (`corpstat compare` groups by its two inputs)",
    },
    Narrow {
        ids: &["keyness_min_count"],
        applies_to: &["report", "compare", "partial"],
        changes: "the keyness table",
    },
    Narrow {
        ids: &["langs", "detect_every_sentence"],
        applies_to: LANGUAGE_MIX,
        changes: "the language mix and the stopwords it selects",
    },
];

/// `command` with each narrow option hidden from the help of the subcommands it
/// does not apply to.
pub(super) fn hide_narrow_options(mut command: Command) -> Command {
    for &sub in CORPUS_SUBCOMMANDS {
        for narrow in NARROW.iter().filter(|n| !n.applies_to.contains(&sub)) {
            for &id in narrow.ids {
                command = command.mut_subcommand(sub, |c| c.mut_arg(id, |a| a.hide(true)));
            }
        }
    }
    command
}

/// The refusal of the first narrow option given on the command line to a
/// subcommand it does not apply to.
pub(super) fn refusal(matches: &ArgMatches) -> Option<String> {
    let (sub, sub_matches) = matches.subcommand()?;
    if !CORPUS_SUBCOMMANDS.contains(&sub) {
        return None;
    }
    NARROW
        .iter()
        .filter(|n| !n.applies_to.contains(&sub))
        .flat_map(|n| n.ids.iter().map(move |&id| (id, n)))
        .find(|(id, _)| sub_matches.value_source(id) == Some(ValueSource::CommandLine))
        .map(|(id, n)| {
            format!(
                "--{} does not apply to `corpstat {sub}`: it changes {}, which `{sub}` does not print (it applies to {})",
                id.replace('_', "-"),
                n.changes,
                n.applies_to.join(", ")
            )
        })
}
