"""facebookresearch/pytorch3d: 3D deep learning (Implicitron, neural rendering on CO3D).
pytorch3d/implicitron/dataset: SequenceDataLoaderMapProvider gives SceneBatchSampler(dataset,
batch_size, num_batches, images_per_seq_options, sample_consecutive_frames, max gaps) as the
training `batch_sampler=` when scenes matter (frames of a few sequences a batch, sequences
drawn category-aware), and DoublePoolBatchSampler(first_indices, rest_indices, batch_size,
replacement=True, num_batches) for conditioned validation and testing (one target frame and
batch_size - 1 known frames). The dataset is read through sequence_names,
category_to_sequence_names, sequence_indices_in_order and sequence_frames_in_order."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/pytorch3d",
    source="github",
    ref="9381c4016376345bb795b97c45a6c2de66db354a",
    domain="3D vision",
    # the samplers' modules import the dataset and config types of Implicitron, which load
    # the renderer (a compiled extension) and omegaconf; the samplers only read the dataset
    stubs={
        "pytorch3d.implicitron.tools.config": (
            "class ReplaceableBase:\n    pass\n\n\n"
            "class _Registry:\n    def register(self, cls):\n        return cls\n\n\n"
            "registry = _Registry()\n"
        ),
        "pytorch3d.implicitron.dataset.dataset_base": "class DatasetBase:\n    pass\n",
        "pytorch3d.implicitron.dataset.dataset_map_provider": "class DatasetMap:\n    pass\n",
        "pytorch3d.implicitron.dataset.frame_data": "class FrameData:\n    pass\n",
        "pytorch3d.implicitron.dataset.utils": (
            "def is_known_frame_scalar(frame_type):\n    raise NotImplementedError\n"
        ),
    },
    empty_init=(
        "pytorch3d",
        "pytorch3d.implicitron",
        "pytorch3d.implicitron.dataset",
        "pytorch3d.implicitron.tools",
    ),
)

DATASET = "pytorch3d/implicitron/dataset/"


class _Scenes:
    """A CO3D-like dataset of `categories` categories of 2-6 sequences of 5-60 frames each;
    frame numbers have a gap now and then, timestamps are not given (0)."""

    def __init__(self, categories, seed):
        rng = random.Random(seed)
        self.sequences, self.by_category, index = {}, {}, 0
        for category in range(categories):
            names = []
            for s in range(rng.randint(2, 6)):
                name = f"{category}_{s}"
                count = rng.randint(5, 60)
                numbers, number = [], 0
                for _ in range(count):
                    number += 1 if rng.random() < 0.9 else rng.randint(2, 5)
                    numbers.append(number)
                self.sequences[name] = [(0.0, no, index + i) for i, no in enumerate(numbers)]
                index += count
                names.append(name)
            self.by_category[str(category)] = names
        self.size = index

    def __len__(self):
        return self.size

    def sequence_names(self):
        return iter(self.sequences)

    def category_to_sequence_names(self):
        return self.by_category

    def sequence_indices_in_order(self, seq_name):
        return (idx for _, _, idx in self.sequences[seq_name])

    def sequence_frames_in_order(self, seq_name):
        return iter(self.sequences[seq_name])


@sampler(PROJECT, DATASET + "scene_batch_sampler.py", "SceneBatchSampler")
def _(cls, module):
    for categories in (1, 5, 20):
        data = _Scenes(categories, categories)
        for batch, batches, options in ((10, 50, (2, 3, 4, 5, 6, 8, 10)), (1, 20, (1,)), (16, 7, (4, 8))):
            for consecutive, gap, aware in (
                (False, 0, True),
                (True, 0, True),
                (True, 2, False),
                (False, 0, False),
            ):
                yield Case(
                    f"{categories} categories ({len(data)} frames), batch {batch}, {batches} batches, "
                    f"images per sequence {options}, consecutive={consecutive} max_gap={gap} "
                    f"category_aware={aware}",
                    lambda d=data, b=batch, n=batches, o=options, c=consecutive, g=gap, a=aware: cls(
                        d,
                        b,
                        num_batches=n,
                        images_per_seq_options=o,
                        sample_consecutive_frames=c,
                        consecutive_frames_max_gap=g,
                        consecutive_frames_max_gap_seconds=0.0,
                        category_aware=a,
                    ),
                )


@sampler(PROJECT, DATASET + "data_loader_map_provider.py", "DoublePoolBatchSampler")
def _(cls, module):
    for targets, known in ((1, 1), (50, 200), (202, 40)):
        for batch in (1, 2, 10):
            if batch - 1 > known:
                continue
            for replacement in (True, False):
                for batches in (None, 0, 7, 300):
                    yield Case(
                        f"{targets} target and {known} known frames, batch {batch}, "
                        f"replacement={replacement} num_batches={batches}",
                        lambda t=targets, k=known, b=batch, r=replacement, n=batches: cls(
                            list(range(t)), list(range(t, t + k)), b, r, num_batches=n
                        ),
                    )
