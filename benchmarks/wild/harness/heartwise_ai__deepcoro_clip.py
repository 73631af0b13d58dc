"""HeartWise-AI/DeepCORO_CLIP: contrastive video-text (SigLIP) training on coronary
angiograms and their reports. With siglip_use_class_aware_sampler the training loader's
`sampler=` is ClassAwareDistributedBatchSampler: ceil(N / batch_size) batches per epoch, each
with round(batch_size * abnormal_ratio) abnormal and the rest normal studies (drawn from
reshuffled, repeated pools), shuffled, dealt round-robin to the ranks and flattened into that
rank's index stream; set_epoch rebuilds the epoch. (utils/siglip's SingleHeadRetrievalSampler
has no __iter__/__len__.)"""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="HeartWise-AI/DeepCORO_CLIP",
    source="github",
    ref="9784a00232d16a895f230b9fad11175344d354a7",
    domain="multimodal contrastive (video-text) training",
)


class _Studies:
    """The video dataset as the sampler reads it: len() and .labels ("abnormal" / "normal")."""

    def __init__(self, n, abnormal):
        import random

        rng = random.Random(n)
        self.labels = ["abnormal" if rng.random() < abnormal else "normal" for _ in range(n)]
        self.labels[0], self.labels[-1] = "abnormal", "normal"  # the class requires both

    def __len__(self):
        return len(self.labels)


@sampler(PROJECT, "utils/samplers.py", "ClassAwareDistributedBatchSampler")
def _(cls, module):
    for n, abnormal in ((1000, 0.2), (97, 0.5), (5000, 0.05), (10, 0.3)):
        for batch, ratio in ((32, 0.5), (8, 0.25), (3, 1.0)):
            for world in (1, 2, 4):
                for drop_last in (False, True):
                    for rank in range(world):
                        yield Case(
                            f"{n} studies ({abnormal:.0%} abnormal), batch {batch} abnormal_ratio {ratio},"
                            f" world {world} rank {rank}, drop_last={drop_last}",
                            lambda n=n, a=abnormal, b=batch, r=ratio, w=world, k=rank, d=drop_last: cls(
                                _Studies(n, a), batch_size=b, abnormal_ratio=r, drop_last=d, world_size=w, rank=k
                            ),
                            repeat=2,
                        )
