"""jxmorris12/cde: contextual document embeddings (batches of clustered, related documents).
cde/sampler.py: Sampler (abstract base), RandomSampler (a rank's contiguous chunk of a seeded
permutation, num_samples a whole number of batches), FixedSubdomainSampler (the dataset's
subdomain clusters concatenated, cut into batches of batch_size (x world size when
negatives are shared between GPUs), the batches shuffled and dealt to the ranks),
AutoClusterSampler and AutoClusterWithinDomainSampler (the same over clusters computed by
embedding the dataset with a model). Rank and world size come from torch.distributed (one
process here). With drop_last=False (not the default) a dataset that is not a whole number
of batches fails its reshape: those cases are not built."""

import random

import torch

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="jxmorris12/cde",
    source="github",
    ref="9d776b09998d0cca1c61399f57f26d235902bd74",
    domain="LLM embeddings: contextual document embeddings (cluster batch samplers)",
    # models, clustering, evaluation and logging of the library the sampler module imports
    absent=(
        "accelerate",
        "bm25_pt",
        "datasets",
        "einops",
        "faiss",
        "flash_attn",
        "mteb",
        "pyarrow",
        "safetensors",
        "sentence_transformers",
        "sklearn",
        "torchvision",
        "transformers",
        "wandb",
    ),
)

PATH = "cde/sampler.py"


class _NomicDataset(torch.utils.data.Dataset):
    """NomicSupervisedDataset as the samplers read it: its length and subdomain_idxs
    (cluster id -> indices), clusters of uneven sizes."""

    def __init__(self, n, clusters, seed=0):
        rng = random.Random(seed)
        self.n = n
        self.subdomain_idxs = {}
        for i in range(n):
            self.subdomain_idxs.setdefault(rng.randrange(clusters), []).append(i)
        self._fingerprint = f"nomic-{n}-{clusters}"

    def __len__(self):
        return self.n


not_run(PROJECT, PATH, "Sampler", "abstract: __iter__ and __len__ are for subclasses")
not_run(PROJECT, PATH, "AutoClusterSampler", "clusters the dataset by embedding it with a model (GPU, faiss)")
not_run(
    PROJECT, PATH, "AutoClusterWithinDomainSampler", "clusters each subdomain by embedding it with a model"
)


@sampler(PROJECT, PATH, "RandomSampler")
def _(cls, module):
    for n in (50, 1000):
        for batch_size in (8, 64):
            for num_samples in (None, n // 2):  # a num_samples within the dataset
                for epoch in (0, 1):

                    def build(n=n, b=batch_size, k=num_samples, e=epoch):
                        s = cls(_NomicDataset(n, 5), batch_size=b, shuffle=True, num_samples=k)
                        s.set_epoch(e)
                        return s

                    yield Case(
                        f"dataset={n} batch_size={batch_size} num_samples={num_samples} epoch={epoch}", build
                    )


@sampler(PROJECT, PATH, "FixedSubdomainSampler")
def _(cls, module):
    for n, clusters in ((64, 4), (1000, 30), (4099, 12)):
        for batch_size in (8, 256) if n >= 256 else (8,):  # no batch larger than the dataset
            for share in (True, False):
                for drop_last in (True, False):
                    for epoch in (0, 1):

                        def build(n=n, c=clusters, b=batch_size, sh=share, d=drop_last, e=epoch):
                            s = cls(
                                _NomicDataset(n, c),
                                batch_size=b,
                                shuffle=True,
                                share_negatives_between_gpus=sh,
                                drop_last=d,
                            )
                            s.set_epoch(e)
                            return s

                        yield Case(
                            f"dataset={n} subdomains={clusters} batch_size={batch_size} "
                            f"share_negatives_between_gpus={share} drop_last={drop_last} epoch={epoch}",
                            build,
                        )
