"""RozDavid/LanguageGroundedSemseg: 3D semantic segmentation of ScanNet200 point clouds
(MinkowskiEngine). The sampler of its loaders (lib/dataset.py initialize_data_loader: with
repeat, training, `sampler=InfSampler(dataset, shuffle)`), Chris Choy's endless sampler.
Only shuffle=True is run: with shuffle=False its reset_permutation calls .tolist() on an int
and the constructor raises (the project's loaders pass shuffle=True when they repeat)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="RozDavid/LanguageGroundedSemseg",
    source="github",
    ref="3af87e933064414e7801dba82932b9f1a3440ae0",
    domain="3D point clouds",
    root="",
)


@sampler(PROJECT, "lib/dataloader.py", "InfSampler")
def _(cls, module):
    for n in (1, 5, 12, 64, 201):  # scenes in the split
        yield Case(f"scenes={n} shuffle=True", lambda n=n: cls(list(range(n)), shuffle=True))
