"""machengjie321/PR-FL: federated learning with progressive pruning. Each client's loader gets
an FLSampler built once for the whole run from the clients' index partitions: for every round
(all clients, or client_per_round drawn at random) each selected client takes its next
data_per_client indices (NUM_LOCAL_UPDATES * CLIENT_BATCH_SIZE) from reshuffled passes over
its partition. sampler.py (the experiments' one) keeps client `idx`'s whole stream; the other
variants (Adaptivesampler, FL-sampler, FLsampler) concatenate the selected clients' draws of
every round, and sample.py's wraps a precomputed sequence."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="machengjie321/PR-FL",
    source="github",
    ref="41d80830b4e3fd959ddc2c9c5b255c96b837ebb3",
    domain="federated learning",
)


def _partition(n, clients, seed):
    """n indices split over clients, iid (shuffled, equal shares up to one)."""
    import random

    indices = list(range(n))
    random.Random(seed).shuffle(indices)
    return [indices[c::clients] for c in range(clients)]


# (dataset size, clients, rounds, data per client and round, clients per round or None)
SETTINGS = ((600, 10, 20, 50, None), (600, 10, 20, 50, 3), (100, 4, 5, 30, None), (50, 5, 3, 7, 2), (10, 10, 2, 1, None))


def _rounds(cls, module):
    for n, clients, rounds, per_client, per_round in SETTINGS:
        selection = per_round is not None
        yield Case(
            f"{n} items, {clients} clients, {rounds} rounds x {per_client}, clients per round {per_round}",
            lambda n=n, c=clients, r=rounds, k=per_client, s=selection, p=per_round: cls(
                _partition(n, c, n), r, k, s, p
            ),
        )


for _path in ("bases/vision/Adaptivesampler.py", "bases/vision/FL-sampler.py", "bases/vision/FLsampler.py"):
    sampler(PROJECT, _path, "FLSampler")(_rounds)


@sampler(PROJECT, "bases/vision/sampler.py", "FLSampler")
def _(cls, module):
    for n, clients, rounds, per_client, per_round in SETTINGS:
        selection = per_round is not None
        for idx in range(clients):
            yield Case(
                f"{n} items, {clients} clients, {rounds} rounds x {per_client}, clients per round {per_round}, client {idx}",
                lambda n=n, c=clients, i=idx, r=rounds, k=per_client, s=selection, p=per_round: cls(
                    _partition(n, c, n), i, r, k, s, p
                ),
            )


@sampler(PROJECT, "bases/vision/sample.py", "FLSampler")
def _(cls, module):
    # sample.py's client_data() builds the per-slot sequences it is given
    for n, clients, rounds, per_client, per_round in SETTINGS:
        yield Case(
            f"client_data of {n} items, {clients} clients, {rounds} rounds x {per_client}",
            lambda n=n, c=clients, r=rounds, k=per_client, p=per_round: cls(
                module.client_data(_partition(n, c, n), r, k, p is not None, p or c)
            ),
        )
