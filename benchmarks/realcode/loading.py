"""Modules of an unpacked wheel run without importing its package (most packages'
dependencies are not installed here)."""

from __future__ import annotations
import __future__ as _future

import ast
import builtins
import types
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from .fetching import read_text

_REAL_IMPORT = builtins.__import__


class _Missing:
    """Stands in for a name whose import failed where a definition needs it only as a
    decorator or an annotation (`@typechecked`, `@REGISTRY.register_module()`, `x: Data`):
    called on a function or class it gives that back, otherwise another stand-in."""

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and not kwargs and callable(args[0]):
            return args[0]
        return _Missing()

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Missing()

    def __getitem__(self, item):
        return _Missing()

    def __or__(self, other):
        return _Missing()

    __ror__ = __or__


def _soft_names(stmt: ast.stmt) -> set:
    """Names a class or function statement uses in decorators and annotations."""
    names = set()
    for node in ast.walk(stmt):
        parts = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            parts += node.decorator_list
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            parts.append(node.returns)
        if isinstance(node, ast.arg):
            parts.append(node.annotation)
        if isinstance(node, ast.AnnAssign):
            parts.append(node.annotation)
        for part in parts:
            if part is not None:
                names.update(n.id for n in ast.walk(part) if isinstance(n, ast.Name))
    return names


def dotted_name(rel: str) -> str:
    parts = Path(rel).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


class TreeLoader:
    """Runs modules of an unpacked wheel without importing its package.

    Importing a package runs its `__init__` and pulls every dependency, most of which are
    not installed here. Instead each module runs statement by statement in a fresh module
    object: imports of the package's own modules are served from the tree (only the module
    asked for runs, not its parents' `__init__`), other imports are real, and a statement
    that fails is skipped and recorded. A sampler class usually needs only torch, numpy
    and a helper or two, so it survives."""

    def __init__(self, tree: Path, own: Sequence[str], overrides: Optional[Dict[str, str]] = None) -> None:
        self.tree = tree
        self.own = set(own)
        self.overrides = overrides or {}  # dotted name -> source used instead of the file's
        self.modules: Dict[str, types.ModuleType] = {}
        self.executed: set = set()
        self.skipped: Dict[str, List[str]] = defaultdict(list)
        self.builtins = dict(builtins.__dict__)
        self.builtins["__import__"] = self._import

    def _file(self, dotted: str) -> Tuple[Optional[Path], bool]:
        base = self.tree.joinpath(*dotted.split("."))
        if (base / "__init__.py").is_file():
            return base / "__init__.py", True
        if base.with_suffix(".py").is_file():
            return base.with_suffix(".py"), False
        return None, base.is_dir()

    def module(self, dotted: str, execute: bool = True) -> types.ModuleType:
        mod = self.modules.get(dotted)
        if mod is None:
            path, is_package = self._file(dotted)
            if path is None and not is_package:
                raise ImportError(f"{dotted} is not in {self.tree}")
            mod = types.ModuleType(dotted)
            mod.__file__ = str(path) if path else None
            mod.__package__ = dotted if is_package else dotted.rpartition(".")[0]
            if is_package:
                mod.__path__ = [str(self.tree.joinpath(*dotted.split(".")))]
            mod.__builtins__ = self.builtins
            self.modules[dotted] = mod
            parent, _, leaf = dotted.rpartition(".")
            if parent:
                setattr(self.module(parent, execute=False), leaf, mod)
        if execute and dotted not in self.executed:
            # Marked before it runs: a circular import then sees the partial module, as in Python.
            self.executed.add(dotted)
            if mod.__file__:
                self._run(mod)
        return mod

    def load_file(self, rel: str) -> types.ModuleType:
        return self.module(dotted_name(rel))

    def _run(self, mod: types.ModuleType) -> None:
        source = self.overrides.get(mod.__name__)
        tree = ast.parse(source if source is not None else read_text(Path(mod.__file__)))
        flags = 0
        for stmt in tree.body:
            if isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__":
                for alias in stmt.names:
                    feature = getattr(_future, alias.name, None)
                    flags |= getattr(feature, "compiler_flag", 0)
                continue
            code = compile(ast.Module([stmt], []), mod.__file__, "exec", flags=flags, dont_inherit=True)
            soft = _soft_names(stmt) if isinstance(stmt, (ast.ClassDef, ast.FunctionDef)) else set()
            for _ in range(8):
                try:
                    exec(code, mod.__dict__)
                except NameError as exc:
                    if exc.name in soft and exc.name not in mod.__dict__:
                        mod.__dict__[exc.name] = _Missing()
                        continue
                    self.skipped[mod.__name__].append(f"line {stmt.lineno}: NameError: {exc}")
                except (Exception, SystemExit) as exc:
                    first = str(exc).splitlines()[0][:120] if str(exc) else ""
                    self.skipped[mod.__name__].append(f"line {stmt.lineno}: {type(exc).__name__}: {first}")
                break

    def _import(self, name, globals=None, locals=None, fromlist=(), level=0):
        if level:
            package = (globals or {}).get("__package__") or ""
            bits = package.split(".")
            base = ".".join(bits[: len(bits) - (level - 1)]) if level > 1 else package
            absolute = f"{base}.{name}" if name else base
        else:
            absolute = name
        top = absolute.split(".")[0]
        if top not in self.own:
            if level:
                raise ImportError(f"relative import {absolute} outside the tree")
            return _REAL_IMPORT(name, globals, locals, fromlist, level)
        mod = self.module(absolute)
        if fromlist:
            for item in fromlist:
                if item != "*" and not hasattr(mod, item):
                    path, is_package = self._file(f"{absolute}.{item}")
                    if path is not None or is_package:
                        self.module(f"{absolute}.{item}")
            return mod
        return mod if level else self.modules[top]
