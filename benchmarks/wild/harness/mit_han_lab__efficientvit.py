"""mit-han-lab/efficientvit: efficient vision transformers (classification, segmentation,
SAM, DC-AE autoencoders and diffusion). aecore's and diffusioncore's data providers give
DistributedRangedSampler(dataset, num_replicas, rank, shuffle=..., seed=..., drop_last=...) as
`sampler=`, call set_epoch every epoch and, resuming mid-epoch, set_iter_idx(batch_idx *
batch_size) (the sampler then skips what was seen). samcore's provider gives
SAMDistributedSampler(dataset, sub_epochs_per_epoch=...) (rank and world from
torch.distributed), driven by set_epoch_and_sub_epoch(epoch, sub_epoch): each sub-epoch is
every sub_epochs_per_epoch-th item of the rank's share. (Its random-resolution loader's
_InfiniteConstantSampler defines no __len__.)"""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="mit-han-lab/efficientvit",
    source="github",
    ref="de7d7733cc0329f391b33f1f459271562ec27bd5",
    domain="vision transformers, segmentation, generative models",
    absent=("torchvision",),  # samcore's transforms: to load only
    # their providers (ImageNet, SA-1B loaders: PIL, cv2, pycocotools, omegaconf)
    empty_init=("efficientvit.apps.data_provider", "efficientvit.samcore.data_provider"),
)

_SIZES = (1, 10, 257, 1000)


class _Images:
    """An image dataset as the samplers read it: len()."""

    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size


@sampler(PROJECT, "efficientvit/apps/data_provider/sampler.py", "DistributedRangedSampler")
def _(cls, module):
    for size in _SIZES:
        for world in (1, 2, 3, 8):
            for rank in range(world):
                for shuffle, drop_last in ((True, False), (True, True), (False, False)):
                    if drop_last and size < world:
                        continue  # a rank with nothing at all
                    share = size // world if drop_last else -(-size // world)
                    for epoch, resume_at in ((0, 0), (2, 0), (1, 4)):
                        if resume_at >= share:
                            continue  # a resume lands inside the rank's share of the epoch

                        def build(n=size, w=world, r=rank, s=shuffle, d=drop_last, e=epoch, i=resume_at):
                            made = cls(_Images(n), w, r, shuffle=s, seed=0, drop_last=d)
                            made.set_epoch(e)
                            if i:  # resumed mid-epoch: batch_idx * batch_size items were seen
                                made.set_iter_idx(i)
                            return made

                        yield Case(
                            f"{size} images, world={world} rank={rank} shuffle={shuffle}"
                            f" drop_last={drop_last} epoch={epoch} set_iter_idx={resume_at}",
                            build,
                        )


@sampler(PROJECT, "efficientvit/samcore/data_provider/utils.py", "SAMDistributedSampler")
def _(cls, module):
    for size in _SIZES:
        for world in (1, 2, 4):
            for rank in range(world):
                for per_epoch in (1, 3, 5):
                    for sub_epoch in range(0, 2 * per_epoch, max(1, per_epoch - 1)):

                        def build(n=size, w=world, r=rank, p=per_epoch, s=sub_epoch):
                            made = cls(_Images(n), num_replicas=w, rank=r, seed=0, sub_epochs_per_epoch=p)
                            made.set_epoch_and_sub_epoch(s // p, s)
                            return made

                        yield Case(
                            f"{size} images, world={world} rank={rank} sub_epochs_per_epoch={per_epoch}"
                            f" sub_epoch={sub_epoch}",
                            build,
                        )
