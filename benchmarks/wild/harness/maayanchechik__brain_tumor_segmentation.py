"""maayanchechik/Brain_Tumor_Segmentation: 3D brain-tumour segmentation (BraTS 2020).
Brats_sampler.py's BratsSampler is the `batch_sampler=` of tester_dataloader.py
(BratsSampler(batch_len=2)): one batch of batch_len random volume indices an epoch; its
__len__ is BatchSampler's. data_split_tester.py's `sampler` has no __len__ (and the module
runs a demo when imported): not a sampler class here."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="maayanchechik/Brain_Tumor_Segmentation",
    source="github",
    ref="5c993b545e749f705de377cdcc28cfb34f290490",
    domain="medical image segmentation",
)


@sampler(PROJECT, "Brats_sampler.py", "BratsSampler")
def _(cls, module):
    for batch_len in (1, 2, 4, 8):
        yield Case(f"batch_len={batch_len}", lambda b=batch_len: cls(b))
