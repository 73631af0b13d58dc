"""khornlund/pytorch-balanced-sampler: batch samplers for imbalanced classification, made by its
SamplerFactory: a fixed number of samples of each class per batch, or weighted draws with
replacement, for n_batches per epoch; alpha moves from the population's class distribution to
a uniform one."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="khornlund/pytorch-balanced-sampler",
    source="github",
    ref="e9e1283c5230630b5ca3f4d6bd4c59e651fa8d3e",
    domain="imbalanced classification: class-balanced batches",
)

PATH = "pytorch_balanced_sampler/sampler.py"


def _class_idxs(sizes):
    out, start = [], 0
    for n in sizes:
        out.append(list(range(start, start + n)))
        start += n
    return out


CONFIGS = (((100, 20, 5), 16, 10), ((9, 3), 4, 3), ((500, 50, 50, 5), 32, 25), ((30, 30), 8, 1))


def _cases(module, kind):
    for sizes, batch_size, n_batches in CONFIGS:
        for alpha in (0.0, 0.5, 1.0):
            yield Case(
                f"class sizes={sizes} batch_size={batch_size} n_batches={n_batches} alpha={alpha} kind={kind}",
                lambda s=sizes, b=batch_size, n=n_batches, a=alpha: module.SamplerFactory().get(
                    _class_idxs(s), b, n, a, kind
                ),
            )


@sampler(PROJECT, PATH, "WeightedFixedBatchSampler")
def _(cls, module):
    yield from _cases(module, "fixed")


@sampler(PROJECT, PATH, "WeightedRandomBatchSampler")
def _(cls, module):
    yield from _cases(module, "random")
