"""mahmoodlab/CLAM: weakly supervised whole-slide image classification (computational pathology,
medical imaging). The sampler of its split loaders (utils/utils.py get_split_loader): in
testing mode, a random tenth of the slides in order, passed as `sampler=` with batch size 1."""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="mahmoodlab/CLAM",
    source="github",
    ref="53e2409d4a8189c682c173382964a85f114f923c",
    domain="medical imaging",
    root="",
    absent=("torchvision", "h5py"),  # utils.py imports them for its loaders and transforms
)


@sampler(PROJECT, "utils/utils.py", "SubsetSequentialSampler")
def _(cls, module):
    for n in (10, 48, 121, 940):  # slides in a split
        # what get_split_loader passes: a random tenth of the slides without replacement
        ids = np.random.RandomState(n).choice(np.arange(n), int(n * 0.1), replace=False)
        yield Case(f"slides={n} subset={len(ids)}", lambda ids=ids: cls(ids))
        yield Case(f"slides={n} all, as a list", lambda n=n: cls(list(range(n))))
