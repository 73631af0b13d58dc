"""eguilg/mrc: Chinese machine reading comprehension (the AI Challenger / MAI opinion-QA
task). dataset/sampler.py: MethodBasedBatchSampler, batches of the samples of one
segmentation method ('jieba' or 'pyltp') each, full batches as they fill and then each
method's remainder; test.py builds it over MaiDirDataSource.data, tuples
(aid, qid, method, fpath), with batch_size 32, shuffle=False (train.py had it with
shuffle on, commented out)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="eguilg/mrc",
    source="github",
    ref="ef7a28fdf883c9fc7a358e670cfc49832beb4d0e",
    domain="NLP: machine reading comprehension (batches by tokenizer)",
    empty_init=("dataset",),  # imports the datasets, transforms and vocabularies (jieba, pyltp)
)


def _source(n, jieba_share, seed=0):
    """MaiDirDataSource.data: one (aid, qid, method, fpath) per preprocessed sample."""
    rng = random.Random(seed)
    data = []
    for i in range(n):
        method = "jieba" if rng.random() < jieba_share else "pyltp"
        data.append((f"a{i}", f"q{i}", method, f"./data/{method}/{i}.pkl"))
    return data


@sampler(PROJECT, "dataset/sampler.py", "MethodBasedBatchSampler")
def _(cls, module):
    for n in (1, 33, 500):
        for share in (1.0, 0.5, 0.8):
            for batch_size in (1, 8, 32):
                for shuffle in (False, True):
                    yield Case(
                        f"samples={n} jieba share={share} batch_size={batch_size} shuffle={shuffle}",
                        lambda n=n, j=share, b=batch_size, s=shuffle: cls(_source(n, j), batch_size=b, shuffle=s),
                        repeat=2,
                    )
