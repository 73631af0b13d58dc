"""cvg/glue-factory: training of local feature matchers (LightGlue, SuperPoint, ...). A data
set's overfit loader (BaseDataset.get_overfit_loader, for debugging a model) passes
LoopSampler(batch_size, len(train set) on the train split, batch_size otherwise) as
`sampler=` beside batch_size: the first batch repeated, total_size cut to a multiple of it."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="cvg/glue-factory",
    source="github",
    ref="2d17e3b3bd7d30f0c828d4c4d3eac4ecefbf283d",
    domain="feature matching",
    absent=("omegaconf", "cv2", "kornia", "h5py", "matplotlib"),
    empty_init=("gluefactory", "gluefactory.datasets"),  # load the experiments and every data set
)


@sampler(PROJECT, "gluefactory/datasets/base_dataset.py", "LoopSampler")
def _(cls, module):
    for n in (1, 7, 64, 1000, 11457):
        for batch in (1, 4, 32, 64):
            if batch > n:
                continue
            yield Case(f"train split of {n}, batch {batch}", lambda b=batch, n=n: cls(b, n))
        val_batch = min(n, 16)
        yield Case(f"val split, batch {val_batch}", lambda b=val_batch: cls(b, b))
