"""facebookresearch/suncet: semi-supervised / self-supervised learning (SuNCEt, PAWS'
predecessor). ClassStratifiedSampler is the `batch_sampler=` of the labelled loader
(src/data_manager.py, init_data: world_size and rank given, batch_size images of each of
classes_per_batch classes, unique_classes, epochs of the inner loop). Its data source
carries `classes` and `target_indices` (the labelled subset's image indices per class)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/suncet",
    source="github",
    ref="731547d727b8c94d06c08a7848b4955de3a70cea",
    domain="self-supervised learning",
    root="src",
    absent=("torchvision", "PIL"),
)


class Labelled:
    """A labelled subset as TransImageNet / TransCIFAR10 hold it after set_target_indices."""

    def __init__(self, classes, per_class, seed=0):
        rng = random.Random(seed)
        self.classes = list(range(classes))
        self.target_indices = []
        start = 0
        for c in self.classes:
            count = per_class if isinstance(per_class, int) else rng.randint(*per_class)
            self.target_indices.append(list(range(start, start + count)))
            start += count

    def __len__(self):
        return sum(len(t) for t in self.target_indices)


@sampler(PROJECT, "src/data_manager.py", "ClassStratifiedSampler")
def _(cls, module):
    # CIFAR-10 with 4000 labels (400 a class), ImageNet 1% (about 13 a class), 10% (128)
    for classes, per_class in ((10, 400), (100, (13, 14)), (40, 128)):
        data = Labelled(classes, per_class, seed=classes)
        for world in (1, 2, 4):
            for rank in range(world):
                for cpb, batch, unique, epochs in ((10, 3, False, 1), (10, 7, True, 1), (5, 2, False, 3)):
                    if unique and classes < cpb * world:
                        continue
                    smallest = min(len(t) for t in data.target_indices) // (1 if unique else world)
                    if batch > smallest:
                        continue  # fewer labelled images a class than one batch takes
                    yield Case(
                        f"{classes} classes, rank {rank} of {world}, {cpb} classes x {batch} a batch, "
                        f"unique={unique}, inner epochs {epochs}",
                        lambda d=data, w=world, r=rank, c=cpb, b=batch, u=unique, e=epochs: cls(
                            d, w, r, batch_size=b, classes_per_batch=c, epochs=e, unique_classes=u
                        ),
                    )
