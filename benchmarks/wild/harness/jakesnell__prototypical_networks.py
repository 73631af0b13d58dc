"""jakesnell/prototypical-networks: few-shot classification (prototypical networks) on
Omniglot. protonets/data/omniglot.py's load gives, over a dataset of one item a class,
SequentialBatchSampler(len(ds)) (with --data.sequential) or EpisodicBatchSampler(len(ds),
n_way, n_episodes) as `batch_sampler=` (the paper's runs: 60-way training, 5- or 20-way
testing, 100 or 1000 episodes; Omniglot background has 4112 rotated classes)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="jakesnell/prototypical-networks",
    source="github",
    ref="c9bb4d258267c11cb6e23f0a19242d24ca98ad8a",
    domain="few-shot image classification",
    empty_init=("protonets", "protonets.data"),  # omniglot.py: torchnet, PIL, torchvision
)

PATH = "protonets/data/base.py"
_CLASSES = (5, 60, 1692, 4112)  # a toy split up to Omniglot's test and train classes (x4 rotations)


@sampler(PROJECT, PATH, "SequentialBatchSampler")
def _(cls, module):
    for classes in _CLASSES:
        yield Case(f"{classes} classes", lambda n=classes: cls(n))


@sampler(PROJECT, PATH, "EpisodicBatchSampler")
def _(cls, module):
    for classes in _CLASSES:
        for way, episodes in ((5, 100), (20, 1000), (60, 100)):
            if way <= classes:
                yield Case(
                    f"{classes} classes, n_way={way} n_episodes={episodes}",
                    lambda n=classes, w=way, e=episodes: cls(n, w, e),
                )
