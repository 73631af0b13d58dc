"""openseg-group/openseg.pytorch: semantic segmentation (OCR, HRNet, SegFix). Training on
several data sets at once, lib/datasets/data_loader.py wraps them in a MultiDatasetLoader
(item N * j + i is the j-th item of the i-th data set, shorter ones repeated up to the
longest) and passes MultiDatasetTrainingSampler(loader) as `sampler=`."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="openseg-group/openseg.pytorch",
    source="github",
    ref="aefc75517b09068d7131a69420bc5f66cb41f0ee",
    domain="semantic segmentation",
    absent=("cv2", "PIL", "scipy", "skimage"),
)


def _loader(module, sizes):
    """MultiDatasetLoader on the train split, its child loaders already built."""
    loader = module.MultiDatasetLoader.__new__(module.MultiDatasetLoader)
    loader.dataset = "train"
    loader.child_loaders = [list(range(n)) for n in sizes]
    loader.num_datasets = len(sizes)
    loader.selected_dataset_index = -1
    return loader


@sampler(PROJECT, "lib/datasets/loader/multi_dataset_loader.py", "MultiDatasetTrainingSampler")
def _(cls, module):
    # Cityscapes + ADE20K-like, Cityscapes + Mapillary + small, one data set
    for sizes in ((2975, 20210), (2975, 18000, 7), (100,), (5, 5)):
        yield Case(f"data sets of {sizes}", lambda s=sizes: cls(_loader(module, s)), epochs=2)
