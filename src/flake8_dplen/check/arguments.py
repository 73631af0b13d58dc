"""Constructor arguments for a sampler, as hypothesis strategies.

Each parameter is drawn from its conventional name (``dataset``, ``batch_size``,
``drop_last``, ``rank``...), else its type hint, else its default. Every size is drawn
relative to one ``unit`` drawn first, so that dataset sizes land on the edges where
rounding goes wrong (0, 1, unit - 1, unit, unit + 1, multiples) and shrink towards them.
Every value carries the Python source that rebuilds it, for the report and the
ready-to-paste test.
"""

from __future__ import annotations

import copy
import inspect
import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Set, Tuple

from hypothesis import strategies as st
from torch.utils.data import ConcatDataset

from .callers import INDEX, only_len_reads, sampler_kinds, unpassed
from .guards import guards
from .handed import by_callee, kwargs_receiver
from .opaque import Settings, discarded, key_use, methods_called, nest_calls, result_use
from .posing import POSING, posing_as, required_kind
from .prepared import setters
from .reads import (
    ARRAY_ATTRIBUTES,
    LIMIT_MAX,
    MAPPING_METHODS,
    DataShape,
    Fields,
    Use,
    data_shape,
    fallback,
    fields_read,
    given_to_super,
    has_default,
    size_limits,
    unread,
    use_of,
)
from .records import ITEM, TABLE, Records, Table

TORCH_DATA = "from torch.utils.data import {}"


class CannotBuild(Exception):
    """No strategy for a parameter: the user has to register a factory, or the value that
    is ``missing``: a parameter (`tokenizer`) or a field of one (`opt.samples_per_class`),
    the name `register(..., args={missing: value})` takes."""

    def __init__(self, message: str, missing: str = "") -> None:
        super().__init__(message)
        self.missing = missing


@dataclass(frozen=True)
class Shown:
    """A value to pass, built fresh for every sampler, and the source that builds it."""

    make: Callable[[], Any]
    code: str
    imports: Tuple[str, ...] = ()
    default: bool = False  # the parameter's own default: left out of the printed call


@dataclass(frozen=True)
class Call:
    target: Callable[..., Any]
    args: Tuple[Tuple[str, Shown, bool], ...]  # name, value, positional-only
    # (world size, rank) that torch.distributed answers, for a class that asks it.
    world: Optional[Tuple[int, int]] = None
    # Methods called on the sampler once built, in order, before anything else is asked of
    # it, as its callers call them (prepared.py): each a Call of the method (its target the
    # function, its arguments those after `self`).
    then: Tuple["Call", ...] = ()

    def _values(self) -> Tuple[List[Any], Dict[str, Any]]:
        positional = [shown.make() for _, shown, only in self.args if only]
        named = {name: shown.make() for name, shown, only in self.args if not only}
        return positional, named

    def build(self) -> Any:
        positional, named = self._values()
        built = self.target(*positional, **named)
        for method in self.then:
            positional, named = method._values()
            getattr(built, method.target.__name__)(*positional, **named)
        return built

    @property
    def arguments(self) -> str:
        return ", ".join(
            shown.code if only else f"{name}={shown.code}"
            for name, shown, only in self.args
            if not shown.default or only
        )

    @property
    def code(self) -> str:
        qualname = self.target.__qualname__
        # A factory defined in a function is named as its own code calls it.
        name = self.target.__name__ if "<locals>" in qualname else qualname
        return f"{name}({self.arguments})"

    def statements(self, name: str) -> List[str]:
        """The lines that build the sampler as ``name``: the call, then its preparations."""
        then = [f"{name}.{method.target.__name__}({method.arguments})" for method in self.then]
        return [f"{name} = {self.code}", *then]

    @property
    def prepared(self) -> str:
        """The preparations, said after the call: `, then .build_batches()`."""
        return "".join(f", then .{method.target.__name__}({method.arguments})" for method in self.then)

    @property
    def scenario(self) -> str:
        """How the sampler is run besides its arguments: said beside them in the report."""
        if self.world is None:
            return self.prepared
        return f" on rank {self.world[1]} of {self.world[0]} (as torch.distributed answers){self.prepared}"

    @property
    def imports(self) -> List[str]:
        lines = {line for call in (self, *self.then) for _, shown, _ in call.args for line in shown.imports}
        return sorted(lines)


@dataclass(frozen=True)
class Learned:
    """What the class's own failures on generated arguments said it needs (search.learn),
    for the next round of the search: datasets as :class:`~.records.Records`, whose
    records are lists too (`lists`) where one was iterated or measured; the lists it
    is given as numpy arrays or torch tensors (`arrays`: "numpy" or "torch"), where it
    indexed a list by an array or called a tensor's method on one; attributes of an
    options object or of a Table it read that its code did not show (read by a helper
    of another package, or through `getattr` with a computed name), and likewise keys of
    a dict it was given."""

    records: bool = False
    lists: bool = False  # records are lists of records too (records.ListRecord)
    arrays: str = ""
    attributes: FrozenSet[str] = frozenset()
    keys: FrozenSet[str] = frozenset()  # keys of a dict it read that its code did not show
    # Its count is random and agreed on every sampler: draw bigger data, whose spread can
    # show a len() off the mean by more than the search's allowance (search.check_class).
    spread: bool = False
    # Parameters the code failed on with a value of the wrong kind, drawn by their name
    # (pinned.py): drawn next as the code uses them.
    coded: FrozenSet[str] = frozenset()
    # Samplers of any kind for a wrapper whose call sites all hand it samplers of indices
    # (callers.py): drawn only for such a wrapper that nothing of that kind built.
    any_sampler: bool = False
    # Attributes of the records the class counted with (records.NumberWanted): numbers.
    numbers: FrozenSet[str] = frozenset()
    # Attributes the built sampler lacked that a method of its own sets (prepared.py):
    # such a method is called on every sampler built.
    unset: FrozenSet[str] = frozenset()

    def __or__(self, other: "Learned") -> "Learned":
        # torch over numpy: a tensor indexes by arrays as well, and has the array's methods.
        arrays = "torch" if "torch" in (self.arrays, other.arrays) else self.arrays or other.arrays
        return Learned(
            self.records or other.records,
            self.lists or other.lists,
            arrays,
            self.attributes | other.attributes,
            self.keys | other.keys,
            self.spread or other.spread,
            self.coded | other.coded,
            self.any_sampler or other.any_sampler,
            self.numbers | other.numbers,
            self.unset | other.unset,
        )


def _extra(ctx: "_Context", learned: FrozenSet[str], known: Any) -> Dict[str, st.SearchStrategy]:
    """Strategies of the fields a failed round found missing (``learned``, not ``known``),
    each drawn by its name, else as a size (the kind of setting read most)."""
    return {name: (_by_name(name) or _sizes)(ctx) for name in sorted(set(learned) - set(known))}


@dataclass
class _Context:
    unit: int
    world: int = 1  # drawn before `rank`, which is drawn in range(world)
    records: bool = False  # datasets are Records, not ranges (see records.py)
    # Items of the dataset drawn first: a list with one value per item (`seqlens`,
    # `group_ids`) is as long, as a caller passes them; None: no dataset drawn.
    items: Optional[int] = None
    # Numbers the class compares sizes with or takes as defaults (reads.size_limits).
    limits: Tuple[int, ...] = ()
    asked: bool = False  # `world` is what torch.distributed answers (the class asks it)
    learned: Learned = Learned()
    parts: int = 0  # items of a list being drawn (see _listed): 0 outside one
    data: bool = False  # `items` is the length of a dataset, not of a list drawn first


Builder = Callable[[_Context], st.SearchStrategy]


def _literal(value: Any) -> Shown:
    return Shown(lambda: value, repr(value))


def _count(ctx: _Context, least: int = 0) -> st.SearchStrategy:
    u = ctx.unit
    # `least` itself too: every edge of a small unit may lie below it (4 processes, u = 1).
    near = {0, 1, u - 1, u, u + 1, 2 * u, 2 * u + 1, 3 * u - 1, 3 * u, least}
    edges = sorted(n for n in near if n >= least)
    return st.one_of(st.sampled_from(edges), st.integers(least, 4 * u + 3))


def _size(ctx: _Context) -> st.SearchStrategy:
    u, w = ctx.unit, ctx.world
    # Multiples of the world size too: a sampler that splits each batch across the
    # processes refuses any other batch size.
    edges = sorted({1, 2, max(1, u - 1), u, u + 1, w, 2 * w})
    return st.one_of(st.sampled_from(edges), st.integers(1, 12))


def _per_item(ctx: _Context) -> st.SearchStrategy:
    """The length of a list with one value per item: the dataset's, once one is drawn;
    else the first such list's, as the next ones are parallel to it (`labels` and
    `flags`, `sizes` and `weights`: a caller passes them one per item alike)."""
    if ctx.items is not None:
        return st.just(ctx.items)

    def first(n: int) -> int:
        ctx.items = n
        return n

    return _count(ctx, _fewest(ctx)).map(first)


def _fewest(ctx: _Context) -> int:
    """The fewest items data is drawn with: one, and one a process where a world size was
    drawn first. Data with fewer is no input a caller passes (legitimate.py): judged, it
    could never be a counterexample, and drawn it would only spend the budget."""
    return max(1, ctx.world)


def _ints(ctx: _Context) -> st.SearchStrategy:
    return _count(ctx).map(_literal)


def _counts(ctx: _Context) -> st.SearchStrategy:
    """A number of things made or read (`num_samples`, `max_len`, `total_iters`, a
    setting whose default is positive): at least 1. Asking a sampler for no samples, or
    capping lengths at 0, is no caller's use (README, "what the search takes as
    legitimate"); a class whose code takes 0 says so by its default, drawn first. A
    position (`consumed_samples`, `start_iter`) or a lower bound (`min_len`) may be 0."""
    return _count(ctx, 1).map(_literal)


def _sizes(ctx: _Context) -> st.SearchStrategy:
    return _size(ctx).map(_literal)


# A batch of items, counted in items (`batch_size`, `bs`, `micro_batch_size`); not a
# budget (`max_tokens`) nor a number of batches.
BATCH = re.compile(r"(?:^|_)(?:batch_size|bs)$", re.I)


def _batch_sizes(ctx: _Context) -> st.SearchStrategy:
    """A batch size no larger than the data drawn before it (legitimate.py: a batch its
    data cannot fill is no caller's)."""
    if not (ctx.data and ctx.items):
        return _sizes(ctx)
    return _size_within(ctx, ctx.items).map(_literal)


def _size_within(ctx: _Context, items: int) -> st.SearchStrategy:
    """A batch size drawn as _size draws it, up to ``items`` (at least 1)."""
    u, w, items = ctx.unit, ctx.world, max(1, items)
    edges = sorted(b for b in {1, 2, u - 1, u, u + 1, w, 2 * w} if 1 <= b <= items)
    return st.one_of(st.sampled_from(edges), st.integers(1, items))


RECORDS = "from flake8_dplen.check.records import Records"
SETTINGS = "from flake8_dplen.check.opaque import Settings"


def _records(n: int, seed: int, lists: bool = False, numbers: Optional[Dict[str, int]] = None) -> Shown:
    from .records import Records

    made = Records(n, seed, lists, numbers)
    return Shown(lambda: Records(n, seed, lists, numbers), repr(made), (RECORDS,))


def _data(ctx: _Context) -> st.SearchStrategy:
    least = _fewest(ctx)
    if ctx.records:
        # Attributes the class counted with (Learned.numbers): one size each.
        numbers = st.fixed_dictionaries({name: _size(ctx) for name in sorted(ctx.learned.numbers)})
        return st.builds(_records, _count(ctx, least), st.integers(0, 3), st.just(ctx.learned.lists), numbers)
    return _count(ctx, least).map(lambda n: Shown(lambda: range(n), f"range({n})"))


# What a field of an item is, by its name: a size used for bucketing, budgets and length
# limits (`lengths`, `num_tokens`, `height`, `duration`), an aspect ratio, a file name;
# any other is a key items are grouped by (`pid`, `targets`, `label`, an unnamed field).
_SIZE_FIELD = re.compile(r"len|size|dur|frame|token|height|width|count|area|time|sec|^n_|^num|^[wh]$", re.I)
# Not inside a word: `durations` holds "ratio" and is a size.
_RATIO_FIELD = re.compile(r"(?<![a-z])ratio|aspect|scale", re.I)
_PATH_FIELD = re.compile(r"path|file|img|image|url|fname", re.I)
# An image's or a clip's shape (`img_shape`, `ori_shape`, `resolution`, `hw`): a pair of
# sizes, read by position (`shape[1] / shape[0]`) or unpacked (`h, w = info["hw"]`).
_SHAPE_FIELD = re.compile(r"shape|resolution|(?:^|_)(?:hw|wh)$", re.I)
# An id of an image, a file or a video (`image_id`) is a key, not a name: the items of a
# detection or video dataset are annotations or frames, several to one image or video.
_ID_FIELD = re.compile(r"(?:^|_)ids?$", re.I)
_RATIOS = [0.5, 0.75, 1.0, 1.5, 2.0]


def _item_size(ctx: _Context) -> st.SearchStrategy:
    """One item's size: around the unit, or just below, at or above a number the class
    compares sizes with (a bucket boundary of 100 is never crossed by sizes up to 17)."""
    sizes = st.integers(1, 2 * ctx.unit + 1)
    if not ctx.limits:
        return sizes
    return st.one_of(sizes, st.sampled_from(sorted({v + d for v in ctx.limits for d in (-1, 0, 1)})))


def _pair(ctx: _Context) -> st.SearchStrategy:
    """An image's or a clip's shape: two sizes drawn as items' sizes are."""
    return st.tuples(_item_size(ctx), _item_size(ctx))


def _field(ctx: _Context, name: str, n: int) -> st.SearchStrategy:
    """One value per item for the field ``name``, drawn with the skew that trips samplers:
    keys in a drawn number of groups (every item in one, singletons, groups smaller than
    any K), uneven sizes around the unit (some above a limit drawn the same way)."""
    if _SHAPE_FIELD.search(name):
        return st.lists(_pair(ctx), min_size=n, max_size=n)
    if _RATIO_FIELD.search(name):
        return st.lists(st.sampled_from(_RATIOS), min_size=n, max_size=n)
    if _SIZE_FIELD.search(name):
        return st.lists(_item_size(ctx), min_size=n, max_size=n)
    if _PATH_FIELD.search(name) and not _ID_FIELD.search(name):
        return st.just([f"{i}.jpg" for i in range(n)])
    return st.integers(1, max(1, n)).flatmap(
        lambda groups: st.lists(st.integers(0, groups - 1), min_size=n, max_size=n)
    )


def _is_key(name: str) -> bool:
    """Whether a field named ``name`` is drawn as a group key (the last case of _field)."""
    return not (_SHAPE_FIELD.search(name) or _RATIO_FIELD.search(name) or _SIZE_FIELD.search(name)) and not (
        _PATH_FIELD.search(name) and not _ID_FIELD.search(name)
    )


# A number of the groups the items' keys name (`num_classes`, `n_pids`, `num_identities`).
_GROUP_COUNT = re.compile(r"^(?:num|n)_?(?:class|label|categor|ident|pid|person|speaker|cluster|group)", re.I)


def _group_count(items: Optional[List[Any]], fields: Dict[int, str], columns: Dict[str, Any]) -> int:
    """How many groups the keys drawn for a Table name: one more than the largest key of
    its items' key fields and its key columns (1 with none). A dataset's count of classes
    covers every label its items carry; a smaller one drawn apart from the labels gave
    items of a class the dataset says it lacks, which no dataset has."""
    keys: List[Any] = []
    for item in items or ():
        if isinstance(item, tuple):
            keys += [item[j] for j, pos in enumerate(sorted(fields)) if _is_key(fields[pos])]
        elif isinstance(item, dict):
            keys += [value for key, value in item.items() if _is_key(key)]
    for name, column in columns.items():
        if _is_key(name) and not _GROUP_COUNT.search(name) and isinstance(column, list):
            keys += column
        elif isinstance(column, dict) and column and all(isinstance(v, list) for v in column.values()):
            # An index of the items by key (`images_per_class`, DataShape.indexes): its keys.
            keys += list(column)
    return 1 + max((key for key in keys if type(key) is int), default=0)


def _keys(ctx: _Context) -> st.SearchStrategy:
    """A list of group keys, as a key field of a Table is drawn."""
    return _per_item(ctx).flatmap(lambda n: _field(ctx, "key", n)).map(_literal)


# Running totals of the parts the dataset is made of (ConcatDataset.cumulative_sizes).
_CUMULATIVE = re.compile(r"cumul|(?:^|_)cum_", re.I)


def _attribute(
    ctx: _Context, name: str, n: int, number: bool = False, indexed: bool = False
) -> st.SearchStrategy:
    """An attribute of the dataset: one number when its name says a count (`max_len`), or
    a plural one (`num_classes`, `num_samples`) the class uses as a number (``number``:
    `range(dataset.num_classes)`), running totals when it says cumulative
    (`cumulative_sizes`: the ends of up to four parts, the last at ``n``, some maybe empty,
    as a ConcatDataset keeps them), else one value per item. A column only ever used as a
    number (``number``: in arithmetic or compared, never indexed or iterated:
    `num_buffers // self.num_replicas`) is one, whatever its name: a list there raises;
    one the class indexes or iterates (``indexed``: `self.cur[i] = 0` of `self.cur =
    dataset.num_images_per_list`) is not, whatever its name."""
    named = _by_name(name) in _NUMBERS and not name.lower().endswith("s") and not indexed
    if number or named:
        return _size(ctx)
    if _CUMULATIVE.search(name):
        return _ends(n)
    return _field(ctx, name, n)


# A dict from a key to the items holding it (`label_to_indices`, `class2idxs`,
# `pid_to_imgs`): an index of the items by key. Plural only: torchvision's `class_to_idx`
# maps a class's name to one label; and a key before `_to_` (`dataset_to_indices` is where
# each episode ends, a list).
_INDEX_NAME = re.compile(
    r"(?:label|class|cls|pid|person|ident|identity|cat|category|speaker|group|cluster|domain|user|video|key)s?"
    r"(?:_to_|2)(?:indices|indexes|idxs|ids|samples|images|imgs|items|members)$"
)


# Edges that split sizes into buckets (`boundaries`, `bucket_edges`, `bins`), handed to
# bisect, np.digitize or torch.bucketize, all of which take them sorted.
_BOUNDARIES = re.compile(r"(?:^|_)(?:boundaries|bounds|edges|thresholds|cutoffs|bins|breakpoints)$")


def _boundaries(ctx: _Context) -> st.SearchStrategy:
    """One to four sizes, sorted: drawn as items' sizes are, so that items fall on both
    sides of each (equal ones too: a class that takes them distinct says so, and the draw
    is rejected)."""
    drawn = st.lists(_item_size(ctx), min_size=1, max_size=4)
    return drawn.map(lambda edges: _literal(sorted(edges)))


def _index(ctx: _Context) -> st.SearchStrategy:
    """A parameter that is an index of the items by key (_INDEX_NAME), drawn as a dataset's
    is (_index_by_key); a fresh copy for every sampler, which may pop from its lists."""
    return _per_item(ctx).flatmap(lambda n: _index_by_key(ctx, n)).map(_fresh)


def _fresh(value: Any) -> Shown:
    """A value a sampler may change (pop from a group, shuffle a list in place), given as
    a copy to each sampler built from the same draw."""
    return Shown(lambda: copy.deepcopy(value), repr(value))


def _index_by_key(ctx: _Context, n: int) -> st.SearchStrategy:
    """A column read as the items' indices by key (reads.DataShape.indexes): the ``n``
    items grouped by keys drawn as a group key per item is (every item in one group,
    singletons, groups smaller than any K), as the dataset that keeps the index holds them."""
    return _field(ctx, "key", n).map(
        lambda keys: {key: [i for i, k in enumerate(keys) if k == key] for key in sorted(set(keys))}
    )


def _keyed_column(ctx: _Context, keys: Dict[str, Optional[bool]], n: int) -> st.SearchStrategy:
    """A column read by constant keys (reads.DataShape.keyed): a dict, each key drawn as
    the code uses its value (one number, or one value per item, whatever the key's name
    says: `meta["size"][indices]` is a column of sizes), else as an attribute of that
    name, in the array kind the class was found to need."""

    def value(key: str, number: Optional[bool]) -> st.SearchStrategy:
        if number is False:
            return _field(ctx, key, n)
        return _attribute(ctx, key, n, bool(number))

    drawn = st.fixed_dictionaries({key: value(key, number) for key, number in sorted(keys.items())})
    return drawn.map(lambda values: {key: _promoted(v, ctx.learned.arrays) for key, v in values.items()})


def _ends(n: int) -> st.SearchStrategy:
    """Where up to four consecutive parts of ``n`` items end, the last at ``n`` (some parts
    maybe empty)."""
    return st.lists(st.integers(0, n), max_size=3).map(lambda ends: sorted(ends) + [n])


def _groups(n: int) -> st.SearchStrategy:
    """The indices of ``n`` items split into up to four groups (the data types or buckets
    a dataset lists, `dataset.groups()`), of uneven sizes; no group is empty, as a dataset
    lists only the groups its items fall in."""
    return _ends(n).map(lambda ends: [list(range(a, b)) for a, b in zip([0] + ends, ends) if b > a])


def _the_class(cls: type) -> Builder:
    """The class a `Type[X]` hint names, passed as itself (its import in the pasted test)."""
    module = "torch.utils.data" if cls.__module__.startswith("torch.utils.data") else cls.__module__
    shown = Shown(lambda: cls, cls.__name__, (f"from {module} import {cls.__name__}",))
    return lambda ctx: st.just(shown)


def _index_groups(ctx: _Context) -> st.SearchStrategy:
    """A parameter that is groups of the items' indices (a `List[List[int]]` hint), drawn
    as a dataset's groups are (_groups); a fresh copy for every sampler."""
    return _per_item(ctx).flatmap(_groups).map(_fresh)


def _split(n: int, parts: int) -> st.SearchStrategy:
    """The indices of ``n`` items split into ``parts`` lists (reads.DataShape.splits: kept
    and dropped, correct and incorrect), each item in a drawn one; the first items one in
    each, so that no part is empty where there are items enough (a dataset splitting its
    items by a property finds each kind in real data)."""

    def split(chosen: List[int]) -> tuple:
        where = [i % parts if i < parts else part for i, part in enumerate(chosen)]
        return tuple([i for i in range(n) if where[i] == part] for part in range(parts))

    return st.lists(st.integers(0, parts - 1), min_size=n, max_size=n).map(split)


def _tuples(ctx: _Context, fields: Dict[int, str], n: int) -> st.SearchStrategy:
    """``n`` tuples, the field at each position drawn by its name."""
    drawn = st.tuples(*(_field(ctx, fields[i], n) for i in sorted(fields)))
    return drawn.map(lambda columns: [tuple(values[j] for values in columns) for j in range(n)])


def _sequences(ctx: _Context, n: int) -> st.SearchStrategy:
    """``n`` sequences whose lengths are drawn as a size field is: uneven, so that buckets
    keep a tail and a budget or a length limit splits them."""
    return _field(ctx, "len", n).map(lambda lengths: [range(length) for length in lengths])


def _dicts(ctx: _Context, keys: Set[str], n: int, measured: Set[str] = frozenset()) -> st.SearchStrategy:
    """``n`` dicts, the value of each key drawn by its name, or a sequence where the class
    takes its length (``measured``)."""
    drawn = st.fixed_dictionaries(
        {
            key: _sequences(ctx, n) if key in measured else _field(ctx, key, n)
            for key in sorted(keys | ctx.learned.keys)
        }
    )
    return drawn.map(lambda columns: [{key: values[j] for key, values in columns.items()} for j in range(n)])


# What torch's ConcatDataset (and mmdet's, which adds the parts' `flag`s) has besides its
# items: a class that reads these batches or balances each part on its own.
_CONCAT_ATTRIBUTES = {"datasets", "cumulative_sizes"}


def _parts(ctx: _Context) -> st.SearchStrategy:
    """The sizes of one to three concatenated datasets (an empty one too)."""
    return st.lists(_count(ctx), min_size=1, max_size=3)


def _part(ctx: _Context, shape: Optional[DataShape], n: int) -> st.SearchStrategy:
    """One part of a concatenation of ``n`` items: a range, or a Table of the columns the
    class reads of its parts (reads.DataShape.parts)."""
    if shape is None:
        return st.just(range(n))
    columns = {name: _attribute(ctx, name, n) for name in sorted(shape.columns)}
    return st.fixed_dictionaries(columns).map(lambda drawn: Table(n, columns=drawn))


def _table(shape: DataShape) -> Builder:
    """Datasets shaped as the class reads them (reads.data_shape), as :class:`~.records.Table`."""

    def build(ctx: _Context) -> st.SearchStrategy:
        if ctx.records:
            return _data(ctx)
        concat = shape.columns & _CONCAT_ATTRIBUTES

        @st.composite
        def draw(draw) -> Shown:
            # A concatenation: as long as its parts, which its own columns describe.
            parts = draw(_parts(ctx)) if concat else []
            n = sum(parts) if concat else draw(_count(ctx, _fewest(ctx)))
            items = draw(_tuples(ctx, shape.fields, n)) if shape.fields else None
            if shape.keys and not shape.fields:
                items = draw(_dicts(ctx, shape.keys, n, shape.measured))
            elif shape.attrs and not shape.fields:
                from .records import Item

                rows = draw(_dicts(ctx, shape.attrs | ctx.learned.attributes, n, shape.measured))
                items = [Item(**values) for values in rows]
            elif shape.sized and not shape.fields:
                items = draw(_sequences(ctx, n))
            # A method asked for one item's value (`dataset.get_label(i)`), not a column.
            # In the array kind the class was found to need: asked with no index, a getter
            # answers for every item (records.Table), and that list is what it hands torch.
            getters = {
                name: _promoted(draw(_field(ctx, name, n)), ctx.learned.arrays) for name in sorted(shape.getters)
            }
            names = (shape.columns | ctx.learned.attributes) - set(shape.rows) - concat - set(getters)
            # An array's arithmetic is element by element (`lengths + offsets`): no number.
            numbers = shape.numbers - shape.tensors - shape.arrays
            columns = {
                name: draw(
                    _keyed_column(ctx, shape.keyed[name], n)
                    if name in shape.keyed
                    else _index_by_key(ctx, n)
                    if name in shape.indexes
                    else _tuples(ctx, shape.unpacked[name], n)
                    if name in shape.unpacked
                    else _sequences(ctx, n)
                    if name in shape.sequences
                    else _attribute(ctx, name, n, name in numbers, name in shape.indexed)
                )
                for name in sorted(names)
            }
            counts = {name for name in columns if name in shape.numbers and _GROUP_COUNT.search(name)}
            keyed = {**columns, **getters}
            columns.update(dict.fromkeys(counts, _group_count(items, shape.fields, keyed)))
            if concat:
                columns["datasets"] = [draw(_part(ctx, shape.parts, size)) for size in parts]
                columns["cumulative_sizes"] = [sum(parts[: i + 1]) for i in range(len(parts))]
            columns = {name: _promoted(value, ctx.learned.arrays) for name, value in columns.items()}
            columns.update((name, draw(_dicts(ctx, keys, n))) for name, keys in sorted(shape.rows.items()))
            # A table the class reads a field of by a name it is given (`data[key]`): one
            # field, named as that parameter, which gets this name (see calls()).
            columns.update((name, {key: draw(_field(ctx, key, n))}) for name, key in sorted(shape.named.items()))
            if shape.arrays and ctx.learned.arrays != "torch":
                import numpy as np

                columns.update((name, np.array(columns[name], dtype=int)) for name in shape.arrays)
            elif shape.arrays:
                # Compared element by element, then handed to torch (`torch.where(d.label
                # == n)`): the class was found to need tensors (search.learn).
                columns.update((name, _promoted(columns[name], "torch")) for name in shape.arrays)
            if shape.tensors:
                import torch

                columns.update((name, torch.tensor(columns[name])) for name in shape.tensors)
            infos = {method: draw(_dicts(ctx, keys, n)) for method, keys in sorted(shape.infos.items())}
            lists = {
                method: draw(
                    _groups(n)
                    if method in shape.grouped
                    else _tuples(ctx, fields, n) if fields else _field(ctx, method, n)
                )
                for method, fields in sorted(shape.lists.items())
            }
            lists.update((method, draw(_split(n, parts))) for method, parts in sorted(shape.splits.items()))
            table = Table(n, items, columns, infos, lists, getters)
            # A fresh copy for every sampler: a class may sort or pop what it is given.
            kinds = {type(value).__module__ for value in columns.values()}
            # A dict of columns (DataShape.keyed) holds arrays too.
            kinds |= {type(v).__module__ for c in columns.values() if isinstance(c, dict) for v in c.values()}
            imports = (TABLE,) + ("import numpy as np",) * ("numpy" in kinds)
            imports += ("import torch",) * ("torch" in kinds) + (ITEM,) * bool(shape.attrs and not shape.fields)
            return Shown(lambda: copy.deepcopy(table), repr(table), imports)

        return draw()

    return build


def _index_list(ctx: _Context) -> st.SearchStrategy:
    """Indices: of the dataset drawn before them, when there is one (a split of it, which
    the class indexes its data with: `dataset.meta["size"][indices]` raised on every set
    whose indices ran past the data), else the first n."""
    if ctx.data and ctx.items:
        chosen = st.lists(st.integers(0, ctx.items - 1), min_size=1, max_size=ctx.items, unique=True)
        return chosen.map(lambda indices: _literal(sorted(indices)))
    return _count(ctx).map(lambda n: _literal(list(range(n))))


def _lists_of(values: st.SearchStrategy) -> Builder:
    return lambda ctx: _per_item(ctx).flatmap(lambda n: st.lists(values, min_size=n, max_size=n)).map(_literal)


def _lengths(ctx: _Context) -> st.SearchStrategy:
    return _lists_of(_item_size(ctx))(ctx)


def _shapes(ctx: _Context) -> st.SearchStrategy:
    return _lists_of(_pair(ctx))(ctx)


def _fractions(ctx: _Context) -> st.SearchStrategy:
    return st.one_of(st.sampled_from([0.5, 1.0, 0.25, 0.1]), st.floats(0.01, 1.0)).map(_literal)


def _shares(ctx: _Context) -> st.SearchStrategy:
    """The probability of one of ``ctx.parts`` things drawn together (the datasets of a
    mixture, each with its `probability`): an equal share, so that they sum to 1 as a
    caller's do (a mixture checks it, or numpy's choice does); alone, a fraction."""
    return st.just(_literal(1 / ctx.parts)) if ctx.parts else _fractions(ctx)


# A tolerance the class validates its own inputs within (`eps=0.1`, `tol`): left at its
# default, as a wider one admits inputs its authors reject (vedastr's BalanceSampler, given
# eps=0.25, took data whose ranges its assert had refused).
_TOLERANCE = re.compile(r"(?:^|_)(?:eps|epsilon|tol|tolerance|atol|rtol)(?:_|$)", re.I)


def _near(default: float) -> Builder:
    """Other values of a setting whose default is a positive float (`repeat_thresh=0.001`,
    `ratio=0.5`): fractions where the default is one, else halves and doubles of it. Left
    at its default, a threshold no small dataset crosses hid what it does."""
    fractions = [0.1, 0.25, 0.5, 0.75, 0.9, 1.0] if default <= 1 else []
    values = sorted({default / 4, default / 2, default * 2, *fractions} - {default})
    return lambda ctx: st.sampled_from(values).map(_literal)


def _bools(ctx: _Context) -> st.SearchStrategy:
    return st.booleans().map(_literal)


def _world(ctx: _Context) -> st.SearchStrategy:
    if ctx.asked:
        # The world torch.distributed answers: a class passed another world size asks
        # torch for its rank, which may not be in it, as no caller's run could.
        return st.just(_literal(ctx.world))
    # sampled_from draws evenly; st.integers(1, 4) draws 1 most of the time, and one process
    # is the case a distributed sampler is least likely to get wrong. No more processes
    # than the items of data drawn before it (legitimate.py).
    most = ctx.items if ctx.data and ctx.items else 4
    return st.sampled_from([w for w in (1, 2, 3, 4) if w <= most]).map(_literal)


def _rank(ctx: _Context) -> st.SearchStrategy:
    # The last rank first: it is the one a shard that does not divide evenly shortens,
    # and hypothesis would otherwise draw rank 0 nearly every time.
    last = ctx.world - 1
    return st.one_of(st.just(last), st.integers(0, last)).map(_literal)


def _seed(ctx: _Context) -> st.SearchStrategy:
    return st.integers(0, 3).map(_literal)


def _generator(ctx: _Context) -> st.SearchStrategy:
    def shown(seed: int) -> Shown:
        import torch

        return Shown(
            lambda: torch.Generator().manual_seed(seed),
            f"torch.Generator().manual_seed({seed})",
            ("import torch",),
        )

    return st.integers(0, 3).map(shown)


def _index_sampler(ctx: _Context) -> st.SearchStrategy:
    def shown(data: Shown, kind: str) -> Shown:
        import torch.utils.data as tud

        if ctx.records:
            # A sampler that reads its data through its index sampler looks for
            # `sampler.dataset` or `sampler.data_source` (records.DataSampler).
            from .records import DATA_SAMPLER, DataSampler

            shuffle = kind == "RandomSampler"
            return Shown(
                lambda: DataSampler(data.make(), shuffle),
                f"DataSampler({data.code}, shuffle={shuffle})",
                (*data.imports, DATA_SAMPLER),
            )
        return Shown(
            lambda: getattr(tud, kind)(data.make()), f"{kind}({data.code})", (TORCH_DATA.format(kind),)
        )

    # A sampler handed over to be wrapped has items: a wrapper that cycles a spare one
    # (atomworks' FallbackSamplerWrapper) yields nothing from an empty one, and no caller
    # wraps a sampler over no data.
    return st.builds(shown, _data(ctx), st.sampled_from(["SequentialSampler", "RandomSampler"]))


def _batch_sampler(ctx: _Context) -> st.SearchStrategy:
    def shown(inner: Shown, b: int, drop_last: bool) -> Shown:
        import torch.utils.data as tud

        if ctx.records:
            # With the set_epoch of the DistributedSampler it batches (records.py).
            from .records import EPOCH_BATCHES, EpochBatchSampler

            return Shown(
                lambda: EpochBatchSampler(inner.make(), b, drop_last),
                f"EpochBatchSampler({inner.code}, batch_size={b}, drop_last={drop_last})",
                (*inner.imports, EPOCH_BATCHES),
            )
        return Shown(
            lambda: tud.BatchSampler(inner.make(), b, drop_last),
            f"BatchSampler({inner.code}, batch_size={b}, drop_last={drop_last})",
            (*inner.imports, TORCH_DATA.format("BatchSampler")),
        )

    # Its batch size no larger than the data it batches (legitimate.py).
    def batched(inner: Shown) -> st.SearchStrategy:
        return st.builds(shown, st.just(inner), _size_within(ctx, len(inner.make())), st.booleans())

    return _index_sampler(ctx).flatmap(batched)


def _group_names(ctx: _Context) -> st.SearchStrategy:
    return st.sampled_from([[0, 1], [1, 0]]).map(_literal)


def _any_sampler(ctx: _Context) -> st.SearchStrategy:
    # A wrapper of "a sampler" may be given either kind, and one that handles each item as
    # an index can be wrong only when its items are batches. Index samplers first: shrinking
    # returns to them.
    return st.one_of(_index_sampler(ctx), _batch_sampler(ctx))


# Conventional parameter names, lower-cased. A suffix match (`*_batch_size`) is in _by_name.
BY_NAME: Dict[str, Builder] = {
    # `iterable`: a wrapper of "anything iterable" (torchnlp) is handed a dataset too.
    **dict.fromkeys(["data_source", "dataset", "data", "datasource", "iterable"], _data),
    **dict.fromkeys(["indices", "index"], _index_list),
    **dict.fromkeys(["max_tokens", "max_batch_length", "batch_bins", "m", "num_instances"], _sizes),
    **dict.fromkeys(["num_samples", "total_size", "n_samples", "num_items", "length", "size"], _counts),
    **dict.fromkeys(["drop_last", "shuffle", "replacement", "even_divides", "even_batches"], _bools),
    **dict.fromkeys(["num_replicas", "world_size", "num_processes", "num_shards"], _world),
    **dict.fromkeys(["rank", "process_index", "local_rank", "shard_id"], _rank),
    **dict.fromkeys(["seed", "random_seed", "epoch"], _seed),
    # Resume positions: a sampler that starts part-way must say so in len().
    **dict.fromkeys(
        ["start_iteration", "start_index", "start_iter", "offset", "skip", "skip_batches"], _ints
    ),
    **dict.fromkeys(["lengths", "lens", "sizes", "seq_lens", "seq_lengths"], _lengths),
    # `y`: the labels, as scikit-learn names them.
    **dict.fromkeys(["labels", "targets", "class_ids", "y"], _keys),
    **dict.fromkeys(["weights"], _lists_of(st.sampled_from([1.0, 0.5, 0.25]))),
    **dict.fromkeys(["sample_rate", "rate", "ratio", "fraction"], _fractions),
    **dict.fromkeys(["probability", "prob", "sampling_probability", "weight"], _shares),
    **dict.fromkeys(["sampler", "base_sampler", "sub_sampler"], _any_sampler),
    **dict.fromkeys(["index_sampler"], _index_sampler),
    **dict.fromkeys(["batch_sampler"], _batch_sampler),
    **dict.fromkeys(["generator"], _generator),
    # The names of the groups a sampler splits its data by (terratorch's platforms): the
    # two values a generated record takes (records.py), in either order.
    **dict.fromkeys(["platforms", "groups", "sources", "domains"], _group_names),
}


# Counts by the shape of their name (`num_steps`, `max_len`, `epoch_size`), drawn even
# when the default is None and there is no hint.
# (`train_iters`, `total_iter` too: a number of steps.)
_COUNT_PREFIXES = ("num_", "n_", "max_", "min_", "consumed_", "total_")
# Of those, a position reached or a lower bound: 0 is what a fresh start passes.
_POSITION_PREFIXES = ("consumed_", "min_")
_COUNT_SUFFIXES = ("_steps", "_len", "_length", "_count", "_iterations", "_iters", "_iter")
# Process groups named by their kind of parallelism (`data_parallel_size`,
# `data_parallel_rank`, Megatron's): a world size and a rank in it.
_WORLD_SUFFIXES = ("_world_size", "_parallel_size")
_REPEAT_SUFFIXES = ("repeats", "repeat_count")


def _by_name(name: str) -> Optional[Builder]:
    lowered = name.lower()
    if lowered in BY_NAME:
        return BY_NAME[lowered]
    # A function (`num_tokens_fn`, `length_func`, `size_callback`): whatever else its name
    # says is what it returns; it is built from how the class calls it (_from_use).
    if _FUNCTION_NAME.search(lowered):
        return None
    # How many times each sample is repeated (`num_repeats`, `repeat_count`): at least once.
    # Repeating it no times leaves no data to sample, which no caller means (a count of 0
    # made super-gradients' RepeatAugSampler yield nothing while len() said 1).
    if lowered.endswith(_REPEAT_SUFFIXES):
        return _sizes
    if lowered.endswith(_WORLD_SUFFIXES):
        return _world
    if lowered.endswith("_rank"):
        return _rank
    if _INDEX_NAME.search(lowered):
        return _index
    if _BOUNDARIES.search(lowered):
        return _boundaries
    # A sampler named by its role (`train_sampler`, `inner_batch_sampler`), as `sampler` is.
    if lowered.endswith("_batch_sampler"):
        return _batch_sampler
    if lowered.endswith("_sampler"):
        return _any_sampler
    # A size of anything (`batch_size`, `tile_size`, `bucket_size`, `chunk_size`) is at
    # least 1: no caller tiles an image by 0 pixels or chunks data by 0 items. A class
    # whose code takes 0 says so by its default, which is drawn first (_builder).
    if BATCH.search(lowered):
        return _batch_sizes
    if lowered.endswith("_size"):
        return _sizes
    if lowered.startswith(_COUNT_PREFIXES) or lowered.endswith(_COUNT_SUFFIXES):
        return _ints if lowered.startswith(_POSITION_PREFIXES) else _counts
    # One value per item, by what its name says of the values (`seqlens`, `img_ratios`,
    # `group_ids`): drawn as a field of a Table is.
    if lowered.endswith("s") and _SHAPE_FIELD.search(lowered[:-1]):
        return _shapes
    if lowered.endswith("s") and _RATIO_FIELD.search(lowered):
        return _lists_of(st.sampled_from(_RATIOS))
    if lowered.endswith("s") and _SIZE_FIELD.search(lowered):
        return _lengths
    if lowered.endswith(("ids", "labels", "targets")):
        return _keys
    # Probabilities of the items or groups drawn (`label_probs`, `class_probabilities`).
    if lowered.endswith(("probs", "probabilities")):
        return _distribution
    # One share (`sample_ratio`, `drop_rate`, `train_fraction`), often None by default and
    # always passed: mmdet's semi-supervised samplers divide by it.
    if lowered.endswith(("_ratio", "_rate", "_fraction")):
        return _fractions
    return None


def role_of(name: str) -> str:
    """What a parameter's name says it is, for the judge of legitimate inputs
    (legitimate.py): "world" (a number of processes), "per item" (one value per item of
    the data: `labels`, `lengths`), else ""."""
    builder = _by_name(name)
    if builder is _world:
        return "world"
    return "per item" if builder in (_keys, _lengths) else ""


# How many processes or threads compute something (`n_workers`, `num_proc`, `n_jobs`): the
# batches a sampler yields do not depend on it, and a class given many spawns them while
# it is built (a pool of 8 spawned interpreters outran the build's time limit on every
# input). One, or the class's own default when that is 0 (none besides the caller).
# (`num_processes` is not one: accelerate's world size.)
_PARALLELISM = re.compile(r"workers?$|^n_jobs$|^num_procs?$|^nprocs?$|threads$|^num_cpus?$", re.I)


def _parallelism(param: inspect.Parameter) -> Optional[Builder]:
    if not _PARALLELISM.search(param.name) or _by_name(param.name) in (_world, _rank):
        return None
    fewest = param.default if param.default in (0, 1) and not isinstance(param.default, bool) else 1
    return lambda ctx: st.just(_literal(fewest))


def _array_hint(hint: Any) -> Optional[Use]:
    """The use a `torch.Tensor` or `np.ndarray` hint says (a tensor, an array); None for
    any other hint."""
    module, name = getattr(hint, "__module__", "") or "", getattr(hint, "__name__", "")
    if name == "Tensor" and module.split(".")[0] == "torch":
        return Use(tensor=True)
    if name == "ndarray" and module.split(".")[0] == "numpy":
        return Use(array=True)
    return None


def _concat(ctx: _Context) -> st.SearchStrategy:
    """A torch ConcatDataset of one to three ranges, for a class that requires one (its
    hint, or its check `isinstance(data_source, ConcatDataset)`). No part is empty: a
    concatenation is made of datasets that hold something."""

    def shown(sizes: List[int]) -> Shown:
        code = f"ConcatDataset([{', '.join(f'range({n})' for n in sizes)}])"
        imports = (TORCH_DATA.format("ConcatDataset"),)
        return Shown(lambda: ConcatDataset([range(n) for n in sizes]), code, imports)

    return st.lists(_count(ctx, 1), min_size=1, max_size=3).map(shown)


def _by_hint(hint: Any) -> Optional[Builder]:
    origin, params = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple and params and all(p in (int, float) for p in params):
        # `Tuple[int, int]`: a grid, a span, a pair of sizes.
        return lambda ctx: st.tuples(*(_size(ctx) for _ in params)).map(_literal)
    if origin is type and params and inspect.isclass(params[0]) and not inspect.isabstract(params[0]):
        # `Type[BatchSampler]`: that class, which the constructor makes its own objects of.
        return _the_class(params[0])
    if inspect.isclass(hint) and issubclass(hint, ConcatDataset):
        return _concat
    if _array_hint(hint) is not None:
        # One value per item, by the name saying nothing more (see _role): group keys.
        return _as_used(_keys, _array_hint(hint))
    if origin is typing.Union:
        # Optional[X]: the strategy of X; None comes from the default.
        rest = [p for p in params if p is not type(None)]
        return _by_hint(rest[0]) if len(rest) == 1 else None
    if origin is typing.Literal:
        return lambda ctx: st.sampled_from(params).map(_literal)
    if hint is bool:
        return _bools
    if hint is int:
        return _ints
    if hint is float:
        return _fractions
    name = getattr(origin or hint, "__name__", "")
    if name in ("list", "List", "Sequence") and params and params[0] is int:
        return _lengths
    inner = getattr(typing.get_origin(params[0]), "__name__", "") if params else ""
    if name in ("list", "List", "Sequence") and inner in ("list", "List", "Sequence"):
        return _index_groups  # `List[List[int]]`: groups of indices
    if name in ("Sized", "Sequence", "Dataset"):
        return _data
    if name in ("dict", "Dict", "Mapping") and len(params) == 2 and params[1] in (int, float):
        # A number per key (`Dict[str, int]`: items per source, `Dict[str, float]`: weights).
        return _mapping(_sizes if params[1] is int else _fractions)
    values = getattr(typing.get_origin(params[1]), "__name__", "") if len(params) == 2 else ""
    if name in ("dict", "Dict", "Mapping") and values in ("list", "List", "Sequence"):
        return _index  # `Dict[int, List[int]]`: the items' indices by key
    if name == "Generator" and getattr(hint, "__module__", "") == "torch":
        return _generator
    if name == "Callable":
        # A function of an item (a score, a cost, a key): a size, whatever it is given.
        return lambda ctx: _sizes(ctx).map(_function)
    if name in ("Sampler", "BatchSampler", "Iterable"):
        inner = params[0] if params else int
        return (
            _batch_sampler
            if name == "BatchSampler" or typing.get_origin(inner) in (list, List)
            else _index_sampler
        )
    return None


_FUNCTION_NAME = re.compile(r"(_fn|_func|_function|callback)$|^callback_")


def _role(name: str, hint: Any) -> Optional[Builder]:
    by_name, by_hint = _by_name(name), _by_hint(hint)
    # A function by its hint, whatever its name says (`num_tokens_fn: Callable[[int], int]`),
    # and a class (`sampler_class: Type[BatchSampler]`).
    if getattr(typing.get_origin(hint) or hint, "__name__", "") == "Callable" or typing.get_origin(hint) is type:
        return by_hint or by_name
    # A hint that says which kind of sampler refines a name that only says "a sampler".
    if by_name in (_any_sampler, _index_sampler) and by_hint in (_index_sampler, _batch_sampler):
        return by_hint
    # A hint that says a list refines a name that says one size (`batch_size: Sequence[int]`,
    # a batch size per source).
    if by_name in (_sizes, _batch_sizes, _ints, _counts) and by_hint is _lengths:
        return by_hint
    # A hint that says a tensor or an array makes the list the name says one
    # (`lengths: torch.Tensor`, `labels: np.ndarray`).
    if by_name in (_keys, _lengths, _boundaries, _shapes) and _array_hint(hint) is not None:
        return _as_used(by_name, _array_hint(hint))
    # A hint that says another kind than the dict a name says (`x_to_indices: list[int]`),
    # or groups of indices whatever the name says (`groups: List[List[int]]`).
    if (by_name is _index and by_hint is not None) or by_hint is _index_groups:
        return by_hint
    # A dataset of a kind of torch's that the class requires.
    if by_name is _data and by_hint is _concat:
        return by_hint
    return by_name or by_hint


def _default(param: inspect.Parameter) -> Shown:
    value = param.default
    return Shown(lambda: value, repr(value), default=True)


def _builder(param: inspect.Parameter, builder: Optional[Builder]) -> Optional[Builder]:
    if builder is None and param.default is not inspect.Parameter.empty:
        value = param.default
        if isinstance(value, bool):
            builder = _bools
        elif isinstance(value, int):
            builder = _ints
        elif type(value) is float and 0 < value < float("inf") and not _TOLERANCE.search(param.name):
            builder = _near(value)
    if param.default is inspect.Parameter.empty:
        return builder
    if builder is _ints and type(param.default) is int and param.default >= 1:
        # A setting whose default is a positive number is a count or a size: 0 is none.
        builder = _counts
    if builder is _counts and type(param.default) is int and param.default > LIMIT_MAX:
        # A default far above any data drawn (`length_before_new_iter=100000`) made each
        # sampler built with it that long: four were judged in a budget. A drawn count
        # above the data's size does what it does.
        return builder
    default = st.just(_default(param))
    if builder is _bools and isinstance(param.default, bool):
        # A flag's other value is drawn as often as its default, not a quarter of the time.
        flags = st.sampled_from([_default(param), _literal(not param.default)])
        return lambda ctx: flags
    if builder is None:
        return lambda ctx: default
    # The default is tried first, so that shrinking returns to it.
    return lambda ctx, b=builder: st.one_of(default, b(ctx))


def _hints(target: Callable[..., Any]) -> Dict[str, Any]:
    init = target.__init__ if inspect.isclass(target) else target
    try:
        return typing.get_type_hints(init)
    except Exception:  # unresolvable forward references: judge by name and default alone
        return {}


def _shown(value: Any) -> Shown:
    code = repr(value)
    # An object without a readable repr is printed as the registration it came from.
    readable = not code.startswith("<") and "\n" not in code
    return Shown(lambda: value, code if readable else f"<registered {type(value).__name__}>")


def _user_value(value: Any) -> Builder:
    strategy = value if isinstance(value, st.SearchStrategy) else st.just(value)
    return lambda ctx: strategy.map(_shown)


def _signature(target: Callable[..., Any]) -> inspect.Signature:
    """The parameters a call of ``target`` takes. A metaclass whose ``__call__`` takes
    ``(cls, *args, **kwargs)`` (a registry, a singleton) hides the class's own; they are
    those of its ``__init__`` then, the one the metaclass passes them on to."""
    if (
        inspect.isclass(target)
        and type(target).__call__ is not type.__call__
        and target.__init__ is not object.__init__
    ):
        init = inspect.signature(target.__init__)
        return init.replace(parameters=list(init.parameters.values())[1:])
    return inspect.signature(target)


def _parameters(target: Callable[..., Any]) -> Tuple[List[inspect.Parameter], Dict[str, Any]]:
    """The parameters to generate and their hints. A class whose `__init__` passes
    `**kwargs` on to its base (a wrapper) also takes the base's optional parameters,
    keyword only: `num_replicas` and `rank` reach a DistributedSampler that way. One
    that passes everything on (`*args, **kwargs` alone), or `*args` as well beside its own
    (`*args, generator=None, **kwargs`), takes all of them: the base's required
    `data_source` comes through the pass-through too. What the constructor gives the
    base itself (`generator=g`) is not taken."""
    params = list(_signature(target).parameters.values())
    hints = _hints(target)
    if not inspect.isclass(target) or not any(p.kind is p.VAR_KEYWORD for p in params):
        return params, hints
    # The pass-through parameters themselves are not passed: the base's take their place.
    params = [p for p in params if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    named = {p.name for p in params if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)}
    passes_all = not named or any(p.kind is p.VAR_POSITIONAL for p in _signature(target).parameters.values())
    owner = next((c for c in target.__mro__ if "__init__" in vars(c)), object)
    named |= given_to_super(owner.__init__)
    # Handed to a helper rather than to the base: the helper's parameters come through.
    receiver, filled = kwargs_receiver(owner)
    named |= filled
    bases = target.__mro__[target.__mro__.index(owner) + 1 :]
    bases = bases if receiver is None else [receiver] * bool(receiver)
    for base in bases:
        if receiver is None and ("__init__" not in vars(base) or base is object):
            continue
        init = base.__init__ if receiver is None else base
        for param in list(inspect.signature(init).parameters.values())[receiver is None :]:
            # A helper's own parameters without a default are the class's to pass.
            wanted = (passes_all and receiver is None) or param.default is not param.empty
            if (
                wanted
                and param.name not in named
                and param.kind not in (param.VAR_POSITIONAL, param.VAR_KEYWORD)
            ):
                params.append(param.replace(kind=param.KEYWORD_ONLY))
                hints.setdefault(param.name, _hints(base).get(param.name))
                named.add(param.name)
        break
    return params, hints


def _read_fields(
    fields: Fields,
    where: str,
    cls: type,
    overrides: Dict[str, Any],
    learned: Learned = Learned(),
    opaque: bool = False,
) -> Optional[Builder]:
    """An options object or a dict of settings with the fields the class reads from it,
    each drawn by its name, else from the default the code reads it with, else as
    registered (`args={"opt.samples_per_class": 4}`); None when the class reads nothing
    from it. Raises CannotBuild naming a field nothing says how to make. It also has the
    attributes or keys a failed round found missing (``learned``, see _extra). With
    ``opaque``, an object the class calls methods of is built too (_methods)."""
    if fields.called and not fields.kind and fields.called <= MAPPING_METHODS | ARRAY_ATTRIBUTES:
        return None  # a dict or an array: built from its use (_from_use)
    if opaque and fields.called:
        fields = _nested_calls(fields)
    # An object the class calls methods of: each returns what its use says (opaque.py).
    methods = _methods(fields, where, cls, opaque) if fields.called else {}
    if not fields.kind and not methods:
        return None
    attributes = fields.kind in ("attributes", "")
    # Read by attribute and by key (Fields.mixed): a dict whose keys are attributes too.
    mixed = fields.mixed and opaque
    if attributes and not fields.nested and not methods and set(fields.defaults) <= ARRAY_ATTRIBUTES:
        return None  # `x.ndim`, `x.shape`: an array (_from_use)
    parts: Dict[str, Builder] = {}
    for name in fields.defaults:
        known, value = has_default(fields, name)
        if attributes and not name.isidentifier() and (known or not opaque):
            continue  # getattr(opts, "sampler.batch_size", 4): the default it falls back to
        default = value if known else inspect.Parameter.empty
        stand_in = inspect.Parameter("field", inspect.Parameter.KEYWORD_ONLY, default=default)
        path = f"{where}.{name}"
        # getattr(opts, "sampler.vbs.crop_size_width"): named by its last part.
        by_name = _by_name(name.rpartition(".")[2])
        builder = _user_value(overrides[path]) if path in overrides else _builder(stand_in, by_name)
        if path not in overrides and any(called.startswith(f"{name}.") for called in fields.called):
            # `x.datasets.items()`: a dict, or an array, whatever its name says (_from_use).
            builder = _from_use(use_of(cls, path)) or builder
        if builder is None and (attributes or mixed):
            builder = _from_use(use_of(cls, path))
        if builder is None and opaque:
            # `settings["chunk"]`, `getattr(opts, "sampler.chunk")`: drawn as the class uses
            # the value read (opaque.py).
            builder = _opaque_key(cls, where, name)
        if builder is None:
            shown = path if attributes else f"{where}[{name!r}]"
            raise CannotBuild(
                f"nothing to pass as `{shown}` (read with no default, and its name says nothing)", path
            )
        parts[name] = builder
    for name, inner in fields.nested.items():
        parts[name] = _read_fields(inner, f"{where}.{name}", cls, overrides, opaque=opaque)
    parts.update(methods)

    def combine(drawn: Dict[str, Shown]) -> Shown:
        if mixed:
            return Shown(
                lambda: Settings({k: v.make() for k, v in drawn.items()}),
                "Settings({" + ", ".join(f"{k!r}: {v.code}" for k, v in drawn.items()) + "})",
                (SETTINGS, *(i for v in drawn.values() for i in v.imports)),
            )
        if attributes:
            # A name no keyword may be (`sampler.chunk`, read by getattr) goes in **{...}.
            named = [f"{k}={v.code}" for k, v in drawn.items() if k.isidentifier()]
            dotted = [f"{k!r}: {v.code}" for k, v in drawn.items() if not k.isidentifier()]
            named += ["**{" + ", ".join(dotted) + "}"] if dotted else []
            return Shown(
                lambda: SimpleNamespace(**{k: v.make() for k, v in drawn.items()}),
                f"SimpleNamespace({', '.join(named)})",
                ("from types import SimpleNamespace", *(i for v in drawn.values() for i in v.imports)),
            )
        return Shown(
            lambda: {k: v.make() for k, v in drawn.items()},
            "{" + ", ".join(f"{k!r}: {v.code}" for k, v in drawn.items()) + "}",
            tuple(i for v in drawn.values() for i in v.imports),
        )

    # Only the object the class was given gets them: a nested one's own fields are read.
    missing = (learned.attributes if attributes else learned.keys) if "." not in where else frozenset()
    missing = missing | learned.keys if mixed and "." not in where else missing
    return lambda ctx: _world_first(ctx, parts, _extra(ctx, missing, parts)).map(combine)


def _world_first(
    ctx: _Context, parts: Dict[str, Builder], extra: Dict[str, st.SearchStrategy]
) -> st.SearchStrategy:
    """The fields of one object drawn as a constructor's parameters are: a world size
    (`opts.world_size`) before a rank (`opts.local_rank`), drawn in range of it; else every
    rank was drawn in a world of one, and a shard that only the last rank gets short never
    was."""
    worlds = [k for k in parts if _by_name(k.rpartition(".")[2]) is _world]
    if not worlds:
        return st.fixed_dictionaries({**{k: b(ctx) for k, b in parts.items()}, **extra})

    @st.composite
    def drawn(draw) -> Dict[str, Shown]:
        inner = copy.copy(ctx)
        values = {}
        for key in worlds + [k for k in parts if k not in worlds]:
            values[key] = draw(parts[key](inner))
            world = values[key].make() if key in worlds else None
            if isinstance(world, int) and world > 0:
                inner.world = world
        values.update(draw(st.fixed_dictionaries(extra)))
        return values

    return drawn()


def _methods(fields: Fields, where: str, cls: type, opaque: bool) -> Dict[str, Builder]:
    """The methods of an object the class calls, each a function returning a value drawn
    as the class uses what it returns (opaque.py); the methods of its attributes that make
    them a dict or an array are left to those (_read_fields). Raises CannotBuild where the
    use of a result says nothing, or the object is a dict (`cfg.get("k")` and `cfg.m()`) or
    a container (`len(labels)` and `labels.numpy()`: a tensor, which a name may make)."""
    called = sorted(fields.called)
    shown = ", ".join(f"{where}.{name}()" for name in called)
    nothing = CannotBuild(f"nothing to pass as `{where}`: the class calls {shown}", where)
    if not opaque or fields.kind == "keys":
        raise nothing
    plain = _plain_calls(fields)
    own = methods_called(plain)
    try:
        contained = _contained(cls, where)
        results = {name: _from_use(result_use(cls, f"{where}.{name}")) for name in own}
        # A method called for what it does (`logger.info(...)`): its result is never read.
        unread = [name for name in own if results[name] is None and discarded(cls, f"{where}.{name}")]
        results.update((name, _unread) for name in unread)
    except Exception:  # noqa: BLE001 - a reading of ours that fails: the class as without it
        raise nothing from None
    if contained or len(own) < len(plain) or None in results.values():
        raise nothing
    return {name: lambda ctx, result=result: result(ctx).map(_function) for name, result in results.items()}


def _plain_calls(fields: Fields) -> Set[str]:
    """The methods called on the object or its attributes, less those of a dict or an
    array (`datasets.items()`, `lengths.argsort()`), which their own use builds."""
    built = MAPPING_METHODS | ARRAY_ATTRIBUTES
    return {name for name in fields.called if name.rpartition(".")[2] not in built}


def _nested_calls(fields: Fields) -> Fields:
    """``fields`` with the methods of its attributes (`args.store.list_ids()`) moved to
    them, each an object in turn (opaque.nest_calls); as they were where that fails."""
    if fields.kind == "keys":
        return fields
    try:
        return nest_calls(fields, {name for name in _plain_calls(fields) if "." in name})
    except Exception:  # noqa: BLE001 - a reading of ours that fails: the class as without it
        return fields


def _opaque_key(cls: type, where: str, name: str) -> Optional[Builder]:
    try:
        return _from_use(key_use(cls, where, name))
    except Exception:  # noqa: BLE001 - a reading of ours that fails: the class as without it
        return None


def _contained(cls: type, where: str) -> bool:
    """Whether the class uses the object itself as a container or a number (len(), a
    loop, an index, arithmetic): an object of methods alone could not answer those."""
    use = use_of(cls, where)
    return bool(use.iterated or use.keys or use.positions or use.numeric or use.keyed)


def _shown_list(items: List[Shown]) -> Shown:
    return Shown(
        lambda: [item.make() for item in items],
        "[" + ", ".join(item.code for item in items) + "]",
        tuple(sorted({line for item in items for line in item.imports})),
    )


def _function(result: Shown) -> Shown:
    # Any arguments are taken: the class may call it with more elsewhere.
    return Shown(
        lambda: lambda *args, **kwargs: result.make(), f"lambda *args, **kwargs: {result.code}", result.imports
    )


def _mapping(value: Optional[Builder]) -> Builder:
    """A dict of a few keys. Values nothing says more of are lists of indices that split
    one dataset between the keys (buckets, classes), as a caller groups it."""

    @st.composite
    def draw(draw, ctx: _Context) -> Shown:
        # No key without items: a caller's index lists only the keys its data has.
        sizes = draw(st.lists(_count(ctx, 1), min_size=1, max_size=4))
        if value is not None:
            values = [draw(value(ctx)) for _ in sizes]
        else:
            starts = [sum(sizes[:i]) for i in range(len(sizes))]
            values = [_literal(list(range(a, a + n))) for a, n in zip(starts, sizes)]
        return Shown(
            lambda: {key: shown.make() for key, shown in enumerate(values)},
            "{" + ", ".join(f"{key}: {shown.code}" for key, shown in enumerate(values)) + "}",
            tuple(sorted({line for shown in values for line in shown.imports})),
        )

    return draw


def _array(shown: Shown) -> Shown:
    import numpy as np

    return Shown(lambda: np.array(shown.make()), f"np.array({shown.code})", (*shown.imports, "import numpy as np"))


def _tensor(shown: Shown) -> Shown:
    import torch

    return Shown(lambda: torch.tensor(shown.make()), f"torch.tensor({shown.code})", (*shown.imports, "import torch"))


def _numbers(value: Any) -> bool:
    """A plain list of numbers: what a list is promoted from (a list of lists or of
    records stays one)."""
    return isinstance(value, list) and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in value
    )


def _promoted(value: Any, kind: str) -> Any:
    """A list of numbers as the array kind the class was found to need (Learned.arrays)."""
    if not kind or not _numbers(value):
        return value
    if kind == "torch":
        import torch

        return torch.tensor(value) if value else torch.tensor([], dtype=torch.long)
    import numpy as np

    return np.array(value) if value else np.array([], dtype=int)


def _promoting(builder: Builder) -> Builder:
    """The parameter's value, a list of numbers made the array kind learned (see Learned)."""

    def promote(shown: Shown, kind: str) -> Shown:
        if not _numbers(shown.make()):
            return shown
        return _tensor(shown) if kind == "torch" else _array(shown)

    return lambda ctx: builder(ctx).map(lambda shown: promote(shown, ctx.learned.arrays))


def _as_used(builder: Builder, use: Use) -> Builder:
    """A list made a torch tensor where the class hands it to torch, a numpy array where
    it uses it as one."""
    if use.tensor:
        return lambda ctx: builder(ctx).map(_tensor)
    return (lambda ctx: builder(ctx).map(_array)) if use.array else builder


# Roles that draw a list of plain values, which the class's use can show are records.
_PLAIN_LISTS = (_keys, _lengths, _group_names, _boundaries)
# Roles that draw one number, which the class's use can show is a list.
_NUMBERS = (_ints, _counts, _sizes, _batch_sizes)
# What a name draws that its code may overrule (pinned.py): plain values, and samplers
# the code indexes as sequences.
_SAMPLERS = (_any_sampler, _index_sampler, _batch_sampler)
_CODED = _PLAIN_LISTS + _NUMBERS + _SAMPLERS


def _sampler_as_used(role: Builder, use: Use) -> Builder:
    """A wrapped sampler whose items the class iterates or takes the length of (`for batch
    in self.sampler: [i + offset for i in batch]`) yields batches, whatever its hint says
    (`Sampler[int]`): a batch sampler, as every caller of such a wrapper passes."""
    items = use.items
    return _batch_sampler if items is not None and items.iterated else role


def _keyed(keys: Dict[str, Use]) -> Builder:
    """A dict with the keys the class reads, each value drawn by its key's name, else by
    how the code uses it, else a size (counted with, most often)."""
    parts = {key: _by_name(key) or _from_use(value) or _sizes for key, value in sorted(keys.items())}

    def combine(drawn: Dict[str, Shown]) -> Shown:
        return Shown(
            lambda: {k: v.make() for k, v in drawn.items()},
            "{" + ", ".join(f"{k!r}: {v.code}" for k, v in drawn.items()) + "}",
            tuple(sorted({i for v in drawn.values() for i in v.imports})),
        )

    return lambda ctx: st.fixed_dictionaries(
        {**{k: b(ctx) for k, b in parts.items()}, **_extra(ctx, ctx.learned.keys, parts)}
    ).map(combine)


def _unread(ctx: _Context) -> st.SearchStrategy:
    """A parameter stored and read nowhere (a flag left from an older version): any value."""
    return st.just(_literal(None))


def _samplers(ctx: _Context) -> st.SearchStrategy:
    """A few small samplers (one per group: `class_idxs`); as many as the values of a list
    drawn before them without a dataset (`class_weights`), which are one per group too."""
    if ctx.items is not None and not ctx.data:
        n = ctx.items
        return st.lists(_index_sampler(ctx), min_size=n, max_size=n).map(_shown_list)

    def first(samplers: List[Shown]) -> List[Shown]:
        if ctx.items is None:
            ctx.items = len(samplers)
        return samplers

    return st.lists(_index_sampler(ctx), min_size=1, max_size=3).map(first).map(_shown_list)


def _listed(item: Builder) -> Builder:
    """A list of items drawn alike, one per item of the data; the items know how many
    they are (`ctx.parts`) while they are drawn: a probability of each is its share."""

    def listed(ctx: _Context) -> st.SearchStrategy:
        def items(n: int) -> st.SearchStrategy:
            ctx.parts = n
            return st.lists(item(ctx), min_size=n, max_size=n)

        def done(shown: Shown) -> Shown:
            ctx.parts = 0
            return shown

        return _per_item(ctx).flatmap(items).map(_shown_list).map(done)

    return listed


# A probability of each item, as a caller's sum to 1 (numpy's choice checks it; a class
# walking the running total up to a random number finds nothing past a total below 1).
_distribution = _listed(_shares)


def _record(positions: Set[int], kind: type = tuple, ordered: bool = False) -> Builder:
    """A record read only at constant positions (`sample[-1]`, as `(path, index)`): a tuple
    wide enough for each, of indices of the data (what a record most often points to); a
    list where the class requires one (`isinstance(x, list)`). ``ordered``: a span
    (`begin, end = x`), its values never decreasing."""
    width = max(max(p + 1, -p) for p in positions)

    def draw(ctx: _Context) -> st.SearchStrategy:
        index = st.integers(0, max(0, (ctx.items or 1) - 1))
        values = st.tuples(*[index] * width).map(sorted) if ordered else st.tuples(*[index] * width)
        return values.map(kind).map(_literal)

    return draw


def _population(ctx: _Context) -> st.SearchStrategy:
    """What a class draws from (`np.random.choice(pos[label], k)`): a few indices of the
    data, never none (a caller's populations are the items of a group it found)."""
    index = st.integers(0, max(0, (ctx.items or 1) - 1))
    return st.lists(index, min_size=1, max_size=max(1, ctx.unit)).map(_literal)


def _structured(use: Optional[Use]) -> bool:
    """Whether values used so are containers or callables, not plain numbers or keys."""
    return use is not None and bool(use.iterated or use.keys or use.called or use.positions)


def _from_use(use: Use) -> Optional[Builder]:
    """A value of the kind the class's use of it says (reads.use_of); None when its use
    says nothing. Numbers are at least 1: a zero the class divides by is no input a caller
    passes."""
    if use.keys and not use.keyed:
        return _keyed(use.keys)
    if use.strings:
        choices = sorted(use.strings)
        return lambda ctx: st.sampled_from(choices).map(_literal)
    if use.weights:
        return _as_used(_distribution, use)
    if use.called:
        result = (_from_use(use.result) if use.result else None) or _sizes
        return lambda ctx: result(ctx).map(_function)
    if use.keyed:
        values = use.items
        # Values only iterated or len()'d: lists of indices (see _mapping).
        plain = values is None or not values or (values.iterated and not values.items and not values.keyed)
        return _mapping(None if plain else _from_use(values))
    if (use.array or use.tensor) and not use.items:
        return _as_used(_keys, use)
    if use.iterated and use.positions and not _structured(use.items):
        return _record(use.positions, list if use.kinds == {"list"} else tuple, use.unpacked)
    if use.iterated:
        items = use.items
        plain = items is not None and items.iterated and not items.items and not items.positions
        if plain and not (items.picked or items.array or items.tensor):
            # Items iterated and len()'d, or iter()'d: samplers (a few small real ones);
            # items drawn from (`np.random.choice(pos[label], k)`) are lists of values,
            # items used as arrays (`by_label[k].tolist()`) arrays.
            return _samplers
        if items is not None and items.picked and not items.items:
            item: Optional[Builder] = _population
        else:
            item = _from_use(items) if items else None
        if item is None:
            return _as_used(_keys, use)
        return _as_used(_listed(item), use)
    if use.numeric:
        return _sizes
    if use.tested:
        return _bools
    return None


def _from_code(
    target: type, param: inspect.Parameter, overrides: Dict[str, Any], learned: Learned, opaque: bool = False
) -> Optional[Builder]:
    """What the class's code says of a parameter: the fields it reads, else its use, else
    the name a callee it is handed to gives it. With ``opaque`` (where nothing else would
    build the class), an object the class calls methods of too (_methods)."""
    fields = _read_fields(fields_read(target, param.name), param.name, target, overrides, learned, opaque)
    # Else what the callees it is handed to name it (handed.py).
    return fields or _from_use(use_of(target, param.name)) or by_callee(target, param.name, _by_name)


def _opaque_or_not(
    target: type, param: inspect.Parameter, overrides: Dict[str, Any], learned: Learned
) -> Optional[Builder]:
    """_from_code with opaque.py's readings; as without them where one of ours fails
    otherwise than by finding nothing to build (CannotBuild)."""
    try:
        return _from_code(target, param, overrides, learned, opaque=True)
    except CannotBuild:
        raise
    except Exception:  # noqa: BLE001 - a reading of ours that fails: the class as without it
        return _from_code(target, param, overrides, learned)


def _as_coded(
    target: type, param: inspect.Parameter, overrides: Dict[str, Any], learned: Learned, use: Optional[Use]
) -> Optional[Builder]:
    """A parameter its name made of the wrong kind (Learned.coded), as its code uses it: a
    table of the fields its items are read at (`for i, (session, kind) in enumerate(x)`),
    rows of them in the array the class makes of it (`np.asarray(labels)[:, 0]`), else the
    kind its use says (`l[0] for l in x`: records). None where the code says nothing that a
    name did not."""
    shape = data_shape(target, param.name)
    if shape.fields and use is not None and (use.array or use.tensor):

        def rows(ctx: _Context) -> st.SearchStrategy:
            return _per_item(ctx).flatmap(lambda n: _tuples(ctx, shape.fields, n)).map(_literal)

        return _as_used(rows, use)
    if shape.fields:
        return _table(shape)
    try:
        return _from_code(target, param, overrides, learned)
    except CannotBuild:
        # Methods called on it that say no way to make it (`seq_len.unique()` in a helper
        # that takes a tensor): its use still says its kind (a tensor of sizes).
        return fallback(None, lambda: _from_use(use_of(target, param.name)))


def _none_unguarded(
    target: type, param: inspect.Parameter, overrides: Dict[str, Any], learned: Learned
) -> Optional[Builder]:
    """For a parameter that defaults to None and that the class never tells from None
    (no `x is None`, no `if x`, no `x or ...`), a value made from its code: given None, the
    class crashes (`len(image_list)`), so every caller passes one. None where the code
    says nothing or names a field nothing can make."""
    use = use_of(target, param.name)
    if use.guarded or use.tested:
        return None
    return _made_or_none(target, param, overrides, learned)


def _made_or_none(
    target: type, param: inspect.Parameter, overrides: Dict[str, Any], learned: Learned
) -> Optional[Builder]:
    """A value made from the class's code (_from_code), None where it says nothing."""
    try:
        return _from_code(target, param, overrides, learned)
    except CannotBuild:
        return None


def _empty(default: Any) -> bool:
    """An empty list, tuple, set or dict as a default."""
    return type(default) in (list, tuple, set, frozenset, dict) and not default


def _unless_none(default: Builder, made: Optional[Builder]) -> Builder:
    """The default first (shrinking returns to it), or a value made from the code."""
    return default if made is None else lambda ctx: st.one_of(default(ctx), made(ctx))


def calls(
    target: Callable[..., Any],
    overrides: Optional[Dict[str, Any]] = None,
    records: bool = False,
    distributed: bool = False,
    learned: Learned = Learned(),
    method: bool = False,
) -> st.SearchStrategy:
    """Strategy of :class:`Call` for ``target`` (a class or a factory); raises
    :class:`CannotBuild` naming the first parameter nothing is known about. With
    ``records`` the datasets are :class:`~.records.Records`; with ``distributed`` each
    call also draws the world size and rank torch.distributed answers; ``learned`` is
    what earlier rounds of the search learned from the class's failures. With
    ``method``, ``target`` is a method called on a built sampler: `self` is not drawn."""
    records = records or learned.records
    overrides = overrides or {}
    try:
        params, hints = _parameters(target)
    except (TypeError, ValueError) as exc:
        raise CannotBuild(f"no signature: {exc}") from None
    params = params[1:] if method else params
    plan: List[Tuple[inspect.Parameter, Builder, Optional[Builder]]] = []
    checks = guards(target) if inspect.isclass(target) else []
    # `isinstance(x, T)` among the constructor's checks says what its hint would.
    hints = {**{check.kind[0]: check.kind[1] for check in checks if check.kind}, **hints}
    # A dataset the constructor requires of a class of its own (posing.py).
    kinds = {check.kind[0]: fallback(None, required_kind, check.kind[1]) for check in checks if check.kind}
    roles = {p.name: None if p.name in overrides else _role(p.name, hints.get(p.name)) for p in params}
    if inspect.isclass(target):
        # A dataset the class reads as a dict (`for pid, idxs in data_source.items()`): an
        # index of the data by key, whatever its name says (see _mapping).
        keyed = {name: use_of(target, name) for name, role in roles.items() if role is _data}
        roles.update((name, _from_use(use)) for name, use in keyed.items() if use is not None and use.keyed)
    shapes = {
        name: data_shape(target, name) for name, role in roles.items() if role is _data and inspect.isclass(target)
    }
    if inspect.isclass(target):
        # A parameter whose name says nothing, and whose items the class unpacks or reads
        # by position (`for i, (_, pid, cam) in enumerate(sources)`), is a dataset of such
        # tuples, whatever it is called. (Items read by key are dicts its use builds, each
        # value by its key: `info["sampler"]` a sampler, which a Table's field is not.)
        unnamed = {name: data_shape(target, name) for name, role in roles.items() if role is None}
        shapes.update((name, shape) for name, shape in unnamed.items() if shape.fields)
        # One the class takes the length of, or iterates, and asks for an item's value by
        # a method called with an index (`source.label_of(i)`): a dataset with that method.
        asked = {name for name, shape in unnamed.items() if shape.getters and not shape.fields}
        shapes.update((name, unnamed[name]) for name in asked if use_of(target, name).iterated)
    # Parameters that name a field of a dataset's table: given that field's name.
    field_names = {key for shape in shapes.values() for key in shape.named.values()}
    # A length only len() reads, which no call site in the class's project passes, keeps
    # its default (callers.py).
    left_out = set()
    if inspect.isclass(target):
        # The class's own code first: the call sites are read only for such a length.
        lengths = {p.name for p in params if p.default is not p.empty and only_len_reads(target, p.name)}
        left_out = lengths & unpassed(target) if lengths else set()
    for param in params:
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        role, shape = roles[param.name], shapes.get(param.name)
        if param.name in overrides:
            builder = _user_value(overrides[param.name])
        elif param.name in left_out or (param.default is not param.empty and inspect.isclass(param.default)):
            # A class as the default (`sampler=SequentialSampler`, made per part of the
            # data by the class) is what callers pass: a class, not what its name draws.
            kept = st.just(_default(param))
            builder = lambda ctx, kept=kept: kept
        elif param.name in field_names:
            builder = lambda ctx, name=param.name: st.just(_literal(name))
        elif _parallelism(param) is not None:
            builder = _parallelism(param)
        else:
            read = role in _PLAIN_LISTS + _NUMBERS and inspect.isclass(target)
            use = use_of(target, param.name) if read else None
            if role in _NUMBERS and use is not None and use.iterated and not use.numeric:
                # A name that says a number (`seq_len`) of a value the class takes the
                # len() of, indexes or iterates, and never counts with: one per item.
                role = _lengths
            if use is not None and use.items is not None and use.items.keys:
                # Its items are read by key (`source["probability"]`): dicts, whatever the
                # name suggests (`sources` names groups elsewhere).
                role = _from_use(use)
            elif role is _lengths and use is not None and use.keyed:
                # Sizes the class walks as a dict (`for name, n in source_sizes.items()`):
                # a size per key, as a caller counts its sources.
                role = _mapping(_sizes)
            elif role in (_keys, _lengths, _boundaries) and inspect.isclass(target):
                role = _as_used(role, use)
            elif role in (_any_sampler, _index_sampler) and inspect.isclass(target):
                role = _sampler_as_used(role, use_of(target, param.name))
                if (
                    role is _any_sampler
                    and not learned.any_sampler
                    and sampler_kinds(target, param.name) == {INDEX}
                ):
                    # Every call site hands it a sampler of indices (callers.py).
                    role = _index_sampler
            builder = _builder(param, _table(shape) if shape else role)
            # Only plain lists and numbers a name gave: a dataset's items of the wrong kind
            # send the search to records (search._lacks_data), which also answer what a
            # wrapped sampler's dataset is asked (`self.sampler.dataset[idx][key]`).
            # The role its name gave, before its use made it an array (`np.asarray(labels)`).
            named = roles[param.name]
            if param.name in learned.coded and named in _CODED and inspect.isclass(target):
                coded = _as_coded(target, param, overrides, learned, use)
                if role in _SAMPLERS and builder is not None:
                    # A sampler pinned by a failure its kind alone caused (an index sampler
                    # where batches were iterated) is still drawn, beside the sequence.
                    coded = _unless_none(builder, coded)
                builder = coded or builder
            if role is None and param.default is None and inspect.isclass(target):
                builder = _unless_none(builder, _none_unguarded(target, param, overrides, learned))
            elif role is None and _empty(param.default) and inspect.isclass(target):
                # `bad_indices=()`: left empty, what the class does with it never ran.
                builder = _unless_none(builder, _made_or_none(target, param, overrides, learned))
        if builder is None and inspect.isclass(target):
            builder = _opaque_or_not(target, param, overrides, learned)
            if builder is None and unread(target, param.name):
                builder = _unread
        if builder is None:
            raise CannotBuild(
                f"nothing to pass as `{param.name}` (no default, no usable type hint, unknown name,"
                " and the class reads no attribute or key of it)",
                param.name,
            )
        if learned.arrays and param.name not in overrides:
            builder = _promoting(builder)
        if kinds.get(param.name) is not None and param.name not in overrides:
            builder = _posing(builder, kinds[param.name])
        plan.append((param, builder, role))
    limits = size_limits(target) if inspect.isclass(target) else ()
    # A parameter the constructor accepts only a few values of: drawn from those.
    choices = {check.choices[0]: check.choices[1] for check in checks if check.choices}
    chosen = set(choices) - set(overrides)
    plan = [
        (param, _choosing(choices[param.name]) if param.name in chosen else builder, role)
        for param, builder, role in plan
    ]
    # Datasets before the lists with one value per item, which take their length.
    plan.sort(key=lambda entry: 0 if entry[2] in (_world, *_DATA) else 2 if entry[2] is _rank else 1)
    order = {param.name: i for i, param in enumerate(params)}
    preparations = _preparations(target, learned) if inspect.isclass(target) else []

    @st.composite
    def draw_call(draw) -> Call:
        unit = draw(st.integers(8, 24) if learned.spread else st.integers(1, 8))
        ctx = _Context(unit=unit, records=records, limits=limits, learned=learned)
        asked = None
        if distributed:
            ctx.world = draw(_world(ctx)).make()
            asked = (ctx.world, draw(_rank(ctx)).make())
            ctx.asked = True
        drawn = {}
        for param, builder, role in plan:
            shown = draw(builder(ctx))
            if role is _world:
                world = shown.make()
                ctx.world = world if isinstance(world, int) and world > 0 else 1
            elif role in _DATA and ctx.items is None:
                value = shown.make()  # the parameter's default may be None
                sized = isinstance(value, (range, Table, Records, ConcatDataset))
                ctx.items = len(value) if sized else None
                ctx.data = ctx.items is not None
            drawn[param.name] = (param.name, shown, param.kind is param.POSITIONAL_ONLY)
        _count_groups(drawn)
        if checks:
            _redraw_until_valid(draw, ctx, drawn, checks, plan, overrides)
        then = tuple(draw(preparation) for preparation in preparations)
        return Call(target, tuple(drawn[name] for name in sorted(drawn, key=order.get)), asked, then)

    return draw_call()


def _preparations(cls: type, learned: Learned) -> List[st.SearchStrategy]:
    """Calls of the methods that set the attributes the class's samplers lacked
    (``learned.unset``), one per attribute: of its setters (prepared.setters, the fewest
    required parameters first) the first whose arguments can be drawn, as a
    constructor's are. An attribute none can set is left out: the search then fails as
    before, on the attribute."""
    chosen: Dict[str, st.SearchStrategy] = {}
    for attr in sorted(learned.unset):
        found = setters(cls, attr)
        if any(name in chosen for name in found):
            continue  # a method called for another attribute sets this one too
        for name in found:
            try:
                chosen[name] = calls(getattr(cls, name), method=True)
            except CannotBuild:
                continue
            break
    return list(chosen.values())


def _posing(builder: Builder, kind: type) -> Builder:
    """The parameter's value, where it is a generated dataset that is not of the ``kind``
    the constructor checks it is, posing as one (posing.py)."""

    def pose(shown: Shown) -> Shown:
        value = shown.make()
        if not isinstance(value, (Table, Records, range)) or isinstance(value, kind):
            return shown
        # A disguise of ours that fails leaves the value as it was drawn (reads.fallback).
        if fallback(None, posing_as, kind, value) is None:
            return shown
        imported = f"from {kind.__module__} import {kind.__qualname__.split('.')[0]}"
        imports = tuple(sorted({*shown.imports, POSING, imported}))
        return Shown(lambda: posing_as(kind, shown.make()), f"posing_as({kind.__qualname__}, {shown.code})", imports)

    return lambda ctx: builder(ctx).map(pose)


def _choosing(values: Tuple[Any, ...]) -> Builder:
    return lambda ctx: st.sampled_from(values).map(_literal)


# Draws of the parameters a failed check of the class names, per argument set: a check
# such as `batch_size % k == 0` holds for about one draw in three.
_REDRAWS = 30
# Drawn first, and what other parameters were drawn to fit (one value per item): not drawn again.
_DATA = (_data, _concat)
_FIRST = (_world, *_DATA, _rank)


def _redraw_until_valid(draw, ctx, drawn, checks, plan, overrides) -> None:
    """Draws again the parameters that a check of the class's constructor (guards.py)
    rejects, until every check holds or the tries run out (the build then fails)."""
    builders = {
        param.name: builder
        for param, builder, role in plan
        if role not in _FIRST and param.name not in overrides
    }
    for _ in range(_REDRAWS):
        values = {name: shown.make() for name, shown, _ in drawn.values()}
        failed = next((check for check in checks if not check.holds(values)), None)
        if failed is not None and failed.multiple and failed.multiple[0] in builders:
            total, part = failed.multiple
            if all(type(values[name]) is int and values[name] > 0 for name in failed.multiple):
                # The nearest multiple at or above the part: in the range the total was drawn in.
                multiple = values[part] * max(1, round(values[total] / values[part]))
                drawn[total] = (total, _literal(multiple), drawn[total][2])
                continue
        if failed is not None and failed.solved and failed.solved[0] in builders:
            name, other = failed.solved
            value = failed.value(other, values)
            if type(value) in (int, float, str, bool):
                drawn[name] = (name, _literal(value), drawn[name][2])
                continue
        redrawn = sorted(failed.names & set(builders)) if failed is not None else []
        # A flag the check is conditioned on (`if split and size % n: raise`) chooses the
        # scenario: switching it off would satisfy every such check and never search what
        # it switches on. The other parameters are drawn again while any are named.
        values_named = [name for name in redrawn if type(values[name]) is not bool]
        redrawn = values_named or redrawn
        if not redrawn:
            return
        for name in redrawn:
            drawn[name] = (name, draw(builders[name](ctx)), drawn[name][2])


def _count_groups(drawn: Dict[str, Tuple[str, Shown, bool]]) -> None:
    """A count of groups passed beside the keys of the items (`num_classes` beside
    `labels`) is the number those keys name, as a caller's is (see _group_count)."""
    counts = [name for name in drawn if _GROUP_COUNT.search(name) and _by_name(name) in _NUMBERS]
    keyed = [name for name in drawn if _by_name(name) is _keys]
    if not counts or not keyed:
        return
    keys = []
    for name in keyed:
        value = drawn[name][1].make()
        # Named like keys but drawn otherwise (what the code does with it can overrule
        # the name: handed.py, pinned.py): a value that is no collection names no group
        # (it raised TypeError, an internal error that ended the class's search).
        if hasattr(value, "tolist"):
            keys += value.tolist()
        elif isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
            keys += list(value)
    many = _literal(1 + max((key for key in keys if type(key) is int), default=0))
    for name in counts:
        drawn[name] = (name, many, drawn[name][2])


def whole(target: Callable[..., Any], strategy: st.SearchStrategy) -> st.SearchStrategy:
    """Calls from a user's strategy of keyword dicts."""
    return strategy.map(lambda kwargs: Call(target, tuple((k, _shown(v), False) for k, v in kwargs.items())))
