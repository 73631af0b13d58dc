"""RVC-Boss/GPT-SoVITS: text-to-speech and voice cloning. The bucket sampler of its
autoregressive stage (GPT_SoVITS/AR/data/bucket_sampler.py: utterances bucketed by seconds
of semantic tokens, global batches shuffled) and VITS's DistributedBucketSampler of its
SoVITS stage (GPT_SoVITS/module/data_utils.py, the boundaries of s2_train.py); each rank of
worlds 1-4."""

from wild.entry import Case, Project, sampler

from ._g3_common import vits_bucket_cases

PROJECT = Project(
    name="RVC-Boss/GPT-SoVITS",
    source="github",
    ref="48b1a0169a28582a8984402f82cf438d3bfa6aca",
    domain="speech synthesis",
    root="GPT_SoVITS",
    # module/data_utils.py imports the audio and text front ends; tools/ lies outside the root.
    absent=("librosa", "text", "tools", "tqdm"),
)


class _SemanticDataset:
    """Stands for Text2SemanticDataset: get_sample_length(i) = semantic tokens / 25 Hz."""

    def __init__(self, n, seed):
        import random

        rng = random.Random(seed)
        self.tokens = [rng.randint(20, 600) for _ in range(n)]

    def __len__(self):
        return len(self.tokens)

    def get_sample_length(self, idx):
        return 1.0 * self.tokens[idx] / 25


@sampler(PROJECT, "GPT_SoVITS/AR/data/bucket_sampler.py", "DistributedBucketSampler")
def _(cls, module):
    for n in (5, 33, 128, 301):
        for batch in (4, 8):
            for size in (1, 2, 3, 4):
                for rank in range(size):
                    for drop_last in (False, True):
                        for shuffle in (True, False):

                            def build(n=n, b=batch, s=size, r=rank, d=drop_last, sh=shuffle):
                                sampler = cls(
                                    _SemanticDataset(n, n),
                                    num_replicas=s,
                                    rank=r,
                                    shuffle=sh,
                                    drop_last=d,
                                    batch_size=b,
                                )
                                sampler.set_epoch(2)
                                return sampler

                            yield Case(
                                f"utterances={n} batch={batch} world={size} rank={rank} drop_last={drop_last} shuffle={shuffle}",
                                build,
                            )


@sampler(PROJECT, "GPT_SoVITS/module/data_utils.py", "DistributedBucketSampler")
def _(cls, module):
    # VITS's sampler with the boundaries of s2_train.py (32, then 300 to 1900 by 100).
    yield from vits_bucket_cases(cls, [32, *range(300, 2000, 100)])
