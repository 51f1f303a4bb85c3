//! `corpstat completions SHELL`: the shell's completion script, on stdout.

use super::ExitCode;
use std::io;

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

/// What `corpstat completions` declares beyond its arguments: the narrow corpus options it
/// takes and the text after its help.
pub(super) const SPEC: super::Spec = super::Spec {
    takes: &[],
    after_help: None,
};

/// Prints the script for `command`, the whole command line as `--help` shows it.
pub fn run(args: CompletionsArgs) -> Result<ExitCode> {
    let mut command = super::command();
    clap_complete::generate(args.shell, &mut command, "corpstat", &mut io::stdout());
    Ok(ExitCode::SUCCESS)
}
