"""senthilps8/continuous_ssl_problem ("The Challenges of Continuous Self-Supervised Learning"):
continual self-supervised learning from a stream. Its samplers: a DistributedSampler that deals
whole batches to the ranks, resumable single-process and distributed samplers (restart at an
instance), a resumable batch sampler (restart at a batch count from a checkpoint), and a replay
buffer batch sampler that draws `repeat` batches per incoming batch from a FIFO buffer."""

import contextlib

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="senthilps8/continuous_ssl_problem",
    source="github",
    ref="942fa0f03318962903ec0aabd74568a1f902a628",
    domain="continual (streaming) self-supervised learning: replay buffers, resumable sampling",
)

PATH = "datasets/mysampler.py"


def _accepted(build):
    """False when the class's own asserts reject the input (its __iter__ asserts that the
    padded index list fills the shards exactly)."""
    try:
        list(build())
    except AssertionError:
        return False
    return True


@sampler(PROJECT, PATH, "MyDistributedSampler")
def _(cls, module):
    for n in (8, 10, 37, 64, 101):
        for batch_size in (1, 4, 8):
            for replicas in (1, 2, 3, 4):
                for rank in range(replicas):
                    for drop_last in (True, False):  # the training scripts pass drop_last=True
                        build = lambda n=n, b=batch_size, r=replicas, k=rank, d=drop_last: cls(
                            list(range(n)), batch_size=b, num_replicas=r, rank=k, drop_last=d
                        )
                        if n < batch_size * replicas or not _accepted(build):
                            continue
                        yield Case(
                            f"n={n} batch_size={batch_size} replicas={replicas} rank={rank} drop_last={drop_last}",
                            build,
                        )


@contextlib.contextmanager
def _world(size):
    import torch.distributed as dist

    saved = dist.get_world_size
    dist.get_world_size = lambda group=None: size
    try:
        yield
    finally:
        dist.get_world_size = saved


@sampler(PROJECT, PATH, "ResumableDistributedSampler")
def _(cls, module):
    for n in (16, 37, 100):
        for batch_size in (4, 8):
            for replicas in (1, 2, 4):
                for rank in range(replicas):
                    for instance in (0, 8):  # restarted after `instance` samples seen (all ranks)
                        def build(n=n, b=batch_size, r=replicas, k=rank, i=instance):
                            s = cls(list(range(n)), batch_size=b, num_replicas=r, rank=k, drop_last=True)
                            with _world(r):
                                s.set_epoch(0, instance=i)
                            return s

                        if n < batch_size * replicas:
                            continue
                        yield Case(
                            f"n={n} batch_size={batch_size} replicas={replicas} rank={rank} instance={instance}",
                            build,
                        )


@sampler(PROJECT, PATH, "ResumableRandomSampler")
def _(cls, module):
    for n in (1, 10, 64):
        for instance in sorted({0, n // 2}):
            def build(n=n, i=instance):
                s = cls(list(range(n)))
                s.set_epoch(1, instance=i)
                return s

            yield Case(f"n={n} resumed at instance={instance}", build)


@sampler(PROJECT, PATH, "ResumableBatchSampler")
def _(cls, module):
    for n in (10, 64, 101):
        for batch_size in (4, 16):
            for drop_last in (True, False):
                for seen in sorted({0, 1, n // batch_size // 2}):
                    def build(n=n, b=batch_size, d=drop_last, k=seen):
                        s = cls(b, module.ResumableRandomSampler(list(range(n))), drop_last=d)
                        if k:
                            # worker_buffered_simsiam.py restores it from the checkpoint's state_dict
                            s.load_state_dict({"num_batches": k})
                        return s

                    yield Case(
                        f"n={n} batch_size={batch_size} drop_last={drop_last} resumed after {seen} batches", build
                    )


@sampler(PROJECT, PATH, "BufferBatchSampler")
def _(cls, module):
    for n in (64, 100, 257):
        for batch_size in (8, 16):
            for buffer_size in (32, 64):
                for repeat in (1, 2, 3):  # args.model.num_updates
                    yield Case(
                        f"n={n} batch_size={batch_size} buffer_size={buffer_size} repeat={repeat}",
                        lambda n=n, b=batch_size, z=buffer_size, r=repeat: cls(
                            z, r, module.ResumableRandomSampler(list(range(n))), b, True
                        ),
                    )
