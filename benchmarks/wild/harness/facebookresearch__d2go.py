"""facebookresearch/d2go: detectron2-based training and deployment of mobile detection
models. Its k-means anchor test builds a sequence loader over a data set of len(dataset)
images: IntervalSampler(len(dataset), interval), interval = max(1, len // total_samples),
wrapped in a BatchSampler(batch_size, drop_last=False)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/d2go",
    source="github",
    ref="f4ac15674818ec3c78288eb9f700b0213005cc8b",
    domain="object detection",
    # the test module's imports of the runner, the anchors code and the toy data sets
    stubs={
        "d2go.modeling.kmeans_anchors": (
            "add_kmeans_anchors_cfg = compute_kmeans_anchors = compute_kmeans_anchors_hook = None\n"
        ),
        "d2go.runner": "GeneralizedRCNNRunner = None\n",
        "d2go.utils.testing.data_loader_helper": "register_toy_coco_dataset = None\n",
    },
    absent=("detectron2",),
    empty_init=(
        "d2go",
        "d2go.modeling",
        "d2go.utils",
        "d2go.utils.testing",
        "tests",
    ),  # tests/__init__ sets up d2go loggers
)


@sampler(PROJECT, "tests/modeling/test_kmeans_anchors.py", "IntervalSampler")
def _(cls, module):
    for size in (1, 10, 97, 1000):
        for total in (1, 3, 10, 50, 2000):
            interval = max(1, int(size / total))
            yield Case(
                f"{size} images, {total} samples wanted (interval {interval})",
                lambda s=size, i=interval: cls(s, i),
            )
