"""The ``corpstat`` command that ``pip install`` puts on the PATH: the Rust
command line itself, run in this process, with its exit codes."""

import sys

from . import _corpstat


def main() -> None:
    """Runs ``corpstat`` on ``sys.argv`` and exits with its code."""
    sys.exit(_corpstat.run_command_line(["corpstat", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
