"""Every rule's examples, read from tests/fixtures/rules/<CODE>/, one file per case (the way
flake8-bugbear and ruff keep theirs), for the tests and for scripts/gen_docs.py:

    valid_<what>.py       a whole module that must give no finding of the rule
    invalid_<what>.py     a module the rule reports on each line marked `# <- DPLnnn`
    invalid_<what>.diff   the exact diff the codemod writes to it (no file header, no
                          context lines; empty when it changes nothing)
    invalid_<what>.manual optional: the reasons it gives for the findings it leaves to a
                          hand, one a line

A comment at the top of a case says what it shows; `body` is the case without it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import List, Tuple

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"

_HEADER = re.compile(r"\A(?:#[^\n]*\n)+\n?")


@dataclass(frozen=True)
class Case:
    code: str
    name: str
    path: Path
    source: str
    fix: str = ""
    manual: Tuple[str, ...] = ()

    @property
    def body(self) -> str:
        """The module without the comment that says what the case shows."""
        return _HEADER.sub("", self.source, count=1)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


@lru_cache(maxsize=None)
def cases(code: str, kind: str) -> Tuple[Case, ...]:
    """The rule's "valid" or "invalid" cases, by name."""
    if kind not in ("valid", "invalid"):
        raise ValueError(f"kind is 'valid' or 'invalid', not {kind!r}")
    found = []
    for path in sorted((FIXTURES / code).glob(f"{kind}_*.py")):
        fix, manual = _read(path.with_suffix(".diff")), _read(path.with_suffix(".manual"))
        if kind == "invalid" and not path.with_suffix(".diff").is_file():
            raise FileNotFoundError(f"{path}: an invalid case needs its .diff beside it (empty if none)")
        found.append(Case(code, path.stem, path, _read(path), fix, tuple(manual.splitlines())))
    return tuple(found)


def case(code: str, name: str) -> Case:
    """One case by its file's name without `.py`."""
    kind = name.split("_", 1)[0]
    for item in cases(code, kind):
        if item.name == name:
            return item
    raise KeyError(f"{code}: no case {name} in {FIXTURES / code}")


def codes() -> List[str]:
    return sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
