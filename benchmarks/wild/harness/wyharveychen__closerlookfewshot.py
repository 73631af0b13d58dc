"""wyharveychen/CloserLookFewShot: few-shot learning (episodic). EpisodicBatchSampler(
n_classes, n_way, n_episodes) is the `batch_sampler=` of SetDataManager's loader
(data/datamgr.py: len(dataset) classes, n_way 5, n_eposide 100)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="wyharveychen/CloserLookFewShot",
    source="github",
    ref="e03aca8a2d01c9b5861a5a816cd5d3fdfc47cd45",
    domain="few-shot learning",
    absent=("PIL", "torchvision"),
    empty_init=("data",),
)


@sampler(PROJECT, "data/dataset.py", "EpisodicBatchSampler")
def _(cls, module):
    for n_classes in (5, 20, 64, 200):
        for n_way in (5, 20):
            if n_way > n_classes:
                continue
            for episodes in (1, 100, 600):
                yield Case(
                    f"{n_classes} classes, {n_way}-way, {episodes} episodes",
                    lambda c=n_classes, w=n_way, e=episodes: cls(c, w, e),
                )
