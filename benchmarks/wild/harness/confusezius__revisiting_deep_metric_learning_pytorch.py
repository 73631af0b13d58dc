"""Confusezius/Revisiting_Deep_Metric_Learning_PyTorch: metric learning. The batch
samplers of datasampler/ (one class `Sampler` a file, chosen by --data_sampler; main.py
gives it as `batch_sampler=`). They take the parsed options (bs 112, samples_per_class 2
by default; data_batchmatch_bigbs, data_batchmatch_ncomps ... for the storage-based ones)
and the training set's image_dict {class: [[path, index], ...]} and image_list
[(path, class), ...] (datasets/basic_dataset_scaffold.py). The storage-based samplers get
their embeddings as main.py gives them: create_storage(evaluation loader, model, device),
then precompute_indices() at the start of every epoch."""

import random

import torch

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import Options

PROJECT = Project(
    name="Confusezius/Revisiting_Deep_Metric_Learning_PyTorch",
    source="github",
    ref="efddbf23ccbe267f055867b4e1c7c6693e2447c9",
    domain="metric learning",
    # precompute_indices runs its 16 jobs with joblib: a stand-in that runs them in turn.
    stubs={
        "joblib": (
            "class Parallel:\n"
            "    def __init__(self, n_jobs=1, **kwargs):\n"
            "        self.n_jobs = n_jobs\n\n"
            "    def __call__(self, tasks):\n"
            "        return [function(*args, **kwargs) for function, args, kwargs in tasks]\n\n\n"
            "def delayed(function):\n"
            "    def task(*args, **kwargs):\n"
            "        return function, args, kwargs\n\n"
            "    return task\n"
        )
    },
)


def training_set(classes, seed, low=5, high=40):
    """image_dict and image_list as the scaffold's init_setup builds them (CUB/CARS-like)."""
    rng = random.Random(seed)
    image_dict, counter = {}, 0
    for key in range(classes):
        image_dict[key] = []
        for i in range(rng.randint(low, high)):
            image_dict[key].append([f"/data/cub200/images/{key:03d}/{i}.jpg", counter])
            counter += 1
    image_list = [(x[0], key) for key in image_dict for x in image_dict[key]]
    return image_dict, image_list


SETS = ((20, 1), (100, 2))
BATCHES = ((112, 2), (112, 4), (32, 2), (30, 3))


def _options(bs, spc, **extra):
    defaults = dict(
        data_batchmatch_bigbs=96,
        data_batchmatch_ncomps=10,
        data_storage_no_update=False,
        data_d2_coreset_lambda=1.0,
        data_gc_coreset_lim=1e-9,
        data_sampler_lowproj_dim=-1,
        data_gc_softened=False,
    )
    defaults.update(extra)
    return Options(bs=bs, samples_per_class=spc, **defaults)


def _plain(cls):
    for classes, seed in SETS:
        image_dict, image_list = training_set(classes, seed)
        for bs, spc in BATCHES:
            yield Case(
                f"{classes} classes ({len(image_list)} images), bs {bs}, {spc} samples a class",
                lambda o=_options(bs, spc), d=image_dict, l=image_list: cls(o, image_dict=d, image_list=l),
                epochs=3,
            )


@sampler(PROJECT, "datasampler/class_random_sampler.py", "Sampler")
def _(cls, module):
    yield from _plain(cls)


@sampler(PROJECT, "datasampler/random_sampler.py", "Sampler")
def _(cls, module):
    yield from _plain(cls)


class _Embedder(torch.nn.Module):
    def __init__(self):
        super().__init__()
        torch.manual_seed(0)
        self.linear = torch.nn.Linear(12, 8)

    def forward(self, x):
        return self.linear(x.flatten(1))


def _evaluation_loader(n, batch=32):
    """What the evaluation loader yields: (class label, image, index) batches, in order."""
    g = torch.Generator().manual_seed(n)
    images = torch.randn(n, 3, 2, 2, generator=g)
    return [(torch.zeros(len(images[i : i + batch])), images[i : i + batch], torch.arange(i, min(i + batch, n))) for i in range(0, n, batch)]


def _storage(cls):
    # smaller sets than _plain's: every epoch precomputes 16 jobs of batch searches
    for classes, seed, high in ((20, 1, 40), (60, 3, 12)):
        image_dict, image_list = training_set(classes, seed, high=high)
        for bs, spc in ((32, 2), (30, 3)):
            for extra in ({}, {"data_sampler_lowproj_dim": 4}):

                def build(o=_options(bs, spc, **extra), d=image_dict, l=image_list):
                    made = cls(o, image_dict=d, image_list=l)
                    made.create_storage(_evaluation_loader(len(l)), _Embedder(), "cpu")
                    made.precompute_indices()
                    return made

                yield Case(
                    f"{classes} classes ({len(image_list)} images), bs {bs}, {spc} samples a class, {extra or 'defaults'}",
                    build,
                )


for _file in ("greedy_coreset_sampler", "d2_coreset_sampler", "fid_batchmatch_sampler", "disthist_batchmatch_sampler"):
    sampler(PROJECT, f"datasampler/{_file}.py", "Sampler")(lambda cls, module: _storage(cls))
