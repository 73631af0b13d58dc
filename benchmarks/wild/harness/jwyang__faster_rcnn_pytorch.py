"""jwyang/faster-rcnn.pytorch: object detection (Faster R-CNN). trainval_net.py gives
sampler(train_size, args.batch_size) as `sampler=` (train_size = len(roidb), the
aspect-ratio-sorted roidb; batch_size 1 by default, 4-24 in its README's runs): a random order
of whole batch_size-long runs of the roidb, then the leftover tail."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="jwyang/faster-rcnn.pytorch",
    source="github",
    ref="f9d984d27b48a067b29792932bcb5321a39c1f09",
    domain="detection",
    # trainval_net.py's other imports (the roidb, the networks, their C extensions): to load only
    absent=("roi_data_layer", "model", "torchvision"),
)


@sampler(PROJECT, "trainval_net.py", "sampler")
def _(cls, module):
    # VOC 2007 trainval with flips is 10022 images; smaller custom sets too.
    for train_size in (5, 24, 257, 10022):
        for batch in (1, 4, 6, 24):
            if batch <= train_size:
                yield Case(
                    f"train_size={train_size} batch_size={batch}", lambda n=train_size, b=batch: cls(n, b)
                )
