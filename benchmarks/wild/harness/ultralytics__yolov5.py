"""ultralytics/yolov5: object detection. utils/dataloaders.py's create_dataloader gives
SmartDistributedSampler(dataset, shuffle=shuffle) to every DDP rank (rank != -1): a
DistributedSampler whose __iter__ draws a seeded permutation of the rank's share and pads it
to num_samples. train.py calls set_epoch(epoch) every epoch."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ultralytics/yolov5",
    source="github",
    ref="5081342f04fb287fc2e5f2b5a4e06752b7937b1c",
    domain="object detection",
    stubs={
        # The image and label helpers dataloaders.py imports by name; the sampler uses none.
        "utils.general": (
            "import logging\nimport cv2\nLOGGER = logging.getLogger('yolov5')\n\n\n"
            "def __getattr__(name):\n    return None\n"
        ),
        "utils.augmentations": "def __getattr__(name):\n    return None\n",
        "utils.torch_utils": "def __getattr__(name):\n    return None\n",
        # dataloaders.py looks up the EXIF orientation tag at import.
        "PIL": "class ExifTags:\n    TAGS = {}\n\n\nImage = ImageOps = None\n",
    },
    absent=("cv2", "psutil", "torchvision", "ultralytics"),
)


@sampler(PROJECT, "utils/dataloaders.py", "SmartDistributedSampler")
def _(cls, module):
    for n in (1, 2, 7, 16, 33, 101):
        for replicas in (1, 2, 3, 4, 8):
            for rank in range(replicas):
                for shuffle in (True, False):
                    for drop_last in (False, True):
                        for epoch in (0, 5):

                            def build(n=n, r=replicas, k=rank, s=shuffle, d=drop_last, e=epoch):
                                made = cls(list(range(n)), num_replicas=r, rank=k, shuffle=s, drop_last=d)
                                made.set_epoch(e)
                                return made

                            yield Case(
                                f"n={n} replicas={replicas} rank={rank} shuffle={shuffle} "
                                f"drop_last={drop_last} epoch={epoch}",
                                build,
                            )
