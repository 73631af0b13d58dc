"""invoke-ai/invoke-training: Stable Diffusion / SDXL / FLUX fine-tuning (LoRA, DreamBooth,
textual inversion). Aspect-ratio bucketed batches, and the samplers its DreamBooth loader
composes: the class images' sampler offset past the instance images, then the two
interleaved (training) or concatenated (cache population)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="invoke-ai/invoke-training",
    source="github",
    ref="99c673d0e453e1b5cfb2ed38959572867ed3ed22",
    domain="diffusion fine-tuning: aspect-ratio buckets",
    root="src",
)

BASE = "src/invoke_training/_shared/data/samplers/"


def _image_sizes(n, seed):
    from invoke_training._shared.data.utils.resolution import Resolution

    shapes = [(512, 512), (768, 512), (512, 768), (1024, 640), (640, 1024), (900, 1200), (333, 1000)]
    return [Resolution(*shapes[(i * seed + i // 3) % len(shapes)]) for i in range(n)]


def _bucket_sampler(n, batch_size, shuffle, seed=1):
    from invoke_training._shared.data.samplers.aspect_ratio_bucket_batch_sampler import (
        AspectRatioBucketBatchSampler,
    )
    from invoke_training._shared.data.utils.aspect_ratio_bucket_manager import AspectRatioBucketManager

    # The SDXL defaults of the project's configs: 1024 target, 512..2048, divisible by 64.
    manager = AspectRatioBucketManager.from_constraints(1024, 512, 2048, 64)
    return AspectRatioBucketBatchSampler.from_image_sizes(
        manager, _image_sizes(n, seed), batch_size, shuffle=shuffle, seed=0
    )


SIZES = ((1, 1), (5, 3), (12, 4), (40, 7), (150, 4), (300, 16))


@sampler(PROJECT, BASE + "aspect_ratio_bucket_batch_sampler.py", "AspectRatioBucketBatchSampler")
def _(cls, module):
    for n, batch_size in SIZES:
        for shuffle in (False, True):
            yield Case(
                f"images={n} batch_size={batch_size} shuffle={shuffle}",
                lambda n=n, b=batch_size, s=shuffle: _bucket_sampler(n, b, s),
                repeat=2,
            )


@sampler(PROJECT, BASE + "batch_offset_sampler.py", "BatchOffsetSampler")
def _(cls, module):
    for n, batch_size in SIZES:
        yield Case(
            f"class images={n} batch_size={batch_size} offset=20",
            lambda n=n, b=batch_size: cls(_bucket_sampler(n, b, True, seed=3), offset=20),
        )


@sampler(PROJECT, BASE + "offset_sampler.py", "OffsetSampler")
def _(cls, module):
    import torch.utils.data as tud

    for n in (1, 7, 64):
        yield Case(f"RandomSampler({n}) offset=10", lambda n=n: cls(tud.RandomSampler(range(n)), offset=10))


def _pairs():
    """(instance images, class images, batch size) as DreamBooth runs have them: few
    instance images, many more prior-preservation class images."""
    return ((5, 50, 1), (10, 100, 4), (20, 20, 4), (3, 1, 2))


@sampler(PROJECT, BASE + "interleaved_sampler.py", "InterleavedSampler")
def _(cls, module):
    import torch.utils.data as tud

    from invoke_training._shared.data.samplers.batch_offset_sampler import BatchOffsetSampler
    from invoke_training._shared.data.samplers.offset_sampler import OffsetSampler

    for inst, klass, batch_size in _pairs():
        yield Case(
            f"buckets: instance={inst} class={klass} batch_size={batch_size}",
            lambda i=inst, c=klass, b=batch_size: cls(
                [_bucket_sampler(i, b, True), BatchOffsetSampler(_bucket_sampler(c, b, True, seed=3), offset=i)]
            ),
        )
        yield Case(
            f"fixed resolution: instance={inst} class={klass}",
            lambda i=inst, c=klass: cls([tud.RandomSampler(range(i)), OffsetSampler(tud.RandomSampler(range(c)), i)]),
        )


@sampler(PROJECT, BASE + "concat_sampler.py", "ConcatSampler")
def _(cls, module):
    import torch.utils.data as tud

    from invoke_training._shared.data.samplers.batch_offset_sampler import BatchOffsetSampler
    from invoke_training._shared.data.samplers.offset_sampler import OffsetSampler

    for inst, klass, batch_size in _pairs():
        yield Case(
            f"buckets: instance={inst} class={klass} batch_size={batch_size}",
            lambda i=inst, c=klass, b=batch_size: cls(
                [_bucket_sampler(i, b, False), BatchOffsetSampler(_bucket_sampler(c, b, False, seed=3), offset=i)]
            ),
        )
        yield Case(
            f"fixed resolution: instance={inst} class={klass}",
            lambda i=inst, c=klass: cls(
                [tud.SequentialSampler(range(i)), OffsetSampler(tud.SequentialSampler(range(c)), i)]
            ),
        )
