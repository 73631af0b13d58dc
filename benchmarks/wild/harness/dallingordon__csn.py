"""dallingordon/CSN: a network fitting audio waveforms over time steps. sampler.py and
sampler_prev.py (the same class, two files): RandomConsecutiveSampler, batches of
`batch_size` random start steps each expanded to `consecutive_size` consecutive steps;
2dDataLoader.ipynb builds it over a WaveformDataset of 100 steps, batch_size 17,
consecutive_size 13, as a DataLoader's batch_sampler."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="dallingordon/CSN",
    source="github",
    ref="a0473246a207b653fc0ca3b7e01a21e3303fb928",
    domain="audio: waveform time steps (consecutive-window batches)",
)


class _Waveform:
    """WaveformDataset: (wav_data[i], t_input[i], file index) for every time step."""

    def __init__(self, steps):
        self.wav = [float(i) for i in range(steps)]

    def __len__(self):
        return len(self.wav)

    def __getitem__(self, i):
        return self.wav[i], float(i), 0


def _cases(cls):
    for steps in (20, 100, 1000):
        for batch_size, consecutive in ((17, 13), (1, 1), (4, 5), (32, 8)):
            if consecutive > steps:
                continue
            yield Case(
                f"WaveformDataset steps={steps} batch_size={batch_size} consecutive_size={consecutive}",
                lambda s=steps, b=batch_size, c=consecutive: cls(_Waveform(s), b, c),
                repeat=2,
            )


@sampler(PROJECT, "sampler.py", "RandomConsecutiveSampler")
def _(cls, module):
    yield from _cases(cls)


@sampler(PROJECT, "sampler_prev.py", "RandomConsecutiveSampler")
def _(cls, module):
    yield from _cases(cls)
