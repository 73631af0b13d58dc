"""A replay of straight-line `__iter__` code over integers and one list of the parent's
items, on a small input: how many items it yields (DPL113's message names that count)."""

from __future__ import annotations

from typing import Dict, Optional

from . import syntax as cst
from .classindex import FunctionIndex, is_self_attr
from .names import len_arg
from .prefilter import BATCH_NAME

# The size of the replayed data, and the value of any batch-size attribute.
ITEMS = 10
BATCH = 4

# A small input for the message, per torch sampler: its attributes, the attribute holding
# its data (of ITEMS items), and how to say it. A batch-size attribute is BATCH.
INPUTS = {
    "DistributedSampler": (
        {"num_samples": 5, "total_size": 10, "rank": 0, "num_replicas": 2, "epoch": 0},
        "dataset",
        "10 items, 2 replicas",
    ),
    "RandomSampler": ({"num_samples": 10}, "data_source", "10 items"),
    "WeightedRandomSampler": ({"num_samples": 10}, "weights", "10 weights"),
    "SubsetRandomSampler": ({}, "indices", "10 indices"),
    "SequentialSampler": ({}, "data_source", "10 items"),
}

_ARITHMETIC = {
    cst.Add: lambda a, b: a + b,
    cst.Subtract: lambda a, b: a - b,
    cst.Multiply: lambda a, b: a * b,
    cst.FloorDivide: lambda a, b: a // b if b else None,
    cst.Modulo: lambda a, b: a % b if b else None,
}
_COMPARE = {
    cst.LessThan: lambda a, b: a < b,
    cst.LessThanEqual: lambda a, b: a <= b,
    cst.GreaterThan: lambda a, b: a > b,
    cst.GreaterThanEqual: lambda a, b: a >= b,
    cst.Equal: lambda a, b: a == b,
    cst.NotEqual: lambda a, b: a != b,
}


def changed_list(node: cst.CSTNode) -> Optional[str]:
    """The local a resizing statement changes."""
    target = node.target if isinstance(node, cst.AugAssign) else None
    if isinstance(node, cst.Assign):
        target = node.targets[0].target
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        target = node.func.value
    return target.value if isinstance(target, cst.Name) else None


class Replay:
    """__iter__ run on the example input, when its body is straight-line code that binds
    integers and grows or cuts the list of the parent's items: how many it yields."""

    def __init__(self, fn: FunctionIndex, attrs: Dict[str, int], data: str, held: Optional[str]) -> None:
        self.fn = fn
        self.attrs = attrs
        self.data = data
        self.held = held
        self.ints: Dict[str, int] = {}
        self.size: Optional[int] = None  # the list's length, once it is bound
        self.batch = False  # a batch size was read

    def run(self, parent_items: int) -> Optional[int]:
        if self.held is None or self.held not in self.fn.locals:
            return None
        first = self.fn.locals[self.held][0]
        for stmt in self.fn.func.body.body:
            if not isinstance(stmt, cst.SimpleStatementLine):
                return None
            for small in stmt.body:
                if isinstance(small, cst.Assign) and small.value is first:
                    self.size = parent_items
                    continue
                done = self._step(small)
                if done is None or (done and self.size is None):
                    return None
                if done:
                    return self.size
        return None

    def _step(self, small: cst.BaseSmallStatement) -> Optional[bool]:
        """True at the return of the list, False to go on, None for what is not replayed."""
        if isinstance(small, cst.Return) and small.value is not None:
            value = small.value
            if (
                isinstance(value, cst.Call)
                and isinstance(value.func, cst.Name)
                and value.func.value == "iter"
            ):
                value = value.args[0].value if len(value.args) == 1 else value
            return True if self._is_held(value) else None
        if isinstance(small, cst.Expr):
            value = small.value
            if isinstance(value, cst.Yield) and isinstance(value.value, cst.From):
                return True if self._is_held(value.value.item) else None
            if isinstance(value, cst.SimpleString):
                return False
            if (
                isinstance(value, cst.Call)
                and isinstance(value.func, cst.Attribute)
                and self._is_held(value.func.value)
            ):
                method = value.func.attr.value
                if method == "extend" and len(value.args) == 1:
                    return self._grow(self._length(value.args[0].value))
                if method in {"append", "insert"}:
                    return self._grow(1)
            return None
        if isinstance(small, cst.AugAssign) and self._is_held(small.target):
            if isinstance(small.operator, cst.AddAssign):
                return self._grow(self._length(small.value))
            times = self._int(small.value) if isinstance(small.operator, cst.MultiplyAssign) else None
            return self._grow(None if times is None or self.size is None else self.size * (times - 1))
        if isinstance(small, cst.Assign) and len(small.targets) == 1:
            target = small.targets[0].target
            if not isinstance(target, cst.Name):
                return None
            if target.value == self.held:
                self.size = self._length(small.value)
                return None if self.size is None else False
            value = self._int(small.value)
            if value is None:
                return None
            self.ints[target.value] = value
            return False
        return None

    def _grow(self, by: Optional[int]) -> Optional[bool]:
        if by is None or self.size is None:
            return None
        self.size += by
        return False

    def _is_held(self, expr: cst.BaseExpression) -> bool:
        return isinstance(expr, cst.Name) and expr.value == self.held

    def _length(self, expr: cst.BaseExpression) -> Optional[int]:
        """The length of a list expression over the held list."""
        if self._is_held(expr):
            return self.size
        if (
            isinstance(expr, cst.Subscript)
            and len(expr.slice) == 1
            and isinstance(expr.slice[0].slice, cst.Slice)
        ):
            part = expr.slice[0].slice
            written = [b for b in (part.lower, part.upper, part.step) if b is not None]
            whole = self._length(expr.value)
            if whole is None or any(self._int(b) is None for b in written) or part.step is not None:
                return None
            lower, upper = (None if b is None else self._int(b) for b in (part.lower, part.upper))
            return len(range(whole)[lower:upper])
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Add):
            left, right = self._length(expr.left), self._length(expr.right)
            return None if left is None or right is None else left + right
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Multiply):
            left, times = self._length(expr.left), self._int(expr.right)
            return None if left is None or times is None else left * max(times, 0)
        if isinstance(expr, cst.List) and not any(isinstance(e, cst.StarredElement) for e in expr.elements):
            return len(expr.elements)
        return None

    def _int(self, expr: cst.BaseExpression) -> Optional[int]:
        if isinstance(expr, cst.Integer):
            return expr.evaluated_value
        if isinstance(expr, cst.Name):
            return self.ints.get(expr.value)
        if isinstance(expr, cst.Attribute):
            attr = is_self_attr(expr, self.fn.func)
            if attr in self.attrs:
                return self.attrs[attr]
            if attr is not None and BATCH_NAME.search(attr):
                self.batch = True
                return BATCH
            return None
        measured = len_arg(expr)
        if measured is not None:
            if self._is_held(measured):
                return self.size
            return ITEMS if is_self_attr(measured, self.fn.func) == self.data else None
        if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Minus):
            value = self._int(expr.expression)
            return None if value is None else -value
        if isinstance(expr, cst.BinaryOperation) and type(expr.operator) in _ARITHMETIC:
            left, right = self._int(expr.left), self._int(expr.right)
            return None if left is None or right is None else _ARITHMETIC[type(expr.operator)](left, right)
        if isinstance(expr, cst.IfExp):
            test = self._truth(expr.test)
            return None if test is None else self._int(expr.body if test else expr.orelse)
        return None

    def _truth(self, expr: cst.BaseExpression) -> Optional[bool]:
        if isinstance(expr, cst.Comparison) and len(expr.comparisons) == 1:
            target = expr.comparisons[0]
            compare = _COMPARE.get(type(target.operator))
            left, right = self._int(expr.left), self._int(target.comparator)
            return None if compare is None or left is None or right is None else compare(left, right)
        value = self._int(expr)
        return None if value is None else bool(value)


def replayed_example(origin: str, fn: FunctionIndex, change: cst.CSTNode) -> str:
    """For DPL113's message: the torch sampler's len() on a small input, and what __iter__
    yields there when a replay of it can tell ("" for a sampler with no such input)."""
    if origin not in INPUTS:
        return ""
    attrs, data, described = INPUTS[origin]
    replay = Replay(fn, attrs, data, changed_list(change))
    length = attrs.get("num_samples", ITEMS)
    yielded = replay.run(length)
    if yielded is None or yielded == length:
        return f" ({described}: len() {length} whatever is yielded)"
    batch = f", batch {BATCH}" if replay.batch else ""
    return f" (e.g. {described}{batch}: len() {length}, {yielded} yielded)"
