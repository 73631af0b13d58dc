"""facebookresearch/dinov2: self-supervised learning. EpochSampler is what
dinov2/data/loaders.py make_data_loader gives as `sampler=` for SamplerType.EPOCH
(size samples an epoch, default the dataset's; start and step from the global rank and
world size)."""

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import Ranked, ranks

PROJECT = Project(
    name="facebookresearch/dinov2",
    source="github",
    ref="b8931f7bf91576930313be2c6d6af376033b35f0",
    domain="self-supervised learning",
    empty_init=("dinov2.data",),
)


@sampler(PROJECT, "dinov2/data/samplers.py", "EpochSampler")
def _(cls, module):
    for sample_count in (7, 100, 1000):
        for size in (sample_count, 250, 1024):
            for shuffle in (False, True):
                for world, rank in ranks():
                    holder = {}

                    def build(size=size, count=sample_count, shuffle=shuffle, holder=holder):
                        holder["s"] = cls(size=size, sample_count=count, shuffle=shuffle, seed=0)
                        return holder["s"]

                    yield Case(
                        f"{size} samples an epoch of {sample_count}, shuffle={shuffle}, rank {rank} of {world}",
                        lambda b=build, w=world, r=rank: Ranked(b, w, r),
                        repeat=2,
                    )
