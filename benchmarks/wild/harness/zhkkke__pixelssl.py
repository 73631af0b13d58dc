"""ZHKKKe/PixelSSL: semi-supervised learning for pixel-wise tasks (segmentation). The task
template (pixelssl/task_template/proxy.py) passes TwoStreamBatchSampler(
trainset.labeled_idxs, trainset.unlabeled_idxs, labeled_batch_size, unlabeled_batch_size) as
`batch_sampler=` when it trains on both labelled and unlabelled images (Pascal VOC: 1464 or
fewer labelled of 10582)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ZHKKKe/PixelSSL",
    source="github",
    ref="ce192034355ae6a77e47d2983d9c9242df60802a",
    domain="semi-supervised segmentation",
    empty_init=("pixelssl", "pixelssl.nn"),  # import the models, the optimizers and the tasks
)


@sampler(PROJECT, "pixelssl/nn/data.py", "TwoStreamBatchSampler")
def _(cls, module):
    for labelled, total in ((1464, 10582), (100, 1000), (7, 9), (300, 301)):
        labelled_idxs = list(range(labelled))
        unlabelled_idxs = list(range(labelled, total))
        for lb, ub in ((4, 4), (8, 2), (2, 8), (1, 1)):
            if lb > len(labelled_idxs) or ub > len(unlabelled_idxs):
                continue  # the class asserts a stream holds at least one batch
            yield Case(
                f"{labelled} labelled, {total - labelled} unlabelled, batch {lb}+{ub}",
                lambda a=labelled_idxs, b=unlabelled_idxs, x=lb, y=ub: cls(a, b, x, y),
            )
