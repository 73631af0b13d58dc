"""vadimkantorov/convasr: speech recognition. BucketingBatchSampler (datasets.py): batches
drawn within buckets of examples (dataset.bucket), padded to whole groups of world_size
batches, resumable through state_dict()/load_state_dict() (batch_idx); and
DistributedSamplerWrapper, which train.py puts over it to give each rank its batches.
The wrapper is not run after a resume: it then indexes past the batches it lists."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="vadimkantorov/convasr",
    source="github",
    ref="0418933d47d43b27349de824a4722fa57ae6543f",
    domain="speech recognition",
    # datasets.py imports its audio and text front ends (librosa, sentencepiece, ...).
    absent=("sentencepiece", "librosa", "soundfile", "psutil", "text_tokenizers"),
)


class _Examples:
    """Stands for AudioTextDataset: `bucket`, the bucket id of each example (a short tensor)."""

    def __init__(self, sizes):
        import torch

        self.bucket = torch.tensor(
            [b for b, size in enumerate(sizes) for _ in range(size)], dtype=torch.short
        )

    def __len__(self):
        return len(self.bucket)


def _resumed(sampler, batch_idx):
    # a checkpoint's sampler_state_dict, taken batch_idx batches into the epoch
    sampler.load_state_dict(dict(batch_idx=batch_idx))
    return sampler


BUCKETS = ((7,), (30, 12, 5), (100, 64, 33, 1))


@sampler(PROJECT, "datasets.py", "BucketingBatchSampler")
def _(cls, module):
    for sizes in BUCKETS:
        for batch in (2, 8):
            for world in (1, 2, 4):
                for epoch in (0, 3):
                    for batch_idx in (0, world, 3 * world):

                        def build(s=sizes, b=batch, w=world, e=epoch, k=batch_idx):
                            sampler = cls(_Examples(s), batch_size=b, world_size=w)
                            sampler.set_epoch(e)
                            return _resumed(sampler, k)

                        yield Case(
                            f"buckets={sizes} batch={batch} world_size={world} epoch={epoch} resumed at batch_idx={batch_idx}",
                            build,
                            marker="batch_idx" if batch_idx else None,
                        )


@sampler(PROJECT, "datasets.py", "DistributedSamplerWrapper")
def _(cls, module):
    bucketing = module.BucketingBatchSampler
    for sizes in BUCKETS:
        for batch in (2, 8):
            for world in (2, 4):
                for rank in range(world):

                    def build(s=sizes, b=batch, w=world, r=rank):
                        sampler = cls(
                            bucketing(_Examples(s), batch_size=b, world_size=w), num_replicas=w, rank=r
                        )
                        sampler.set_epoch(1)
                        return sampler

                    yield Case(f"buckets={sizes} batch={batch} world={world} rank={rank}", build)
