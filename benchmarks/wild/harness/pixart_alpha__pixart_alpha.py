"""PixArt-alpha/PixArt-alpha: text-to-image diffusion transformer. Its multi-scale training
groups images by the closest of the predefined aspect ratios (ASPECT_RATIO_512 ...), one batch
per aspect-ratio bucket; a balanced variant draws a fixed number of batches over the buckets.
Both keep BatchSampler's __len__ under their own __iter__."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="PixArt-alpha/PixArt-alpha",
    source="github",
    ref="cac2fd3b4544cf7620d8fbbf8b19d97ffcb85892",
    domain="text-to-image diffusion: aspect-ratio buckets",
    stubs={
        "mmcv": "",
        "mmcv.runner": "def get_dist_info():\n    return 0, 1\n",
        "mmcv.utils": "",
        "mmcv.utils.logging": "logger_initialized = {}\n",
    },
    empty_init=("diffusion", "diffusion.data", "diffusion.data.datasets"),
)

PATH = "diffusion/utils/data_sampler.py"


class _MultiScaleImages:
    """Shaped like InternalDataMS: get_data_info(idx) gives height and width, aspect_ratio is
    the ASPECT_RATIO_<size> table, ratio_nums counts images per closest ratio (float keys)
    over the first third of the metadata, as InternalDataMS.__init__ does."""

    def __init__(self, sizes, aspect_ratio):
        self.sizes = sizes
        self.aspect_ratio = aspect_ratio
        self.ratio_nums = {float(k): 0 for k in aspect_ratio}
        for h, w in sizes[: len(sizes) // 3]:
            self.ratio_nums[self.closest(h, w)] += 1

    def closest(self, h, w):
        return float(min(self.aspect_ratio, key=lambda r: abs(float(r) - h / w)))

    def get_data_info(self, idx):
        h, w = self.sizes[idx]
        return {"height": h, "width": w}

    def __len__(self):
        return len(self.sizes)


SHAPES = ((512, 512), (768, 512), (512, 768), (600, 1000), (1080, 1920), (1200, 900), (700, 710))


def _images(n, kinds=len(SHAPES)):
    from diffusion.data.datasets.utils import ASPECT_RATIO_512

    return _MultiScaleImages([SHAPES[(i * 5 + i // 7) % kinds] for i in range(n)], ASPECT_RATIO_512)


@sampler(PROJECT, PATH, "AspectRatioBatchSampler")
def _(cls, module):
    import torch.utils.data as tud

    for n in (6, 40, 101, 300):
        for batch_size in (2, 8, 32):
            for drop_last in (True, False):  # train.py passes drop_last=True
                for valid_num in (0, 5):
                    yield Case(
                        f"images={n} batch_size={batch_size} drop_last={drop_last} valid_num={valid_num}",
                        lambda n=n, b=batch_size, d=drop_last, v=valid_num: (
                            lambda data: cls(
                                sampler=tud.RandomSampler(data), dataset=data, batch_size=b,
                                aspect_ratios=data.aspect_ratio, drop_last=d,
                                ratio_nums=data.ratio_nums, valid_num=v,
                            )
                        )(_images(n)),
                        repeat=2,
                    )


@sampler(PROJECT, PATH, "BalancedAspectRatioBatchSampler")
def _(cls, module):
    import tempfile
    import types

    import torch.utils.data as tud

    # A bucket is used only when ratio_nums counts 3000 images in it (a third of the data
    # is counted), so two shapes over 18,000+ images.
    for n in (18200, 18531):
        for batch_size in (32, 64):
            for drop_last in (False, True):
                yield Case(
                    f"images={n} (2 aspect ratios) batch_size={batch_size} drop_last={drop_last}",
                    lambda n=n, b=batch_size, d=drop_last: (
                        lambda data: cls(
                            sampler=tud.RandomSampler(data), dataset=data, batch_size=b,
                            aspect_ratios=data.aspect_ratio, drop_last=d, ratio_nums=data.ratio_nums,
                            config=types.SimpleNamespace(work_dir=tempfile.mkdtemp(prefix="pixart-")),
                        )
                    )(_images(n, kinds=2)),
                )
