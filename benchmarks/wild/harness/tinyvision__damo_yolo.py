"""tinyvision/DAMO-YOLO: object detection. The samplers of its data loader
(damo/dataset/build.py): the distributed sampler, the aspect-ratio grouped batch sampler,
and the iteration-based one it wraps training batches in, with num_iters = total_epochs x
iterations per epoch and start_iter = start_epoch x iterations per epoch on resume."""

import bisect
import math

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="tinyvision/DAMO-YOLO",
    source="github",
    ref="319572eef367340267ab6ab8ae253527a71d7c3a",
    domain="object detection",
    root="",
    empty_init=("damo", "damo.dataset"),  # import the detectors, configs and datasets
)

SIZES = (1, 7, 10, 23, 64)


def _aspect_groups(n, bins=(1.0,)):
    ratios = [(0.6, 0.75, 1.0, 1.33, 1.5, 0.8, 1.2)[(i * 5 + i // 3) % 7] for i in range(n)]
    return [bisect.bisect_right(sorted(bins), r) for r in ratios]


@sampler(PROJECT, "damo/dataset/samplers/distributed.py", "DistributedSampler")
def _(cls, module):
    for n in SIZES:
        for replicas in (1, 2, 3, 4):
            if n < replicas:  # a dataset smaller than the world: its padding assertion fails
                continue
            for rank in range(replicas):
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} replicas={replicas} rank={rank} shuffle={shuffle}",
                        lambda n=n, r=replicas, k=rank, s=shuffle: cls(
                            list(range(n)), num_replicas=r, rank=k, shuffle=s
                        ),
                    )


@sampler(PROJECT, "damo/dataset/samplers/grouped_batch_sampler.py", "GroupedBatchSampler")
def _(cls, module):
    import torch.utils.data as tud

    for n in SIZES:
        for b in (1, 2, 4):
            for drop_uneven in (False, True):
                for shuffle in (True, False):

                    def build(n=n, b=b, d=drop_uneven, s=shuffle):
                        base = tud.RandomSampler(range(n)) if s else tud.SequentialSampler(range(n))
                        return cls(base, _aspect_groups(n), b, drop_uneven=d)

                    yield Case(f"n={n} b={b} drop_uneven={drop_uneven} shuffle={shuffle}", build)


@sampler(PROJECT, "damo/dataset/samplers/iteration_based_batch_sampler.py", "IterationBasedBatchSampler")
def _(cls, module):
    import torch.utils.data as tud

    for n, b in ((7, 2), (23, 4), (64, 8)):
        per_epoch = math.ceil(n / b)
        for total_epochs in (1, 3):
            for start_epoch in (0, 1, 2):
                if start_epoch >= total_epochs:
                    continue
                for mosaic in (False, True):

                    def build(n=n, b=b, t=total_epochs, s=start_epoch, m=mosaic, p=per_epoch):
                        batches = tud.BatchSampler(tud.RandomSampler(range(n)), b, drop_last=False)
                        return cls(batches, t * p, s * p, enable_mosaic=m)

                    yield Case(
                        f"n={n} b={b} total_epochs={total_epochs} start_epoch={start_epoch} mosaic={mosaic}",
                        build,
                        marker="return self.num_iterations",
                    )
