"""Generated datasets: :class:`Table`, shaped as the class's code reads its data
(reads.data_shape), and :class:`Records`, whose items answer whatever a sampler asks.

Some samplers read their data through the dataset: ``dataset.get_data_info(i)["width"]``
to group images by aspect ratio, ``dataset.get_dataset_source(i)`` to bucket by source.
``self.dataset.chips_path`` to find each chip's platform. A ``range`` has none of that,
and the search learns so from the AttributeError it raises; it then searches again with
:class:`Records`. An attribute of the dataset is a column, one record per item, indexed,
called or iterated (``dataset.get_data_info(i)`` is ``dataset.get_data_info[i]``). Every
key, attribute or call on a record is another record, and every record is an int, 0 or 1,
from a seeded hash of the path that reached it: two values, so that whatever the sampler
groups by splits the data both ways (the names of the groups, ``platforms``, are then
``[0, 1]``), and the same path gives the same value in every run (hypothesis replays
examples).
"""

from __future__ import annotations

import copy
import hashlib
import operator
from types import SimpleNamespace
from typing import Any, Dict, Iterator, List, Optional


class Record(int):
    def __new__(cls, seed: int, path: str) -> "Record":
        # A hash that mixes: CRC32 is linear, so two paths that differ in the same bits
        # (`labels[0].name` and `labels[1].name`) got equal or unequal values alike under
        # every seed, and a key read through a lookup table never split the data.
        digest = hashlib.blake2b(f"{seed}:{path}".encode(), digest_size=1).digest()
        record = super().__new__(cls, digest[0] % 2)
        record._seed, record._path = seed, path
        return record

    def _at(self, step: str) -> "Record":
        return type(self)(self._seed, self._path + step)

    def __getitem__(self, key: Any) -> "Record":
        return self._at(f"[{key!r}]")

    def __getattr__(self, name: str) -> "Record":
        # Dunder lookups (copy, pickle, numpy's protocols) must fail as on a plain int.
        if name.startswith("__"):
            raise AttributeError(name)
        return self._at(f".{name}")

    def __call__(self, *args: Any, **kwargs: Any) -> "Record":
        return self._at(f"{args!r}{kwargs!r}")

    def __reduce__(self) -> tuple:
        # Copied and pickled as the record it is (`copy.deepcopy(index[label])`, which
        # re-identification samplers take to shuffle): int's own way lost the path, and
        # rebuilding raised on every set.
        return type(self), (self._seed, self._path)

    # Not iterable, as an int: with __getitem__ alone, iter() would count keys 0, 1, 2...
    # for ever (`set(dataset[i].values())` never returned).
    __iter__ = None


class ListRecord(Record):
    """A record that is also a list of two records (`for channel in item.channels`), for
    a class that failed on records because one was not iterable or sized."""

    def __iter__(self) -> Iterator[Record]:
        return (self[i] for i in range(2))

    def __len__(self) -> int:
        return 2


class _Rows:
    """``n`` records under one name: a column, or (name "") the dataset itself."""

    def __init__(self, seed: int, name: str, n: int, record: type = Record) -> None:
        self.seed, self._name, self.n, self._record = seed, name, n, record

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, index: int) -> Record:
        if not -self.n <= index < self.n:
            raise IndexError(index)
        return self._record(self.seed, f"{self._name}[{index % self.n}]")

    def __iter__(self) -> Iterator[Record]:
        return (self[i] for i in range(self.n))


class NumberWanted(TypeError):
    """A column counted with as one number (`dataset.num_buffers // world_size`): the
    next round of the search makes that attribute of the records a number (search.learn)."""

    def __init__(self, column: str) -> None:
        super().__init__(f"the records' column {column!r} was used as one number")
        self.column = column


def _counted(self: "Column", *_: Any) -> Any:
    raise NumberWanted(self._name)


class Column(_Rows):
    """An attribute of the dataset: one record per item, indexed, iterated or called; an
    attribute of it is another (`dataset.coco.imgs[image_id]`, an annotation file's
    table of images read through the dataset's loader object). Counted with as a number,
    it raises :class:`NumberWanted`, naming itself (a plain TypeError said nothing of
    which attribute it was)."""

    __lt__ = __le__ = __gt__ = __ge__ = _counted
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _counted
    __floordiv__ = __rfloordiv__ = __truediv__ = __rtruediv__ = __mod__ = __rmod__ = _counted
    __int__ = __index__ = __float__ = _counted

    def __getattr__(self, name: str) -> "Column":
        if name.startswith("__"):
            raise AttributeError(name)
        return Column(self.seed, f"{self._name}.{name}", self.n, self._record)

    def __call__(self, *args: Any, **kwargs: Any) -> Record:
        if len(args) == 1 and not kwargs and isinstance(args[0], int):
            return self[args[0]]
        return self._record(self.seed, f"{self._name}{args!r}{kwargs!r}")


class Records(_Rows):
    """``n`` records; ``Records(n, seed)`` rebuilds the same ones; with ``lists`` every
    record is a :class:`ListRecord`."""

    def __init__(
        self, n: int, seed: int = 0, lists: bool = False, numbers: Optional[Dict[str, int]] = None
    ) -> None:
        super().__init__(seed, "", n, ListRecord if lists else Record)
        # Attributes that are one number (NumberWanted), not a column.
        self.numbers = dict(numbers or {})

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if name in self.__dict__.get("numbers", ()):
            return self.numbers[name]
        return Column(self.seed, name, self.n, self._record)

    def __repr__(self) -> str:
        lists = ", lists=True" if self._record is ListRecord else ""
        numbers = f", numbers={self.numbers!r}" if self.numbers else ""
        return f"Records({self.n}, seed={self.seed}{lists}{numbers})"


# The imports a pasted test needs for a Table, items read by attribute and an
# EpochBatchSampler.
TABLE = "from flake8_dplen.check.records import Table"
ITEM = "from flake8_dplen.check.records import Item"
EPOCH_BATCHES = "from flake8_dplen.check.records import EpochBatchSampler"
DATA_SAMPLER = "from flake8_dplen.check.records import DataSampler"


def DataSampler(dataset: Any, shuffle: bool) -> Any:
    """torch's ``DistributedSampler`` over one process that also names its data
    ``data_source``: a class that reads the data through the sampler it wraps looks for
    ``sampler.dataset`` (DistributedSampler's, mmengine's) or ``sampler.data_source``
    (torch's SequentialSampler and RandomSampler)."""
    from torch.utils.data import DistributedSampler

    class _DataSampler(DistributedSampler):
        @property
        def data_source(self) -> Any:
            return self.dataset

    return _DataSampler(dataset, num_replicas=1, rank=0, shuffle=shuffle)


def EpochBatchSampler(sampler: Any, batch_size: int, drop_last: bool) -> Any:
    """torch's ``BatchSampler`` with the ``set_epoch`` of the sampler it batches: a wrapper
    that hands ``set_epoch`` on to the batch sampler it wraps (a distributed wrapper over a
    bucketing batch sampler) is given one by every caller, and fails on torch's own."""
    from torch.utils.data import BatchSampler

    class _EpochBatchSampler(BatchSampler):
        def set_epoch(self, epoch: int) -> None:
            self.sampler.set_epoch(epoch)

    return _EpochBatchSampler(sampler, batch_size, drop_last)


class Item(SimpleNamespace):
    """An item the class reads by attribute (`item.duration`, `dataset[i].label`), printed
    as the call that rebuilds it."""

    def __repr__(self) -> str:
        return f"Item({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"


class Table:
    """A generated dataset shaped as the class's code reads its data (reads.DataShape):
    ``n`` items, each a tuple or a dict when the code unpacks or indexes them (else the
    index, as in a range), attributes that are one value per item (``targets``,
    ``lengths``) or one number (``num_classes``), and methods called with an index that
    return a dict (``get_data_info(i)["height"]``), and methods called with no argument
    that return one value per item (``image_shapes()``). ``Table(n, ...)`` with the values
    printed rebuilds it in a pasted test."""

    def __init__(
        self,
        n: int,
        items: Optional[List[Any]] = None,
        columns: Optional[Dict[str, Any]] = None,
        infos: Optional[Dict[str, List[Dict[str, Any]]]] = None,
        lists: Optional[Dict[str, List[Any]]] = None,
        getters: Optional[Dict[str, List[Any]]] = None,
    ) -> None:
        self.n, self._items = n, items
        self._columns, self._infos, self._lists = columns or {}, infos or {}, lists or {}
        self._getters = getters or {}

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, index: int) -> Any:
        if self._items is None:
            return range(self.n)[index]
        if not -self.n <= index < self.n:
            raise IndexError(index)
        return self._items[index]

    def __iter__(self) -> Iterator[Any]:
        return (self[i] for i in range(self.n))

    def __getattr__(self, name: str) -> Any:
        # Dunder lookups (copy, pickle) fail as on any object without them; so does any
        # name before the tables are set (a copy being made), read from __dict__ for that.
        # A private name the class's code reads (`dataset._sample_augmentation()`) is there.
        tables = self.__dict__
        if name.startswith("__"):
            raise AttributeError(name)
        if name in tables.get("_columns", ()):
            return tables["_columns"][name]
        if name in tables.get("_infos", ()):
            rows = tables["_infos"][name]
            return lambda index, *args, **kwargs: dict(rows[index])
        if name in tables.get("_lists", ()):
            values = tables["_lists"][name]
            return lambda: list(values)
        if name in tables.get("_getters", ()):
            values = tables["_getters"][name]
            return lambda index, *args, **kwargs: values[index] if _an_index(index) else copy.copy(values)
        raise AttributeError(f"'Table' object has no attribute {name!r}")

    def __dir__(self) -> List[str]:
        # `"data_infos" in dir(dataset)`: a class may ask what the dataset has this way.
        return sorted({*super().__dir__(), *self._columns, *self._infos, *self._lists, *self._getters})

    def __repr__(self) -> str:
        parts = [str(self.n)]
        # A numpy column is printed as the call that makes it (the pasted test imports np).
        columns = "{" + ", ".join(f"{k!r}: {_code(v)}" for k, v in self._columns.items()) + "}"
        for label, value, code in (
            ("items", self._items, repr(self._items)),
            ("columns", self._columns, columns),
            ("infos", self._infos, repr(self._infos)),
            ("lists", self._lists, repr(self._lists)),
            ("getters", self._getters, repr(self._getters)),
        ):
            if value:
                parts.append(f"{label}={code}")
        return f"Table({', '.join(parts)})"


def _an_index(value: Any) -> bool:
    """Whether a getter's argument is an item's index: asked with anything else (a
    setting, `dataset.get_sample_weights(exp_val)` with a float), a method of the data
    answers for every item."""
    try:
        operator.index(value)
    except TypeError:
        return isinstance(value, slice)
    return True


def _code(value: Any) -> str:
    if isinstance(value, dict):
        # A column read by keys (`dataset.meta_dict["n_atoms"]`), each maybe an array.
        return "{" + ", ".join(f"{k!r}: {_code(v)}" for k, v in value.items()) + "}"
    if type(value).__module__ == "numpy":
        return f"np.array({value.tolist()!r})"
    if type(value).__module__ == "torch":
        return f"torch.tensor({value.tolist()!r})"
    return repr(value)
