"""facebookresearch/classifier-balancing ("Decoupling representation and classifier for
long-tailed recognition"): class-aware sampling (classes uniformly, then images within a
class, num_samples_cls at a time) for classifier re-training, and the progressively-balanced
priority samplers (a sum tree over per-class or per-example weights)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/classifier-balancing",
    source="github",
    ref="f162adef63fdf592d0b8a0f6e52bc481fc08785f",
    domain="long-tailed image classification: class-balanced sampling",
)


class _LT:
    """An LT_Dataset as the samplers read it: labels, one per image, long-tailed."""

    def __init__(self, counts):
        labels = [c for c, n in enumerate(counts) for _ in range(n)]
        self.labels = sorted(labels, key=lambda x: (x * 7919) % 101)

    def __len__(self):
        return len(self.labels)


def _long_tail(classes, head, factor):
    # exponential profile, as ImageNet-LT / CIFAR-LT are built
    return tuple(max(1, int(head * factor ** (c / max(1, classes - 1)))) for c in range(classes))


TAILS = (_long_tail(5, 40, 0.1), _long_tail(10, 100, 0.01), (7, 3, 1), _long_tail(20, 30, 0.2))


@sampler(PROJECT, "data/ClassAwareSampler.py", "ClassAwareSampler")
def _(cls, module):
    for counts in TAILS:
        for per_class in (1, 4):  # the cRT / LWS configs use num_samples_cls: 4
            yield Case(f"counts={counts} num_samples_cls={per_class}", lambda c=counts, k=per_class: cls(_LT(c), k),
                       repeat=2)


@sampler(PROJECT, "data/ClassPrioritySampler.py", "ClassPrioritySampler")
def _(cls, module):
    for counts in TAILS:
        # config/ImageNet_LT/feat_shift.yaml, and a fixed-lambda balanced variant
        for lam in (None, 1.0):
            yield Case(
                f"counts={counts} lam={lam} (feat_shift settings)",
                lambda c=counts, l=lam: cls(_LT(c), lam=l, epochs=90, cycle=0, nroot=None, manual_only=False,
                                            rescale=False, root_decay=None, decay_gap=30, ptype="score",
                                            pri_mode="train", alpha=1.0),
            )


@sampler(PROJECT, "data/MixedPrioritizedSampler.py", "MixedPrioritizedSampler")
def _(cls, module):
    for counts in TAILS:
        for lam in (None, 0.5):
            yield Case(f"counts={counts} lam={lam}", lambda c=counts, l=lam: cls(_LT(c), lam=l, epochs=90))
