"""microsoft/O-CNN: 3D point clouds / octree CNNs. The samplers of its solver
(pytorch/projects/solver/solver.py): one process uses InfSampler, several the distributed
one, both passed as `sampler=` to the DataLoader the solver iterates step by step."""


from wild.entry import Case, Project, sampler
from wild.standins import world as _world

PROJECT = Project(
    name="microsoft/O-CNN",
    source="github",
    ref="d7928c69e7ad22b35d5ab499682bd4eb5f6ccbb9",
    domain="3D point clouds",
    root="pytorch/projects",
    empty_init=("solver",),  # imports the solver (ocnn, tensorboard, yacs)
)

SIZES = (1, 5, 10, 23, 64)


@sampler(PROJECT, "pytorch/projects/solver/sampler.py", "InfSampler")
def _(cls, module):
    for n in SIZES:
        for shuffle in (True, False):
            yield Case(f"n={n} shuffle={shuffle}", lambda n=n, s=shuffle: cls(list(range(n)), shuffle=s))


@sampler(PROJECT, "pytorch/projects/solver/sampler.py", "DistributedInfSampler")
def _(cls, module):
    for n in SIZES:
        for world in (2, 3, 4):  # the solver takes it when world_size > 1
            for rank in range(world):
                for shuffle in (True, False):

                    def build(n=n, w=world, k=rank, s=shuffle):
                        with _world(w, k):
                            return cls(list(range(n)), shuffle=s)

                    yield Case(f"n={n} world={world} rank={rank} shuffle={shuffle}", build)
