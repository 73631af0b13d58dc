"""JetBrains-Research/contrastive-learning-framework: contrastive learning of source-code
representations (POJ-104, Codeforces). dataset/sampler.py: CodeforcesBatchSampler, batches
of solutions of one Codeforces task each (the task read from the label string), each task's
remainder kept or dropped, shuffled; base_data_module.py builds it over the
ContrastiveDataset with the configured batch_size and drop_last, its test with batch_size 8,
drop_last=True and labels like "test_CF_user_3_F_12345678_tests_OK_1234"."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="JetBrains-Research/contrastive-learning-framework",
    source="github",
    ref="60cb15078e4834d5854d556dbff48a596da3f540",
    domain="ML on code: contrastive learning (batches of one task)",
    empty_init=("dataset",),  # imports the datasets and data modules (torch_geometric, omegaconf, ...)
)


class _Classification:
    """The classification dataset: its encoding2label, label id -> submission label
    "<split>_CF_<user>_<contest>_<problem>_<submission>_tests_OK_<time>", whose contest and
    problem (sixth and fifth from the end) are the task."""

    def __init__(self, tasks, users):
        self.encoding2label = {}
        for t in range(tasks):
            contest, problem = 1000 + t // 3, "ABC"[t % 3]
            for u in range(users):
                label = f"train_CF_user{u}_{contest}_{problem}_{12345678 + u}_tests_OK_1234"
                self.encoding2label[len(self.encoding2label)] = label


class _Contrastive:
    """ContrastiveDataset as the sampler reads it: items with a label id, its clf_dataset."""

    def __init__(self, n, tasks, users=4, seed=0):
        self.clf_dataset = _Classification(tasks, users)
        rng = random.Random(seed)
        self.labels = [rng.randrange(len(self.clf_dataset.encoding2label)) for _ in range(n)]

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return {"label": self.labels[i]}


@sampler(PROJECT, "dataset/sampler.py", "CodeforcesBatchSampler")
def _(cls, module):
    for n, tasks in ((8, 1), (100, 6), (1000, 30)):
        for batch_size in (1, 8, 32):
            for drop_last in (True, False):
                yield Case(
                    f"solutions={n} tasks={tasks} batch_size={batch_size} drop_last={drop_last}",
                    lambda n=n, t=tasks, b=batch_size, d=drop_last: cls(_Contrastive(n, t), batch_size=b, drop_last=d),
                    repeat=2,
                )
