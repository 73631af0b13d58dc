"""huggingface/diffusers: diffusion pipelines and their training examples. The DreamBooth LoRA
scripts of the recent image models (examples/dreambooth/train_dreambooth_lora_*.py: Flux.2,
Flux Kontext, Qwen-Image, Z-Image, ...) each define a BucketBatchSampler(train_dataset,
batch_size=train_batch_size, drop_last=True, ...) and pass it as `batch_sampler=`: the data set
assigns every instance image to an aspect-ratio bucket (DreamBoothDataset.pixel_values holds
(image, bucket index) pairs, .buckets the resolutions), and a batch never mixes buckets."""

import inspect
import random

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="huggingface/diffusers",
    source="github",
    ref="58eb52c0803ea9af3abec60841c2a093bdf1f951",
    domain="diffusion model training (aspect-ratio buckets)",
    # the scripts sit in examples/dreambooth, which is no package (and an installed `examples`
    # package would shadow it)
    root="examples/dreambooth",
    # the training scripts' imports (the library itself, accelerate, peft, transformers, ...)
    absent=(
        "diffusers",
        "accelerate",
        "torchvision",
        "peft",
        "PIL",
        "transformers",
        "huggingface_hub",
        "tqdm",
        "wandb",
        "torch_npu",
        "datasets",
    ),
)

RUNNABLE = ("flux2", "flux2_img2img", "flux2_klein", "flux2_klein_img2img", "ideogram4", "z_image")
NPU_AT_IMPORT = ("flux_kontext", "krea2", "qwen_image")
BUCKETS = [(1024, 1024), (768, 1360), (1360, 768), (880, 1168), (1168, 880)]


class Instances:
    """DreamBoothDataset as the sampler reads it: the buckets and each image's bucket."""

    def __init__(self, n, used, seed):
        rng = random.Random(seed)
        self.buckets = BUCKETS
        self.pixel_values = [(None, rng.choice(used)) for _ in range(n)]


def _cases(cls, module):
    # two variants of the class: a seeded generator (seed=args.seed), or batches drawn once in
    # __init__ and reshuffled each epoch unless shuffle_batches_each_epoch is off
    params = inspect.signature(cls).parameters
    options = [{"seed": None}, {"seed": 42}] if "seed" in params else [{}]
    if "shuffle_batches_each_epoch" in params:
        options = [{"shuffle_batches_each_epoch": True}, {"shuffle_batches_each_epoch": False}]
    for n, used in ((1, [0]), (5, [0]), (10, [0, 1, 2]), (37, [0, 1, 2, 3, 4]), (200, [1, 3])):
        data = Instances(n, used, n)
        for batch in (1, 2, 4):
            for drop_last in (True, False):
                for extra in options:
                    yield Case(
                        f"{n} images in buckets {used}, batch {batch}, drop_last={drop_last}, {extra}",
                        lambda d=data, b=batch, x=drop_last, e=extra: cls(d, b, drop_last=x, **e),
                        epochs=2,
                    )


for script in RUNNABLE:
    sampler(PROJECT, f"examples/dreambooth/train_dreambooth_lora_{script}.py", "BucketBatchSampler")(_cases)
for script in NPU_AT_IMPORT:
    not_run(
        PROJECT,
        f"examples/dreambooth/train_dreambooth_lora_{script}.py",
        "BucketBatchSampler",
        "the script sets torch.npu.config at import when diffusers' is_torch_npu_available() is true,"
        " and with the library absent that check is a stand-in: it needs diffusers installed",
    )
