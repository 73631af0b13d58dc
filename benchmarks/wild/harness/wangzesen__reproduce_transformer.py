"""WangZesen/Reproduce-Transformer: a reproduction of the Transformer (WMT14 en-de translation).

src/data/sampler.py: DistributedTokenBatchSampler, the train, validation and test batch
sampler of src/data/dataloader.py: sentence pairs packed until source plus target tokens pass
2 x max_tokens, batches of each epoch built ahead for total_epochs (shuffled by seed and
epoch, set_epoch chooses) and, when shuffled, cut or padded to a target count rounded down to
hundreds (its CAP) so that every epoch has as many; each replica takes every world-size-th
batch. World size and rank come from torch.distributed when it is initialised: here one
process (world 1). The target count is meant for WMT-sized data (its default max_tokens
25000-100000 on 4.5M pairs); the cases go from a few dozen pairs to 20 000.
"""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="WangZesen/Reproduce-Transformer",
    source="github",
    ref="f52e10ce5d6f7982fad9242e7c5410e2d623917a",
    domain="NLP (machine translation, token-budget batches)",
    # the dataset module logs memory use (psutil, loguru) and reads its Config (pydantic, tomli_w)
    absent=("psutil", "loguru", "pydantic", "tomli_w"),
)


def _wmt(n, seed=0):
    """The project's WMTDataset as load_from_binary leaves it: the token count of every
    source and target sentence (the token ids themselves are not read by the sampler)."""
    from src.data.dataset import WMTDataset

    rng = np.random.RandomState(seed)
    dataset = WMTDataset.__new__(WMTDataset)
    dataset._src_len = [int(x) for x in rng.randint(3, 120, size=n)]
    dataset._tgt_len = [max(2, s + int(d)) for s, d in zip(dataset._src_len, rng.randint(-15, 16, size=n))]
    return dataset


def _at_epoch(s, epoch):
    s.set_epoch(epoch)
    return s


@sampler(PROJECT, "src/data/sampler.py", "DistributedTokenBatchSampler")
def _(cls, module):
    for n, max_tokens in ((30, 200), (500, 200), (2000, 200), (20000, 4096)):
        for drop_last in (True, False):
            # validation/test: unshuffled, the same batches every epoch
            yield Case(
                f"n={n} max_tokens={max_tokens} shuffle=False drop_last={drop_last}",
                lambda n=n, m=max_tokens, d=drop_last: cls(_wmt(n), 42, m, shuffle=False, total_epochs=3, drop_last=d),
            )
            for epoch in (0, 2, 5):  # 5: past total_epochs, built on demand
                yield Case(
                    f"n={n} max_tokens={max_tokens} shuffle=True total_epochs=3 drop_last={drop_last} "
                    f"set_epoch({epoch})",
                    lambda n=n, m=max_tokens, d=drop_last, e=epoch: _at_epoch(
                        cls(_wmt(n), 42, m, shuffle=True, total_epochs=3, drop_last=d), e
                    ),
                )
