"""guangkun0818/speech2text: ASR training (conformer / transducer recipes).
dataset/sampler.py: DynamicBucketBatchSampler, a BatchSampler over a DistributedSampler that
puts utterances in duration buckets between the dataset's shortest and longest and yields a
bucket once its total duration passes `volume_threshold` seconds with more than
`min_batch_size` utterances, passing over the rank's share again and again (`while True`);
its len() is the rank's share of the total hours over the threshold. sampler_test.py builds
it with 30 buckets, key "duration", min_batch_size 16, volume_threshold 800 over a
DistributedSampler(num_replicas=1, rank=0, shuffle=True). (dataset/dataset.py's AsrSampler,
an unfinished stub, has no __len__.)"""

import random

from torch.utils.data.distributed import DistributedSampler

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="guangkun0818/speech2text",
    source="github",
    ref="cbc5cdb51feb78a2f51111856103eb4923b9787f",
    domain="speech: ASR (duration-bucketed dynamic batches)",
    # dataset/dataset.py (imported for BaseDataset) loads audio front-ends, augmentation, tokenizers
    absent=("glog", "torchaudio", "lhotse", "sentencepiece"),
)


class _Utterances:
    """BaseDataset as the sampler reads it: per-entry durations (seconds, within the
    dur_min/max filters), their min, max and total."""

    def __init__(self, n, seed=0):
        rng = random.Random(seed)
        self._dataset = [{"audio_filepath": f"wav/{i}.wav", "duration": round(rng.uniform(0.8, 20.0), 2)}
                         for i in range(n)]

    def fetch_data_k_info(self, idx, k):
        return self._dataset[idx][k]

    @property
    def lower_bound(self):
        return min(d["duration"] for d in self._dataset)

    @property
    def high_bound(self):
        return max(d["duration"] for d in self._dataset)

    @property
    def total_data_amount(self):
        return sum(d["duration"] for d in self._dataset)

    def __len__(self):
        return len(self._dataset)


@sampler(PROJECT, "dataset/sampler.py", "DynamicBucketBatchSampler")
def _(cls, module):
    configs = (
        dict(num_bucket=30, key="duration", min_batch_size=16, volume_threshold=800),  # sampler_test.py
        dict(num_bucket=5, key="duration", min_batch_size=4, volume_threshold=100),
    )
    for n in (200, 1000):
        for config in configs:
            for world in (1, 2):
                for rank in range(world):
                    yield Case(
                        f"utterances={n} {config} DistributedSampler(num_replicas={world}, rank={rank}, shuffle=True)",
                        lambda n=n, c=config, w=world, r=rank: _built(cls, n, c, w, r),
                    )


def _built(cls, n, config, world, rank):
    utterances = _Utterances(n)
    distributed = DistributedSampler(utterances, num_replicas=world, rank=rank, shuffle=True, drop_last=False)
    return cls(sampler=distributed, dataset=utterances, **config)
