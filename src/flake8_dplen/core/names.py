"""Resolve the names a module uses to the dotted names they were imported as."""

from __future__ import annotations

from typing import Dict, Iterator, List, Optional

from . import syntax as cst

# What `from <module> import *` binds, for the torch modules whose names the rules resolve
# (their `__all__`): `from torch.utils.data import *` then `class S(BatchSampler)`.
STAR_EXPORTS = {
    "torch.utils.data.sampler": (
        "Sampler",
        "BatchSampler",
        "RandomSampler",
        "SequentialSampler",
        "SubsetRandomSampler",
        "WeightedRandomSampler",
    ),
    "torch.utils.data.distributed": ("DistributedSampler",),
}
STAR_EXPORTS["torch.utils.data"] = STAR_EXPORTS["torch.utils.data.sampler"] + ("DistributedSampler",)


def dotted(node: cst.BaseExpression) -> Optional[str]:
    """`a.b.c` for a Name/Attribute chain; generic subscripts resolve to their base."""
    if isinstance(node, cst.Subscript):
        return dotted(node.value)
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        head = dotted(node.value)
        return None if head is None else f"{head}.{node.attr.value}"
    return None


def last_name(expr: cst.BaseExpression) -> Optional[str]:
    """`x` for the name `x` or the attribute `a.x`."""
    if isinstance(expr, cst.Name):
        return expr.value
    if isinstance(expr, cst.Attribute):
        return expr.attr.value
    return None


def _module_level_statements(body) -> Iterator[cst.CSTNode]:
    # Imports under `try:` / `if TYPE_CHECKING:` at module level still bind names.
    for stmt in body:
        if isinstance(stmt, cst.SimpleStatementLine):
            yield from stmt.body
        elif isinstance(stmt, cst.If):
            yield from _module_level_statements(stmt.body.body)
            if isinstance(stmt.orelse, cst.Else):
                yield from _module_level_statements(stmt.orelse.body.body)
        elif isinstance(stmt, cst.Try):
            yield from _module_level_statements(stmt.body.body)
            for handler in stmt.handlers:
                yield from _module_level_statements(handler.body.body)


def _nested_imports(body) -> Iterator[cst.CSTNode]:
    """The import statements in the bodies of the module's functions and of its classes'
    methods (statements only: no expression is walked)."""
    for stmt in body:
        if isinstance(stmt, cst.ClassDef):
            yield from _nested_imports(stmt.body.body)
        elif isinstance(stmt, cst.FunctionDef):
            yield from _imports_in(stmt.body.body)


def _imports_in(body) -> Iterator[cst.CSTNode]:
    for stmt in body:
        if isinstance(stmt, cst.SimpleStatementLine):
            yield from (s for s in stmt.body if isinstance(s, (cst.Import, cst.ImportFrom)))
        elif isinstance(stmt, (cst.If, cst.Try, cst.With)):
            yield from _imports_in(stmt.body.body)
            if isinstance(stmt, cst.Try):
                for handler in stmt.handlers:
                    yield from _imports_in(handler.body.body)


def _resolve_relative(module_name: Optional[str], level: int, name: str) -> Optional[str]:
    if not level:
        return name
    if not module_name:
        return None
    parts = module_name.split(".")
    if level > len(parts):
        return None
    base = ".".join(parts[: len(parts) - level])
    return ".".join(p for p in (base, name) if p)


class ImportTable:
    """Local name -> dotted name, from the module's imports and its own top-level names."""

    def __init__(self, module: cst.Module, module_name: Optional[str] = None) -> None:
        self.module_name = module_name
        self.bindings: Dict[str, str] = {}
        # `from <module> import *` of modules whose exports are not listed here, in order:
        # a name bound nowhere else may come from one (core/project.py reads them).
        self.stars: List[str] = []
        own = module_name or "__main__"
        classes = {stmt.name.value for stmt in module.body if isinstance(stmt, cst.ClassDef)}
        # A module-level `def int(...)` or `math = ...` is not the builtin or the module.
        for stmt in module.body:
            if isinstance(stmt, cst.FunctionDef):
                self.bindings[stmt.name.value] = f"{own}.{stmt.name.value}"
        for stmt in _module_level_statements(module.body):
            if isinstance(stmt, (cst.Assign, cst.AnnAssign)):
                targets = [t.target for t in stmt.targets] if isinstance(stmt, cst.Assign) else [stmt.target]
                for target in targets:
                    if isinstance(target, cst.Name):
                        self.bindings[target.value] = f"{own}.{target.value}"
            elif isinstance(stmt, (cst.Import, cst.ImportFrom)):
                self._bind(stmt, module_name, classes, self.bindings)
        # An import inside a function or a method (`import torch.distributed as dist` in
        # __init__, keeping the module's own import light) binds its name there only; a
        # name the module binds nowhere else means that module wherever it is read.
        # Kept apart: read as the module's own (qualify), never written by a fix as if the
        # module had imported it (local_spelling, codegen's `math`).
        self.nested: Dict[str, str] = {}
        for stmt in _nested_imports(module.body):
            self._bind(stmt, module_name, classes, self.nested)
        for name in self.bindings:
            self.nested.pop(name, None)

    def _bind(self, stmt, module_name: Optional[str], classes, bindings: Dict[str, str]) -> None:
        if isinstance(stmt, cst.Import):
            for alias in stmt.names:
                full = dotted(alias.name)
                if full is None:
                    continue
                if alias.asname is not None:
                    bindings[alias.asname.name.value] = full
                else:
                    # `import torch.utils.data` binds `torch`.
                    head = full.split(".")[0]
                    bindings[head] = head
            return
        source = dotted(stmt.module) if stmt.module is not None else ""
        source = _resolve_relative(module_name, len(stmt.relative), source or "")
        if source is None:
            return
        if isinstance(stmt.names, cst.ImportStar):
            if source not in STAR_EXPORTS:
                self.stars.append(source)
            # A class of the module's own shadows the star-imported name.
            for name in STAR_EXPORTS.get(source, ()):
                if name not in classes:
                    bindings[name] = f"{source}.{name}"
            return
        for alias in stmt.names:
            imported = dotted(alias.name)
            local = alias.asname.name.value if alias.asname is not None else imported
            bindings[local] = f"{source}.{imported}" if source else imported

    def binding(self, name: str) -> Optional[str]:
        """The dotted name a local `name` is bound to, by the module or inside a function."""
        return self.bindings.get(name) or self.nested.get(name)

    def qualify(self, node: cst.BaseExpression) -> Optional[str]:
        """The dotted name `node` refers to, following import aliases."""
        name = dotted(node)
        if name is None:
            return None
        head, _, rest = name.partition(".")
        base = self.binding(head)
        if base is not None:
            return f"{base}.{rest}" if rest else base
        return name

    def local_spelling(self, qualified: str) -> Optional[str]:
        """How this module can spell `qualified` with its current bindings, if at all."""
        module, _, attr = qualified.rpartition(".")
        for local, target in self.bindings.items():
            if target == qualified:
                return local
        for local, target in self.bindings.items():
            if target == module:
                return f"{local}.{attr}"
        return None


def len_arg(expr: cst.BaseExpression) -> Optional[cst.BaseExpression]:
    """`x` when `expr` is `len(x)`."""
    if (
        isinstance(expr, cst.Call)
        and isinstance(expr.func, cst.Name)
        and expr.func.value == "len"
        and len(expr.args) == 1
    ):
        return expr.args[0].value
    return None
