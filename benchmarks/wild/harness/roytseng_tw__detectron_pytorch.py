"""roytseng-tw/Detectron.pytorch: object detection (a PyTorch port of Detectron). The training
loader (tools/train_net_step.py) wraps MinibatchSampler(ratio_list, ratio_index) in its own
BatchSampler(batch_size=args.batch_size, drop_last=True); tools/train_net.py uses the
MinibatchSampler alone. ratio_list / ratio_index come from combined_roidb_for_training: the
images' width / height ratios sorted ascending and the roidb indices in that order. The
sampler reads cfg.TRAIN.ASPECT_GROUPING (default True) and cfg.TRAIN.IMS_PER_BATCH
(default 2) when it iterates."""

import numpy as np

from wild.entry import Case, Project, sampler

# The config tree the loader reads (lib/core/config.py needs yaml, six and the model code).
_CONFIG = """\
class _Node(dict):
    __getattr__ = dict.__getitem__

    def __setattr__(self, name, value):
        self[name] = value


cfg = _Node(TRAIN=_Node(ASPECT_GROUPING=True, IMS_PER_BATCH=2))
"""

PROJECT = Project(
    name="roytseng-tw/Detectron.pytorch",
    source="github",
    ref="1b1c4ba58428b7277a45b0dce6cc1bce3744b86a",
    domain="object detection",
    root="lib",
    stubs={
        "core.config": _CONFIG,
        "roi_data.minibatch": "def get_minibatch(roidb):\n    raise NotImplementedError\n",
        "utils.blob": "",
    },
    absent=("cv2",),
)


def _ratios(n, seed):
    """The sorted aspect ratios of n images (COCO-like: mostly landscape, some portrait)
    and the roidb order that sorts them."""
    rng = np.random.RandomState(seed)
    raw = np.clip(rng.lognormal(0.2, 0.3, n), 0.5, 2.0)
    order = np.argsort(raw)
    return raw[order], order


def _configured(module, grouping, ims):
    module.cfg.TRAIN.ASPECT_GROUPING = grouping
    module.cfg.TRAIN.IMS_PER_BATCH = ims


@sampler(PROJECT, "lib/roi_data/loader.py", "MinibatchSampler")
def _(cls, module):
    for n in (1, 7, 64, 257):
        ratio_list, ratio_index = _ratios(n, n)
        for grouping in (True, False):
            for ims in (1, 2, 4):

                def build(r=ratio_list, i=ratio_index, g=grouping, k=ims):
                    _configured(module, g, k)
                    return cls(r, i)

                yield Case(f"{n} images, ASPECT_GROUPING={grouping}, IMS_PER_BATCH {ims}", build, epochs=2)


@sampler(PROJECT, "lib/roi_data/loader.py", "BatchSampler")
def _(cls, module):
    for n in (5, 64, 257):
        ratio_list, ratio_index = _ratios(n, n)
        for batch in (1, 2, 8, 16):
            for drop_last in (True, False):

                def build(r=ratio_list, i=ratio_index, b=batch, d=drop_last):
                    _configured(module, True, 2)
                    return cls(module.MinibatchSampler(r, i), b, d)

                yield Case(f"{n} images, batch {batch}, drop_last={drop_last}", build)
