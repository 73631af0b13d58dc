"""azharlaskar/cocosda_wavlm: speaker verification with WavLM across dialect regions (O-COCOSDA).

dataset/sampler.py: HierarchicalSampler, batches of speakers (inner label) drawn from pairs of
regions (outer label), at most max_seg_per_spk segments per speaker an epoch; it reshuffles
when built and again at each iteration. speaker_verification_data.py builds it from a
(speaker, region) label array, batches_per_super_tuple grown until an epoch is long enough.
"""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="azharlaskar/cocosda_wavlm",
    source="github",
    ref="ecbde596a2e12d66d706cc3fa19b31f8b1a8a707",
    domain="speech (speaker verification)",
)


def _labels(speakers, regions, seed=0):
    """(speaker, region) per segment: each speaker in one region, 3 to 30 segments each."""
    rng = np.random.RandomState(seed)
    rows = []
    for spk in range(speakers):
        region = spk % regions
        rows += [(spk, region)] * int(rng.randint(3, 31))
    return np.array(rows)


@sampler(PROJECT, "dataset/sampler.py", "HierarchicalSampler")
def _(cls, module):
    for speakers, regions in ((12, 2), (40, 3), (90, 5)):
        for batch_size, per_class in ((8, 2), (32, 4), (64, 8)):
            for tuples in (1, 4):
                for max_seg in (10, 500):
                    yield Case(
                        f"speakers={speakers} regions={regions} batch_size={batch_size} samples_per_class={per_class} "
                        f"batches_per_super_tuple={tuples} max_seg_per_spk={max_seg}",
                        lambda s=speakers, r=regions, b=batch_size, p=per_class, t=tuples, m=max_seg: cls(
                            _labels(s, r), b, samples_per_class=p, batches_per_super_tuple=t,
                            super_classes_per_batch=2, inner_label=0, outer_label=1, max_seg_per_spk=m,
                        ),
                        epochs=20,
                    )
