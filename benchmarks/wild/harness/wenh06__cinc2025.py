"""wenh06/cinc2025: George B. Moody PhysioNet Challenge 2025 (Chagas disease from 12-lead ECG;
time series classification with heavy class imbalance).

utils/samplers.py: BalancedBatchSampler, batches with at least min_pos_per_batch positives
(or target_pos_fraction of the batch), positives and negatives recycled when used up, over
an epoch sized as the dataset, as the larger class, or a fixed number of batches.
"""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="wenh06/cinc2025",
    source="github",
    ref="3be4287f9ab9e408a040b52a4b5e4d9ec7760822",
    domain="time series (ECG classification)",
)


def _labels(n, positives, seed=0):
    """Chagas labels of n records, `positives` of them positive (about 2-5% in the challenge data)."""
    labels = [1] * positives + [0] * (n - positives)
    random.Random(seed).shuffle(labels)
    return labels


@sampler(PROJECT, "utils/samplers.py", "BalancedBatchSampler")
def _(cls, module):
    for n, positives in ((10, 1), (200, 6), (1000, 40)):
        for batch_size in (4, 32):
            for mode, fixed in (("len_dataset", None), ("max_of_sets", None), ("fixed", 25)):
                for drop_last in (False, True):
                    for fraction in (None, 0.25):
                        yield Case(
                            f"records={n} positives={positives} batch_size={batch_size} epoch_size_mode={mode} "
                            f"drop_last={drop_last} target_pos_fraction={fraction}",
                            lambda n=n, p=positives, b=batch_size, m=mode, f=fixed, d=drop_last, t=fraction: cls(
                                _labels(n, p), b, min_pos_per_batch=1, target_pos_fraction=t, epoch_size_mode=m,
                                fixed_num_batches=f, drop_last=d,
                            ),
                            repeat=2,
                        )
