"""joeynmt (PyPI): machine translation. The batch samplers of its datasets
(joeynmt/datasets.py: sentence batches over a sampler, dropping instances the tokenizer
filtered out by length) and the samplers under them (joeynmt/helpers_for_ddp.py: a random
subset sampler, single process, and its distributed version, each rank of worlds 1-4), as
BaseDataset.make_iter builds them."""

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="joeynmt",
    source="pypi",
    ref="2.3.0",
    domain="machine translation",
    stubs={
        # joeynmt/helpers.py imports torch.utils.tensorboard (TensorBoard is not installed);
        # the data modules need only these helpers from it.
        "joeynmt": "",
        "joeynmt.helpers": (
            "def adjust_mask_size(mask, prompt_mask, size):\n    raise NotImplementedError\n\n\n"
            "def remove_extra_spaces(s):\n    return s\n\n\n"
            "def unicode_normalize(s):\n    return s\n\n\n"
            "def read_list_from_file(path):\n    raise NotImplementedError\n"
        ),
    },
    absent=("sentencepiece", "subword_nmt"),
)


class _Corpus:
    """Stands for joeynmt's PlaintextDataset (split="train", has_trg): indices (the random
    subset, kept sorted), and __getitem__ -> (idx, src, trg) where src and trg are None when
    the tokenizer filtered the pair out by max_length (BasicTokenizer in training)."""

    split = "train"

    def __init__(self, n, max_length, random_subset=-1, seed=0):
        import random

        rng = random.Random(seed)
        self.pairs = [(rng.randint(1, 60), rng.randint(1, 60)) for _ in range(n)]
        self.max_length = max_length
        self.random_subset = random_subset
        self.seed = 1
        self.reset_indices()

    def reset_indices(self, random_subset=None):
        self.indices = list(range(len(self)))
        if random_subset is not None:
            self.random_subset = random_subset

    def __len__(self):
        return len(self.pairs)

    def __getitem__(self, idx):
        src_len, trg_len = self.pairs[idx]
        if self.max_length > 0 and (src_len > self.max_length or trg_len > self.max_length):
            return idx, None, None
        return idx, ["w"] * src_len, ["w"] * trg_len


def _generator(seed=42):
    import torch

    return torch.Generator().manual_seed(seed)


def _subsampled(sampler, seed):
    # TrainManager calls set_seed at each epoch: a new random subset when random_subset > 0
    sampler.set_seed(seed)
    return sampler


@sampler(PROJECT, "joeynmt/helpers_for_ddp.py", "RandomSubsetSampler")
def _(cls, module):
    for n in (1, 9, 100):
        for subset in (-1, n // 2):
            if 0 < subset < n or subset == -1:
                for shuffle in (True, False):
                    yield Case(
                        f"pairs={n} random_subset={subset} shuffle={shuffle}",
                        lambda n=n, k=subset, sh=shuffle: _subsampled(
                            cls(_Corpus(n, -1, k), sh, _generator()), 7
                        ),
                    )


@sampler(PROJECT, "joeynmt/helpers_for_ddp.py", "DistributedSubsetSampler")
def _(cls, module):
    for n in (8, 30, 101):
        for subset in (-1, 24):
            if not (subset == -1 or 0 < subset < n):
                continue
            for size in (1, 2, 3, 4):
                for rank in range(size):
                    # make_iter passes drop_last=True
                    yield Case(
                        f"pairs={n} random_subset={subset} world={size} rank={rank}",
                        lambda n=n, k=subset, s=size, r=rank: _subsampled(
                            cls(
                                _Corpus(n, -1, k),
                                num_replicas=s,
                                rank=r,
                                shuffle=True,
                                drop_last=True,
                                generator=_generator(),
                            ),
                            3,
                        ),
                    )


@sampler(PROJECT, "joeynmt/datasets.py", "SentenceBatchSampler")
def _(cls, module):
    ddp = module.DistributedSubsetSampler
    single = module.RandomSubsetSampler
    for n in (5, 40, 203):
        for max_length in (-1, 50, 30):
            for batch in (4, 16):
                for drop_last in (False, True):
                    yield Case(
                        f"pairs={n} max_length={max_length} batch={batch} drop_last={drop_last}, one process",
                        lambda n=n, m=max_length, b=batch, d=drop_last: cls(
                            single(_Corpus(n, m, seed=n), True, _generator()), b, d, seed=42
                        ),
                        marker="src is not None" if max_length > 0 else None,
                    )
                for size in (2, 4):
                    for rank in range(size):
                        yield Case(
                            f"pairs={n} max_length={max_length} batch={batch} world={size} rank={rank}",
                            lambda n=n, m=max_length, b=batch, s=size, r=rank: cls(
                                ddp(_Corpus(n, m, seed=n), num_replicas=s, rank=r, generator=_generator()),
                                b,
                                False,
                                seed=42,
                            ),
                        )


not_run(
    PROJECT,
    "joeynmt/datasets.py",
    "TokenBatchSampler",
    "its __len__ raises NotImplementedError by design (token batches are counted only by iterating)",
)
