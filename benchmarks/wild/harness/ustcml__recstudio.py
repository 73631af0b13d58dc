"""ustcml/RecStudio: a recommender-system library. Its datasets' loader() passes a batch
sampler as `sampler=` (batch_size=None): DataSampler splits a (shuffled) range into batches,
SortedDataSampler sorts sequential-recommendation samples by their sequence length
(sample_length, the end - start of each user's window; with shuffle, by length within random
groups of 10 batches); under DDP either is wrapped in DistributedSamplerWrapper (catalyst's
wrapper: a DistributedSampler over the wrapped sampler's batches, shuffle=False). (ann/sampler.py's
samplers are negative-item samplers, torch modules with no __iter__/__len__.)"""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ustcml/RecStudio",
    source="github",
    ref="6f628ddd7ab3340f911ae7eada5d029cb062602d",
    domain="recommender systems",
    absent=("pandas", "sklearn", "nni", "pydantic", "tqdm", "requests"),
    empty_init=("recstudio.data",),  # lists its yaml configs (not materialised) and imports every dataset
)

FILE = "recstudio/data/dataset.py"
SIZES = ((943, 128), (1000, 100), (10, 3), (5, 8), (257, 256))  # (ml-100k users, batch) ...


class _SeqDataset:
    """A SeqDataset as the samplers read it: len() and sample_length (data_index[:, 2] -
    data_index[:, 1], each sample's history length)."""

    def __init__(self, n, seed):
        import torch

        self.sample_length = torch.randint(1, 50, (n,), generator=torch.Generator().manual_seed(seed))

    def __len__(self):
        return len(self.sample_length)


@sampler(PROJECT, FILE, "DataSampler")
def _(cls, module):
    for n, batch in SIZES:
        for shuffle in (True, False):
            for drop_last in (False, True):
                yield Case(
                    f"n={n} batch {batch} shuffle={shuffle} drop_last={drop_last}",
                    lambda n=n, b=batch, s=shuffle, d=drop_last: cls(list(range(n)), b, s, d),
                )


@sampler(PROJECT, FILE, "SortedDataSampler")
def _(cls, module):
    for n, batch in SIZES:
        for shuffle in (True, False):
            for drop_last in (False, True):
                yield Case(
                    f"{n} sequences, batch {batch} shuffle={shuffle} drop_last={drop_last}",
                    lambda n=n, b=batch, s=shuffle, d=drop_last: cls(_SeqDataset(n, n), b, s, d),
                )


@sampler(PROJECT, FILE, "DistributedSamplerWrapper")
def _(cls, module):
    for n, batch in SIZES:
        for world in (1, 2, 4):
            for sorted_ in (False, True):
                for rank in range(world):
                    def build(n=n, b=batch, w=world, r=rank, s=sorted_):
                        if s:
                            inner = module.SortedDataSampler(_SeqDataset(n, n), b, True, False)
                        else:
                            inner = module.DataSampler(list(range(n)), b, True, False)
                        return cls(inner, num_replicas=w, rank=r, shuffle=False)

                    yield Case(
                        f"{'SortedDataSampler' if sorted_ else 'DataSampler'} n={n} batch {batch}, world {world} rank {rank}",
                        build,
                    )
