"""TRI-ML/prismatic-vlms: multimodal (vision-language) fine-tuning. The split-modality sampler
of its training strategies (prismatic/util/batching_utils.py): every global batch either all
image-text or all text-only, as in LLaVA's data mixture, each rank of worlds 1-4."""

from wild.entry import Case, Project, sampler

from ._g3_common import with_epoch

PROJECT = Project(
    name="TRI-ML/prismatic-vlms",
    source="github",
    ref="874c5bbff52b248294a3ab97006491a7faa698e6",
    domain="multimodal",
    # prismatic/__init__.py loads the model registry (transformers, timm, ...).
    empty_init=("prismatic",),
)


class _Conversations:
    """Stands for FinetuneDataset: its length and get_modality_lengths() (is_multimodal,
    words + 576 image patches for an image example)."""

    def __init__(self, multimodal: int, text_only: int):
        self.modality_lengths = [(True, 576 + 20 + (7 * i) % 300) for i in range(multimodal)]
        self.modality_lengths += [(False, 15 + (11 * i) % 400) for i in range(text_only)]

    def __len__(self):
        return len(self.modality_lengths)


@sampler(PROJECT, "prismatic/util/batching_utils.py", "SplitModalitySampler")
def _(cls, module):
    # (image-text examples, text-only examples): the LLaVA-665K mixture in small, and the
    # all-image align stage
    for mm, text in ((24, 8), (70, 30), (37, 0), (64, 64), (100, 13)):
        for gbs in (8, 16):
            for size in (1, 2, 4):
                for rank in range(size):
                    for epoch in (0, 1):
                        yield Case(
                            f"image-text={mm} text-only={text} global_batch={gbs} world={size} rank={rank} epoch={epoch}",
                            lambda mm=mm, t=text, g=gbs, s=size, r=rank, e=epoch: with_epoch(
                                cls(_data(mm, t), _data(mm, t).modality_lengths, g, num_replicas=s, rank=r), e
                            ),
                        )


def _data(mm, text):
    return _Conversations(mm, text)
