"""What a method of an object the class is given returns, read from how the class uses it.

A parameter the class calls methods on (`self.backend.list_ids()`, `self.group.size()`,
`self.cache.get_intervals()`) is an object of its project or of a library (a metadata
store, a process group, a cache) that no name or hint says how to make, and the class was
"could not build" for it. What the sampler needs of it is what its methods return, and
how the class uses what they return says of what kind it is: `ids = backend.list_ids()`
then `len(ids)` and `list(ids)` (a list), `n / group.size()` (a number). Each method is a
function that returns a value drawn by that use; the object has the attributes the class
reads too, each drawn as it would be on an options object (arguments._read_fields).
The same value on every call: an object's answer does not change while one epoch runs. A
method whose result nothing uses says nothing, and the class stays "could not build".

A result unpacked into names (`first, last = store.bounds()`, `for begin, end in
store.spans()`) is a pair, or a list of pairs: a span, drawn in order (begin <= end), as
every store a caller builds answers. A dict of settings read by a key whose name says
nothing (`settings["chunk"]`, `checkpoint["order"]`) has that key drawn as the class uses
its value (key_use), as an attribute of an options object is.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from typing import Any, Callable, Dict, List, Optional, Set, Tuple

from .reads import _USE_DEPTH, Fields, Use, _classify, _Scope, class_trees, held_in, use_of


def result_use(cls: type, path: str) -> Use:
    """How the class uses what a call of ``path`` (`backend.list_ids`) returns (_values_use)."""
    trees = class_trees(cls)
    roots = held_in(trees, path)
    return _values_use(trees, lambda node: _calls(node, roots), use_of(cls, path).result or Use())


def key_use(cls: type, where: str, key: str) -> Use:
    """How the class uses the value read under ``key`` from ``where`` (_values_use): a
    dict's (`settings["chunk"]`, `self.settings["chunk"]`) or an options object's read by
    a name no attribute may have, with no default (`getattr(opts, "sampler.chunk")`)."""
    trees = class_trees(cls)
    heads = held_in(trees, where)
    reads = {f"{head}[{key!r}]" for head in heads}

    def read(node: ast.AST) -> bool:
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
            return ast.unparse(node) in reads
        return (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and len(node.args) == 2
            and ast.unparse(node.args[0]) in heads
            and isinstance(node.args[1], ast.Constant)
            and node.args[1].value == key
        )

    return _values_use(trees, read, Use())


def _values_use(trees: List[Tuple[type, ast.AST]], read: Callable[[ast.AST], bool], use: Use) -> Use:
    """How the class uses the values of the expressions ``read`` matches: in place, through
    the local name each is assigned to (`ids = ...`, also `rank, size = group.rank(),
    group.size()`) in the function that assigns it, and through the attribute of ``self``
    it is stored in (`self.ids = ...`) in every method of the class."""
    stored: Set[str] = set()
    for klass, tree in trees:
        parents = _parents(tree)
        found = [node for node in ast.walk(tree) if read(node)]
        _classify_in_place(found, _Scope(klass, parents), use)
        for node in found:
            target = _target(node, parents)
            function = _enclosing(node, parents)
            if isinstance(target, ast.Attribute):
                stored.add(ast.unparse(target))
            elif isinstance(target, ast.Name) and function is not None:
                _classify_in_place(_loads(function, {target.id}), _Scope(klass, parents), use)
    for klass, tree in trees if stored else ():
        _classify_in_place(_loads(tree, stored), _Scope(klass, _parents(tree)), use)
    return use


def discarded(cls: type, path: str) -> bool:
    """Whether every call of ``path`` stands alone (`self.logger.info(...)`,
    `group.barrier()`): called for what it does, its result (None, most often) unused."""
    trees = class_trees(cls)
    roots = held_in(trees, path)
    found = [(node, _parents(tree)) for _, tree in trees for node in ast.walk(tree) if _calls(node, roots)]
    return bool(found) and all(isinstance(parents.get(id(node)), ast.Expr) for node, parents in found)


def _calls(node: ast.AST, roots: Set[str]) -> bool:
    return isinstance(node, ast.Call) and ast.unparse(node.func) in roots


def _target(node: ast.AST, parents: Dict[int, ast.AST]) -> Optional[ast.AST]:
    """What ``node`` is assigned to: `x = node`, or its place in `a, b = node, other`."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Tuple) and isinstance(parents.get(id(parent)), ast.Assign):
        targets = parents[id(parent)].targets
        if (
            len(targets) == 1
            and isinstance(targets[0], ast.Tuple)
            and len(targets[0].elts) == len(parent.elts)
        ):
            return targets[0].elts[parent.elts.index(node)]
        return None
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1:
        return parent.targets[0]
    return None


def _parents(tree: ast.AST) -> Dict[int, ast.AST]:
    return {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _classify_in_place(found: List[ast.AST], scope: _Scope, use: Use) -> None:
    """_classify, and what _in_place reads of each of ``found`` (which _classify does not)."""
    _classify(found, scope, use, _USE_DEPTH)
    for node in found:
        _in_place(node, scope.parents, use)


def _in_place(node: ast.AST, parents: Dict[int, ast.AST], use: Use) -> None:
    """Marks ``use`` as a pair where ``node`` is unpacked into names (`a, b = node`), as
    a list of pairs where a loop unpacks its items (`for a, b in node`), and as iterated
    where the sampler yields it (a batch, which the loader iterates)."""
    parent = parents.get(id(node))
    if isinstance(parent, (ast.Yield, ast.YieldFrom)):
        use.iterated = True
    elif isinstance(parent, ast.Assign) and parent.value is node:
        widths = [len(t.elts) for t in parent.targets if isinstance(t, ast.Tuple)]
        if widths:
            _pair(use, widths[0])
    elif isinstance(parent, (ast.For, ast.comprehension)) and parent.iter is node:
        if isinstance(parent.target, ast.Tuple):
            use.iterated = True
            use.items = use.items or Use()
            _pair(use.items, len(parent.target.elts))


def _pair(use: Use, width: int) -> None:
    use.iterated = use.unpacked = True
    use.positions |= set(range(width))


def _loads(tree: ast.AST, names: Set[str]) -> List[ast.AST]:
    """Where ``tree`` reads one of ``names`` (`ids`, `self.ids`)."""
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, (ast.Name, ast.Attribute))
        and isinstance(node.ctx, ast.Load)
        and ast.unparse(node) in names
    ]


def _enclosing(node: ast.AST, parents: Dict[int, ast.AST]) -> ast.AST:
    while node is not None and not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        node = parents.get(id(node))
    return node


def methods_called(called: Set[str]) -> List[str]:
    """The methods of the object itself among ``called`` (`list_ids`, not `datasets.items`:
    a method of an attribute, which is drawn from its own use)."""
    return sorted(name for name in called if "." not in name)


def nest_calls(fields: Fields, plain: Set[str]) -> Fields:
    """``fields`` with each method of an attribute among ``plain`` (`store.list_ids` of
    `args.store.list_ids()`) moved to that attribute's own fields: an object in turn,
    with the method, and the attributes the class reads from it."""
    nested = {name: replace(inner, called=set(inner.called)) for name, inner in fields.nested.items()}
    defaults = dict(fields.defaults)
    for call in sorted(plain):
        head, _, rest = call.partition(".")
        if rest:
            defaults.pop(head, None)
            inner = nested.setdefault(head, Fields(kind="attributes"))
            inner.called.add(rest)
    kind = fields.kind or ("attributes" if nested else "")
    return replace(fields, kind=kind, defaults=defaults, nested=nested, called=fields.called - plain)


class Settings(dict):
    """A dict of settings whose keys are attributes too (OmegaConf's DictConfig, EasyDict):
    what a class reads as `cfg.data.batch_size` and as `cfg.get("shuffle", True)`."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
