"""fedscale (PyPI, SymbioticLab/FedScale): benchmarking federated learning at scale.

dataloaders/voice_data_loader.py: the samplers of its speech clients (DeepSpeech-style):
a batch sampler over fixed bins of batch_size that resumes at a training step
(DSRandomSampler) and its distributed form (DSElasticDistributedSampler).
"""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="fedscale",
    source="pypi",
    ref="1.0",
    domain="federated learning (speech clients)",
    absent=("librosa", "soundfile", "sox", "matplotlib"),  # audio loading and plotting only
    stubs={
        # The module builds {'hamming': scipy.signal.hamming, ...} at import; these window
        # functions left scipy.signal (now scipy.signal.windows). Only the names are needed.
        "scipy": "from pkgutil import extend_path\n\n__path__ = extend_path(__path__, __name__)\n",
        "scipy.signal": "def hamming(n):\n    pass\n\n\ndef hann(n):\n    pass\n\n\n"
        "def blackman(n):\n    pass\n\n\ndef bartlett(n):\n    pass\n",
    },
)


class _Manifest:
    """An audio manifest dataset: only its length is read by the samplers."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return i


def _random(cls, n, batch_size, start):
    # It calls super().__init__(data_source=dataset): the runner's child gives torch's
    # Sampler the __init__(self, data_source=None) of torch < 2.13 (wild/README.md).
    s = cls(_Manifest(n), batch_size=batch_size, start_index=start)
    s.set_epoch(0)  # its trainer sets the epoch before iterating (the seed of the shuffle)
    return s


@sampler(PROJECT, "fedscale/dataloaders/voice_data_loader.py", "DSRandomSampler")
def _(cls, module):
    for n in (1, 9, 64, 301):
        for batch_size in (1, 4, 20):
            for start in (0, 1):
                if start and n <= batch_size:
                    continue  # resuming past the only bin
                yield Case(
                    f"n={n} batch_size={batch_size} start_index={start}",
                    lambda n=n, b=batch_size, s=start: _random(cls, n, b, s),
                )


@sampler(PROJECT, "fedscale/dataloaders/voice_data_loader.py", "DSElasticDistributedSampler")
def _(cls, module):
    for n in (9, 64, 301):
        for batch_size in (1, 4, 20):
            for world in (1, 2, 3, 4):
                for rank in range(world):
                    for start in (0, 2):
                        bins = -(-n // batch_size) - start
                        total = -(-bins // world) * world
                        if bins <= 0 or 2 * bins < total:
                            continue  # its own assertion rejects padding more than one copy
                        yield Case(
                            f"n={n} batch_size={batch_size} replicas={world} rank={rank} start_index={start}",
                            lambda n=n, b=batch_size, w=world, r=rank, s=start: cls(
                                _Manifest(n), num_replicas=w, rank=r, start_index=s, batch_size=b
                            ),
                        )
