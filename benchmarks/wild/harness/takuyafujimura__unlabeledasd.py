"""TakuyaFujimura/unlabeledasd: first-shot anomalous sound detection (DCASE 2023/2024) with
pseudo-labels. Its datamodule configs can instantiate a batch sampler over the training set:
PosNegSampler builds batches half of clips from the target machine (pos_machine), half from
the other machines, as long as positive clips last; ConsecutiveSpecPosNegSampler does the same
over the consecutive-spectrogram dataset's per-frame machine list."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="TakuyaFujimura/unlabeledasd",
    source="github",
    ref="75797ee3cedcd5dab19b436010e369db46119886",
    domain="audio: anomalous sound detection",
    # the dataset module's STFT front end, which the samplers do not use
    stubs={"models": "class STFT:\n    pass\n"},
    absent=("torchaudio",),
    empty_init=("datasets",),  # imports the Lightning datamodules and collators
)

FILE = "datasets/samplers.py"
# DCASE 2023 development machines and the clips each has in the dev training set
MACHINES = {"fan": 1000, "gearbox": 1000, "bearing": 1000, "valve": 1000, "slider": 1000, "ToyCar": 1000, "ToyTrain": 1000}


class _Clips:
    """The ASD dataset as the samplers read it: path_list (data/<split>/<machine>/train/
    section_00_source_train_normal_<n>.wav) and, for the consecutive-spectrogram dataset,
    machine_list (one entry per frame window of each clip)."""

    def __init__(self, clips_per_machine, windows_per_clip=1):
        self.path_list, self.machine_list = [], []
        for machine, count in clips_per_machine.items():
            for n in range(count):
                self.path_list.append(f"data/dev/{machine}/train/section_00_source_train_normal_{n:04d}_a.wav")
                self.machine_list += [machine] * windows_per_clip


SETTINGS = (  # (clips per machine, target machine, batch size)
    (MACHINES, "fan", 64),
    ({"fan": 990, "valve": 1000, "ToyCar": 40}, "ToyCar", 64),
    ({"fan": 10, "valve": 20}, "fan", 4),
    ({"fan": 33, "valve": 5}, "fan", 8),
)


@sampler(PROJECT, FILE, "PosNegSampler")
def _(cls, module):
    for clips, target, batch in SETTINGS:
        for shuffle in (True, False):
            for drop_last in (False, True):
                yield Case(
                    f"{sum(clips.values())} clips, target {target} ({clips[target]}), batch {batch},"
                    f" shuffle={shuffle} drop_last={drop_last}",
                    lambda c=clips, t=target, b=batch, s=shuffle, d=drop_last: cls(
                        _Clips(c), t, batch_size=b, shuffle=s, drop_last=d
                    ),
                )


@sampler(PROJECT, FILE, "ConsecutiveSpecPosNegSampler")
def _(cls, module):
    for clips, target, batch in SETTINGS:
        for drop_last in (False, True):
            yield Case(
                f"{sum(clips.values())} clips x 3 windows, target {target}, batch {batch}, drop_last={drop_last}",
                lambda c=clips, t=target, b=batch, d=drop_last: cls(_Clips(c, 3), t, batch_size=b, shuffle=True, drop_last=d),
            )
