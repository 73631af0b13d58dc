"""hpcaitech/Open-Sora: open video generation (diffusion). Its data samplers: a resumable
DistributedSampler, the variable-resolution/length video batch sampler that assigns each clip
to a (resolution, frames, aspect ratio) bucket with its own batch size and deals the buckets'
micro-batches out over the data-parallel ranks, and a sampler over pre-batched buffers."""

import contextlib

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="hpcaitech/Open-Sora",
    source="github",
    ref="7ad6a96a135feb81f755c84fb391818718f6beb2",
    domain="video diffusion: variable-size buckets, resumable distributed sampling",
    absent=(
        "pandas", "pandarallel", "dill", "requests", "torchvision", "PIL", "av", "cv2", "decord",
        "colossalai", "psutil", "einops", "mmengine", "ftfy", "regex", "imageio", "google",
    ),
    # opensora.utils.misc imports torch.utils.tensorboard, which checks tensorboard's version
    # and imports its submodules: a version, and stand-ins for the submodules.
    stubs={
        "tensorboard": (
            "import sys\n"
            "from _wild_absent import _Finder\n"
            "__version__ = '2.20.0'\n"
            "__path__ = []\n"
            "sys.meta_path.insert(0, _Finder(['tensorboard']))\n"
        ),
        "tensorboard.compat": (
            "from _wild_absent import stand_in\n"
            "__path__ = []\n"
            "def __getattr__(name):\n"
            "    if name.startswith('__'):\n"
            "        raise AttributeError(name)\n"
            "    return stand_in(name)\n"
        ),
    },
    empty_init=("opensora.datasets",),
)

PATH = "opensora/datasets/sampler.py"


@contextlib.contextmanager
def _one_process_world():
    """torch.distributed as the samplers ask it, for one process that stands for the rank
    that builds the buckets (rank 0): the bucket ids it computes are the ones every rank
    receives, so the broadcast and the barriers have nothing to do. The sampler's own rank
    and world size are its num_replicas/rank arguments."""
    import torch.distributed as dist

    saved = {name: getattr(dist, name) for name in ("get_rank", "barrier", "broadcast_object_list", "is_initialized")}
    dist.get_rank = lambda group=None: 0
    dist.barrier = lambda *a, **k: None
    dist.broadcast_object_list = lambda object_list, src=0, group=None, device=None: None
    dist.is_initialized = lambda: True
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(dist, name, value)


class _InWorld:
    """The sampler with len() and each epoch's iteration taken inside _one_process_world."""

    def __init__(self, build):
        with _one_process_world():
            self.sampler = build()

    def __len__(self):
        with _one_process_world():
            return len(self.sampler)

    def __iter__(self):
        with _one_process_world():
            yield from iter(self.sampler)

    def set_epoch(self, epoch):
        self.sampler.set_epoch(epoch)


class _Table:
    """The dataset's metadata table (a pandas DataFrame in VideoTextDataset.data) as
    group_by_bucket uses it: copy, an id column from the index, and a row-wise apply with
    keyword arguments (what pandarallel's parallel_apply does, in one process)."""

    def __init__(self, rows):
        self.rows = [dict(r) for r in rows]
        self.index = list(range(len(rows)))

    def copy(self, deep=True):
        return _Table(self.rows)

    def __setitem__(self, column, values):
        for row, value in zip(self.rows, values):
            row[column] = value

    def parallel_apply(self, func, axis=1, **kwargs):
        import numpy as np

        # a Series of tuples (or None): one object per row, as pandas gives it
        out = np.empty(len(self.rows), dtype=object)
        for i, row in enumerate(self.rows):
            out[i] = func(row, **kwargs)
        return out

    def __len__(self):
        return len(self.rows)


class _Videos:
    """VideoTextDataset as the sampler reads it: data, bucket_class, fps_max, len()."""

    bucket_class = "Bucket"
    fps_max = 16

    def __init__(self, n, image_share):
        rows = []
        shapes = ((720, 1280), (1080, 1920), (480, 854), (1280, 720), (512, 512), (360, 640))
        for i in range(n):
            h, w = shapes[(i * 5 + i // 3) % len(shapes)]
            frames = 1 if (i * 37 % 100) < image_share * 100 else 20 + (i * 53) % 180
            rows.append({"num_frames": frames, "height": h, "width": w, "fps": (24, 30, 25)[i % 3],
                         "path": f"clips/{i:05d}.mp4"})
        self.data = _Table(rows)

    def __len__(self):
        return len(self.data)


# Shaped like configs/diffusion/train/stage1.py: an image bucket with a large batch and
# frame-count buckets with smaller ones (a few of its entries).
BUCKETS = {"256px": {1: (1.0, 45), 33: (1.0, 12), 65: (1.0, 6), 97: (1.0, 4), 129: (1.0, 3)}}
DEMO = {"256px": {1: (1.0, 1), 33: (1.0, 1), 97: (1.0, 1), 129: (1.0, 1)}}  # demo.py


@sampler(PROJECT, PATH, "VariableVideoBatchSampler")
def _(cls, module):
    for n, image_share in ((20, 0.0), (120, 0.3), (400, 0.5)):
        for name, config in (("stage1-like", BUCKETS), ("demo", DEMO)):
            for replicas in (1, 2, 3, 4):
                for rank in range(replicas):
                    for drop_last in (False, True):
                        yield Case(
                            f"clips={n} image share={image_share} buckets={name} "
                            f"replicas={replicas} rank={rank} drop_last={drop_last}",
                            lambda n=n, s=image_share, c=config, r=replicas, k=rank, d=drop_last: _InWorld(
                                lambda: cls(_Videos(n, s), c, num_replicas=r, rank=k, drop_last=d, seed=7)
                            ),
                            repeat=2,
                        )


@sampler(PROJECT, PATH, "StatefulDistributedSampler")
def _(cls, module):
    for n in (1, 7, 10, 64):
        for replicas in (1, 2, 3, 4):
            for rank in range(replicas):
                for drop_last in (False, True):
                    if drop_last and n < replicas:
                        continue  # num_samples would be 0
                    for resumed in (0, 1):
                        def build(n=n, r=replicas, k=rank, d=drop_last, resumed=resumed):
                            s = cls(range(n), num_replicas=r, rank=k, drop_last=d)
                            if resumed:
                                # ckpt.py restores it from the state_dict the trainer saved
                                s.load_state_dict(s.state_dict(min(3, s.num_samples)))
                            return s

                        yield Case(
                            f"n={n} replicas={replicas} rank={rank} drop_last={drop_last} resumed={bool(resumed)}",
                            build,
                        )


class _Buffers:
    """A pre-batched dataset (the BatchDataset of the docstring): num_buffers buffers of
    len_buffer samples each, len() the samples."""

    def __init__(self, num_buffers, len_buffer):
        self.num_buffers = num_buffers
        self.len_buffer = len_buffer

    def __len__(self):
        return self.num_buffers * self.len_buffer


@sampler(PROJECT, PATH, "BatchDistributedSampler")
def _(cls, module):
    for buffers, length in ((6, 5), (7, 5), (1, 8), (12, 3)):  # (6, 5) is the docstring's
        for replicas in (1, 2, 3, 4):
            for rank in range(replicas):
                if buffers < replicas:
                    continue  # a rank would get no buffer
                for resumed in (False, True):
                    def build(b=buffers, n=length, r=replicas, k=rank, resumed=resumed):
                        s = cls(_Buffers(b, n), num_replicas=r, rank=k, shuffle=False)
                        if resumed:
                            s.load_state_dict(s.state_dict(1))
                        return s

                    yield Case(
                        f"buffers={buffers} len_buffer={length} replicas={replicas} rank={rank} resumed={resumed}",
                        build,
                    )
