//! The `corpstat` command line: the library's [`corpstat::run_command_line`] on the
//! program's arguments, its result the exit code (0 success, 1 reserved for failed
//! checks, 2 for usage errors, input errors and skipped input).

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(corpstat::run_command_line(std::env::args_os()))
}
