"""bionemo-size-aware-batching (PyPI, NVIDIA/bionemo-framework): memory-aware batching for
biomolecular models (proteins, molecules, single cells).

bionemo/size_aware_batching/sampler.py: BucketBatchSampler, elements bucketed by size
(left-closed intervals; sizes outside every bucket are skipped), one base batch sampler
per bucket with its own batch size, buckets drawn at random in proportion to what is
left. (Its SizeAwareBatchSampler has no __len__: not a candidate.)
"""

import torch
from torch.utils.data import BatchSampler

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="bionemo-size-aware-batching",
    source="pypi",
    ref="1.0.0",
    domain="biology (protein/molecule batching)",
)


def _sizes(n, seed=0):
    g = torch.Generator().manual_seed(seed)
    return torch.randint(20, 1000, (n,), generator=g)  # residues per protein


LAYOUTS = [
    # bucket boundaries, per-bucket batch sizes
    ([0, 1000], [8]),
    ([0, 200, 500, 1000], [16, 8, 4]),
    ([50, 300, 700], [10, 3]),  # sizes below 50 and from 700 on fall outside: skipped
]


@sampler(PROJECT, "bionemo/size_aware_batching/sampler.py", "BucketBatchSampler")
def _(cls, module):
    for n in (5, 60, 400):
        for boundaries, batch_sizes in LAYOUTS:
            for drop_last in (False, True):
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} boundaries={boundaries} batch_sizes={batch_sizes} drop_last={drop_last} "
                        f"shuffle={shuffle}",
                        lambda n=n, b=boundaries, s=batch_sizes, d=drop_last, sh=shuffle: cls(
                            _sizes(n),
                            torch.tensor(b),
                            BatchSampler,
                            base_batch_sampler_shared_kwargs={"drop_last": d},
                            base_batch_sampler_individual_kwargs={"batch_size": s},
                            shuffle=sh,
                            generator=torch.Generator().manual_seed(0) if sh else None,
                        ),
                        repeat=2,
                    )
