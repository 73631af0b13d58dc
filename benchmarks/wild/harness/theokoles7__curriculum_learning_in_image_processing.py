"""theokoles7/curriculum-learning-in-image-processing: curriculum learning for CIFAR by image
complexity. Its batch sampler splits the training images into len // batch_size partitions and
yields each partition ordered by the curriculum's score."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="theokoles7/curriculum-learning-in-image-processing",
    source="github",
    ref="1dd924213df80d079a91f5a074519bcf7bea4c7f",
    domain="curriculum learning: image classification",
    absent=("PIL", "cv2", "pywt", "skimage", "torchvision", "termcolor"),
    empty_init=("curriculums",),
)


class _Images:
    """A torchvision CIFAR dataset as the sampler reads it: len() and .data, the uint8 images."""

    def __init__(self, n):
        import numpy as np

        self.data = np.random.RandomState(n).randint(0, 256, size=(n, 32, 32, 3), dtype=np.uint8)

    def __len__(self):
        return len(self.data)


def _mean_intensity(image):
    # a numpy stand-in for the repository's scores (edge density, RMSE, spatial frequency ...,
    # which need PIL / OpenCV here): the sampler only orders each partition by it
    return float(image.mean())


@sampler(PROJECT, "curriculums/batch_sampler.py", "CurriculumSampler")
def _(cls, module):
    for n in (8, 50, 129, 300):
        for batch_size in (4, 16, 64):
            if n < batch_size:
                continue  # array_split into 0 partitions
            yield Case(
                f"images={n} batch_size={batch_size}",
                lambda n=n, b=batch_size: cls(_Images(n), batch_size=b, curriculum=_mean_intensity),
            )
