"""CoinCheung/triplet-reid-pytorch: re-identification (triplet loss, P x K). BatchSampler(
dataset, n_class, n_num) is the `batch_sampler=` of train.py (18 identities x 4 images).
Its dataset (datasets/Market1501.py) carries lb_ids, lb_ids_uniq and lb_img_dict."""

import numpy as np

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import reid_items

PROJECT = Project(
    name="CoinCheung/triplet-reid-pytorch",
    source="github",
    ref="b32f5df1084c70aeceb5084001f242dce31d0ebb",
    domain="re-identification",
    absent=("cv2",),
)


class Market:
    """datasets/Market1501.py's attributes, from a training image list."""

    def __init__(self, items):
        self.imgs = [path for path, _, _ in items]
        self.lb_ids = [pid for _, pid, _ in items]
        self.lb_cams = [cam for _, _, cam in items]
        self.lb_img_dict = dict()
        self.lb_ids_uniq = set(self.lb_ids)
        ids = np.array(self.lb_ids)
        for lb in self.lb_ids_uniq:
            self.lb_img_dict.update({lb: np.where(ids == lb)[0]})

    def __len__(self):
        return len(self.imgs)


@sampler(PROJECT, "batch_sampler.py", "BatchSampler")
def _(cls, module):
    for ids in (18, 40, 151):
        data = Market(reid_items(ids, seed=ids))
        for p, k in ((18, 4), (8, 4), (16, 2)):
            yield Case(f"{ids} identities ({len(data)} images), P {p} x K {k}", lambda d=data, p=p, k=k: cls(d, p, k))
