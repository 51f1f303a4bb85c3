//! `corpstat completions SHELL`: the shell's completion script, on stdout.

use std::io;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

/// Print a completion script for a shell
///
/// Nothing is installed: save it where the shell reads completions, for example
/// `corpstat completions bash > ~/.local/share/bash-completion/completions/corpstat`,
/// `corpstat completions zsh > ~/.zfunc/_corpstat` (with `fpath+=~/.zfunc`), or
/// `corpstat completions fish > ~/.config/fish/completions/corpstat.fish`.
#[derive(Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Prints the script for `command`, the whole command line as `--help` shows it.
pub fn run(args: CompletionsArgs, mut command: clap::Command) -> Result<ExitCode> {
    clap_complete::generate(args.shell, &mut command, "corpstat", &mut io::stdout());
    Ok(ExitCode::SUCCESS)
}
