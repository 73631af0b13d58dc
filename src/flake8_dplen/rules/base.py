"""What every rule is made of, and the helpers several rules share.

A rule is one module in this package (`dplNNN_<what>.py`) holding one `Rule` subclass:
its docs (the module docstring, in ruff's sections) and its check. Its code is the module's
name (`dpl101_int_truncation` is DPL101), its title the docstring's first line, and it gates
when its code is a DPL1 one; the docstring's head names the two cases its docs page shows
and what a class rule compares: each stated once, where a reader looks first (Rule). Its
examples are files under tests/fixtures/rules/<CODE>/ (tests/rule_cases.py reads them); the
docs page and the tests come from both."""

from __future__ import annotations

import re
import sys
from typing import ClassVar, FrozenSet, Iterable, Optional, Tuple

from ..core import syntax as cst
from ..core.context import Finding, Fix, Proposal, SamplerContext
from ..core.counting import CEIL, FLOOR, BatchRatio, batch_ratio, ceiled_in_iter, counterexample
from ..core.flow import Reached
from ..core.itershape import BATCH, SAMPLE
from ..core.names import last_name
from ..core.numeric import may_be_fractional
from ..core.prefilter import BATCH_NAME
from ..core.rounding import qualified_callee, rounded_value
from ..core.yieldcount import counterexample as run_apart
from ..fixes.aggregate import Aggregate, aggregate_ratio, poisson_batch_size
from ..fixes.ceil import exact_count, math_ceil

# The floored-count rules (DPL101-103) judge by one model; their docs say so in one place:
# "{FLOORED_COUNT}" in their docstrings, filled in by rule_docs.
FLOORED_COUNT = """It judges by the model of `core/counting.py`: the rounded value is a ratio `a / b` (or a
quotient `a // b`) whose divisor `b` is a size `__iter__` batches by; the value is what
`__len__` returns (through locals, `self.<attr>`, properties, helpers, conditional branches,
or as a term of a sum of counts); no remainder correction (`+ (1 if a % b else 0)`,
`+ bool(a % b)`, `q += 1` under `if a % b`) or ceiling idiom (`(a + b - 1) / b`,
`-int(-a / b)`) makes the floor right; and `__iter__` shows a short final batch on that
path (a tail `yield` after the loop, a stepped range to `n`, a per-batch split). Where any
of this is unknown, it stays silent."""


def rule_docs(rule: "Rule") -> str:
    """The rule's docs: its module docstring, the shared paragraphs filled in."""
    doc = sys.modules[type(rule).__module__].__doc__ or ""
    return doc.replace("{FLOORED_COUNT}", FLOORED_COUNT)


def with_example(ctx: SamplerContext, message: str) -> str:
    """The message and, where the model can run the two sides apart (core/yieldcount.py),
    the smallest input on which they differ: " (<arguments>: len L, C yielded)", the
    arguments shortened to keep the whole under 140 characters. Never made-up values."""
    found = run_apart(ctx)
    if found is None:
        return message
    tail = f": len {found.length}, {found.count} yielded{found.when})"
    room = 139 - len(message) - len(" (") - len(tail)
    return message if room < 12 else f"{message} ({found.describe(room)}{tail}"


def rounding_example(ctx: SamplerContext, ratio: BatchRatio, beside: str) -> str:
    """The input a rounding rule's message names: the smallest the model runs the two
    sides apart on (core/yieldcount.py), where it can, its arguments shortened to keep the
    message (``beside`` is the rest of it) under 140 characters; else the one the
    rounding's own model gives (core/counting.py), which reads no guard of the tail
    (`min_tail=2` that keeps n=4, b=3 at one batch)."""
    found = run_apart(ctx)
    # Only an input on which the count errs the way the rounding does (short of a tail
    # __iter__ yields, or past the full batches it keeps): another the model finds is
    # another bug, which this message does not describe.
    if found is None or (found.count < found.length) != (ratio.yielded == FLOOR):
        return counterexample(ctx, ratio)
    tail = f": len {found.length}, {found.count} yielded{found.when})"
    room = 139 - len(beside) - len(" (e.g. ") - len(tail)
    return counterexample(ctx, ratio) if room < 12 else f" (e.g. {found.describe(room)}{tail}"


# How a message names what `__iter__` yields: one, and more than one.
UNIT_WORDS = {BATCH: ("batch", "batches"), SAMPLE: ("index", "indices")}


def units(unit: Optional[str], count: int = 2) -> str:
    """What a message calls `count` of a yielded unit ("items" where the model has no unit)."""
    return UNIT_WORDS.get(unit, ("item", "items"))[count != 1]


def overrides_iter_only(ctx: SamplerContext) -> bool:
    """The class defines `__iter__` and inherits `__len__`: what it yields is its own, what
    it counts its base's."""
    return ctx.defines("__iter__") and not ctx.defines("__len__")


class Rule:
    # Read from the rule's module (__init_subclass__), never written in the class: its name
    # gives the code, its docstring the title, the docs page's cases (the line "Shown: <invalid
    # case>, <valid case>") and, for a ClassRule, what it compares (a line "Compares <what>.").
    code: ClassVar[str]
    title: ClassVar[str]
    # Gating codes (DPL1) fail CI and are what the codemod acts on; the others warn.
    gating: ClassVar[bool]
    kinds: ClassVar[frozenset]  # the rounding kinds (core.rounding) the rule looks at
    # A fallback rule reports a class only where no other gating rule did: they say why.
    fallback: ClassVar[bool] = False
    # The names of the invalid and the valid case (tests/fixtures/rules/<CODE>/) its docs page shows.
    doc_cases: ClassVar[Tuple[str, str]]

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        named = re.fullmatch(r"dpl(\d{3})_\w+", cls.__module__.rpartition(".")[2])
        if not named:  # a kind of rule of this module (ClassRule, ...), not a rule
            return
        doc = sys.modules[cls.__module__].__doc__ or ""
        head = doc.split("\n## ", 1)[0]
        shown = re.search(r"^Shown: (\S+), (\S+)$", head, flags=re.M)
        if shown is None:
            raise TypeError(
                f"{cls.__module__}: its docstring has no line 'Shown: <invalid case>, <valid case>'"
            )
        cls.code = f"DPL{named[1]}"
        cls.title = doc.split("\n", 1)[0].rstrip(".")
        cls.gating = cls.code.startswith("DPL1")
        cls.doc_cases = shown.groups()
        compares = re.search(r"^Compares (.+?)\.\nShown: ", head, flags=re.M | re.S)
        if compares:
            cls.looks_at = " ".join(compares[1].split())

    def check(self, ctx: SamplerContext, site: Reached, kind: str) -> Optional[Finding]:
        raise NotImplementedError

    def check_class(self, ctx: SamplerContext) -> Iterable[Finding]:
        """Called once per sampler class, for the rules with no rounding `kinds`."""
        return ()

    def finding(
        self,
        ctx: SamplerContext,
        site: Reached,
        message: str,
        proposal: Proposal,
        at: Optional[cst.CSTNode] = None,
    ) -> Finding:
        """The message is one short sentence; the fix (Finding.replacement) or the reason
        there is none travels beside it, for each face to show whole."""
        if isinstance(proposal, Fix):
            return Finding(self.code, at or site.node, message, self.gating, fix=proposal)
        return Finding(self.code, at or site.node, message, self.gating, manual=proposal)


class ClassRule(Rule):
    """A rule that compares the shape of `__iter__` with `__len__`, once per class."""

    kinds = frozenset()
    looks_at: ClassVar[str]  # for the docs page: what the rule compares ("Compares <what>.")

    def check_class(self, ctx: SamplerContext) -> Iterable[Finding]:
        raise NotImplementedError

    def manual(self, node: cst.CSTNode, message: str, reason: str) -> Finding:
        """A finding whose fix is left to a hand, for `reason`."""
        return Finding(self.code, node, message, self.gating, manual=reason)


def where(site: Reached) -> str:
    """Name the path when the rounding happens outside __len__."""
    if site.fn is not None and site.fn.func.name.value == "__len__":
        return ""
    through = ", ".join(sorted(f"self.{name}" for name in site.via))
    return f" (via {through})" if through else " (outside __len__)"


def split_message(ctx: SamplerContext, site: Reached, rounding: str, agg: Aggregate) -> str:
    """When __iter__ splits each batch of a wrapped sampler: what a rounding of the total
    misses is the per-batch ceilings (for random, Poisson batch sizes, their mean), not a
    final partial batch."""
    random = "random " if poisson_batch_size(ctx, agg, site) is not None else ""
    return f"{rounding} undercounts the pieces __iter__ splits each {random}batch into"


def floors_fractional(ctx: SamplerContext, site: Reached) -> bool:
    return may_be_fractional(ctx, rounded_value(site.node), site.fn)


class RoundingCall(Rule):
    """A rounding call of a batch count that the model (core/counting.py) shows wrong."""

    # The counts __iter__ yields (core.counting) on which this rounding is wrong.
    wrong_when: ClassVar[FrozenSet[str]]

    def describe(self, ctx: SamplerContext, site: Reached, ratio: BatchRatio) -> str:
        raise NotImplementedError

    def check(self, ctx, site, kind):
        if ctx.consistent(site):
            return None
        value = rounded_value(site.node)
        ratio = batch_ratio(ctx, site, value)
        if ratio is None and CEIL in self.wrong_when and ceiled_in_iter(ctx, site, value):
            message = (
                f"{self.callee(ctx, site)} floors what __iter__ rounds up to loop on "
                f"(e.g. 2.5: {self.callee(ctx, site)} gives 2, __iter__ loops 3 times){where(site)}"
            )
            return self.finding(ctx, site, message, math_ceil(ctx, site, value))
        if ratio is None or ratio.yielded not in self.wrong_when:
            return None
        agg = aggregate_ratio(ctx, value, site)
        described = (
            split_message(ctx, site, self.callee(ctx, site), agg) if agg else self.describe(ctx, site, ratio)
        )
        message = described + rounding_example(ctx, ratio, described + where(site)) + where(site)
        return self.finding(ctx, site, message, exact_count(ctx, site, ratio))

    def callee(self, ctx: SamplerContext, site: Reached) -> str:
        return f"{qualified_callee(site.node, ctx.imports)}()"


def batch_divisor(node: cst.CSTNode):
    """(the division, the batch size's name) for `a // b` or `a / b` with b named like a batch size."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.FloorDivide, cst.Divide)):
        size = last_name(node.right)
        if size and BATCH_NAME.search(size):
            return node, size
    return None
