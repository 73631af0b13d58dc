"""Britefury/cutmix-semisup-seg: semi-supervised semantic segmentation (CutMix consistency).
The training scripts pass RepeatSampler(SubsetRandomSampler(sup_ndx)) (repeats=-1, endless,
len() 2**62: the loop stops at a number of iterations) as the supervised loader's `sampler=`;
only a bounded repeats can be run to its end, so the cases take those."""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Britefury/cutmix-semisup-seg",
    source="github",
    ref="af6183a6b3d7711a1da37e14e1e9daf31ed3208f",
    domain="semantic segmentation",
    absent=("cv2", "PIL", "skimage", "torchvision"),
)


@sampler(PROJECT, "datapipe/seg_data.py", "RepeatSampler")
def _(cls, module):
    for n in (1, 100, 1464):
        for repeats in (1, 3):
            yield Case(
                f"SubsetRandomSampler of {n} labelled images, repeats {repeats}",
                lambda n=n, r=repeats: cls(torch.utils.data.SubsetRandomSampler(list(range(0, 2 * n, 2))), r),
            )
            yield Case(
                f"RandomSampler of {n} images, repeats {repeats}",
                lambda n=n, r=repeats: cls(torch.utils.data.RandomSampler(range(n)), r),
            )
