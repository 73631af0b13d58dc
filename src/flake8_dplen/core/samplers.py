"""Which classes of a module are samplers: torch's bases, the user's, and their subclasses."""

from __future__ import annotations

from typing import Dict, FrozenSet, Iterable, List, Optional, Tuple

from . import syntax as cst
from .classindex import ClassIndex, is_super_call, walk
from .names import STAR_EXPORTS, ImportTable
from .prefilter import duck_sampler
from .project import resolve_base

_TORCH_SAMPLERS = STAR_EXPORTS["torch.utils.data.sampler"]

TORCH_SAMPLER_BASES: FrozenSet[str] = frozenset(
    [f"torch.utils.data.{name}" for name in _TORCH_SAMPLERS + ("DistributedSampler",)]
    + [f"torch.utils.data.sampler.{name}" for name in _TORCH_SAMPLERS]
    + ["torch.utils.data.distributed.DistributedSampler"]
)


# What the `__len__` of a torch sampler returns, and the attributes that value is read
# from: a subclass that changes how many items __iter__ yields must change one of them.
TORCH_LEN_VALUES: Dict[str, Tuple[str, FrozenSet[str]]] = {
    "DistributedSampler": ("self.num_samples", frozenset({"num_samples"})),
    "RandomSampler": ("self.num_samples", frozenset({"num_samples", "_num_samples", "data_source"})),
    "WeightedRandomSampler": ("self.num_samples", frozenset({"num_samples"})),
    "SubsetRandomSampler": ("len(self.indices)", frozenset({"indices"})),
    "SequentialSampler": ("len(self.data_source)", frozenset({"data_source"})),
}


def torch_len_base(lineage: Iterable[cst.ClassDef], imports: ImportTable) -> Optional[str]:
    """The torch sampler (its class name) whose `__len__` the lineage inherits, if any:
    every torch sampler but `Sampler` itself defines one."""
    for klass in lineage:
        for base in klass.bases:
            name = imports.qualify(base.value) if base.keyword is None else None
            if name in TORCH_SAMPLER_BASES and not name.endswith(".Sampler"):
                return name.rpartition(".")[2]
    return None


def sets_batch_sampler_state(index: ClassIndex) -> bool:
    """The class sets what torch's BatchSampler.__len__ reads (else len() raises
    AttributeError): it has no __init__ of its own, or that __init__ calls
    `super().__init__(...)`, or it assigns `self.sampler`, `batch_size` and `drop_last`."""
    init = index.methods.get("__init__")
    return (
        init is None
        or any(isinstance(n, cst.Call) and _is_base_init(n.func) for n in walk(init.body))
        or all(index.self_assignments(a) for a in ("sampler", "batch_size", "drop_last"))
    )


def _is_base_init(func: cst.BaseExpression) -> bool:
    return isinstance(func, cst.Attribute) and func.attr.value == "__init__" and is_super_call(func.value)


def module_classes(module: cst.Module) -> Dict[str, cst.ClassDef]:
    """Top-level classes by name (the last definition wins, as at run time)."""
    found: Dict[str, cst.ClassDef] = {}
    for stmt in module.body:
        if isinstance(stmt, cst.ClassDef):
            found[stmt.name.value] = stmt
    return found


def _own_methods(cls: cst.ClassDef) -> List[str]:
    return [s.name.value for s in cls.body.body if isinstance(s, cst.FunctionDef)]


def _base_names(cls: cst.ClassDef) -> List[str]:
    # A keyword such as metaclass= counts as a base: the class is not a plain one.
    names = [base.value.value if isinstance(base.value, cst.Name) else "?" for base in cls.bases]
    return names + ["?"] * len(cls.keywords)


def find_samplers(
    classes: Dict[str, cst.ClassDef],
    imports: ImportTable,
    extra_bases: Iterable[str] = (),
    root: Optional[str] = None,
    depth: int = 0,
) -> List[cst.ClassDef]:
    """Classes deriving from a sampler base, directly or through classes of this module
    or of other modules of the project under `root` (core/project.py), and the plain
    classes `duck_sampler` takes for samplers."""
    known = TORCH_SAMPLER_BASES | frozenset(extra_bases)

    def project_sampler(node: cst.BaseExpression) -> bool:
        resolved = resolve_base(root, imports, node) if depth < 3 else None
        if resolved is None:
            return False
        klass, home = resolved
        name = klass.name.value
        if name not in home.samplers:
            home.samplers[name] = False  # a cycle of imports is no sampler
            found = find_samplers(home.classes, home.imports, extra_bases, root, depth + 1)
            home.samplers.update((k.name.value, True) for k in found)
        return home.samplers[name]

    verdict: Dict[str, bool] = {}

    def qualified_local(name: str) -> Optional[str]:
        return f"{imports.module_name}.{name}" if imports.module_name else None

    def is_sampler(name: str, seen: FrozenSet[str]) -> bool:
        if name in verdict:
            return verdict[name]
        if name in seen:
            return False
        cls = classes[name]
        result = qualified_local(name) in known or duck_sampler(name, _base_names(cls), _own_methods(cls))
        for base in cls.bases:
            if result:
                break
            if base.keyword is not None:
                continue
            target = imports.qualify(base.value)
            if target in known:
                result = True
            elif target in classes and target not in imports.bindings:
                result = is_sampler(target, seen | {name})
            elif root is not None:
                result = project_sampler(base.value)
        verdict[name] = result
        return result

    return [node for name, node in classes.items() if is_sampler(name, frozenset())]


def class_lineage(cls: cst.ClassDef, classes: Dict[str, cst.ClassDef]) -> List[cst.ClassDef]:
    """`cls` and its bases defined in this module, in a simple depth-first MRO."""
    order: List[cst.ClassDef] = []
    stack = [cls]
    while stack:
        current = stack.pop(0)
        if current in order:
            continue
        order.append(current)
        for base in current.bases:
            if isinstance(base.value, cst.Name) and base.value.value in classes:
                stack.append(classes[base.value.value])
            elif isinstance(base.value, cst.Subscript) and isinstance(base.value.value, cst.Name):
                name = base.value.value.value
                if name in classes:
                    stack.append(classes[name])
    return order
