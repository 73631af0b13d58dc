"""SeungjunNah/DeepDeblur-PyTorch: image deblurring. src/data/__init__.py gives
DistributedEvalSampler(dataset, shuffle=False, num_replicas=world_size, rank=rank) as the
`sampler=` of distributed validation and testing: each rank's stride of the set, nothing
padded; shuffle and set_epoch are there for other uses."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="SeungjunNah/DeepDeblur-PyTorch",
    source="github",
    ref="26047f7a67ab8d1dec083b5d9e1d83b53eedbd17",
    domain="image restoration",
    root="src",
)


@sampler(PROJECT, "src/data/sampler.py", "DistributedEvalSampler")
def _(cls, module):
    for n in (1, 3, 100, 1111):  # GOPRO's test split has 1111 images
        for world in (1, 2, 3, 4, 8):
            for rank in range(world):
                for shuffle in (False, True):

                    def build(n=n, w=world, r=rank, s=shuffle):
                        made = cls(range(n), num_replicas=w, rank=r, shuffle=s, seed=0)
                        made.set_epoch(2)
                        return made

                    yield Case(f"n={n} world={world} rank={rank} shuffle={shuffle} epoch=2", build)
