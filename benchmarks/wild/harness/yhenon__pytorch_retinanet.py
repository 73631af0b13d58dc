"""yhenon/pytorch-retinanet: object detection. The batch sampler its train.py passes as
`batch_sampler=`: images sorted by aspect ratio and cut into batches, the last one filled
up from the start of the order."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="yhenon/pytorch-retinanet",
    source="github",
    ref="0348a9d57b279e3b5b235461b472d37da5feec3d",
    domain="object detection",
    root="",
    # dataloader.py imports them for its datasets and transforms.
    absent=("torchvision", "pycocotools", "skimage", "PIL"),
)


class _Images:
    """What the sampler reads of CocoDataset / CSVDataset: len() and image_aspect_ratio(i)."""

    def __init__(self, n):
        self.ratios = [(1.33, 0.75, 1.5, 1.0, 0.66, 1.78)[(i * 5) % 6] for i in range(n)]

    def __len__(self):
        return len(self.ratios)

    def image_aspect_ratio(self, index):
        return self.ratios[index]


@sampler(PROJECT, "retinanet/dataloader.py", "AspectRatioBasedSampler")
def _(cls, module):
    for n in (1, 2, 7, 10, 23, 64):
        for b in (1, 2, 4, 8):
            for drop_last in (False, True):
                yield Case(
                    f"n={n} batch_size={b} drop_last={drop_last}",
                    lambda n=n, b=b, d=drop_last: cls(_Images(n), batch_size=b, drop_last=d),
                    marker="len(self.data_source) // self.batch_size",
                )
