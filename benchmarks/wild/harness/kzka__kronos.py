"""kzka/kronos: self-supervised video representation learning (temporal cycle consistency on
action videos). The batch samplers of its factory (kronos/factories.py BatchSamplerFactory:
"same_action", "same_action_downstream", "random", "stratified", given the VideoDataset's
dir_tree: action class -> video folders)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="kzka/kronos",
    source="github",
    ref="a50a9fe41377ae2e3c9c9b9c1bd7ed7d70c42437",
    domain="video understanding",
    root="",
    absent=("PIL", "cv2", "skvideo", "yacs", "tensorboardX", "ipdb", "matplotlib"),
    empty_init=("kronos", "kronos.datasets"),  # import the datasets (video decoding) and models
)

# Videos per action class, as dir_tree lists them (uneven, some below a batch).
TREES = {
    "1 class x 3": [3],
    "3 classes": [5, 3, 8],
    "5 classes": [12, 7, 4, 9, 2],
    "8 classes": [(i * 5) % 11 + 1 for i in range(8)],
}


def _dir_tree(counts):
    return {
        f"action_{k}": [f"/data/pouring/train/action_{k}/vid{v}" for v in range(c)]
        for k, c in enumerate(counts)
    }


def _cases(cls, downstream=False):
    for name, counts in TREES.items():
        for batch in (1,) if downstream else (1, 2, 4, 8):
            for sequential in (False, True):  # the factory passes sequential=debug
                if downstream:
                    build = lambda c=counts, s=sequential: cls(_dir_tree(c), sequential=s)  # noqa: E731
                else:
                    build = lambda c=counts, b=batch, s=sequential: cls(_dir_tree(c), b, sequential=s)  # noqa: E731
                yield Case(f"{name} batch_size={batch} sequential={sequential}", build)


@sampler(PROJECT, "kronos/datasets/batch_samplers.py", "SameClassBatchSampler")
def _(cls, module):
    yield from _cases(cls)


@sampler(PROJECT, "kronos/datasets/batch_samplers.py", "SameClassBatchSamplerDownstream")
def _(cls, module):
    yield from _cases(cls, downstream=True)


@sampler(PROJECT, "kronos/datasets/batch_samplers.py", "RandomBatchSampler")
def _(cls, module):
    yield from _cases(cls)


@sampler(PROJECT, "kronos/datasets/batch_samplers.py", "StratifiedBatchSampler")
def _(cls, module):
    yield from _cases(cls)
