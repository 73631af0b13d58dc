"""Positions where what `__iter__` walks starts late (a skip, a start index, a resume
point) that nothing `__len__` returns depends on: the facts DPL112 and DPL116 share, read
once per class (`SamplerContext.offsets`). Each position is reported by one of the two:
DPL112 when the user hands it to the constructor, DPL116 when it is resume state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, List, NamedTuple, Optional, Set, Tuple

from . import syntax as cst
from .classindex import FunctionIndex, assign_targets, is_self_attr, self_name, strip_parens, walk
from .iterfacts import count_attr
from .itershape import counter_name, iter_shape
from .names import last_name
from .prefilter import OFFSET_NAME
from .rounding import qualified_callee
from .samplers import TORCH_LEN_VALUES, torch_len_base

if TYPE_CHECKING:
    from .context import SamplerContext

_RANGES = {"range", "numpy.arange", "torch.arange"}  # (start, stop[, step]) alike
_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp)


@dataclass(frozen=True)
class Offset:
    """A walk of `__iter__` that starts past the first item, at a self attribute."""

    node: cst.CSTNode  # the slice, range, islice, skipping loop or counter test
    attr: str  # the self attribute the walk starts at
    exact: bool  # the walk starts at the attribute itself: it is k items short, not f(k)
    method: str  # where `node` is: __iter__, or the helper or __init__ that builds what it walks
    # The constructor parameter it holds, when nothing else but a reset sets it and __len__
    # is the module's (torch's own __len__ reads attributes a subclass may have set from it).
    param: Optional[str]


class _Start(NamedTuple):
    node: cst.CSTNode
    attr: str
    bare: bool  # the walk starts at the attribute itself, not at a value computed from it
    short_by_k: bool  # started at k, k fewer items: Offset.exact
    method: str  # the method `node` is in
    reader: str  # the method that reads the attribute: a bound parameter's caller


def ignored_offsets(ctx: "SamplerContext") -> Tuple[Offset, ...]:
    if not ctx.defines("__iter__") or ctx.shape.func is None or ctx.shape.endless is not None:
        return ()
    length = ctx.index.methods.get("__len__")
    if length is None and torch_len_base(ctx.lineage, ctx.imports) is None:
        return ()
    if length is not None and not ctx.index.function(length).returns:
        return ()
    fn = ctx.index.function(ctx.shape.func)
    starts = [
        _Start(node, attr, True, _one_by_one(node, fn), "__iter__", "__iter__")
        for node, attr in ctx.shape.starts
    ]
    heads: Set[str] = set()  # attributes that also end a slice from the top: `x[:self.k]`
    for node, site_fn, call in _walk_sites(ctx, fn):
        bounds = _bounds(node, ctx)
        if bounds is None or site_fn is None or _per_element(node, site_fn):
            continue
        start, stop = bounds
        if start is None:
            heads |= _attrs(ctx, stop, site_fn, call=call)
            continue
        window = _attrs(ctx, stop, site_fn, call=call)  # `x[self.k : self.k + n]` keeps n
        bare = _attrs(ctx, start, site_fn, only=True, call=call)
        method = site_fn.func.name.value
        reader = method if call is None else call[1].func.name.value  # a bound parameter: the caller's
        starts += [
            _Start(node, attr, attr in bare, attr in bare, method, reader)
            for attr in _attrs(ctx, start, site_fn, call=call) - window
        ]
    depends = ctx.len_names if length is not None else _inherited_len_names(ctx)
    found: List[Offset] = []
    seen = set()
    for start in starts:
        node, attr = start.node, start.attr
        key = (id(node), attr)
        if key in seen or attr in depends or attr in heads or not _is_position(ctx, attr, start.bare):
            continue
        seen.add(key)
        if _can_be_nonzero(ctx, attr) and not (start.reader == "__iter__" and _reset_first(fn, attr)):
            param = _constructor_param(ctx, attr) if length is not None else None
            found.append(Offset(node, attr, start.short_by_k, start.method, param))
    return tuple(found)


def _walk_sites(ctx: "SamplerContext", fn: FunctionIndex):
    """(node, its function, the call binding that function's parameters or None) for each
    node what __iter__ walks is built from; where __iter__ returns or walks a generator
    method of the class (`return self._epoch(epoch, start)`), what that method walks too,
    its parameters bound to the call's arguments (`for k in range(start, n)`)."""
    reached = list(ctx.flow.reach([(w, fn) for w in ctx.shape.walks]))
    found = [(site.node, site.fn, None) for site in reached]
    for site in reached:
        call = site.node
        if site.fn is None or not (isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute)):
            continue
        method = ctx.index.methods.get(is_self_attr(call.func, site.fn.func) or "")
        if method is None or method is ctx.shape.func or ctx.index.function(method).returns:
            continue  # a method that returns its value is followed by the flow itself
        gen = ctx.index.function(method)
        walks = iter_shape(method, gen, ctx.imports).walks
        found += [
            (r.node, r.fn, (call, site.fn) if r.fn is gen else None)
            for r in ctx.flow.reach([(w, gen) for w in walks])
        ]
    return found


def _is_position(ctx: "SamplerContext", attr: str, bare: bool) -> bool:
    """A position by its name, or, where the walk starts at the attribute itself (`bare`:
    not `x[self.rank * per:]`, a shard), by what sets it: a method the constructor does not
    call stores a value read from that method's own arguments (`load_state_dict(state)`
    with `self.k = state["k"]`, `set_index(k)`), so the walk starts wherever its caller
    resumes it. A value the constructor's own helpers derive (`self.first = n - keep`) is
    neither."""
    if OFFSET_NAME.search(attr):
        return True
    if not bare:
        return False
    init = ctx.index.methods.get("__init__")
    called = _constructor_calls(ctx, init) if init is not None else set()
    for value, method in ctx.index.self_assignments(attr):
        name = method.name.value
        if name in ("__init__", "__iter__") or name in called:
            continue
        params = set(ctx.index.function(method).params) - {self_name(method)}
        if any(isinstance(n, cst.Name) and n.value in params for n in walk(value)):
            return True
    return False


def _one_by_one(start: cst.CSTNode, fn: FunctionIndex) -> bool:
    """A late start is k items short: a `next(it)` per skipped step, or a `while c < n`
    whose counter goes up by 1 (not `c += len(batch)`, which counts items under batches,
    nor a loop's `if i < k: continue`, whose skipped steps may each have yielded any number)."""
    loop = fn.parents.get(start)
    if isinstance(loop, cst.If):
        return False
    if not isinstance(loop, cst.While):
        return True
    counter = counter_name(start.left, fn.func)
    adds = [
        n.value
        for n in walk(loop.body)
        if isinstance(n, cst.AugAssign) and counter_name(n.target, fn.func) == counter
    ]
    return all(isinstance(v, cst.Integer) and v.evaluated_value == 1 for v in adds)


def _constructor_calls(ctx: "SamplerContext", init: cst.FunctionDef) -> Set[str]:
    """The methods `__init__` calls on self, and those they call, and so on."""
    called: Set[str] = set()
    pending = [init]
    while pending:
        func = pending.pop()
        for n in walk(func.body):
            if isinstance(n, cst.Call) and isinstance(n.func, cst.Attribute) and is_self_attr(n.func, func):
                name = n.func.attr.value
                if name not in called and name in ctx.index.methods:
                    called.add(name)
                    pending.append(ctx.index.methods[name])
    return called


def _reset_first(fn: FunctionIndex, attr: str) -> bool:
    """The first statement of __iter__ that names `self.<attr>` sets it to 0 (or None)
    without reading it: every run starts from the top, whatever a resume stored."""
    for stmt in fn.func.body.body:
        named = [n for n in walk(stmt) if isinstance(n, cst.Attribute) and is_self_attr(n, fn.func) == attr]
        if not named:
            continue
        if type(stmt) is not cst.SimpleStatementLine:
            return False
        pairs = [pair for small in stmt.body for pair in assign_targets(small)]
        return len(named) == sum(is_self_attr(t, fn.func) == attr and _is_reset(v) for t, v in pairs)
    return False


def _inherited_len_names(ctx: "SamplerContext") -> Set[str]:
    """What the `__len__` inherited from torch is built from: the attributes it reads and
    every name the class's own assignments to them are built from. HunyuanDiT's
    DistributedSamplerWithStartIndex sets `num_samples` from `len(self.dataset) -
    self._start_index` in a helper its position's setter calls: that position is counted."""
    attrs = TORCH_LEN_VALUES.get(torch_len_base(ctx.lineage, ctx.imports) or "", ("", frozenset()))[1]
    index = ctx.index
    roots = [(value, index.function(method)) for a in attrs for value, method in index.self_assignments(a)]
    return (set(attrs) | {last_name(site.node) for site in ctx.flow.reach(roots)}) - {None}


def _bounds(node: cst.CSTNode, ctx: "SamplerContext"):
    """(start, stop) of an unstepped slice `x[a:b]`, `range(a, b[, step])` (or numpy's and
    torch's `arange`) or `islice(it, a, b[, step])`; None for anything else (a stepped
    slice picks a shard)."""
    if (
        isinstance(node, cst.Subscript)
        and len(node.slice) == 1
        and isinstance(node.slice[0].slice, cst.Slice)
    ):
        part = node.slice[0].slice
        return None if part.step is not None else (part.lower, part.upper)
    if not isinstance(node, cst.Call):
        return None
    callee = qualified_callee(node, ctx.imports)
    args = [a.value for a in node.args]
    if callee in _RANGES and len(args) >= 2:
        return args[0], args[1]
    if callee == "itertools.islice" and len(args) >= 3:
        return args[1], args[2]
    return None


def _per_element(node: cst.CSTNode, fn: FunctionIndex) -> bool:
    """`node` is in the element of a comprehension: it shapes each item, not how many."""
    child = node
    for parent in fn.ancestors(node):
        if isinstance(parent, _COMPREHENSIONS) and child is not parent.for_in:
            return True
        child = parent
    return False


def _attrs(
    ctx: "SamplerContext",
    expr: Optional[cst.BaseExpression],
    fn: FunctionIndex,
    only: bool = False,
    call: Optional[Tuple[cst.Call, FunctionIndex]] = None,
):
    """The self attributes `expr` reads, a parameter that `fn` stores as one included; with
    `only`, the attribute `expr` is exactly. With `call` (the call of `fn` and the function
    it is in), a parameter is the attribute its argument is exactly (`self.k`, or a local
    set to it only)."""
    if expr is None:
        return set()
    nodes = [strip_parens(expr)] if only else list(walk(expr))
    found = set()
    for node in nodes:
        if isinstance(node, cst.Attribute):
            found.add(is_self_attr(node, fn.func))
        elif isinstance(node, cst.Name) and node.value in fn.params and node.value != self_name(fn.func):
            argument = _argument(call[0], fn, node.value) if call is not None else None
            found.add(count_attr(argument, call[1]) if argument is not None else ctx.as_self_attr(node, fn))
        elif isinstance(node, cst.Name) and node.value in fn.locals:
            # `start = self._resume_from` then `perm[start:]`: a local only ever set to it.
            found.add(count_attr(node, fn))
    return found - {None}


def _argument(call: cst.Call, fn: FunctionIndex, param: str) -> Optional[cst.BaseExpression]:
    """The argument `call` (of the method `fn`, on self) passes for `param`; None where a
    `*args` or `**kwargs` may hold it."""
    if any(arg.star for arg in call.args):
        return None
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == param:
            return arg.value
    p = fn.func.params
    positional = [q.name.value for q in (*p.posonly_params, *p.params)][1:]  # self is bound
    plain = [arg.value for arg in call.args if arg.keyword is None]
    return plain[positional.index(param)] if param in positional[: len(plain)] else None


def _can_be_nonzero(ctx: "SamplerContext", attr: str) -> bool:
    """Something other than a literal 0 is assigned to `self.<attr>` somewhere."""
    values = [v for v, _ in ctx.index.self_assignments(attr)] + ctx.index.class_attrs.get(attr, [])
    return any(not (isinstance(v, cst.Integer) and v.evaluated_value == 0) for v in values)


def _constructor_param(ctx: "SamplerContext", attr: str) -> Optional[str]:
    """The parameter of `__init__` that `self.<attr>` is set from (`p`, `p or 0`), when
    every other assignment to it is a reset to 0 or None (a skip applied once)."""
    init = ctx.index.methods.get("__init__")
    if init is None or any(not _is_reset(v) for v in ctx.index.class_attrs.get(attr, [])):
        return None
    fn = ctx.index.function(init)
    params = set()
    for value, method in ctx.index.self_assignments(attr):
        if _is_reset(value):
            continue
        value = strip_parens(value)
        if isinstance(value, cst.BooleanOperation) and isinstance(value.operator, cst.Or):
            value = strip_parens(value.left)
        if method is not init or not (isinstance(value, cst.Name) and value.value in fn.params):
            return None
        params.add(value.value)
    return params.pop() if len(params) == 1 else None


def _is_reset(value: cst.BaseExpression) -> bool:
    return (isinstance(value, cst.Integer) and value.evaluated_value == 0) or (
        isinstance(value, cst.Name) and value.value == "None"
    )
