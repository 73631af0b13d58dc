"""haotian-liu/LLaVA: multimodal (vision-language) instruction tuning. The length-grouped
sampler of its trainer (llava/train/llava_trainer.py), with and without grouping by
modality (lengths positive for image-text examples, negative for text-only ones, as
LazySupervisedDataset.modality_lengths gives them)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="haotian-liu/LLaVA",
    source="github",
    ref="c121f0432da27facab705978f83c4ada465e46fd",
    domain="multimodal",
    # transformers' Trainer and deepspeed are imported by the trainer module only to load.
    absent=("transformers", "deepspeed"),
    # llava/__init__.py imports the model (transformers).
    empty_init=("llava",),
)


def _lengths(mm, text):
    return [40 + (13 * i) % 500 for i in range(mm)] + [-(10 + (17 * i) % 600) for i in range(text)]


@sampler(PROJECT, "llava/train/llava_trainer.py", "LengthGroupedSampler")
def _(cls, module):
    import torch

    for mm, text in ((30, 10), (97, 0), (0, 45), (64, 33)):
        for batch in (4, 16):
            for world in (1, 2, 4):
                for by_modality in (False, True):
                    # one modality only: group_by_modality falls back to plain length grouping
                    yield Case(
                        f"image-text={mm} text-only={text} batch={batch} world={world} group_by_modality={by_modality}",
                        lambda mm=mm, t=text, b=batch, w=world, m=by_modality: cls(
                            b,
                            w,
                            lengths=_lengths(mm, t),
                            generator=torch.Generator().manual_seed(0),
                            group_by_modality=m,
                        ),
                    )
