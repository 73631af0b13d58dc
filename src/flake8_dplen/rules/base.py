"""What every rule is made of, and the helpers several rules share.

A rule is one module in this package (`dplNNN_<what>.py`) holding one `Rule` subclass:
its code, title, whether it gates, its docs (the module docstring, in ruff's sections),
its check, and its VALID and INVALID examples. The docs page and the tests come from it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, ClassVar, Iterable, Optional, Sequence, Tuple

import libcst as cst

from ..core.context import Finding, Proposal, SamplerContext
from ..core.flow import Reached
from ..core.guards import DROP
from ..core.names import last_name
from ..core.numeric import may_be_fractional
from ..core.prefilter import BATCH_NAME
from ..fixes.ceil import exact_site


@dataclass(frozen=True)
class Invalid:
    """An example the rule must report on the line marked `# <- DPLxxx`, with what the
    codemod must then do to the whole example: `fix`, the exact unified diff it writes
    (no file header, no context lines; "" when it changes nothing), and `manual`, the
    reasons it gives for the findings of this rule that it leaves for a hand."""

    source: str
    fix: str = ""
    manual: Tuple[str, ...] = ()


class Rule:
    code: ClassVar[str]
    title: ClassVar[str]
    # Gating codes (DPL1) fail CI and are what the codemod acts on; the others warn.
    gating: ClassVar[bool]
    kinds: ClassVar[frozenset]  # the rounding kinds (core.rounding) the rule looks at
    VALID: ClassVar[Sequence[str]]
    INVALID: ClassVar[Sequence[Invalid]]

    def check(self, ctx: SamplerContext, site: Reached, kind: str) -> Optional[Finding]:
        raise NotImplementedError

    def check_class(self, ctx: SamplerContext) -> Iterable[Finding]:
        """Called once per sampler class, for the rules with no rounding `kinds`."""
        return ()

    def finding(
        self,
        site: Reached,
        message: str,
        propose: Callable[[], Proposal],
        at: Optional[cst.CSTNode] = None,
    ) -> Finding:
        """`propose` builds the fix, or says why there is none, when a face asks for it."""
        return Finding(self.code, at or site.node, message, self.gating, propose)


class ClassRule(Rule):
    """A rule that compares the shape of `__iter__` with `__len__`, once per class."""

    kinds = frozenset()
    looks_at: ClassVar[str]  # for the docs page: what the rule compares

    def check_class(self, ctx: SamplerContext) -> Iterable[Finding]:
        raise NotImplementedError

    def manual(self, node: cst.CSTNode, message: str, reason: str) -> Finding:
        """A finding whose fix is left to a hand, for `reason`."""
        return Finding(self.code, node, message, self.gating, lambda: reason)


def where(site: Reached) -> str:
    """Name the path when the rounding happens outside __len__."""
    if site.fn is not None and site.fn.func.name.value == "__len__":
        return ""
    through = ", ".join(sorted(f"self.{name}" for name in site.via))
    return f" (reaches __len__ through {through})" if through else " (reaches __len__)"


def rounded_arg(site: Reached) -> cst.BaseExpression:
    """What a one-argument rounding call rounds."""
    return site.node.args[0].value


def floors_fractional(ctx: SamplerContext, site: Reached) -> bool:
    return may_be_fractional(ctx, rounded_arg(site), site.fn)


def under_drop_last(site: Reached) -> bool:
    return bool(site.guard) and site.guard[0] == DROP


class RoundingCall(Rule):
    """A rounding call on the way to __len__ whose fix is the exact ceiling."""

    def applies(self, ctx: SamplerContext, site: Reached) -> bool:
        raise NotImplementedError

    def describe(self, ctx: SamplerContext, site: Reached) -> str:
        raise NotImplementedError

    def check(self, ctx, site, kind):
        if ctx.consistent(site) or not self.applies(ctx, site):
            return None
        return self.finding(site, self.describe(ctx, site) + where(site), lambda: exact_site(ctx, site))


def batch_divisor(node: cst.CSTNode):
    """(the division, the batch size's name) for `a // b` or `a / b` with b named like a batch size."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.FloorDivide, cst.Divide)):
        size = last_name(node.right)
        if size and BATCH_NAME.search(size):
            return node, size
    return None
