"""A length only len() reads, which no call site of the class in its project passes,
keeps its default in the search (check/callers.py): the check must not report a counterexample on an input no
caller would pass. Our own project on disk: a tiled sampler whose `length`, inherited
from a base for a random sibling, its own iteration ignores. Before callers.py it was a
counterexample (`length=1`) whatever its callers did."""

from __future__ import annotations

import importlib
import sys
import textwrap
from pathlib import Path

import pytest

from flake8_dplen.check.callers import BATCHES, INDEX, sampler_kinds, unpassed
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

SAMPLERS = """
import math
from torch.utils.data import Sampler


class Tiled(Sampler):
    def __init__(self, sizes, tile: int, length: int = None):
        self.sizes, self.tile, self.length = sizes, tile, length

    def __len__(self):
        if self.length:
            return self.length
        return sum(math.ceil(s / self.tile) for s in self.sizes)


class SequentialTiles(Tiled):
    def __iter__(self):
        for i, size in enumerate(self.sizes):
            for j in range(math.ceil(size / self.tile)):
                yield (i, j)


class OverlappingTiles(Tiled):
    # Wrong with overlap: one tile more per image than len() counts.
    def __init__(self, sizes, tile: int, overlap: bool = False):
        super().__init__(sizes, tile)
        self.overlap = overlap

    def __iter__(self):
        for i, size in enumerate(self.sizes):
            for j in range(math.ceil(size / self.tile) + int(self.overlap)):
                yield (i, j)
"""


def _package(tmp_path, monkeypatch, package: str, samplers: str):
    """`make(caller)`: a package ``package`` whose `samplers` module is ``samplers``, and a
    module `train` that builds them as ``caller`` says; returns the samplers module."""

    def make(caller: str):
        folder = tmp_path / package
        folder.mkdir()
        (folder / "__init__.py").write_text("")
        (folder / "samplers.py").write_text(samplers)
        (tmp_path / "train.py").write_text(textwrap.dedent(caller))
        monkeypatch.syspath_prepend(str(tmp_path))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            monkeypatch.delitem(sys.modules, name)
        return importlib.import_module(package + ".samplers")

    return make


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A package `tiles` with the samplers and a module that builds them as CALLER says."""
    return _package(tmp_path, monkeypatch, "tiles", SAMPLERS)


def test_a_parameter_no_caller_passes_keeps_its_default(project):
    cls = project(
        """
        from tiles.samplers import OverlappingTiles, SequentialTiles

        def loader(sizes: list, patch: int) -> SequentialTiles:
            assert not isinstance(sizes, SequentialTiles)
            return SequentialTiles(sizes, tile=patch), OverlappingTiles(sizes, patch)
        """
    )
    assert unpassed(cls.SequentialTiles) == {"length"}
    assert check_class(cls.SequentialTiles, Options(budget=2.0)).status == OK
    # A parameter its iteration reads is drawn though no caller passes it: the class
    # implements something for it.
    assert unpassed(cls.OverlappingTiles) == {"overlap"}
    result = check_class(cls.OverlappingTiles, Options(budget=2.0))
    assert result.status == COUNTEREXAMPLE and "overlap=True" in result.call.code


def test_a_caller_that_passes_it_makes_it_drawn(project):
    cls = project(
        """
        from tiles.samplers import SequentialTiles

        val = SequentialTiles([5, 3], 2)
        capped = SequentialTiles([5, 3], 2, 100)
        """
    )
    assert unpassed(cls.SequentialTiles) == frozenset()
    result = check_class(cls.SequentialTiles, Options(budget=2.0))
    assert result.status == COUNTEREXAMPLE and "length=" in result.call.code


@pytest.mark.parametrize(
    "caller",
    [
        "from tiles.samplers import SequentialTiles\nSequentialTiles(**{'sizes': [1], 'tile': 1})\n",
        "from functools import partial\nfrom tiles.samplers import SequentialTiles\n"
        "make = partial(SequentialTiles, tile=2)\n",
        "from tiles.samplers import SequentialTiles\nSAMPLERS = {'tiles': SequentialTiles}\n",
    ],
)
def test_call_sites_that_cannot_all_be_seen_restrict_nothing(project, caller):
    assert unpassed(project(caller).SequentialTiles) == frozenset()


def test_no_call_site_restricts_nothing(project):
    assert unpassed(project("print('no sampler here')\n").SequentialTiles) == frozenset()


# A wrapper of "a sampler" is given samplers of batches too, unless every call site of
# it in its project hands it samplers of indices (callers.sampler_kinds).
WRAPPERS = Path(__file__).parent / "fixtures" / "check" / "wrapped_kind_samplers.py"


@pytest.fixture
def wrapped(tmp_path, monkeypatch):
    """A package `wraps` with the wrappers of WRAPPERS and a module that builds them as
    CALLER says."""
    return _package(tmp_path, monkeypatch, "wraps", WRAPPERS.read_text())


CALLERS = """
import torch.utils.data as tud
from wraps.samplers import BucketWrapper, DistributedDraws, WeightedWrapper

def loaders(weights, dataset, world, rank):
    if world > 1:
        draws = tud.WeightedRandomSampler(weights, len(weights))
    else:
        draws = tud.RandomSampler(dataset)
    weighted = WeightedWrapper(draws, num_replicas=world, rank=rank)
    balanced = DistributedDraws(weights, world, rank)
    batches = tud.BatchSampler(tud.RandomSampler(dataset), 4, drop_last=False)
    return weighted, balanced, BucketWrapper(batches, world, rank)
"""


def test_a_wrapper_only_given_samplers_of_indices_is_given_no_batches(wrapped):
    module = wrapped(CALLERS)
    # Its sites: a local that two calls of torch's index samplers assign, and the
    # super().__init__ of a subclass, which passes a sampler of the module built on one.
    assert sampler_kinds(module.WeightedWrapper, "sampler") == {INDEX}
    assert check_class(module.WeightedWrapper, Options(budget=2.0)).status == OK
    # Its twin, handed a BatchSampler, is wrong on a rank with one batch: still found.
    assert sampler_kinds(module.BucketWrapper, "sampler") == {BATCHES}
    result = check_class(module.BucketWrapper, Options(budget=2.0))
    assert result.status == COUNTEREXAMPLE and "BatchSampler(" in result.call.code


@pytest.mark.parametrize(
    "caller",
    [
        # A parameter of the function: what it holds is not seen.
        "from wraps.samplers import WeightedWrapper\n"
        "def loader(sampler):\n    return WeightedWrapper(sampler)\n",
        # A local assigned from a call of a class that is not known to be a sampler of indices.
        "from wraps.samplers import WeightedWrapper\nfrom buckets import Bucketing\n"
        "def loader(data):\n    sampler = Bucketing(data)\n    return WeightedWrapper(sampler)\n",
        # One site that leaves it to be handed around.
        "import torch.utils.data as tud\nfrom wraps.samplers import WeightedWrapper\n"
        "WeightedWrapper(tud.RandomSampler(range(4)))\nmake = WeightedWrapper\n",
    ],
)
def test_a_wrapper_given_samplers_not_known_is_given_both_kinds(wrapped, caller):
    module = wrapped(caller)
    assert sampler_kinds(module.WeightedWrapper, "sampler") != {INDEX}
    result = check_class(module.WeightedWrapper, Options(budget=2.0))
    assert result.status == COUNTEREXAMPLE and "BatchSampler(" in result.call.code


def test_a_batch_sampler_handed_samplers_of_indices_gets_records_to_read(wrapped):
    """Handed torch's samplers of indices over generated ranges only, a class that reads
    its items through one (`sampler.data_source[i]["mask"]`) fails on a range's ints: the
    search's next round gives it samplers over records (search._lacks_data), and the
    class is judged, not "could not build"."""
    module = wrapped(
        """
        import torch
        from wraps.samplers import LengthBuckets

        def loaders(train, val, bs):
            train_batches = LengthBuckets(torch.utils.data.RandomSampler(train), bs, drop_last=True)
            val_batches = LengthBuckets(torch.utils.data.SequentialSampler(val), bs, drop_last=False)
            return train_batches, val_batches
        """
    )
    assert sampler_kinds(module.LengthBuckets, "sampler") == {INDEX}
    result = check_class(module.LengthBuckets, Options(budget=2.0))
    assert result.status == OK and result.examples > 0


def test_a_wrapper_nothing_of_its_callers_kind_builds_is_checked_over_any_sampler(wrapped):
    module = wrapped(
        "import torch.utils.data as tud\nfrom wraps.samplers import ItemsOfBatches\n"
        "def loader(data):\n    return ItemsOfBatches(tud.RandomSampler(data))\n"
    )
    assert sampler_kinds(module.ItemsOfBatches, "sampler") == {INDEX}
    result = check_class(module.ItemsOfBatches, Options(budget=2.0))
    assert result.status == COUNTEREXAMPLE and "BatchSampler(" in result.call.code
