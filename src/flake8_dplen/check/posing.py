"""A generated dataset that the class's own validation takes for the class it requires.

A constructor that checks the kind of its dataset (`if not isinstance(data_source,
PairDataset): raise ValueError(...)`, `assert isinstance(dataset, MultiDataset)`) rejects
every Table or Records the search draws, and the class was "could not build" whatever the
data: the check names a class of the user's project whose own constructor reads files.
The search cannot make one, but it need not: what the sampler reads of its dataset is
what reads.data_shape reads, and the Table drawn from that answers it. The Table only
answers ``isinstance`` as the required class too (``__class__``, as ``unittest.mock``'s
``spec`` does); its behaviour is the Table's, so a sampler built on it reads nothing the
Table would not give it undisguised. ``posing_as(Kind, Table(...))`` rebuilds it in a
pasted test.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

from .records import Table

POSING = "from flake8_dplen.check.posing import posing_as"


def posing_as(kind: type, data: Any) -> Any:
    """``data`` (a generated dataset: a Table, Records, or ``range(n)``) answering
    ``isinstance(x, kind)``; ``data`` itself where it already is one."""
    if isinstance(data, kind):
        return data
    if isinstance(data, range) and data.start == 0 and data.step == 1:
        data = Table(len(data))  # a Table of no fields is read as the range it stands for
    poser = _poser(type(data), kind)
    posed = object.__new__(poser)
    posed.__dict__.update(vars(data))
    return posed


@lru_cache(maxsize=None)
def _poser(base: type, kind: type) -> type:
    # __class__ is what isinstance() asks after the type itself: the Table keeps its own
    # type (and so its attribute lookups and printing) and says it is of `kind`.
    return type(base.__name__, (base,), {"__class__": property(lambda self: kind)})


def required_kind(kind: Any) -> Optional[type]:
    """The class a dataset parameter must be an instance of, as a generated dataset can pose
    for it: a class of the user's code or torch's Dataset protocols, not a builtin value
    (a list, a dict: the parameter is no dataset then) nor a sampler (whose behaviour the
    check of its kind stands for)."""
    from torch.utils.data import Sampler

    if not isinstance(kind, type) or kind.__module__ == "builtins" or issubclass(kind, Sampler):
        return None
    return kind
