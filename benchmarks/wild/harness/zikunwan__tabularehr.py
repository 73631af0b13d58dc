"""ZikunWan/TabularEHR: LLM classifiers over tabular electronic health records (EHRSHOT, eICU,
MIMIC-IV), serialised as tables of measurements.

utils/samplers.py (the initial commit; later commits dropped token batching):
SortishSampler (indices shuffled, sorted by table length within chunks of
batch_size * chunk_factor, the longest batch first) and ApproxBatchSampler (packs its
sampler's indices while the longest table times the batch size stays within max_tokens, at
most max_batch_size), both built by build_train_batch_sampler when --max_tokens_per_batch is
set (train/Classifier/*.py; per-device batch 8 to 64). Lengths are read from the dataset's
sample_info table_length, as infer_sample_lengths does.
"""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ZikunWan/TabularEHR",
    source="github",
    ref="3b3808a03dee6792dfc29bbccec6165c5dd5752b",
    domain="tabular (EHR) with LLM fine-tuning",
    # the module also defines the Hugging Face Trainer subclass that uses the samplers
    absent=("transformers",),
)


class _EHRTables:
    """A task dataset as the training scripts load it: one sample_info dict per patient
    episode with the length of its measurement table."""

    def __init__(self, n, seed=0):
        rng = random.Random(seed)
        self.sample_info = [{"patient_id": i, "table_length": rng.randint(5, 600)} for i in range(n)]

    def __len__(self):
        return len(self.sample_info)


def _lengths(n):
    return [m["table_length"] for m in _EHRTables(n).sample_info]


@sampler(PROJECT, "utils/samplers.py", "SortishSampler")
def _(cls, module):
    for n in (1, 30, 700):
        for batch_size in (8, 64):
            for shuffle in (True, False):
                yield Case(
                    f"n={n} batch_size={batch_size} shuffle={shuffle}",
                    lambda n=n, b=batch_size, s=shuffle: cls(_lengths(n), b, shuffle=s, chunk_factor=50, seed=42),
                )


@sampler(PROJECT, "utils/samplers.py", "ApproxBatchSampler")
def _(cls, module):
    for n in (1, 30, 700):
        for batch_size, max_tokens in ((8, 4096), (64, 8192), (64, 200000)):
            for drop_last in (False, True):
                for sortish in (True, False):
                    yield Case(
                        f"build_train_batch_sampler n={n} per_device_batch_size={batch_size} "
                        f"max_tokens_per_batch={max_tokens} use_sortish_sampler={sortish} drop_last={drop_last}",
                        lambda n=n, b=batch_size, m=max_tokens, d=drop_last, s=sortish: module.build_train_batch_sampler(
                            _EHRTables(n), b, m, use_sortish_sampler=s, shuffle=True, seed=42, drop_last=d
                        ),
                    )
            # without a batch-size cap (the class allows it)
            yield Case(
                f"n={n} max_tokens={max_tokens} max_batch_size=None",
                lambda n=n, m=max_tokens: cls(list(range(n)), _lengths(n), m),
            )
