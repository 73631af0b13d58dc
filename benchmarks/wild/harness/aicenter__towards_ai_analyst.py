"""aicenter/towards-ai-analyst: querying costly features for fraud and money-laundering
detection (DIME, feature-acquisition classifiers). Its training scripts draw minibatches with
WeightedSampler(labels=..., positive_ratio, max_num_samples): max_num_samples indices (or
len(labels)), each from the label-0 or label-1 pool by the ratio, with replacement."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="aicenter/towards-ai-analyst",
    source="github",
    ref="4e81ee0e21b073549a825d9d19d99518dbf59371",
    domain="fraud detection: stratified minibatches",
)


def _labels(n, fraud_rate, seed):
    """The transactions' labels as a numpy array (the sampler compares it elementwise)."""
    import numpy as np

    labels = (np.random.RandomState(seed).random_sample(n) < fraud_rate).astype(int)
    labels[0], labels[-1] = 0, 1
    return labels


@sampler(PROJECT, "utils/samplers.py", "WeightedSampler")
def _(cls, module):
    for n, rate in ((10000, 0.02), (500, 0.3), (20, 0.5)):
        for ratio, cap in ((0.25, 100), (0.5, 100), (0.1, None), (0.25, 1000)):
            yield Case(
                f"{n} transactions ({rate:.0%} fraud), positive_ratio {ratio}, max_num_samples {cap}",
                lambda n=n, r=rate, p=ratio, c=cap: cls(labels=_labels(n, r, n), positive_ratio=p, max_num_samples=c),
                epochs=3,
            )
