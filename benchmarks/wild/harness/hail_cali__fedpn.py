"""Hail-cali/fedpn: federated personalized networks (federated segmentation clients).

utils/sampler.py: RandomSampler subclasses of its clients, drawing num_samples indices
with or without replacement from a seeded generator, in chunks of 32 with replacement
(ClientSampler, bound to a client's data, and LimitSampler, as utils/pack.py uses it with
num_samples=640).
"""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Hail-cali/fedpn",
    source="github",
    ref="c3d7ddd6b7e712771c9914c3e0ac89230c86a987",
    domain="federated learning",
    absent=("torchvision",),  # imported, unused by the samplers
)

SIZES = (1, 7, 33, 640)
COUNTS = (None, 5, 32, 100, 640, 1000)


@sampler(PROJECT, "utils/sampler.py", "LimitSampler")
def _(cls, module):
    for n in SIZES:
        for k in COUNTS:
            for replacement in (False, True):
                yield Case(
                    f"n={n} num_samples={k} replacement={replacement}",
                    lambda n=n, k=k, r=replacement: cls(range(n), replacement=r, num_samples=k),
                )


@sampler(PROJECT, "utils/sampler.py", "ClientSampler")
def _(cls, module):
    for n in SIZES:
        for k in COUNTS:
            for replacement in (False, True):
                for client in ("server", "client_1"):
                    yield Case(
                        f"n={n} num_samples={k} replacement={replacement} client={client} seeded generator",
                        lambda n=n, k=k, r=replacement, c=client: cls(
                            range(n), replacement=r, client_name=c, num_samples=k,
                            generator=torch.Generator().manual_seed(1),
                        ),
                    )
