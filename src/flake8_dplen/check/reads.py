"""What a class's own code reads from a constructor parameter that nothing else says how
to make: an options object (`opts.batch_size`, `getattr(opts, "drop_last", False)`,
`cfg.data.num_workers`) or a dict of settings (`config["batch_size"]`,
`config.get("shuffle", True)`). The search then builds one with exactly those fields,
each drawn by its name or from the default the code gives it."""

from __future__ import annotations

import ast
import inspect
import os
import sys
import textwrap
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Set, Tuple

_NO_DEFAULT = object()


@dataclass
class Fields:
    """The fields read from one parameter: attributes (a namespace) or keys (a dict)."""

    kind: str = ""  # "attributes" or "keys"; empty: nothing read
    defaults: Dict[str, Any] = field(default_factory=dict)  # name -> default or _NO_DEFAULT
    nested: Dict[str, "Fields"] = field(default_factory=dict)  # `cfg.data.x`: data -> its fields
    called: Set[str] = field(default_factory=set)  # methods called on it: nothing can make those
    # Read by attribute and by key (`cfg.data`, `cfg["k"]`, `cfg.get("k")`): a dict whose
    # keys are attributes too (OmegaConf's, EasyDict), which neither kind alone answers.
    mixed: bool = False


def _source_tree(cls: type) -> Optional[ast.AST]:
    try:
        return ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError, SyntaxError):
        return None


def _literal(node: ast.AST) -> Any:
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        return _NO_DEFAULT


# A step of a path: a name and how it is read from what holds it, "attributes" or "keys".
_Step = Tuple[str, str]


def _path(node: ast.AST, roots: Set[str]) -> Optional[List[_Step]]:
    """`opts.data.batch_size` -> [("data", "attributes"), ("batch_size", "attributes")] when
    `opts` is a root (a root may be `self.opts`, an attribute the constructor stored the
    parameter in); `cfg["sampler"]["k"]` -> [("sampler", "keys"), ("k", "keys")]."""
    steps: List[_Step] = []
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        if ast.unparse(node) in roots:
            return list(reversed(steps))
        if isinstance(node, ast.Attribute):
            steps.append((node.attr, "attributes"))
        elif isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
            steps.append((node.slice.value, "keys"))
        else:
            return None
        node = node.value
    if isinstance(node, ast.Name) and node.id in roots:
        return list(reversed(steps))
    return None


def fields_read(cls: type, param: str) -> Fields:
    """The fields the methods of the class and of its bases read from ``param`` (and from
    the attribute of ``self`` a constructor stores it in): a subclass that overrides
    `__len__` alone reads its settings in its base's `__init__`. Also the fields read by
    the package's helpers it is handed to (`_batch_size_of(cfg)`, `self._resolve(opts)`)."""
    found = Fields()
    trees = class_trees(cls)
    # self.opts = opts: later methods, of any class of the hierarchy, read it as self.opts.
    roots = {root for _, tree in trees for root in stored_as(tree, param)}
    seen: Set[Any] = set()
    for klass, tree in trees:
        _fields_in(klass, tree, roots, found, seen, _HELPER_DEPTH)
    return found


def _fields_in(owner: Any, tree: ast.AST, roots: Set[str], found: Fields, seen: Set[Any], depth: int) -> None:
    """Adds to ``found`` the fields ``tree`` (of ``owner``: a class, or a helper) reads
    from ``roots``, and those the helpers it hands a root to read, ``depth`` deep."""
    # `opts.method(...)`: the callee is no field (it is listed in `called`).
    callees = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if (
                isinstance(func, ast.Name)
                and func.id == "getattr"
                and len(node.args) >= 2
                and _path(node.args[0], roots) is not None
                and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str)
            ):
                default = _literal(node.args[2]) if len(node.args) > 2 else _NO_DEFAULT
                _add(found, _path(node.args[0], roots) + [(node.args[1].value, "attributes")], default)
            elif isinstance(func, ast.Attribute) and _path(func.value, roots) is not None:
                if func.attr == "get" and node.args and isinstance(node.args[0], ast.Constant):
                    default = _literal(node.args[1]) if len(node.args) > 1 else None
                    _add(found, _path(func.value, roots) + [(str(node.args[0].value), "keys")], default)
                else:
                    found.called.add(".".join([name for name, _ in _path(func.value, roots)] + [func.attr]))
            else:
                for helper, names in _handed(owner, node, roots, seen, depth):
                    _fields_in(helper, _source_tree(helper), names, found, seen, depth - 1)
        elif isinstance(node, (ast.Subscript, ast.Attribute)) and id(node) not in callees:
            path = _path(node, roots)
            # `key=keys.__getitem__`: the value's own protocol (a sequence), no setting.
            if path and isinstance(node.ctx, ast.Load) and not _dunder(path[-1][0]):
                _add(found, path, _NO_DEFAULT)


def _dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


def _add(fields: Fields, path: List[_Step], default: Any) -> None:
    for name, kind in path[:-1]:
        _kind(fields, kind)
        fields.defaults.pop(name, None)
        fields = fields.nested.setdefault(name, Fields())
    leaf, kind = path[-1]
    _kind(fields, kind)
    if leaf in fields.nested:
        return
    known = fields.defaults.get(leaf, _NO_DEFAULT)
    fields.defaults[leaf] = default if known is _NO_DEFAULT else known


def _kind(fields: Fields, kind: str) -> None:
    fields.mixed = fields.mixed or fields.kind not in ("", kind)
    fields.kind = fields.kind or kind


def has_default(fields: Fields, name: str) -> Tuple[bool, Any]:
    value = fields.defaults[name]
    return value is not _NO_DEFAULT, value


@dataclass
class DataShape:
    """How the class uses the items of a dataset parameter: the shape of data to generate.

    ``fields``: items are tuples (``for _, pid, cam in data_source``, ``data_source[i][1]``),
    position -> the name the code gives it ("" unnamed); ``keys``: items are dicts
    (``dataset[i]["label"]``); ``columns``: attributes of the dataset read as one value per
    item (``dataset.targets``, ``dataset.lengths``); ``infos``: methods called with an index
    whose result is read by key (``dataset.get_data_info(i)["height"]``); ``sized``: the
    length of an item is taken (``[len(x) for x in dataset]``, a text's tokens), so items
    are sequences of drawn lengths; ``lists``: methods
    called with no argument whose result holds one value per item (``dataset.image_shapes()``),
    with the fields of each value where the code unpacks it (``for w, h in shapes``);
    ``grouped``: those of them whose values the code takes the length of (``for g in
    dataset.groups(): len(g)``), so they are groups of the items' indices, not one value per item;
    ``rows``: columns whose values are dicts read by key (``for x in dataset.data_infos:
    x["timestamp"]``); ``measured``: keys or attributes of an item whose length is taken
    (``len(dataset[i]["tokens"]) <= max_len``), sequences of a drawn length, whatever
    their name says."""

    fields: Dict[int, str] = field(default_factory=dict)
    keys: Set[str] = field(default_factory=set)
    columns: Set[str] = field(default_factory=set)
    infos: Dict[str, Set[str]] = field(default_factory=dict)
    sized: bool = False
    lists: Dict[str, Dict[int, str]] = field(default_factory=dict)
    rows: Dict[str, Set[str]] = field(default_factory=dict)
    arrays: Set[str] = field(default_factory=set)  # columns used as numpy arrays (`np.bincount`)
    tensors: Set[str] = field(default_factory=set)  # columns used as torch tensors (`x.unique()`)
    measured: Set[str] = field(default_factory=set)
    numbers: Set[str] = field(default_factory=set)  # columns used as one number (`range(d.num_classes)`)
    # Columns indexed or iterated, never counted with nor drawn from (`choice(n)` takes a
    # number too): containers, whatever their name says (`self.cur =
    # dataset.num_seen_per_list`, then `self.cur[i] = 0`).
    indexed: Set[str] = field(default_factory=set)
    attrs: Set[str] = field(default_factory=set)  # items are objects with these attributes
    # Methods called with an index whose result is used as is: one value per item
    # (`label = dataset.get_label(i, toint=True)`), not a dict read by key (``infos``).
    getters: Set[str] = field(default_factory=set)
    # Attributes indexed by another parameter of the class, a field name: `dataset.data[key]`
    # with `self.key = key_to_balance` -> {"data": "key_to_balance"}.
    named: Dict[str, str] = field(default_factory=dict)
    grouped: Set[str] = field(default_factory=set)
    # Columns read by constant keys and never iterated themselves (`dataset.meta_dict
    # ["n_atoms"][indices]`): dicts of columns, key -> True where the code uses its value
    # as one number (as ``numbers``), False where it indexes or iterates it (one value per
    # item), None where it says neither (drawn by the key's name).
    keyed: Dict[str, Dict[str, Optional[bool]]] = field(default_factory=dict)
    # Columns read as a dict whose keys the class iterates or looks up, each value a list
    # of indices (`for label in dataset.label_index_dict.keys()`, `self.index[pid]` of
    # `self.index = dataset.pid_index`): an index of the items by key, whatever its name.
    indexes: Set[str] = field(default_factory=set)
    # A concatenation's parts, read as datasets themselves (`for d in dataset.datasets:
    # len(d.samples)`): their shape, None where the class reads nothing of them.
    parts: Optional["DataShape"] = None
    # Columns whose values the class unpacks (`for idx, _, _, _ in dataset.images`): rows
    # of that many fields, position -> the name the code gives it.
    unpacked: Dict[str, Dict[int, str]] = field(default_factory=dict)
    # Columns whose values the class takes the length of (`[len(t) for t in dataset.texts]`,
    # `len(dataset.captions[i])`): one sequence of a drawn length per item, whatever the
    # column's name says (a number there raises on every set).
    sequences: Set[str] = field(default_factory=set)
    # Methods called with no argument whose result the class unpacks into names
    # (`self.kept, self.dropped = dataset.split_indices()`): method -> how many parts, a
    # split of the items' indices.
    splits: Dict[str, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        read = (self.fields, self.keys, self.attrs, self.columns, self.infos, self.lists, self.getters)
        return self.sized or any(read) or bool(self.splits)


def stored_as(tree: ast.AST, param: str) -> Set[str]:
    """``param`` and the attributes of ``self`` the constructor stores it in, or has its
    base store: handed to `super().__init__`, it is `self.<param>` (torch's samplers
    store `dataset`, `data_source` and `sampler` under their own names)."""
    roots = {param}
    for node in ast.walk(tree):
        if _to_super(node, param):
            roots.add(f"self.{param}")
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            # self.fn: Callable = fn
            node = ast.Assign(targets=[node.target], value=node.value)
        if not isinstance(node, ast.Assign):
            continue
        pairs = [(t, node.value) for t in node.targets]
        # self.a, self.b = a, b
        pairs += [
            pair
            for t in node.targets
            if isinstance(t, ast.Tuple) and isinstance(node.value, ast.Tuple) and len(t.elts) == len(node.value.elts)
            for pair in zip(t.elts, node.value.elts)
        ]
        for target, value in pairs:
            if isinstance(target, ast.Attribute) and _holds(value, param):
                roots.add(ast.unparse(target))
    return roots


# Calls that keep a value's items as they are, in another container: what is read of the
# copy (`self.labels = np.asarray(labels)`, then `self.labels[:, 0]`) is read of the items.
_KEEPS_ITEMS = {
    "list", "tuple", "dict", "OrderedDict", "collections.OrderedDict",
    "np.asarray", "np.array", "np.asanyarray", "numpy.asarray", "numpy.array",
    "torch.as_tensor", "torch.tensor", "torch.LongTensor", "torch.from_numpy",
}


def _holds(value: ast.AST, param: str) -> bool:
    """``value`` is ``param`` or a copy of its items (_KEEPS_ITEMS)."""
    value = _uncopied(value)
    return isinstance(value, ast.Name) and value.id == param


def _uncopied(value: ast.AST) -> ast.AST:
    """What ``value`` copies the items of (`np.asarray(x)` -> `x`), else ``value``."""
    if isinstance(value, ast.Call) and len(value.args) == 1 and ast.unparse(value.func) in _KEEPS_ITEMS:
        return value.args[0]
    return value


def super_init(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "__init__"
        and called_name(node.func.value) == "super"
    )


def given_to_super(init: Any) -> Set[str]:
    """The keywords a constructor gives `super().__init__` itself (`generator=g` beside
    `**kwargs`): a base's parameter that a caller cannot pass through as well."""
    tree = _source_tree(init)
    if tree is None:
        return set()
    return {kw.arg for node in ast.walk(tree) if super_init(node) for kw in node.keywords if kw.arg}


def _to_super(node: ast.AST, param: str) -> bool:
    """Whether ``node`` is `super().__init__(...)` with ``param`` among its arguments."""
    if not super_init(node):
        return False
    passed = [*node.args, *(keyword.value for keyword in node.keywords)]
    return any(isinstance(arg, ast.Name) and arg.id == param for arg in passed)


def unread(cls: type, param: str) -> bool:
    """Whether no code of the class or of its bases reads ``param`` besides storing it in
    an attribute (`self.flag = flag`, read nowhere): its value cannot change what the
    sampler does. Stored in a local name, handed to a base or to any call, it is read."""
    trees = class_trees(cls)
    if not trees:
        return False
    roots = {root for _, tree in trees for root in stored_as(tree, param)}
    for _ in range(2):  # self.b = self.a = a
        roots |= {alias for _, tree in trees for alias in _aliases(tree, roots)}
    for _, tree in trees:
        stores = {id(value) for node in ast.walk(tree) for value in _stored_values(node)}
        if any(_names(node, roots) and id(node) not in stores for node in ast.walk(tree)):
            return False
    return True


def _targets(node: ast.AST) -> List[ast.AST]:
    return node.targets if isinstance(node, ast.Assign) else [node.target]


def _stored_values(node: ast.AST) -> List[ast.AST]:
    """The values ``node`` stores in attributes and nowhere else: `self.a = a`, and each
    `a` of `self.a, self.b = a, b`."""
    if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
        return []
    targets = _targets(node)
    if all(isinstance(t, ast.Attribute) for t in targets):
        return [node.value]
    if len(targets) == 1 and isinstance(targets[0], ast.Tuple) and isinstance(node.value, ast.Tuple):
        pairs = zip(targets[0].elts, node.value.elts)
        return [value for target, value in pairs if isinstance(target, ast.Attribute)]
    return []


def _is_root(node: ast.AST, roots: Set[str]) -> bool:
    return isinstance(node, (ast.Name, ast.Attribute)) and ast.unparse(node) in roots


def _iterated(node: ast.AST, roots: Set[str]) -> bool:
    """``node`` iterates the items: the dataset itself, or ``enumerate(dataset)``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "enumerate":
        return bool(node.args) and _is_root(node.args[0], roots)
    return _is_root(node, roots)


def _item_target(target: ast.AST, iterated: ast.AST) -> Optional[ast.AST]:
    """The part of a loop target bound to an item (`(_, pid, _)` of `index, (_, pid, _)`)."""
    if isinstance(iterated, ast.Call):  # enumerate: (index, item)
        if isinstance(target, ast.Tuple) and len(target.elts) == 2:
            return target.elts[1]
        return None
    return target


def data_shape(cls: type, param: str) -> DataShape:
    """What the methods of the class and of its bases (not torch's) do with the items of
    ``param`` (see :class:`DataShape`): a base often holds the loop over the data."""
    shape = DataShape()
    stored: Set[str] = set()
    trees = class_trees(cls)
    for _, tree in trees:
        # The attribute the constructor stores it in is read by the other classes' methods.
        stored |= stored_as(tree, param)
    seen: Set[Any] = set()
    for klass, tree in trees:
        _read_shape(tree, stored | {param}, shape)
        _follow(klass, tree, stored | {param}, shape, seen, _HELPER_DEPTH)
    shape.splits = fallback({}, _splits, trees, stored | {param})
    for target, method in _listed(trees, stored | {param}).items():
        # What the method returned is read as the items are: its values' fields.
        values = DataShape()
        for _, tree in trees:
            _read_shape(tree, {target}, values)
        shape.lists[method] = _positions(values.fields)
        if values.sized and not values.fields:
            shape.grouped.add(method)
    shape.fields = _positions(shape.fields)
    shape.getters -= set(shape.infos) | set(shape.lists)
    uses = {name: use_of(cls, f"{param}.{name}") for name in shape.columns}
    shape.tensors = {name for name, use in uses.items() if use.tensor}
    shape.arrays = {name for name, use in uses.items() if use.array} - shape.tensors
    shape.numbers = {name for name, use in uses.items() if use.numeric and not use.iterated}
    shape.indexed = {name for name, use in uses.items() if use.iterated and not (use.numeric or use.picked)}
    shape.keyed = fallback({}, _keyed_columns, uses)
    shape.indexes = fallback(set(), _index_columns, uses) - set(shape.keyed)
    shape.parts = fallback(None, _parts_shape, trees, stored | {param})
    shape.named = _named(cls, trees, stored | {param})
    return shape


def _keyed_columns(uses: Dict[str, "Use"]) -> Dict[str, Dict[str, Optional[bool]]]:
    """DataShape.keyed, from the uses of the dataset's columns."""
    return {
        name: {key: _number_or_column(value) for key, value in use.keys.items()}
        for name, use in uses.items()
        if use.keys and not (use.iterated or use.keyed or use.called)
    }


def _parts_shape(trees: List[Tuple[type, ast.AST]], roots: Set[str]) -> Optional[DataShape]:
    """DataShape.parts: what the class reads of the names it binds to a part of the data's
    `datasets` (a loop over them, or one taken by index)."""

    def parts_of(node: ast.AST) -> bool:
        return isinstance(node, ast.Attribute) and node.attr == "datasets" and _is_root(node.value, roots)

    bound: Set[str] = set()
    for _, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.target, ast.Name):
                if parts_of(node.iter):
                    bound.add(node.target.id)
            elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                if isinstance(node.value, ast.Subscript) and parts_of(node.value.value):
                    bound.add(node.targets[0].id)
    parts = DataShape()
    for _, tree in trees:
        _read_shape(tree, bound, parts)
    return parts if bound and parts.columns else None


def _index_columns(uses: Dict[str, "Use"]) -> Set[str]:
    """DataShape.indexes: the columns used as dicts by key whose values are only iterated,
    measured or indexed (lists of indices; a value read by key or by field is no list). A
    value the class is not seen to walk says nothing: `for c, n in counts.items()` whose
    `n` is divided (United-Perception's images per class) was drawn as lists and failed."""
    return {
        name
        for name, use in uses.items()
        if use.keyed
        and use.items is not None
        and (use.items.iterated or use.items.picked)
        and not (use.items.keys or use.items.keyed or use.items.called or use.items.numeric)
    }


def _number_or_column(use: "Use") -> Optional[bool]:
    """True: a value used as one number; False: one indexed or iterated; None: neither."""
    return False if use.iterated else True if use.numeric else None


def _named(cls: type, trees: List[Tuple[type, ast.AST]], roots: Set[str]) -> Dict[str, str]:
    """Attributes of the data indexed by another parameter (see DataShape.named)."""
    try:
        others = list(inspect.signature(cls).parameters)
    except (TypeError, ValueError):
        return {}
    named: Dict[str, str] = {}
    for other in others:
        keys = {key for _, tree in trees for key in stored_as(tree, other)}
        for _, tree in trees:
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Subscript)
                    and isinstance(node.value, ast.Attribute)
                    and _is_root(node.value.value, roots)
                    and ast.unparse(node.slice) in keys
                ):
                    named[node.value.attr] = other
    return named


def _positions(fields: Dict[int, str]) -> Dict[int, str]:
    """Positions up to the highest one read: `data_source[i][2]` is the third of three."""
    return {i: fields.get(i, "") for i in range(max(fields) + 1)} if fields else {}


def _listed(trees: List[Tuple[type, ast.AST]], roots: Set[str]) -> Dict[str, str]:
    """Where the class stores what a method of the data returns when called with no
    argument (`self.shapes = dataset.image_shapes()`): the name -> the method."""
    return {
        ast.unparse(target): method
        for target, method in _no_argument_calls(trees, roots)
        if isinstance(target, (ast.Name, ast.Attribute))
    }


def _splits(trees: List[Tuple[type, ast.AST]], roots: Set[str]) -> Dict[str, int]:
    """DataShape.splits: the methods whose result is unpacked into names, and how many."""
    return {
        method: len(target.elts)
        for target, method in _no_argument_calls(trees, roots)
        if isinstance(target, ast.Tuple)
        and all(isinstance(name, (ast.Name, ast.Attribute)) for name in target.elts)
    }


def _no_argument_calls(trees: List[Tuple[type, ast.AST]], roots: Set[str]) -> List[Tuple[ast.AST, str]]:
    """(the target, the method) of each assignment of what a method of the data returns
    when called with no argument (`self.shapes = dataset.image_shapes()`)."""
    found = []
    for _, tree in trees:
        for node in ast.walk(tree):
            value = node.value if isinstance(node, ast.Assign) and len(node.targets) == 1 else None
            # `np.asarray(dataset.get_lengths())`: the copy holds what the method returned.
            value = _uncopied(value) if value is not None else None
            if (
                isinstance(value, ast.Call)
                and not value.args
                and not value.keywords
                and isinstance(value.func, ast.Attribute)
                and _is_root(value.func.value, roots)
            ):
                found.append((node.targets[0], value.func.attr))
    return found


# Helpers followed from the class: a helper's helpers, and no further.
_HELPER_DEPTH = 2


_INSTALLED = (f"{os.sep}site-packages{os.sep}", f"{os.sep}dist-packages{os.sep}")


def _package_folder(module: Any) -> Optional[str]:
    """The folder of the package a module belongs to (its own folder, for a plain module):
    helpers are followed there, not into installed libraries (a plain module installed
    on its own would make all of them its folder)."""
    top = sys.modules.get(module.__name__.split(".")[0], module)
    path = getattr(top, "__file__", None) or getattr(module, "__file__", None)
    if not path:
        return None
    folder = os.path.dirname(os.path.abspath(path))
    plain = not hasattr(top, "__path__")
    return None if plain and any(part in folder + os.sep for part in _INSTALLED) else folder


def _callee(func: ast.AST, owner: Any, module: Any) -> Tuple[Any, int]:
    """The function a call names (`helper`, `utils.helper`, `self._method`) and how many
    of its parameters come before the call's arguments (1: `self`)."""
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self":
        if owner is None:
            return None, 0
        # A staticmethod called on self takes no `self`.
        static = isinstance(inspect.getattr_static(owner, func.attr, None), staticmethod)
        return getattr(owner, func.attr, None), 0 if static else 1
    value: Any = module
    for name in reversed(_dotted(func) or []):
        value = getattr(value, name, None) if value is not None else None
    return value, 0


def _dotted(node: ast.AST) -> Optional[List[str]]:
    """`utils.helper` -> ["helper", "utils"] (innermost last); None for anything else."""
    names: List[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return names + [node.id]
    return None


Helpers = List[Tuple[Any, Set[str]]]  # a helper function and the names it gives a root


def _handed(owner: Any, call: ast.Call, roots: Set[str], seen: Set[Any], depth: int) -> Helpers:
    """The helper of the package (a function of its modules, a method of the class) that
    ``call`` hands a root to, with the names of the parameters that receive it; none once
    ``depth`` helpers deep, or for a helper already read (in ``seen``, which it joins)."""
    module = sys.modules.get(getattr(owner, "__module__", ""))
    if depth == 0 or module is None or _package_folder(module) is None:
        return []
    function, skipped = _callee(call.func, owner if inspect.isclass(owner) else None, module)
    if not inspect.isfunction(function) or function in seen or not _in_package(function, module):
        return []
    try:
        params = list(inspect.signature(function).parameters)[skipped:]
    except (TypeError, ValueError):
        return []
    names = {params[i] for i, arg in enumerate(call.args) if i < len(params) and _is_root(arg, roots)}
    names |= {kw.arg for kw in call.keywords if kw.arg in params and _is_root(kw.value, roots)}
    if not names or _source_tree(function) is None:
        return []
    seen.add(function)
    return [(function, names)]


def _helpers(owner: Any, tree: ast.AST, roots: Set[str], seen: Set[Any], depth: int) -> Helpers:
    """The helpers of the package that ``tree`` hands a root to, and theirs, up to
    ``depth`` deep, each with the names its parameters give the root."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for function, names in _handed(owner, node, roots, seen, depth):
                found.append((function, names))
                found += _helpers(function, _source_tree(function), names, seen, depth - 1)
    return found


def _follow(owner: Any, tree: ast.AST, roots: Set[str], shape: DataShape, seen: Set[Any], depth: int) -> None:
    """Reads the helpers of the package (functions of its modules, methods of the class)
    that the data is handed to, under the name of the parameter that receives it."""
    for function, names in _helpers(owner, tree, roots, seen, depth):
        _read_shape(_source_tree(function), names, shape)


def _read_shape(tree: ast.AST, roots: Set[str], shape: DataShape) -> None:
    items: Set[str] = set()  # names bound to one item: `for item in dataset`, `item = dataset[i]`
    rows: Dict[str, str] = {}  # names bound to a value of a column: `for x in dataset.infos` -> infos
    infos: Dict[str, str] = {}  # names bound to `dataset.get_data_info(i)` -> the method

    def unpacked(target: ast.AST) -> None:
        if isinstance(target, ast.Name):
            items.add(target.id)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for i, elt in enumerate(target.elts):
                name = elt.id if isinstance(elt, ast.Name) and elt.id != "_" else ""
                if name or i not in shape.fields:
                    shape.fields[i] = name

    for node in ast.walk(tree):
        loops = []
        if isinstance(node, (ast.For, ast.comprehension)):
            loops.append((node.target, node.iter))
        for target, iterated in loops:
            if _iterated(iterated, roots):
                item = _item_target(target, iterated)
                if item is not None:
                    unpacked(item)
            elif isinstance(iterated, ast.Attribute) and _is_root(iterated.value, roots):
                if isinstance(target, ast.Name):
                    rows[target.id] = iterated.attr
                _unpacked_column(target, iterated.attr, shape)
            elif _column_enumerated(iterated, roots):
                _unpacked_column(_item_target(target, iterated), iterated.args[0].attr, shape)
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            value = node.value
            if isinstance(value, ast.Subscript) and _is_root(value.value, roots):
                unpacked(node.targets[0])
            elif (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Attribute)
                and _is_root(value.func.value, roots)
                and isinstance(node.targets[0], ast.Name)
            ):
                infos[node.targets[0].id] = value.func.attr
    callees = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.func, ast.Attribute)
            and _is_root(node.func.value, roots)
            and not node.func.attr.startswith("_")
        ):
            shape.getters.add(node.func.attr)
        is_len = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len"
        if is_len and node.args:
            shape.sized = shape.sized or _an_item(node.args[0], items, roots)
            measured = node.args[0]
            keyed = isinstance(measured, ast.Subscript) and _string(measured.slice)
            if keyed and _an_item(measured.value, items, roots):
                shape.measured.add(measured.slice.value)
            elif isinstance(measured, ast.Attribute) and _an_item(measured.value, items, roots):
                shape.measured.add(measured.attr)
            elif isinstance(measured, ast.Name) and measured.id in rows:
                shape.sequences.add(rows[measured.id])
            elif (
                isinstance(measured, ast.Subscript)
                and isinstance(measured.value, ast.Attribute)
                and _is_root(measured.value.value, roots)
            ):
                shape.sequences.add(measured.value.attr)
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Load)
            and id(node) not in callees
            and not node.attr.startswith("_")
            and _an_item(node.value, items, roots)
        ):
            shape.attrs.add(node.attr)  # `item.duration`, `dataset[i].label`
        column = _array_column(node, roots)
        if column is not None:
            shape.fields.setdefault(column, "")  # `labels[:, 0]`, `labels[i, 1]`: rows of fields
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            inner, key = node.value, node.slice.value
            if isinstance(inner, ast.Name) and inner.id in rows and isinstance(key, str):
                shape.rows.setdefault(rows[inner.id], set()).add(key)
            elif (isinstance(inner, ast.Subscript) and _is_root(inner.value, roots)) or (
                isinstance(inner, ast.Name) and inner.id in items
            ):
                if isinstance(key, int) and not isinstance(key, bool) and key >= 0:
                    shape.fields.setdefault(key, "")
                elif isinstance(key, str):
                    shape.keys.add(key)
            elif isinstance(key, str):
                method = None
                if isinstance(inner, ast.Name) and inner.id in infos:
                    method = infos[inner.id]
                elif (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and _is_root(inner.func.value, roots)
                ):
                    method = inner.func.attr
                if method is not None:
                    shape.infos.setdefault(method, set()).add(key)
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Load)
            and id(node) not in callees
            and _is_root(node.value, roots)
            and not node.attr.startswith("_")
            and ast.unparse(node) not in roots
        ):
            shape.columns.add(node.attr)


def _column_enumerated(node: ast.AST, roots: Set[str]) -> bool:
    """``node`` is `enumerate(dataset.column)`."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "enumerate"):
        return False
    return bool(node.args) and isinstance(node.args[0], ast.Attribute) and _is_root(node.args[0].value, roots)


def _unpacked_column(target: Optional[ast.AST], column: str, shape: DataShape) -> None:
    """DataShape.unpacked, where a loop over ``column`` unpacks each value into ``target``."""
    if isinstance(target, ast.Tuple) and not any(isinstance(elt, ast.Starred) for elt in target.elts):
        names = [elt.id if isinstance(elt, ast.Name) and elt.id != "_" else "" for elt in target.elts]
        shape.unpacked[column] = dict(enumerate(names))


def _array_column(node: ast.AST, roots: Set[str]) -> Optional[int]:
    """The field a 2-D index of the data reads (`labels[:, 0]`, `labels[i, 1]`: an array of
    rows), or None."""
    if not (isinstance(node, ast.Subscript) and _is_root(node.value, roots) and isinstance(node.slice, ast.Tuple)):
        return None
    parts = node.slice.elts
    last = parts[-1] if len(parts) == 2 else None
    if isinstance(last, ast.Constant) and type(last.value) is int and last.value >= 0:
        return last.value
    return None


def _an_item(node: ast.AST, items: Set[str], roots: Set[str]) -> bool:
    """``node`` is one item of the data: a name bound to one, or ``dataset[i]`` (a slice
    of the data is no item)."""
    if isinstance(node, ast.Name):
        return node.id in items
    whole = isinstance(node, ast.Subscript) and not isinstance(node.slice, ast.Slice)
    return whole and _is_root(node.value, roots)


@dataclass
class Use:
    """What the class's code does with a value that nothing else says how to make: the
    kind of value follows from it (see arguments._from_use)."""

    called: bool = False  # called (any arguments are taken: the class may pass more elsewhere)
    result: Optional["Use"] = None  # how the call's result is used
    tested: bool = False  # `if x`, `x and y`, `not x`
    numeric: bool = False  # arithmetic, range(), compared, a subscript bound
    iterated: bool = False  # `for _ in x`, len(x), x[i]
    items: Optional["Use"] = None  # how its items are used
    strings: Set[str] = field(default_factory=set)  # compared with these constants
    keyed: bool = False  # `.keys()`, `.values()`, `.items()`: a dict, whose values are its items
    array: bool = False  # `.ndim`, `.sum()`, `.astype()`, `np.nonzero(x == c)`: a numpy array
    tensor: bool = False  # it, or a part of it (`x[batch]`), is handed to `torch.argsort()`...
    keys: Dict[str, "Use"] = field(default_factory=dict)  # `x["sampler"]`, `"sampler" in x`: a dict
    positions: Set[int] = field(default_factory=set)  # `x[1]`, `x[-1]`: a record (a tuple)
    guarded: bool = False  # compared with None (`x is None`): None is one of its values
    # Builtin types it is required to be (`assert isinstance(x, list)`): a record read at
    # constant positions is then that, not a tuple.
    kinds: Set[str] = field(default_factory=set)
    # Drawn from (`random.choice(x)`, `np.random.choice(x, k)`): a population of values,
    # a list, not a sampler.
    picked: bool = False
    # Unpacked into names (`begin, end = x`, opaque.py): a span, its values in order.
    unpacked: bool = False
    # The weights of a draw (`torch.multinomial(w, k)`, `np.random.choice(n, p=w)`,
    # `random.choices(x, weights=w)`): floats, one per thing drawn, which a list of keys or
    # sizes is not (multinomial takes no integers, numpy's p must sum to 1).
    weights: bool = False

    def __bool__(self) -> bool:
        return bool(
            self.called
            or self.tested
            or self.numeric
            or self.iterated
            or self.strings
            or self.keyed
            or self.array
            or self.keys
            or self.positions
            or self.weights
        )


# Methods of a dict: what `.values()` yields is what `d[key]` gives.
MAPPING_METHODS = {"keys", "values", "items"}
# Attributes and methods of a numpy array, and the functions that take a comparison of one
# element by element (a list compared with a number is one bool).
ARRAY_ATTRIBUTES = {"ndim", "shape", "dtype", "sum", "astype", "nonzero", "argsort", "cumsum", "mean", "tolist"}
_ELEMENTWISE = {"nonzero", "where", "argwhere", "flatnonzero"}
# Methods of a torch tensor that a numpy array lacks (`labels.unique()`, `x.numel()`,
# `g.long()`): a value used so is a tensor.
TENSOR_ATTRIBUTES = {
    "unique", "numel", "long", "cpu", "cuda", "unsqueeze", "masked_select", "index_select", "bincount"
}


# Methods of a sequence a class hands on or calls itself: it is indexed or iterated.
_SEQUENCE_PROTOCOL = {"__getitem__", "__iter__", "__len__", "__contains__"}
# Calls whose argument is iterated (`len(x)`, `iter(x)`, `sorted(x)`), whose argument is
# a number (`range(n)`, `int(n)`), and that make an array of it (`np.array(labels)`).
_ITERATING = {"len", "iter", "list", "tuple", "sorted", "enumerate", "zip", "sum", "set", "max", "min"}
# torch's and numpy's makers of a sequence of n (`torch.randperm(self.n)`) take a number too.
_NUMERIC = {"range", "int", "float", "round", "abs", "randperm", "arange"}
# Containers a class may require its value to be (`isinstance(x, list)`).
_BUILTIN_KINDS = {"list", "tuple"}
# Functions returning one item of what they are given (`random.choice(samples)`).
_PICKING = {"choice"}
# Functions that draw by weights, and where they take them: the first argument of these,
# the keyword of those (`np.random.choice(ids, k, p=w)`).
_WEIGHING = {"multinomial", "WeightedRandomSampler"}
_WEIGHT_KEYWORDS = {"p": {"choice"}, "weights": {"choices", "WeightedRandomSampler"}}
# Functions that reorder what they are given in place (`np.random.shuffle(idxs)`): a
# list of values, which a sampler is not.
_SHUFFLING = {"shuffle"}
# Keywords that take how many to draw or make (`random.choices(x, k=n)`,
# `np.random.choice(x, size=n)`, `torch.multinomial(w, num_samples=n)`).
_COUNT_KEYWORDS = {"k", "size", "num_samples"}
# numpy's and torch's functions that order or reduce what they are given make an array of
# it too (`np.argsort(difficulties)`, `np.cumsum(sizes)`).
_ARRAYS = {
    "array", "asarray", "tensor", "as_tensor", "LongTensor", "from_numpy", "unique", "bincount",
    "argsort", "argmax", "argmin", "cumsum", "mean", "median", "percentile", "quantile", "digitize", "lexsort",
}
_ARITHMETIC = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
# Items followed through a loop target or a subscript this many levels deep.
_USE_DEPTH = 2


def class_trees(cls: type) -> List[Tuple[type, ast.AST]]:
    """The parsed source of the class and of its bases (not torch's): a base often holds
    the loop over what the subclass stores."""
    trees = []
    for klass in cls.__mro__:
        if klass is object or klass.__module__.split(".")[0] in ("torch", "typing", "builtins"):
            continue
        tree = _source_tree(klass)
        if tree is not None:
            trees.append((klass, tree))
    return trees


# Numbers above this are not drawn as sizes: an item that long is no small example.
LIMIT_MAX = 4096


def size_limits(cls: type) -> Tuple[int, ...]:
    """Whole numbers the class (or a base) compares with (`if length < 100`, `len(x) > 220`)
    or takes as a default (`max_len=512`, `boundaries=[64, 128]`), also under a name of its
    module or class (`n <= MAX_TOKENS`, `self.MAX_LEN`): sizes are drawn around
    them too, so that a bucket boundary or a length limit written in the code is crossed."""
    found: Set[int] = set()
    for klass, tree in class_trees(cls):
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare):
                parts: List[ast.AST] = [node.left, *node.comparators]
                found |= {v for v in (_named_int(klass, part) for part in parts) if v is not None}
            elif isinstance(node, ast.arguments):
                parts = [*node.defaults, *(d for d in node.kw_defaults if d is not None)]
            else:
                continue
            for part in parts:
                found |= {
                    c.value
                    for c in ast.walk(part)
                    if isinstance(c, ast.Constant) and type(c.value) is int and 2 <= c.value <= LIMIT_MAX
                }
    return tuple(sorted(found))


def _named_int(klass: type, node: ast.AST) -> Optional[int]:
    """The whole number a compared name stands for: a global of the class's module
    (`n <= MAX_TOKENS`) or an attribute of the class (`n < self.MAX_LEN`)."""
    if isinstance(node, ast.Name):
        value = getattr(sys.modules.get(klass.__module__), "__dict__", {}).get(node.id)
    elif isinstance(node, ast.Attribute) and ast.unparse(node.value) in ("self", "cls"):
        value = inspect.getattr_static(klass, node.attr, None)
    else:
        return None
    return value if type(value) is int and 2 <= value <= LIMIT_MAX else None


def use_of(cls: type, path: str) -> Use:
    """How the class uses ``path``: a parameter (`samplers`) or a field read from one
    (`opts.samples_per_class`), and the attributes of ``self`` the constructor stores it in."""
    head, _, rest = path.partition(".")
    use = Use()
    trees = class_trees(cls)
    roots = held_in(trees, path)
    for klass, tree in trees:
        _classify_in(klass, tree, roots, use, _USE_DEPTH)
    if rest:
        # A field read by a helper the parameter is handed to (`_batch_size_of(cfg)`):
        # used there as the helper's code uses it. (A parameter itself handed to one is
        # followed by _classify.)
        heads = {root for _, tree in trees for root in stored_as(tree, head)}
        seen: Set[Any] = set()
        for klass, tree in trees:
            for helper, names in _helpers(klass, tree, heads, seen, _HELPER_DEPTH):
                paths = {f"{name}.{rest}" for name in names}
                _classify_in(helper, _source_tree(helper), paths, use, _USE_DEPTH)
    return use


def held_in(trees: List[Tuple[type, ast.AST]], path: str) -> Set[str]:
    """``path`` (a parameter, or a field read from one: `opts.batch_size`) and the
    attributes of ``self`` that hold it: stored by one class of the hierarchy, read by
    another's methods (`self.lengths`, `self.flag = self.dataset.flag`)."""
    head, _, rest = path.partition(".")
    roots = {root + ("." + rest if rest else "") for _, tree in trees for root in stored_as(tree, head)}
    return roots | {alias for _, tree in trees for alias in _aliases(tree, roots)}


def _aliases(tree: ast.AST, roots: Set[str]) -> Set[str]:
    """The attributes of ``self`` a path is stored in (`self.flag = self.dataset.flag`)."""
    return {
        ast.unparse(node.targets[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Attribute)
        and ast.unparse(node.value) in roots
    }


def _classify_in(owner: Any, tree: ast.AST, roots: Set[str], use: Use, depth: int) -> None:
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = [n for n in ast.walk(tree) if _names(n, roots)]
    _classify(found, _Scope(owner, parents), use, depth)


@dataclass
class _Scope:
    owner: Any  # the class, or the helper function, whose source is read
    parents: Dict[int, ast.AST]


def _helper_use(call: ast.Call, node: ast.AST, scope: _Scope, use: Use, depth: int) -> None:
    """How a helper of the package (a function of the module, a method of the class) uses
    the value handed to it, under the name of the parameter that receives it."""
    module = sys.modules.get(getattr(scope.owner, "__module__", ""))
    owner = scope.owner if inspect.isclass(scope.owner) else None
    function, skipped = _callee(call.func, owner, module)
    helper = inspect.isfunction(function) or inspect.isclass(function)
    if not depth or not helper or not _in_package(function, module):
        return
    try:
        params = list(inspect.signature(function).parameters)[skipped:]
    except (TypeError, ValueError):
        return
    index = next(i for i, arg in enumerate(call.args) if arg is node)
    if index >= len(params):
        return
    if inspect.isclass(function):
        # Another class of the module built with it (a distributed wrapper builds the
        # batch sampler of the same module in __iter__): used as that class uses it.
        for klass, tree in class_trees(function):
            _classify_in(klass, tree, stored_as(tree, params[index]), use, depth - 1)
        return
    tree = _source_tree(function)
    if tree is not None:
        _classify_in(function, tree, {params[index]}, use, depth - 1)


def _in_package(function: Any, module: Any) -> bool:
    """Whether ``function`` (or a class) is defined in ``module``'s package: a project's
    utils module holds the helpers its samplers hand their settings to (`split_every(x,
    size)` imported from `._common`), read as _handed reads them; not installed libraries."""
    if module is None:
        return False
    if function.__module__ == module.__name__:
        return True
    folder = _package_folder(module)
    try:
        source = os.path.abspath(inspect.getsourcefile(function) or "")
    except TypeError:
        return False
    return folder is not None and source.startswith(folder + os.sep)


def _names(node: ast.AST, roots: Set[str]) -> bool:
    return (
        isinstance(node, (ast.Name, ast.Attribute, ast.Subscript))
        and isinstance(getattr(node, "ctx", None), ast.Load)
        and ast.unparse(node) in roots
    )


def called_name(call: ast.AST) -> str:
    """The name a call calls (`f` of `f(x)`, `m` of `obj.m(x)`), "" for anything else."""
    if isinstance(call, ast.Call):
        func = call.func
        return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    return ""


def _to_torch(node: ast.AST, parents: Dict[int, ast.AST]) -> bool:
    """Whether ``node``, or what a subscript takes of it (`seqlens[partition]`), is an
    argument of a function of torch (`torch.argsort(...)`), which takes a tensor only."""
    parent = parents.get(id(node))
    while isinstance(parent, ast.Subscript) and parent.value is node:
        node, parent = parent, parents.get(id(parent))
    return (
        isinstance(parent, ast.Call)
        and node in parent.args
        and isinstance(parent.func, ast.Attribute)
        and isinstance(parent.func.value, ast.Name)
        and parent.func.value.id == "torch"
        and parent.func.attr not in _TORCH_SIZED
    )


# Functions of torch that make a tensor of a size or a range they are given as numbers
# (`torch.arange(num_clips)`, `torch.randperm(n)`): a number there, not a tensor.
_TORCH_SIZED = {
    "arange", "randperm", "randint", "zeros", "ones", "empty", "full", "rand", "randn", "manual_seed"
}


def _weighs(node: ast.AST, parent: ast.AST, parents: Dict[int, ast.AST]) -> bool:
    """Whether ``node`` is handed to a draw as its weights (_WEIGHING, _WEIGHT_KEYWORDS)."""
    if isinstance(parent, ast.Call):
        return bool(parent.args) and parent.args[0] is node and called_name(parent) in _WEIGHING
    return isinstance(parent, ast.keyword) and called_name(parents.get(id(parent))) in _WEIGHT_KEYWORDS.get(
        parent.arg or "", ()
    )


def _position(node: ast.AST) -> Optional[int]:
    """The constant whole number ``node`` is (`1`, `-1`), else None."""
    value = _literal(node)
    return value if type(value) is int else None


def _string(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _membership(compare: ast.Compare, node: ast.AST) -> List[str]:
    """The constant strings `compare` looks for in ``node`` (`"sampler" in info`)."""
    if len(compare.ops) != 1 or not isinstance(compare.ops[0], (ast.In, ast.NotIn)):
        return []
    if compare.comparators[0] is not node or not _string(compare.left):
        return []
    return [compare.left.value]


def _classify(found: List[ast.AST], scope: _Scope, use: Use, depth: int) -> None:
    parents = scope.parents
    for node in found:
        parent = parents.get(id(node))
        if parent is None:
            continue
        use.tensor = use.tensor or _to_torch(node, parents)
        if _weighs(node, parent, parents):
            use.weights = use.iterated = True
        elif isinstance(parent, ast.keyword) and parent.arg in _COUNT_KEYWORDS:
            use.numeric = True
        elif isinstance(parent, ast.Call) and parent.func is node:
            use.called = True
            use.result = use.result or Use()
            _classify([parent], scope, use.result, depth)
        elif isinstance(parent, ast.Call) and node in parent.args:
            name = called_name(parent)
            if name == "isinstance" and parent.args[0] is node and len(parent.args) == 2:
                kinds = parent.args[1].elts if isinstance(parent.args[1], ast.Tuple) else [parent.args[1]]
                use.kinds |= {kind.id for kind in kinds if isinstance(kind, ast.Name) and kind.id in _BUILTIN_KINDS}
            elif name in _PICKING and parent.args[0] is node:
                # What it returns is one of the items, used as the code uses it (its other
                # arguments are counts: `np.random.choice(ids, k)`).
                use.iterated = use.picked = True
                use.items = use.items or Use()
                if depth:
                    _classify([parent], scope, use.items, depth - 1)
            elif name in _SHUFFLING and parent.args[0] is node:
                use.iterated = use.picked = True
            elif name in ("copy", "deepcopy") and parent.args[0] is node:
                _classify([parent], scope, use, depth)  # a copy is used as the value would be
            elif name in ("max", "min") and len(parent.args) > 1:
                use.numeric = True  # min(a, b): two numbers, not an iterable
            elif name in _ITERATING or name in _ARRAYS:
                use.iterated = True
                if name in ("iter", "enumerate", "zip"):
                    use.items = use.items or Use()
            elif name in _NUMERIC:
                use.numeric = True
            else:
                _helper_use(parent, node, scope, use, depth)
        elif (
            isinstance(parent, ast.Attribute)
            and parent.attr in MAPPING_METHODS
            and isinstance(parents.get(id(parent)), ast.Call)
            # Called (`x.items()`), not an attribute that is handed on (`enumerate(x.items)`).
            and parents[id(parent)].func is parent
        ):
            use.keyed = use.iterated = True
            use.items = use.items or Use()
            if parent.attr == "values" and depth:
                values = Use()
                _classify([parents[id(parent)]], scope, values, depth - 1)
                use.items = values.items or use.items
        elif isinstance(parent, ast.Attribute) and parent.attr in _SEQUENCE_PROTOCOL:
            # `sorted(order, key=lengths.__getitem__)`: indexed, as `lengths[i]` is.
            use.iterated = True
        elif isinstance(parent, ast.Attribute) and parent.attr in TENSOR_ATTRIBUTES:
            use.tensor = use.iterated = True
        elif isinstance(parent, ast.Attribute) and parent.attr in ARRAY_ATTRIBUTES:
            use.array = use.iterated = True
        elif isinstance(parent, ast.Compare) and called_name(parents.get(id(parent))) in _ELEMENTWISE:
            use.array = use.iterated = True
        elif isinstance(parent, (ast.If, ast.While, ast.IfExp, ast.Assert)) and parent.test is node:
            use.tested = True
        elif isinstance(parent, ast.BoolOp) or (isinstance(parent, ast.UnaryOp) and isinstance(parent.op, ast.Not)):
            use.tested = True
        elif isinstance(parent, (ast.BinOp, ast.AugAssign)) and isinstance(parent.op, _ARITHMETIC):
            use.numeric = True
        elif isinstance(parent, ast.Slice):
            use.numeric = True
        elif isinstance(parent, ast.Compare) and any(
            isinstance(o, ast.Constant) and o.value is None for o in [parent.left, *parent.comparators]
        ):
            use.guarded = True
        elif isinstance(parent, ast.Compare) and _membership(parent, node):
            for key in _membership(parent, node):
                use.keys.setdefault(key, Use())
        elif isinstance(parent, ast.Compare):
            others = [parent.left, *parent.comparators]
            strings = {o.value for o in others if isinstance(o, ast.Constant) and isinstance(o.value, str)}
            if strings:
                use.strings |= strings
            elif not any(isinstance(op, (ast.In, ast.NotIn, ast.Is, ast.IsNot)) for op in parent.ops):
                use.numeric = True
        elif isinstance(parent, ast.Subscript) and parent.value is node and _string(parent.slice):
            # Read by a constant key: a dict, each key's value used as the code uses it.
            value = use.keys.setdefault(parent.slice.value, Use())
            if depth:
                _classify([parent], scope, value, depth - 1)
        elif isinstance(parent, ast.Subscript) and parent.value is node:
            use.iterated = True
            if _position(parent.slice) is not None:
                # Read at a constant position (`sample[-1]`): a record, such as (path, index).
                use.positions.add(_position(parent.slice))
            if depth:
                use.items = use.items or Use()
                _classify([parent], scope, use.items, depth - 1)
        elif isinstance(parent, ast.Subscript) and parent.slice is node:
            use.numeric = True
        elif _loops_over(parent, node):
            use.iterated = True
            use.items = use.items or Use()
            if depth:
                _classify_loop(parent, parent.target, scope, use.items, depth - 1)
        elif isinstance(parent, ast.Assign) and parent.value is node and depth and _whole(node):
            # Read into a local first (`num_buffers = self.dataset.num_buffers`, then
            # `num_buffers // self.num_replicas`): used as the local is.
            _classify(fallback([], _local_reads, parent, scope), scope, use, depth - 1)


def fallback(default: Any, function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)``, or ``default`` when our own reading raises on code it was not
    grown on: a newer way of reading a class must leave the search as it was without it,
    never end the class as an internal error (a held-out class did so once)."""
    try:
        return function(*args)
    except Exception:
        return default


def _whole(node: ast.AST) -> bool:
    """The value itself or a field of it (`x`, `x.attr`, `x["key"]`), not what an index
    takes of it: `x[indices]` may be one item or, by an array of indices, a part of it,
    and a local holding it says nothing of the items."""
    return not isinstance(node, ast.Subscript) or isinstance(node.slice, ast.Constant)


def _local_reads(assign: ast.Assign, scope: _Scope) -> List[ast.AST]:
    """The reads of the one plain name ``assign`` binds, in the function that binds it
    (none for a tuple target or an attribute of ``self``: stored_as follows those)."""
    if len(assign.targets) != 1 or not isinstance(assign.targets[0], ast.Name):
        return []
    function = scope.parents.get(id(assign))
    while function is not None and not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        function = scope.parents.get(id(function))
    if function is None:
        return []
    name = assign.targets[0].id
    return [
        node
        for node in ast.walk(function)
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load)
    ]


def _loops_over(loop: Optional[ast.AST], iterated: ast.AST) -> bool:
    return isinstance(loop, (ast.For, ast.comprehension)) and loop.iter is iterated


def _classify_loop(loop: ast.AST, target: ast.AST, scope: _Scope, items: Use, depth: int) -> None:
    """The uses of the name ``target`` (bound to one item by ``loop``) in the loop's body,
    or in the whole comprehension, classified into ``items``."""
    if not isinstance(target, ast.Name):
        return
    body = loop if isinstance(loop, ast.For) else scope.parents.get(id(loop))
    roots = {target.id}
    found = [n for n in ast.walk(body) if _names(n, roots)] if body is not None else []
    _classify(found, scope, items, depth)
