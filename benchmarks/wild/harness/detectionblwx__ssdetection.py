"""DetectionBLWX/ssdetection: object detection. The sampler its train.py passes as `sampler=`
(with the same batch size as the DataLoader): images split into tall and wide ones, each
part cut into whole batches and shuffled batch-wise, its remainder left out."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="DetectionBLWX/ssdetection",
    source="github",
    ref="d8fa6780ab3ff1a760926cdeba60bd619759753d",
    domain="object detection",
    root="",
    empty_init=("modules.utils", "modules.utils.datasets"),  # import the models, COCO, cv2
)


def _ratios(n):
    """COCODataset.img_ratios: width / height of each image (COCO has both kinds)."""
    return [(1.33, 0.75, 1.5, 1.0, 0.66, 1.78, 0.8)[(i * 3) % 7] for i in range(n)]


def _build(cls, n, b):
    # The class calls Sampler.__init__(data_source=None): the runner's child gives torch's
    # Sampler that __init__ back (wild/README.md).
    return cls(_ratios(n), b)


@sampler(PROJECT, "modules/utils/datasets/Sampler.py", "NearestRatioRandomSampler")
def _(cls, module):
    for n in (2, 7, 10, 23, 64, 117):
        for b in (1, 2, 4, 16):
            yield Case(
                f"n={n} batch_size={b}",
                lambda n=n, b=b: _build(cls, n, b),
                marker="return len(self.img_ratios)",
            )
