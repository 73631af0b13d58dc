"""The differential test for endless iteration (DPL106): generated samplers, every spelling
of an endless walk (a `while True` in __iter__, in a helper method, in a module function,
in a function defined in __iter__, `itertools.cycle`, an __iter__ returning self with a
__next__ that starts over) crossed with every way out of it (none, `return`, `break`,
`raise StopIteration`, a stop on the cycle), each run for real:

- a class with DPL106 really goes on past any count (precision);
- every class that goes on is reported, and one that ends after len() items is not;
- DPL106 is never fixed automatically (a correct class is never changed).
"""

from __future__ import annotations

import itertools
import textwrap

import pytest
from test_fuzz import rewrite

from flake8_dplen.engine import analyze_source

CAP = 1000  # more than any finite variant yields on the grid
GRID = (1, 2, 5, 11)

# The loop every generator spelling runs; `{exit}` is the way out, or nothing.
_LOOP = """\
i = 0
while True:
{exit}
    yield order[i % len(order)]
    i += 1"""
_LOOP_EXITS = {
    "none": "    pass",
    "return": "    if i >= limit:\n        return",
    "break": "    if i >= limit:\n        break",
}


def _generator(where: str, exit: str) -> str:
    loop = _LOOP.format(exit=_LOOP_EXITS[exit])
    if where == "iter":
        body = "order, limit = list(range(self.n)), self.n\n" + loop
        return _cls(body)
    if where == "method":
        helper = "def _stream(self, order, limit):\n" + textwrap.indent(loop, "    ")
        return _cls("yield from self._stream(list(range(self.n)), self.n)", extra=helper)
    if where == "module":
        helper = "def _stream(order, limit):\n" + textwrap.indent(loop, "    ")
        return helper + "\n\n\n" + _cls("return _stream(list(range(self.n)), self.n)")
    # nested: a generator defined in __iter__ and returned
    nested = "order, limit = list(range(self.n)), self.n\n\ndef gen():\n" + textwrap.indent(loop, "    ")
    return _cls(nested + "\n\nreturn gen()")


def _cycle(exit: str) -> str:
    walk = "itertools.cycle(range(self.n))"
    if exit == "stop":
        walk = f"itertools.islice({walk}, self.n)"
    return "import itertools\n\n\n" + _cls(f"yield from {walk}")


def _next(exit: str) -> str:
    stop = "    if self.count >= self.n:\n        raise StopIteration\n" if exit == "raise" else ""
    next_method = (
        "def __next__(self):\n" + stop + "    value = self.order[self.pos]\n"
        "    self.count += 1\n"
        "    self.pos = self.pos + 1\n"
        "    if self.pos >= len(self.order):\n"
        "        self.pos = 0\n"
        "    return value"
    )
    init = "self.order = list(range(n))\nself.pos = 0\nself.count = 0"
    return _cls("self.count = 0\nreturn self", extra=next_method, init=init)


def _cls(iter_body: str, extra: str = "", init: str = "") -> str:
    methods = [
        "def __init__(self, n):\n" + textwrap.indent("self.n = n\n" + init, "    "),
        "def __iter__(self):\n" + textwrap.indent(iter_body, "    "),
        "def __len__(self):\n    return self.n",
    ]
    if extra:
        methods.insert(2, extra)
    body = "\n\n".join(textwrap.indent(m, "    ") for m in methods)
    return f"class Generated(Sampler):\n{body}\n"


def _variants():
    for where, exit in itertools.product(("iter", "method", "module", "nested"), _LOOP_EXITS):
        yield f"{where}-{exit}", _generator(where, exit)
    for exit in ("none", "stop"):
        yield f"cycle-{exit}", _cycle(exit)
    for exit in ("none", "raise"):
        yield f"next-{exit}", _next(exit)


VARIANTS = [(name, "from torch.utils.data import Sampler\n" + source) for name, source in _variants()]


def _endless(source: str) -> bool:
    namespace: dict = {}
    exec(compile(source, "<generated>", "exec"), namespace)
    counts = set()
    for n in GRID:
        sampler = namespace["Generated"](n)
        yielded = sum(1 for _ in itertools.islice(iter(sampler), CAP))
        counts.add(yielded == CAP)
        assert yielded == CAP or yielded == len(sampler), (n, yielded)
    assert len(counts) == 1  # a variant is endless on every input or on none
    return counts.pop()


@pytest.mark.parametrize("name, source", VARIANTS, ids=[name for name, _ in VARIANTS])
def test_dpl106_exactly_when_iteration_goes_on(name, source):
    codes = [item.finding.code for item in analyze_source(source)[1] if item.finding.gating]
    assert codes == (["DPL106"] if _endless(source) else []), source


@pytest.mark.parametrize("name, source", VARIANTS, ids=[name for name, _ in VARIANTS])
def test_no_variant_is_rewritten(name, source):
    assert rewrite(source)[0] == source


def test_the_design_has_both_sides():
    outcomes = [_endless(source) for _, source in VARIANTS]
    assert outcomes.count(True) == 6 and outcomes.count(False) == len(VARIANTS) - 6
