"""prs-eth/Marigold: diffusion-based monocular depth / normals / intrinsic image estimation.
script/*/train.py trains on several data sets of different resolutions (Hypersim and
Virtual KITTI, prob_ls e.g. [0.9, 0.1]) through MixedBatchSampler(src_dataset_ls,
batch_size=max_train_batch_size, drop_last=True, prob=prob_ls, shuffle=True, generator) as
`batch_sampler=` of a ConcatDataset loader; resuming mid-epoch, the trainers iterate
skip_first_batches(train_loader, n_batch_in_epoch), which wraps the batch sampler in
SkipBatchSampler(batch_sampler, skip_batches=n)."""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="prs-eth/Marigold",
    source="github",
    ref="b1dffaaa3f7a2fe406b3bb9dd3c358b30da66060",
    domain="depth estimation (diffusion)",
    empty_init=("src", "src.dataset"),  # import the trainers, the models and the data sets (PIL, cv2)
)


class Frames:
    """A data set of n frames (the samplers read only its length)."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


MIXES = (  # data set lengths, prob_ls
    ((54000, 20000), (0.9, 0.1)),
    ((100, 37), (0.9, 0.1)),
    ((100, 37), None),
    ((10, 20, 50), (0.6, 0.3, 0.1)),
    ((3,), None),
)


@sampler(PROJECT, "src/dataset/mixed_sampler.py", "MixedBatchSampler")
def _(cls, module):
    for lengths, prob in MIXES:
        for batch in (1, 2, 8):
            if batch > min(lengths):
                continue  # drop_last: a data set without one full batch has no batches
            for shuffle in (True, False):
                yield Case(
                    f"data sets of {lengths}, prob {prob}, batch {batch}, shuffle={shuffle}",
                    lambda sizes=lengths, p=prob, b=batch, s=shuffle: cls(
                        [Frames(n) for n in sizes],
                        b,
                        True,
                        s,
                        prob=p,
                        generator=torch.Generator().manual_seed(2024),
                    ),
                )


@sampler(PROJECT, "src/util/data_loader.py", "SkipBatchSampler")
def _(cls, module):
    from src.dataset.mixed_sampler import MixedBatchSampler

    for lengths, prob in MIXES[1:]:
        for skip in (0, 1, 5, 12):

            def build(sizes=lengths, p=prob, k=skip):
                inner = MixedBatchSampler([Frames(n) for n in sizes], 2, True, True, prob=p)
                return cls(inner, skip_batches=min(k, len(inner)))

            yield Case(f"mixed batches of {lengths}, batch 2, resumed after {skip} batches", build)
    for n, batch in ((10, 3), (100, 8)):
        for skip in (0, 2):
            yield Case(
                f"BatchSampler of {n}, batch {batch}, skip {skip}",
                lambda n=n, b=batch, k=skip: cls(torch.utils.data.BatchSampler(range(n), b, False), k),
            )
