"""What users tell the check about their samplers: how to build one, and whether its
batch count is random. Importable without hypothesis or torch, so a conftest.py or a
sampler module can register at import time whatever is installed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Optional, Union

Target = Union[type, str]


@dataclass(frozen=True)
class Registration:
    """How to build a class and judge it.

    ``factory`` is called instead of the class; its own parameters are generated the
    same way as a constructor's. ``args`` fixes parameters by name, each a hypothesis
    strategy or a plain value. ``strategy`` draws the whole keyword dict. ``random``
    judges the mean over ``epochs`` seeded epochs; ``expected(sampler)`` gives the
    expectation to judge it against instead of the observed mean."""

    factory: Optional[Callable[..., Any]] = None
    args: Dict[str, Any] = field(default_factory=dict)
    strategy: Any = None
    random: bool = False
    epochs: int = 20
    expected: Optional[Callable[[Any], float]] = None
    skip: str = ""  # why the class is not to be checked: it is reported so, not searched

    @property
    def builds(self) -> bool:
        """Whether it says how to build the class (a mark alone does not)."""
        return self.factory is not None or self.strategy is not None or bool(self.args)


_REGISTRY: Dict[str, Registration] = {}


def key(target: Target) -> str:
    """``module.Qualname`` of a class; a string is taken as such (``module:Class`` too).
    A bare class name, without a module, matches that class name in any module."""
    if isinstance(target, str):
        return target.replace(":", ".")
    return f"{target.__module__}.{target.__qualname__}"


def register(
    target: Target,
    factory: Optional[Callable[..., Any]] = None,
    *,
    args: Optional[Dict[str, Any]] = None,
    strategy: Any = None,
    random: bool = False,
    epochs: int = 20,
    expected: Optional[Callable[[Any], float]] = None,
    skip: str = "",
) -> Registration:
    """Tell ``dplen check`` how to build ``target`` (a class or its dotted name), or, with
    ``skip="the reason"``, that it is not to be checked (the report prints the reason)."""
    if epochs < 2 and (random or expected is not None):
        raise ValueError("a random sampler is judged over epochs >= 2")
    registration = Registration(
        factory, dict(args or {}), strategy, random or expected is not None, epochs, expected, skip.strip()
    )
    _REGISTRY[key(target)] = registration
    return registration


def factory(target: Target, **options: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator form of :func:`register` for a factory function::

    @factory("mypkg.data.MySampler")
    def make(dataset, batch_size: int):
        return MySampler(dataset, batch_size, tokenizer=load_tokenizer())
    """

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        register(target, function, **options)
        return function

    return decorate


def random_sampler(cls: Optional[type] = None, **options: Any) -> Any:
    """Class decorator: the number of batches of this sampler is random, so ``len()`` is
    judged against the mean over seeded epochs (``@random_sampler`` or
    ``@random_sampler(epochs=50, expected=lambda s: ...)``)."""

    def decorate(klass: type) -> type:
        known = _REGISTRY.get(key(klass), Registration())
        register(klass, known.factory, args=known.args, strategy=known.strategy, random=True, **options)
        return klass

    return decorate(cls) if cls is not None else decorate


def lookup(cls: type) -> Optional[Registration]:
    return _REGISTRY.get(key(cls)) or _REGISTRY.get(cls.__qualname__)
