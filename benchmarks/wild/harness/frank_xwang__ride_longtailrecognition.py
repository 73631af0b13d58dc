"""frank-xwang/RIDE-LongTailRecognition: long-tailed recognition with routing diverse experts.
Its balanced sampler draws a random class bucket per item; the same class is repeated in its
ImageNet-LT and iNaturalist loaders (only the CIFAR one is taken)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="frank-xwang/RIDE-LongTailRecognition",
    source="github",
    ref="ab8be5c21124612493aff87c7cf235d950bda178",
    domain="long-tailed image classification: class-balanced sampling",
    absent=("torchvision", "PIL", "base"),
    empty_init=(),
)


def _buckets(counts):
    # ImbalanceCIFAR100DataLoader: one list of image indices per class
    start, out = 0, []
    for n in counts:
        out.append(list(range(start, start + n)))
        start += n
    return out


@sampler(PROJECT, "data_loader/cifar_data_loaders.py", "BalancedSampler")
def _(cls, module):
    # CIFAR-LT profiles with imbalance factors 0.1 and 0.01 (imb_type='exp'), scaled down
    for counts in ((50, 23, 11, 5, 2), (100, 40, 16, 6, 2, 1), (9, 9, 9), (30, 1)):
        for retain in (True, False):  # the loaders default to retain_epoch_size=True
            yield Case(
                f"class counts={counts} retain_epoch_size={retain}",
                lambda c=counts, r=retain: cls(_buckets(c), retain_epoch_size=r),
            )
