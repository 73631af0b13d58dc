"""wenwenyu/MASTER-pytorch: scene text recognition (MASTER). train.py passes
DistValSampler(list(range(len(val_dataset))), batch_size=val_batch_size,
distributed=config['distributed']) as the validation loader's `batch_sampler=`, every rank
of the process group reading its own slice. ImbalancedDatasetSampler(train_dataset) (a
TextDataset: its labels are the text strings) is the commented-out alternative to the
training loader's sampler."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="wenwenyu/MASTER-pytorch",
    source="github",
    ref="7fe140fde6df13e6b184161fb6e2c3fd3a344948",
    domain="OCR",
    # utils/label_util.py reads utils/keys.txt at import (the tree holds Python files only):
    # the converter the data sets read, with the project's STRING_MAX_LEN.
    stubs={
        "utils.label_util": "class _Converter:\n    max_length = 100\n\n\nLabelTransformer = _Converter()\n"
    },
    absent=("cv2", "PIL", "lmdb", "torchvision", "tqdm", "distance"),
)


class World:
    """torch.distributed as DistValSampler reads it in a process group of `size` ranks."""

    def __init__(self, size, rank):
        self.size, self.rank = size, rank

    def get_world_size(self):
        return self.size

    def get_rank(self):
        return self.rank


@sampler(PROJECT, "data_utils/datasets.py", "DistValSampler")
def _(cls, module):
    for n in (1, 5, 64, 1000, 3001):
        for batch in (1, 8, 128):
            yield Case(
                f"{n} images, batch {batch}, distributed=False",
                lambda n=n, b=batch: cls(list(range(n)), batch_size=b, distributed=False),
            )
            for world in (2, 4):
                for rank in range(world):

                    def build(n=n, b=batch, w=world, r=rank):
                        module.dist = World(w, r)
                        return cls(list(range(n)), batch_size=b, distributed=True)

                    yield Case(f"{n} images, batch {batch}, rank {rank} of {world}", build)


def _texts(module, n, seed):
    rng = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    data = module.TextDataset.__new__(module.TextDataset)
    data.all_labels = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(n)]
    data.all_images = [f"img_{i}.jpg" for i in range(n)]
    data.nSamples = n  # what TextDataset.__init__ sets from its label file
    return data


@sampler(PROJECT, "data_utils/ImbalancedDatasetSampler.py", "ImbalancedDatasetSampler")
def _(cls, module):
    for n in (1, 10, 500):
        data = _texts(module, n, n)
        yield Case(f"{n} text images", lambda d=data: cls(d), epochs=3)
