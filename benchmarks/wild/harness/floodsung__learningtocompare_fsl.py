"""floodsung/LearningToCompare_FSL: few-shot image classification (Relation Network).
get_data_loader / get_mini_imagenet_data_loader pass ClassBalancedSampler(num_per_class,
task.num_classes, task.train_num or task.test_num, shuffle) as `sampler=` of a DataLoader
with batch_size num_per_class * num_classes, over one task's images grouped by class
(train_num support and test_num query images a class). The test scripts of miniImageNet use
ClassBalancedSamplerOld for the support set and the 3-argument ClassBalancedSampler for the
query set. Omniglot: 5 or 20 way, 1 or 5 shot, 19 or 15 queries; miniImageNet: 5 way,
1 or 5 shot, 10 or 15 queries."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="floodsung/LearningToCompare_FSL",
    source="github",
    ref="b74e6366c7e7208a9d0fc82f7bedb9e1000199e4",
    domain="few-shot learning",
    absent=("torchvision", "PIL", "matplotlib"),
)

# (way, shot, queries a class) of the project's scripts
SETTINGS = ((5, 1, 19), (5, 5, 15), (20, 1, 19), (20, 5, 15), (5, 1, 15), (5, 5, 10))


def _per_class_cases(cls):
    for way, shot, queries in SETTINGS:
        for shuffle in (True, False):
            # support set: shot images drawn from shot; query set: queries drawn from queries
            yield Case(
                f"{way}-way support, {shot} of {shot} a class, shuffle={shuffle}",
                lambda w=way, s=shot, sh=shuffle: cls(s, w, s, shuffle=sh),
            )
            yield Case(
                f"{way}-way query, {queries} of {queries} a class, shuffle={shuffle}",
                lambda w=way, q=queries, sh=shuffle: cls(q, w, q, shuffle=sh),
            )
            yield Case(
                f"{way}-way, 1 of {queries} a class (test-time query), shuffle={shuffle}",
                lambda w=way, q=queries, sh=shuffle: cls(1, w, q, shuffle=sh),
            )


for path in ("miniimagenet/task_generator.py", "omniglot/task_generator.py"):
    sampler(PROJECT, path, "ClassBalancedSampler")(lambda cls, module: _per_class_cases(cls))
sampler(PROJECT, "miniimagenet/task_generator_test.py", "ClassBalancedSamplerOld")(
    lambda cls, module: _per_class_cases(cls)
)


@sampler(PROJECT, "miniimagenet/task_generator_test.py", "ClassBalancedSampler")
def _(cls, module):
    for way, shot, queries in SETTINGS:
        for inst in (shot, queries):
            for shuffle in (True, False):
                yield Case(
                    f"{way}-way, {inst} images a class, shuffle={shuffle}",
                    lambda w=way, n=inst, sh=shuffle: cls(w, n, shuffle=sh),
                )
