"""What `__iter__` tells about the batch count: what bounds it, and whether a short final
batch is yielded. `//` and `ceil` are as common in correct samplers as in broken ones, so
the rules need this evidence before they speak."""

from __future__ import annotations

from dataclasses import dataclass
from typing import FrozenSet, List, Optional, Tuple

from . import syntax as cst
from .classindex import ClassIndex, FunctionIndex, is_self_attr, self_name, strip_parens, walk
from .guards import DROP, KEEP, drop_last_test, full_batch_test, guard_of
from .names import ImportTable, len_arg
from .rounding import qualified_callee

YES = "yes"  # a short final batch is yielded whatever drop_last says
FULL = "full"  # only full batches are yielded: a trimmed stepped range, a yield when len == size
UNKNOWN = "unknown"

_CEILS = {"math.ceil", "numpy.ceil", "torch.ceil"}
_SPLITTERS = {
    "math.ceil",
    "numpy.ceil",
    "torch.ceil",
    "numpy.array_split",
    "torch.split",
    "torch.chunk",
    "torch.tensor_split",
    "itertools.batched",
    "more_itertools.chunked",
}


# Split into a number of pieces (not pieces of a size): as many as asked, sizes uneven.
_BY_COUNT = {"numpy.array_split", "torch.chunk", "torch.tensor_split"}


def _floored_pieces(call: cst.Call, callee: Optional[str]) -> bool:
    """`array_split(x, a // b)`, `x.chunk(int(a / b))`: a floor of pieces, exactly that many.
    `np.split(x, k)` makes k equal pieces or raises: never a short one (split at listed
    positions, `np.split(x, range(b, n, b))`, it may end short)."""
    if callee == "numpy.split" and len(call.args) >= 2:
        sections = strip_parens(call.args[1].value)
        return not isinstance(sections, (cst.List, cst.Tuple, cst.ListComp, cst.Call))
    if callee in _BY_COUNT and len(call.args) >= 2:
        count = call.args[1].value
    elif isinstance(call.func, cst.Attribute) and call.func.attr.value in {"chunk", "tensor_split"} and call.args:
        count = call.args[0].value
    else:
        return False
    if isinstance(count, cst.Call) and isinstance(count.func, cst.Name) and count.func.value == "int":
        # `int(a / b)` floors; `int(np.ceil(a / b))` (opacus) is still the ceiling.
        count = count.args[0].value if len(count.args) == 1 else None
        return isinstance(count, cst.BinaryOperation) and isinstance(count.operator, cst.Divide)
    return isinstance(count, cst.BinaryOperation) and isinstance(count.operator, cst.FloorDivide)


@dataclass(frozen=True)
class IterFacts:
    """Facts of `__iter__` the rounding rules weigh: what bounds its loop, its partial batch."""

    bound_by_len: bool  # iterates range(len(self)): the count is len() by construction
    bound_attrs: FrozenSet[str]  # self attributes that bound the loop count
    partial: str  # YES, KEEP (only when drop_last is false), FULL or UNKNOWN
    drop_last: Optional[cst.BaseExpression]  # `self.drop_last` as __iter__ spells it
    iterated: FrozenSet[str]  # self attributes iterated batch by batch (`for b in self.sampler`)
    splits_by: FrozenSet[str]  # code of M where each batch is split into ceil(len(b) / M)
    yields_empty: bool  # `yield []`: an empty logical batch still counts as one batch
    attrs: FrozenSet[str]  # every self attribute __iter__ reads: the sizes it batches by
    steps: FrozenSet[str] = frozenset()  # integer literal steps of range(): sizes spelled as numbers
    # self attributes passed to range(): ints, or __iter__ would raise
    range_attrs: FrozenSet[str] = frozenset()
    ceil_bounds: FrozenSet[str] = frozenset()  # code of X in `for _ in range(math.ceil(X))`
    # self attributes __iter__ uses as a batch size: a range step, a slice bound, a size
    # `len(batch)` is compared with, an argument of a splitter. Reading an attribute is not
    # batching by it (`if self.num_replicas > 1`), so a rounding by one is not judged.
    batch_sizes: FrozenSet[str] = frozenset()
    # code of M where each batch of an iterated attribute is cut by `range(0, len(batch), M)`
    # (DPL105's pieces; not splits_by, under which a per-group tail is no longer judged).
    stepped_by: FrozenSet[str] = frozenset()


NO_FACTS = IterFacts(False, frozenset(), UNKNOWN, None, frozenset(), frozenset(), False, frozenset())


def iter_facts(index: ClassIndex, imports: ImportTable) -> IterFacts:
    func = index.methods.get("__iter__")
    if func is None:
        return NO_FACTS
    fn = index.function(func)
    bound_by_len = False
    bound_attrs = set()
    iterated = set()
    splits_by = set()
    stepped_by = set()
    evidence = []
    drop_last = None
    yields_empty = False
    attrs = set()
    steps = set()
    range_attrs = set()
    ceil_bounds = set()
    sizes = set()

    def note(kind_node: cst.CSTNode, guard=None, full=False) -> None:
        nonlocal drop_last
        if full:
            evidence.append(FULL)
            return
        guard = guard or guard_of(kind_node, fn)
        if guard is not None and is_self_attr(guard[1], func):
            drop_last = guard[1]
        evidence.append(KEEP if guard and guard[0] == KEEP else (None if guard else YES))

    for node in walk(func.body):
        if isinstance(node, cst.Attribute) and is_self_attr(node, func):
            attrs.add(node.attr.value)
        if isinstance(node, cst.For):
            attr = is_self_attr(node.iter, func)
            if attr is not None:
                iterated.add(attr)
            if isinstance(node.iter, cst.Call) and qualified_callee(node.iter, imports) == "range":
                args = [a.value for a in node.iter.args]
                range_attrs.update(filter(None, (is_self_attr(a, func) for a in args)))
                if len(args) == 3 and isinstance(args[2], cst.Integer):
                    steps.add(args[2].value)
                if len(args) == 3:
                    sizes.update(_batch_step(node, args[2], fn))
                    if _over_each_batch(args[1], node, fn):
                        stepped_by.add(cst.Module([]).code_for_node(strip_parens(args[2])))
                stop = args[0] if len(args) == 1 else args[1] if len(args) > 1 else None
                if (
                    isinstance(stop, cst.Call)
                    and len(stop.args) == 1
                    and qualified_callee(stop, imports) in {"math.ceil", "numpy.ceil"}
                ):
                    ceil_bounds.add(cst.Module([]).code_for_node(strip_parens(stop.args[0].value)))
                flags = _bounds(args[:1] if len(args) == 1 else args[1:2], fn)
                bound_by_len |= flags[0]
                bound_attrs |= flags[1]
                yields = [n for n in walk(node.body) if isinstance(n, cst.Yield)]
                if len(args) == 3 and yields and not all(_only_when_full(y, node, fn) for y in yields):
                    guard = _stops_under_drop_last(node) or _kept_yields(yields, fn)
                    _note_stepped_range(args[1], fn, note, guard)
        elif isinstance(node, cst.Yield):
            yields_empty |= isinstance(node.value, cst.List) and not node.value.elements
        elif isinstance(node, cst.While):
            flags = _bounds([node.test], fn)
            bound_by_len |= flags[0]
            bound_attrs |= flags[1]
        elif isinstance(node, cst.Call):
            callee = qualified_callee(node, imports)
            splits = callee in _SPLITTERS or (
                isinstance(node.func, cst.Attribute)
                and node.func.attr.value in {"split", "chunk", "tensor_split"}
            )
            # A ceiling counts batches of a size (`ceil(len(batch) / m)`, `ceil(n / bs)`);
            # one that divides by a length is a repeat count (`ceil(padding / len(indices))`).
            # `array_split(x, n // bs)` makes exactly n // bs pieces: no short one beside them.
            if splits and (callee not in _CEILS or _by_a_size(node)) and not _floored_pieces(node, callee):
                sizes.update(a for arg in node.args for a in self_attrs_in(arg.value, fn))
                note(node)
                if callee in {"math.ceil", "numpy.array_split"}:
                    splits_by.update(_split_divisors(node))
        elif isinstance(node, cst.Slice):
            sizes.update(a for part in (node.lower, node.upper) if part for a in self_attrs_in(part, fn))
        elif isinstance(node, cst.Comparison):
            # `len(batch) == self.batch_size`: what a batch's length is compared with.
            sides = (node.left, *(c.comparator for c in node.comparisons))
            if any(len_arg(side) is not None for side in sides):
                sizes.update(a for side in sides if len_arg(side) is None for a in self_attrs_in(side, fn))
        elif isinstance(node, cst.SimpleStatementLine) and _is_tail_yield(node, fn):
            if _unconditional_tail(node, fn):
                note(node)
        elif isinstance(node, cst.If) and _yields_when_full(node, fn):
            note(node, full=True)
        elif isinstance(node, cst.If) and _leaves(node):
            # `if count == self.k: break`: the loop stops at k, so k bounds the count too.
            flags = _bounds(_compared(node.test), fn)
            bound_by_len |= flags[0]
            bound_attrs |= flags[1]
    partial = next((kind for kind in (YES, KEEP, FULL) if kind in evidence), UNKNOWN)
    trim = _tail_trimmed_under_drop_last(func)
    if partial == YES and trim is not None:
        # `if self.drop_last and ...: batches = batches[:-1]`: the short batch goes then.
        partial, drop_last = KEEP, drop_last or trim
    return IterFacts(
        bound_by_len,
        frozenset(bound_attrs),
        partial,
        drop_last,
        frozenset(iterated),
        frozenset(splits_by),
        yields_empty,
        frozenset(attrs),
        frozenset(steps),
        frozenset(range_attrs),
        frozenset(ceil_bounds),
        frozenset(sizes),
        frozenset(stepped_by),
    )


def _batch_step(loop: cst.For, step: cst.BaseExpression, fn: FunctionIndex):
    """The step's attributes when the body adds it to the loop variable (`start + step`,
    where the batch ends); a step the body does not add (`range(rank, n, world)`) strides
    over whole batches and is no batch size."""
    if not isinstance(loop.target, cst.Name):
        return set()
    stepped = set(self_attrs_in(step, fn))
    for node in walk(loop.body):
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
            for start, end in ((node.left, node.right), (node.right, node.left)):
                if isinstance(start, cst.Name) and start.value == loop.target.value:
                    if stepped & set(self_attrs_in(end, fn)):
                        return stepped
    return set()


def _over_each_batch(stop: cst.BaseExpression, loop: cst.For, fn: FunctionIndex) -> bool:
    """`range(_, len(batch), M)` where `batch` is the target of an enclosing loop over an
    attribute of self (`for batch in self.sampler`): each batch split into ceil(len / M)
    pieces, as `ceil(len(batch) / M)` says."""
    measured = len_arg(stop)
    if not isinstance(measured, cst.Name):
        return False
    for outer in fn.ancestors(loop):
        if isinstance(outer, cst.For) and isinstance(outer.target, cst.Name):
            if outer.target.value == measured.value:
                return is_self_attr(outer.iter, fn.func) is not None
    return False


def self_attrs_in(expr: cst.BaseExpression, fn: FunctionIndex, seen: FrozenSet[str] = frozenset()):
    """The self attributes `expr` is computed from, through locals."""
    for node in walk(expr):
        attr = is_self_attr(node, fn.func) if isinstance(node, cst.Attribute) else None
        if attr is not None:
            yield attr
        elif isinstance(node, cst.Name) and node.value in fn.locals and node.value not in seen:
            for value in fn.locals[node.value]:
                yield from self_attrs_in(value, fn, seen | {node.value})


def _stops_under_drop_last(loop: cst.For) -> Optional[Tuple[str, cst.BaseExpression]]:
    """(KEEP, drop_last) when the loop body leaves or skips a step under drop_last
    (`if self.drop_last and start + b > n: return`, `if len(batch) < b and self.drop_last:
    continue`): the short slice only without it."""
    for node in walk(loop.body):
        if isinstance(node, cst.If):
            found = drop_last_test(node.test)
            last = node.body.body[-1] if getattr(node.body, "body", None) else None
            leaves = isinstance(last, cst.SimpleStatementLine) and any(
                isinstance(s, (cst.Return, cst.Break, cst.Continue)) for s in last.body
            )
            if found is not None and found[0] == DROP and leaves:
                return KEEP, found[1]
    return None


def _kept_yields(yields: List[cst.Yield], fn: FunctionIndex) -> Optional[Tuple[str, cst.BaseExpression]]:
    """(KEEP, drop_last) when every yield of the loop is under a test that passes a short
    slice only without drop_last (`if len(chunk) == b or not self.drop_last: yield chunk`)."""
    guards = [guard_of(y, fn) for y in yields]
    if all(g is not None and g[0] == KEEP for g in guards):
        return guards[0]
    return None


def _note_stepped_range(stop: cst.BaseExpression, fn: FunctionIndex, note, guard=None) -> None:
    """`for i in range(a, stop, b): yield ...` yields a short last slice unless the stop is
    trimmed (`n - b + 1`, `n - n % b`); a trim chosen by drop_last, or an early exit under
    drop_last (`guard`), means a tail only without drop_last."""
    values = [stop]
    if isinstance(stop, cst.Name) and stop.value in fn.locals:
        values = fn.locals[stop.value]
    cut = _cut_to_whole_batches(stop, fn)
    if cut is not None:
        # `perm = perm[: n - n % b]` (under drop_last, or always) before the loop over it.
        if cut[0] == DROP:
            note(stop, (KEEP, cut[1]))
        elif cut[0] != KEEP:
            note(stop, full=True)
        return
    for value in values:
        test = drop_last_test(value.test) if isinstance(value, cst.IfExp) else None
        if test is None:
            note(value, guard, full=trimmed(value))
            continue
        flipped = KEEP if test[0] == DROP else DROP
        for branch, state in ((value.body, test[0]), (value.orelse, flipped)):
            if not trimmed(branch):
                note(value, (state, test[1]))


def _cut_to_whole_batches(stop: cst.BaseExpression, fn: FunctionIndex) -> Optional[Tuple]:
    """The guard of `x = x[:n - n % b]` when `stop` measures the local x (`len(x)`,
    `x.numel()`, `x.shape[0]`, `x.size(0)`): (DROP, expr) when the cut happens only under
    drop_last, ("", None) when always; None when x is never so cut."""
    measured = len_arg(stop)
    if measured is None and isinstance(stop, cst.Call) and isinstance(stop.func, cst.Attribute):
        measured = stop.func.value if stop.func.attr.value in {"numel", "size", "__len__"} else None
    if measured is None and isinstance(stop, cst.Subscript) and isinstance(stop.value, cst.Attribute):
        measured = stop.value.value if stop.value.attr.value == "shape" else None
    if not isinstance(measured, cst.Name):
        return None
    for value in fn.locals.get(measured.value, []):
        if isinstance(value, cst.Subscript) and len(value.slice) == 1:
            part = value.slice[0].slice
            if isinstance(part, cst.Slice) and part.lower is None and part.upper is not None and trimmed(part.upper):
                return guard_of(value, fn) or ("", None)
    return None


def _tail_trimmed_under_drop_last(func: cst.FunctionDef) -> Optional[cst.BaseExpression]:
    """The drop_last expression of `if <drop_last> ...: x = x[:-1]` (or `x.pop()`)."""
    for node in walk(func.body):
        if not isinstance(node, cst.If):
            continue
        found = drop_last_test(node.test)
        if found is None or found[0] != DROP:
            continue
        for inner in walk(node.body):
            if isinstance(inner, cst.Subscript) and _drops_last(inner):
                return found[1]
            if (
                isinstance(inner, cst.Call)
                and isinstance(inner.func, cst.Attribute)
                and inner.func.attr.value == "pop"
                and not inner.args
            ):
                return found[1]
    return None


def _drops_last(subscript: cst.Subscript) -> bool:
    """`x[:-1]`."""
    if len(subscript.slice) != 1 or not isinstance(subscript.slice[0].slice, cst.Slice):
        return False
    part = subscript.slice[0].slice
    upper = part.upper
    return (
        part.lower is None
        and isinstance(upper, cst.UnaryOperation)
        and isinstance(upper.operator, cst.Minus)
        and isinstance(upper.expression, cst.Integer)
        and upper.expression.value == "1"
    )


def _only_when_full(node: cst.Yield, loop: cst.For, fn: FunctionIndex) -> bool:
    """The yield sits under `if len(batch) == size` inside `loop`: a short slice of the
    stepped range is never yielded (terratorch's ClaySampler)."""
    for parent in fn.ancestors(node):
        if parent is loop:
            return False
        if isinstance(parent, cst.If) and full_batch_test(parent.test):
            return True
    return False


def _yields_when_full(test_if: cst.If, fn: FunctionIndex) -> bool:
    """`if len(batch) == size: yield batch` inside a loop: a batch is yielded once full."""
    test = test_if.test
    inside_loop = any(isinstance(p, (cst.For, cst.While)) for p in fn.ancestors(test_if))
    return inside_loop and full_batch_test(test) and any(isinstance(n, cst.Yield) for n in walk(test_if.body))


def trimmed(expr: cst.BaseExpression) -> bool:
    """Something is subtracted at the top of the sum: `n - b + 1`, `n - n % b`."""
    while isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, (cst.Add, cst.Subtract)):
        if isinstance(expr.operator, cst.Subtract):
            return True
        expr = expr.left
    return False


def count_attr(expr: cst.BaseExpression, fn: FunctionIndex) -> Optional[str]:
    """N when `expr` is exactly `self.N`, `self.N()`, or a local only ever set to one."""
    if isinstance(expr, cst.Call) and not expr.args:
        expr = expr.func
    attr = is_self_attr(expr, fn.func) if isinstance(expr, cst.Attribute) else None
    if attr is not None:
        return attr
    if isinstance(expr, cst.Name) and expr.value in fn.locals:
        # Counter updates (`n -= 1`) do not change which value the count starts from.
        found = {count_attr(value, fn) for value in fn.locals[expr.value]} - {None}
        if len(found) == 1:
            return found.pop()
    return None


def counted_attr(expr: cst.BaseExpression, fn: FunctionIndex) -> Optional[str]:
    """X when a `__len__` return is `self.X` or `len(self.X)` (also through a local set once)."""
    if isinstance(expr, cst.Name) and len(fn.locals.get(expr.value, [])) == 1:
        expr = fn.locals[expr.value][0]
    measured = len_arg(expr)
    return count_attr(expr if measured is None else measured, fn)


def is_len_self(expr: cst.BaseExpression, func: cst.FunctionDef) -> bool:
    if not isinstance(expr, cst.Call):
        return False
    measured = len_arg(expr)
    if measured is not None:
        return isinstance(measured, cst.Name) and measured.value == self_name(func)
    return isinstance(expr.func, cst.Attribute) and is_self_attr(expr.func, func) == "__len__"


def _leaves(node: cst.If) -> bool:
    """`if ...: break` (or `return`) with nothing else in the branch and no `else`."""
    body = node.body.body
    return (
        node.orelse is None
        and len(body) == 1
        and isinstance(body[0], cst.SimpleStatementLine)
        and len(body[0].body) == 1
        and isinstance(body[0].body[0], (cst.Break, cst.Return))
    )


def _compared(test: cst.BaseExpression) -> List[cst.BaseExpression]:
    """Both sides of `a == b`, `a >= b` or `b <= a`: a stop at the count."""
    if not (isinstance(test, cst.Comparison) and len(test.comparisons) == 1):
        return []
    if not isinstance(test.comparisons[0].operator, (cst.Equal, cst.GreaterThanEqual, cst.LessThanEqual)):
        return []
    return [test.left, test.comparisons[0].comparator]


def _bounds(exprs, fn: FunctionIndex):
    """(is len(self), the count attribute) for each loop bound: `range(N)`, `while n > 0`."""
    by_len = False
    attrs = set()
    for expr in exprs:
        if isinstance(expr, cst.Comparison):
            expr = expr.left
        if isinstance(expr, cst.Name) and expr.value in fn.locals:
            by_len |= any(is_len_self(v, fn.func) for v in fn.locals[expr.value])
        by_len |= is_len_self(expr, fn.func)
        attr = count_attr(expr, fn)
        if attr is not None:
            attrs.add(attr)
    return by_len, attrs


def _is_tail_yield(line: cst.SimpleStatementLine, fn: FunctionIndex) -> bool:
    """A yield after a loop, outside any loop: the leftover batch. A yield after an inner
    loop but inside an outer one is the outer loop's batch (a P x K sampler fills each
    batch with an inner loop), not a tail."""
    # `yield from batches` after the loop that built them yields every batch, not one leftover.
    yields = [s.value for s in line.body if isinstance(s, cst.Expr) and isinstance(s.value, cst.Yield)]
    if not any(not isinstance(y.value, cst.From) for y in yields):
        return False
    ancestors = list(fn.ancestors(line))
    if any(isinstance(parent, (cst.For, cst.While)) for parent in ancestors):
        return False
    child = line
    for parent in ancestors:
        if isinstance(parent, cst.IndentedBlock) and child in parent.body:
            position = parent.body.index(child)
            if any(isinstance(s, (cst.For, cst.While)) for s in parent.body[:position]):
                return True
        child = parent
    return False


def _unconditional_tail(line: cst.SimpleStatementLine, fn: FunctionIndex) -> bool:
    """Every `if` around the tail yield only asks whether the batch is empty, or about
    drop_last: `if len(batch) > 1:` drops a tail of one, so the tail is not always yielded."""
    return all(_empty_or_drop_last(p.test) for p in fn.ancestors(line) if isinstance(p, cst.If))


def _empty_or_drop_last(test: cst.BaseExpression) -> bool:
    if drop_last_test(test) is not None or isinstance(test, (cst.Name, cst.Attribute)):
        return True
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return _empty_or_drop_last(test.left) and _empty_or_drop_last(test.right)
    if isinstance(test, cst.Call):
        return len_arg(test) is not None
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
        target = test.comparisons[0]
        right = target.comparator
        nonempty = {cst.GreaterThan: "0", cst.NotEqual: "0", cst.GreaterThanEqual: "1"}
        return (
            len_arg(test.left) is not None
            and isinstance(right, cst.Integer)
            and nonempty.get(type(target.operator)) == right.value
        )
    return False


def _by_a_size(ceil: cst.Call) -> bool:
    arg = strip_parens(ceil.args[0].value) if len(ceil.args) == 1 else None
    if not (isinstance(arg, cst.BinaryOperation) and isinstance(arg.operator, cst.Divide)):
        return False
    right = strip_parens(arg.right)
    return len_arg(right) is None


def _split_divisors(call: cst.Call):
    """M in `ceil(len(b) / M)` (also inside `array_split(b, ceil(len(b) / M))`)."""
    code = cst.Module([]).code_for_node
    for node in walk(call):
        if (
            isinstance(node, cst.BinaryOperation)
            and isinstance(node.operator, cst.Divide)
            and len_arg(node.left) is not None
        ):
            yield code(node.right)
