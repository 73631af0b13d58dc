"""`python -m codemods.fix_len PATH...`: the project card's spelling of `dplen-fix`.

A repository with a `codemods` package of its own shadows this one under `python -m`;
the console script `dplen-fix` cannot be shadowed, so hooks and CI use that."""

import sys

from flake8_dplen.cli.fix import main

if __name__ == "__main__":
    sys.exit(main())
