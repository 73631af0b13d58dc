"""hugh67/reid-MGN-pytorch: re-identification (MGN). RandomSampler(trainset, batchid,
batchimage) is the `sampler=` of data/__init__.py's training loader (16 identities x 4
images by default). Its Market1501 dataset (data/market1501.py) carries imgs (paths named
<pid>_c<cam>s..), a static id(path) and unique_ids, the sorted person ids."""

import os

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import reid_items

PROJECT = Project(
    name="hugh67/reid-MGN-pytorch",
    source="github",
    ref="d387a00d75392dd9de0ce90757de4a9949d661a5",
    domain="re-identification",
    empty_init=("data",),
)


class Market:
    """data/market1501.py's attributes the sampler reads, from a training image list."""

    def __init__(self, items):
        self.imgs = sorted(path for path, _, _ in items)

    @staticmethod
    def id(file_path):
        return int(os.path.basename(file_path).split("_")[0])

    @property
    def ids(self):
        return [self.id(path) for path in self.imgs]

    @property
    def unique_ids(self):
        return sorted(set(self.ids))

    def __len__(self):
        return len(self.imgs)


@sampler(PROJECT, "data/sampler.py", "RandomSampler")
def _(cls, module):
    for ids in (1, 16, 40, 151):
        data = Market(reid_items(ids, seed=ids))
        for batch_id, batch_image in ((16, 4), (8, 2), (4, 8)):
            yield Case(
                f"{ids} identities ({len(data)} images), {batch_id} ids x {batch_image} images",
                lambda d=data, p=batch_id, k=batch_image: cls(d, p, k),
            )
