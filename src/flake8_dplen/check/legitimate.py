"""Inputs no caller passes (README, "what the search takes as legitimate"): a sampler may
disagree with its len() on them, but that is no counterexample, and the search goes on
to inputs a caller could pass. The policy reads only the drawn arguments, never the
class, so that it holds on code the generator was never grown on:

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

from typing import Any, Iterator, List, Optional

from .arguments import BATCH, Call, role_of


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
