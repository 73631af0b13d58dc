"""Asichurter/MalFusionFSL: few-shot malware classification (episodic, fusing API-call sequences
and binary images; N samples a class stored class-major). comp/task.py builds, for one
episode's label space, EpisodeSampler(k, qk, N, label_space, class_wise_seeds, mode) for the
support ('support': k a class) and query ('query': qk a class) sets, meant as `sampler=` of a
loader with batch_size k * n / qk * n (one batch an episode); the batched path precomputes every
epoch's episode index lists and wraps each sequence in BatchSampler(indexes_seq), the
data set's `batch_sampler`. Configs: 5-way, k 5 (or 1, 10), qk 5-15, N 20 a class."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Asichurter/MalFusionFSL",
    source="github",
    ref="ba2a8d32dc83f5a6dca453ecb63167ac905c5b20",
    domain="few-shot learning",
)

SETTINGS = ((5, 5, 20, 5), (5, 1, 20, 15), (10, 10, 20, 5), (20, 5, 20, 3))  # n-way, k, N, qk


@sampler(PROJECT, "comp/sampler.py", "EpisodeSampler")
def _(cls, module):
    rng = random.Random(0)
    for n, k, total, qk in SETTINGS:
        label_space = sorted(rng.sample(range(100), n))
        seeds = [rng.randrange(1 << 20) for _ in label_space]
        for mode in ("support", "query"):
            yield Case(
                f"{n}-way, k {k}, qk {qk}, N {total}, {mode}",
                lambda k=k, q=qk, t=total, ls=label_space, s=seeds, m=mode: cls(k, q, t, ls, s, mode=m),
            )


@sampler(PROJECT, "comp/sampler.py", "BatchSampler")
def _(cls, module):
    rng = random.Random(1)
    for n, k, total, _qk in SETTINGS:
        for epochs in (1, 100, 5000):
            episodes = []
            for _ in range(epochs):
                classes = rng.sample(range(100), n)
                episodes.append([c * total + i for c in classes for i in rng.sample(range(total), k)])
            yield Case(f"{epochs} episodes of {n}-way {k}-shot", lambda e=episodes: cls(e))
