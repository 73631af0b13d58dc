"""Classes of other modules of the same project, read from disk as Python would import
them from the file's package (never imported): a sampler whose base is `from .base import
BaseSampler` inherits that base's `__len__` or `__iter__`, and the model must see them;
so must it see the functions a sampler imports from them (`from .utils import chunk`).

A module is looked for under the project's root, the folder above the file's top package
(or the file's own folder for a script), as `root/a/b.py` or `root/a/b/__init__.py`; a
name a package re-exports (`from .base import BaseSampler` in `__init__.py`) is followed.
torch's own modules are never read: the model knows its samplers by their semantics."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from . import syntax as cst
from .names import ImportTable

_FOLLOW = 4  # re-exports followed for one name, and modules crossed for one lineage


@dataclass(eq=False)
class Home:
    """A module the model reads a class from: what names in that class's code mean."""

    module: cst.Module
    imports: ImportTable
    classes: Dict[str, cst.ClassDef]
    root: Optional[str] = None
    samplers: Dict[str, bool] = field(default_factory=dict)  # find_samplers' verdicts, by name
    functions: Dict[str, cst.FunctionDef] = field(default_factory=dict)  # module-level ones


# Every class of every module read, to its module: a method of a base read from disk runs
# with its own module's imports, functions and constants.
_HOMES: Dict[cst.ClassDef, Home] = {}


def module_bindings(module: cst.Module) -> Dict[str, List[cst.BaseExpression]]:
    """Each module-level name bound by `name = value`, to the values it is bound to."""
    constants: Dict[str, List[cst.BaseExpression]] = {}
    for stmt in module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.Assign):
                    for target in small.targets:
                        if isinstance(target.target, cst.Name):
                            constants.setdefault(target.target.value, []).append(small.value)
    return constants


def home_of(klass: object) -> Optional[Home]:
    return _HOMES.get(klass)  # type: ignore[arg-type]


def project_root(path: Optional[str], module_name: Optional[str]) -> Optional[str]:
    """The folder `module_name` (the dotted name of the file at `path`) is imported from."""
    if not path or not module_name:
        return None
    folder = os.path.dirname(os.path.abspath(path))
    depth = module_name.count(".") + (1 if os.path.basename(path) == "__init__.py" else 0)
    for _ in range(depth):
        folder = os.path.dirname(folder)
    return folder


def _file_of(root: str, module: str) -> Optional[str]:
    base = os.path.join(root, *module.split("."))
    for candidate in (base + ".py", os.path.join(base, "__init__.py")):
        if os.path.isfile(candidate):
            return candidate
    return None


# Each module read, by path, with the modification time it was read at: read again only
# when the file changed, its old classes then forgotten (memory stays one tree a file).
_READ: Dict[str, Tuple[float, Optional[Home]]] = {}


def _read(path: str, root: str, module: str) -> Optional[Home]:
    mtime = os.path.getmtime(path)
    if path in _READ and _READ[path][0] == mtime:
        return _READ[path][1]
    if path in _READ and _READ[path][1] is not None:
        for klass in _READ[path][1].classes.values():
            _HOMES.pop(klass, None)
    try:
        with open(path, encoding="utf-8") as handle:
            tree = cst.parse_module(handle.read())
    except (OSError, UnicodeDecodeError, cst.ParserSyntaxError, RecursionError):
        _READ[path] = (mtime, None)
        return None
    # Relative imports in a package's __init__ start at the package itself.
    name = f"{module}.__init__" if path.endswith("__init__.py") else module
    classes = {s.name.value: s for s in tree.body if isinstance(s, cst.ClassDef)}
    functions = {s.name.value: s for s in tree.body if isinstance(s, cst.FunctionDef)}
    home = Home(tree, ImportTable(tree, name), classes, root, functions=functions)
    for klass in classes.values():
        _HOMES[klass] = home
    _READ[path] = (mtime, home)
    return home


def module_home(root: Optional[str], module: str) -> Optional[Home]:
    if root is None or not module or module.split(".")[0] == "torch":
        return None
    path = _file_of(root, module)
    if path is None:
        return None
    return _read(path, root, module)


def resolve_class(root: Optional[str], qualified: Optional[str]) -> Optional[Tuple[cst.ClassDef, Home]]:
    """The class `qualified` (a dotted name from an ImportTable) names in the project."""
    return _resolve(root, qualified, lambda home: home.classes)


def resolve_function(root: Optional[str], qualified: Optional[str]) -> Optional[Tuple[cst.FunctionDef, Home]]:
    """The module-level function `qualified` names in the project: a sampler's helper
    imported from a module of its own package (`from utils.magic import randPermutation`)."""
    return _resolve(root, qualified, lambda home: home.functions)


def _resolve(root, qualified, table):
    """The definition `qualified` names in the table (`table(home)`) of its module,
    following the re-exports of a package."""
    for _ in range(_FOLLOW):
        if not qualified or "." not in qualified:
            return None
        module, _, name = qualified.rpartition(".")
        home = module_home(root, module)
        if home is None:
            return None
        if name in table(home):
            return table(home)[name], home
        following = home.imports.bindings.get(name)
        if following is None or following == qualified:
            return None
        qualified = following
    return None


def resolve_base(
    root: Optional[str], imports: ImportTable, node: cst.BaseExpression
) -> Optional[Tuple[cst.ClassDef, Home]]:
    """The project's class a base expression of a module with `imports` names: through
    its imports, or a bare name one of its `from <module> import *` brings (the last
    one that has it, as Python binds them)."""
    qualified = imports.qualify(node)
    found = resolve_class(root, qualified)
    if found is None and qualified and "." not in qualified and not qualified.startswith("_"):
        for source in reversed(imports.stars):
            found = resolve_class(root, f"{source}.{qualified}")
            if found is not None:
                break
    return found


def foreign_bases(
    lineage: List[cst.ClassDef], imports: ImportTable, root: Optional[str]
) -> List[cst.ClassDef]:
    """The bases of `lineage` (one module's classes) defined in other modules of the
    project, each followed by its own lineage there, depth first: the rest of the MRO
    as far as the project's code goes."""
    from .samplers import class_lineage  # samplers imports this module

    found: List[cst.ClassDef] = []
    pending = [(lineage, imports)]
    crossed = 0
    while pending and crossed < _FOLLOW:
        current, table = pending.pop(0)
        local = {k.name.value for k in current}
        for klass in current:
            for base in klass.bases:
                value = base.value.value if isinstance(base.value, cst.Subscript) else base.value
                if base.keyword is not None or (isinstance(value, cst.Name) and value.value in local):
                    continue
                resolved = resolve_base(root, table, value)
                if resolved is None or resolved[0] in found:
                    continue
                klass_there, home = resolved
                theirs = [k for k in class_lineage(klass_there, home.classes) if k not in found]
                found.extend(theirs)
                pending.append((theirs, home.imports))
                crossed += 1
    return found
