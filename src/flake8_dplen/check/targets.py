"""From TARGETs (`module`, `module:Class`, a package, a path) to the sampler classes in
them: imported for real, and a sampler is what `issubclass` says it is, or a plain class
the lint takes as one (`duck_sampler`: DataLoader takes any iterable with a `__len__`)."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Dict, List, Sequence, Tuple

from ..core.prefilter import duck_sampler

# Folders a path target never enters: not the user's code.
_SKIPPED_DIRS = {"__pycache__", ".git", ".venv", "venv", "node_modules", "build", "dist"}
_SKIPPED_FILES = {"conftest.py", "setup.py", "__main__.py"}


@dataclass
class Found:
    classes: List[type] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)  # one line each: target and cause
    without_len: List[type] = field(default_factory=list)  # samplers with nothing to compare
    notes: List[str] = field(default_factory=list)  # modules passed over, and why


class _NoSuchPath(Exception):
    pass


def _error(target: str, exc: BaseException) -> str:
    if isinstance(exc, _NoSuchPath):
        return f"{target}: no such file or folder"
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{target}: cannot import: {type(exc).__name__}: {first}"


def _script(name: str, exc: SystemExit) -> str:
    return (
        f"{name}: skipped: it exits at import (sys.exit({exc.code!r}), a script that parses its"
        " command line); samplers are looked for in importable modules"
    )


def module_name(path: Path) -> Tuple[Path, str]:
    """The folder above a file's top package, and the dotted name the packages give it."""
    path = path.resolve()
    parts = [path.stem] if path.name != "__init__.py" else []
    folder = path.parent
    while (folder / "__init__.py").is_file():
        parts.insert(0, folder.name)
        folder = folder.parent
    return folder, ".".join(parts)


def import_path(path: Path) -> ModuleType:
    """Import a file by its dotted name, with the folder above its top package first on
    sys.path, so that its relative imports work."""
    folder, name = module_name(path)
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    return importlib.import_module(name)


def _modules(target: str, errors: List[str], notes: List[str]) -> List[ModuleType]:
    path = Path(target)
    if target.endswith(".py") or "/" in target or os.sep in target or path.exists():
        if not path.exists():
            raise _NoSuchPath()
        if path.is_file() or (path / "__init__.py").is_file():
            return _with_submodules(
                import_path(path / "__init__.py" if path.is_dir() else path), errors, notes
            )
        files = sorted(
            p
            for p in path.rglob("*.py")
            if p.name not in _SKIPPED_FILES and not _SKIPPED_DIRS & set(p.relative_to(path).parts[:-1])
        )
        modules = []
        for file in files:
            try:
                modules.append(import_path(file))
            except SystemExit as exc:
                notes.append(_script(str(file), exc))
            except Exception as exc:
                errors.append(_error(str(file), exc))
        return modules
    return _with_submodules(importlib.import_module(target), errors, notes)


def _with_submodules(module: ModuleType, errors: List[str], notes: List[str]) -> List[ModuleType]:
    modules = [module]
    if not hasattr(module, "__path__"):
        return modules
    for info in pkgutil.walk_packages(module.__path__, module.__name__ + ".", onerror=lambda name: None):
        if info.name.rsplit(".", 1)[-1] == "__main__":
            continue
        try:
            modules.append(importlib.import_module(info.name))
        except SystemExit as exc:
            notes.append(_script(info.name, exc))
        except Exception as exc:
            errors.append(_error(info.name, exc))
    return modules


def sampler_bases(dotted: Sequence[str]) -> Tuple[Tuple[type, ...], List[str]]:
    """torch's Sampler and the configured `dplen-sampler-bases` that can be imported."""
    from torch.utils.data import Sampler

    bases, errors = [Sampler], []
    for name in dotted:
        module, _, attr = name.replace(":", ".").rpartition(".")
        try:
            bases.append(getattr(importlib.import_module(module), attr))
        except Exception as exc:
            errors.append(_error(f"dplen-sampler-bases {name}", exc))
    return tuple(bases), errors


def _is_sampler(cls: type, bases: Tuple[type, ...]) -> bool:
    try:
        if cls in bases or inspect.isabstract(cls):
            return False
        return issubclass(cls, bases) or _duck(cls)
    except TypeError:  # a class whose metaclass refuses issubclass
        return False


def _duck(cls: type) -> bool:
    """A plain class named as a sampler with both methods (Megatron's pretraining samplers,
    few-shot episode samplers), or a subclass of one: the same test as the lint's."""
    return any(
        duck_sampler(klass.__name__, [base.__name__ for base in klass.__bases__], vars(klass))
        for klass in cls.__mro__[:-1]
    )


def resolve(targets: Sequence[str], bases: Tuple[type, ...]) -> Found:
    found = Found()
    seen: Dict[int, None] = {}

    def add(cls: type) -> None:
        if id(cls) in seen:
            return
        seen[id(cls)] = None
        has_len = getattr(cls, "__len__", None) is not None
        (found.classes if has_len else found.without_len).append(cls)

    for target in targets:
        where, _, qualname = target.partition(":")
        try:
            modules = _modules(where, found.errors, found.notes)
        except (Exception, SystemExit) as exc:
            found.errors.append(_error(target, exc))
            continue
        if qualname:
            obj = modules[0]
            try:
                for attr in qualname.split("."):
                    obj = getattr(obj, attr)
            except AttributeError:
                found.errors.append(f"{target}: no class {qualname} in {modules[0].__name__}")
                continue
            if not inspect.isclass(obj):
                found.errors.append(f"{target}: {qualname} is not a class")
                continue
            add(obj)  # named explicitly: checked whatever its bases
            continue
        for module in modules:
            for value in list(vars(module).values()):
                if (
                    inspect.isclass(value)
                    and value.__module__ == module.__name__
                    and _is_sampler(value, bases)
                ):
                    add(value)
    return found
