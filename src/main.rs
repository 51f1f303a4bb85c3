//! The `corpstat` command line: parses arguments, calls the library, prints, and
//! maps the outcome to an exit code (0 success, 1 reserved for failed checks,
//! 2 for usage errors, input errors and skipped input).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    corpstat::corpus::tune_allocator();
    cli::main()
}
