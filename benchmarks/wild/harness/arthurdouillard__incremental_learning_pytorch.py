"""arthurdouillard/incremental_learning.pytorch (inclearn: PODNet, iCaRL, UCIR ...): class-
incremental (continual) learning. Its batch samplers: oversampling the memory of old classes
to the size of the new ones for balanced finetuning, and the metric-learning samplers it offers
for the incremental tasks (N-pair, triplet, C x K)."""

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="arthurdouillard/incremental_learning.pytorch",
    source="github",
    ref="c09fc54dc4e9b03f5ea209397bd7ac09d6f27eb1",
    domain="class-incremental (continual) learning",
    empty_init=("inclearn", "inclearn.lib", "inclearn.lib.data"),
)

PATH = "inclearn/lib/data/samplers.py"


def _labels(counts, seed=0):
    import numpy as np

    y = np.array([c for c, n in enumerate(counts) for _ in range(n)])
    return y[np.random.RandomState(seed).permutation(len(y))]


@sampler(PROJECT, PATH, "MemoryOverSampler")
def _(cls, module):
    import numpy as np

    # a task's new classes with all their images, the old classes with the herded memory
    for old, per_old, new, per_new in ((5, 20, 5, 50), (10, 2, 2, 30), (2, 7, 1, 100), (20, 5, 10, 23)):
        for batch_size in (8, 32, 128):
            def build(old=old, per_old=per_old, new=new, per_new=per_new, b=batch_size):
                y = np.array([c for c in range(old) for _ in range(per_old)]
                             + [old + c for c in range(new) for _ in range(per_new)])
                flags = np.array([1.0] * (old * per_old) + [0.0] * (new * per_new))
                return cls(y, flags, batch_size=b)

            yield Case(
                f"old classes={old}x{per_old} (memory) new classes={new}x{per_new} batch_size={batch_size}",
                build,
            )


@sampler(PROJECT, PATH, "NPairSampler")
def _(cls, module):
    for classes, per_class in ((10, 20), (12, 7), (20, 10), (10, 4)):
        for n_classes, n_samples in ((10, 2), (5, 4)):  # the defaults, and a smaller N
            yield Case(
                f"{classes} classes x {per_class} images n_classes={n_classes} n_samples={n_samples}",
                lambda c=classes, k=per_class, nc=n_classes, ns=n_samples: cls(_labels([k] * c), nc, ns),
                repeat=2,
            )


@sampler(PROJECT, PATH, "TripletSampler")
def _(cls, module):
    for classes, per_class in ((10, 20), (3, 7), (20, 5)):
        for batch_size in (12, 128, 30):
            yield Case(
                f"{classes} classes x {per_class} images batch_size={batch_size}",
                lambda c=classes, k=per_class, b=batch_size: cls(_labels([k] * c), batch_size=b),
            )


@sampler(PROJECT, PATH, "TripletCKSampler")
def _(cls, module):
    for counts in ([20] * 20, [3, 9, 4, 12] * 6, [5] * 40):
        for per_class, n_classes in ((4, 20), (2, 10)):
            yield Case(
                f"class counts={counts[:4]}... ({len(counts)} classes) nb_per_class={per_class} nb_classes={n_classes}",
                lambda c=counts, k=per_class, n=n_classes: cls(_labels(c), nb_per_class=k, nb_classes=n),
            )


not_run(
    PROJECT,
    PATH,
    "MultiSampler",
    "unfinished in the source: __iter__ is `pass` (iter() raises TypeError) and __len__ reads "
    "self.y, which __init__ never sets",
)
