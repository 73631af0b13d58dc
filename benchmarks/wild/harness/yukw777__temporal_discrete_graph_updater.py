"""yukw777/temporal-discrete-graph-updater: learning to update knowledge graphs of
text-based games (TextWorld) as temporal graph events (Lightning, PyG). dgu/data.py, at the
last commit that has it (later commits batch in the collator): TemporalDataBatchSampler,
consecutive batches within each game's event sequence, a sequence's remainder as a shorter
batch before the next sequence; its test builds it from batch_size and the sequences'
lengths."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="yukw777/temporal-discrete-graph-updater",
    source="github",
    ref="d68002d6a74ff63cdc9803a71844a15b39ae8a7e",
    domain="graph neural networks: temporal graph events of text games",
    # dgu/data.py's datasets and data module (Lightning, hydra, PyG, networkx, spaCy)
    absent=("pytorch_lightning", "networkx", "hydra", "torch_geometric", "spacy"),
    empty_init=("dgu",),
)


@sampler(PROJECT, "dgu/data.py", "TemporalDataBatchSampler")
def _(cls, module):
    rng = random.Random(4)
    sequences = {
        "one sequence of 5": [5],
        "its test's [1, 3, 6, 5]": [1, 3, 6, 5],
        "40 games of 1..30 events": [rng.randint(1, 30) for _ in range(40)],
    }
    for label, lengths in sequences.items():
        for batch_size in (1, 2, 3, 16):
            yield Case(
                f"{label} batch_size={batch_size}",
                lambda b=batch_size, s=lengths: cls(b, list(s)),
                repeat=2,
            )
