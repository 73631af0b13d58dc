"""open-mmlab/mmediting: image and video editing (restoration, inpainting, matting,
generation). mmedit/datasets/builder.py's build_dataloader gives, when distributed,
DistributedSampler(dataset, world_size, rank, shuffle=shuffle, samples_per_gpu=samples_per_gpu)
as `sampler=` with batch_size=samples_per_gpu; its runners call set_epoch. The sampler pads
each rank's share up to a whole number of per-GPU batches (and refuses a dataset smaller
than one batch of every GPU)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="open-mmlab/mmediting",
    source="github",
    ref="941e79b02f1860c2925cc6b84f802b1d94b816de",
    domain="generative models",
    empty_init=("mmedit", "mmedit.datasets"),  # mmcv, the datasets and pipelines
)


class _Frames:
    """A restoration dataset (paired LQ/GT frames) as the sampler reads it: len()."""

    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size


@sampler(PROJECT, "mmedit/datasets/samplers/distributed_sampler.py", "DistributedSampler")
def _(cls, module):
    for size in (8, 100, 800, 1001):  # Set5-like up to DIV2K's 800 and a little over
        for per_gpu in (1, 4, 16):
            for world in (1, 2, 3, 8):
                if size < world * per_gpu:
                    continue  # the sampler's own ValueError
                for rank in range(world):
                    for shuffle, epoch in ((True, 0), (True, 5), (False, 0)):

                        def build(n=size, w=world, r=rank, s=shuffle, b=per_gpu, e=epoch):
                            made = cls(_Frames(n), w, r, shuffle=s, samples_per_gpu=b)
                            made.set_epoch(e)
                            return made

                        yield Case(
                            f"{size} items, samples_per_gpu={per_gpu} world={world} rank={rank}"
                            f" shuffle={shuffle} epoch={epoch}",
                            build,
                        )
