"""Inputs no caller passes (README, "what the search takes as legitimate"): a sampler may
disagree with its len() on them, but that is no counterexample, and the search goes on
to inputs a caller could pass. The policy reads the drawn arguments, and of the class
only which numbers it makes its indices of (`torch.randperm(self.dataset_size)`,
`np.arange(self.N_total)`, `range(n)`): such a number is the size of its data, given as
a count instead of a dataset, so that it holds on code the generator was never grown on:

- data there is none of: every dataset (or list with one value per item) given is
  empty. A loader over no data has no epoch whose length could mislead a loop;
- more processes than items: a world of 4 over 3 items leaves a rank with nothing to
  load, which no distributed run is started with;
- a batch larger than the whole data: no caller trains on one batch that its data
  cannot fill, and a class that batches assumes it can (rounding down to no batch,
  dividing the leftover by the batch);
- more samples than items (on every rank) from a class that takes no `replacement`: it
  cannot be told to draw an item twice.

The data-dependent cases a real dataset has stay legitimate: groups smaller than K,
a leftover in each bucket, items filtered out by a limit, budgets that items overflow."""

from __future__ import annotations

import ast
import inspect
from functools import lru_cache
from typing import Any, FrozenSet, Iterator, List, Optional

from .arguments import BATCH, Call, role_of
from .reads import called_name, class_trees, held_in


def _items(value: Any, depth: int = 3) -> Optional[int]:
    """How many items ``value`` holds, when it is data: a dataset (a range or a generated
    table), or a torch sampler over one (a batch sampler counts the items of the sampler
    it batches, not its batches)."""
    from torch.utils.data import Sampler

    from .records import Records, Table

    if isinstance(value, (range, Table, Records)):
        return len(value)
    if isinstance(value, Sampler) and depth:
        inner = getattr(value, "sampler", None)
        if inner is not None and inner is not value:
            return _items(inner, depth - 1)
        return _sized(getattr(value, "data_source", None))
    return None


def _sized(value: Any) -> Optional[int]:
    try:
        return len(value) if value is not None else None
    except Exception:  # not sized: says nothing of the data
        return None


def _values(call: Call) -> Iterator[tuple]:
    for name, shown, _ in call.args:
        try:
            yield name, shown.make()
        except Exception:  # a user's value that cannot be made again says nothing either
            continue


def degenerate(call: Call) -> str:
    """Why no caller passes ``call``'s arguments ("" when one may)."""
    values = list(_values(call))
    # Lists with one value per item (`labels`, `lengths`) are data too.
    sizes: List[Optional[int]] = [_items(value) for _, value in values]
    sizes += [_sized(value) for name, value in values if role_of(name) == "per item"]
    # The data's size given as a number (a copy of DistributedSampler over `dataset_size`,
    # whose padding `indices[:total_size - n]` runs short only where a world outnumbers
    # the items: before s15-search such copies were reported over one item on two ranks).
    counts = _counts_of_items(call.target)
    sizes += [value for name, value in values if name in counts and type(value) is int]
    known = [n for n in sizes if n is not None]
    if not known:
        return ""
    items = max(known)
    if items == 0:
        return "every dataset given is empty"
    worlds = [value for name, value in values if role_of(name) == "world" and isinstance(value, int)]
    world = call.world[0] if call.world is not None else max(worlds, default=1)
    if world > items:
        return f"a world of {world} processes over {items} items (a rank with nothing to load)"
    batches = [value for name, value in values if BATCH.search(name) and type(value) is int]
    # The batch size of a batch sampler handed over (`BatchSampler(range(3), batch_size=9)`).
    batches += [getattr(value, "batch_size", None) for _, value in values if _items(value) is not None]
    batches = [b for b in batches if type(b) is int]
    if batches and max(batches) > items:
        return f"a batch of {max(batches)} over {items} items (no batch its data can fill)"
    # A class that takes no `replacement` cannot be told to draw an item twice: more
    # samples than items (a rank's samples, as torch's samplers count them, times the
    # ranks) ask it for what only drawing with replacement gives (cde's samplers, whose
    # callers pass a whole number of batches of the data). Where it takes one, more
    # samples than items without replacement stay legitimate: that is a real caller's
    # request, and a class that then promises them is wrong.
    names = {name for name, _ in values}
    samples = [value for name, value in values if name in _SAMPLES and type(value) is int]
    if samples and max(samples) * world > items and not any("replacement" in name for name in names):
        return f"{max(samples)} samples on each of {world} ranks over {items} items, and no replacement"
    return ""


# The number of samples an epoch draws, as torch's samplers name it.
_SAMPLES = {"num_samples", "n_samples"}


# Calls that make the indices 0..n-1 of a number n (the stop of `range(start, stop, step)`).
_INDICES_OF = {"range", "arange", "randperm"}


@lru_cache(maxsize=None)
def _counts_of_items(target: Any) -> FrozenSet[str]:
    """The parameters of ``target`` that its code (or a base's) makes indices of: the
    number of its items. A batch size or a world size looped over (`range(self.batch_size)`)
    is no such number, and is left out, as are parameters the class only hands on."""
    if not isinstance(target, type):
        return frozenset()
    try:
        params = inspect.signature(target).parameters
    except (TypeError, ValueError):
        return frozenset()
    trees = class_trees(target)
    bounds = set()
    for _, tree in trees:
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args and called_name(node) in _INDICES_OF):
                continue
            stop = node.args[1] if called_name(node) != "randperm" and len(node.args) > 1 else node.args[0]
            # `range(int(self.n))`: the number it converts.
            while isinstance(stop, ast.Call) and called_name(stop) == "int" and len(stop.args) == 1:
                stop = stop.args[0]
            bounds.add(ast.unparse(stop))
    return frozenset(
        name
        for name in params
        if not BATCH.search(name) and role_of(name) != "world" and held_in(trees, name) & bounds
    )
