//! `corpstat man`: the manual page, in roff, on stdout.

use super::ExitCode;
use std::io::{self, Write};

use anyhow::Result;
use clap::Args;

/// Print the manual page (roff)
///
/// Nothing is installed: `corpstat man > corpstat.1 && man ./corpstat.1` reads it, or
/// save it as `~/.local/share/man/man1/corpstat.1`. It holds the command and every
/// subcommand, with their options, as `--help` gives them.
#[derive(Args)]
pub struct ManArgs {}

/// What `corpstat man` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: &[],
    after_help: None,
};

/// Prints the page of `command` and a section per subcommand.
pub fn run(_args: ManArgs) -> Result<ExitCode> {
    let command = super::command();
    let mut out = io::stdout().lock();
    let mut command = command.name("corpstat");
    // Built, each subcommand knows its full name ("corpstat report") for its synopsis.
    command.build();
    clap_mangen::Man::new(command.clone()).render(&mut out)?;
    // In the order `corpstat --help` lists them.
    let mut subs: Vec<&clap::Command> = command
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .collect();
    subs.sort_by_key(|s| s.get_display_order());
    for sub in subs {
        let page = clap_mangen::Man::new(sub.clone());
        // Each subcommand as a section of the same page: its name, synopsis,
        // description and options.
        writeln!(out, ".SH \"CORPSTAT {}\"", sub.get_name().to_uppercase())?;
        page.render_synopsis_section(&mut out)?;
        page.render_description_section(&mut out)?;
        page.render_options_section(&mut out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
