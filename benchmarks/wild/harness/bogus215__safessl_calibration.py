"""bogus215/SafeSSL-Calibration: safe semi-supervised learning (open-set SSL) with calibration.
Every open-set task module (ACR, MTC, OpenMatch and its calibration variants, SCOMatch,
SafeStudent) carries its own copy of a DistributedSampler that draws num_samples indices
(per_epoch_steps * batch_size // 2 per epoch, whole permutations of the labelled or
unlabelled set plus a partial one) and hands each replica every num_replicas-th; utils'
RandomSampler concatenates permutations up to num_sample indices (iterations * batch_size)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="bogus215/SafeSSL-Calibration",
    source="github",
    ref="e5f322c6ba1e8ccb07b6a3fe92c3e8794be6371e",
    domain="semi-supervised learning",
    stubs={
        # the task base class (it imports tensorboard, t-SNE, plotting) is not used by the samplers
        "tasks.classification": "class Classification:\n    pass\n",
        # three task modules import torch.utils.tensorboard, which checks tensorboard's version
        # and imports its submodules: a version, and stand-ins for the submodules
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
    absent=("rich", "sklearn", "matplotlib", "skimage", "tqdm", "google"),  # google: protobuf, for tensorboard
)

TASKS = (
    "ACR", "MTC", "OPENMATCH", "OPENMATCH_MMCE", "OPENMATCH_MbLS", "OPENMATCH_Mixup",
    "OPENMATCH_RankMixup", "OPENMATCH_Smoothing", "SCOMATCH", "SafeStudent",
)
# (labelled or unlabelled set size, num_samples): CIFAR-style splits, per_epoch_steps * batch // 2
SETTINGS = ((4000, 1024 * 32), (50000, 1024 * 32), (250, 500 * 64), (10, 7), (100, 100), (37, 96))


def _distributed(cls, module):
    for n, num_samples in SETTINGS:
        for world in (1, 2, 4):
            if num_samples % world:
                continue  # the class asserts an even split
            for rank in range(world):
                yield Case(
                    f"dataset {n}, num_samples {num_samples}, world {world} rank {rank}",
                    lambda n=n, s=num_samples, w=world, r=rank: cls(list(range(n)), num_replicas=w, rank=r, num_samples=s),
                    repeat=2,
                )


for _task in TASKS:
    sampler(PROJECT, f"tasks/classification_{_task}.py", "DistributedSampler")(_distributed)


@sampler(PROJECT, "utils/sampler.py", "RandomSampler")
def _(cls, module):
    for num_data, num_sample in ((4000, 1024 * 32), (250, 64 * 500), (10, 7), (100, 100), (37, 96)):
        yield Case(f"num_data={num_data} num_sample={num_sample}", lambda d=num_data, s=num_sample: cls(d, s))
