"""`dplen check`: build the user's samplers from generated arguments and search, with
hypothesis, for one whose `len()` disagrees with the batches its `__iter__` yields.

Registering needs neither hypothesis nor torch, so a sampler module or a conftest.py can
do it whatever is installed; the search itself needs the `check` extra.
"""

from .registry import Registration, factory, random_sampler, register

__all__ = ["Registration", "factory", "random_sampler", "register", "check_class", "Options", "Result"]


def __getattr__(name):
    if name in ("check_class", "Options", "Result"):
        from . import search

        return getattr(search, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
