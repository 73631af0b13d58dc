"""FoundationVision/VAR: visual autoregressive image generation (next-scale prediction).
train.py gives DistInfiniteBatchSampler(dataset_len=len(train), glb_batch_size=...,
same_seed_for_all_ranks=..., shuffle=True, fill_last=True, rank, world_size, start_ep,
start_it) as `batch_sampler=` (endless by design: the trainer counts iters_per_ep = len()
batches an epoch and resumes from start_ep/start_it), and EvalDistributedSampler(val,
num_replicas, rank) as `sampler=` (contiguous near-equal parts). InfiniteBatchSampler is the
single-process base it extends."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="FoundationVision/VAR",
    source="github",
    ref="78b95394fc5896192e3a003e4b295f8ea743c48f",
    domain="generative models",
)

PATH = "utils/data_sampler.py"
_SIZES = (10, 1000, 1281)  # a toy folder up to an ImageNet-like slice (x1000)


class _Images:
    """An ImageFolder as EvalDistributedSampler reads it: len()."""

    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size


@sampler(PROJECT, PATH, "EvalDistributedSampler")
def _(cls, module):
    for size in _SIZES:
        for world in (1, 2, 3, 8):
            for rank in range(world):
                yield Case(
                    f"{size} images, world={world} rank={rank}",
                    lambda n=size, w=world, r=rank: cls(_Images(n), num_replicas=w, rank=r),
                )


@sampler(PROJECT, PATH, "InfiniteBatchSampler")
def _(cls, module):
    for size in _SIZES:
        for batch in (4, 32):
            for shuffle, fill_last, drop_last in (
                (True, True, False),
                (True, False, True),
                (False, False, False),
            ):
                if drop_last and size < batch:
                    continue  # not one whole batch: an epoch of nothing, forever
                yield Case(
                    f"dataset_len={size} batch_size={batch} shuffle={shuffle} fill_last={fill_last}"
                    f" drop_last={drop_last}",
                    lambda n=size, b=batch, s=shuffle, f=fill_last, d=drop_last: cls(
                        n, b, fill_last=f, shuffle=s, drop_last=d
                    ),
                )


@sampler(PROJECT, PATH, "DistInfiniteBatchSampler")
def _(cls, module):
    for size in _SIZES:
        for glb_batch in (8, 64):
            for world in (1, 2, 4):
                for rank in range(world):
                    for start_ep, start_it in ((0, 0), (3, 2)):
                        yield Case(
                            f"dataset_len={size} glb_batch_size={glb_batch} world={world} rank={rank}"
                            f" start_ep={start_ep} start_it={start_it}",
                            lambda n=size, g=glb_batch, w=world, r=rank, e=start_ep, i=start_it: cls(
                                w,
                                r,
                                n,
                                g,
                                same_seed_for_all_ranks=0,
                                fill_last=True,
                                shuffle=True,
                                start_ep=e,
                                start_it=i,
                            ),
                        )
