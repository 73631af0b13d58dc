"""tjddus9597/Proxy-Anchor-CVPR2020: metric learning. With --IPC, code/train.py wraps
BalancedSampler(trn_dataset, batch_size=sz_batch, images_per_class=IPC) in
BatchSampler(..., sz_batch, drop_last=True). Its datasets (CUB, Cars, SOP; dataset/base.py)
carry `ys`, class indices 0..C-1, and len() = len(ys)."""

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import class_labels

PROJECT = Project(
    name="tjddus9597/Proxy-Anchor-CVPR2020",
    source="github",
    ref="51db57031e38f75c03f69bbdfad1a3233afd9787",
    domain="metric learning",
    root="code",
    empty_init=("dataset",),
)


class Images:
    """A training split as dataset/base.py's BaseDataset holds it: ys and im_paths."""

    def __init__(self, ys):
        self.ys = list(ys)
        self.im_paths = [f"/data/CUB_200_2011/images/{y:03d}/{i}.jpg" for i, y in enumerate(self.ys)]
        self.I = list(range(len(self.ys)))

    def __len__(self):
        return len(self.ys)


@sampler(PROJECT, "code/dataset/sampler.py", "BalancedSampler")
def _(cls, module):
    for classes, low, high in ((100, 41, 60), (98, 30, 50), (40, 2, 12)):
        data = Images(class_labels(classes, seed=classes, low=low, high=high))
        for batch, ipc in ((150, 3), (120, 5), (90, 2), (60, 3)):
            if batch // ipc > classes:
                continue
            yield Case(
                f"{classes} classes ({len(data)} images), batch {batch}, {ipc} images a class",
                lambda data=data, b=batch, k=ipc: cls(data, b, k),
            )
