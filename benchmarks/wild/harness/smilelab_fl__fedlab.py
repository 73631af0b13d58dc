"""SMILELab-FL/FedLab: a federated learning framework (simulation and distributed clients).

fedlab/utils/dataset/sampler.py at the last commit that had it (removed in "[revision]
remove sampler"): a client's fixed partition (SubsetSampler), an equal shard per client
process with id 1..num_replicas, id 0 being the server (RawPartitionSampler), and a
client's indices read from a saved partition dict (DictFileSampler).
"""

import os
import random
import tempfile

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="SMILELab-FL/FedLab",
    source="github",
    ref="ef8d68e2e2ecb3061f1de425ed23468f9819ab84",
    domain="federated learning",
    empty_init=("fedlab", "fedlab.utils", "fedlab.utils.dataset"),  # pynvml, the partitioners
)


def _partition(n, clients, seed=0):
    """A non-IID partition: client -> list of sample indices, of unequal sizes."""
    rng = random.Random(seed)
    idx = list(range(n))
    rng.shuffle(idx)
    cuts = sorted(rng.sample(range(1, n), clients - 1)) if clients > 1 else []
    bounds = [0] + cuts + [n]
    return {c: idx[bounds[c]:bounds[c + 1]] for c in range(clients)}


@sampler(PROJECT, "fedlab/utils/dataset/sampler.py", "SubsetSampler")
def _(cls, module):
    for n, clients in ((10, 1), (100, 5), (600, 20)):
        for client in range(clients):
            for shuffle in (False, True):
                yield Case(
                    f"n={n} clients={clients} client={client} shuffle={shuffle}",
                    lambda n=n, k=clients, c=client, s=shuffle: cls(_partition(n, k)[c], shuffle=s),
                )


@sampler(PROJECT, "fedlab/utils/dataset/sampler.py", "RawPartitionSampler")
def _(cls, module):
    for n in (4, 10, 64, 601):
        for replicas in (1, 2, 3, 4):
            for client_id in range(1, replicas + 1):  # process 0 is the server
                yield Case(
                    f"n={n} num_replicas={replicas} client_id={client_id}",
                    lambda n=n, r=replicas, c=client_id: cls(range(n), c, num_replicas=r),
                )


def _dict_file(n, clients):
    path = os.path.join(tempfile.mkdtemp(prefix="fedlab-"), f"partition_{n}_{clients}.pkl")
    torch.save(_partition(n, clients), path)
    return path


@sampler(PROJECT, "fedlab/utils/dataset/sampler.py", "DictFileSampler")
def _(cls, module):
    for n, clients in ((10, 2), (100, 5), (600, 10)):
        for client in range(clients):
            yield Case(
                f"partition file n={n} clients={clients} client={client}",
                lambda n=n, k=clients, c=client: cls(_dict_file(n, k), c),
            )
