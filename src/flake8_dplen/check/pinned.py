"""Which parameter a failure of the class on generated arguments was about, read from the
traceback: the line of the class's own code (or of a helper in its project) that failed
names the parameter, or an attribute of ``self`` that holds it (reads.held_in).

A parameter is drawn first by its name (`labels`: group keys; `lengths`: sizes). When the
code then fails on what that name gave with an error of the value's kind (`'int' object
is not subscriptable` at `l[0] for l in self.lengths`, `cannot unpack non-iterable int
object` at `for i, (s, t) in enumerate(labels)`), the name was wrong about this class,
and the next round draws that parameter as its code uses it (arguments.calls). This
reads what the code did, not how it is spelt: it holds for names no table has seen.
"""

from __future__ import annotations

import os
import re
import sysconfig
import traceback
from functools import lru_cache
from typing import Any, Dict, FrozenSet, Iterable, Tuple

from .reads import class_trees, fallback, held_in

# Code that is not the user's: the standard library, installed packages, this tool.
_NOT_USERS = tuple(
    os.path.realpath(path) + os.sep
    for path in {sysconfig.get_path("stdlib"), sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
) + (os.path.dirname(os.path.realpath(__file__)) + os.sep,)
# Values of the wrong kind for how the code used them; an AttributeError only on a plain
# value (`'int' object has no attribute 'label'`): on another it names a missing field,
# which search.learn answers.
_PLAIN = r"'(?:int|float|str|bool|NoneType|range|list|tuple|dict)' object"
_WRONG_KIND = re.compile(
    rf"{_PLAIN} (?:is not subscriptable|is not iterable|has no attribute|does not support item)"
    r"|cannot unpack non-iterable|object of type '\w+' has no len\(\)"
    r"|cannot be interpreted as an integer|unsupported operand type"
    # A 2-D index of a 1-D array (`labels[:, 0]` of a list of keys): the rows had fields.
    r"|too many indices for (?:array|tensor)"
    # A generated sampler indexed (`[sampler[i] for i in idx]`): the code takes a sequence.
    r"|'\w*Sampler' object is not subscriptable"
)


def pinned(exc: BaseException, target: Any, names: Iterable[str]) -> FrozenSet[str]:
    """The parameters among ``names`` of class ``target`` that the innermost line of user
    code in ``exc``'s traceback naming any of them reads, when ``exc`` says a value was
    of the wrong kind; empty otherwise."""
    if not isinstance(exc, (TypeError, AttributeError, IndexError)) or not _WRONG_KIND.search(str(exc)):
        return frozenset()
    if not isinstance(target, type):
        return frozenset()
    spelt = _spellings(target, tuple(names))
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if os.path.realpath(frame.filename).startswith(_NOT_USERS) or not frame.line:
            continue
        found = frozenset(name for name, pattern in spelt.items() if pattern.search(frame.line))
        if found:
            return fallback(found, _narrowed, found, spelt, frame.line, str(exc))
    return frozenset()


# The operand an error names by its operation: `len(x)` of "object of type 'int' has no len()".
_MEASURED = re.compile(r"\blen\(([^()]*)\)")


def _narrowed(
    found: FrozenSet[str], spelt: Dict[str, "re.Pattern[str]"], line: str, message: str
) -> FrozenSet[str]:
    """Of the parameters a failing line names, those the error is about where its message
    says which operand failed: a value without len() is one inside `len(...)` (at `assert
    len(seq_len) >= num_bucket`, `seq_len`, not the count beside it)."""
    if "has no len()" not in message:
        return found
    measured = " ".join(_MEASURED.findall(line))
    inside = frozenset(name for name in found if spelt[name].search(measured))
    return inside or found


@lru_cache(maxsize=64)
def _spellings(target: type, names: Tuple[str, ...]) -> Dict[str, "re.Pattern[str]"]:
    """How each parameter is spelt in the class's code (read once per class: a search
    meets hundreds of failures)."""
    trees = class_trees(target)
    return {name: _spelling(held_in(trees, name)) for name in names}


def _spelling(roots: Iterable[str]) -> "re.Pattern[str]":
    """A whole name or attribute path among ``roots`` (`self.lengths`, not `self.lengths_x`)."""
    alternatives = "|".join(sorted((re.escape(root) for root in roots), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?!\w)")
