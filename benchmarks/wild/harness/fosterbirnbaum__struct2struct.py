"""FosterBirnbaum/Struct2Struct: protein design from structure (TERMinator / ProteinMPNN
lineage). training/utils.py: StructureSampler, token-budget batches of a StructureDataset
sorted by sequence length (training.py passes --batch_size, default 10000 tokens);
training/coord_data.py: TERMLazyBatchSampler over TERMLazyDataset's (file, TERM length,
sequence length) items, fixed-size or max_term_res / max_seq_tokens budget batches; and the
TERMBatchSampler / WDSBatchSampler classes its wrappers define inside `__init__`."""

import random

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="FosterBirnbaum/Struct2Struct",
    source="github",
    ref="bd154df1f77cddff5c9ab4583d4b05bc864b367a",
    domain="proteins: structure-conditioned sequence design (length-budget batches)",
    root="training",
    # utils.py imports model_utils for `featurize` (used by package(), never by the sampler),
    # which pulls the model's graph features and energy tables.
    stubs={"model_utils": "def featurize(*args, **kwargs):\n    raise NotImplementedError\n"},
    absent=("torch_cluster", "torch_geometric", "esm", "tqdm", "scipy", "sklearn", "Bio", "edlib", "dateutil"),
)

AMINO = "ACDEFGHIKLMNPQRSTVWY"


def _pdb_dicts(n, seed=0):
    rng = random.Random(seed)
    return [{"name": f"{i:04d}_A", "seq": "".join(rng.choice(AMINO) for _ in range(rng.randint(30, 500)))}
            for i in range(n)]


@sampler(PROJECT, "training/utils.py", "StructureSampler")
def _(cls, module):
    for n in (1, 10, 120):
        for max_length in (500, 10000):
            for tokens in (1, 600, 3000, 10000):  # 1: its batch_size == 1 path, one protein a batch
                yield Case(
                    f"StructureDataset n={n} max_length={max_length} batch_size={tokens}",
                    lambda n=n, m=max_length, t=tokens: cls(
                        module.StructureDataset(_pdb_dicts(n), verbose=False, max_length=m), batch_size=t
                    ),
                    repeat=2,
                )


def _lazy_items(n, seed=0):
    """TERMLazyDataset's items: (feature file, total TERM length, sequence length)."""
    rng = random.Random(seed)
    items = []
    for i in range(n):
        seq_len = rng.randint(30, 600)
        items.append((f"/features/{i:04d}/{i:04d}.features", seq_len * rng.randint(3, 12), seq_len))
    return items


@sampler(PROJECT, "training/coord_data.py", "TERMLazyBatchSampler")
def _(cls, module):
    orders = {
        "shuffle": dict(shuffle=True),
        "sort_data": dict(shuffle=False, sort_data=True),
        "semi_shuffle": dict(shuffle=False, semi_shuffle=True, semi_shuffle_cluster_size=8),
        "neither": dict(shuffle=False),
    }
    budgets = {
        "batch_size=4": dict(batch_size=4),
        "batch_size=1": dict(batch_size=1),
        "batch_size=None max_term_res=55000": dict(batch_size=None),
        "batch_size=None max_term_res=6000": dict(batch_size=None, max_term_res=6000),
        "batch_size=None max_seq_tokens=2000": dict(batch_size=None, max_term_res=None, max_seq_tokens=2000),
    }
    for n in (1, 9, 80):
        for order, o in orders.items():
            for budget, b in budgets.items():
                for drop_last in (False, True):
                    yield Case(
                        f"n={n} {order} {budget} drop_last={drop_last}",
                        lambda n=n, o=o, b=b, d=drop_last: cls(_lazy_items(n), drop_last=d, **o, **b),
                        repeat=2,
                    )


not_run(PROJECT, "training/coord_data.py", "TERMBatchSampler",
        "defined inside TERMBatchSamplerWrapper.__init__ (twice, by `ddp`), its methods assigned after; "
        "not a module attribute")
not_run(PROJECT, "training/coord_data.py", "WDSBatchSampler",
        "defined inside WDSBatchSamplerWrapper.__init__ (twice, by `ddp`), its methods assigned after; "
        "not a module attribute")
