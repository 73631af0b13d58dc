"""HiLab-git/SSL4MIS: semi-supervised medical image segmentation (ACDC slices, BraTS and LA
volumes). The batch sampler of its training scripts (code/train_*_2D.py, _3D.py pass it as
`batch_sampler=`): each batch joins labelled and unlabelled slices, an epoch is one pass
over the labelled ones; and the pseudo-label-uniform sampler of code/utils/util.py.
code/dataloaders/brats2019.py holds the same TwoStreamBatchSampler as dataset.py (its
3D training scripts import that one): run on the same cases."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="HiLab-git/SSL4MIS",
    source="github",
    ref="06df6047a59aba9988ced8331998b5957ecb356b",
    domain="medical imaging",
    root="code",
    # dataset.py and util.py import these for their datasets, transforms and losses.
    absent=(
        "cv2",
        "h5py",
        "torchvision",
        "matplotlib",
        "PIL",
        "skimage",
        "augmentations",
        "networks",
        "SimpleITK",
        "medpy",
        "tqdm",
    ),
)

# (labelled slices, all slices): ACDC-like splits at a few labelled fractions, smaller.
SPLITS = ((14, 95), (37, 95), (68, 150), (136, 310))


@sampler(PROJECT, "code/dataloaders/brats2019.py", "TwoStreamBatchSampler")
@sampler(PROJECT, "code/dataloaders/dataset.py", "TwoStreamBatchSampler")  # registered first
def _(cls, module):
    for labelled, total in SPLITS:
        for batch, labelled_bs in ((24, 12), (8, 4), (4, 2), (6, 1)):
            if labelled < labelled_bs or total - labelled < batch - labelled_bs:
                continue  # its own assertions
            yield Case(
                f"labelled={labelled} total={total} batch_size={batch} labeled_bs={labelled_bs}",
                lambda lab=labelled, t=total, b=batch, lb=labelled_bs: cls(
                    list(range(lab)), list(range(lab, t)), b, b - lb
                ),
            )


@sampler(PROJECT, "code/utils/util.py", "UnifLabelSampler")
def _(cls, module):
    for n, clusters in ((50, 5), (97, 10), (300, 7), (12, 3)):
        # images_lists: pseudo-label -> images, clusters of uneven size (one smaller than its share)
        lists = {}
        start = 0
        for k in range(clusters):
            size = max(1, (n * (k + 1)) // (clusters * (clusters + 1) // 2))
            lists[k] = list(range(start, start + size))
            start += size
        for epoch_n in (n, n // 2 + 1):
            yield Case(
                f"N={epoch_n} clusters={clusters} images={start}",
                lambda N=epoch_n, lists=lists: cls(N, lists),
            )
