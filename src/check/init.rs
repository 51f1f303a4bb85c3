//! `check --init`: rules proposed from a report, bounds set around its current
//! values, as a starting point to edit.

use std::fmt::Write as _;

use super::Snapshot;

/// A rules file drawn from `current`, with margins and comments, for `check --init`.
/// Rules that compare with a baseline are included when `with_baseline`.
pub fn init_rules(current: &Snapshot, with_baseline: bool) -> String {
    let value = |path: &str| current.metric(path).unwrap_or(0.0);
    let documents = value("documents");
    let tokens = value("tokens");
    let mut out = String::new();
    out.push_str(
        "# corpstat check rules, drawn from the current corpus by `corpstat check --init`.\n\
         # Each [[rule]] checks one metric of summary.json (a dotted path; see reports/README.md)\n\
         # or one drift measure against a baseline (`--baseline OLD/summary.json`).\n\
         # Bounds: min, max, equals; against the baseline: max_change (absolute), max_change_pct.\n\
         # severity = \"warning\" reports a failure without failing the check.\n\n",
    );
    let _ = writeln!(
        out,
        "# A data drop that is half empty: at least 90% of today's documents and tokens.\n\
         [[rule]]\nname = \"enough documents\"\nmetric = \"documents\"\nmin = {}\n\n\
         [[rule]]\nname = \"enough tokens\"\nmetric = \"tokens\"\nmin = {}\n",
        (documents * 0.9).floor(),
        (tokens * 0.9).floor()
    );
    out.push_str(
        "# Every input file read in full: checked always, unless --allow-partial (no rule needed).\n\n",
    );
    share_bounds(&mut out, current);
    let rate = value("code_switching.switch_rate");
    let _ = writeln!(
        out,
        "# Code-switching: language switches between consecutive sentences, per 100 sentences\n\
         # ({rate} today). A scraper that interleaves languages, or a language detector gone\n\
         # wrong, raises it: at most twice today's rate (and at least 5).\n\
         [[rule]]\nname = \"code-switching bounded\"\nmetric = \"code_switching.switch_rate\"\nmax = {}\n",
        (rate * 2.0).max(5.0).ceil()
    );
    orthography_rules(&mut out, current);
    let copies = value("duplicates.exact.document_share");
    let near = value("duplicates.near.document_share");
    let _ = writeln!(
        out,
        "# Duplicates (duplicates.csv): documents whose folded tokens are an earlier document's,\n\
         # {copies} of the documents today, and those nearly so (exact ones included), {near}.\n\
         # A scraper that fetches pages twice, or a feed that republishes, raises them: at most\n\
         # today's shares plus 2 points.\n\
         [[rule]]\nname = \"few exact duplicates\"\nmetric = \"duplicates.exact.document_share\"\nmax = {}\n\n\
         [[rule]]\nname = \"few near duplicates\"\nmetric = \"duplicates.near.document_share\"\nmax = {}\n",
        round_up(copies + 0.02),
        round_up(near + 0.02)
    );
    quality_rules(&mut out, current);
    trend_rules(&mut out, current);
    if !with_baseline {
        out.push_str(
            "# Give --baseline OLD/summary.json to --init for the rules that compare with a baseline:\n\
             # the type/token ratio, MATTR, the language mix as a whole, and the drift of the vocabulary.\n",
        );
        return out;
    }
    let _ = writeln!(
        out,
        "# A vocabulary that collapses (boilerplate, a broken scraper) lowers the type/token ratio\n\
         # and MATTR; a change of more than 15% against the baseline fails.\n\
         [[rule]]\nname = \"type/token ratio stable\"\nmetric = \"ttr\"\nmax_change_pct = 15\n\n\
         [[rule]]\nname = \"MATTR stable\"\nmetric = \"mattr\"\nmax_change_pct = 10\n"
    );
    out.push_str(
        "# The language mix as a whole: no language may gain or lose more than 5 points.\n\
         [[rule]]\nname = \"language mix stable\"\ndrift = \"language_share_change\"\nmax = 0.05\n\n\
         # The most frequent terms stay mostly the same (Jaccard index of the top 100).\n\
         [[rule]]\nname = \"top terms overlap\"\ndrift = \"top_k_overlap\"\nk = 100\nmin = 0.5\n\n\
         # ... and in much the same order (Spearman's rho over the shared top-100 terms).\n\
         [[rule]]\nname = \"top terms order\"\ndrift = \"top_k_spearman\"\nk = 100\nmin = 0.5\nseverity = \"warning\"\n\n\
         # At most a quarter of the tokens are of terms the baseline never saw.\n\
         [[rule]]\nname = \"new vocabulary\"\ndrift = \"new_term_share\"\nmax = 0.25\nseverity = \"warning\"\n",
    );
    out
}

/// Rules on the orthography ledger, for the corpus and each group (`--group-by`):
/// Persian text keeps Persian yeh and kaf, Arabic text Arabic ones (at most
/// twice today's rate per 1,000 tokens, and at least 1), where that language has
/// 1% of the words; and text that carries diacritics today keeps at least half
/// as many (a source that starts stripping them fails).
fn orthography_rules(out: &mut String, current: &Snapshot) {
    let mut scopes = vec![("corpus".to_string(), "orthography".to_string())];
    if let Some(groups) = current
        .summary
        .pointer("/orthography/groups")
        .and_then(|g| g.as_object())
    {
        for name in groups.keys() {
            scopes.push((
                format!("group {name}"),
                format!("orthography.groups.{name}"),
            ));
        }
    }
    let share = |code: &str| {
        current
            .metric(&format!("languages.{code}.share"))
            .unwrap_or(0.0)
    };
    out.push_str(
        "# The orthography ledger (orthography.csv): Persian text keeps Persian yeh and kaf and\n\
         # Arabic text Arabic ones (per 1,000 tokens, at most twice today's and at least 1), and\n\
         # text with diacritics keeps at least half of today's share of diacritized words.\n",
    );
    for (label, prefix) in scopes {
        for (step, language, code) in [
            ("arabic-yeh-kaf-in-persian", "Persian", "fas"),
            ("persian-yeh-kaf-in-arabic", "Arabic", "ara"),
        ] {
            let path = format!("{prefix}.steps.{step}.per_thousand_tokens");
            let Ok(today) = current.metric(&path) else {
                continue;
            };
            if share(code) < SHARE_BOUNDED_FROM {
                continue;
            }
            let max = ((today * 2.0).max(1.0) * 10.0).ceil() / 10.0;
            let _ = writeln!(
                out,
                "[[rule]]\nname = \"{language} letters in {language} text ({label})\"\nmetric = \"{path}\"\nmax = {max}\n"
            );
        }
        let path = format!("{prefix}.diacritized_share");
        if let Ok(today) = current.metric(&path) {
            if today >= 0.001 {
                let min = (today / 2.0 * 10000.0).floor() / 10000.0;
                let _ = writeln!(
                    out,
                    "[[rule]]\nname = \"diacritics kept ({label})\"\nmetric = \"{path}\"\nmin = {min}\n"
                );
            }
        }
    }
}

/// Rules on the quality signals (quality.csv), when the summary has them: each
/// signal's median within [`share_margin`] of today's (warnings: a median moves
/// with the mix of sources), and the share of documents that fail any rule at
/// most 5 points above today's.
fn quality_rules(out: &mut String, current: &Snapshot) {
    let Some(signals) = current
        .summary
        .pointer("/quality/signals")
        .and_then(|s| s.as_object())
    else {
        return;
    };
    let failing = current.metric("quality.any_rule.share").unwrap_or(0.0);
    let _ = writeln!(
        out,
        "# Quality (quality.csv): {failing} of the documents fail at least one of Gopher's, C4's or\n\
         # FineWeb's rules today (reports/README.md lists them); at most 5 points more. Each\n\
         # signal's median stays within a fifth of today's (and at least 0.01): warnings.\n\
         [[rule]]\nname = \"documents failing a quality rule\"\nmetric = \"quality.any_rule.share\"\nmax = {}\n",
        round_up(failing + 0.05).min(1.0)
    );
    for name in signals.keys() {
        let path = format!("quality.signals.{name}.median");
        let Ok(today) = current.metric(&path) else {
            continue;
        };
        let margin = share_margin(today.abs());
        let min = round_down((today - margin).max(0.0));
        let max = round_up(today + margin);
        let _ = writeln!(
            out,
            "[[rule]]\nname = \"median {name}\"\nmetric = \"{path}\"\nmin = {min}\nmax = {max}\nseverity = \"warning\"\n"
        );
    }
}

/// With `--time-field`: the newest period's language mix within the spread of the
/// periods before it (each language that had [`SHARE_BOUNDED_FROM`] of the words in
/// one of them), widened by [`share_margin`] of its largest share: a feed in which
/// English starts to creep into Arabic text fails, a period like the others passes.
fn trend_rules(out: &mut String, current: &Snapshot) {
    let Some(ranges) = current
        .summary
        .pointer("/trends/language_share_before_last")
        .and_then(|r| r.as_object())
    else {
        return;
    };
    let last = current
        .summary
        .pointer("/trends/last/period")
        .and_then(|p| p.as_str())
        .unwrap_or("?");
    let _ = writeln!(
        out,
        "# Trends (trends.csv): the newest period ({last} today) keeps the language mix of the\n\
         # periods before it, each language's share within their smallest and largest, widened by a\n\
         # fifth of the largest (and at least a point). Rerun --init when the corpus gains a period.\n"
    );
    for (code, range) in ranges {
        let (Some(min), Some(max)) = (range["min"].as_f64(), range["max"].as_f64()) else {
            continue;
        };
        if max < SHARE_BOUNDED_FROM {
            continue;
        }
        let margin = share_margin(max);
        let _ = writeln!(
            out,
            "[[rule]]\nname = \"newest period's {code} share\"\nmetric = \"trends.last.language_share.{code}\"\nmin = {}\nmax = {}\n",
            round_down((min - margin).max(0.0)),
            round_up((max + margin).min(1.0))
        );
    }
}

/// Shares of the words at or above this get bounds in `check --init`.
const SHARE_BOUNDED_FROM: f64 = 0.01;

/// How far a share may move from today's: a fifth of it, and at least one point.
fn share_margin(share: f64) -> f64 {
    (share * 0.2).max(0.01)
}

/// Bounds on the share of every language and script with at least
/// [`SHARE_BOUNDED_FROM`] of the words (`und` and `common` included: a rise of
/// undetermined text or of digits and symbols is news too), within
/// [`share_margin`] of today's, rounded outward to three decimals.
fn share_bounds(out: &mut String, current: &Snapshot) {
    out.push_str(
        "# The language and script mix: each language and script with at least 1% of the words\n\
         # stays within a fifth of today's share (and at least a point).\n",
    );
    for (group, label) in [("languages", "language"), ("scripts", "script")] {
        for (code, share) in current.shares(group) {
            if share < SHARE_BOUNDED_FROM {
                continue;
            }
            let margin = share_margin(share);
            let min = round_down((share - margin).max(0.0));
            let max = round_up((share + margin).min(1.0));
            let _ = writeln!(
                out,
                "[[rule]]\nname = \"{label} {code} share\"\nmetric = \"{group}.{code}.share\"\nmin = {min}\nmax = {max}\n"
            );
        }
    }
}

/// `x` rounded up to 3 decimals: a bound that today's value passes.
fn round_up(x: f64) -> f64 {
    (x * 1000.0).ceil() / 1000.0
}

/// `x` rounded down to 3 decimals: a lower bound that today's value passes.
fn round_down(x: f64) -> f64 {
    (x * 1000.0).floor() / 1000.0
}
