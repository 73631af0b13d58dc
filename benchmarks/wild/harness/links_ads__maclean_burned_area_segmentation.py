"""links-ads/maclean-burned-area-segmentation: burned-area segmentation of Sentinel-2 imagery
(remote sensing). The tile samplers of its data module (src/baseg/datamodules.py: random
tiles for training, sequential tiles for validation and test, passed as `sampler=`), the
whole-image sampler and the batched random-tile sampler of src/baseg/samplers."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="links-ads/maclean-burned-area-segmentation",
    source="github",
    ref="39e5665a8dffad4b6ac728e66449e25302b0a7f9",
    domain="remote sensing",
    root="src",
    empty_init=("baseg",),  # imports the models (mmseg)
)

# (width, height) of the rasters of an event set: Copernicus EMS activations cut from Sentinel-2.
SCENES = {
    "1 raster": [(1024, 768)],
    "4 rasters": [(1024, 768), (530, 1200), (2000, 2000), (512, 700)],
    "9 rasters": [(512 + 97 * i, 512 + 211 * ((i * 3) % 5)) for i in range(9)],
}


class _Rasters:
    """What the samplers read of BurnedAreaDataset: len() and image_shapes()."""

    def __init__(self, shapes):
        self.shapes = list(shapes)

    def __len__(self):
        return len(self.shapes)

    def image_shapes(self):
        return list(self.shapes)


@sampler(PROJECT, "src/baseg/samplers/single.py", "FullImageSampler")
def _(cls, module):
    for name, shapes in SCENES.items():
        yield Case(name, lambda s=shapes: cls(_Rasters(s)))


@sampler(PROJECT, "src/baseg/samplers/single.py", "SequentialTiledSampler")
def _(cls, module):
    # `length` (a TiledSampler argument) is left out: the data module never passes it to the
    # sequential sampler, whose tiles are the whole grid of each raster (a length below the
    # grid would make len() disagree, a use the project does not make).
    for name, shapes in SCENES.items():
        for tile in (256, 512, 1000):
            yield Case(f"{name} tile_size={tile}", lambda s=shapes, t=tile: cls(_Rasters(s), t))


@sampler(PROJECT, "src/baseg/samplers/single.py", "RandomTiledSampler")
def _(cls, module):
    for name, shapes in SCENES.items():
        for tile in (256, 512):
            for length in (None, 5, 37):
                yield Case(
                    f"{name} tile_size={tile} length={length}",
                    lambda s=shapes, t=tile, ln=length: cls(_Rasters(s), t, length=ln),
                )


@sampler(PROJECT, "src/baseg/samplers/batched.py", "RandomTiledBatchSampler")
def _(cls, module):
    for name, shapes in SCENES.items():
        for tile in (256, 512):
            for batch in (1, 4, 16):
                for length in (None, 37):
                    yield Case(
                        f"{name} tile_size={tile} batch_size={batch} length={length}",
                        lambda s=shapes, t=tile, b=batch, ln=length: cls(_Rasters(s), t, b, length=ln),
                    )
