"""ChaosCodes/COVID-Dialogue-gpt: medical dialogue generation (Chinese GPT encoder-decoder).

bucket_sampler.py: BucketSampler of train_with_buckets.py: dialogue pairs shuffled, sorted
by (encoder, decoder) length within buckets of bucket_size, cut into batches (train: bucket
500, batch 4; validation: bucket 50). Built there from the length tensors of the saved data
(train_data[4], train_data[5]).
"""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ChaosCodes/COVID-Dialogue-gpt",
    source="github",
    ref="a7b7339b640758e1e45149ed0312f5f22d4ff8d7",
    domain="NLP (dialogue generation)",
)


def _lengths(n, seed=0):
    g = torch.Generator().manual_seed(seed)
    return torch.randint(5, 300, (n,), generator=g), torch.randint(5, 300, (n,), generator=g)


@sampler(PROJECT, "bucket_sampler.py", "BucketSampler")
def _(cls, module):
    for n in (3, 120, 1001):
        for bucket_size, batch_size in ((500, 4), (50, 4), (64, 16)):
            for droplast in (False, True):
                for shuffle in (True, False):
                    yield Case(
                        f"n={n} bucket_size={bucket_size} batch_size={batch_size} droplast={droplast} shuffle={shuffle}",
                        lambda n=n, k=bucket_size, b=batch_size, d=droplast, s=shuffle: cls(
                            *_lengths(n), k, b, droplast=d, shuffle=s
                        ),
                    )
