"""chrischoy/SpatioTemporalSegmentation: 3D/4D semantic segmentation of point clouds
(Minkowski networks, ScanNet, Stanford 3D, Synthia 4D). lib/dataset.py's
initialize_data_loader, with repeat=True for training, gives InfSampler(dataset, shuffle) as
`sampler=`: its __iter__ returns itself and its __next__ draws from a new permutation
whenever one runs out, for ever; len() is the dataset's size. With shuffle=False (its
default) the build itself fails: it calls .tolist() on the size, an int."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="chrischoy/SpatioTemporalSegmentation",
    source="github",
    ref="4afee296ebe387d9a06fc1b168c4af212a2b4804",
    domain="3D point clouds",
    empty_init=("lib",),  # imports open3d and MinkowskiEngine
)


@sampler(PROJECT, "lib/dataloader.py", "InfSampler")
def _(cls, module):
    for n in (1, 12, 312, 1201):  # Stanford 3D areas' rooms, ScanNet's 1201 training scenes
        for shuffle in (True, False):
            yield Case(f"n={n} shuffle={shuffle}", lambda n=n, s=shuffle: cls(range(n), s))
