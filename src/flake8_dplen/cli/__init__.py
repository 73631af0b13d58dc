"""The command-line faces over the core and the check: `dplen fix`, `dplen check` (and the
`dplen` command that holds them)."""

import argparse


def documented_parser(prog: str, doc: str) -> argparse.ArgumentParser:
    """A parser whose help is the command module's docstring: its first paragraph as the
    description, the rest (examples, exit statuses) kept as written below the options."""
    head, _, rest = doc.partition("\n\n")
    return argparse.ArgumentParser(
        prog=prog, description=head, epilog=rest, formatter_class=argparse.RawDescriptionHelpFormatter
    )
