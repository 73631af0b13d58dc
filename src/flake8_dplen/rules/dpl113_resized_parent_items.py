"""inherited __len__ under an __iter__ that grows, cuts or repeats the parent's items.

## What it does
Reports a sampler that overrides `__iter__` but not `__len__`, when the new `__iter__`
takes the items of `super().__iter__()` and changes how many it yields: it grows or cuts
a list of them before yielding it (`indices += indices[:k]`, `indices.extend(...)`,
`.append` / `.insert`, `indices = indices + ...`, `indices = indices[a:b]`), or every run
passes over `super().__iter__()` more than once (two passes, or one inside
`for _ in range(2)`). The `__len__` it inherits is a torch sampler's
(`DistributedSampler`, `RandomSampler`, `WeightedRandomSampler` return
`self.num_samples`; `SequentialSampler`, `SubsetRandomSampler` the length of their data)
or that of a base class in the module that returns `self.<attr>` or `len(self.<attr>)`,
and the class never assigns that attribute.

## Why is this bad
The inherited `__len__` still counts the parent's items, so every item the subclass adds
is past `len()` and every item it cuts is promised and never comes. transformers'
`DistributedSamplerWithLoop` pads each rank's share to a multiple of the batch size: with
10 items, batch size 4 and 2 replicas, `len()` is 5 and `__iter__` yields 8.
`len(DataLoader)` is computed from the sampler's `len()`, so progress bars and schedulers
plan the wrong number of steps, and loops that stop at `len()` drop the padding.

## Use instead
Define `__len__` in the subclass to count what its `__iter__` yields (for a pad to a
multiple of the batch size: `-(-self.num_samples // self.batch_size) * self.batch_size`).
Updating the attribute the parent's `__len__` returns instead works only for a base of
your own whose `__iter__` does not read it, and only when it is set before anything asks
`len()`: torch's samplers read it (`DistributedSampler.__iter__` asserts it yields
`self.num_samples` items, `RandomSampler` draws that many).

## Fix safety
No automatic fix: the new total depends on how `__iter__` pads or cuts, which the rule
replays only on one small input, for the message. Left for a manual fix.

## Known problems
Only a list first bound to `list(super().__iter__())` (or `sorted`, `tuple`, `iter` of
it) and then yielded or returned is followed; items filtered by a comprehension, or
grown through another name or a helper, are not seen. A change that reads `len(self)` or
the attribute the parent's `__len__` returns, in the statement or in the `if` / `while`
test around it, is taken as topping up or cutting to the length, and a list whose length
an `assert` checks as stated by its author; neither is reported. Extra passes are counted
only in `for _ in range(k)` with `k` written out. A `BatchSampler` subclass is not judged
(its length is computed from three attributes). The message names what `__iter__` yields
on 10 items (2 replicas for `DistributedSampler`, batch size 4) only when `__iter__` is
straight-line code over integers and the list; otherwise it gives `len()` alone.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, Optional, Tuple

import libcst as cst

from ..core.classindex import FunctionIndex, is_self_attr, walk
from ..core.iterfacts import counted_attr, is_len_self
from ..core.names import len_arg
from ..core.prefilter import BATCH_NAME
from ..core.samplers import TORCH_LEN_VALUES, torch_len_base
from .base import ClassRule

# A small input for the message, per torch sampler: its attributes, the attribute holding
# its data (of _ITEMS items), and how to say it. A batch-size attribute is _BATCH.
_INPUTS = {
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
_ITEMS = 10
_BATCH = 4
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


class ResizedParentItems(ClassRule):
    code = "DPL113"
    doc_cases = ("invalid_transformers_distributed_sampler_loop_shape", "valid_defines_own_len_padded_total")
    title = "inherited __len__ under an __iter__ that grows, cuts or repeats the parent's items"
    gating = True
    looks_at = "how many of `super().__iter__()`'s items `__iter__` yields with the `__len__` it inherits"

    def check_class(self, ctx):
        if ctx.defines("__len__") or not ctx.defines("__iter__"):
            return
        shape = ctx.shape
        if not shape.resized or shape.endless is not None:
            return
        inherited = _inherited_len(ctx)
        if inherited is None:
            return
        origin, returns, attrs = inherited
        if _sets_any(ctx, attrs):
            return
        fn = ctx.index.function(shape.func)
        if any(_reads_length(fn, node, attrs) for node in shape.resized):
            return
        node = shape.resized[0]
        name = ctx.cls.name.value
        change = _effect(node)
        example = _example(origin, fn, shape.resized[0]) if origin in _INPUTS else ""
        message = f"__iter__ {change} the parent's items, {origin}.__len__ does not{example}"
        reason = f"define __len__ in {name} to count the items its __iter__ yields"
        if origin not in TORCH_LEN_VALUES:
            reason += f", or update what {origin}.__len__ returns ({returns}) where the total is set"
        yield self.manual(node, message, reason)


def _inherited_len(ctx) -> Optional[Tuple[str, str, FrozenSet[str]]]:
    """(where __len__ comes from, what it returns, the attributes that is read from): a
    base of the module whose __len__ returns `self.<attr>` or `len(self.<attr>)`, else
    the torch sampler inherited."""
    own = ctx.index.methods.get("__len__")
    if own is not None:
        fn = ctx.index.function(own)
        attrs = {counted_attr(value, fn) for value in fn.returns}
        if not fn.returns or None in attrs:
            return None
        origin = next(k.name.value for k in ctx.lineage if own in k.body.body)
        return origin, " or ".join(sorted(ctx.short(v) for v in fn.returns)), frozenset(attrs)
    base = torch_len_base(ctx.lineage, ctx.imports)
    if base not in TORCH_LEN_VALUES:
        return None
    returns, attrs = TORCH_LEN_VALUES[base]
    return base, returns, attrs


def _sets_any(ctx, attrs: FrozenSet[str]) -> bool:
    """The class itself assigns one of `attrs`, or defines it as a property or method."""
    own = {s for s in ctx.cls.body.body if isinstance(s, cst.FunctionDef)}
    if any(f.name.value in attrs for f in own):
        return True
    return any(method in own for attr in attrs for _, method in ctx.index.self_assignments(attr))


def _reads_length(fn: FunctionIndex, node: cst.CSTNode, attrs: FrozenSet[str]) -> bool:
    """`node`, or an `if` / `while` test around it, reads len(self) or one of `attrs`:
    the change tops up or cuts to the length."""
    tests = [a.test for a in fn.ancestors(node) if isinstance(a, (cst.If, cst.While))]
    for part in (node, *tests):
        for n in walk(part):
            if is_len_self(n, fn.func) or (
                isinstance(n, cst.Attribute) and is_self_attr(n, fn.func) in attrs
            ):
                return True
    return False


def _effect(node: cst.CSTNode) -> str:
    """What the change does to the parent's items."""
    if isinstance(node, cst.Assign) and isinstance(node.value, cst.Subscript):
        return "cuts"
    if isinstance(node, (cst.Yield, cst.For)):
        return "repeats"
    return "grows"


def _example(origin: str, fn: FunctionIndex, change: cst.CSTNode) -> str:
    """The torch sampler's len() on a small input, and what __iter__ yields there when a
    replay of it can tell."""
    attrs, data, described = _INPUTS[origin]
    replay = _Replay(fn, attrs, data, _changed_list(change))
    length = attrs.get("num_samples", _ITEMS)
    yielded = replay.run(length)
    if yielded is None or yielded == length:
        return f" ({described}: len() {length} whatever is yielded)"
    batch = f", batch {_BATCH}" if replay.batch else ""
    return f" (e.g. {described}{batch}: len() {length}, {yielded} yielded)"


def _changed_list(node: cst.CSTNode) -> Optional[str]:
    """The local a resizing statement changes."""
    target = node.target if isinstance(node, cst.AugAssign) else None
    if isinstance(node, cst.Assign):
        target = node.targets[0].target
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        target = node.func.value
    return target.value if isinstance(target, cst.Name) else None


class _Replay:
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
                return _BATCH
            return None
        measured = len_arg(expr)
        if measured is not None:
            if self._is_held(measured):
                return self.size
            return _ITEMS if is_self_attr(measured, self.fn.func) == self.data else None
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
