"""dojoteef/synst: syntactically supervised Transformers for faster neural machine translation.

data/sampler.py: SequenceLengthSampler, the batch sampler of data/utils.py get_dataloader
with --batch-method token: examples bucketed by their longer side (granularity tokens a
bucket) and packed into one list per device up to that device's token budget (device 0's
reduced by --batch-size-buffer). Its __len__ is an estimate (all tokens / all budgets) that
each full iteration replaces with the count it yielded.
"""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="dojoteef/synst",
    source="github",
    ref="a1842682cf757e8a501cd9cee16f20e1a14158f1",
    domain="NLP (machine translation, token-budget batches)",
    absent=("tqdm",),
    # data/__init__ registers the WMT/IWSLT datasets (their downloads and tokenizers).
    empty_init=("data",),
)


def _pairs(n, seed=0):
    """(source, target) token counts of sentence pairs, as get_dataloader passes them."""
    rng = np.random.RandomState(seed)
    src = rng.randint(3, 80, size=n)
    return [(int(s), int(max(2, s + d))) for s, d in zip(src, rng.randint(-10, 11, size=n))]


@sampler(PROJECT, "data/sampler.py", "SequenceLengthSampler")
def _(cls, module):
    for n in (10, 200, 2000):
        for budget, buffer in ((8000, 0), (1000, 200), (250, 0)):  # 8000: --batch-size default
            for devices in (1, 2, 4):
                sizes = [budget - buffer] + [budget] * (devices - 1)
                for shuffle in (False, True):
                    for granularity in (3, 20):  # 3: the default
                        yield Case(
                            f"n={n} batch_sizes={sizes} shuffle={shuffle} granularity={granularity}",
                            lambda n=n, z=sizes, s=shuffle, g=granularity: cls(
                                z, _pairs(n), shuffle=s, granularity=g
                            ),
                            repeat=2,
                        )
