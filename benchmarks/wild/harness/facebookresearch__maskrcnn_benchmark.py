"""facebookresearch/maskrcnn-benchmark: object detection / instance segmentation. The samplers
of its data loader (maskrcnn_benchmark/data/build.py): the distributed sampler, the batch
sampler grouping images by aspect ratio, and the one that runs a fixed number of iterations,
resumed at the checkpoint's iteration (tools/train_net.py passes start_iter)."""

import bisect

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/maskrcnn-benchmark",
    source="github",
    ref="57eec25b75144d9fb1a6857f32553e1574177daf",
    domain="object detection",
    root="",
    # data/__init__ imports build.py (datasets, transforms, the C extension).
    empty_init=("maskrcnn_benchmark.data",),
)

SIZES = (1, 7, 10, 23, 64)


def _aspect_groups(n, bins=(1.0,)):
    """group ids as build._quantize gives them for COCO-like height/width ratios."""
    ratios = [(0.6, 0.75, 1.0, 1.33, 1.5, 0.8, 1.2)[(i * 5 + i // 3) % 7] for i in range(n)]
    return [bisect.bisect_right(sorted(bins), r) for r in ratios]


def _plain_batches(n, b, shuffle=False):
    import torch.utils.data as tud

    base = tud.RandomSampler(range(n)) if shuffle else tud.SequentialSampler(range(n))
    return tud.BatchSampler(base, b, drop_last=False)


@sampler(PROJECT, "maskrcnn_benchmark/data/samplers/distributed.py", "DistributedSampler")
def _(cls, module):
    for n in SIZES:
        for replicas in (1, 2, 3, 4):
            if n < replicas:  # a dataset smaller than the world: its padding assertion fails
                continue
            for rank in range(replicas):
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} replicas={replicas} rank={rank} shuffle={shuffle}",
                        lambda n=n, r=replicas, k=rank, s=shuffle: cls(list(range(n)), num_replicas=r, rank=k, shuffle=s),
                    )


@sampler(PROJECT, "maskrcnn_benchmark/data/samplers/grouped_batch_sampler.py", "GroupedBatchSampler")
def _(cls, module):
    import torch.utils.data as tud

    dist = __import__("maskrcnn_benchmark.data.samplers.distributed", fromlist=["DistributedSampler"])
    for n in SIZES:
        for b in (1, 2, 4):
            for drop_uneven in (False, True):
                for kind in ("random", "sequential", "distributed 2 rank 1"):
                    def build(n=n, b=b, d=drop_uneven, kind=kind):
                        if kind == "random":
                            base = tud.RandomSampler(range(n))
                        elif kind == "sequential":
                            base = tud.SequentialSampler(range(n))
                        else:
                            base = dist.DistributedSampler(list(range(n)), num_replicas=2, rank=1)
                        return cls(base, _aspect_groups(n), b, drop_uneven=d)

                    yield Case(f"n={n} b={b} drop_uneven={drop_uneven} {kind}", build)


@sampler(PROJECT, "maskrcnn_benchmark/data/samplers/iteration_based_batch_sampler.py", "IterationBasedBatchSampler")
def _(cls, module):
    for n, b in ((7, 2), (23, 4), (64, 8)):
        for num_iters in (5, 12, 40):
            for start in (0, 3, num_iters // 2):
                yield Case(
                    f"n={n} b={b} num_iters={num_iters} start_iter={start}",
                    lambda n=n, b=b, it=num_iters, s=start: cls(_plain_batches(n, b, shuffle=True), it, s),
                    marker="return self.num_iterations",
                )
