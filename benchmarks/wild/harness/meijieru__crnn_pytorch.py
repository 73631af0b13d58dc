"""meijieru/crnn.pytorch: scene text recognition (CRNN + CTC). train.py gives
randomSequentialSampler(train_dataset, opt.batchSize) as `sampler=` (unless --random_sample)
with batch_size=opt.batchSize (64 by default): one index per item of the lmdb dataset,
each batch-sized run a random contiguous window. The dataset holds at least one batch (with
fewer items its __iter__ draws from an empty range)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="meijieru/crnn.pytorch",
    source="github",
    ref="3cc7904c5ba20b18fcdc2d02ac2b24a9be9eafaf",
    domain="OCR",
    absent=("lmdb", "six", "PIL", "torchvision"),  # the lmdb dataset and the collate: to load only
)


class _LmdbLines:
    """What the sampler reads of lmdbDataset: len(), the 'num-samples' of the lmdb."""

    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size


@sampler(PROJECT, "dataset.py", "randomSequentialSampler")
def _(cls, module):
    for size in (64, 100, 1000, 4099):
        for batch in (1, 16, 64):
            if batch <= size:
                yield Case(
                    f"{size} text lines, batchSize={batch}",
                    lambda n=size, b=batch: cls(_LmdbLines(n), b),
                )
