"""float truncation that both __len__ and __iter__ use.

Shown: invalid_opacus_uniform_replacement_sampler_int, valid_fixed_return_n_bs

## What it does
Reports a float truncation (`int`, `floor`, `round`) whose value `__len__` returns and
that also bounds the loop of `__iter__`.

## Why is this bad
`len()` agrees with `__iter__` today, because both use the same truncated value, but the
value rests on float rounding: `int(1 / (1 / 93)) == 92`, so the sampler takes one step
fewer than the user asked for (opacus's `UniformWithReplacementSampler`).

## Use instead
Count with integers (pass the number of steps, or `-(-n // batch_size)`).

## Fix safety
No fix: changing the value changes how many batches are yielded. Not gating.

## Known problems
None known.
"""

from __future__ import annotations

from ..core.rounding import qualified_callee
from .base import Rule, floors_fractional, where


class FragileTruncation(Rule):
    kinds = frozenset({"int", "floor", "round"})

    def check(self, ctx, site, kind):
        if not ctx.consistent(site) or not floors_fractional(ctx, site):
            return None
        name = "int" if kind == "int" else qualified_callee(site.node, ctx.imports)
        message = (
            f"{name}() of a float also bounds __iter__, so len() agrees, but rounding can lose a step "
            f"(int(1 / (1 / 93)) == 92){where(site)}"
        )
        return self.finding(ctx, site, message, "changing it changes how many batches are yielded")
