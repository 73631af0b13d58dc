"""Tencent/HunyuanDiT: text-to-image diffusion transformer. hydit/train_deepspeed.py (and its
ControlNet and IP-Adapter variants) gives as `sampler=`, with batch_size=batch_size:
BlockDistributedSampler(dataset, num_replicas=world_size, rank=rank, seed, shuffle=False,
drop_last=True, batch_size=batch_size) with --multireso (index_kits' bucketed indices: whole
batches a rank, in order; the dataset shuffles itself), else
DistributedSamplerWithStartIndex(dataset, ..., shuffle=False, drop_last=True), whose
start_index the trainer moves to start_epoch_step * world_size * batch_size when it resumes
mid-epoch. Both live in IndexKits (index_kits/sampler.py)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Tencent/HunyuanDiT",
    source="github",
    ref="368280ec35119ed2741a30cc5b40aafde34f8a8a",
    domain="generative models",
    root="IndexKits",
    empty_init=("index_kits",),  # the arrow indexers and buckets (pyarrow, PIL)
)

PATH = "IndexKits/index_kits/sampler.py"
_SIZES = (48, 1000, 4099)  # image-text pairs of an arrow index


class _Arrows:
    """An index_kits dataset as the samplers read it: len()."""

    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size


@sampler(PROJECT, PATH, "BlockDistributedSampler")
def _(cls, module):
    for size in _SIZES:
        for batch in (1, 8, 24):
            for world in (1, 2, 4):
                if size < batch * world:
                    continue  # not one global batch
                for rank in range(world):
                    for start in (0, 3):

                        def build(n=size, b=batch, w=world, r=rank, s=start):
                            return cls(
                                _Arrows(n),
                                num_replicas=w,
                                rank=r,
                                seed=42,
                                shuffle=False,
                                drop_last=True,
                                batch_size=b,
                                start_index=s,
                            )

                        yield Case(
                            f"{size} pairs, batch_size={batch} world={world} rank={rank} start_index={start}",
                            build,
                        )


@sampler(PROJECT, PATH, "DistributedSamplerWithStartIndex")
def _(cls, module):
    for size in _SIZES:
        for batch in (1, 8, 24):
            for world in (1, 2, 4):
                if size < batch * world:
                    continue
                for rank in range(world):
                    for drop_last, resume_step in ((True, 0), (True, 1), (False, 0), (False, 2)):
                        if resume_step >= size // (world * batch):
                            continue  # a resume lands inside the epoch's steps

                        def build(n=size, b=batch, w=world, r=rank, d=drop_last, k=resume_step):
                            made = cls(
                                _Arrows(n), num_replicas=w, rank=r, seed=42, shuffle=False, drop_last=d
                            )
                            if k:  # resumed at start_epoch_step k of the epoch
                                made.start_index = k * w * b
                            return made

                        yield Case(
                            f"{size} pairs, batch_size={batch} world={world} rank={rank}"
                            f" drop_last={drop_last} start_epoch_step={resume_step}",
                            build,
                        )
