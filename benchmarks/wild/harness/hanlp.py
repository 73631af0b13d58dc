"""hanlp (PyPI): NLP (parsing, tagging, ...). The batch samplers of hanlp/common/dataset.py
that its SamplerBuilders build from sentence lengths: buckets of indices cut into token-
budget chunks (BucketSampler, and KMeansSampler over length clusters), and sorted batches
under a batch size and/or a token budget (SortingSampler)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="hanlp",
    source="pypi",
    ref="2.1.7",
    domain="NLP",
    stubs={
        # hanlp's package __init__s load every component and the resource index: ours
        # only join the tree's folders; the data module's own imports get small stand-ins.
        "hanlp": "",
        "hanlp.common": "",
        "hanlp.common.transform": "TransformList = VocabDict = EmbeddingNamedTransform = object\n",
        "hanlp.common.vocab": "class Vocab:\n    pass\n",
        "hanlp.utils": "",
        "hanlp.utils.io_util": "def read_cells(*a, **k):\n    raise NotImplementedError\n\n\ndef get_resource(*a, **k):\n    raise NotImplementedError\n",
        "hanlp.utils.time_util": "class CountdownTimer:\n    pass\n",
        "hanlp.utils.torch_util": "def dtype_of(*a, **k):\n    raise NotImplementedError\n",
        "hanlp_common": "",
        "hanlp_common.configurable": "class Configurable:\n    pass\n\n\nclass AutoConfigurable(Configurable):\n    pass\n",
        "hanlp_common.constant": "IDX = '_idx_'\nHANLP_VERBOSE = False\n",
        "hanlp_common.util": (
            "def isdebugging():\n    return False\n\n\ndef merge_list_of_dict(*a):\n    raise NotImplementedError\n\n\n"
            "def k_fold(*a):\n    raise NotImplementedError\n"
        ),
        "hanlp_common.conll": "def isprojective(sequence):\n    raise NotImplementedError\n",
    },
    # hanlp/components/__init__.py imports the pipeline; kmeans lives in its parsers package.
    empty_init=("hanlp.components",),
)

PATH = "hanlp/common/dataset.py"


def _sentence_lengths(n, seed):
    import random

    rng = random.Random(seed)
    return [max(1, int(rng.lognormvariate(3.0, 0.6))) for _ in range(n)]


@sampler(PROJECT, PATH, "SortingSampler")
def _(cls, module):
    for n in (1, 9, 150, 400):
        for batch, budget in ((32, None), (None, 400), (32, 1000), (8, 60)):
            for effective in (False, True):
                for shuffle in (False, True):
                    yield Case(
                        f"sentences={n} batch_size={batch} batch_max_tokens={budget} effective_tokens={effective} shuffle={shuffle}",
                        lambda n=n, b=batch, t=budget, e=effective, s=shuffle: cls(
                            _sentence_lengths(n, n),
                            batch_size=b,
                            batch_max_tokens=t,
                            use_effective_tokens=e,
                            shuffle=s,
                        ),
                    )


@sampler(PROJECT, PATH, "KMeansSampler")
def _(cls, module):
    for n in (1, 9, 150, 400):
        for budget, batch in ((400, None), (2000, None), (5000, 32), (800, 8)):
            for buckets in (1, 8, 32):
                for shuffle in (False, True):
                    yield Case(
                        f"sentences={n} batch_max_tokens={budget} batch_size={batch} n_buckets={buckets} shuffle={shuffle}",
                        lambda n=n, t=budget, b=batch, k=buckets, s=shuffle: cls(
                            _sentence_lengths(n, n), t, batch_size=b, shuffle=s, n_buckets=k
                        ),
                    )


@sampler(PROJECT, PATH, "BucketSampler")
def _(cls, module):
    # buckets as KMeansSampler hands them over: {mean length: indices}
    for n in (3, 40, 300):
        lengths = _sentence_lengths(n, n)
        for k in (1, 4, 16):
            buckets = {}
            for i, length in enumerate(lengths):
                buckets.setdefault(float(min(length // 10 * 10 + 5, 10 * k)), []).append(i)
            for budget, batch in ((500, None), (3000, None), (2000, 16)):
                for shuffle in (False, True):
                    yield Case(
                        f"sentences={n} buckets={len(buckets)} batch_max_tokens={budget} batch_size={batch} shuffle={shuffle}",
                        lambda bk=buckets, t=budget, b=batch, s=shuffle: cls(
                            dict(bk), t, batch_size=b, shuffle=s
                        ),
                    )
