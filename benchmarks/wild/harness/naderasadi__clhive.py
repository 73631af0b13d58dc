"""naderAsadi/CLHive: a continual-learning framework. Its ClassIncremental / TaskIncremental
scenarios give the DataLoader a ContinualSampler over a ContinualDataset (a torchvision
dataset wrapped with the current task) and call set_task(t) before each task's epoch: the
sampler yields the (shuffled) indices of task t's n_classes / n_tasks classes, or of every
class seen so far when sample_all_seen_tasks is set."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="naderAsadi/CLHive",
    source="github",
    ref="98cf1bb445af8fadee4b39b27421d6a33a57743a",
    domain="continual learning",
    absent=("torchvision", "rich"),
    # their __init__s import every method, model, logger and the trainer (and cycle back);
    # clhive.data's keeps only the ContinualDataset the sampler's module imports
    stubs={"clhive.data": "from .continual_dataset import ContinualDataset\n"},
    empty_init=("clhive", "clhive.scenarios"),
)


class _Labelled:
    """A torchvision dataset as ContinualSampler reads it: .targets (a list of class ids)."""

    def __init__(self, per_class):
        import random

        self.targets = [label for label, count in enumerate(per_class) for _ in range(count)]
        random.Random(len(self.targets)).shuffle(self.targets)

    def __len__(self):
        return len(self.targets)


# (images per class, number of tasks): split MNIST / CIFAR-10 / CIFAR-100 and smaller ones
SETTINGS = (([600] * 10, 5), ([500] * 10, 5), ([50] * 100, 20), ([50] * 100, 10), ([3] * 4, 2), ([7] * 6, 3))


@sampler(PROJECT, "clhive/scenarios/continual_sampler.py", "ContinualSampler")
def _(cls, module):
    from clhive.data.continual_dataset import ContinualDataset

    for per_class, n_tasks in SETTINGS:
        for task in range(n_tasks):
            for seen in (False, True):
                def build(p=per_class, n=n_tasks, t=task, s=seen):
                    sampler = cls(ContinualDataset(_Labelled(p), transform=lambda x: x), n_tasks=n)
                    sampler.set_task(t, sample_all_seen_tasks=s)
                    return sampler

                yield Case(
                    f"{len(per_class)} classes x {per_class[0]}, {n_tasks} tasks, task {task}"
                    f"{' (all seen tasks)' if seen else ''}",
                    build,
                )
