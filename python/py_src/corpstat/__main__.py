"""``python -m corpstat``: the same as the ``corpstat`` command."""

from ._cli import main

main()
