"""Cases for sampler classes that have no hand-written recipe, built from their signature.

Most samplers take the same few things: a dataset or an inner sampler, a batch size,
`drop_last`, a world size and a rank, labels or lengths. A parameter is filled from its
name (`_VALUES`), a parameter with a default keeps it, and a class whose constructor
needs anything else is reported as not run, naming what it needs. The grid is small on
purpose: a few hundred classes go through it on a two-core machine.
"""

from __future__ import annotations

import inspect
import itertools
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from .recipes import LENGTHS, Case

# Dataset sizes, batch sizes and (world size, rank) pairs of the grid.
SIZES = (1, 7, 10, 23)
BATCHES = (3, 4)
WORLDS = ((1, 0), (3, 0), (3, 2))


def _labels(n: int) -> List[int]:
    # Three classes of unequal size, as class-balancing samplers need.
    return [(i * i) % 3 for i in range(n)]


def lengths_of(n: int) -> List[int]:
    return [LENGTHS[i % len(LENGTHS)] for i in range(n)]


def _sequential(n: int):
    import torch.utils.data as tud

    return tud.SequentialSampler(range(n))


def _batch_sampler(n: int, b: int, drop_last: bool):
    import torch.utils.data as tud

    return tud.BatchSampler(_sequential(n), b, drop_last)


class _Point:
    """One configuration of the grid; each parameter name reads one of its fields."""

    def __init__(self, n: int, b: int, drop_last: bool, world: int, rank: int, offset: int) -> None:
        self.n, self.b, self.drop_last, self.world, self.rank, self.offset = (
            n,
            b,
            drop_last,
            world,
            rank,
            offset,
        )


# Parameter name -> its value at a point of the grid. Names are compared lowercased.
_VALUES: Dict[str, Callable[[_Point], Any]] = {}
for _names, _value in [
    (
        ("data_source", "dataset", "data", "datasource", "ds", "indices", "dataset_or_indices", "iterable"),
        lambda p: list(range(p.n)),
    ),
    (("sampler", "base_sampler", "data_sampler", "inner_sampler"), lambda p: _sequential(p.n)),
    (("batch_sampler",), lambda p: _batch_sampler(p.n, p.b, p.drop_last)),
    (
        ("batch_size", "bs", "batchsize", "micro_batch_size", "samples_per_gpu", "global_batch_size"),
        lambda p: p.b,
    ),
    (("drop_last", "drop_last_batch"), lambda p: p.drop_last),
    (
        (
            "num_replicas",
            "world_size",
            "num_processes",
            "replicas",
            "data_parallel_size",
            "dp_size",
            "num_ranks",
            "num_workers",
        ),
        lambda p: p.world,
    ),
    (
        ("rank", "process_index", "data_parallel_rank", "global_rank", "dp_rank", "local_rank"),
        lambda p: p.rank,
    ),
    (
        (
            "total_samples",
            "total_size",
            "num_samples",
            "data_size",
            "dataset_size",
            "size",
            "n",
            "n_obs",
            "len_data",
            "samples_per_epoch",
            "num_iterations",
            "train_iters",
            "total_iter",
        ),
        lambda p: p.n,
    ),
    (
        ("consumed_samples", "start_index", "start_iter", "skip", "offset", "skip_batches", "skip_step"),
        lambda p: p.offset,
    ),
    (("labels", "targets", "label", "class_labels", "y", "group_ids"), lambda p: _labels(p.n)),
    (("lengths", "lens", "sizes", "seq_lengths", "lengths_list", "durations"), lambda p: lengths_of(p.n)),
    # A budget per batch (tokens, frames) a little above the longest item of LENGTHS.
    (("max_batch_length", "frames_threshold", "max_tokens"), lambda p: 45),
    (("mini_repeat_count",), lambda p: 2),
    (("shuffle",), lambda p: False),
    (("seed", "random_seed"), lambda p: 0),
    (("weights", "sample_weights"), lambda p: [1.0 + (i % 3) for i in range(p.n)]),
    (("bptt_length",), lambda p: p.b),
    (("epoch",), lambda p: 0),
]:
    for _name in _names:
        _VALUES[_name] = _value


def _parameters(cls: type) -> Tuple[List[str], List[str]]:
    """(names the grid fills, required names it cannot fill) of the constructor."""
    try:
        signature = inspect.signature(cls.__init__)
    except (TypeError, ValueError):
        return [], ["an unreadable signature"]
    filled, missing = [], []
    for name, param in list(signature.parameters.items())[1:]:
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if name.lower() in _VALUES:
            filled.append(name)
        elif param.default is param.empty:
            missing.append(name)
    return filled, missing


def why_not_probed(cls: type) -> Optional[str]:
    """Why the grid cannot build `cls`, or None when it can."""
    if inspect.isabstract(cls):
        return "abstract"
    filled, missing = _parameters(cls)
    if missing:
        return "constructor needs " + ", ".join(missing)
    return None


def probe_cases(cls: type) -> Iterator[Case]:
    """The grid over the parameters `cls` takes; a parameter it lacks does not multiply it."""
    filled, _ = _parameters(cls)
    used = {_VALUES[name.lower()] for name in filled}
    axes = [
        SIZES,
        BATCHES if any(_VALUES[k] in used for k in ("batch_size", "batch_sampler")) else (4,),
        (False, True) if any(_VALUES[k] in used for k in ("drop_last", "batch_sampler")) else (False,),
        WORLDS if any(_VALUES[k] in used for k in ("num_replicas", "rank")) else ((1, 0),),
        (0, 2) if _VALUES["consumed_samples"] in used else (0,),
    ]
    for n, b, drop_last, (world, rank), offset in itertools.product(*axes):
        point = _Point(n, b, drop_last, world, rank, offset)
        config = " ".join(f"{name}={_show(_VALUES[name.lower()](point))}" for name in filled)

        def build(point=point):
            return cls(**{name: _VALUES[name.lower()](point) for name in filled})

        # Two epochs one after the other: a length that __iter__ changes shows in the second.
        yield Case(config or "defaults", build, repeat=2)


def _show(value: Any) -> str:
    if isinstance(value, list):
        return f"[{len(value)} items]"
    if hasattr(value, "__len__") and not isinstance(value, (str, bytes)):
        return f"{type(value).__name__}({len(value)})"
    return repr(value)
