"""allenai/rslearn: remote sensing data sets and model training. MultiDatasetDataModule
(rslearn/train/data_module.py) trains on several data sets at once: its loader's
`batch_sampler=` is DistributedPerDatasetBatchSampler(MultiDataset(datasets), batch_sizes
(one a data set), shuffle on the train split, the trainer's world size and rank,
sample_mode ("random", "cycle", "random_cycle", "reptile" with steps_per_dataset),
refill_batches, per_dataset_patch_limit on the train split). Lightning calls set_epoch
every epoch."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="allenai/rslearn",
    source="github",
    ref="15abe58afc3b82c403e23cd4ed71e2f4213d7f6c",
    domain="remote sensing",
    # data_module.py's imports of the rest of rslearn (rasterio, the data set stores, the tasks)
    stubs={
        "rslearn.dataset": "Dataset = None\n",
        "rslearn.log_utils": "import logging\n\nget_logger = logging.getLogger\n",
        "rslearn.train.tasks": "Task = None\n",
        "rslearn.train.all_crops_dataset": "IterableAllCropsDataset = MapAllCropsDataset = None\n",
        "rslearn.train.dataset": (
            "class SplitConfig:\n    def __init__(self, *args, **kwargs):\n        pass\n\n\n"
            "class IndexMode:\n    OFF = 'off'\n\n\n"
            "DataInput = ModelDataset = MultiDataset = RetryDataset = None\n"
        ),
        "rslearn.train.in_memory_dataset": "InMemoryAllCropsDataset = InMemoryRandomCropDataset = None\n",
    },
    absent=("lightning", "upath"),
)


class Windows:
    """One data set of windows (only its length matters to the sampler)."""

    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size


class Datasets:
    """MultiDataset as its batch sampler reads it: the data sets by name and the range of
    indices each one takes in the concatenation."""

    def __init__(self, sizes):
        self.datasets = {name: Windows(size) for name, size in sizes.items()}
        self.buckets = {}
        start = 0
        for name, size in sizes.items():
            self.buckets[name] = range(start, start + size)
            start += size

    def __len__(self):
        return sum(len(d) for d in self.datasets.values())


MODES = (
    ("random", False, None),
    ("cycle", False, None),
    ("random_cycle", False, None),
    ("reptile", False, 2),
    ("cycle", True, None),
    ("random_cycle", True, None),
    ("reptile", True, 3),
)


@sampler(PROJECT, "rslearn/train/data_module.py", "DistributedPerDatasetBatchSampler")
def _(cls, module):
    for sizes, batches in (
        ({"sentinel2": 100, "landsat": 37}, {"sentinel2": 8, "landsat": 8}),
        ({"a": 5, "b": 64, "c": 1}, {"a": 2, "b": 16, "c": 4}),
        ({"only": 50}, {"only": 7}),
    ):
        data = Datasets(sizes)
        for mode, refill, steps in MODES:
            for limit in (None, 20):
                for world in (1, 2):
                    for rank in range(world):
                        for epoch in (0, 1):

                            def build(
                                d=data,
                                b=batches,
                                m=mode,
                                f=refill,
                                s=steps,
                                p=limit,
                                w=world,
                                r=rank,
                                e=epoch,
                            ):
                                batch_sampler = cls(
                                    d,
                                    b,
                                    shuffle=True,
                                    num_replicas=w,
                                    rank=r,
                                    sample_mode=m,
                                    refill_batches=f,
                                    steps_per_dataset=s,
                                    per_dataset_patch_limit=p,
                                )
                                batch_sampler.set_epoch(e)
                                return batch_sampler

                            yield Case(
                                f"{sizes}, batch sizes {batches}, {mode}, refill={refill}, "
                                f"steps_per_dataset {steps}, patch limit {limit}, "
                                f"rank {rank} of {world}, epoch {epoch}",
                                build,
                            )
