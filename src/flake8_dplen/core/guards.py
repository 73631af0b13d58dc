"""Path conditions on `drop_last`: is a node reached only when drop_last is true, or false?"""

from __future__ import annotations

from typing import Optional, Tuple

from . import syntax as cst
from .classindex import FunctionIndex
from .names import dotted, len_arg

DROP = "drop_last"  # reached only when drop_last is true: the tail is dropped
KEEP = "keep_last"  # reached only when drop_last is false: the tail is yielded


def drop_last_test(test: cst.BaseExpression) -> Optional[Tuple[str, cst.BaseExpression]]:
    """(DROP or KEEP, the drop_last expression) when the test being true implies one."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        inner = drop_last_test(test.expression)
        if inner is None:
            return None
        return (KEEP if inner[0] == DROP else DROP), inner[1]
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return drop_last_test(test.left) or drop_last_test(test.right)
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.Or):
        # `len(batch) == size or not drop_last`: a short batch passes only without drop_last.
        for side, other in ((test.left, test.right), (test.right, test.left)):
            found = drop_last_test(side)
            if found is not None and found[0] == KEEP and full_batch_test(other):
                return found
        return None
    name = dotted(test)
    if name is not None and "drop_last" in name.rsplit(".", 1)[-1]:
        return DROP, test
    return None


def full_batch_test(test: cst.BaseExpression) -> bool:
    """`len(x) == size`: true only for a full batch."""
    return (
        isinstance(test, cst.Comparison)
        and len(test.comparisons) == 1
        and isinstance(test.comparisons[0].operator, cst.Equal)
        and len_arg(test.left) is not None
    )


def _flip(found: Optional[Tuple[str, cst.BaseExpression]], negate: bool):
    if found is None or not negate:
        return found
    return (KEEP if found[0] == DROP else DROP), found[1]


def _ends_in_return(block: cst.BaseSuite) -> bool:
    body = getattr(block, "body", ())
    if not body:
        return False
    last = body[-1]
    if isinstance(last, cst.SimpleStatementLine):
        return any(isinstance(s, (cst.Return, cst.Raise)) for s in last.body)
    return False


def guard_of(node: cst.CSTNode, fn: FunctionIndex) -> Optional[Tuple[str, cst.BaseExpression]]:
    """The innermost drop_last condition under which `node` runs in its function."""
    child = node
    for parent in fn.ancestors(node):
        found = None
        kind = type(parent)  # not isinstance: see Machine.eval in core/yieldcount.py
        if kind is cst.IfExp or kind is cst.If:
            # An `else:` or `elif` is the orelse of its `if`: reached when the test is false.
            if child is parent.body:
                found = drop_last_test(parent.test)
            elif child is parent.orelse:
                found = _flip(drop_last_test(parent.test), True)
        elif kind is cst.IndentedBlock:
            found = _after_early_exit(parent, child)
        if found is not None:
            return found
        child = parent
    return None


def _after_early_exit(block, stmt) -> Optional[Tuple[str, cst.BaseExpression]]:
    # `if not self.drop_last: return ...` makes the statements after it drop_last-only.
    for sibling in block.body:
        if sibling is stmt:
            return None
        if isinstance(sibling, cst.If) and sibling.orelse is None and _ends_in_return(sibling.body):
            found = drop_last_test(sibling.test)
            if found is not None:
                return _flip(found, True)
    return None
