"""The shape of `__iter__`, read once per class: whether it can end, what each item it
yields is (one index or a batch of them), which `self` attributes it assigns and reads,
what it steps by, what it walks and which statements start the walk late, whether it
yields a short batch per group, which counted steps may yield nothing, and which index
tests keep one item in k. The rounding evidence lives in iterfacts; these are the facts
the class-level rules compare with `__len__`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterable, Iterator, List, Optional, Set, Tuple

from . import syntax as cst
from .buffers import (
    buffer_of,
    container,
    filled_one_by_one,
    full_test,
    is_element,
    method_called,
    picked_per_item,
    written_out,
)
from .classindex import ClassIndex, FunctionIndex, children, is_self_attr, self_name, walk
from .classindex import is_int as _is_int
from .classindex import is_super_call as _is_super
from .guards import KEEP, drop_last_test
from .iterfacts import count_attr, trimmed
from .names import ImportTable, last_name, len_arg
from .nextstep import next_never_stops
from .rounding import qualified_callee

SAMPLE = "sample"  # each item is one index
BATCH = "batch"  # each item is a list of indices
INHERITED = "inherited"  # the items are the parent's (`yield from super().__iter__()`)

_ENDLESS = {"itertools.cycle", "itertools.count"}
_INDEX_SOURCES = {"range", "torch.randperm", "numpy.random.permutation", "numpy.arange", "torch.arange"}
_CHUNKERS = {"torch.split", "torch.chunk", "torch.tensor_split", "numpy.array_split", "numpy.split"}
_LOOPS = (cst.For, cst.While)
_SELF_REF = "self-ref"  # a value built from itself


@dataclass(frozen=True)
class IterShape:
    """What `__iter__` yields, read from its code: the unit, an endless loop, tails per group."""

    func: Optional[cst.FunctionDef]
    endless: Optional[cst.CSTNode]  # a loop or call every run reaches and never leaves
    unit: Optional[str]  # SAMPLE, BATCH, INHERITED, or None when the yields disagree or are unclear
    assigns: Dict[str, cst.CSTNode] = field(default_factory=dict)  # self attr -> its assignment
    reads: Tuple[cst.Attribute, ...] = ()  # every `self.<attr>` read, calls of self's methods included
    steps: Tuple[cst.BaseExpression, ...] = ()  # the step of each `for ... in range(a, b, step)` that yields
    group_tail: Optional[cst.CSTNode] = None  # a short batch yielded per group, bucket or shard
    group_drop: Optional[cst.CSTNode] = None  # only full batches per group: each short one dropped
    walks: Tuple[
        cst.BaseExpression, ...
    ] = ()  # the iterables __iter__ yields from (loops, yield from, return)
    starts: Tuple[Tuple[cst.CSTNode, str], ...] = ()  # (a statement that starts a walk late, self attr)
    skips: Tuple[Tuple[cst.CSTNode, str], ...] = ()  # (what skips a step, self attr counting the steps)
    resized: Tuple[cst.CSTNode, ...] = ()  # where the count of super().__iter__()'s items is changed
    # (the index test, the enumerated iterable, self attr k): one item in every k is kept
    strides: Tuple[Tuple[cst.BaseExpression, cst.BaseExpression, str], ...] = ()


NO_SHAPE = IterShape(None, None, None)


def iter_shape(
    func: Optional[cst.FunctionDef],
    fn: Optional[FunctionIndex],
    imports: ImportTable,
    index: Optional[ClassIndex] = None,
    module: Optional[cst.Module] = None,
) -> IterShape:
    """`index`, the class's, lets the endless test follow `self.<method>()` into the
    generator methods of the class and of its bases in the module; `module`, calls of
    the module's functions (`yield from _forever(n)`)."""
    if func is None or fn is None:
        return NO_SHAPE
    functions = {s.name.value: s for s in module.body if isinstance(s, cst.FunctionDef)} if module else {}
    reader = _Reader(fn, imports, index, functions=functions)
    walks = reader.walks()
    return IterShape(
        func,
        reader.endless(),
        reader.unit(),
        reader.assigns(),
        reader.reads(),
        reader.steps(),
        reader.group_tail(),
        reader.group_drop(),
        walks,
        reader.starts(walks),
        reader.skips(),
        reader.resized(),
        reader.strides(),
    )


class _Reader:
    def __init__(
        self,
        fn: FunctionIndex,
        imports: ImportTable,
        index: Optional[ClassIndex] = None,
        endless_methods: Optional[Dict[object, bool]] = None,
        functions: Optional[Dict[str, cst.FunctionDef]] = None,
    ) -> None:
        self.fn = fn
        self.func = fn.func
        self.imports = imports
        self.nodes = list(walk(self.func.body))
        self.index = index
        # Shared by the readers of one class's methods: each helper is read once, and a
        # method that calls itself is taken as not endless while it is being read.
        self.endless_methods = endless_methods if endless_methods is not None else {}
        self.functions = functions or {}  # the module's, by name
        # The functions defined in this one's body (walk does not enter them).
        self.nested = {
            child.name.value: child
            for node in self.nodes
            for child in children(node)
            if isinstance(child, cst.FunctionDef)
        }

    # ------------------------------------------------------------------ endless

    def endless(self) -> Optional[cst.CSTNode]:
        for node in self.nodes:
            if isinstance(node, cst.While):
                found = _always_true(node.test) and not self._leaves(node)
            elif isinstance(node, cst.For):
                found = self._endless_source(node.iter) and not self._leaves(node)
            elif isinstance(node, cst.Yield) and isinstance(node.value, cst.From):
                found = self._endless_source(node.value.item)
            elif isinstance(node, cst.Return) and node.value is not None:
                found = self._endless_source(node.value)
            else:
                continue
            if found and self._always_reached(node):
                return node
        return None

    def _endless_source(self, expr: cst.BaseExpression, seen: Optional[Set[str]] = None) -> bool:
        """`cycle(...)`, `count()`, `islice(<endless>, None)`, `iter()`, `map()` or a
        generator expression of one, a call
        of an endless generator method of the class, also through a local only ever
        bound to one or a `self` attribute every method of the class sets to one."""
        if (
            isinstance(expr, cst.Name)
            and expr.value == self_name(self.func)
            and self.func.name.value == "__iter__"
            and self.index is not None
        ):
            # `return self`: the iteration lasts as long as __next__ goes on.
            return next_never_stops(self.index, self.imports, self._endless_in)
        if isinstance(expr, cst.Name) and expr.value in self.fn.locals:
            seen = seen or set()
            if expr.value in seen:
                return False
            values = self.fn.locals[expr.value]
            return all(self._endless_source(v, seen | {expr.value}) for v in values)
        if isinstance(expr, cst.Attribute) and self.index is not None:
            attr = is_self_attr(expr, self.func)
            stored = self.index.self_assignments(attr) if attr is not None else []
            # `self.indices = self._indices()` in __init__: one generator, kept across epochs;
            # or `self.it = itertools.cycle(...)`.
            seen = seen or set()
            if attr is None or f"self.{attr}" in seen:
                return False
            inner = seen | {f"self.{attr}"}
            return bool(stored) and all(
                self._endless_method_call(v, method)
                or (isinstance(v, cst.Call) and self._endless_in(v, method, inner))
                for v, method in stored
            )
        if (
            isinstance(expr, cst.Subscript)
            and isinstance(expr.value, cst.Attribute)
            and self.index is not None
        ):
            # One of a list of such generators (`self.streams[k]`, each built in __init__ by
            # `[self._stream(k) for k in ...]`): every element is endless.
            attr = is_self_attr(expr.value, self.func)
            stored = self.index.self_assignments(attr) if attr is not None else []
            return bool(stored) and all(
                isinstance(v, cst.ListComp) and self._endless_method_call(v.elt, method)
                for v, method in stored
            )
        if isinstance(expr, cst.GeneratorExp) and not expr.for_in.ifs and expr.for_in.inner_for_in is None:
            # `(i % n for i in itertools.count())`: one item per step of an endless walk.
            return self._endless_source(expr.for_in.iter, seen)
        if not isinstance(expr, cst.Call):
            return False
        if self._endless_method_call(expr, self.func) or self._endless_function_call(expr):
            return True
        callee = qualified_callee(expr, self.imports)
        args = [a for a in expr.args if a.keyword is None]
        if callee in _ENDLESS:
            return True
        if callee == "itertools.repeat":
            return len(expr.args) == 1
        if callee == "itertools.islice" and len(args) in (2, 3, 4):
            # islice(it, None) and islice(it, start, None[, step]) have no stop of their own.
            stop = args[1].value if len(args) == 2 else args[2].value
            return _is_none(stop) and self._endless_source(args[0].value, seen)
        if callee == "iter" and len(args) == 1:
            return self._endless_source(args[0].value, seen)
        if callee == "map" and len(args) > 1:
            # map() stops at its shortest iterable: endless when every one is.
            return all(self._endless_source(a.value, seen) for a in args[1:])
        return False

    def _endless_in(
        self, expr: cst.BaseExpression, func: cst.FunctionDef, seen: Optional[Set[str]] = None
    ) -> bool:
        """`expr`, read in another method of the class, is an endless iterator."""
        reader = _Reader(
            self.index.function(func), self.imports, self.index, self.endless_methods, self.functions
        )
        return reader._endless_source(expr, seen)

    def _endless_method_call(self, expr: cst.BaseExpression, func: cst.FunctionDef) -> bool:
        """`expr`, in `func`, is `self.<m>(...)` of a method of the class whose every call
        gives an endless iterator: a generator that always reaches an endless loop or
        `yield from`, or a plain function that returns an endless iterator."""
        if self.index is None or not isinstance(expr, cst.Call) or not isinstance(expr.func, cst.Attribute):
            return False
        name = is_self_attr(expr.func, func)
        method = self.index.methods.get(name) if name is not None else None
        if method is None:
            return False
        if name not in self.endless_methods:
            self.endless_methods[name] = False
            reader = _Reader(self.index.function(method), self.imports, self.index, self.endless_methods)
            node = reader.endless()
            generator = any(isinstance(n, cst.Yield) for n in reader.nodes)
            self.endless_methods[name] = node is not None and generator != isinstance(node, cst.Return)
        return self.endless_methods[name]

    def _endless_function_call(self, call: cst.Call) -> bool:
        """`f(...)` of a function defined in this function or at module level (and not
        rebound by a local or an import) that always gives an endless iterator, read
        as the class's generator methods are."""
        if not isinstance(call.func, cst.Name) or call.func.value in self.fn.locals:
            return False
        name = call.func.value
        func = self.nested.get(name)
        if (
            func is None
            and self.imports.bindings.get(name) == f"{self.imports.module_name or '__main__'}.{name}"
        ):
            func = self.functions.get(name)
        if func is None:
            return False
        if func not in self.endless_methods:
            self.endless_methods[func] = False
            # No class index: `self` inside the function is not the sampler's.
            reader = _Reader(
                FunctionIndex.build(func), self.imports, None, self.endless_methods, self.functions
            )
            node = reader.endless()
            generator = any(isinstance(n, cst.Yield) for n in reader.nodes)
            self.endless_methods[func] = node is not None and generator != isinstance(node, cst.Return)
        return self.endless_methods[func]

    def _leaves(self, loop: cst.CSTNode) -> bool:
        """A way out of `loop`: its own `break`, any `return` or `raise`, or a `next()`
        without default of an iterator that may end, whose StopIteration no `try`
        catches (exhausting it ends the generator with an error)."""
        for node in walk(loop.body):
            if isinstance(node, (cst.Return, cst.Raise)):
                return True
            if isinstance(node, cst.Break) and self._loop_of(node) is loop:
                return True
            if (
                isinstance(node, cst.Call)
                and isinstance(node.func, cst.Name)
                and node.func.value == "next"
                and len(node.args) == 1
                and not any(isinstance(a, cst.Try) and _catches_stop(a) for a in self._within(node, loop))
                and not self._endless_source(node.args[0].value)
            ):
                return True
        return False

    def _within(self, node: cst.CSTNode, loop: cst.CSTNode) -> Iterator[cst.CSTNode]:
        """The ancestors of `node` inside `loop`: a `try` around the loop that catches
        StopIteration leaves it, one inside only starts over."""
        for ancestor in self.fn.ancestors(node):
            if ancestor is loop:
                return
            yield ancestor

    def _step_counters(self, node: cst.CSTNode) -> Set[str]:
        """What a yielding loop counts its steps with, where `node` is a statement of its
        body before any that yields (or the first that does): `i` of `for i, x in
        enumerate(w)` or of `for i in range(...)`, or a local only ever set to numbers that
        a statement before `node` adds 1 to (`step += 1`)."""
        loop = self._loop_of(node)
        body = loop.body.body if isinstance(loop, cst.For) else []
        place = next((i for i, stmt in enumerate(body) if stmt is node), None)
        yielding = [i for i, stmt in enumerate(body) if any(isinstance(n, cst.Yield) for n in walk(stmt))]
        if place is None or not yielding or yielding[0] < place:
            return set()
        found = {
            n.target.value
            for stmt in body[:place]
            for n in walk(stmt)
            if isinstance(n, cst.AugAssign)
            and isinstance(n.operator, cst.AddAssign)
            and isinstance(n.target, cst.Name)
            and _is_int(n.value, 1)
            and all(isinstance(v, cst.Integer) for v in self.fn.locals.get(n.target.value, ()))
        }
        named = _enumerated(loop, self.imports)
        if named is not None:
            found.add(named[0])
        elif isinstance(loop.iter, cst.Call) and qualified_callee(loop.iter, self.imports) == "range":
            found |= {loop.target.value} if isinstance(loop.target, cst.Name) else set()
        return found

    def _holds_every_yield(self, node: cst.CSTNode) -> bool:
        """Every yield of the loop around `node` is inside it."""
        loop = self._loop_of(node)
        yields = [n for n in walk(loop.body) if isinstance(n, cst.Yield)] if loop is not None else []
        return bool(yields) and all(any(a is node for a in self.fn.ancestors(y)) for y in yields)

    def _loop_of(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        return next((a for a in self.fn.ancestors(node) if isinstance(a, _LOOPS)), None)

    def _always_reached(self, node: cst.CSTNode) -> bool:
        return self._times_reached(node) > 0

    def _times_reached(self, node: cst.CSTNode) -> int:
        """How many times every run of __iter__ gets to `node` at least: 0 when it is
        under an `if`, a `for` other than `for _ in range(k)` (k written out), an `except`
        or `else`, or when a statement before it may leave; k per such loop around it."""
        times = 1
        child = node
        for parent in self.fn.ancestors(node):
            if isinstance(parent, cst.IndentedBlock):
                earlier = parent.body[: parent.body.index(child)]
                if any(isinstance(n, (cst.Return, cst.Raise)) for s in earlier for n in walk(s)):
                    return 0
            elif isinstance(parent, cst.Try):
                if child is not parent.body:
                    return 0
            elif isinstance(parent, cst.While):
                if not (_always_true(parent.test) and child is parent.body):
                    return 0
            elif isinstance(parent, cst.For):
                repeats = _written_range(parent.iter, self.imports)
                if repeats is None or child is not parent.body or self._leaves(parent):
                    return 0
                times *= repeats
            elif isinstance(parent, (cst.If, cst.Else, cst.ExceptHandler, cst.Finally, cst.Match)):
                return 0
            child = parent
        return times

    # ------------------------------------------------------------------ unit

    def unit(self) -> Optional[str]:
        units = set()
        generator = False
        for node in self.nodes:
            if isinstance(node, cst.Yield):
                generator = True
                value = node.value
                if isinstance(value, cst.From):
                    units.add(self._element(value.item))
                else:
                    units.add(self._item(value) if value is not None else None)
        if not generator:
            for value in self.fn.returns:
                units.add(self._element(value))
        return _agree(units)

    def _item(self, expr: cst.BaseExpression, seen: frozenset = frozenset()) -> Optional[str]:
        """What one yielded value is."""
        # A list display says nothing about the batch size (`[i]`, `[i, i + n]`); a
        # comprehension, a slice or `list()` is a batch of however many indices.
        if isinstance(expr, cst.ListComp):
            return BATCH
        if isinstance(expr, cst.Integer):
            return SAMPLE
        if isinstance(expr, cst.Call):
            callee = qualified_callee(expr, self.imports)
            if callee == "int" or method_called(expr) == "item":
                return SAMPLE
            if callee == "list":
                return BATCH
            if method_called(expr) == "tolist" and isinstance(expr.func.value, (cst.Name, cst.Subscript)):
                return self._item(expr.func.value, seen)
            return None
        if isinstance(expr, cst.Subscript):
            return BATCH if _is_slice(expr) else self._element(expr.value, seen)
        if isinstance(expr, cst.Name):
            if expr.value in seen:
                return _SELF_REF
            seen = seen | {expr.value}
            loop = self._loop_over(expr.value)
            if loop is not None:
                return self._element(loop.iter, seen)
            values = self.fn.locals.get(expr.value)
            if values and not self._appended(expr.value):
                return _agree(self._item(v, seen) for v in values)
            if values and all(isinstance(v, cst.List) and not v.elements for v in values):
                return BATCH  # `batch = []`, filled with `append`, yielded when full
        return None

    def _element(self, expr: cst.BaseExpression, seen: frozenset = frozenset()) -> Optional[str]:
        """What each element of an iterable is."""
        if isinstance(expr, cst.Call):
            callee = qualified_callee(expr, self.imports)
            if callee in _INDEX_SOURCES:
                return SAMPLE
            if callee in _CHUNKERS:
                return BATCH
            if callee in {"iter", "list", "sorted", "tuple"} and len(expr.args) == 1:
                return self._element(expr.args[0].value, seen)
            if method_called(expr) == "tolist" and isinstance(expr.func, cst.Attribute):
                return self._element(expr.func.value, seen)
            if method_called(expr) == "__iter__" and _is_super(expr.func.value):
                return INHERITED
            return None
        if isinstance(expr, cst.ListComp):
            return self._item(expr.elt, seen)
        if isinstance(expr, cst.Subscript):
            return self._element(expr.value, seen) if _is_slice(expr) else None
        if isinstance(expr, cst.Name) and expr.value in self.fn.locals:
            if expr.value in seen:
                return _SELF_REF
            seen = seen | {expr.value}
            return _agree(self._element(v, seen) for v in self.fn.locals[expr.value])
        return None

    def _loop_over(self, name: str) -> Optional[cst.For]:
        loops = [
            n
            for n in self.nodes
            if isinstance(n, (cst.For, cst.CompFor))
            and isinstance(n.target, cst.Name)
            and n.target.value == name
        ]
        return loops[0] if len(loops) == 1 and name not in self.fn.locals else None

    def _appended(self, name: str) -> bool:
        return any(
            isinstance(n, cst.Call)
            and method_called(n) in {"append", "extend"}
            and isinstance(n.func.value, cst.Name)
            and n.func.value.value == name
            for n in self.nodes
        )

    # ------------------------------------------------------------------ the parent's items resized

    def resized(self) -> Tuple[cst.CSTNode, ...]:
        """Where __iter__ changes how many of the parent's items it yields: a statement
        that grows or cuts a local first bound to them (`indices = list(super().__iter__())`)
        and then yielded or returned (`indices += ...`, `indices = indices + ...`,
        `.extend`, `.append`, `.insert`, `indices = indices[a:b]`), or, when every run
        passes over `super().__iter__()` more than once, each pass. A local whose length an
        `assert` checks is left out: the author states the total there."""
        outputs = self._output_names()
        held = {
            name
            for name, values in self.fn.locals.items()
            if name in outputs and self._element(values[0]) == INHERITED
        }
        checked = [arg for a in self.nodes if isinstance(a, cst.Assert) for arg in _measured(a.test)]
        held -= {n.value for n in checked if isinstance(n, cst.Name)}
        found = [node for node in self.nodes if _resizes(node, held)]
        passes = [node for node in self.nodes if self._passes_over_parent(node)]
        if sum(self._times_reached(node) for node in passes) > 1:
            found += passes
        return tuple(found)

    def _output_names(self) -> Set[str]:
        """The locals __iter__ yields from or returns (`return iter(indices)`)."""
        outputs: List[cst.BaseExpression] = list(self.fn.returns)
        for n in self.nodes:
            if isinstance(n, cst.Yield) and isinstance(n.value, cst.From):
                outputs.append(n.value.item)
            elif isinstance(n, cst.For) and _yields_in(n):
                outputs.append(n.iter)
        names = set()
        for expr in outputs:
            while isinstance(expr, cst.Call) and qualified_callee(expr, self.imports) == "iter" and expr.args:
                expr = expr.args[0].value
            if isinstance(expr, cst.Name):
                names.add(expr.value)
        return names

    def _passes_over_parent(self, node: cst.CSTNode) -> bool:
        """`yield from super().__iter__()` or a loop over it that yields, to the end."""
        if isinstance(node, cst.Yield) and isinstance(node.value, cst.From):
            return self._element(node.value.item) == INHERITED
        if isinstance(node, cst.For) and _yields_in(node) and not self._leaves(node):
            return self._element(node.iter) == INHERITED
        return False

    # ------------------------------------------------------------------ assigns

    def assigns(self) -> Dict[str, cst.CSTNode]:
        found: Dict[str, cst.CSTNode] = {}
        for node in self.nodes:
            if isinstance(node, cst.Assign):
                targets: List[cst.BaseExpression] = [t.target for t in node.targets]
            elif isinstance(node, (cst.AugAssign, cst.AnnAssign)):
                targets = [node.target]
            else:
                continue
            for target in targets:
                attr = is_self_attr(target, self.func)
                if attr is not None:
                    found.setdefault(attr, node)
        return found

    # ------------------------------------------------------------------ reads, steps

    def reads(self) -> Tuple[cst.Attribute, ...]:
        return tuple(n for n in self.nodes if isinstance(n, cst.Attribute) and is_self_attr(n, self.func))

    def steps(self) -> Tuple[cst.BaseExpression, ...]:
        """The step of each `range(a, b, step)` that yields once per step: a loop whose
        body yields or appends to a list __iter__ yields the items of, unfiltered, or a
        comprehension `[... for s in range(a, b, step)]` (one `for`, no `if`) bound to one."""
        loops = [
            n
            for n in self.nodes
            if isinstance(n, cst.For) and (_yields_in(n) or self._collected(n)) and self._once_per_step(n)
        ]
        collected = {name: self.fn.locals.get(name, []) for name in self._output_names()}
        comps = [
            v.for_in
            for name, values in collected.items()
            for v in values
            if isinstance(v, cst.ListComp)
            and v.for_in.inner_for_in is None
            and not v.for_in.ifs
            and self._only_collected(name, v)
        ]
        return tuple(
            node.iter.args[2].value
            for node in loops + comps
            if isinstance(node.iter, cst.Call)
            and qualified_callee(node.iter, self.imports) == "range"
            and len(node.iter.args) == 3
            and not _steps_counted(node.iter)
        )

    def _once_per_step(self, loop: cst.For) -> bool:
        """Each step of `loop` gives one item at each place it gives one: its yields (not
        `yield from`) and appends to the lists __iter__ yields from are in no inner loop.
        `for s in range(0, n, bs): for i in range(s, s + bs): yield i` yields n indices
        whatever `bs` is."""
        outputs = self._output_names()
        sites = [
            n
            for n in walk(loop.body)
            if isinstance(n, cst.Yield)
            or (
                isinstance(n, cst.Call)
                and method_called(n) in {"append", "extend"}
                and isinstance(n.func.value, cst.Name)
                and n.func.value.value in outputs
            )
        ]
        for site in sites:
            if isinstance(site, cst.Yield):
                many = isinstance(site.value, cst.From)
            else:
                many = site.func.attr.value == "extend"
            if many:
                return False  # `yield from`, `extend`: many items in one place
            for parent in self.fn.ancestors(site):
                if parent is loop:
                    break
                if isinstance(parent, _LOOPS):
                    return False
        return True

    def walks(self) -> Tuple[cst.BaseExpression, ...]:
        """What __iter__ yields the items of: the iterable of a loop whose body yields,
        `yield from X`, or the `return` of an __iter__ that is not a generator. Where a
        walk starts (a slice, `range(k, n)`, `islice(it, k, None)`) is read in what
        these are built from, by core.offsets."""
        found = []
        generator = False
        for node in self.nodes:
            if isinstance(node, cst.Yield):
                generator = True
                if isinstance(node.value, cst.From):
                    found.append(node.value.item)
            elif isinstance(node, cst.For) and any(isinstance(n, cst.Yield) for n in walk(node.body)):
                found.append(node.iter)
        return tuple(found if generator else self.fn.returns)

    def starts(self, walks: Tuple[cst.BaseExpression, ...]) -> Tuple[Tuple[cst.CSTNode, str], ...]:
        """Statements that start a walk `self.k` steps late: `for _ in range(self.k):
        next(it)` before `it` is walked, a counter set to `self.k` (or `self.k` itself)
        that a yielding `while c < n` (or `<=`) counts up, and the `if` of a loop that
        skips its first steps (`if i < self.k: continue` on a step counter, `if i >=
        self.k: yield x`, `if self.k > 0: self.k -= 1; continue`)."""
        walked = {w.value for w in walks if isinstance(w, cst.Name)}
        found = []
        for node in self.nodes:
            if isinstance(node, cst.If):
                skipped = _skipped_steps(
                    node, self._step_counters(node), self.func, self._holds_every_yield(node)
                )
                attr = count_attr(skipped, self.fn) if skipped is not None else None
                if attr is not None:
                    found.append((node.test, attr))
                continue
            if isinstance(node, cst.For) and isinstance(node.iter, cst.Call) and len(node.iter.args) == 1:
                if qualified_callee(node.iter, self.imports) != "range" or not _advances(node.body, walked):
                    continue
                attr = count_attr(node.iter.args[0].value, self.fn)
                if attr is not None and not any(isinstance(n, cst.Yield) for n in walk(node.body)):
                    found.append((node.iter, attr))
            elif isinstance(node, cst.While) and _counted_up_to(node, self.func):
                counter = node.test.left
                attr = count_attr(counter, self.fn)
                bound = node.test.comparisons[0].comparator
                # `while c < self.k + n` takes n steps wherever it starts.
                if attr is not None and not any(
                    isinstance(n, cst.Attribute) and is_self_attr(n, self.func) == attr for n in walk(bound)
                ):
                    found.append((node.test, attr))
        return tuple(found)

    def skips(self) -> Tuple[Tuple[cst.CSTNode, str], ...]:
        """Loops of `range(self.k)` or `while k > 0` steps (k from `self.k`) where a step
        may yield nothing: a `continue`, or every yield under an `if` without `else`."""
        found = []
        for node in self.nodes:
            if isinstance(node, cst.For) and isinstance(node.iter, cst.Call) and len(node.iter.args) == 1:
                bound = (
                    node.iter.args[0].value if qualified_callee(node.iter, self.imports) == "range" else None
                )
            elif isinstance(node, cst.While) and isinstance(node.test, cst.Comparison):
                bound = node.test.left
            else:
                continue
            attr = count_attr(bound, self.fn) if bound is not None else None
            skip = self._skip_in(node) if attr is not None else None
            if skip is not None:
                found.append((skip, attr))
        return tuple(found)

    def strides(self) -> Tuple[Tuple[cst.BaseExpression, cst.BaseExpression, str], ...]:
        """Where __iter__ keeps one item in every `self.k` of an enumerated walk: the `if`
        of `[e for i, e in enumerate(x) if (i - self.rank) % self.k == 0]`, or the `if`
        (without `else`) that every `yield e` of `for i, e in enumerate(x):` is under."""
        found = []
        for node in self.nodes:
            names = _enumerated(node, self.imports) if isinstance(node, (cst.For, cst.CompFor)) else None
            if names is None:
                continue
            index, element = names
            if isinstance(node, cst.CompFor):
                comp = self.fn.parents.get(node)
                tests = [c.test for c in node.ifs] if _is_name(getattr(comp, "elt", None), element) else []
            else:
                yields = [n for n in walk(node.body) if isinstance(n, cst.Yield)]
                guards = [self._guard(y, node) for y in yields]
                kept = yields and all(_is_name(y.value, element) for y in yields)
                tests = (
                    [g.test for g in guards] if kept and all(g and g.orelse is None for g in guards) else []
                )
            attrs = {_stride(test, index, self.fn) for test in tests}
            if len(attrs) == 1 and None not in attrs:
                found.append((tests[0], node.iter.args[0].value, attrs.pop()))
        return tuple(found)

    def _skip_in(self, loop: cst.CSTNode) -> Optional[cst.CSTNode]:
        yields = []
        for node in walk(loop.body):
            if isinstance(node, cst.Continue) and self._loop_of(node) is loop:
                return node
            if isinstance(node, cst.Yield):
                if self._loop_of(node) is not loop:
                    return None  # an inner loop yields: not one item per step
                yields.append(node)
        guards = [self._guard(y, loop) for y in yields]
        if yields and all(guards) and any(g.orelse is None for g in guards):
            return next(g for g in guards if g.orelse is None).test
        return None

    def _guard(self, node: cst.CSTNode, loop: cst.CSTNode) -> Optional[cst.If]:
        for parent in self.fn.ancestors(node):
            if parent is loop:
                return None
            if isinstance(parent, cst.If):
                return parent
        return None

    # ------------------------------------------------------------------ tails per group

    def group_drop(self) -> Optional[cst.CSTNode]:
        """Where a generator yields only full batches of buffers picked per item, and
        nothing after the loop that fills them: each group's short batch is dropped
        (`b = buckets[key]; b.append(i); if len(b) == bs: yield b[:]`, no flush)."""
        cut = self._cut_per_group()
        if cut is not None:
            return cut
        yields = [n for n in self.nodes if isinstance(n, cst.Yield)]
        loop = self._loop_of(yields[0]) if yields else None
        if not isinstance(loop, cst.For) or not picked_per_item(loop):
            return None
        for node in yields:
            guard = self._guard(node, loop)
            if isinstance(node.value, cst.From) or guard is None or not full_test(guard.test):
                return None
            if self._loop_of(node) is not loop:
                return None  # a yield in another loop, or after this one
        return self.fn.parents.get(self.fn.parents.get(yields[0]))

    def _cut_per_group(self) -> Optional[cst.CSTNode]:
        """A stepped loop over each group that stops short of its last partial batch
        (`for y, ids in groups.items(): for s in range(0, len(ids) - b + 1, b): yield
        ids[s:s + b]`; `len(ids) - len(ids) % b` too): each group's short batch dropped."""
        for node in self.nodes:
            group = _target_names(node.target) if isinstance(node, cst.For) else set()
            for inner in walk(node.body) if group else ():
                if not (isinstance(inner, cst.For) and _stepped(inner.iter, self.imports)):
                    continue
                stop = inner.iter.args[1].value
                measured = {len_arg(n) for n in walk(stop)} - {None}
                reads_group = any(isinstance(m, cst.Name) and m.value in group for m in measured)
                if reads_group and trimmed(stop) and any(isinstance(n, cst.Yield) for n in walk(inner.body)):
                    return inner
        return None

    def group_tail(self) -> Optional[cst.CSTNode]:
        """Where a partial batch is yielded once per group: a loop over leftover buffers
        after the main loop (`for b in buckets.values(): if b: yield b`), a stepped
        `range(0, len(g), bs)` inside a loop over groups, or a yield after the inner loop
        of a loop over groups."""
        for node in self.nodes:
            if not isinstance(node, cst.For):
                continue
            flush = self._yields_element(node)
            groups = container(node, self.imports)
            before = self._yielding_before(node)
            if flush is not None and groups and filled_one_by_one(before, {groups}, False):
                return flush
            # The group: the loop's target (each name a pair unpacks, `for key, ids in
            # groups.items()`), or a local the loop body builds from it. A loop whose body
            # never reads it repeats the data (epochs), it does not split it.
            group = _target_names(node.target)
            if not group:
                continue
            for n in walk(node.body):
                if isinstance(n, cst.Assign) and _reads(n.value, group):
                    group |= {t.target.value for t in n.targets if isinstance(t.target, cst.Name)}
            for inner in walk(node.body):
                if isinstance(inner, (cst.For, cst.CompFor)) and _range_over_len_of(
                    inner.iter, group, self.imports
                ):
                    if isinstance(inner, cst.For) and any(isinstance(n, cst.Yield) for n in walk(inner.body)):
                        return inner
                    if self._collected(inner):
                        return inner
            if _stepped(node.iter, self.imports):
                # `for s in range(0, len(ids), k)`: each step is one batch (of k groups
                # merged, of k items), not a group with a batch of its own.
                continue
            body = node.body.body
            for position, stmt in enumerate(body):
                loops = [s for s in body[:position] if isinstance(s, _LOOPS)]
                if any(_reads(loop, group) for loop in loops) and self._yield_line(stmt):
                    return stmt
        return self._flushed_one_by_one()

    def _collected(self, inner: cst.CSTNode) -> bool:
        """The slices a stepped loop makes go, each as one batch, into a list __iter__
        then yields the items of unchanged: `batches.append(g[s:s + bs])` in the loop,
        or `batches.extend([...])` / `batches += [...]` of a comprehension over the steps (a
        generator expression too: `batches.extend(g[s:s + bs] for s in ...)`)."""
        picked = {
            n.value.value.value
            for n in self.nodes
            if isinstance(n, cst.Yield)
            and isinstance(n.value, cst.Subscript)
            and isinstance(n.value.value, cst.Name)
        }
        lists = {name for name in self._output_names() | picked if self._only_collected(name)}
        if isinstance(inner, cst.For):
            calls = [n for n in walk(inner.body) if isinstance(n, cst.Call) and method_called(n) == "append"]
            return any(isinstance(c.func.value, cst.Name) and c.func.value.value in lists for c in calls)
        comp = next((a for a in self.fn.ancestors(inner) if isinstance(a, (cst.ListComp, cst.GeneratorExp))), None)
        holder = self.fn.parents.get(comp) if comp is not None else None
        if isinstance(holder, cst.AugAssign):
            target = holder.target
            return (
                isinstance(holder.operator, cst.AddAssign)
                and isinstance(target, cst.Name)
                and target.value in lists
            )
        call = self.fn.parents.get(holder) if isinstance(holder, cst.Arg) else None
        return (
            isinstance(call, cst.Call)
            and method_called(call) == "extend"
            and isinstance(call.func.value, cst.Name)
            and call.func.value.value in lists
        )

    def _only_collected(self, name: str, start: Optional[cst.CSTNode] = None) -> bool:
        """`name` starts as `[]` (or as `start`, when given) and is only appended to,
        extended, shuffled and walked: nothing filters, cuts or pads it on the way."""
        bound = [
            v for v in self.fn.locals.get(name, []) if not isinstance(self.fn.parents.get(v), cst.AugAssign)
        ]
        if start is not None:
            if len(bound) != 1 or bound[0] is not start:
                return False
        elif [type(v) for v in bound] != [cst.List] or bound[0].elements:
            return False
        for node in self.nodes:
            if not (isinstance(node, cst.Name) and node.value == name):
                continue
            parent = self.fn.parents.get(node)
            grand = self.fn.parents.get(parent)
            if isinstance(parent, cst.Attribute) and isinstance(grand, cst.Call):
                if parent.attr.value not in {"append", "extend"}:
                    return False
            elif isinstance(parent, cst.Arg) and isinstance(grand, cst.Call):
                callee = qualified_callee(grand, self.imports) or ""
                if not (callee.endswith("shuffle") or callee in {"iter", "len"}):
                    return False
            elif isinstance(parent, cst.Subscript):
                # `for i in torch.randperm(len(batches)): yield batches[i]`: each once.
                if not self._picked_once_each(parent, name):
                    return False
            elif isinstance(parent, cst.AugAssign):
                if parent.target is not node or not isinstance(parent.operator, cst.AddAssign):
                    return False
                if not isinstance(parent.value, cst.ListComp):
                    return False
            elif isinstance(parent, cst.For):
                # Walked whole: `for b in batches: yield b` and nothing else.
                if parent.iter is not node or not _yields_target(parent):
                    return False
            elif not isinstance(parent, (cst.From, cst.Return, cst.AssignTarget)):
                return False
        return True

    def _picked_once_each(self, sub: cst.Subscript, name: str) -> bool:
        """`sub` is `name[i]`, yielded alone by `for i in P: yield name[i]`, where P is
        `range(len(name))` or a permutation of it (`torch.randperm`,
        `numpy.random.permutation`, with or without `.tolist()`)."""
        loop = next((a for a in self.fn.ancestors(sub) if isinstance(a, cst.For)), None)
        if loop is None or not _yields_target(loop, sub):
            return False
        index = sub.slice[0].slice if len(sub.slice) == 1 else None
        if not (isinstance(index, cst.Index) and isinstance(index.value, cst.Name)):
            return False
        if not (isinstance(loop.target, cst.Name) and loop.target.value == index.value.value):
            return False
        walked = loop.iter
        if isinstance(walked, cst.Call) and method_called(walked) == "tolist":
            walked = walked.func.value
        if not isinstance(walked, cst.Call) or len(walked.args) != 1:
            return False
        callee = qualified_callee(walked, self.imports)
        measured = len_arg(walked.args[0].value)
        return (
            callee in {"range", "torch.randperm", "numpy.random.permutation"}
            and isinstance(measured, cst.Name)
            and measured.value == name
        )

    def _yields_element(self, loop: cst.For) -> Optional[cst.CSTNode]:
        """A statement of the loop's body (or of an `if` in it) that yields the buffer one
        step walks, itself or a copy (core/buffers.py says which spellings)."""
        for stmt in loop.body.body:
            for line in _lines(stmt):
                if isinstance(line, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                    for small in line.body:
                        value = small.value if isinstance(small, cst.Expr) else None
                        if isinstance(value, cst.Yield):
                            buffer = buffer_of(value.value, self.imports)
                            if buffer is not None and is_element(buffer, loop, self.imports):
                                return line
        return None

    def _yielding_before(self, loop: cst.For) -> List[cst.CSTNode]:
        """The loops that yield before `loop`, in the block it is in, or before the
        `if not self.drop_last:` it alone stands in (the short batches are flushed without
        drop_last, which is the input the finding names)."""
        block = self.fn.parents.get(loop)
        if not isinstance(block, cst.IndentedBlock):
            return []
        guard = self.fn.parents.get(block)
        if (
            block.body == (loop,)
            and isinstance(guard, cst.If)
            and guard.orelse is None
            and (drop_last_test(guard.test) or ("",))[0] == KEEP
            and isinstance(self.fn.parents.get(guard), cst.IndentedBlock)
        ):
            loop, block = guard, self.fn.parents.get(guard)
        return [s for s in block.body[: block.body.index(loop)] if isinstance(s, _LOOPS) and _yields_in(s)]

    def _flushed_one_by_one(self) -> Optional[cst.CSTNode]:
        """Buffers flushed one at a time after a loop that yields (`if self.wide: yield
        self.wide`, then the same for `self.tall`): a short batch per buffer."""
        for node in self.nodes:
            block = self.fn.parents.get(node)
            if isinstance(node, _LOOPS) and isinstance(block, cst.IndentedBlock) and _yields_in(node):
                found = written_out(node, block.body[block.body.index(node) + 1 :], self.fn, self.imports)
                if found is not None:
                    return found
        return None

    def _yield_line(self, stmt: cst.CSTNode) -> bool:
        return any(
            isinstance(line, (cst.SimpleStatementLine, cst.SimpleStatementSuite))
            and any(isinstance(s, cst.Expr) and isinstance(s.value, cst.Yield) for s in line.body)
            for line in _lines(stmt)
        )


def _resizes(node: cst.CSTNode, names: Set[str]) -> bool:
    """`node` grows or cuts one of the lists `names`."""
    if isinstance(node, cst.AugAssign):
        return (
            isinstance(node.target, cst.Name)
            and node.target.value in names
            and isinstance(node.operator, (cst.AddAssign, cst.MultiplyAssign))
        )
    if isinstance(node, cst.Call):
        return (
            method_called(node) in {"append", "extend", "insert"}
            and isinstance(node.func.value, cst.Name)
            and node.func.value.value in names
        )
    if not isinstance(node, cst.Assign) or len(node.targets) != 1:
        return False
    target = node.targets[0].target
    if not (isinstance(target, cst.Name) and target.value in names):
        return False
    value = node.value
    if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, (cst.Add, cst.Multiply)):
        return _reads(value, {target.value})
    if isinstance(value, cst.Subscript) and _is_slice(value):
        # `x[::-1]` and `x[:]` reorder or copy; any other slice may change the total.
        part = value.slice[0].slice
        reverse = (
            isinstance(part.step, cst.UnaryOperation)
            and isinstance(part.step.operator, cst.Minus)
            and _is_int(part.step.expression, 1)
        )
        return (
            isinstance(value.value, cst.Name)
            and value.value.value == target.value
            and not (part.lower is None and part.upper is None and (part.step is None or reverse))
        )
    return False


def _measured(node: cst.CSTNode) -> List[cst.BaseExpression]:
    """Every `x` of a `len(x)` in `node`."""
    return [arg for n in walk(node) if (arg := len_arg(n)) is not None]


def _yields_target(loop: cst.For, expected: Optional[cst.BaseExpression] = None) -> bool:
    """The loop's body is `yield <expected>` alone (its target by default)."""
    body = loop.body.body if isinstance(loop.body, cst.IndentedBlock) else ()
    if len(body) != 1 or not isinstance(body[0], cst.SimpleStatementLine) or len(body[0].body) != 1:
        return False
    small = body[0].body[0]
    value = small.value if isinstance(small, cst.Expr) else None
    if expected is not None:
        return isinstance(value, cst.Yield) and value.value is expected
    return (
        isinstance(value, cst.Yield)
        and isinstance(value.value, cst.Name)
        and isinstance(loop.target, cst.Name)
        and value.value.value == loop.target.value
    )


def _steps_counted(call: cst.Call) -> bool:
    """`range(0, k * step, step)` takes k steps whatever the step is: its stop is a
    multiple of it, so the step sets what each item holds, not how many there are."""
    start, stop, step = (a.value for a in call.args)
    if not (isinstance(start, cst.Integer) and start.evaluated_value == 0):
        return False
    return (
        isinstance(stop, cst.BinaryOperation)
        and isinstance(stop.operator, cst.Multiply)
        and any(side.deep_equals(step) for side in (stop.left, stop.right))
    )


def _yields_in(loop: cst.For) -> bool:
    return any(isinstance(n, cst.Yield) for n in walk(loop.body))


def _written_range(expr: cst.BaseExpression, imports: ImportTable) -> Optional[int]:
    """k for `range(k)` with k an integer literal."""
    if isinstance(expr, cst.Call) and qualified_callee(expr, imports) == "range" and len(expr.args) == 1:
        value = expr.args[0].value
        return value.evaluated_value if isinstance(value, cst.Integer) else None
    return None


def _enumerated(loop, imports: ImportTable) -> Optional[Tuple[str, str]]:
    """(index, element) of `for i, e in enumerate(x)`, a comprehension's too."""
    target = loop.target
    if not (
        isinstance(loop.iter, cst.Call)
        and qualified_callee(loop.iter, imports) == "enumerate"
        and loop.iter.args
        and isinstance(target, cst.Tuple)
        and len(target.elements) == 2
        and all(isinstance(e.value, cst.Name) for e in target.elements)
    ):
        return None
    return target.elements[0].value.value, target.elements[1].value.value


def _stride(test: cst.BaseExpression, index: str, fn: FunctionIndex) -> Optional[str]:
    """k when `test` is `<index expr> % self.k == <something>`, either way round."""
    if not (
        isinstance(test, cst.Comparison)
        and len(test.comparisons) == 1
        and isinstance(test.comparisons[0].operator, cst.Equal)
    ):
        return None
    for side in (test.left, test.comparisons[0].comparator):
        if (
            isinstance(side, cst.BinaryOperation)
            and isinstance(side.operator, cst.Modulo)
            and _reads(side.left, {index})
        ):
            return count_attr(side.right, fn)
    return None


def _is_name(expr: Optional[cst.BaseExpression], name: str) -> bool:
    return isinstance(expr, cst.Name) and expr.value == name


def _advances(body: cst.CSTNode, iterators: Set[str]) -> bool:
    """`body` calls `next(it)` on one of `iterators`."""
    return any(
        isinstance(n, cst.Call)
        and isinstance(n.func, cst.Name)
        and n.func.value == "next"
        and n.args
        and isinstance(n.args[0].value, cst.Name)
        and n.args[0].value.value in iterators
        for n in walk(body)
    )


def _skipped_steps(
    node: cst.If, counters: Set[str], func: cst.FunctionDef, guards: bool
) -> Optional[cst.BaseExpression]:
    """What says how many of the loop's first steps `node` skips (no `else`): `k` of
    `if i < k: continue` (or `<=`) on a step counter `i`, of `if i >= k: yield x` (or `>`)
    that holds every yield of the loop (`guards`), or `c` of `if c > 0: c -= 1; continue`
    (a skip counted down)."""
    test = node.test
    if node.orelse is not None or not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return None
    operator, right = test.comparisons[0].operator, test.comparisons[0].comparator
    on_counter = isinstance(test.left, cst.Name) and test.left.value in counters
    if guards:
        return right if on_counter and isinstance(operator, (cst.GreaterThanEqual, cst.GreaterThan)) else None
    lines = [stmt.body if type(stmt) is cst.SimpleStatementLine else [stmt] for stmt in node.body.body]
    smalls = [small for line in lines for small in line]
    if not smalls or not isinstance(smalls[-1], cst.Continue):
        return None
    if len(smalls) == 1 and isinstance(operator, (cst.LessThan, cst.LessThanEqual)):
        return right if on_counter else None
    counted = counter_name(test.left, func)
    down = (
        len(smalls) == 2
        and isinstance(smalls[0], cst.AugAssign)
        and isinstance(smalls[0].operator, cst.SubtractAssign)
        and _is_int(smalls[0].value, 1)
        and counted is not None
        and counter_name(smalls[0].target, func) == counted
    )
    return test.left if down and isinstance(operator, cst.GreaterThan) and _is_int(right, 0) else None


def _counted_up_to(loop: cst.While, func: cst.FunctionDef) -> bool:
    """`while c < n` (or `<=`) whose body yields and adds to `c`: a local, or `self.c`
    (a position the sampler keeps between runs, `while self.index < len(order)`)."""
    test = loop.test
    if not (
        isinstance(test, cst.Comparison)
        and len(test.comparisons) == 1
        and isinstance(test.comparisons[0].operator, (cst.LessThan, cst.LessThanEqual))
    ):
        return False
    counter = counter_name(test.left, func)
    nodes = list(walk(loop.body))
    return (
        counter is not None
        and any(isinstance(n, cst.Yield) for n in nodes)
        and any(
            isinstance(n, cst.AugAssign)
            and isinstance(n.operator, cst.AddAssign)
            and counter_name(n.target, func) == counter
            for n in nodes
        )
    )


def counter_name(node: cst.BaseExpression, func: cst.FunctionDef) -> Optional[str]:
    """A counter a loop counts with, a local `c` or `self.c`, spelled so."""
    if isinstance(node, cst.Name):
        return node.value
    attr = is_self_attr(node, func)
    return None if attr is None else f"self.{attr}"


def _reads(node: cst.CSTNode, names: Set[str]) -> bool:
    """`node` reads one of `names`. A loop or comprehension that binds a name as its target
    shadows it: `for _ in range(k)` inside `for _ in range(n)` reads nothing of the outer
    `_` (two such loops repeat a draw, they do not walk a group)."""
    if not names:
        return False
    if isinstance(node, cst.Name):
        return node.value in names
    if isinstance(node, cst.For):
        inner = names - _bound(node.target)
        return _reads(node.iter, names) or any(
            _reads(part, inner) for part in (node.body, node.orelse) if part is not None
        )
    if isinstance(node, (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp)):
        fors, bound, comp = [], set(), node.for_in
        while comp is not None:
            fors.append(comp)
            bound |= _bound(comp.target)
            comp = comp.inner_for_in
        # The first iterable is read outside the comprehension; the rest inside it.
        parts = [c.iter for c in fors[1:]] + [i for c in fors for i in c.ifs]
        parts += [node.key, node.value] if isinstance(node, cst.DictComp) else [node.elt]
        return _reads(fors[0].iter, names) or any(_reads(p, names - bound) for p in parts)
    return any(_reads(child, names) for child in node.children)


def _bound(target: cst.CSTNode) -> Set[str]:
    """The plain names a loop target binds (`i`, `i, (j, k)`)."""
    return {n.value for n in walk(target) if isinstance(n, cst.Name)}


def _lines(stmt: cst.CSTNode) -> List[cst.CSTNode]:
    """The statement itself, or the lines of an `if` (block or one-line suite)."""
    if not isinstance(stmt, cst.If):
        return [stmt]
    return list(stmt.body.body) if isinstance(stmt.body, cst.IndentedBlock) else [stmt.body]


def _target_names(target: cst.BaseExpression) -> Set[str]:
    """The names a loop target binds: itself, or each name of a tuple of names."""
    if isinstance(target, cst.Name):
        return {target.value}
    if isinstance(target, cst.Tuple):
        names = [e.value for e in target.elements]
        return {n.value for n in names} if all(isinstance(n, cst.Name) for n in names) else set()
    return set()


def _stepped(expr: cst.BaseExpression, imports: ImportTable) -> bool:
    """`range(start, stop, step)`."""
    return isinstance(expr, cst.Call) and qualified_callee(expr, imports) == "range" and len(expr.args) == 3


def _range_over_len_of(expr: cst.BaseExpression, names: Set[str], imports: ImportTable) -> bool:
    """`range(start, len(group), step)`: batches within one group."""
    if not _stepped(expr, imports):
        return False
    measured = len_arg(expr.args[1].value)
    return isinstance(measured, cst.Name) and measured.value in names


def _agree(units: Iterable[Optional[str]]) -> Optional[str]:
    # `indices += indices[:pad]` says nothing new about what `indices` holds.
    found = set(units) - {_SELF_REF}
    return found.pop() if len(found) == 1 else None


def _catches_stop(statement: cst.Try) -> bool:
    caught = {"StopIteration", "Exception", "BaseException"}
    for handler in statement.handlers:
        if handler.type is None:
            return True
        types = (
            [e.value for e in handler.type.elements]
            if isinstance(handler.type, cst.Tuple)
            else [handler.type]
        )
        if any(last_name(t) in caught for t in types):
            return True
    return False


def _always_true(test: cst.BaseExpression) -> bool:
    if isinstance(test, cst.Name):
        return test.value == "True"
    return isinstance(test, cst.Integer) and test.evaluated_value != 0


def _is_none(expr: cst.BaseExpression) -> bool:
    return isinstance(expr, cst.Name) and expr.value == "None"


def _is_slice(expr: cst.Subscript) -> bool:
    return len(expr.slice) == 1 and isinstance(expr.slice[0].slice, cst.Slice)
