"""The runtime judge: run a real sampler and compare `len()` with what it yields.

Imports nothing of the lint core, and no torch: it runs wherever the sampler runs.

Its names are loaded on first use: the lint core imports one helper of this package
(`runtime.poisson`, whose source the codemod copies), and an eager `__init__` loaded the
whole judge with it in every flake8 run that met a sampler.
"""

from importlib import import_module

# The module of each name that is not one of length.__all__ (the judge itself).
_ELSEWHERE = {"as_rank": "distributed", "process_group": "distributed", "TimedOut": "limits", "time_limit": "limits"}


def __getattr__(name: str):
    if name == "__all__":
        # length's own __all__, not a second list of its names to keep in step.
        return [*_ELSEWHERE, *import_module(".length", __name__).__all__]
    if name in _ELSEWHERE:
        return getattr(import_module(f".{_ELSEWHERE[name]}", __name__), name)
    length = import_module(".length", __name__)
    if name in length.__all__:
        return getattr(length, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
