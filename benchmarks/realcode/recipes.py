"""How to build each known sampler class of the corpus, over which configurations.

A recipe is a generator of `Case`s, given the class's module (run from the unpacked
tree) and its `TreeLoader` (for sibling modules). A class that cannot be run cheaply is
a row of not_run.tsv with the reason, so the report lists it rather than hiding it.
"""

from __future__ import annotations

import itertools
import tempfile
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from flake8_dplen.runtime import expected_poisson_batches


@dataclass
class Case:
    config: str
    build: Callable[[], Any]
    epochs: int = 1
    expected: Optional[float] = None
    reseed: Optional[Callable[[int], Any]] = None
    # A piece of the source line that this case exercises, to tie a mismatch to the
    # finding on that line when a class has more than one.
    marker: Optional[str] = None
    repeat: int = 1  # consecutive epochs checked one by one (samplers with per-epoch state)


@dataclass
class Recipe:
    label: str
    rel: str
    cls: str
    cases: Optional[Callable[..., Any]] = None
    skip: Optional[str] = None  # why this sampler is not run


RECIPES: List[Recipe] = []


def recipe(label: str, rel: str, cls: str):
    def register(function):
        RECIPES.append(Recipe(label, rel, cls, function))
        return function

    return register


def _not_run(table: Path) -> None:
    """The classes that cannot be run cheaply, one a row of `table` (tab-separated: project,
    `file::Class`, why it is not run): registered so that the report lists them."""
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()[1:]]
    for label, name, why in rows:
        rel, _, cls = name.partition("::")
        RECIPES.append(Recipe(label, rel, cls, skip=why))


_not_run(Path(__file__).with_name("not_run.tsv"))


def _torch():
    import torch.utils.data as tud

    return tud


def _batches(n: int, b: int, drop_last: bool = False):
    tud = _torch()
    return tud.BatchSampler(tud.SequentialSampler(range(n)), b, drop_last)


def per_rank(names: str, rows: Iterable[Sequence[Any]], make: Callable[..., Any], world: str = "replicas"):
    """A case for every rank of each row, labelled by the row's values (`names` spaced): every
    distributed recipe runs all ranks of its worlds, so none spells that loop itself."""
    keys = names.split()
    for row in rows:
        values = dict(zip(keys, row))
        for rank in range(values[world]):
            label = " ".join(f"{key}={value}" for key, value in values.items())
            yield Case(f"{label} rank={rank}", lambda values=values, rank=rank: make(rank=rank, **values))


def _no_optimizer():
    # BatchSplittingSampler only tells its optimizer where a logical batch ends.
    return types.SimpleNamespace(signal_skip_step=lambda do_skip=True: None)


def gloo() -> None:
    """A one-process gloo group, for samplers that ask torch.distributed for world size and rank."""
    import torch.distributed as dist

    if not dist.is_initialized():
        # An in-memory store: a file:// rendezvous leaves a folder per run in the temp folder.
        dist.init_process_group("gloo", store=dist.HashStore(), rank=0, world_size=1)


def _labels(counts: Sequence[int]) -> List[int]:
    return [label for label, count in enumerate(counts) for _ in range(count)]


# --- torch -----------------------------------------------------------------------------

TORCH_N = (0, 1, 7, 10, 64)


@recipe("torch", "torch/utils/data/sampler.py", "SequentialSampler")
def _(m, loader):
    for n in TORCH_N:
        yield Case(f"n={n}", lambda n=n: m.SequentialSampler(range(n)))


@recipe("torch", "torch/utils/data/sampler.py", "RandomSampler")
def _(m, loader):
    for n, replacement, num in [(7, False, None), (7, True, 3), (7, False, 12), (1, True, 9)]:
        yield Case(
            f"n={n} replacement={replacement} num_samples={num}",
            lambda n=n, r=replacement, k=num: m.RandomSampler(range(n), replacement=r, num_samples=k),
        )


@recipe("torch", "torch/utils/data/sampler.py", "SubsetRandomSampler")
def _(m, loader):
    for indices in ([], [3], [1, 3, 5, 9]):
        yield Case(f"indices={indices}", lambda i=indices: m.SubsetRandomSampler(i))


@recipe("torch", "torch/utils/data/sampler.py", "WeightedRandomSampler")
def _(m, loader):
    for k, replacement in [(5, True), (2, False), (3, False)]:
        yield Case(
            f"num_samples={k} replacement={replacement}",
            lambda k=k, r=replacement: m.WeightedRandomSampler([0.1, 0.5, 0.4], k, replacement=r),
        )


@recipe("torch", "torch/utils/data/sampler.py", "BatchSampler")
def _(m, loader):
    for n in TORCH_N:
        for b in (1, 3, 4):
            for drop_last in (False, True):
                yield Case(
                    f"n={n} b={b} drop_last={drop_last}",
                    lambda n=n, b=b, d=drop_last: m.BatchSampler(m.SequentialSampler(range(n)), b, d),
                )


@recipe("torch", "torch/utils/data/distributed.py", "DistributedSampler")
def _(m, loader):
    yield from per_rank(
        "n replicas drop_last",
        itertools.product((1, 7, 10), (1, 3, 4), (False, True)),
        lambda n, replicas, rank, drop_last: m.DistributedSampler(
            range(n), num_replicas=replicas, rank=rank, shuffle=True, drop_last=drop_last
        ),
    )


@recipe(
    "torch",
    "torch/distributed/elastic/utils/data/elastic_distributed_sampler.py",
    "ElasticDistributedSampler",
)
def _(m, loader):
    yield from per_rank(
        "n replicas start",
        [(10, 3, 0), (10, 3, 4), (7, 2, 6), (64, 4, 13)],
        lambda n, replicas, rank, start: m.ElasticDistributedSampler(
            range(n), num_replicas=replicas, rank=rank, start_index=start
        ),
    )


# --- opacus ----------------------------------------------------------------------------


def _opacus(label: str) -> None:
    @recipe(label, "opacus/utils/batch_memory_manager.py", "BatchSplittingSampler")
    def _(m, loader):
        import torch

        uniform = loader.module("opacus.utils.uniform_sampler")
        for n in (1, 5, 10, 37, 100, 370):
            for b in (3, 7, 58):
                for mb in (2, 3, 7):
                    for drop_last in (False, True):
                        yield Case(
                            f"BatchSampler n={n} b={b} max={mb} drop_last={drop_last}",
                            lambda n=n, b=b, mb=mb, d=drop_last: m.BatchSplittingSampler(
                                sampler=_batches(n, b, d), max_batch_size=mb, optimizer=_no_optimizer()
                            ),
                            marker="self.sampler.batch_size",
                        )
        for n, q, mb in [(100, 0.05, 4), (1000, 0.05, 16), (1000, 0.2, 64), (60, 0.1, 2)]:
            g = torch.Generator()
            steps = int(1 / q)
            yield Case(
                f"Poisson n={n} q={q} max={mb}",
                lambda n=n, q=q, mb=mb, g=g: m.BatchSplittingSampler(
                    sampler=uniform.UniformWithReplacementSampler(num_samples=n, sample_rate=q, generator=g),
                    max_batch_size=mb,
                    optimizer=_no_optimizer(),
                ),
                epochs=100,
                expected=expected_poisson_batches(n, q, mb, steps, empty_batch_counts=True),
                reseed=lambda epoch, g=g: g.manual_seed(epoch),
                marker="expected_batch_size",
            )

    @recipe(label, "opacus/utils/uniform_sampler.py", "UniformWithReplacementSampler")
    def _(m, loader):
        for n, q in [(10, 0.1), (100, 1 / 93), (50, 0.3), (7, 0.5)]:
            yield Case(
                f"n={n} q={q:.4g}",
                lambda n=n, q=q: m.UniformWithReplacementSampler(num_samples=n, sample_rate=q),
            )

    @recipe(label, "opacus/utils/uniform_sampler.py", "DistributedUniformWithReplacementSampler")
    def _(m, loader):
        import torch

        gloo()
        for n, q in [(1000, 0.05), (10, 0.05), (3, 0.1)]:
            g = torch.Generator()
            steps = int(1 / q)
            yield Case(
                f"world=1 n={n} q={q}",
                lambda n=n, q=q, g=g: m.DistributedUniformWithReplacementSampler(
                    total_size=n, sample_rate=q, generator=g
                ),
                epochs=100,
                # Empty logical batches are skipped, so the mean count is below `steps`.
                expected=steps * (1 - (1 - q) ** n),
                reseed=lambda epoch, g=g: g.manual_seed(epoch),
            )


_opacus("opacus-1.4.1")
_opacus("opacus-1.6.0")


# --- pytorch-lightning -----------------------------------------------------------------


@recipe("pytorch-lightning", "pytorch_lightning/demos/lstm.py", "SequenceSampler")
def _(m, loader):
    for n in TORCH_N:
        for b in (1, 3, 4):
            yield Case(f"n={n} b={b}", lambda n=n, b=b: m.SequenceSampler(range(n), b))


@recipe("pytorch-lightning", "pytorch_lightning/overrides/distributed.py", "UnrepeatedDistributedSampler")
def _(m, loader):
    yield from per_rank(
        "n replicas",
        [(7, 3), (10, 4), (3, 3)],
        lambda n, replicas, rank: m.UnrepeatedDistributedSampler(
            range(n), num_replicas=replicas, rank=rank, shuffle=False
        ),
    )


@recipe("pytorch-lightning", "lightning_fabric/utilities/distributed.py", "DistributedSamplerWrapper")
def _(m, loader):
    yield from per_rank(
        "n replicas",
        [(7, 3), (10, 4)],
        lambda n, replicas, rank: m.DistributedSamplerWrapper(
            _torch().SequentialSampler(range(n)), num_replicas=replicas, rank=rank, shuffle=False
        ),
    )


# --- transformers ----------------------------------------------------------------------

LENGTHS = [5, 17, 3, 3, 40, 12, 8, 1, 22, 9, 9, 30, 2, 14, 6, 11, 19]


@recipe("transformers", "transformers/trainer_pt_utils.py", "LengthGroupedSampler")
def _(m, loader):
    for n in (1, 7, 17):
        for b in (1, 4):
            yield Case(f"n={n} b={b}", lambda n=n, b=b: m.LengthGroupedSampler(b, lengths=LENGTHS[:n]))


@recipe("transformers", "transformers/trainer_pt_utils.py", "ShardSampler")
def _(m, loader):
    yield from per_rank(
        "n b drop_last procs",
        itertools.product((1, 7, 10, 17), (1, 3), (False, True), (1, 2, 3)),
        lambda n, b, drop_last, procs, rank: m.ShardSampler(
            range(n), batch_size=b, drop_last=drop_last, num_processes=procs, process_index=rank
        ),
        world="procs",
    )


@recipe("transformers", "transformers/trainer_pt_utils.py", "BatchRebalanceSampler")
def _(m, loader):
    yield from per_rank(
        "n effective dp accum drop_last",
        (
            (n, *sizes, drop_last)
            for n in (8, 17)
            for sizes in [(4, 2, 2), (6, 1, 3), (8, 2, 1)]
            for drop_last in (False, True)
        ),
        lambda n, effective, dp, accum, drop_last, rank: m.BatchRebalanceSampler(
            LENGTHS[:n], effective, dp, accum, shuffle=False, rank=rank, drop_last=drop_last
        ),
        world="dp",
    )


@recipe("transformers", "transformers/trainer_pt_utils.py", "DistributedSamplerWithLoop")
def _(m, loader):
    yield from per_rank(
        "n b replicas",
        [(10, 4, 2), (7, 3, 3), (16, 4, 2), (5, 2, 1)],
        lambda n, b, replicas, rank: m.DistributedSamplerWithLoop(
            range(n), b, num_replicas=replicas, rank=rank
        ),
    )


@recipe("transformers", "transformers/trainer_pt_utils.py", "DistributedLengthGroupedSampler")
def _(m, loader):
    yield from per_rank(
        "n replicas drop_last",
        (
            (n, replicas, drop_last)
            for n, replicas in [(17, 2), (7, 3), (9, 4)]
            for drop_last in (False, True)
        ),
        lambda n, replicas, rank, drop_last: m.DistributedLengthGroupedSampler(
            2, lengths=LENGTHS[:n], num_replicas=replicas, rank=rank, drop_last=drop_last
        ),
    )


# --- accelerate ------------------------------------------------------------------------


@recipe("accelerate", "accelerate/data_loader.py", "BatchSamplerShard")
def _(m, loader):
    yield from per_rank(
        "n b procs drop_last split even",
        (
            row
            for row in itertools.product((1, 2, 5, 7, 8, 16, 23), (2, 4), (1, 2, 3), *[(False, True)] * 3)
            # accelerate refuses to split a batch that the processes do not divide
            if not (row[4] and row[1] % row[2])
        ),
        lambda n, b, procs, drop_last, split, even, rank: m.BatchSamplerShard(
            _batches(n, b, drop_last),
            num_processes=procs,
            process_index=rank,
            split_batches=split,
            even_batches=even,
        ),
        world="procs",
    )


@recipe("accelerate", "accelerate/data_loader.py", "SkipBatchSampler")
def _(m, loader):
    for n, b, skip in [(10, 3, 0), (10, 3, 2), (10, 3, 4), (10, 3, 6)]:
        yield Case(
            f"n={n} b={b} skip={skip}",
            lambda n=n, b=b, s=skip: m.SkipBatchSampler(_batches(n, b), skip_batches=s),
        )


# --- torch-geometric -------------------------------------------------------------------


@recipe("torch-geometric", "torch_geometric/loader/dynamic_batch_sampler.py", "DynamicBatchSampler")
def _(m, loader):
    graphs = [types.SimpleNamespace(num_nodes=k, num_edges=2 * k) for k in (3, 5, 2, 7, 1, 4, 6, 2)]
    for max_num in (8, 12):
        for steps in (1, 2, 3, 10):
            yield Case(
                f"8 graphs max_num={max_num} num_steps={steps}",
                lambda x=max_num, s=steps: m.DynamicBatchSampler(graphs, x, mode="node", num_steps=s),
            )


@recipe("torch-geometric", "torch_geometric/loader/ibmb_loader.py", "IBMBOrderedSampler")
def _(m, loader):
    for order in ([], [2, 0, 1], list(range(9))):
        yield Case(f"order={order}", lambda o=order: m.IBMBOrderedSampler(o))


@recipe("torch-geometric", "torch_geometric/loader/ibmb_loader.py", "IBMBWeightedSampler")
def _(m, loader):
    import numpy as np

    for k in (2, 3, 6):
        kl = np.random.default_rng(k).random((k, k)) + 0.1
        np.fill_diagonal(kl, 0.0)
        yield Case(f"{k} batches", lambda kl=kl: m.IBMBWeightedSampler(kl))


# --- speechbrain -----------------------------------------------------------------------


@recipe("speechbrain", "speechbrain/dataio/sampler.py", "ConcatDatasetBatchSampler")
def _(m, loader):
    tud = _torch()
    for sizes, bss in [((10, 20), (2, 4)), ((7, 3), (2, 2)), ((5, 9, 4), (1, 2, 3))]:
        yield Case(
            f"sizes={sizes} batch_sizes={bss}",
            lambda s=sizes, b=bss: m.ConcatDatasetBatchSampler(
                [tud.SequentialSampler(range(k)) for k in s], list(b)
            ),
        )


@recipe("speechbrain", "speechbrain/dataio/sampler.py", "DynamicBatchSampler")
def _(m, loader):
    for drop_last in (False, True):
        for buckets in (1, 3):
            for shuffle in (False, True):
                yield Case(
                    f"17 items buckets={buckets} drop_last={drop_last} shuffle={shuffle}",
                    lambda d=drop_last, k=buckets, s=shuffle: m.DynamicBatchSampler(
                        list(range(len(LENGTHS))),
                        40,
                        num_buckets=k,
                        lengths_list=LENGTHS,
                        shuffle=s,
                        batch_ordering="random" if s else "ascending",
                        drop_last=d,
                    ),
                    repeat=3,
                )


@recipe("speechbrain", "speechbrain/dataio/sampler.py", "ReproducibleRandomSampler")
def _(m, loader):
    for n in (1, 7):
        yield Case(f"n={n}", lambda n=n: m.ReproducibleRandomSampler(list(range(n))))


@recipe("speechbrain", "speechbrain/dataio/sampler.py", "DistributedSamplerWrapper")
def _(m, loader):
    tud = _torch()
    yield from per_rank(
        "n b replicas",
        [(10, 1, 2), (10, 3, 2), (4, 2, 2), (7, 3, 3)],
        lambda n, b, replicas, rank: m.DistributedSamplerWrapper(
            _batches(n, b), num_replicas=replicas, rank=rank, shuffle=False
        ),
    )
    for n in (5, 2):
        yield Case(
            f"SequentialSampler n={n} replicas=2 rank=0",
            lambda n=n: m.DistributedSamplerWrapper(
                tud.SequentialSampler(range(n)), num_replicas=2, rank=0, shuffle=False
            ),
        )


# --- mmengine --------------------------------------------------------------------------


@recipe("mmengine", "mmengine/dataset/sampler.py", "DefaultSampler")
def _(m, loader):
    def build(n, world, rank, round_up):
        m.get_dist_info = lambda: (rank, world)  # the module global __init__ asks
        return m.DefaultSampler(range(n), shuffle=True, seed=0, round_up=round_up)

    yield from per_rank(
        "n world round_up", itertools.product((1, 7, 10), (1, 3, 4), (True, False)), build, world="world"
    )


# --- catalyst --------------------------------------------------------------------------

CLASS_COUNTS = (5, 3, 8, 2, 4)


@recipe("catalyst", "catalyst/data/sampler.py", "BalanceClassSampler")
def _(m, loader):
    for mode in ("downsampling", "upsampling", 6):
        yield Case(f"mode={mode}", lambda mode=mode: m.BalanceClassSampler(_labels(CLASS_COUNTS), mode=mode))


@recipe("catalyst", "catalyst/data/sampler.py", "BatchBalanceClassSampler")
def _(m, loader):
    for classes, samples, batches in [(2, 2, None), (3, 2, None), (2, 3, 4)]:
        yield Case(
            f"num_classes={classes} num_samples={samples} num_batches={batches}",
            lambda c=classes, s=samples, b=batches: m.BatchBalanceClassSampler(
                _labels(CLASS_COUNTS), c, s, b
            ),
        )


def _dynamic_balance(m, loader):
    for exp_lambda in (0.5, 0.9):
        yield Case(
            f"exp_lambda={exp_lambda}, 4 epochs",
            lambda e=exp_lambda: m.DynamicBalanceClassSampler(
                _labels(CLASS_COUNTS), exp_lambda=e, ignore_warning=True
            ),
            repeat=4,
        )


recipe("catalyst", "catalyst/data/sampler.py", "DynamicBalanceClassSampler")(_dynamic_balance)
recipe("catalyst", "catalyst/contrib/data/sampler.py", "DynamicBalanceClassSampler")(_dynamic_balance)


@recipe("catalyst", "catalyst/data/sampler.py", "MiniEpochSampler")
def _(m, loader):
    for data_len, mini in [(10, 4), (12, 4), (3, 4), (10, 3)]:
        for drop_last in (False, True):
            yield Case(
                f"data_len={data_len} mini_epoch_len={mini} drop_last={drop_last}, 4 mini-epochs",
                lambda n=data_len, k=mini, d=drop_last: m.MiniEpochSampler(n, k, drop_last=d),
                repeat=4,
            )


@recipe("catalyst", "catalyst/contrib/data/sampler.py", "BalanceBatchSampler")
def _(m, loader):
    for p, k in [(2, 2), (3, 2), (2, 4)]:
        yield Case(f"p={p} k={k}", lambda p=p, k=k: m.BalanceBatchSampler(_labels(CLASS_COUNTS), p, k))


# --- pytorch-metric-learning -----------------------------------------------------------


@recipe(
    "pytorch-metric-learning",
    "pytorch_metric_learning/samplers/fixed_set_of_triplets.py",
    "FixedSetOfTriplets",
)
def _(m, loader):
    for k in (1, 5):
        yield Case(f"num_triplets={k}", lambda k=k: m.FixedSetOfTriplets(_labels(CLASS_COUNTS), k))


@recipe(
    "pytorch-metric-learning", "pytorch_metric_learning/samplers/m_per_class_sampler.py", "MPerClassSampler"
)
def _(m, loader):
    for mpc, b, length in [(2, None, 100), (2, 4, 30), (1, 5, 17), (2, None, 7)]:
        yield Case(
            f"m={mpc} batch_size={b} length_before_new_iter={length}",
            lambda mpc=mpc, b=b, n=length: m.MPerClassSampler(_labels(CLASS_COUNTS), mpc, b, n),
        )


@recipe(
    "pytorch-metric-learning",
    "pytorch_metric_learning/samplers/hierarchical_sampler.py",
    "HierarchicalSampler",
)
def _(m, loader):
    import numpy as np

    labels = np.array([[i % 6, (i % 6) // 2] for i in range(36)])
    for b, per_class, tuples in [(4, 2, 1), (8, 2, 3), (4, 1, 2)]:
        yield Case(
            f"batch_size={b} samples_per_class={per_class} batches_per_super_tuple={tuples}",
            lambda b=b, s=per_class, t=tuples: m.HierarchicalSampler(labels, b, s, t, 2),
            repeat=2,
        )


# --- espnet ----------------------------------------------------------------------------


def _espnet_files() -> Dict[str, str]:
    folder = Path(tempfile.mkdtemp(prefix="dplen-espnet-"))
    lengths = {f"utt{i:02d}": length for i, length in enumerate(LENGTHS)}
    shape = folder / "shape"
    shape.write_text("".join(f"{k} {v},80\n" for k, v in lengths.items()))
    keys = folder / "keys"
    keys.write_text("".join(f"{k} x\n" for k in lengths))
    categories = folder / "category2utt"
    names = sorted(lengths)
    categories.write_text(f"a {' '.join(names[:9])}\nb {' '.join(names[9:])}\n")
    return {"shape": str(shape), "keys": str(keys), "category2utt": str(categories)}


def _espnet_sized(
    m,
    name: str,
    key: str,
    sizes: Sequence[int],
    inputs: Callable[[Dict[str, str]], Any],
    written: Callable[[], Dict[str, str]] = _espnet_files,
    **file_args: str,
):
    """The espnet batch samplers called as (size, inputs, drop_last=..., **file_args), where
    the size is a batch size or a number of bins; `written` writes the files they read,
    `file_args` names the keyword arguments that take one of them (keyword -> its key)."""
    files = written()
    paths = {keyword: files[file] for keyword, file in file_args.items()}
    for size in sizes:
        for drop_last in (False, True):
            yield Case(
                f"17 utts {key}={size} drop_last={drop_last}",
                lambda s=size, d=drop_last: getattr(m, name)(s, inputs(files), drop_last=d, **paths),
            )


recipe("espnet", "espnet2/samplers/sorted_batch_sampler.py", "SortedBatchSampler")(
    lambda m, loader: _espnet_sized(m, "SortedBatchSampler", "b", (1, 4, 5, 20), lambda f: f["shape"])
)
recipe("espnet", "espnet2/samplers/unsorted_batch_sampler.py", "UnsortedBatchSampler")(
    lambda m, loader: _espnet_sized(m, "UnsortedBatchSampler", "b", (1, 4, 5), lambda f: f["keys"])
)
recipe("espnet", "espnet2/samplers/length_batch_sampler.py", "LengthBatchSampler")(
    lambda m, loader: _espnet_sized(
        m, "LengthBatchSampler", "batch_bins", (1000, 4000), lambda f: [f["shape"]]
    )
)
recipe("espnet", "espnet2/samplers/num_elements_batch_sampler.py", "NumElementsBatchSampler")(
    lambda m, loader: _espnet_sized(
        m, "NumElementsBatchSampler", "batch_bins", (1000, 4000), lambda f: [f["shape"]]
    )
)


@recipe("espnet", "espnet2/samplers/folded_batch_sampler.py", "FoldedBatchSampler")
def _(m, loader):
    files = _espnet_files()
    for b in (2, 5):
        for drop_last in (False, True):
            yield Case(
                f"17 utts b={b} fold_lengths=[10] drop_last={drop_last}",
                lambda b=b, d=drop_last: m.FoldedBatchSampler(b, [files["shape"]], [10], drop_last=d),
            )


@recipe("espnet", "espnet2/samplers/category_balanced_sampler.py", "CategoryBalancedSampler")
def _(m, loader):
    files = _espnet_files()
    for b in (2, 3):
        yield Case(
            f"2 categories b={b}",
            lambda b=b: m.CategoryBalancedSampler(b, category2utt_file=files["category2utt"]),
        )


def _espnet_power_files() -> Dict[str, str]:
    files = _espnet_files()
    folder = Path(files["shape"]).parent
    names = sorted(f"utt{i:02d}" for i in range(len(LENGTHS)))
    shape = folder / "shape_text"
    shape.write_text("".join(f"{k} {v}\n" for k, v in zip(names, LENGTHS)))
    datasets = folder / "dataset2utt"
    datasets.write_text(f"d1 {' '.join(names[::2])}\nd2 {' '.join(names[1::2])}\n")
    utt2dataset = folder / "utt2dataset"
    utt2dataset.write_text("".join(f"{k} {'d1' if i % 2 == 0 else 'd2'}\n" for i, k in enumerate(names)))
    return {**files, "shape_text": str(shape), "dataset2utt": str(datasets), "utt2dataset": str(utt2dataset)}


def _category_power(m, name: str, **file_args: str):
    """The espnet category power samplers: bins of the shape file's lengths, each sampler
    reading category2utt and the files of `file_args`."""
    return _espnet_sized(
        m,
        name,
        "batch_bins",
        (30, 80),
        lambda f: [f["shape_text"]],
        _espnet_power_files,
        category2utt_file="category2utt",
        **file_args,
    )


recipe("espnet", "espnet2/samplers/category_power_sampler.py", "CategoryPowerSampler")(
    lambda m, loader: _category_power(m, "CategoryPowerSampler")
)
recipe("espnet", "espnet2/samplers/category_power_sampler.py", "CategoryDatasetPowerSampler")(
    lambda m, loader: _category_power(
        m, "CategoryDatasetPowerSampler", dataset2utt_file="dataset2utt", utt2dataset_file="utt2dataset"
    )
)


def _raw_sampler(m, loader):
    yield Case("3 batches", lambda: m.RawSampler([[0, 1], [2], [3, 4]]))


recipe("espnet", "espnet2/iterators/category_iter_factory.py", "RawSampler")(_raw_sampler)


recipe("espnet", "espnet2/iterators/sequence_iter_factory.py", "RawSampler")(_raw_sampler)


# --- avalanche -------------------------------------------------------------------------


@recipe("avalanche-lib", "avalanche/benchmarks/utils/data_loader.py", "MultiDatasetSampler")
def _(m, loader):
    for sizes, b, term, oversample in [
        ((10, 4), 3, 0, False),
        ((10, 4), 3, 1, False),
        ((10, 4), 3, 0, True),
        ((5, 9), 2, 0, True),
    ]:
        for drop_last in (False, True):
            yield Case(
                f"sizes={sizes} b={b} termination={term} oversample={oversample} drop_last={drop_last}",
                lambda s=sizes, b=b, t=term, o=oversample, d=drop_last: m.MultiDatasetSampler(
                    [range(k) for k in s],
                    [_batches(k, b, d) for k in s],
                    termination_dataset_idx=t,
                    oversample_small_datasets=o,
                ),
            )


@recipe("avalanche-lib", "avalanche/benchmarks/utils/ffcv_support/ffcv_components.py", "_MappedBatchsampler")
def _(m, loader):
    for n, b in [(10, 3), (4, 4)]:
        yield Case(f"n={n} b={b}", lambda n=n, b=b: m._MappedBatchsampler(_batches(n, b), list(range(n))))


@recipe("avalanche-lib", "avalanche/benchmarks/utils/ffcv_support/ffcv_loader.py", "_TraversalOrderAsSampler")
def _(m, loader):
    order = types.SimpleNamespace(indices=[4, 2, 7], sample_order=lambda epoch: [4, 2, 7])
    yield Case("3 indices", lambda: m._TraversalOrderAsSampler(order))


@recipe("avalanche-lib", "examples/tvdetection/group_by_aspect_ratio.py", "GroupedBatchSampler")
def _(m, loader):
    tud = _torch()
    for groups, b in [([0, 1] * 5, 3), ([0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 1], 2), ([0] * 7, 3)]:
        yield Case(
            f"groups={groups} b={b}",
            lambda g=groups, b=b: m.GroupedBatchSampler(tud.SequentialSampler(range(len(g))), g, b),
        )


# --- torchvision -----------------------------------------------------------------------


@recipe("torchvision", "torchvision/datasets/samplers/clip_sampler.py", "DistributedSampler")
def _(m, loader):
    yield from per_rank(
        "n replicas group_size",
        [(12, 3, 2), (10, 4, 1), (9, 2, 3), (4, 3, 2)],
        lambda n, replicas, rank, group_size: m.DistributedSampler(
            range(n), num_replicas=replicas, rank=rank, group_size=group_size
        ),
    )


class _FakeVideoClips:
    """What the clip samplers read of torchvision's VideoClips: the clips of each video."""

    def __init__(self, clips_per_video: Sequence[int]) -> None:
        self.clips = [list(range(k)) for k in clips_per_video]


def _clip_sampler(m, name: str):
    # The samplers check isinstance(video_clips, VideoClips) against their module's name.
    m.VideoClips = _FakeVideoClips
    for clips in ([3, 0, 5], [1, 1], [7]):
        for k in (1, 2, 4):
            yield Case(
                f"clips per video={clips} k={k}", lambda c=clips, k=k: getattr(m, name)(_FakeVideoClips(c), k)
            )


recipe("torchvision", "torchvision/datasets/samplers/clip_sampler.py", "UniformClipSampler")(
    lambda m, loader: _clip_sampler(m, "UniformClipSampler")
)
recipe("torchvision", "torchvision/datasets/samplers/clip_sampler.py", "RandomClipSampler")(
    lambda m, loader: _clip_sampler(m, "RandomClipSampler")
)


# --- sentence-transformers -------------------------------------------------------------


class _LabelledDataset:
    """The slice of a `datasets.Dataset` the batch samplers read: its length, its column
    names, and a column by name."""

    def __init__(self, counts: Sequence[int]) -> None:
        self.labels = _labels(counts)
        self.column_names = ["text", "label"]

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, key):
        return self.labels if key == "label" else [f"t{i}" for i in range(len(self.labels))]


@recipe("sentence-transformers", "sentence_transformers/base/sampler.py", "GroupByLabelBatchSampler")
def _(m, loader):
    import torch

    for counts in ((5, 3, 8, 2), (2, 2), (9, 4, 4), (6, 6, 6, 7), (11, 3)):
        for b in (4, 6, 8):
            for drop_last in (False, True):
                yield Case(
                    f"label counts={counts} b={b} drop_last={drop_last}",
                    lambda c=counts, b=b, d=drop_last: m.GroupByLabelBatchSampler(
                        _LabelledDataset(c),
                        b,
                        d,
                        valid_label_columns=["label"],
                        generator=torch.Generator(),
                        seed=0,
                    ),
                )


def _multi_dataset(m, name: str):
    tud = _torch()
    for sizes, b in [((10, 4), 3), ((7, 7), 2), ((5, 12, 3), 4)]:
        for drop_last in (False, True):
            yield Case(
                f"sizes={sizes} b={b} drop_last={drop_last}",
                lambda s=sizes, b=b, d=drop_last: getattr(m, name)(
                    tud.ConcatDataset([range(k) for k in s]), [_batches(k, b, d) for k in s]
                ),
            )


recipe("sentence-transformers", "sentence_transformers/base/sampler.py", "RoundRobinBatchSampler")(
    lambda m, loader: _multi_dataset(m, "RoundRobinBatchSampler")
)
recipe("sentence-transformers", "sentence_transformers/base/sampler.py", "ProportionalBatchSampler")(
    lambda m, loader: _multi_dataset(m, "ProportionalBatchSampler")
)


# --- trl -------------------------------------------------------------------------------


@recipe("trl", "trl/trainer/utils.py", "RepeatSampler")
def _(m, loader):
    for n, b in [(7, 3), (6, 3), (2, 3), (10, 1)]:
        for mini, repeat in [(1, 1), (2, 3)]:
            yield Case(
                f"n={n} batch_size={b} mini_repeat={mini} repeat={repeat}",
                lambda n=n, b=b, mi=mini, r=repeat: m.RepeatSampler(
                    range(n), mi, batch_size=b, repeat_count=r, seed=0
                ),
            )


# --- mmdet -----------------------------------------------------------------------------


class _Images:
    """The slice of an mmdet dataset the aspect-ratio samplers read."""

    def __init__(self, shapes: Sequence[Tuple[int, int]], sources: Optional[Sequence[int]] = None) -> None:
        self.shapes = list(shapes)
        self.sources = list(sources) if sources is not None else [0] * len(shapes)

    def __len__(self) -> int:
        return len(self.shapes)

    def get_data_info(self, idx: int) -> Dict[str, int]:
        width, height = self.shapes[idx]
        return {"width": width, "height": height}

    def get_dataset_source(self, idx: int) -> int:
        return self.sources[idx]


def _image_sampler(images: _Images):
    sampler = _torch().SequentialSampler(images)
    sampler.dataset = images  # mmengine's samplers keep the dataset; the batch samplers read it
    return sampler


SHAPES = [(4, 3), (3, 4), (5, 2), (2, 5), (3, 3), (1, 6), (6, 1), (4, 4), (2, 3), (3, 2), (7, 5)]


@recipe("mmdet", "mmdet/datasets/samplers/batch_sampler.py", "AspectRatioBatchSampler")
def _(m, loader):
    for n in (1, 4, 7, 11):
        for b in (2, 3, 4):
            for drop_last in (False, True):
                yield Case(
                    f"{n} images b={b} drop_last={drop_last}",
                    lambda n=n, b=b, d=drop_last: m.AspectRatioBatchSampler(
                        _image_sampler(_Images(SHAPES[:n])), b, d
                    ),
                )


@recipe("mmdet", "mmdet/datasets/samplers/batch_sampler.py", "MultiDataAspectRatioBatchSampler")
def _(m, loader):
    sources = [0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0]
    for n in (4, 7, 11):
        for bs in ((2, 3), (3, 2), (4, 4)):
            for drop_last in (False, True):
                yield Case(
                    f"{n} images from 2 sources b={bs} drop_last={drop_last}",
                    lambda n=n, bs=bs, d=drop_last: m.MultiDataAspectRatioBatchSampler(
                        _image_sampler(_Images(SHAPES[:n], sources[:n])), list(bs), 2, d
                    ),
                )


# --- ultralytics, monai, chemprop, flair, pytorch-forecasting, ignite ------------------


@recipe("ultralytics", "ultralytics/data/build.py", "ContiguousDistributedSampler")
def _(m, loader):
    yield from per_rank(
        "n b replicas",
        [(10, 3, 2), (7, 2, 3), (5, 8, 2), (16, 4, 3)],
        lambda n, b, replicas, rank: m.ContiguousDistributedSampler(
            range(n), num_replicas=replicas, batch_size=b, rank=rank
        ),
    )


@recipe("monai", "monai/data/samplers.py", "DistributedWeightedRandomSampler")
def _(m, loader):
    yield from per_rank(
        "n replicas num_samples_per_rank even",
        [(10, 3, None, True), (10, 3, None, False), (7, 2, 5, True)],
        lambda n, replicas, rank, num_samples_per_rank, even: m.DistributedWeightedRandomSampler(
            range(n),
            [1.0 + i for i in range(n)],
            num_samples_per_rank=num_samples_per_rank,
            even_divisible=even,
            num_replicas=replicas,
            rank=rank,
        ),
    )


@recipe("monai", "monai/data/samplers.py", "DistributedSampler")
def _(m, loader):
    yield from per_rank(
        "n replicas even_divisible",
        [(10, 3, True), (10, 3, False), (7, 4, False)],
        lambda n, replicas, rank, even_divisible: m.DistributedSampler(
            range(n), even_divisible=even_divisible, num_replicas=replicas, rank=rank
        ),
    )


@recipe("chemprop", "chemprop/data/samplers.py", "SeededSampler")
def _(m, loader):
    for n in (0, 1, 9):
        yield Case(f"N={n}", lambda n=n: m.SeededSampler(n, 0))


@recipe("chemprop", "chemprop/data/samplers.py", "ClassBalanceSampler")
def _(m, loader):
    import numpy as np

    for positives, total in [(3, 10), (5, 5), (0, 4), (6, 8)]:
        y = np.zeros((total, 2), dtype=bool)
        y[:positives, 0] = True
        yield Case(
            f"{positives} actives of {total}", lambda y=y: m.ClassBalanceSampler(y, seed=0, shuffle=True)
        )


def _flair(m, name: str, *args):
    def build(n):
        sampler = getattr(m, name)(*args)
        sampler.set_dataset(list(range(n)))
        return sampler

    for n in (0, 1, 7, 23):
        yield Case(f"n={n}", lambda n=n: build(n), repeat=2)


recipe("flair", "flair/samplers.py", "ChunkSampler")(lambda m, loader: _flair(m, "ChunkSampler", 5, 5))
recipe("flair", "flair/samplers.py", "ExpandingChunkSampler")(
    lambda m, loader: _flair(m, "ExpandingChunkSampler", 1)
)


@recipe("pytorch-forecasting", "pytorch_forecasting/data/samplers.py", "GroupedSampler")
def _(m, loader):
    import numpy as np

    class Grouped(m.GroupedSampler):
        # The base class is abstract in how it groups; everything else is the real code.
        def get_groups(self, sampler):
            return {"t0": np.arange(0, 5), "t1": np.arange(5, 7), "t2": np.arange(7, 16)}

    for b in (1, 2, 4, 10):
        for drop_last in (False, True):
            for shuffle in (False, True):
                yield Case(
                    f"groups of 5, 2, 9 b={b} drop_last={drop_last} shuffle={shuffle}",
                    lambda b=b, d=drop_last, s=shuffle: Grouped(range(16), b, s, d),
                )


@recipe("pytorch-ignite", "ignite/engine/deterministic.py", "ReproducibleBatchSampler")
def _(m, loader):
    for n, b, start in [(10, 3, None), (10, 3, 0), (10, 3, 2), (8, 4, 1)]:
        yield Case(
            f"n={n} b={b} start_iteration={start}, 2 epochs",
            lambda n=n, b=b, s=start: m.ReproducibleBatchSampler(_batches(n, b), start_iteration=s),
            repeat=2,
        )
