"""alonkit/modolo: few-shot molecule-protein docking trained over many tasks (one task per
protein assay). Its config gives the training loader CustomTaskDistributedSampler (task_size
= batch_size 16, stream=True, num_replicas 1, rank 0): the partitioned dataset assigns whole
protein targets to ranks (largest first, to the lightest bucket), the sampler pads or cuts
each rank's (task, index) pairs like a DistributedSampler, pairs each task's actives with as
many inactives, and streams num_samples // task_size random task-batches. Its base
CustomDistributedSampler is that per-rank index stream; TaskSequentialSampler /
TaskRandomSampler batch each task separately (in task order, or tasks interleaved at random)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="alonkit/modolo",
    source="github",
    ref="25c81ae60b376fc28f0346daf464aea25479f4b6",
    domain="multi-task few-shot learning (molecules)",
)

TASKS_FILE = "datasets/samplers.py"
DISTRIBUTED_FILE = "datasets/custom_distributed_sampler.py"


class _Tasks:
    """The partitioned FS-Mol docking dataset as the samplers read it: tasks[name]['labels']
    (1 active / 0 inactive per molecule), get_partition_and_idxs (its greedy split of protein
    targets over the ranks, as the project computes it) and load()."""

    def __init__(self, n_tasks, seed):
        import random

        rng = random.Random(seed)
        self.tasks, self.tasks_target = {}, {}
        for t in range(n_tasks):
            name = f"CHEMBL{1000 + t}"
            self.tasks[name] = {"labels": [int(rng.random() < 0.4) for _ in range(rng.randint(16, 120))]}
            self.tasks_target[name] = f"P{t % max(1, n_tasks // 3)}"  # several assays per protein

    def get_partition_and_idxs(self, world_size):
        from collections import defaultdict

        target_indices = defaultdict(list)
        for name, task in self.tasks.items():
            target_indices[self.tasks_target[name]] += [(name, i) for i in range(len(task["labels"]))]
        ordered = sorted(((t, len(ix)) for t, ix in target_indices.items()), key=lambda x: x[1], reverse=True)
        sums, targets, indices = [0] * world_size, [[] for _ in range(world_size)], [[] for _ in range(world_size)]
        for target, size in ordered:
            lightest = sums.index(min(sums))
            targets[lightest].append(target)
            indices[lightest].extend(target_indices[target])
            sums[lightest] += size
        return targets, indices

    def load(self, targets=()):
        pass


# (tasks, the world size, task size)
SETTINGS = ((40, 1, 16), (40, 2, 16), (12, 1, 8), (30, 4, 16))


@sampler(PROJECT, DISTRIBUTED_FILE, "CustomDistributedSampler")
def _(cls, module):
    for n_tasks, world, _ in SETTINGS:
        for drop_last in (False, True):
            for rank in range(world):
                yield Case(
                    f"{n_tasks} tasks, world {world} rank {rank}, drop_last={drop_last}",
                    lambda n=n_tasks, w=world, r=rank, d=drop_last: cls(
                        _Tasks(n, n), num_replicas=w, rank=r, shuffle=True, drop_last=d
                    ),
                    repeat=2,
                )


@sampler(PROJECT, DISTRIBUTED_FILE, "CustomTaskDistributedSampler")
def _(cls, module):
    for n_tasks, world, task_size in SETTINGS:
        for stream in (True, False):
            for rank in range(world):
                yield Case(
                    f"{n_tasks} tasks, world {world} rank {rank}, task_size {task_size}, stream={stream}",
                    lambda n=n_tasks, w=world, r=rank, t=task_size, s=stream: cls(
                        _Tasks(n, n), task_size=t, stream=s, num_replicas=w, rank=r, shuffle=True
                    ),
                    epochs=3,
                )
        yield Case(
            f"{n_tasks} tasks, world {world} rank 0, support 5 + query 11, stream=False",
            lambda n=n_tasks, w=world: cls(_Tasks(n, n), support_size=5, query_size=11, stream=False,
                                           num_replicas=w, rank=0, shuffle=True),
            epochs=3,
        )


def _task_sizes(n_tasks, seed):
    import random

    rng = random.Random(seed)
    return {f"CHEMBL{1000 + t}": rng.randint(16, 120) for t in range(n_tasks)}


for _name, _epochs in (("TaskSequentialSampler", 1), ("TaskRandomSampler", 3)):
    def _cases(cls, module, epochs=_epochs):
        yield Case("its own example: tasks of 10, 20, 30, batch 5", lambda: cls({"a": 10, "b": 20, "c": 30}, 5),
                   epochs=epochs)
        for n_tasks in (1, 12, 40):
            for batch in (16, 7):
                for drop_last in (False, True):
                    yield Case(
                        f"{n_tasks} tasks, batch {batch}, drop_last={drop_last}",
                        lambda n=n_tasks, b=batch, d=drop_last: cls(_task_sizes(n, n), b, d),
                        epochs=epochs,
                    )

    sampler(PROJECT, TASKS_FILE, _name)(_cases)
