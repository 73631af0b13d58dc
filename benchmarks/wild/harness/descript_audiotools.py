"""descript-audiotools (PyPI): audio and speech model training (Descript Audio Codec). The
resumable samplers of audiotools/data/datasets.py that Accelerator.prepare_dataloader
builds, with the start_idx of a resumed run (samples already seen, e.g. step x batch
size): DistributedSampler's len() under an __iter__ that skips to the start, each rank of
worlds 1-4, and SequentialSampler's likewise in one process."""

from wild.entry import Case, Project, sampler

from ._g3_common import with_epoch

PROJECT = Project(
    name="descript-audiotools",
    source="pypi",
    ref="0.7.2",
    domain="speech",
    stubs={
        # audiotools/__init__.py imports the AudioSignal core (julius, librosa, pyloudnorm,
        # ...); ours only joins the tree's folder, and the datasets module gets the two
        # core names it imports, which its samplers do not use.
        "audiotools": "",
        "audiotools.core": "class AudioSignal:\n    pass\n\n\nclass util:\n    AUDIO_EXTENSIONS = ['.wav']\n",
    },
    # audiotools/data/__init__.py imports the transforms and preprocessing modules.
    empty_init=("audiotools.data",),
)

PATH = "audiotools/data/datasets.py"


@sampler(PROJECT, PATH, "ResumableDistributedSampler")
def _(cls, module):
    for n in (10, 64, 301):
        for size in (1, 2, 3, 4):
            for rank in range(size):
                for start in (None, 0, 8, 40):
                    if start and start >= n:
                        continue  # a resume point inside the epoch
                    for shuffle in (True, False):
                        yield Case(
                            f"items={n} world={size} rank={rank} start_idx={start} shuffle={shuffle}",
                            lambda n=n, s=size, r=rank, k=start, sh=shuffle: with_epoch(
                                cls(list(range(n)), k, num_replicas=s, rank=r, shuffle=sh), 1
                            ),
                            marker="start_idx" if start else None,
                        )


@sampler(PROJECT, PATH, "ResumableSequentialSampler")
def _(cls, module):
    for n in (1, 10, 64, 301):
        for start in (None, 0, 5, 40):
            if start and start >= n:
                continue  # a resume point inside the epoch
            yield Case(
                f"items={n} start_idx={start}",
                lambda n=n, k=start: cls(list(range(n)), k),
                marker="start_idx" if start else None,
            )
