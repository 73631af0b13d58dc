"""Later epochs to judge: where the class's own schedule switches.

The search judges every sampler in its first epoch and again after ``set_epoch(1)``. A
schedule written against a whole number (``if self.epoch >= 5: drop the hard examples``,
a warm-up of ``warmup_epochs=3``) changes what an epoch yields only past that number, and
``len()`` computed once in ``__init__`` then goes stale unseen. Each such number ``v``,
read from the class's code, gives the epoch ``v + 1``, past the switch whether the code
compares with ``<``, ``<=``, ``>`` or ``>=``. The length of the whole run
(``total_epochs=100``, ``max_epoch``, ``num_epochs``) is no switch: no loop runs past it,
and a schedule taken beyond its end (a fraction of the data above 1) is no length bug.
"""

from __future__ import annotations

import ast
import re
from typing import Set, Tuple

from .reads import class_trees

# Epochs judged past the first two at most: each is one more iteration of every sampler.
_LATER = 3
# An epoch past this is no training run's (a number that large is not an epoch).
_EPOCH_MAX = 10_000
# A parameter that says how long the run is, not where its schedule switches.
_RUN_LENGTH = re.compile(r"total|max|^(?:num_|n_)?epochs?$", re.I)


def _epochal(node: ast.AST) -> bool:
    return "epoch" in ast.unparse(node).lower()


def later_epochs(cls: type) -> Tuple[int, ...]:
    """``v + 1`` for the whole numbers ``v >= 1`` the class (or a base) compares an epoch
    with (`self.epoch < 5`) or gives a parameter named for epochs as its default
    (`warmup_epochs=3`, not `total_epochs=100`); the first :data:`_LATER` of them."""
    found: Set[int] = set()
    for _, tree in class_trees(cls):
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare) and any(map(_epochal, [node.left, *node.comparators])):
                parts = [node.left, *node.comparators]
            elif isinstance(node, ast.arguments):
                named = [*node.posonlyargs, *node.args][-len(node.defaults) :] if node.defaults else []
                pairs = [*zip(named, node.defaults), *zip(node.kwonlyargs, node.kw_defaults)]
                parts = [
                    default
                    for arg, default in pairs
                    if default is not None and "epoch" in arg.arg.lower() and not _RUN_LENGTH.search(arg.arg)
                ]
            else:
                continue
            found |= {
                c.value + 1
                for part in parts
                for c in ast.walk(part)
                if isinstance(c, ast.Constant) and type(c.value) is int and 1 <= c.value <= _EPOCH_MAX
            }
    return tuple(sorted(found))[:_LATER]
