"""YerevaNN/zsee: zero-shot cross-lingual event extraction, trained multi-task with AllenNLP.
Its data loader's batch sampler is HomogeneousBatchSampler: the instances are partitioned by
source dataset (torch Subsets), each partition batched by its own batch sampler wrapped in a
SubsetBatchSampler (which maps the subset's indices back), and a task switcher decides which
task's next batch comes (chain, multihop, or a TaskSampler drawing tasks with replacement at
uniform / proportional / power / softmax rates); an epoch is len(task_switcher) //
num_loops_per_epoch batches, each task's batches cycling. The TaskSamplers iterate task
names; TaskSampler itself is abstract (no sampling rates)."""

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="YerevaNN/zsee",
    source="github",
    ref="92ee908265c2d1971d55bc2b076093d975a904a7",
    domain="multi-task NLP: task-homogeneous batches",
    absent=("allennlp", "overrides"),
    empty_init=("zsee", "zsee.multi_task"),  # import the models, readers and predictors
)

SAMPLERS = "zsee/multi_task/samplers.py"
SWITCHERS = "zsee/multi_task/task_switchers.py"
# task partitions of the instances: (name, size) -- a big English training set, a smaller
# parallel one, a tiny one
TASKS = (("en_train", 403), ("en-de_parallel_train", 150), ("tiny", 5))


def _partitions(sizes):
    """The instances' Subsets by task, as HomogeneousDataset.partition_data_source makes them."""
    from torch.utils import data

    total = sum(size for _, size in sizes)
    order = list(range(total))
    parts, start = {}, 0
    for name, size in sizes:
        parts[name] = data.Subset(order, order[start:start + size][::-1])
        start += size
    return parts


def _task_samplers(module, parts, batch_size, drop_last, shuffle):
    from torch.utils import data

    samplers = {}
    for name, subset in parts.items():
        inner = data.RandomSampler(subset) if shuffle else data.SequentialSampler(subset)
        samplers[name] = module.SubsetBatchSampler(subset, data.BatchSampler(inner, batch_size, drop_last))
    return samplers


@sampler(PROJECT, SAMPLERS, "SubsetSampler")
def _(cls, module):
    from torch.utils import data

    for name, size in TASKS:
        subset = _partitions(TASKS)[name]
        yield Case(f"{name} ({size}), sequential", lambda s=subset: cls(s, data.SequentialSampler(s)))
        yield Case(f"{name} ({size}), random", lambda s=subset: cls(s, data.RandomSampler(s)))


@sampler(PROJECT, SAMPLERS, "SubsetBatchSampler")
def _(cls, module):
    from torch.utils import data

    for name, size in TASKS:
        subset = _partitions(TASKS)[name]
        for batch_size in (1, 16, 32):
            for drop_last in (False, True):
                yield Case(
                    f"{name} ({size}), batch {batch_size} drop_last={drop_last}",
                    lambda s=subset, b=batch_size, d=drop_last: cls(s, data.BatchSampler(data.RandomSampler(s), b, d)),
                )


def _switchers(module):
    """The task switchers of its configs: chain, multihop (the parallel data skipped or not)."""
    yield "chain", lambda samplers: module.ChainTaskSwitcher(task_samplers=samplers)
    yield "multihop en only", lambda samplers: module.MultihopTaskSwitcher(
        hops={"en_train": 1, "en-de_parallel_train": 0}, task_samplers=samplers
    )
    yield "multihop 2", lambda samplers: module.MultihopTaskSwitcher(hops=2, task_samplers=samplers)
    yield "uniform sampler", lambda samplers: module.UniformTaskSampler(task_samplers=samplers)


@sampler(PROJECT, "zsee/multi_task/batch_samplers.py", "HomogeneousBatchSampler")
def _(cls, module):
    import importlib

    switchers = importlib.import_module("zsee.multi_task.task_switchers")
    for tasks in (TASKS, TASKS[:2]):
        for batch_size in (16, 32):
            for loops in (1, 2):
                for name, switcher in _switchers(switchers):
                    def build(t=tasks, b=batch_size, n=loops, s=switcher):
                        parts = _partitions(t)
                        samplers = _task_samplers(module, parts, b, False, True)  # it imports SubsetBatchSampler
                        return cls(parts, s(samplers), samplers, num_loops_per_epoch=n)

                    yield Case(
                        f"{len(tasks)} tasks, batch {batch_size}, {name}, loops per epoch {loops}",
                        build,
                        epochs=5,
                    )


not_run(PROJECT, SWITCHERS, "TaskSampler", "abstract: its _sampling_rates raises NotImplementedError in __init__")


def _task_sampler_cases(build_switcher):
    def cases(cls, module):
        import importlib

        samplers_module = importlib.import_module("zsee.multi_task.samplers")
        for tasks in (TASKS, TASKS[:2]):
            for batch_size in (8, 32):
                for iterations in (None, 50):
                    yield Case(
                        f"{len(tasks)} tasks, batch {batch_size}, num_epoch_iterations={iterations}",
                        lambda t=tasks, b=batch_size, i=iterations: build_switcher(
                            cls, _task_samplers(samplers_module, _partitions(t), b, False, True), i
                        ),
                        epochs=5,
                    )

    return cases


sampler(PROJECT, SWITCHERS, "UniformTaskSampler")(
    _task_sampler_cases(lambda cls, samplers, i: cls(task_samplers=samplers, num_epoch_iterations=i))
)
# TaskSampler.__init__ asks for the sampling rates before ProportionalTaskSampler.__init__ has
# set compare_num_samples: no arguments build these three.
_UNBUILDABLE = "__init__ reads self.compare_num_samples before setting it: AttributeError for any arguments"
for _name in ("ProportionalTaskSampler", "PowProportionalTaskSampler", "SoftmaxProportionalTaskSampler"):
    not_run(PROJECT, SWITCHERS, _name, _UNBUILDABLE)
