"""facebookresearch/deit: self-supervised / vision transformers, repeated augmentation.
RASampler(dataset, num_replicas, rank, shuffle=True) is the `sampler=` of main.py's
training loader with --repeated-aug (num_repeats 3), set_epoch every epoch."""

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import ranks

PROJECT = Project(
    name="facebookresearch/deit",
    source="github",
    ref="7e160fe43f0252d17191b71cbb5826254114ea5b",
    domain="self-supervised learning",
)


@sampler(PROJECT, "samplers.py", "RASampler")
def _(cls, module):
    for n in (100, 300, 1000, 1283):
        for size, rank in ranks():
            for shuffle, repeats in ((True, 3), (False, 3), (True, 1), (True, 2)):
                def build(n=n, size=size, rank=rank, shuffle=shuffle, repeats=repeats):
                    return cls(range(n), num_replicas=size, rank=rank, shuffle=shuffle, num_repeats=repeats)

                holder = {}

                def made(build=build, holder=holder):
                    holder["s"] = build()
                    return holder["s"]

                yield Case(
                    f"{n} images, rank {rank} of {size}, shuffle={shuffle}, repeats {repeats}",
                    made,
                    repeat=2,
                    reseed=lambda epoch, holder=holder: holder["s"].set_epoch(epoch),
                )
