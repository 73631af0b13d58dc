"""Wolfsion/HRankFL: federated learning with HRank filter pruning on CIFAR-10. The simulations
build one CF10NIIDSampler over all clients' rounds: FedLab's CIFAR10Partitioner splits the
training set by a Dirichlet(0.3) over labels into num_slices clients, and each round each
selected client (all, or client_per_round drawn) contributes its next data_per_client indices
(cycling through its partition). IIDSampler does the same over an iid split of 50000 indices
(its client loop sits after the round loop: only the last round's clients are drawn);
NSampler and verify's TSampler walk a given index list."""

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="Wolfsion/HRankFL",
    source="github",
    ref="97704619e1e7b659deaa522cb1b4a28dba723f27",
    domain="federated learning",
    stubs={
        # its logger opens logs/hrankFL.log at import
        "utils.vlogger": (
            "import logging\n\n\nclass VLogger:\n"
            "    def __init__(self, path, *args):\n"
            "        self.logger = logging.getLogger(path)\n"
        ),
        # get_data loads torchvision's CIFAR-10: the samplers read its 50000 training labels
        "dl.data.dataProvider": (
            "import numpy as np\n\n\nclass _Cifar10:\n"
            "    targets = np.random.RandomState(10).permutation(np.repeat(np.arange(10), 5000)).tolist()\n\n\n"
            "def get_data(dataset, data_type, transform=None, target_transform=None):\n"
            "    return _Cifar10()\n"
        ),
        # FedLab's partitioner, for the samplers' client_dict: a Dirichlet(alpha) split of
        # each label's indices over the clients (balance=None, partition="dirichlet")
        "fedlab.utils.dataset.partition": (
            "import numpy as np\n\n\nclass CIFAR10Partitioner:\n"
            "    def __init__(self, targets, num_clients, balance=None, partition='dirichlet', dir_alpha=0.3, seed=None, **kw):\n"
            "        rng = np.random.RandomState(seed)\n"
            "        targets = np.asarray(targets)\n"
            "        parts = [[] for _ in range(num_clients)]\n"
            "        for label in np.unique(targets):\n"
            "            idx = rng.permutation(np.flatnonzero(targets == label))\n"
            "            cuts = (np.cumsum(rng.dirichlet([dir_alpha] * num_clients)) * len(idx)).astype(int)[:-1]\n"
            "            for client, chunk in enumerate(np.split(idx, cuts)):\n"
            "                parts[client].extend(chunk.tolist())\n"
            "        self.client_dict = {c: np.array(sorted(p)) for c, p in enumerate(parts)}\n"
        ),
        "fedlab.utils.dataset": "from .partition import CIFAR10Partitioner\n",
        # verify/valid_rank.py's imports that TSampler does not use
        "dl.model.modelUtil": "",
        "dl.compress.trash.phrank": "class VGG16HRank:\n    pass\n",
        "env.runtimeEnv": "vgg_model = 'models'\ndatasets = 'datasets'\n",
    },
    absent=("torchvision",),
    empty_init=("dl", "dl.data", "dl.model", "dl.compress", "verify", "utils", "env"),
)

SAMPLERS = "dl/data/samplers.py"
# (clients, rounds, data per client and round, clients per round or None): its simulations
# run 10 clients, 5 local updates x batch 20 per round
SETTINGS = ((10, 20, 100, None), (10, 20, 100, 3), (100, 5, 20, 10), (4, 3, 7, None))


@sampler(PROJECT, SAMPLERS, "NSampler")
def _(cls, module):
    for n in (1, 5000, 50000):
        yield Case(f"{n} indices", lambda n=n: cls(module.DataSetType.CIFAR10, list(range(n))))


not_run(PROJECT, SAMPLERS, "LSampler", "abstract: getIndices (called by __init__) is an abstractmethod")


@sampler(PROJECT, SAMPLERS, "IIDSampler")
def _(cls, module):
    for clients, rounds, per_client, per_round in SETTINGS:
        yield Case(
            f"{clients} clients, {rounds} rounds x {per_client}, clients per round {per_round}",
            lambda c=clients, r=rounds, k=per_client, p=per_round: cls(
                module.DataSetType.CIFAR10.value, c, r, k, p is not None, p
            ),
        )


@sampler(PROJECT, SAMPLERS, "CF10NIIDSampler")
def _(cls, module):
    for clients, rounds, per_client, per_round in SETTINGS:
        yield Case(
            f"{clients} clients, {rounds} rounds x {per_client}, clients per round {per_round}",
            lambda c=clients, r=rounds, k=per_client, p=per_round: cls(c, r, k, p is not None, p),
        )


@sampler(PROJECT, "verify/valid_rank.py", "TSampler")
def _(cls, module):
    for n in (1, 500, 50000):
        yield Case(f"{n} indices", lambda n=n: cls(list(range(n))))
