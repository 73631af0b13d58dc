"""Later epochs to judge: where the class's own schedule switches.

The search judges every sampler in its first epoch and again after ``set_epoch(1)``. A
schedule written against a whole number (``if self.epoch >= 5: drop the hard examples``,
a warm-up of ``warmup_epochs=3``) changes what an epoch yields only past that number, and
``len()`` computed once in ``__init__`` then goes stale unseen. Each such number ``v``,
read from the class's code, gives the epoch ``v + 1``, past the switch whether the code
compares with ``<``, ``<=``, ``>`` or ``>=``. The length of the whole run
(``total_epochs=100``, ``max_epoch``, ``num_epochs``) is no switch: no loop runs past it,
and a schedule taken beyond its end (a fraction of the data above 1) is no length bug.

A class with no ``set_epoch`` whose ``__iter__`` stores something on ``self`` (a counter
of its own epochs, ``self.state_i += 1``; a pointer into its data) yields, each time it
is iterated, what that state says: a mini-epoch sampler's last mini-epoch is short only
in its fourth iteration. Such a class is iterated again, on the same object, up to the
fifth time, or past a switch its code compares an epoch with (counted_epochs).
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
# Iterations of a class that counts its own epochs: up to this many (or past a switch,
# within _COUNTED_MAX), each one more epoch of every sampler judged.
_COUNTED, _COUNTED_MAX = 5, 10
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
            for part in parts:
                for c in ast.walk(part):
                    value = _whole(c, cls)
                    if value is not None:
                        found.add(value + 1)
                    elif isinstance(c, ast.BinOp) and isinstance(c.op, ast.Mod) and _epochal(c.left):
                        # `epoch % self.REFRESH_EVERY == 0`: the switch comes at the modulus itself.
                        value = _whole(c.right, cls)
                        found |= {value} if value is not None else set()
    return tuple(sorted(found))[:_LATER]


def _whole(node: ast.AST, cls: type):
    """The whole number in 1.._EPOCH_MAX ``node`` is: a constant, or a class attribute read
    through `self`, `cls` or the class's name (`self.REFRESH_EVERY`); else None."""
    value = node.value if isinstance(node, ast.Constant) else None
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        if node.value.id in ("self", "cls", cls.__name__):
            value = getattr(cls, node.attr, None)
    return value if type(value) is int and 1 <= value <= _EPOCH_MAX else None


def counted_epochs(cls: type) -> Tuple[int, ...]:
    """The epochs after the second, each one more iteration of the same object, of a class
    (or a base) whose ``__iter__`` stores on ``self``: ``2 .. 4`` (the third to fifth
    iteration), or up to the last switch later_epochs finds, within _COUNTED_MAX; none
    for a class whose ``__iter__`` keeps no state."""
    stateful = any(
        isinstance(node, ast.FunctionDef) and node.name == "__iter__" and _stores_on_self(node)
        for _, tree in class_trees(cls)
        for node in ast.walk(tree)
    )
    if not stateful:
        return ()
    last = min(max(_COUNTED - 1, *later_epochs(cls), 0), _COUNTED_MAX - 1)
    return tuple(range(2, last + 1))


def _stores_on_self(function: ast.FunctionDef) -> bool:
    for node in ast.walk(function):
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and any(
            isinstance(t, ast.Attribute) and ast.unparse(t.value) == "self" for t in targets
        ):
            return True
    return False
