"""hirofumi0810/neural_sp: end-to-end speech recognition and translation (attention, CTC,
transducers). neural_sp/datasets/asr/sampler.py: CustomBatchSampler, mini-batches of
consecutive utterances of the dataset's table sorted by input length (sort_bucketing), or
those batches shuffled (shuffle_bucketing), counted in utterances ('seq', halved or
eighthed for long inputs with dynamic_batching), frames or tokens; long-form evaluation
batches (longform_bucketing). build.build_dataloader builds it over the ASR dataset with
the batch size, batch_size_type ('seq' by default), dynamic_batching (on by default) and
shuffle_bucket (off by default, never for test sets); one process (distributed asks
torch.distributed for its world).

The dataset's `df` is a pandas DataFrame, and pandas is not installed: `_Table` is the part
of one the bucketing reads (positional row slices, the index labels, a column's `values`,
`loc` by label), over utterances shaped as the dataset's rows."""

import random

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="hirofumi0810/neural_sp",
    source="github",
    ref="b91877c6d2a11f06026480ab422176274d88cbf2",
    domain="speech recognition (length-sorted and shuffled buckets)",
)


class _Column:
    def __init__(self, values):
        self.values = np.array(values)


class _Loc:
    def __init__(self, table):
        self.table = table

    def __getitem__(self, label):
        return self.table._rows[self.table.index.index(label)]


class _Table:
    def __init__(self, rows, index):
        self._rows, self.index = list(rows), list(index)
        self.loc = _Loc(self)

    def __len__(self):
        return len(self._rows)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return _Table(self._rows[key], self.index[key])
        return _Column([row[key] for row in self._rows])


class _ASRDataset:
    """Dataset.df: one row an utterance (xlen frames, ylen tokens, speaker), sorted by
    xlen for training (sort_by 'input', short2long), in file order for test sets."""

    def __init__(self, n, sort=True, seed=0):
        rng = random.Random(seed)
        rows = []
        for i in range(n):
            xlen = rng.randint(100, 3000)
            rows.append(
                {"xlen": xlen, "ylen": max(2, xlen // 20 + rng.randint(-3, 3)), "speaker": f"spk{i // 15}"}
            )
        order = sorted(range(n), key=lambda i: rows[i]["xlen"]) if sort else list(range(n))
        self.df = _Table([rows[i] for i in order], order)

    def __len__(self):
        return len(self.df)


@sampler(PROJECT, "neural_sp/datasets/asr/sampler.py", "CustomBatchSampler")
def _(cls, module):
    for n in (1, 45, 700):
        for size_type, batch_size in (("seq", 32), ("seq", 1), ("frame", 12000), ("token", 800)):
            for dynamic in (True, False):
                for shuffle in (False, True):
                    yield Case(
                        f"train utterances={n} batch_size={batch_size} batch_size_type={size_type} "
                        f"dynamic_batching={dynamic} shuffle_bucket={shuffle}",
                        lambda n=n, t=size_type, b=batch_size, d=dynamic, s=shuffle: cls(
                            _ASRDataset(n),
                            distributed=False,
                            batch_size=b,
                            batch_size_type=t,
                            dynamic_batching=d,
                            shuffle_bucket=s,
                            discourse_aware=False,
                        ),
                        repeat=2,
                    )
        yield Case(
            f"test utterances={n} batch_size=1 longform_max_n_frames=6000",
            lambda n=n: cls(
                _ASRDataset(n, sort=False),
                distributed=False,
                batch_size=1,
                batch_size_type="seq",
                dynamic_batching=True,
                shuffle_bucket=False,
                discourse_aware=False,
                longform_max_n_frames=6000,
            ),
            repeat=2,
        )
