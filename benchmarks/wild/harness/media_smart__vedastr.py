"""Media-Smart/vedastr: scene text recognition toolbox. Its configs train with
`sampler=dict(type='BalanceSampler', batch_size=batch_size, shuffle=True, oversample=True)`
over ConcatDatasets([MJ, ST], batch_ratio=[0.5, 0.5]) (batch_size 192, 64 in small_satrn),
given as `sampler=`: each batch takes its share of every sub-dataset, the smaller ones
oversampled (or the bigger ones downsampled) to the ratio. The dataset exposes data_range
(the sub-datasets' cumulative ends) and batch_ratio."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Media-Smart/vedastr",
    source="github",
    ref="f3844604fa3b18b7b0b1aaa27d4c63ca00513c5d",
    domain="OCR",
    stubs={
        "vedastr.dataloaders.samplers.registry": (
            "class _Registry:\n    def register_module(self, cls):\n        return cls\n\n\n"
            "SAMPLER = _Registry()\n"
        ),
    },
    empty_init=("vedastr", "vedastr.dataloaders", "vedastr.dataloaders.samplers"),  # models, lmdb, cv2
)


class _ConcatDatasets:
    """What the sampler reads of vedastr's ConcatDatasets: len(), data_range, batch_ratio."""

    def __init__(self, sizes, batch_ratio):
        self.data_range = [sum(sizes[: i + 1]) for i in range(len(sizes))]
        self.batch_ratio = batch_ratio
        self.size = sum(sizes)

    def __len__(self):
        return self.size


_SETS = (
    ([900, 500], [0.5, 0.5]),
    ([1000, 37], [0.5, 0.5]),
    ([300, 450, 120], [0.5, 0.25, 0.25]),
    ([777], [1.0]),
)


@sampler(PROJECT, "vedastr/dataloaders/samplers/balance_sampler.py", "BalanceSampler")
def _(cls, module):
    for sizes, ratio in _SETS:
        for batch in (192, 64, 32):
            for shuffle, over, down in ((True, True, False), (True, False, True), (False, False, False)):
                yield Case(
                    f"sub-datasets of {sizes} items, batch_ratio={ratio} batch_size={batch}"
                    f" shuffle={shuffle} oversample={over} downsample={down}, two epochs",
                    lambda s=sizes, r=ratio, b=batch, sh=shuffle, o=over, d=down: cls(
                        _ConcatDatasets(s, r), b, sh, oversample=o, downsample=d
                    ),
                    repeat=2,
                )
