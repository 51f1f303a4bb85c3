//! `corpstat man`: the manual page, in roff, on stdout.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

/// Print the manual page (roff)
///
/// Nothing is installed: `corpstat man > corpstat.1 && man ./corpstat.1` reads it, or
/// save it as `~/.local/share/man/man1/corpstat.1`. It holds the command and every
/// subcommand, with their options, as `--help` gives them.
#[derive(Args)]
pub struct ManArgs {}

/// Prints the page of `command` and a section per subcommand.
pub fn run(_args: ManArgs, command: clap::Command) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    let mut command = command.name("corpstat");
    // Built, each subcommand knows its full name ("corpstat report") for its synopsis.
    command.build();
    clap_mangen::Man::new(command.clone()).render(&mut out)?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
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
