"""facebookresearch/map-anything: feed-forward metric 3D reconstruction from multi-view
images. EasyDataset.make_sampler (mapanything/datasets/base/easy_dataset.py) returns
BatchedMultiFeatureRandomSampler(dataset, batch_size, [aspect ratios] or [aspect ratios,
view counts], world_size, rank, drop_last) as the loader's `sampler=` (batch_size beside it),
or, with use_dynamic_sampler, DynamicBatchedMultiFeatureRandomSampler(dataset, pool_sizes,
scaling_feature_idx, {view-count index: max(1, max_num_of_images_per_gpu // views)},
world_size, rank, drop_last) as `batch_sampler=`; BatchedRandomSampler is the DUSt3R one
(a single feature pool). The training loop calls set_epoch every epoch."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/map-anything",
    source="github",
    ref="f7ebafb4d8349776705aaa686cf928988d1bd7f4",
    domain="3D reconstruction",
    empty_init=("mapanything.datasets",),  # imports every data set (WAI readers, cv2, PIL)
)

SIZES = (1, 25, 1000, 1003)
WORLDS = ((1, 0), (2, 0), (2, 1), (4, 3))


def _epochs(make):
    """One case an epoch: the loop sets it before iterating."""
    for epoch in (0, 1):

        def build(e=epoch):
            s = make()
            s.set_epoch(e)
            return s

        yield epoch, build


@sampler(PROJECT, "mapanything/datasets/base/batched_sampler.py", "BatchedRandomSampler")
def _(cls, module):
    for n in SIZES:
        for batch in (1, 4, 12):
            for world, rank in WORLDS:
                for drop_last in (True, False) if world == 1 else (True,):
                    make = lambda n=n, b=batch, w=world, r=rank, d=drop_last: cls(range(n), b, 5, w, r, d)  # noqa: E731
                    for epoch, build in _epochs(make):
                        yield Case(
                            f"{n} sets, batch {batch}, 5 aspect ratios, rank {rank} of {world}, "
                            f"drop_last={drop_last}, epoch {epoch}",
                            build,
                        )


@sampler(PROJECT, "mapanything/datasets/base/batched_sampler.py", "BatchedMultiFeatureRandomSampler")
def _(cls, module):
    for n in SIZES:
        for batch in (1, 4, 12):
            for pools in ([5], [5, 23]):
                for world, rank in WORLDS:
                    for drop_last in (True, False) if world == 1 else (True,):
                        make = lambda n=n, b=batch, p=pools, w=world, r=rank, d=drop_last: cls(  # noqa: E731
                            range(n), b, p, w, r, d
                        )
                        for epoch, build in _epochs(make):
                            yield Case(
                                f"{n} sets, batch {batch}, pools {pools}, rank {rank} of {world}, "
                                f"drop_last={drop_last}, epoch {epoch}",
                                build,
                            )


@sampler(PROJECT, "mapanything/datasets/base/batched_sampler.py", "DynamicBatchedMultiFeatureRandomSampler")
def _(cls, module):
    for n in SIZES:
        for images_per_gpu in (4, 24, 48):
            views_lists = (2, [2, 3, 4, 6, 8, 12, 24])  # a fixed count, or the ones a batch picks from
            for views in views_lists:
                if isinstance(views, int):
                    pools, scaling, sizes = [5], 0, {0: max(1, images_per_gpu // views)}
                else:
                    pools, scaling = [5, len(views)], 1
                    sizes = {i: max(1, images_per_gpu // v) for i, v in enumerate(views)}
                for world, rank in WORLDS:
                    for drop_last in (True, False):
                        make = lambda n=n, p=pools, s=scaling, m=sizes, w=world, r=rank, d=drop_last: cls(  # noqa: E731
                            range(n), p, s, m, w, r, d
                        )
                        for epoch, build in _epochs(make):
                            yield Case(
                                f"{n} sets, {images_per_gpu} images a GPU, views {views}, "
                                f"rank {rank} of {world}, "
                                f"drop_last={drop_last}, epoch {epoch}",
                                build,
                            )
