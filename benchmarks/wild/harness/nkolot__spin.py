"""nkolot/SPIN: 3D human pose and shape estimation (SMPL fitting in the loop).
CheckpointDataLoader (utils/data_loader.py), the training loader of BaseTrainer, passes
RandomSampler(dataset, checkpoint) (shuffle) or SequentialSampler(dataset, checkpoint) as
`sampler=` with drop_last=True: resuming mid-epoch from a checkpoint (its dataset_perm,
batch_size and batch_idx), the sampler takes the rest of the saved permutation."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="nkolot/SPIN",
    source="github",
    ref="2476c436013055be5cb3905e4e4ecfa86966fac3",
    domain="3D human pose estimation",
    empty_init=("utils",),  # imports the trainer (the SMPL model, the renderer)
)


def _cases(cls, module):
    for n in (1, 7, 64, 1000):
        data = list(range(n))
        yield Case(f"{n} images, a fresh epoch", lambda d=data: cls(d, None))
        yield Case(
            f"{n} images, checkpoint without a permutation", lambda d=data: cls(d, {"dataset_perm": None})
        )
        for batch, done in ((1, 0), (4, 1), (64, 3), (8, n // 8)):
            if batch * done > n:
                continue  # the checkpoint was saved within the epoch

            def build(d=data, b=batch, k=done, n=n):
                checkpoint = {"dataset_perm": list(reversed(range(n))), "batch_size": b, "batch_idx": k}
                return cls(d, checkpoint)

            yield Case(f"{n} images, resumed after {done} batches of {batch}", build)


sampler(PROJECT, "utils/data_loader.py", "RandomSampler")(_cases)
sampler(PROJECT, "utils/data_loader.py", "SequentialSampler")(_cases)
