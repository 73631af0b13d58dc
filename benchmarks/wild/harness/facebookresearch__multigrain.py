"""facebookresearch/multigrain: image classification and retrieval (MultiGrain, repeated
augmentations). scripts/train.py passes RASampler(len(train set), batch_size,
repeated_augmentations, epoch_len_factor, shuffle=True, drop_last=False) as
`batch_sampler=`: batch 512, 1 repetition (3 in the paper), epoch_len_factor 2 by default on ImageNet."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="facebookresearch/multigrain",
    source="github",
    ref="172bb2a2ef8a7f69f02fd6a4eb20c9c3d5d7a909",
    domain="image retrieval",
    empty_init=("multigrain", "multigrain.lib"),  # import the models and their backbones
)


@sampler(PROJECT, "multigrain/lib/samplers.py", "RASampler")
def _(cls, module):
    for n in (1, 10, 100, 1000, 1283):
        for batch in (1, 8, 64, 512):
            for reps in (1, 3):
                for factor in (1.0, 2.0, 0.5):
                    for shuffle, drop_last in ((True, False), (True, True), (False, False)):
                        yield Case(
                            f"{n} images, batch {batch}, repetitions {reps}, len_factor {factor}, "
                            f"shuffle={shuffle}, drop_last={drop_last}",
                            lambda n=n, b=batch, r=reps, f=factor, s=shuffle, d=drop_last: cls(
                                n, b, r, f, shuffle=s, drop_last=d
                            ),
                        )
