"""InternLM/InternLM: the LLM pre-training/fine-tuning framework as it was before its training
code moved to InternEVO (ref: the last commit holding internlm/, Dec 2023). Training gives
StaticBatchSampler as the batch sampler: batch_size is micro_num (packed micro-batches per
step) over the datasets of the ConcatDataset, an optional batch-size ramp-up ("start
increment every", "" in its configs), each data rank taking every world-th index of a shuffled
permutation cut to whole global batches; it keeps state_dict / load_state_dict for resuming
mid-epoch (the checkpoint's consumed samples). Validation uses DataParallelSampler, a
DistributedSampler reading its data rank and world from the parallel context (and advancing
its epoch by itself when shuffling)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="InternLM/InternLM",
    source="github",
    ref="aaaf4d7b0eef8a44d308806381f38a8bbd6e27de",
    domain="LLM training framework",
    stubs={
        # The parallel context the samplers read: the data-parallel rank and world of a case
        # (the enum is the project's own).
        "internlm.core.context": (
            "from .process_group_initializer import ParallelMode\n\n\n"
            "class _Context:\n"
            "    data_rank, data_world = 0, 1\n\n"
            "    def get_world_size(self, mode):\n"
            "        return self.data_world if mode is ParallelMode.DATA else 1\n\n"
            "    def get_local_rank(self, mode):\n"
            "        return self.data_rank if mode is ParallelMode.DATA else 0\n\n"
            "    def is_initialized(self, mode):\n"
            "        return mode is ParallelMode.DATA\n\n\n"
            "global_context = _Context()\n"
        ),
    },
    # their __init__s import the trainer, the engine and the model zoo
    empty_init=("internlm", "internlm.core", "internlm.data", "internlm.utils"),
)

FILE = "internlm/data/batch_sampler.py"


class _Packed:
    """A PackedDataset as the samplers read it: its number of packed samples."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


def _in_world(rank, world, build):
    def make():
        from internlm.core.context import global_context

        global_context.data_rank, global_context.data_world = rank, world
        return build()

    return make


@sampler(PROJECT, FILE, "DataParallelSampler")
def _(cls, module):
    for n in (1, 10, 97, 1000):
        for world in (1, 2, 3, 8):
            for drop_last in (False, True):
                if drop_last and n < world:
                    continue
                for shuffle in (False, True):
                    for rank in range(world):
                        yield Case(
                            f"n={n} data world {world} rank {rank} shuffle={shuffle} drop_last={drop_last}",
                            _in_world(rank, world, lambda n=n, s=shuffle, d=drop_last: cls(
                                _Packed(n), shuffle=s, seed=1024, drop_last=d
                            )),
                            repeat=2,
                        )


# (dataset sizes, micro_num, ramp-up): its configs (micro_num 4, no ramp-up), the class's
# default ramp-up "6 2 8" with micro_num 10, a ConcatDataset of several sources
SETTINGS = (((1000,), 4, ""), ((300, 450, 31), 4, ""), ((5000,), 10, "6 2 8"), ((2000,), 8, "2 2 4"), ((64,), 16, ""))


def _resumed(cls, datasets, micro_num, rampup, rank, world, consumed):
    """A sampler that ran `consumed` batches of its first epoch, checkpointed, and restored
    into a fresh sampler (the resume of its training loop)."""
    kwargs = dict(batch_size=micro_num, rampup_batch_size=rampup, micro_bsz=2, seed=1024,
                  drop_last=True, data_rank=rank, data_world_size=world)
    first = cls([_Packed(n) for n in datasets], **kwargs)
    batches = iter(first)
    for _ in range(consumed):
        next(batches)
    state = first.state_dict()
    restored = cls([_Packed(n) for n in datasets], **kwargs)
    restored.load_state_dict(state)
    return restored


@sampler(PROJECT, FILE, "StaticBatchSampler")
def _(cls, module):
    for datasets, micro_num, rampup in SETTINGS:
        for world in (1, 2, 4):
            for rank in range(world):
                label = f"datasets {list(datasets)}, micro_num {micro_num}, rampup {rampup!r}, data world {world} rank {rank}"
                yield Case(
                    label,
                    lambda d=datasets, m=micro_num, r=rampup, k=rank, w=world: cls(
                        [_Packed(n) for n in d], batch_size=m, rampup_batch_size=r, micro_bsz=2, seed=1024,
                        drop_last=True, data_rank=k, data_world_size=w,
                    ),
                    repeat=2,
                )
                yield Case(
                    label + ", resumed after 3 batches",
                    lambda d=datasets, m=micro_num, r=rampup, k=rank, w=world: _resumed(cls, d, m, r, k, w, 3),
                    marker="num_consumed_samples_in_epoch",
                )
