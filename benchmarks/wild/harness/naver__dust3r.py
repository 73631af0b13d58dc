"""naver/dust3r: 3D reconstruction from image pairs. dust3r/datasets' get_data_loader gives
dataset.make_sampler(batch_size, shuffle=True, world_size, rank, drop_last=True), that is
BatchedRandomSampler(dataset, batch_size, len(dataset._resolutions), world_size=..., rank=...,
drop_last=...), as `sampler=` with batch_size=batch_size (64 by default): (index, aspect-ratio)
pairs, one aspect ratio a batch; the training loop calls set_epoch (required when distributed).
Its datasets are sized with `N @ Dataset(...)` (e.g. 100_000 pairs)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="naver/dust3r",
    source="github",
    ref="4c24a6ebf04809f2cfe59915e51779c8984aaa40",
    domain="3D reconstruction",
    empty_init=("dust3r.datasets",),  # every dataset module (cv2, PIL, croco)
)


class _Pairs:
    """An EasyDataset as the sampler reads it: len() (its resized size)."""

    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size


@sampler(PROJECT, "dust3r/datasets/base/batched_sampler.py", "BatchedRandomSampler")
def _(cls, module):
    for size in (10, 1000, 2500):
        for batch in (4, 16, 64):
            for pool in (1, 7):  # aspect ratios: one, or the seven of a 512 training run
                for world, drop_last in ((1, True), (1, False), (2, True), (4, True)):
                    if drop_last and size < batch * world:
                        continue  # not one batch for every process
                    for rank in range(world):
                        for epoch in (0, 3):

                            def build(n=size, b=batch, p=pool, w=world, r=rank, d=drop_last, e=epoch):
                                made = cls(_Pairs(n), b, p, world_size=w, rank=r, drop_last=d)
                                made.set_epoch(e)
                                return made

                            yield Case(
                                f"{size} pairs, batch_size={batch} pool_size={pool} world_size={world}"
                                f" rank={rank} drop_last={drop_last} epoch={epoch}",
                                build,
                            )
