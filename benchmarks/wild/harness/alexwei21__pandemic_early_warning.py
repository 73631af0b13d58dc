"""AlexWei21/Pandemic-Early-Warning: forecasting epidemic curves of a new pandemic from past
ones (GRU / CNN on case series). utils/sampler.py: Location_Fixed_Batch_Sampler, one curve of
every (pandemic, location) series a batch, as many batches as the longest series has curves;
the run_training scripts number the dataset's items (`item.idx`) and build it with a
batch_size of at least the number of series (its own check)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="AlexWei21/Pandemic-Early-Warning",
    source="github",
    ref="8b92b5680990053dddd6f482837af3c6f82f060f",
    domain="time series: epidemic forecasting (one series a batch slot)",
    absent=("pandas",),  # imported by utils/sampler.py, unused there
)


class _Curve:
    """Compartment_Model_Pandemic_Data as the sampler reads it: pandemic_name, series_id
    (the location), idx."""

    def __init__(self, pandemic, series_id, idx):
        self.pandemic_name = pandemic
        self.series_id = series_id
        self.idx = idx


def _curves(series, seed=0):
    """`series` (past pandemic, location) pairs, each with 1..6 training curves."""
    rng = random.Random(seed)
    items = []
    for s in range(series):
        pandemic = ("Covid", "Dengue", "Influenza")[s % 3]
        for _ in range(rng.randint(1, 6)):
            items.append(_Curve(pandemic, f"loc-{s:03d}", len(items)))
    rng.shuffle(items)
    for idx, item in enumerate(items):
        item.idx = idx  # as run_gru.py numbers them
    return items


@sampler(PROJECT, "utils/sampler.py", "Location_Fixed_Batch_Sampler")
def _(cls, module):
    for series in (1, 5, 40):
        for extra in (0, 3, 100):
            yield Case(
                f"series={series} batch_size={series + extra}",
                lambda s=series, b=series + extra: cls(dataset=_curves(s), batch_size=b),
                repeat=2,
            )
