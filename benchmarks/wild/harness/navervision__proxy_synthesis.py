"""navervision/proxy-synthesis: deep metric learning (Proxy Synthesis, AAAI 2021).
call_train_loader passes sampler(define_dataset(traindir, n_instance), batch_size) as
`sampler=` of a DataLoader with the same batch_size when n_instance > 1: batch 128 by
default, n_instance images a class, on CUB / Cars196 / SOP / In-Shop folders."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="navervision/proxy-synthesis",
    source="github",
    ref="20dfe490580ae2befa4e345b470d80b1b35343e1",
    domain="metric learning",
    absent=("PIL", "torchvision", "faiss", "sklearn"),  # faiss, sklearn: utils/evaluation.py
)


def _folders(module, classes, per_class, n_instance, seed):
    """define_dataset as it is after reading its folders: one label a folder."""
    rng = random.Random(seed)
    data = module.define_dataset.__new__(module.define_dataset)
    data.n_instance = n_instance
    data.transforms = None
    data.label_idx_dict, data.image_list = {}, []
    for label in range(classes):
        count = rng.randint(*per_class)
        start = len(data.image_list)
        data.label_idx_dict[label] = list(range(start, start + count))
        data.image_list += [[f"{label}/{i}.jpg", label] for i in range(count)]
    return data


@sampler(PROJECT, "utils/custom_loader.py", "sampler")
def _(cls, module):
    for classes, per_class in ((100, (41, 60)), (98, (60, 90)), (12, (8, 12))):
        for n_instance in (2, 4, 8):
            data = _folders(module, classes, per_class, n_instance, classes + n_instance)
            for batch in (128, 64, 30):
                yield Case(
                    f"{classes} classes, {n_instance} images a class, batch {batch}",
                    lambda d=data, b=batch: cls(d, b),
                )
