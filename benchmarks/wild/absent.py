"""Permissive stand-ins for imports a sampler's module needs only to load (a harness's
`absent` names): any attribute is another stand-in, a class may inherit from one, a
decorator made of one gives back what it decorates."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import types
from typing import Iterable


class _Meta(type):
    def __getattr__(cls, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return stand_in(name)

    def __call__(cls, *args, **kwargs):
        if "_stand_in" not in cls.__dict__:  # a class of the project that inherits one
            return super().__call__(*args, **kwargs)
        if len(args) == 1 and not kwargs and callable(args[0]):
            return args[0]  # @decorator
        return stand_in(cls.__name__)

    def __getitem__(cls, item):  # Generic[T], Optional[X]
        return cls

    def __or__(cls, other):
        return cls

    __ror__ = __or__


def stand_in(name: str) -> type:
    return _Meta(name, (), {"_stand_in": True, "__init__": lambda self, *a, **k: None})


class _Module(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return stand_in(name)


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, names: Iterable[str]) -> None:
        self.names = set(names)

    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in self.names:
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        return None

    def create_module(self, spec):
        module = _Module(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module):
        pass


def install(names: Iterable[str]) -> None:
    if names:
        sys.meta_path.insert(0, _Finder(names))
