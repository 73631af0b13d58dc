"""NVIDIA/semantic-segmentation: semantic segmentation (hierarchical multi-scale attention).
datasets/__init__.py, with --apex, gives datasets/sampler.py's DistributedSampler as
`sampler=`: DistributedSampler(val_set, pad=False, permutation=False,
consecutive_sample=False) and DistributedSampler(train_set, pad=True, permutation=True,
consecutive_sample=False). train.py rebuilds the class-uniform training epoch every epoch
(the set's size changes) and then calls set_num_samples(); it calls set_epoch too."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="NVIDIA/semantic-segmentation",
    source="github",
    ref="7726b144c2cc0b8e09c67eabb78f027efdf3f0fa",
    domain="semantic segmentation",
    empty_init=("datasets",),  # the dataset registry, transforms, config and runx
)


class _Epoch:
    """A class-uniform training set: its size is that of the epoch last built."""

    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size


def _worlds(n):
    """Every rank of worlds of up to 8 no larger than the set (the padding is taken once,
    and __iter__ asserts it was enough)."""
    for world in (1, 2, 3, 8):
        if world <= n:
            for rank in range(world):
                yield world, rank


@sampler(PROJECT, "datasets/sampler.py", "DistributedSampler")
def _(cls, module):
    for n in (1, 5, 500, 2975):
        for world, rank in _worlds(n):
            for pad, permutation, consecutive in (
                (False, False, False),
                (True, True, False),
                (True, True, True),
            ):
                yield Case(
                    f"n={n} world={world} rank={rank} pad={pad} permutation={permutation} "
                    f"consecutive_sample={consecutive} epoch=1",
                    lambda n=n, w=world, r=rank, p=pad, m=permutation, c=consecutive: _at_epoch(
                        cls(_Epoch(n), pad=p, consecutive_sample=c, permutation=m, num_replicas=w, rank=r), 1
                    ),
                )
    # train.py: the epoch rebuilt to another size, then set_num_samples()
    for first, rebuilt in ((2975, 3100), (100, 37), (7, 7)):
        for world, rank in _worlds(min(first, rebuilt)):

            def build(first=first, rebuilt=rebuilt, w=world, r=rank):
                data = _Epoch(first)
                made = cls(data, pad=True, consecutive_sample=False, permutation=True, num_replicas=w, rank=r)
                data.size = rebuilt
                made.set_num_samples()
                return _at_epoch(made, 2)

            yield Case(
                f"training set of {first} rebuilt to {rebuilt}, set_num_samples, world={world} rank={rank}",
                build,
            )


def _at_epoch(made, epoch):
    made.set_epoch(epoch)
    return made
