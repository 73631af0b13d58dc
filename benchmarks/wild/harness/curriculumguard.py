"""curriculumguard (PyPI): adaptive curriculum. Its sampler draws len(dataset) indices from
difficulty buckets (easy, learnable, hard, noisy, harmful) by the guard's bucket weights, or
the dataset in order while the buckets are still warming up."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="curriculumguard",
    source="pypi",
    ref="0.2.1",
    domain="curriculum learning",
)

# The guard's initial bucket weights (CurriculumGuard.__init__).
WEIGHTS = {"easy": 0.2, "learnable": 0.4, "hard": 0.25, "noisy": 0.1, "harmful": 0.05}


def _guard(n, bucketed):
    import types

    buckets = {}
    if bucketed:
        names = list(WEIGHTS)
        buckets = {name: [] for name in names}
        for i in range(int(n * bucketed)):
            buckets[names[(i * i) % len(names)]].append(i)
    return types.SimpleNamespace(buckets=buckets, weights=dict(WEIGHTS))


@sampler(PROJECT, "curriculum_guard/sampler/adaptive_sampler.py", "AdaptiveSampler")
def _(cls, module):
    for n in (3, 10, 64, 250):
        # before the first bucketing, a few profiled, and all profiled
        for share in (0, 0.1, 0.5, 1.0):
            yield Case(
                f"n={n} bucketed share={share}",
                lambda n=n, s=share: cls(list(range(n)), _guard(n, s)),
            )
